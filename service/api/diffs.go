package api

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
)

// MaxDiffText bounds each of the two texts of a diff request, in bytes.
const MaxDiffText = 1 << 20

// DiffFormatParam selects the representation of a diff.
type DiffFormatParam struct {
	Format  string `query:"format" enum:"json,html,side-by-side,text" doc:"json (default), html (inline <del>/<ins>), side-by-side (two aligned columns) or text ([-old-]{+new+}). Overrides Accept."`
	Context int    `query:"context" minimum:"0" maximum:"1000" doc:"For html, side-by-side and text: collapse unchanged stretches to this many lines (sentences side by side) around each change; 0 shows everything."`
	Accept  string `header:"Accept"`
}

type diffInput struct {
	DiffFormatParam
	Body struct {
		Old    string `json:"old" doc:"The old text (1 MiB at most)."`
		New    string `json:"new" doc:"The new text (1 MiB at most)."`
		Format string `json:"format,omitempty" enum:"json,html,side-by-side,text" doc:"json (default), html, side-by-side or text."`
	}
}

type articleDiffInput struct {
	ArticleIDParam
	DiffFormatParam
	CacheParam
	From string `query:"from" pattern:"^[0-9]{1,9}$" patternDescription:"a revision number, 0 for the empty text" doc:"The old revision; the one before to when absent. 0 is the empty text."`
	To   int    `query:"to" minimum:"1" doc:"The new revision; the latest when absent."`
}

// DiffBody is a diff as the API shows it.
type DiffBody struct {
	ID       string    `json:"id,omitempty" doc:"The article id, for a diff of stored revisions."`
	From     *int      `json:"from,omitempty" doc:"The old revision (0: the empty text)."`
	To       *int      `json:"to,omitempty" doc:"The new revision."`
	TitleOps []diff.Op `json:"title_ops,omitempty" doc:"The word ops of the title."`
	// Result brings ops, stats (with words_moved and facts_changed),
	// sentences and facts.
	*diff.Result
}

// diffResult is what the diff cache keeps: the body and title diffs.
type diffResult struct {
	body  *diff.Result
	title []diff.Op
}

func (s *Server) registerDiffs() {
	tags := []string{"diffs"}
	huma.Register(s.api, huma.Operation{
		OperationID: "diff", Method: http.MethodPost, Path: "/v1/diff", Tags: tags,
		Summary:      "Diff two texts word by word",
		MaxBodyBytes: s.maxBodyBytes(), Responses: s.diffResponses(),
		Errors: []int{http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType},
	}, s.diffTexts)
	huma.Register(s.api, huma.Operation{
		OperationID: "get-diff", Method: http.MethodGet, Path: "/v1/articles/{id}/diff", Tags: tags,
		Summary:     "Diff two revisions of an article",
		Description: "Word ops, stats and sentence changes from revision `from` to revision `to` (by default the previous and the latest), with the title's word ops. Results are cached by the two content hashes.",
		Responses:   s.diffResponses(), Errors: []int{http.StatusBadRequest, http.StatusNotFound},
	}, s.articleDiff)
}

func (s *Server) diffResponses() map[string]*huma.Response {
	resp := s.renderedResponses(reflect.TypeFor[DiffBody]())
	delete(resp["200"].Content, "text/markdown")
	return resp
}

func (s *Server) diffTexts(ctx context.Context, in *diffInput) (*renderedOutput, error) {
	for name, t := range map[string]string{"old": in.Body.Old, "new": in.Body.New} {
		if len(t) > MaxDiffText {
			return nil, service.Errorf(service.EINVALID, "%s is %d bytes; the limit is %d bytes", name, len(t), MaxDiffText)
		}
	}
	key := "text:" + hashHex(in.Body.Old) + ":" + hashHex(in.Body.New)
	res, err := s.diff(ctx, key, "", "", in.Body.Old, in.Body.New)
	if err != nil {
		return nil, err
	}
	f := in.DiffFormatParam
	f.Format = cmp.Or(f.Format, in.Body.Format)
	return renderDiff(f, DiffBody{Result: res.body})
}

func hashHex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// diffRenderKey is the key of an encoded diff, as
// "rev:%s:%s|%s|%d|%d|%s|%d" would write it, appended by hand: a cached GET
// of a diff makes one for every request (TestDiffRenderKey).
func diffRenderKey(fromHash, toHash, articleID string, from, to int, format string, contextLines int) string {
	var b strings.Builder
	var num [24]byte
	b.Grow(len(fromHash) + len(toHash) + len(articleID) + len(format) + 48)
	b.WriteString("rev:")
	b.WriteString(fromHash)
	b.WriteByte(':')
	b.WriteString(toHash)
	b.WriteByte('|')
	b.WriteString(articleID)
	for _, n := range [...]int{from, to} {
		b.WriteByte('|')
		b.Write(strconv.AppendInt(num[:0], int64(n), 10))
	}
	b.WriteByte('|')
	b.WriteString(format)
	b.WriteByte('|')
	b.Write(strconv.AppendInt(num[:0], int64(contextLines), 10))
	return b.String()
}

// articleDiff answers from the cache of encoded diffs: a hit reads the two
// revisions' numbers and content hashes, never their bodies.
func (s *Server) articleDiff(ctx context.Context, in *articleDiffInput) (*renderedOutput, error) {
	format, err := in.DiffFormatParam.resolve()
	if err != nil {
		return nil, err
	}
	from, to, err := s.metaPair(ctx, in.ID, in.From, in.To)
	if err != nil {
		return nil, err
	}
	key := diffRenderKey(from.ContentHash, to.ContentHash, in.ID, from.Number, to.Number, format, in.Context)
	r, err := s.diffRenders.Get(key, func() (*rendered, int64, error) {
		res, err := s.lazyDiff(ctx, "rev:"+from.ContentHash+":"+to.ContentHash, func() (texts, error) {
			return s.loadPair(ctx, in.ID, from.Number, to.Number)
		})
		if err != nil {
			return nil, 0, err
		}
		f := in.DiffFormatParam
		f.Format = format
		body := DiffBody{ID: in.ID, From: &from.Number, To: &to.Number, TitleOps: res.title, Result: res.body}
		out, err := renderDiff(f, body)
		if err != nil {
			return nil, 0, err
		}
		r := newRendered(out, key)
		r.transient = res.body.Degraded
		return r, 0, nil
	})
	if err != nil {
		return nil, err
	}
	return r.output(in.CacheParam)
}

// resolve returns the diff format asked for: ?format= when given, else the
// one Accept prefers.
func (f DiffFormatParam) resolve() (string, error) {
	if f.Format != "" {
		return f.Format, nil
	}
	return negotiate(f.Accept, "json", "text", "html")
}

// metaPair finds the two revisions of a diff by number and content hash.
// Revision 0 is the empty text, so that the first revision diffs as wholly
// added.
func (s *Server) metaPair(ctx context.Context, id string, fromN string, toN int) (from, to service.RevisionMeta, err error) {
	if to, err = s.store.RevisionMeta(ctx, id, toN); err != nil {
		return from, to, err
	}
	n := to.Number - 1
	if fromN != "" {
		n, _ = strconv.Atoi(fromN) // the pattern admits only digits
	}
	if n == 0 {
		return service.RevisionMeta{ArticleID: id, ContentHash: service.ContentHash("", "")}, to, nil
	}
	from, err = s.store.RevisionMeta(ctx, id, n)
	return from, to, err
}

// diff returns the cached diff of two texts (and titles), computing it on a
// miss.
func (s *Server) diff(ctx context.Context, key, oldTitle, newTitle, old, new string) (*diffResult, error) {
	return s.lazyDiff(ctx, key, func() (texts, error) { return texts{oldTitle, newTitle, old, new}, nil })
}

// texts are the two titles and bodies a diff compares.
type texts struct{ oldTitle, newTitle, old, new string }

// lazyDiff is diff for callers that load the texts only on a cache miss.
func (s *Server) lazyDiff(ctx context.Context, key string, load func() (texts, error)) (*diffResult, error) {
	res, err := s.diffs.Get(key, func() (*diffResult, int64, error) {
		t, err := load()
		if err != nil {
			return nil, 0, err
		}
		res, err := s.computeDiff(t)
		// Ops may be slices of the texts, which then stay in memory.
		return res, int64(len(t.old) + len(t.new) + len(t.oldTitle) + len(t.newTitle)), err
	})
	return res, err
}

func (s *Server) computeDiff(t texts) (*diffResult, error) {
	start := time.Now()
	body, err := diff.Compare(t.old, t.new, diff.Options{})
	if err != nil {
		return nil, err
	}
	title, err := diff.Words(t.oldTitle, t.newTitle, diff.Options{})
	if err != nil {
		return nil, err
	}
	s.obs.DiffComputed(diff.CountWords(t.old)+diff.CountWords(t.new), len(t.old)+len(t.new), time.Since(start))
	return &diffResult{body: body, title: title}, nil
}

// loadPair loads the titles and bodies of two revisions; revision 0 is empty.
func (s *Server) loadPair(ctx context.Context, id string, from, to int) (texts, error) {
	var t texts
	newRev, err := s.store.RevisionByNumber(ctx, id, to)
	if err != nil {
		return t, err
	}
	t.newTitle, t.new = newRev.Title, newRev.Body
	if from == 0 {
		return t, nil
	}
	oldRev, err := s.store.RevisionByNumber(ctx, id, from)
	if err != nil {
		return t, err
	}
	t.oldTitle, t.old = oldRev.Title, oldRev.Body
	return t, nil
}

// renderDiff encodes a diff in the format the request asks for: JSON, or
// the title's and the body's word diff as inline HTML, side-by-side HTML or
// git-style text.
func renderDiff(f DiffFormatParam, body DiffBody) (*renderedOutput, error) {
	format := f.Format
	if format == "" {
		var err error
		if format, err = negotiate(f.Accept, "json", "text", "html"); err != nil {
			return nil, err
		}
	}
	opts := diff.RenderOptions{Context: f.Context}
	out := &renderedOutput{Vary: "Accept", ContentType: "text/html; charset=utf-8"}
	switch format {
	case "html":
		out.Body = []byte(titleHTML(body.TitleOps, opts) + body.HTML(opts))
	case "side-by-side":
		out.Body = []byte(titleHTML(body.TitleOps, opts) + body.SideBySideHTML(opts))
	case "text":
		out.ContentType = "text/plain; charset=utf-8"
		text := titleText(body.TitleOps, opts) + body.Text(opts)
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n" // a text file's last line ends, as redline diff's does
		}
		out.Body = []byte(text)
	default:
		return render(FormatParam{Format: "json"}, body)
	}
	return out, nil
}

func titleHTML(ops []diff.Op, opts diff.RenderOptions) string {
	if len(ops) == 0 {
		return ""
	}
	return "<div class=\"rl-title\">" + diff.HTMLOps(ops, diff.RenderOptions{Color: opts.Color}) + "</div>\n"
}

func titleText(ops []diff.Op, opts diff.RenderOptions) string {
	if len(ops) == 0 {
		return ""
	}
	return diff.TextOps(ops, diff.RenderOptions{Color: opts.Color}) + "\n\n"
}
