package api

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
)

// putBodyEdges are PUT bodies at the edges of what the one-pass decode
// accepts: lengths at their limits in bytes and in characters, escapes,
// nulls, numbers in every form, metadata of every kind.
var putBodyEdges = []string{
	`{"title":"T","body":"B"}`,
	`{"title":"` + strings.Repeat("é", 1000) + `","body":"B"}`,
	`{"title":"` + strings.Repeat("é", 1001) + `","body":"B"}`,
	`{"title":"` + strings.Repeat("a", 1000) + `","body":"B"}`,
	`{"title":"` + strings.Repeat("a", 1001) + `","body":"B"}`,
	`{"title":"","body":"B"}`, `{"title":"T","body":""}`, `{"title":"T"}`, `{"body":"B"}`, `{}`,
	`{"title":"\u0041\n\"x\"","body":"a\\b \ud83d\ude00 \u00e9"}`,
	`{"title":"T","body":"B","url":"` + strings.Repeat("u", 2048) + `"}`,
	`{"title":"T","body":"B","url":"` + strings.Repeat("u", 2049) + `"}`,
	`{"title":"T","body":"B","url":"` + strings.Repeat("é", 2048) + `"}`,
	`{"title":"T","body":"B","url":"` + strings.Repeat("é", 2049) + `"}`,
	`{"title":"T","body":"B","url":""}`, `{"title":"T","body":"B","url":null}`, `{"title":"T","body":"B","url":1}`,
	`{"title":"T","body":"B","url":"https:\/\/example.com\/a?b=c\u0026d"}`,
	`{"title":"T","body":"B","base_revision":1}`, `{"title":"T","body":"B","base_revision":0}`,
	`{"title":"T","body":"B","base_revision":-1}`, `{"title":"T","body":"B","base_revision":01}`,
	`{"title":"T","body":"B","base_revision":1.0}`, `{"title":"T","body":"B","base_revision":1e0}`,
	`{"title":"T","body":"B","base_revision":1.5}`, `{"title":"T","body":"B","base_revision":null}`,
	`{"title":"T","body":"B","base_revision":"2"}`, `{"title":"T","body":"B","base_revision":999999999999999}`,
	`{"title":"T","body":"B","base_revision":9999999999999999}`, `{"title":"T","body":"B","base_revision":99999999999999999999}`,
	`{"title":"T","body":"B","metadata":{}}`, `{"title":"T","body":"B","metadata":{ "desk" : "metro", "n": [1, 2.5, {"x": null}] }}`,
	`{"title":"T","body":"B","metadata":{"a":1e5}}`, `{"title":"T","body":"B","metadata":{"a":1,"a":2}}`,
	`{"title":"T","body":"B","metadata":[]}`, `{"title":"T","body":"B","metadata":null}`, `{"title":"T","body":"B","metadata":"x"}`,
	`{"title":"T","body":"B","Title":"U"}`, `{"title":"T","body":"B","title":"U"}`, `{"TITLE":"T","body":"B"}`,
	`{"title":"T","body":"B","extra":1}`, `{"title":null,"body":"B"}`, `{"title":1,"body":"B"}`, `{"title":"T","body":["B"]}`,
	`{"title":"T","body":"B"} `, `{"title":"T","body":"B"}x`, `{"title":"T","body":"B"}{}`, ` {"title":"T","body":"B"}`,
	"{\"title\":\"\xff\",\"body\":\"B\"}", `{"title":"T","body":"\ud800"}`, `[]`, `null`, `"s"`, ``,
}

func testPutBodyDecoder(t testing.TB) *putBodyDecoder {
	t.Helper()
	s := NewServer(Config{})
	if s.putBody == nil || s.putBody.schema == nil {
		t.Fatal("the PUT route has no body decoder")
	}
	return s.putBody
}

// TestPutBodyOnePassMatchesHuma checks that, on every body, the one-pass
// decode gives the values and the problems of huma's three steps.
func TestPutBodyOnePassMatchesHuma(t *testing.T) {
	d := testPutBodyDecoder(t)
	for _, doc := range append(append(putBodyEdges, putDocs...), jsonDocs...) {
		checkPutBody(t, d, []byte(doc))
	}
}

// TestPlainPutBodiesTakeOnePass checks that the bodies clients send, with
// or without the optional members, are decoded in one pass.
func TestPlainPutBodiesTakeOnePass(t *testing.T) {
	for _, doc := range []string{
		`{"title":"Floods close the old bridge","body":"The river rose.\n\nUpdate 1: the water level was measured again."}`,
		`{"title":"T","body":"B","url":"https://example.com/a","metadata":{"desk":"metro","tags":["floods"]},"base_revision":3}`,
		`{"body":"B","title":"T"}`,
	} {
		var b putArticleBody
		if !decodePlainPutBody([]byte(doc), &b) {
			t.Errorf("%.60s: got the three-step decode, want one pass", doc)
		}
	}
}

// FuzzPutBodyDecode looks for a body on which the one-pass decode and
// huma's three steps disagree.
func FuzzPutBodyDecode(f *testing.F) {
	for _, doc := range append(putBodyEdges, putDocs...) {
		f.Add([]byte(doc))
	}
	d := testPutBodyDecoder(f)
	f.Fuzz(func(t *testing.T, doc []byte) { checkPutBody(t, d, doc) })
}

func checkPutBody(t *testing.T, d *putBodyDecoder, doc []byte) {
	t.Helper()
	var got, want putArticleBody
	d.decode(doc, &got)
	want.problems = d.problemsOf(doc, &want)
	// huma lists unexpected members in its map's order, which varies.
	if gotP, wantP := sortedProblems(got.problems), sortedProblems(want.problems); !slices.Equal(gotP, wantP) {
		t.Fatalf("%.80q: got problems %q, want huma's %q", doc, gotP, wantP)
	}
	if len(want.problems) == 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("%.80q: got %+v, want huma's %+v", doc, got, want)
	}
}

func sortedProblems(errs []error) []string {
	s := make([]string, len(errs))
	for i, err := range errs {
		s[i] = fmt.Sprintf("%#v", err)
	}
	slices.Sort(s)
	return s
}

// BenchmarkDecodePutBody decodes and validates a 5 KB PUT body: as huma
// does with encoding/json (a decode into an empty interface, its
// validation, a decode into the input struct), the same three steps with
// the fast decoder, and in one pass: go-json-experiment's, and the scan
// that decode tries first.
func BenchmarkDecodePutBody(b *testing.B) {
	doc := []byte(`{"title":"Floods close the old bridge","body":"` +
		strings.Repeat("The river rose 12 centimetres overnight and the bridge was closed. ", 75) + `\n\nUpdate 7."}`)
	d := testPutBodyDecoder(b)
	for _, tc := range []struct {
		name   string
		decode func(*putArticleBody) []error
	}{
		{"huma-encoding-json", func(in *putArticleBody) []error {
			var tree any
			if err := json.Unmarshal(doc, &tree); err != nil {
				return []error{err}
			}
			var res huma.ValidateResult
			pb := huma.NewPathBuffer([]byte{}, 0)
			pb.Push("body")
			huma.Validate(d.registry, d.schema, pb, huma.ModeWriteToServer, tree, &res)
			if err := json.Unmarshal(doc, in); err != nil {
				return []error{err}
			}
			return res.Errors
		}},
		{"huma-fast-decoder", func(in *putArticleBody) []error { return d.problemsOf(doc, in) }},
		{"one-pass-jsontext", func(in *putArticleBody) []error {
			if !decodePlainPutBody(doc, in) {
				return []error{errNotString}
			}
			return nil
		}},
		{"one-pass", func(in *putArticleBody) []error { d.decode(doc, in); return in.problems }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				var in putArticleBody
				if errs := tc.decode(&in); len(errs) > 0 || in.Body == "" {
					b.Fatalf("decode: %v", errs)
				}
			}
		})
	}
}
