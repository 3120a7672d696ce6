package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

const story = "Mr. Smith went to Washington on Monday. He met the U.S. president at 3 p.m. to talk about trade. " +
	"The talks lasted two hours. Nothing was agreed, aides said. Both sides will meet again in May."

func summarizeBody(t *testing.T, fields map[string]any) string {
	t.Helper()
	b, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSummarizeText(t *testing.T) {
	s := startServer(t, 0)
	r := s.do(t, "POST", "/v1/summarize", summarizeBody(t, map[string]any{"text": story}))
	wantStatus(t, r, http.StatusOK)
	if n := len(r.body["sentences"].([]any)); n != 3 {
		t.Fatalf("default length: got %d sentences, want 3", n)
	}
	for _, field := range []string{"algorithm", "language", "keywords"} {
		if _, ok := r.body[field]; !ok {
			t.Errorf("summary lacks %q: %s", field, r.raw)
		}
	}
	r = s.do(t, "POST", "/v1/summarize", summarizeBody(t, map[string]any{"text": story, "ratio": 1}))
	wantStatus(t, r, http.StatusOK)
	sents := r.body["sentences"].([]any)
	if len(sents) != 5 {
		t.Fatalf("ratio 1: got %d sentences, want all 5", len(sents))
	}
	for i, raw := range sents {
		sent := raw.(map[string]any)
		start, end := int(sent["start"].(float64)), int(sent["end"].(float64))
		if int(sent["index"].(float64)) != i || story[start:end] != sent["text"] {
			t.Errorf("sentence %d: got index %v text %q at [%d:%d], want index %d and offsets that slice the text", i, sent["index"], sent["text"], start, end, i)
		}
	}
}

func TestSummaryFormats(t *testing.T) {
	s := startServer(t, 0)
	text := "Officials said <script>alert(1)</script> was found. " + story
	body := summarizeBody(t, map[string]any{"text": text, "ratio": 1})
	tests := []struct {
		name, query, accept, contentType, contains string
	}{
		{"json by default", "", "", "application/json", `"sentences"`},
		{"text by query", "?format=text", "", "text/plain; charset=utf-8", "He met the U.S. president at 3 p.m. to talk about trade.\n"},
		{"markdown by Accept", "", "text/markdown", "text/markdown; charset=utf-8", "- "},
		{"html by Accept", "", "text/html,application/xhtml+xml", "text/html; charset=utf-8", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"query beats Accept", "?format=json", "text/html", "application/json", `"keywords"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "POST", "/v1/summarize"+tc.query, body, "Accept", tc.accept)
			wantStatus(t, r, http.StatusOK)
			if ct := r.header.Get("Content-Type"); ct != tc.contentType {
				t.Fatalf("content type: got %q, want %q", ct, tc.contentType)
			}
			if !strings.Contains(string(r.raw), tc.contains) {
				t.Fatalf("body: got %s, want it to contain %q", r.raw, tc.contains)
			}
			if tc.query != "?format=text" && strings.Contains(string(r.raw), "<script>") {
				t.Fatalf("body holds an unescaped <script>: %s", r.raw)
			}
		})
	}
}

func TestSummaryLimits(t *testing.T) {
	s := startServer(t, 4<<20)
	tests := []struct {
		name   string
		fields map[string]any
		detail string
	}{
		{"too many sentences", map[string]any{"text": story, "sentences": 501}, "500"},
		{"two lengths", map[string]any{"text": story, "sentences": 2, "ratio": 0.5}, "at most one"},
		{"ratio above one", map[string]any{"text": story, "ratio": 1.5}, "1"},
		{"unknown algorithm", map[string]any{"text": story, "algorithm": "magic"}, "algorithm"},
		{"unknown language", map[string]any{"text": story, "language": "xx"}, "language"},
		{"empty text", map[string]any{"text": ""}, "text"},
		{"no sentences", map[string]any{"text": " \n "}, "no sentences"},
		{"text too long", map[string]any{"text": strings.Repeat("Words go here. ", 70000)}, "1048576"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "POST", "/v1/summarize", summarizeBody(t, tc.fields))
			wantProblem(t, r, http.StatusBadRequest)
			if !strings.Contains(r.body["detail"].(string), tc.detail) {
				t.Fatalf("detail: got %q, want it to mention %q", r.body["detail"], tc.detail)
			}
		})
	}
}

func TestArticleSummary(t *testing.T) {
	obs := &countingObserver{}
	s := startServerWith(t, obs)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/trade", article("Trade talks", story)), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/trade", article("Trade talks", story+" A deal is expected by June.")), http.StatusCreated)
	r := s.do(t, "GET", "/v1/articles/trade/summary?sentences=2&revision=1", "")
	wantStatus(t, r, http.StatusOK)
	if r.body["id"] != "trade" || r.body["revision"] != 1.0 || len(r.body["sentences"].([]any)) != 2 {
		t.Fatalf("summary of revision 1: got %s", r.raw)
	}
	r = s.do(t, "GET", "/v1/articles/trade/summary?ratio=1", "")
	if r.body["revision"] != 2.0 || len(r.body["sentences"].([]any)) != 6 {
		t.Fatalf("summary of the latest revision: got %s, want revision 2 with 6 sentences", r.raw)
	}
	again := s.do(t, "GET", "/v1/articles/trade/summary?ratio=1", "")
	// Each first request misses the encoded answer and the summary; the
	// repeat hits the encoded answer.
	if hits, misses, computed := obs.counts(); hits != 1 || misses != 4 || computed != 2 {
		t.Fatalf("cache: got %d hits, %d misses, %d computed; want 1, 4, 2", hits, misses, computed)
	}
	if string(again.raw) != string(r.raw) || again.header.Get("ETag") == "" || again.header.Get("ETag") != r.header.Get("ETag") {
		t.Fatalf("cached answer: got %s (ETag %q), want %s (ETag %q)", again.raw, again.header.Get("ETag"), r.raw, r.header.Get("ETag"))
	}
	// Another format encodes the cached summary: no new computation.
	text := s.do(t, "GET", "/v1/articles/trade/summary?ratio=1&format=text", "")
	if _, _, computed := obs.counts(); computed != 2 || text.header.Get("ETag") == r.header.Get("ETag") {
		t.Fatalf("text of a cached summary: got %d computed and ETag %q, want 2 and an ETag of its own", computed, text.header.Get("ETag"))
	}
	wantStatus(t, s.do(t, "GET", "/v1/articles/trade/summary?ratio=1", "", "If-None-Match", r.header.Get("ETag")), http.StatusNotModified)
	wantProblem(t, s.do(t, "GET", "/v1/articles/trade/summary?revision=9", ""), http.StatusNotFound)
	wantProblem(t, s.do(t, "GET", "/v1/articles/nope/summary", ""), http.StatusNotFound)
	wantProblem(t, s.do(t, "GET", "/v1/articles/trade/summary?sentences=0&ratio=2", ""), http.StatusBadRequest)
}

// countingObserver counts what the API reports about summaries and caches.
type countingObserver struct {
	mu                                   sync.Mutex
	hits, misses, computed, stored, skip int
}

func (o *countingObserver) SummaryComputed(string, int, int, time.Duration) { o.add(&o.computed) }
func (o *countingObserver) DiffComputed(int, int, time.Duration)            {}
func (o *countingObserver) CacheHit(string)                                 { o.add(&o.hits) }
func (o *countingObserver) CacheMiss(string)                                { o.add(&o.misses) }
func (o *countingObserver) CacheEvicted(string)                             {}
func (o *countingObserver) SetCacheEntries(string, int)                     {}
func (o *countingObserver) RevisionStored()                                 { o.add(&o.stored) }
func (o *countingObserver) UnchangedPutSkipped()                            { o.add(&o.skip) }

func (o *countingObserver) add(n *int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	*n++
}

func (o *countingObserver) counts() (hits, misses, computed int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.hits, o.misses, o.computed
}
