package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

const (
	floodV1 = "The river rose two metres overnight. The old bridge is closed.\n\nThe mayor asked residents to stay home."
	floodV2 = "The river rose three metres overnight. The old bridge is closed.\n\nThe mayor asked residents to stay home. Two people were rescued near the harbour."
)

func putFlood(t *testing.T, s *testServer) {
	t.Helper()
	wantStatus(t, s.do(t, "PUT", "/v1/articles/flood", article("Flood", floodV1)), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/flood", article("Flood worsens", floodV2)), http.StatusCreated)
}

// rebuild concatenates the ops of kind op and equal: the old text for
// "delete", the new one for "insert".
func rebuild(ops []any, op string) string {
	var b strings.Builder
	for _, raw := range ops {
		o := raw.(map[string]any)
		if o["op"] == "equal" || o["op"] == op {
			b.WriteString(o["text"].(string))
		}
	}
	return b.String()
}

func TestArticleDiff(t *testing.T) {
	s := startServer(t, 0)
	putFlood(t, s)
	r := s.do(t, "GET", "/v1/articles/flood/diff", "")
	wantStatus(t, r, http.StatusOK)
	if r.body["from"] != 1.0 || r.body["to"] != 2.0 {
		t.Fatalf("default revisions: got from %v to %v, want 1 and 2", r.body["from"], r.body["to"])
	}
	ops := r.body["ops"].([]any)
	if got := rebuild(ops, "delete"); got != floodV1 {
		t.Errorf("equal+delete ops: got %q, want the old text", got)
	}
	if got := rebuild(ops, "insert"); got != floodV2 {
		t.Errorf("equal+insert ops: got %q, want the new text", got)
	}
	if got := rebuild(r.body["title_ops"].([]any), "insert"); got != "Flood worsens" {
		t.Errorf("title ops: got %q, want the new title", got)
	}
	stats := r.body["stats"].(map[string]any)
	if stats["sentences_added"] != 1.0 || stats["sentences_edited"] != 1.0 || stats["words_removed"] != 1.0 {
		t.Errorf("stats: got %v, want 1 sentence added, 1 edited, 1 word removed", stats)
	}
	r = s.do(t, "GET", "/v1/articles/flood/diff?from=0&to=1", "")
	wantStatus(t, r, http.StatusOK)
	if got := rebuild(r.body["ops"].([]any), "insert"); got != floodV1 {
		t.Errorf("diff from the empty text: got %q, want all of revision 1", got)
	}
	for _, path := range []string{"/v1/articles/flood/diff?from=9", "/v1/articles/flood/diff?to=9", "/v1/articles/none/diff"} {
		wantProblem(t, s.do(t, "GET", path, ""), http.StatusNotFound)
	}
	for _, from := range []string{"x", "-1", "1.5"} {
		r := s.do(t, "GET", "/v1/articles/flood/diff?from="+from, "")
		wantProblem(t, r, http.StatusBadRequest)
		if got, want := r.body["detail"], "validation failed: query.from: expected string to be a revision number, 0 for the empty text"; got != want {
			t.Errorf("from=%s: got detail %q, want %q", from, got, want)
		}
	}
}

func TestDiffTexts(t *testing.T) {
	s := startServer(t, 4<<20)
	r := s.do(t, "POST", "/v1/diff", `{"old":"a big red dog","new":"a small blue dog"}`)
	wantStatus(t, r, http.StatusOK)
	if got := rebuild(r.body["ops"].([]any), "insert"); got != "a small blue dog" {
		t.Fatalf("ops: got %q, want the new text", got)
	}
	big := strings.Repeat("word ", 210_000)
	wantProblem(t, s.do(t, "POST", "/v1/diff", `{"old":"`+big+`","new":"x"}`), http.StatusBadRequest)
	wantProblem(t, s.do(t, "POST", "/v1/diff", `{"old":"a","new":"b","format":"pdf"}`), http.StatusBadRequest)
}

func TestRevisionListingHasChangeStats(t *testing.T) {
	s := startServer(t, 0)
	putFlood(t, s)
	revs := s.do(t, "GET", "/v1/articles/flood/revisions", "").body["revisions"].([]any)
	first, second := revs[0].(map[string]any), revs[1].(map[string]any)
	if first["words_added"] != first["words"] || first["words_removed"] != 0.0 {
		t.Errorf("revision 1: got added %v removed %v, want all %v words added", first["words_added"], first["words_removed"], first["words"])
	}
	if second["words_added"] != 8.0 || second["words_removed"] != 1.0 {
		t.Errorf("revision 2: got added %v removed %v, want 8 and 1", second["words_added"], second["words_removed"])
	}
	stats := s.do(t, "GET", "/v1/articles/flood/diff?from=1&to=2", "").body["stats"].(map[string]any)
	for _, k := range []string{"words_added", "words_removed"} {
		if stats[k] != second[k] {
			t.Errorf("%s: got %v in the listing and %v in the diff, want the same", k, second[k], stats[k])
		}
	}
}

func TestDiffFacts(t *testing.T) {
	s := startServer(t, 0)
	putFlood(t, s)
	r := s.do(t, "GET", "/v1/articles/flood/diff?from=1&to=2", "")
	wantStatus(t, r, http.StatusOK)
	facts := r.body["facts"].([]any)
	first := facts[0].(map[string]any)
	if len(facts) != 2 || first["kind"] != "number" || first["change"] != "changed" || first["old"] != "two" || first["new"] != "three" ||
		first["old_sentence"] != 0.0 || first["new_sentence"] != 0.0 {
		t.Errorf("got facts %v, want two → three in sentence 0, then the added sentence's number", facts)
	}
	html := s.do(t, "GET", "/v1/articles/flood/diff?from=1&to=2&format=html", "")
	if !strings.Contains(string(html.raw), `<span class="rl-fact" data-kind="number" data-change="changed">number: two → three</span>`) {
		t.Errorf("html: got %s, want a fact badge", html.raw)
	}
}

func TestSummarySince(t *testing.T) {
	s := startServer(t, 0)
	putFlood(t, s)
	r := s.do(t, "GET", "/v1/articles/flood/summary?since=1&sentences=5", "")
	wantStatus(t, r, http.StatusOK)
	sents := r.body["sentences"].([]any)
	want := []string{"The river rose three metres overnight.", "Two people were rescued near the harbour."}
	if len(sents) != len(want) {
		t.Fatalf("since=1: got %s, want the edited and the added sentence", r.raw)
	}
	for i, raw := range sents {
		sent := raw.(map[string]any)
		start, end := int(sent["start"].(float64)), int(sent["end"].(float64))
		if sent["text"] != want[i] || floodV2[start:end] != want[i] {
			t.Errorf("sentence %d: got %q at [%d:%d], want %q with offsets into revision 2", i, sent["text"], start, end, want[i])
		}
	}
	r = s.do(t, "GET", "/v1/articles/flood/summary?since=2", "")
	if n := len(r.body["sentences"].([]any)); r.status != http.StatusOK || n != 0 {
		t.Fatalf("since the latest: got %d %d sentences, want 200 and none", r.status, n)
	}
	wantProblem(t, s.do(t, "GET", "/v1/articles/flood/summary?since=3&revision=2", ""), http.StatusBadRequest)
	wantProblem(t, s.do(t, "GET", "/v1/articles/flood/summary?since=7", ""), http.StatusBadRequest)
}

func TestDiffFormats(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/x", article("Old <b>title</b>", "Police said <script>alert(1)</script> was found.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/x", article("New <b>title</b>", "Police said <script>alert(2)</script> was found. More later.")), http.StatusCreated)
	tests := []struct {
		name, query, accept, contentType string
		contains                         []string
	}{
		{"inline html", "?format=html", "", "text/html; charset=utf-8", []string{"<del", "<ins", "&lt;script&gt;", `class="rl-title"`}},
		{"html by Accept", "", "text/html", "text/html; charset=utf-8", []string{"<ins"}},
		{"side by side", "?format=side-by-side", "", "text/html; charset=utf-8", []string{"<table", "&lt;script&gt;"}},
		{"text", "?format=text", "", "text/plain; charset=utf-8", []string{"[-Old-]{+New+}", "{+ More later.+}"}},
		{"json", "?format=json", "text/html", "application/json", []string{`"ops"`, `"title_ops"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "GET", "/v1/articles/x/diff"+tc.query, "", "Accept", tc.accept)
			wantStatus(t, r, http.StatusOK)
			if ct := r.header.Get("Content-Type"); ct != tc.contentType {
				t.Fatalf("content type: got %q, want %q", ct, tc.contentType)
			}
			for _, want := range tc.contains {
				if !strings.Contains(string(r.raw), want) {
					t.Errorf("body: got %s, want it to contain %q", r.raw, want)
				}
			}
			isText := tc.contentType == "text/plain; charset=utf-8"
			if isText && !strings.HasSuffix(string(r.raw), ".+}\n") {
				t.Errorf("text body: got %q, want its last line ended by one newline", r.raw)
			}
			if !isText && (strings.Contains(string(r.raw), "<script>") || strings.Contains(string(r.raw), "<b>")) {
				t.Errorf("body holds unescaped markup from the article: %s", r.raw)
			}
		})
	}
	r := s.do(t, "POST", "/v1/diff", `{"old":"a b c","new":"a x c","format":"text"}`)
	if r.status != http.StatusOK || string(r.raw) != "a [-b-]{+x+} c\n" {
		t.Fatalf("POST text diff: got %d %q, want \"a [-b-]{+x+} c\\n\": a text file whose last line ends", r.status, r.raw)
	}
}

func TestCachedDiffIsTheSameAnswer(t *testing.T) {
	s := startServer(t, 0)
	putFlood(t, s)
	tests := []struct{ name, query string }{
		{"json", ""},
		{"html", "?format=html"},
		{"text with context", "?format=text&context=1"},
		{"first revision", "?from=0&to=1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first := s.do(t, "GET", "/v1/articles/flood/diff"+tc.query, "")
			again := s.do(t, "GET", "/v1/articles/flood/diff"+tc.query, "")
			wantStatus(t, again, http.StatusOK)
			if string(first.raw) != string(again.raw) || first.header.Get("Content-Type") != again.header.Get("Content-Type") {
				t.Fatalf("cached diff: got %s, want %s", again.raw, first.raw)
			}
			tag := again.header.Get("ETag")
			if tag == "" || tag != first.header.Get("ETag") {
				t.Fatalf("ETag: got %q then %q, want one stable tag", first.header.Get("ETag"), tag)
			}
			wantStatus(t, s.do(t, "GET", "/v1/articles/flood/diff"+tc.query, "", "If-None-Match", tag), http.StatusNotModified)
		})
	}
}

func TestRevisionListingPages(t *testing.T) {
	s := startServer(t, 0)
	for i := 1; i <= 5; i++ {
		wantStatus(t, s.do(t, "PUT", "/v1/articles/paged", article("T", strings.Repeat("word ", i))), http.StatusCreated)
	}
	var numbers []float64
	path := "/v1/articles/paged/revisions?limit=2"
	for page := 0; page < 5 && path != ""; page++ {
		r := s.do(t, "GET", path, "")
		wantStatus(t, r, http.StatusOK)
		for _, rev := range r.body["revisions"].([]any) {
			rev := rev.(map[string]any)
			numbers = append(numbers, rev["revision"].(float64))
			if rev["words_added"] != 1.0 && rev["revision"] != 1.0 {
				t.Errorf("revision %v: got %v words added, want 1", rev["revision"], rev["words_added"])
			}
		}
		path = ""
		if c, ok := r.body["next_cursor"].(string); ok {
			path = "/v1/articles/paged/revisions?limit=2&cursor=" + c
		}
	}
	if got := fmt.Sprint(numbers); got != "[1 2 3 4 5]" {
		t.Fatalf("revisions over pages: got %s, want [1 2 3 4 5]", got)
	}
	wantProblem(t, s.do(t, "GET", "/v1/articles/paged/revisions?cursor=garbage", ""), http.StatusBadRequest)
	wantProblem(t, s.do(t, "GET", "/v1/articles/paged/revisions?limit=501", ""), http.StatusBadRequest)
}
