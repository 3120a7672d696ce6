package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/api"
)

// TestPutAnswersAreEncodingJSONs checks, for texts at the edges of JSON
// quoting, that the 201 of a PUT, the 200 of the same PUT sent again and
// the GETs of the revision that follow are byte for byte what encoding/json
// (HTML escapes off, a final newline) writes for the revision stored, with
// the same Content-Type, ETag and Location.
func TestPutAnswersAreEncodingJSONs(t *testing.T) {
	s := startServer(t, 0)
	for i, tc := range []struct{ title, body, url, metadata string }{
		{"Floods", "The river rose.", "", ""},
		{`"Quoted" \ back\slash`, "Say \"no\" to C:\\path\\ and \\\\server.\n\nTabs\tand\r\nWindows lines.", "", ""},
		{"<b>Schools</b> & shops", "<script>alert('x')</script> & &amp; <!-- --> </p>", "https://news.example/a?b=1&c=<2>", ""},
		{"Line\u2028separator", "Para\u2029graph and line\u2028separators, U+2027 \u2027 and U+202F \u202f.", "", `{"x":"\u2028\u2029","raw":"` + "\u2028\u2029<>&" + `"}`},
		{"Zürich – 東京 – ไทย", "Ünïcödé text: 中文，日本語の文、ภาษาไทย. Emoji 😀👍🏽🇫🇷 and U+10FFFF \U0010ffff.", "https://例え.jp/パス", ""},
		{"Metadata", "Nested metadata.", "", ` { "desk" : "metro" , "tags": [ "floods", "bridge" ], "n": [1, 2.5, -3e2, {"x": null, "y": true}], "html": "<b>&</b>", "esc": "\"\\\/\u00e9\n" } `},
		{"Empty metadata", "Empty object, empty url.", "", `{}`},
		{"Controls allowed", "Only tab \t, newline \n and CR \r of the controls pass; U+200E \u200e and U+FEFF \ufeff are no controls.", "", ""},
	} {
		id := fmt.Sprintf("edge-%d", i)
		doc := map[string]any{"title": tc.title, "body": tc.body}
		if tc.url != "" {
			doc["url"] = tc.url
		}
		if tc.metadata != "" {
			doc["metadata"] = json.RawMessage(tc.metadata)
		}
		var sent bytes.Buffer
		enc := json.NewEncoder(&sent)
		enc.SetEscapeHTML(false) // metadata is kept as sent
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		created := s.do(t, http.MethodPut, "/v1/articles/"+id, sent.String())
		wantStatus(t, created, http.StatusCreated)
		want := wantRevisionJSON(t, created.raw, id, tc.title, tc.body, tc.url, tc.metadata)
		answers := map[string]response{
			"201":    created,
			"200":    s.do(t, http.MethodPut, "/v1/articles/"+id, sent.String()),
			"latest": s.do(t, http.MethodGet, "/v1/articles/"+id, ""),
			"rev":    s.do(t, http.MethodGet, "/v1/articles/"+id+"/revisions/1", ""),
			"cached": s.do(t, http.MethodGet, "/v1/articles/"+id+"/revisions/1", ""),
		}
		for name, r := range answers {
			if name != "201" {
				wantStatus(t, r, http.StatusOK)
			}
			if !bytes.Equal(r.raw, want) {
				t.Errorf("%s %s: got\n%s\nwant encoding/json's\n%s", id, name, r.raw, want)
			}
			for h, v := range map[string]string{"Content-Type": "application/json", "ETag": `"1"`, "Location": "/v1/articles/" + id + "/revisions/1"} {
				if got := r.header.Get(h); got != v {
					t.Errorf("%s %s: %s %q, want %q", id, name, h, got, v)
				}
			}
		}
	}
}

// wantRevisionJSON checks that raw holds the revision sent, and returns
// what encoding/json writes for it.
func wantRevisionJSON(t *testing.T, raw []byte, id, title, body, url, metadata string) []byte {
	t.Helper()
	var got api.RevisionBody
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%s: %v: %s", id, err, raw)
	}
	d := service.Draft{Title: title, Body: body}
	dg := d.Digest()
	want := api.RevisionBody{ID: id, Revision: 1, Title: title, Body: body, URL: url, ContentHash: dg.ContentHash, Words: dg.Words,
		CreatedAt: got.CreatedAt}
	if metadata != "" {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(metadata)); err != nil {
			t.Fatal(err)
		}
		want.Metadata = compact.Bytes()
	}
	if got.CreatedAt.Location() != time.UTC || time.Since(got.CreatedAt) > time.Minute {
		t.Errorf("%s: created_at %v, want a time of the last minute, in UTC", id, got.CreatedAt)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(want); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "}\n") {
		t.Fatalf("encoding/json wrote %q", buf.Bytes())
	}
	return buf.Bytes()
}
