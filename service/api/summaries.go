package api

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/negotiation"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// MaxSummaryText bounds the text of one summary request, in bytes.
const MaxSummaryText = 1 << 20

// SummaryOptions are the length, algorithm and language of a summary. Give
// at most one of sentences, ratio and words; with none, three sentences.
type SummaryOptions struct {
	Sentences int     `json:"sentences,omitempty" query:"sentences" minimum:"1" maximum:"500" doc:"How many sentences (1-500)."`
	Ratio     float64 `json:"ratio,omitempty" query:"ratio" exclusiveMinimum:"0" maximum:"1" doc:"Share of the text's sentences (0-1]; 1 returns every sentence."`
	Words     int     `json:"words,omitempty" query:"words" minimum:"1" maximum:"100000" doc:"Word budget: the longest summary that fits; at least one sentence is returned even if none fits."`
	Algorithm string  `json:"algorithm,omitempty" query:"algorithm" enum:"learned,lexrank,textrank,lead" doc:"The summarizer; learned is the default."`
	Language  string  `json:"language,omitempty" query:"language" doc:"The text's language as an ISO 639-1 code (ISO 639-3 for the few the detector knows without one), which overrides detection; any language the detector knows is accepted, and one other than en, de, fr, es, it, pt and nl is summarized without stop words or stemming. An unknown code is a 400. Detected when absent."`
	// FallbackLanguage is used when detection cannot tell.
	FallbackLanguage string       `json:"fallback_language,omitempty" query:"fallback_language" doc:"The language to assume when the text is too short or unclear to detect (language_source is then fallback); the server's default (--default-language, en unless set) when absent."`
	Order            string       `json:"order,omitempty" query:"order" enum:"document,rank" doc:"document (default) or rank: best sentence first."`
	Keywords         keywordCount `json:"keywords,omitzero" query:"keywords" minimum:"0" maximum:"100" doc:"How many key phrases, 0-100; 0 for none. When absent, JSON lists 10 and the text, Markdown and HTML formats none."`
}

func (o SummaryOptions) library() summarize.Options {
	return summarize.Options{Algorithm: o.Algorithm, Language: o.Language, FallbackLanguage: o.FallbackLanguage,
		Sentences: o.Sentences, Ratio: o.Ratio, Words: o.Words, Order: o.Order, Keywords: o.Keywords.library()}
}

// summarizeOptions are the library's options for o on this server: its
// default language stands in where detection and the request do not tell.
func (s *Server) summarizeOptions(o SummaryOptions) summarize.Options {
	lib := o.library()
	lib.DefaultLanguage = s.cfg.DefaultLanguage
	return lib
}

// cacheKey identifies a summary by its text's hash and every option.
func (o SummaryOptions) cacheKey(textKey string) string {
	var b strings.Builder
	o.appendKey(&b, "", textKey, 0)
	return b.String()
}

// appendKey writes o's cache key for the text key prefix+textKey to b,
// with room for extra more bytes after it. It is spelled out rather than written with
// fmt.Sprintf, which a cached GET spent 3% of its time in; the key is byte
// for byte what "%s|%d|%g|%d|%s|%s|%s|%s|%d" gives (TestSummaryCacheKey).
func (o SummaryOptions) appendKey(b *strings.Builder, prefix, textKey string, extra int) {
	var num [24]byte
	b.Grow(len(prefix) + len(textKey) + len(o.Algorithm) + len(o.Language) + len(o.FallbackLanguage) + len(o.Order) + 48 + extra)
	b.WriteString(prefix)
	b.WriteString(textKey)
	b.WriteByte('|')
	b.Write(strconv.AppendInt(num[:0], int64(o.Sentences), 10))
	b.WriteByte('|')
	b.Write(strconv.AppendFloat(num[:0], o.Ratio, 'g', -1, 64))
	b.WriteByte('|')
	b.Write(strconv.AppendInt(num[:0], int64(o.Words), 10))
	for _, f := range [...]string{o.Algorithm, o.Language, o.FallbackLanguage, o.Order} {
		b.WriteByte('|')
		b.WriteString(f)
	}
	b.WriteByte('|')
	b.Write(strconv.AppendInt(num[:0], int64(o.Keywords.library()), 10))
}

// renderKey is the key of a stored revision's encoded summary: the
// summary's key for the revision's text, then the article, the number and
// the format, as "%s|%s|%d|%s" would join them.
func (o SummaryOptions) renderKey(contentHash, articleID string, number int, format string) string {
	var b strings.Builder
	var num [24]byte
	o.appendKey(&b, "rev:", contentHash, len(articleID)+len(format)+24)
	b.WriteByte('|')
	b.WriteString(articleID)
	b.WriteByte('|')
	b.Write(strconv.AppendInt(num[:0], int64(number), 10))
	b.WriteByte('|')
	b.WriteString(format)
	return b.String()
}

// keywordCount is the keywords option, which tells an explicit 0 ("no key
// phrases") from its absence (the default), in a query and in a body alike.
type keywordCount struct {
	Value int
	IsSet bool
}

// Receiver and OnParamSet let huma parse the query parameter into Value and
// say whether it was given.
func (k *keywordCount) Receiver() reflect.Value { return reflect.ValueOf(k).Elem().Field(0) }

func (k *keywordCount) OnParamSet(isSet bool, _ any) { k.IsSet = isSet }

// UnmarshalJSON reads the body field; being called means it was given.
func (k *keywordCount) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &k.Value); err != nil {
		return err
	}
	k.IsSet = true
	return nil
}

// MarshalJSON writes the count, 0 included when it was given.
func (k keywordCount) MarshalJSON() ([]byte, error) { return json.Marshal(k.Value) }

// IsZero makes omitempty drop an absent count.
func (k keywordCount) IsZero() bool { return !k.IsSet }

// Schema documents the body field as the integer it is.
func (keywordCount) Schema(huma.Registry) *huma.Schema {
	lo, hi := 0.0, float64(summarize.MaxKeywords)
	return &huma.Schema{Type: "integer", Format: "int64", Minimum: &lo, Maximum: &hi}
}

// library converts the count to summarize's convention: 0 is the default,
// summarize.NoKeywords none.
func (k keywordCount) library() int {
	if k.IsSet && k.Value == 0 {
		return summarize.NoKeywords
	}
	return k.Value
}

// summaryDocs describe the summary's language fields in the OpenAPI
// document, beside the descriptions of its other fields.
var summaryDocs = map[string]string{
	"SummaryBody.language": "The language the text was summarized as: an ISO 639-1 code (ISO 639-3 where a language has none).",
	"SummaryBody.language_source": "Where language came from: requested (the request's language), detected (the detector " +
		"recognised the text), fallback (the text was too short or unclear to tell, and the request's fallback_language was used) " +
		"or default (too short or unclear, and no fallback_language: the server's default language, en unless --default-language says otherwise).",
	"SummaryBody.supported": "Whether the language has stop words and a stemmer (en, de, fr, es, it, pt, nl); any other is " +
		"summarized without either, language-neutrally.",
	"SummaryBody.detection": "What the detector made of the text; absent when the request named the language.",
	"Detection.language":    "The language detected, or empty when the text has no letters the detector reads.",
	"Detection.confidence":  "The detector's confidence, from 0 to 1.",
	"Detection.reliable":    "Whether the text was long and clear enough to go by: confidence at least 0.8 and at least 12 letters. When false, language is the fallback or the default.",
}

func init() {
	for k, v := range summaryDocs {
		propertyDocs[k] = v
	}
}

// FormatParam selects the representation; the Accept header does when it
// is absent.
type FormatParam struct {
	Format string `query:"format" enum:"json,text,markdown,html" doc:"json (default), text (one sentence a line), markdown (bullets) or html (escaped). Overrides Accept."`
	Accept string `header:"Accept"`
}

type summarizeInput struct {
	FormatParam
	Body struct {
		Text   string `json:"text" minLength:"1" doc:"The text to summarize (1 MiB at most)."`
		Format string `json:"format,omitempty" enum:"json,text,markdown,html" doc:"Same as ?format=, which wins when both are given."`
		SummaryOptions
	}
}

type articleSummaryInput struct {
	ArticleIDParam
	FormatParam
	CacheParam
	SummaryOptions
	Revision int `query:"revision" minimum:"1" doc:"The revision to summarize; the latest when absent."`
	Since    int `query:"since" minimum:"1" doc:"Summarize only the sentences added or edited since this revision: what is new to a reader of it."`
}

// SummaryBody is a summary with, for stored articles, what it summarizes.
type SummaryBody struct {
	ID       string `json:"id,omitempty" doc:"The article id, for a stored article's summary."`
	Revision int    `json:"revision,omitempty" doc:"The revision summarized."`
	Since    int    `json:"since,omitempty" doc:"The earlier revision whose reader the summary is for: only what changed since is summarized."`
	*summarize.Summary
}

// renderedOutput is a response body already encoded in the negotiated format.
type renderedOutput struct {
	ContentType string `header:"Content-Type"`
	Vary        string `header:"Vary"`
	ETag        string `header:"ETag" doc:"For stored articles: names this answer (revision contents, options and format); send it in If-None-Match."`
	Body        []byte
}

// rendered is an encoded answer as the cache keeps it, so that a hit costs
// a copy of the bytes rather than an encoding.
type rendered struct {
	contentType string
	etag        string
	body        []byte
	// transient marks an answer that must not be cached, such as a diff
	// coarsened by its deadline.
	transient bool
}

// newRendered keeps out under an ETag derived from its cache key, which
// names the contents, the options and the format.
func newRendered(out *renderedOutput, key string) *rendered {
	sum := sha256.Sum256([]byte(key))
	return &rendered{contentType: out.ContentType, etag: `"` + hex.EncodeToString(sum[:16]) + `"`, body: out.Body}
}

// output answers with the cached bytes, or 304 when the client holds them.
func (r *rendered) output(cp CacheParam) (*renderedOutput, error) {
	if cp.matches(r.etag) {
		return nil, huma.Status304NotModified()
	}
	return &renderedOutput{ContentType: r.contentType, Vary: "Accept", ETag: r.etag, Body: r.body}, nil
}

func (s *Server) registerSummaries() {
	huma.Register(s.api, huma.Operation{
		OperationID: "summarize", Method: http.MethodPost, Path: "/v1/summarize", Tags: []string{"summaries"},
		Summary:      "Summarize a text",
		Description:  "Picks the sentences that best cover the text. `ratio: 1` returns every sentence in order, which shows how the text was segmented.",
		MaxBodyBytes: s.maxBodyBytes(), Responses: s.renderedResponses(reflect.TypeFor[SummaryBody]()),
		Errors: []int{http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType},
	}, s.summarizeText)
	huma.Register(s.api, huma.Operation{
		OperationID: "get-summary", Method: http.MethodGet, Path: "/v1/articles/{id}/summary", Tags: []string{"summaries"},
		Summary:     "Summarize a stored revision",
		Description: "Summarizes the latest revision, or the one `revision` names; with `since`, only what was added or edited after that revision. Results are cached by content hash and options.",
		Responses:   s.renderedResponses(reflect.TypeFor[SummaryBody]()),
		Errors:      []int{http.StatusBadRequest, http.StatusNotFound},
	}, s.articleSummary)
}

// renderedResponses documents a 200 that is JSON of type t, or text,
// Markdown or HTML, since huma cannot infer it from a []byte body.
func (s *Server) renderedResponses(t reflect.Type) map[string]*huma.Response {
	schema := s.api.OpenAPI().Components.Schemas.Schema(t, true, "")
	text := &huma.MediaType{Schema: &huma.Schema{Type: "string"}}
	return map[string]*huma.Response{"200": {
		Description: "OK",
		Content: map[string]*huma.MediaType{
			"application/json": {Schema: schema}, "text/plain": text, "text/markdown": text, "text/html": text,
		},
	}}
}

func (s *Server) summarizeText(ctx context.Context, in *summarizeInput) (*renderedOutput, error) {
	text := in.Body.Text
	if len(text) > MaxSummaryText {
		return nil, service.Errorf(service.EINVALID, "text is %d bytes; the limit is %d bytes", len(text), MaxSummaryText)
	}
	if err := service.ValidateText("text", text); err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(text))
	summary, err := s.summary(ctx, "text:"+hex.EncodeToString(sum[:]), text, in.Body.SummaryOptions)
	if err != nil {
		return nil, err
	}
	f := in.FormatParam
	f.Format = cmp.Or(f.Format, in.Body.Format)
	return render(f, SummaryBody{Summary: summary})
}

// articleSummary answers from the cache of encoded summaries: a hit reads
// the revision's number and content hash, never its body.
func (s *Server) articleSummary(ctx context.Context, in *articleSummaryInput) (*renderedOutput, error) {
	if in.Since > 0 {
		return s.articleSummarySince(ctx, in)
	}
	format, err := in.FormatParam.resolve("json", "text", "markdown", "html")
	if err != nil {
		return nil, err
	}
	meta, err := s.store.RevisionMeta(ctx, in.ID, in.Revision)
	if err != nil {
		return nil, err
	}
	key := in.renderKey(meta.ContentHash, meta.ArticleID, meta.Number, format)
	r, err := s.summaryRenders.Get(key, func() (*rendered, int64, error) {
		rev, err := s.store.RevisionByNumber(ctx, meta.ArticleID, meta.Number)
		if err != nil {
			return nil, 0, err
		}
		summary, err := s.summary(ctx, "rev:"+rev.ContentHash, rev.Body, in.SummaryOptions)
		if err != nil {
			return nil, 0, err
		}
		out, err := render(FormatParam{Format: format}, SummaryBody{ID: rev.ArticleID, Revision: rev.Number, Summary: summary})
		if err != nil {
			return nil, 0, err
		}
		return newRendered(out, key), 0, nil
	})
	if err != nil {
		return nil, err
	}
	return r.output(in.CacheParam)
}

// articleSummarySince summarizes what changed since an earlier revision.
func (s *Server) articleSummarySince(ctx context.Context, in *articleSummaryInput) (*renderedOutput, error) {
	rev, err := s.revision(ctx, in.ID, in.Revision)
	if err != nil {
		return nil, err
	}
	summary, err := s.summarySince(ctx, in, rev)
	if err != nil {
		return nil, err
	}
	return render(in.FormatParam, SummaryBody{ID: rev.ArticleID, Revision: rev.Number, Since: in.Since, Summary: summary})
}

// revision returns revision n of an article, or its latest when n is 0.
func (s *Server) revision(ctx context.Context, id string, n int) (*service.Revision, error) {
	if n == 0 {
		return s.store.LatestRevision(ctx, id)
	}
	return s.store.RevisionByNumber(ctx, id, n)
}

// summary returns the cached summary of text for opts, computing it on a
// miss. Bad options and empty texts come back as 400 problems.
func (s *Server) summary(ctx context.Context, textKey, text string, opts SummaryOptions) (*summarize.Summary, error) {
	sum, err := s.summaries.Get(opts.cacheKey(textKey), func() (*summarize.Summary, int64, error) {
		start := time.Now()
		sum, err := summarize.Summarize(text, s.summarizeOptions(opts))
		if err == nil {
			s.obs.SummaryComputed(sum.Algorithm, diff.CountWords(text), len(text), time.Since(start))
		}
		// Sentences may be slices of text, which then stays in memory.
		return sum, int64(len(text)), err
	})
	return sum, err
}

// Renderer is a result that can be shown as text, Markdown or HTML.
type Renderer interface {
	Text() string
	Markdown() string
	HTML() string
}

// resolve returns the format asked for: ?format= when given, else the one
// Accept prefers among offered.
func (f FormatParam) resolve(offered ...string) (string, error) {
	if f.Format != "" {
		return f.Format, nil
	}
	return negotiate(f.Accept, offered...)
}

// render encodes body in the format the request asks for.
func render[T any](f FormatParam, body T) (*renderedOutput, error) {
	format, err := f.resolve("json", "text", "markdown", "html")
	if err != nil {
		return nil, err
	}
	out := &renderedOutput{Vary: "Accept"}
	r, _ := any(body).(Renderer)
	switch {
	case format == "text" && r != nil:
		out.ContentType, out.Body = "text/plain; charset=utf-8", []byte(r.Text())
	case format == "markdown" && r != nil:
		out.ContentType, out.Body = "text/markdown; charset=utf-8", []byte(r.Markdown())
	case format == "html" && r != nil:
		out.ContentType, out.Body = "text/html; charset=utf-8", []byte(r.HTML())
	default:
		raw, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("encode response: %w", err)
		}
		out.ContentType, out.Body = "application/json", raw
	}
	return out, nil
}

// mediaFormats maps the media types (and ranges) a summary can be sent as
// to their format, in order of preference.
var mediaFormats = []struct{ media, format string }{
	{"application/json", "json"}, {"text/plain", "text"}, {"text/markdown", "markdown"}, {"text/html", "html"},
	{"*/*", "json"}, {"application/*", "json"}, {"text/*", "text"},
}

// negotiate picks the format an Accept header prefers among offered, by its
// q-values; no header means JSON, and a header that accepts none of them is
// a 406.
func negotiate(accept string, offered ...string) (string, error) {
	if strings.TrimSpace(accept) == "" {
		return "json", nil
	}
	var media []string
	for _, m := range mediaFormats {
		if slices.Contains(offered, m.format) {
			media = append(media, m.media)
		}
	}
	best := negotiation.SelectQValue(strings.ToLower(accept), media)
	for _, m := range mediaFormats {
		if m.media == best {
			return m.format, nil
		}
	}
	return "", newProblem(http.StatusNotAcceptable, fmt.Sprintf("Accept %q names no media type offered here; use one of %s, or ?format=", accept, strings.Join(media[:len(offered)], ", ")))
}
