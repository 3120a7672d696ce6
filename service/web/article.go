package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
)

// MaxTimeline bounds the revisions the timeline lists, newest first; older
// ones stay reachable through the compare form's numbers.
const MaxTimeline = 100

type articleView struct {
	ID, Title, URL string
	Latest         int
	Params         articleParams
	From, To       *service.Revision
	FromTime       timeView
	ToTime         timeView
	Timeline       []timelineEntry
	Older          int // revisions left out of the timeline
	TitleDiff      template.HTML
	TitleChanged   bool
	Diff           template.HTML
	Stats          diff.Stats
	Degraded       bool
	InlineURL      string
	SideURL        string
	ToggleHideURL  string
	Summary        *summaryView
	Since          *summaryView
	SinceChoices   []int
	Text           template.HTML // the newer revision, in spans with byte offsets
}

type timelineEntry struct {
	Number       int
	Time         timeView
	Change       changeBar
	Title        string // set when the title changed in this revision
	IsFrom, IsTo bool
	ShowURL      string // this revision against the one before
	SinceURL     string // what is new in the shown revision since this one
}

// articlePage answers GET /articles/:id with the timeline, the diff of the
// chosen pair, the summary and the text of the newer revision.
func (p *Pages) articlePage(c *fiber.Ctx) error {
	v, err := p.articleView(c)
	if err != nil {
		return p.renderError(c, err)
	}
	return p.render(c, http.StatusOK, "article.html", v)
}

func (p *Pages) articleView(c *fiber.Ctx) (*articleView, error) {
	ctx, id := c.UserContext(), c.Params("id")
	if err := service.ValidateArticleID(id); err != nil {
		return nil, err
	}
	revs, err := p.store.Revisions(ctx, id)
	if err != nil {
		return nil, err
	}
	latest := revs[len(revs)-1]
	params, err := parseArticleParams(c, id, latest.Number)
	if err != nil {
		return nil, err
	}
	v := &articleView{ID: id, Title: latest.Title, URL: latest.URL, Latest: latest.Number, Params: params}
	if err := p.fillDiff(ctx, v); err != nil {
		return nil, err
	}
	if err := p.fillTimeline(ctx, v, revs); err != nil {
		return nil, err
	}
	if err := p.fillSummaries(ctx, v); err != nil {
		return nil, err
	}
	v.Text = textHTML(v.To.Body, v.Summary, v.Since)
	return v, nil
}

// fillDiff loads the two revisions and renders their diff with the diff
// package's own HTML renderers, whose output escapes all text.
func (p *Pages) fillDiff(ctx context.Context, v *articleView) error {
	from, to, err := p.revisionPair(ctx, v.ID, v.Params.From, v.Params.To)
	if err != nil {
		return err
	}
	v.From, v.To, v.FromTime, v.ToTime = from, to, p.timeView(from.CreatedAt), p.timeView(to.CreatedAt)
	r, err := p.compare(from, to)
	if err != nil {
		return err
	}
	titleOps, err := diff.Words(from.Title, to.Title, diff.Options{})
	if err != nil {
		return err
	}
	v.TitleChanged = from.Title != to.Title
	v.TitleDiff = template.HTML(diff.HTMLOps(titleOps, diff.RenderOptions{}))
	opts := diff.RenderOptions{}
	if v.Params.Hide {
		opts.Context = 1
	}
	if v.Params.View == "side" {
		v.Diff = template.HTML(withColumnHeads(r.SideBySideHTML(opts), v))
	} else {
		v.Diff = template.HTML(r.HTML(opts))
	}
	v.Stats, v.Degraded = r.Stats, r.Degraded
	id, a := v.ID, v.Params
	v.InlineURL = a.with(id, func(a *articleParams) { a.View = "inline" })
	v.SideURL = a.with(id, func(a *articleParams) { a.View = "side" })
	v.ToggleHideURL = a.with(id, func(a *articleParams) { a.Hide = !a.Hide })
	return nil
}

// withColumnHeads adds a header row naming each column's revision and time
// to the side-by-side table.
func withColumnHeads(table string, v *articleView) string {
	oldHead := "Revision " + strconv.Itoa(v.From.Number)
	if v.From.Number == 0 {
		oldHead = "Before revision 1 (empty)"
	} else {
		oldHead += `<time datetime="` + v.FromTime.ISO + `" title="` + v.FromTime.Exact + `">` + v.FromTime.Relative + "</time>"
	}
	newHead := "Revision " + strconv.Itoa(v.To.Number) + `<time datetime="` + v.ToTime.ISO + `" title="` + v.ToTime.Exact + `">` + v.ToTime.Relative + "</time>"
	head := `<thead><tr><th scope="col" class="rl-old">` + oldHead + `</th><th scope="col" class="rl-new">` + newHead + "</th></tr></thead><tbody>"
	return strings.Replace(table, "<tbody>", head, 1)
}

// fillTimeline lists the newest revisions with what each changed.
func (p *Pages) fillTimeline(ctx context.Context, v *articleView, revs []service.Revision) error {
	first := max(0, len(revs)-MaxTimeline)
	v.Older = first
	for i := len(revs) - 1; i >= first; i-- {
		r := &revs[i]
		prevHash := emptyHash
		if i > 0 {
			prevHash = revs[i-1].ContentHash
		}
		st, err := p.revisionChange(ctx, r, prevHash)
		if err != nil {
			return err
		}
		e := timelineEntry{Number: r.Number, Time: p.timeView(r.CreatedAt), Change: newChangeBar(st),
			IsFrom: r.Number == v.Params.From, IsTo: r.Number == v.Params.To}
		if i == 0 || revs[i-1].Title != r.Title {
			e.Title = r.Title
		}
		e.ShowURL = v.Params.with(v.ID, func(a *articleParams) { a.From, a.To, a.Since = r.Number-1, r.Number, 0 })
		if r.Number < v.Params.To {
			e.SinceURL = v.Params.with(v.ID, func(a *articleParams) { a.Since = r.Number })
			v.SinceChoices = append(v.SinceChoices, r.Number)
		}
		v.Timeline = append(v.Timeline, e)
	}
	return nil
}
