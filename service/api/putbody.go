package api

import (
	"errors"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// putArticleBody is the body of PUT /v1/articles/{id}. It is an alias of an
// unnamed struct, so that the OpenAPI document names its schema after the
// operation.
type putArticleBody = struct {
	Title        string    `json:"title" minLength:"1" maxLength:"1000" doc:"One line."`
	Body         string    `json:"body" minLength:"1" doc:"The article text; paragraphs separated by a blank line."`
	URL          string    `json:"url,omitempty" maxLength:"2048" required:"false"`
	Metadata     RawObject `json:"metadata,omitempty" required:"false" doc:"Any JSON object, kept with the revision (16 KiB at most, counted as sent)."`
	BaseRevision int       `json:"base_revision,omitempty" required:"false" minimum:"1" doc:"Same as If-Match: \"N\"."`
	// problems are what validating the body against its schema found;
	// Resolve hands them to huma, whose own validation this operation
	// skips (decodePutBody does it).
	problems []error
}

// Resolve reports the problems decodePutBody found in the body, where huma
// would have reported its own validation's.
func (in *putArticleInput) Resolve(ctx huma.Context) []error {
	// huma looks no deeper once a type resolves itself: the id's check is
	// called here.
	return append(in.ArticleIDParam.Resolve(ctx), in.Body.problems...)
}

// putBodyDecoder decodes and validates PUT bodies in one pass where huma
// makes three: a decode into an empty interface, a validation of that
// against the schema, and a decode into the input struct.
type putBodyDecoder struct {
	registry huma.Registry
	schema   *huma.Schema
}

// decode fills b from data. A body that the one strict pass proves valid
// is decoded once, by scanPlainPutBody when it can, else by
// decodePlainPutBody; any other goes through huma's three steps, so that
// its problems are exactly those huma reports.
func (d *putBodyDecoder) decode(data []byte, b *putArticleBody) {
	if scanPlainPutBody(data, b) {
		return
	}
	*b = putArticleBody{}
	if decodePlainPutBody(data, b) {
		return
	}
	*b = putArticleBody{}
	b.problems = d.problemsOf(data, b)
}

// problemsOf is huma's handling of a request body: decode it into an empty
// interface, validate that, and only then decode it into b.
func (d *putBodyDecoder) problemsOf(data []byte, b *putArticleBody) []error {
	var tree any
	if err := unmarshalJSON(data, &tree); err != nil {
		return []error{&huma.ErrorDetail{Location: "body", Message: err.Error(), Value: string(data)}}
	}
	var res huma.ValidateResult
	pb := huma.NewPathBuffer([]byte{}, 0)
	pb.Push("body")
	huma.Validate(d.registry, d.schema, pb, huma.ModeWriteToServer, tree, &res)
	if len(res.Errors) > 0 {
		return res.Errors
	}
	if err := unmarshalJSON(data, b); err != nil {
		return []error{&huma.ErrorDetail{Location: "body", Message: err.Error(), Value: string(data)}}
	}
	return nil
}

// putBodyWire is a PUT body as the strict pass reads it: the required texts
// as strings, and the optional members as sent, so that a null, an absent
// member and the literal form of a number stay apart.
type putBodyWire struct {
	Title        *string        `json:"title"`
	Body         *wireText      `json:"body"`
	URL          jsontext.Value `json:"url"`
	Metadata     jsontext.Value `json:"metadata"`
	BaseRevision jsontext.Value `json:"base_revision"`
}

// wireText is a JSON string decoded with one allocation, the string's
// own: the default decoding of a string with escapes (every body with
// paragraphs holds "\n") unquotes it into a buffer of its own and then
// copies that into the string, two allocations of the article's size.
// Here the raw value is read in place, unquoted into a pooled buffer and
// copied once.
type wireText string

// UnmarshalJSONFrom reads one JSON string; any other value is refused.
func (t *wireText) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	if v.Kind() != '"' {
		return errNotString
	}
	bp := unquoteBufs.Get().(*[]byte)
	b, err := jsontext.AppendUnquote((*bp)[:0], v)
	if err == nil {
		*t = wireText(b)
	}
	if cap(b) <= maxPooledUnquote {
		*bp = b
		unquoteBufs.Put(bp)
	}
	return err
}

var errNotString = errors.New("not a string")

var unquoteBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledUnquote bounds the buffers wireText keeps: an article near the
// body limit is rare enough to pay for its own.
const maxPooledUnquote = 256 << 10

// wireOptions refuse what the schema refuses and encoding/json would
// accept or read otherwise: unknown or differently cased names, and the
// same name twice. go-json-experiment also refuses invalid UTF-8 and
// trailing data by default.
var wireOptions = jsonv2.RejectUnknownMembers(true)

// decodePlainPutBody decodes data into b when it can prove, in one pass,
// that huma's validation would find nothing and encoding/json would decode
// the same values: an object with exactly the schema's names, a title of 1
// to 1000 characters, a body, a URL string of at most 2048, metadata that
// is an object with no number out of range, and a base revision written as
// a plain positive integer. It reports false, leaving b in any state, for
// every other body.
func decodePlainPutBody(data []byte, b *putArticleBody) bool {
	var w putBodyWire
	if jsonv2.Unmarshal(data, &w, wireOptions) != nil || w.Title == nil || w.Body == nil {
		return false
	}
	if n := utf8.RuneCountInString(*w.Title); n < 1 || n > 1000 || *w.Body == "" {
		return false
	}
	*b = putArticleBody{Title: *w.Title, Body: string(*w.Body)}
	if w.URL != nil {
		url, err := jsontext.AppendUnquote(nil, w.URL)
		if w.URL.Kind() != '"' || err != nil || utf8.RuneCount(url) > 2048 {
			return false
		}
		b.URL = string(url)
	}
	if w.Metadata != nil {
		if w.Metadata.Kind() != '{' || mayOverflow(w.Metadata) {
			return false
		}
		b.Metadata = append(RawObject(nil), w.Metadata...)
	}
	if w.BaseRevision != nil {
		n, ok := plainPositiveInt(w.BaseRevision)
		if !ok {
			return false
		}
		b.BaseRevision = n
	}
	return true
}

// plainPositiveInt reads a JSON number written as 1 to 15 digits with no
// leading zero, sign, fraction or exponent: one that a float64 holds
// exactly, as the schema's check of an integer sees it, and that
// encoding/json decodes into an int.
func plainPositiveInt(v jsontext.Value) (int, bool) {
	if len(v) < 1 || len(v) > 15 || v[0] < '1' || v[0] > '9' {
		return 0, false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(string(v))
	return n, err == nil
}
