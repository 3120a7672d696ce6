package api

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// jsonStrings are texts at the edges of JSON quoting: every ASCII byte,
// runs of plain ASCII around the eight-byte steps, HTML characters,
// U+2028 and U+2029, non-ASCII text and emoji, and invalid UTF-8.
var jsonStrings = func() []string {
	var ascii strings.Builder
	for c := 0; c < utf8.RuneSelf; c++ {
		ascii.WriteByte(byte(c))
	}
	s := []string{
		"", "a", ascii.String(), `"`, `\`, `\\"`, "<b>Schools</b> & \"shops\"", "\u2028", "\u2029", "a\u2028b\u2029c",
		"line\nnext\r\n\ttab\b\f", "\x00\x01\x1f\x7f", "é中😀", "Zürich – 東京 – ไทย", "\xff", "a\xffb", "\xed\xa0\x80",
		"\xe2\x80", "\xf0\x9f\x98", "caf\xc3", "\u00e9\u2027\u202a", strings.Repeat("The river rose. ", 40) + "\n\nUpdate 1.",
		"</script><!--", "\ufffd", "\U0010ffff",
	}
	// A special byte at each offset of a run, so that each lane of the
	// eight-byte check meets one.
	for _, special := range []string{`"`, `\`, "\n", "\x1f", " ", "~", "\x7f", "é", "\u2028", "\xff"} {
		for n := 0; n <= 17; n++ {
			s = append(s, strings.Repeat("x", n)+special+strings.Repeat("y", 17-n))
		}
	}
	return s
}()

// encodingJSON is what huma's JSON format writes for v.
func encodingJSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return buf.Bytes()
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range jsonStrings {
		checkJSONString(t, s)
	}
}

// FuzzAppendJSONString looks for a text that appendJSONString quotes
// otherwise than encoding/json.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

func checkJSONString(t *testing.T, s string) {
	t.Helper()
	want := bytes.TrimSuffix(encodingJSON(t, s), []byte("\n"))
	if got := appendJSONString([]byte("prefix"), s); !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Fatalf("%q: got %s, want encoding/json's %s", s, got, want)
	}
}

// revisionBodies are revisions with every member set and left out, tricky
// texts, metadata as clients send it (spaces, nesting, escapes, HTML), and
// times in other zones and precisions.
func revisionBodies() []RevisionBody {
	n1, n2, n3 := 3, 0, -2
	paris := time.FixedZone("Paris", 3600)
	at := time.Date(2026, 12, 2, 1, 12, 56, 123456000, time.UTC)
	revs := []RevisionBody{
		{},
		{ID: "flood", Revision: 1, Title: "T", Body: "B", ContentHash: strings.Repeat("ab", 32), Words: 1, CreatedAt: at},
		{ID: "a.b_c~d-e", Revision: 42, Title: "Floods \"close\" <the> & bridge", Body: "The river\u2028rose.\n\n\\Update\\ 1: 😀 é\t\x01\x7f",
			URL: "https://news.example/a?b=c&d=<e>", Metadata: json.RawMessage(` { "desk" : "metro", "n": [1, 2.5, {"x": null}], "h": "<b>&amp;</b>\u2028", "e": "\u00e9\n" } `),
			ContentHash: "00", Words: 12345, CreatedAt: at.In(paris)},
		{ID: "x", Revision: 2, Title: "t", Metadata: json.RawMessage(`{}`), CreatedAt: at.Truncate(time.Second)},
		{ID: "x", Revision: 2, Title: "t", Metadata: json.RawMessage("{\"a\":\"\u2028\u2029\",\n\t\"b\":[]}"), CreatedAt: time.Unix(0, 1).UTC()},
		{ID: "x", Title: "t", CreatedAt: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("", -(23*3600+59*60)))},
		{ID: "x", Title: "t", URL: "u", WordsAdded: &n1, WordsRemoved: &n2, FactsChanged: &n3, CreatedAt: at},
		{ID: "x", Title: "t", WordsRemoved: &n2, CreatedAt: at.Local()},
	}
	for _, s := range jsonStrings {
		revs = append(revs, RevisionBody{ID: "s", Revision: 7, Title: s, Body: s, URL: s, ContentHash: s, CreatedAt: at})
	}
	return revs
}

// TestAppendRevisionJSONMatchesEncodingJSON checks that a revision is
// answered byte for byte as encoding/json encoded it, through huma's
// format and through the cache's encoder alike.
func TestAppendRevisionJSONMatchesEncodingJSON(t *testing.T) {
	for _, r := range revisionBodies() {
		checkRevisionJSON(t, r)
	}
}

func checkRevisionJSON(t *testing.T, r RevisionBody) {
	t.Helper()
	want := encodingJSON(t, r)
	var buf bytes.Buffer
	if err := marshalJSON(&buf, r); err != nil {
		t.Fatalf("marshalJSON: %v", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("marshalJSON wrote\n%s\nwant encoding/json's\n%s", buf.Bytes(), want)
	}
	got, err := encodeJSON(r)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("encodeJSON gave\n%s (%v)\nwant encoding/json's\n%s", got, err, want)
	}
}

// TestAppendRevisionJSONFailsAsEncodingJSON checks that what encoding/json
// cannot encode, marshalJSON refuses with encoding/json's error.
func TestAppendRevisionJSONFailsAsEncodingJSON(t *testing.T) {
	for _, r := range []RevisionBody{
		{ID: "x", Metadata: json.RawMessage(`{"a":`)},
		{ID: "x", Metadata: json.RawMessage(`{"a":1} {}`)},
		{ID: "x", CreatedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "x", CreatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600))},
	} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		wantErr := enc.Encode(r)
		gotErr := marshalJSON(&got, r)
		if wantErr == nil || gotErr == nil || gotErr.Error() != wantErr.Error() || !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%+v: got %q (%v), want encoding/json's %q (%v)", r, got.Bytes(), gotErr, want.Bytes(), wantErr)
		}
		if _, err := encodeJSON(r); err == nil {
			t.Errorf("%+v: encodeJSON succeeded, want encoding/json's error", r)
		}
	}
}

// FuzzAppendRevisionJSON looks for a revision that appendRevisionJSON
// encodes otherwise than encoding/json.
func FuzzAppendRevisionJSON(f *testing.F) {
	for _, r := range revisionBodies() {
		f.Add(r.ID, r.Title, r.Body, r.URL, []byte(r.Metadata), r.Revision, r.CreatedAt.UnixNano(), 0)
	}
	f.Fuzz(func(t *testing.T, id, title, body, url string, metadata []byte, n int, at int64, zone int) {
		r := RevisionBody{ID: id, Revision: n, Title: title, Body: body, URL: url, ContentHash: title, Words: -n,
			CreatedAt: time.Unix(0, at).In(time.FixedZone("", zone%(24*3600)))}
		if json.Valid(metadata) {
			r.Metadata = metadata
		}
		if n%2 == 0 {
			r.WordsAdded = &n
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if enc.Encode(r) != nil {
			return
		}
		checkRevisionJSON(t, r)
	})
}

// BenchmarkEncodeRevision encodes a revision of 5 KB as the answer to a
// PUT: with encoding/json, as huma did, and with appendRevisionJSON.
func BenchmarkEncodeRevision(b *testing.B) {
	r := RevisionBody{ID: "loadtest-7", Revision: 12, Title: "Floods close the old bridge",
		Body:        strings.Repeat("The river rose 12 centimetres overnight and the bridge was closed. ", 75) + "\n\nUpdate 7.",
		ContentHash: strings.Repeat("ab", 32), Words: 900, CreatedAt: time.Date(2026, 12, 2, 1, 12, 56, 123456000, time.UTC)}
	for _, tc := range []struct {
		name    string
		marshal func(*bytes.Buffer, any) error
	}{
		{"encoding-json", func(buf *bytes.Buffer, v any) error {
			enc := json.NewEncoder(buf)
			enc.SetEscapeHTML(false)
			return enc.Encode(v)
		}},
		{"append", func(buf *bytes.Buffer, v any) error { return marshalJSON(buf, v) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.SetBytes(int64(len(r.Body)))
			for b.Loop() {
				buf.Reset()
				if err := tc.marshal(&buf, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
