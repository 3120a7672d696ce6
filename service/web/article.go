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

// Folding unchanged text. A folded view keeps FoldContext lines with text
// (paragraphs, in most articles) around each change, or that many
// sentences side by side, and puts the rest behind markers; a stretch that
// would leave fewer than FoldMinSkip behind its marker stays shown, since
// its marker would save little and cost a click. A view whose address
// names no hide is folded when one marker would hide at least
// AutoFoldWords words: about ten lines of the desktop page, two screens
// of a phone, so that the first change is not below a long read of text
// that did not change.
const (
	FoldContext   = 1
	FoldMinSkip   = 2
	AutoFoldWords = 150
)

// foldView says what a folded view leaves out.
type foldView struct {
	Markers, Words int
	Unit           string // what the context kept is: "paragraph" or "sentence"
}

// worthFolding reports whether folds hide enough in one place to fold a
// view that asked for no choice.
func worthFolding(folds []diff.Fold) bool {
	for _, f := range folds {
		if f.Words >= AutoFoldWords {
			return true
		}
	}
	return false
}

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
	// Folding: Foldable says that the view has unchanged text to fold,
	// Fold how much, and Folded that it is folded; FoldURL and WholeURL
	// are the view folded and whole.
	Foldable, Folded  bool
	Fold              foldView
	FoldURL, WholeURL string
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
	fold := diff.RenderOptions{Context: FoldContext, MinSkip: FoldMinSkip}
	folds, unit := r.Folds(fold), "paragraph"
	if v.Params.View == "side" {
		folds, unit = r.SideBySideFolds(fold), "sentence"
	}
	v.Foldable = len(folds) > 0
	switch v.Params.Hide {
	case "1":
		v.Folded = v.Foldable
	case "":
		v.Folded = worthFolding(folds)
	}
	v.Fold = foldView{Markers: len(folds), Unit: unit}
	for _, f := range folds {
		v.Fold.Words += f.Words
	}
	// Findable: a summary sentence is marked in the diff's new text by its
	// byte offsets, hidden paragraphs included.
	opts := diff.RenderOptions{Findable: true}
	if v.Folded {
		opts.Context, opts.MinSkip = fold.Context, fold.MinSkip
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
	v.FoldURL = a.with(id, func(a *articleParams) { a.Hide = "1" })
	// The whole text opens at its first change (the page's script scrolls
	// there), not at the top of a long article the reader just folded.
	v.WholeURL = a.with(id, func(a *articleParams) { a.Hide = "0" }) + "#first-change"
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
