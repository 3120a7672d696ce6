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
	// Summary and Since are nil until computed: a first view does not wait
	// for them; its panel is fetched from PanelURL by the page's script,
	// or, without scripts, shown by following FullURL.
	Summary      *summaryView
	Since        *summaryView
	SinceChoices []int
	PanelURL     string
	FullURL      string
	// Reserve holds, while the summary is fetched, invisible stand-ins as
	// long as its sentences are expected to be, so that the panel keeps
	// their room.
	Reserve []string
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
// chosen pair and, when it is at hand, the summary. A summary costs far
// more than the diff of a long article, so one not yet cached is left to
// the panel's own address (summaryPanel) unless summary=1 asks for it.
func (p *Pages) articlePage(c *fiber.Ctx) error {
	v, err := p.articleView(c, false)
	if err != nil {
		return p.renderError(c, err)
	}
	return p.render(c, http.StatusOK, "article.html", v)
}

// summaryPanel answers GET /articles/:id/summary, with the article page's
// parameters, with the summary panel alone: the HTML the page's script
// puts in place of the panel that waits for it.
func (p *Pages) summaryPanel(c *fiber.Ctx) error {
	v, err := p.articleView(c, true)
	if err != nil {
		return p.renderError(c, err)
	}
	return p.render(c, http.StatusOK, "summary-panel", v)
}

// articleView gathers a view of an article: for its page, with the diff
// and with the summaries only when cached or asked for; for its summary
// panel alone, the summaries and no diff.
func (p *Pages) articleView(c *fiber.Ctx, panelOnly bool) (*articleView, error) {
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
		return nil, withLinks(err, pageLink{"The latest changes of “" + latest.Title + "”", "/articles/" + id})
	}
	v := &articleView{ID: id, Title: latest.Title, URL: latest.URL, Latest: latest.Number, Params: params}
	if panelOnly {
		if v.To, err = p.store.RevisionByNumber(ctx, id, params.To); err != nil {
			return nil, err
		}
	} else if err := p.fillDiff(ctx, v); err != nil {
		return nil, err
	}
	p.fillTimeline(v, revs)
	ready, err := p.fillSummaries(ctx, v, panelOnly || params.Summary)
	if err != nil {
		return nil, err
	}
	if !ready {
		v.Summary, v.Since = nil, nil
		v.PanelURL = strings.Replace(params.URL(id), "?", "/summary?", 1)
		v.FullURL = params.with(id, func(a *articleParams) { a.Summary = true }) + "#summary"
		v.Reserve = reserve(v.To.Body, v.To.Words, params.Unit, params.Length)
	}
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
	// Findable: a summary sentence is marked in the diff's new text by its
	// byte offsets, hidden paragraphs included.
	opts := diff.RenderOptions{Findable: true}
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
func (p *Pages) fillTimeline(v *articleView, revs []service.Revision) {
	first := max(0, len(revs)-MaxTimeline)
	v.Older = first
	for i := len(revs) - 1; i >= first; i-- {
		r := &revs[i]
		e := timelineEntry{Number: r.Number, Time: p.timeView(r.CreatedAt), Change: newChangeBar(r),
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
}
