package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/service/api"
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

// TestKeywordsZeroMeansNone checks that keywords=0 asks for no key phrases
// over HTTP, in a query and in a body, also for what is new since a
// revision, and that the HTML, text and Markdown forms list keywords only
// when asked.
func TestKeywordsZeroMeansNone(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/kw", article("Trade talks", story)), http.StatusCreated)
	keywords := func(r response) []any {
		t.Helper()
		wantStatus(t, r, http.StatusOK)
		kw, ok := r.body["keywords"].([]any)
		if !ok {
			t.Fatalf("no keywords array in %s", r.raw)
		}
		return kw
	}
	if n := len(keywords(s.do(t, "GET", "/v1/articles/kw/summary", ""))); n == 0 {
		t.Error("GET without keywords: got none, want the default")
	}
	if n := len(keywords(s.do(t, "GET", "/v1/articles/kw/summary?keywords=0", ""))); n != 0 {
		t.Errorf("GET keywords=0: got %d keywords, want none", n)
	}
	if n := len(keywords(s.do(t, "GET", "/v1/articles/kw/summary?keywords=2", ""))); n != 2 {
		t.Errorf("GET keywords=2: got %d keywords, want 2", n)
	}
	if n := len(keywords(s.do(t, "POST", "/v1/summarize", summarizeBody(t, map[string]any{"text": story, "keywords": 0})))); n != 0 {
		t.Errorf("POST keywords 0: got %d keywords, want none", n)
	}
	if n := len(keywords(s.do(t, "POST", "/v1/summarize", summarizeBody(t, map[string]any{"text": story})))); n == 0 {
		t.Error("POST without keywords: got none, want the default")
	}
	for _, q := range []string{"keywords=-1", "keywords=101"} {
		wantProblem(t, s.do(t, "GET", "/v1/articles/kw/summary?"+q, ""), http.StatusBadRequest)
	}
	html := func(path, body string) string {
		t.Helper()
		method := "GET"
		if body != "" {
			method = "POST"
		}
		r := s.do(t, method, path, body)
		wantStatus(t, r, http.StatusOK)
		return string(r.raw)
	}
	for _, tc := range []struct {
		name, path, body string
		want             bool
	}{
		{"GET unasked", "/v1/articles/kw/summary?format=html", "", false},
		{"GET keywords=0", "/v1/articles/kw/summary?format=html&keywords=0", "", false},
		{"GET keywords=3", "/v1/articles/kw/summary?format=html&keywords=3", "", true},
		{"POST unasked", "/v1/summarize?format=html", summarizeBody(t, map[string]any{"text": story}), false},
		{"POST keywords 0", "/v1/summarize?format=html", summarizeBody(t, map[string]any{"text": story, "keywords": 0}), false},
		{"POST keywords 3", "/v1/summarize?format=html", summarizeBody(t, map[string]any{"text": story, "keywords": 3}), true},
	} {
		if got := strings.Contains(html(tc.path, tc.body), `class="keywords"`); got != tc.want {
			t.Errorf("%s: keywords in HTML %v, want %v", tc.name, got, tc.want)
		}
	}
	for _, tc := range []struct {
		path, marker string
		want         bool
	}{
		{"/v1/articles/kw/summary?format=text", "Key phrases: ", false},
		{"/v1/articles/kw/summary?format=text&keywords=3", "Key phrases: ", true},
		{"/v1/articles/kw/summary?format=markdown", "**Key phrases:** ", false},
		{"/v1/articles/kw/summary?format=markdown&keywords=3", "**Key phrases:** ", true},
	} {
		if got := strings.Contains(html(tc.path, ""), tc.marker); got != tc.want {
			t.Errorf("%s: key phrases listed %v, want %v", tc.path, got, tc.want)
		}
	}
	// What is new since a revision asks for key phrases the same way.
	wantStatus(t, s.do(t, "PUT", "/v1/articles/kw", article("Trade talks", story+"\n\nRescue teams from three regions searched the flooded valley on Tuesday.")), http.StatusCreated)
	if n := len(keywords(s.do(t, "GET", "/v1/articles/kw/summary?since=1", ""))); n == 0 {
		t.Error("GET since=1 without keywords: got none, want the default")
	}
	if n := len(keywords(s.do(t, "GET", "/v1/articles/kw/summary?since=1&keywords=0", ""))); n != 0 {
		t.Errorf("GET since=1&keywords=0: got %d keywords, want none", n)
	}
	if strings.Contains(html("/v1/articles/kw/summary?since=1&format=html", ""), `class="keywords"`) {
		t.Error("GET since=1&format=html: keywords listed unasked")
	}
}

// TestSummaryLanguage checks the language fields over HTTP: detection of a
// supported and an unsupported language, the fallbacks of a short text,
// and an explicit language.
func TestSummaryLanguage(t *testing.T) {
	s := startServer(t, 0)
	swedish := "Kommunfullmäktige godkände på måndagen en ny budget efter flera månaders debatt. " +
		"Planen höjer utgifterna för skolorna med tio procent och fryser priserna för bussar och spårvagnar. " +
		"Enligt ledamöterna var omröstningen jämnare än väntat."
	tests := []struct {
		name           string
		fields         map[string]any
		lang, source   string
		supported      bool
		detectionShown bool
	}{
		{"detected supported", map[string]any{"text": story}, "en", "detected", true, true},
		{"detected unsupported", map[string]any{"text": swedish}, "sv", "detected", false, true},
		{"short, server default", map[string]any{"text": "Hej då."}, "en", "default", true, true},
		{"short, request fallback", map[string]any{"text": "Hej då.", "fallback_language": "sv"}, "sv", "fallback", false, true},
		{"requested wins", map[string]any{"text": swedish, "language": "de"}, "de", "requested", true, false},
		{"requested unsupported", map[string]any{"text": story, "language": "ru"}, "ru", "requested", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "POST", "/v1/summarize", summarizeBody(t, tc.fields))
			wantStatus(t, r, http.StatusOK)
			_, shown := r.body["detection"]
			if r.body["language"] != tc.lang || r.body["language_source"] != tc.source || r.body["supported"] != tc.supported || shown != tc.detectionShown {
				t.Errorf("got %s, want language %q from %q, supported %v, detection shown %v", r.raw, tc.lang, tc.source, tc.supported, tc.detectionShown)
			}
		})
	}
	// A server's own default language stands in where the request says
	// nothing, and the request's fallback still wins over it.
	de := start(t, api.Config{DefaultLanguage: "de"})
	for _, tc := range []struct {
		fields       map[string]any
		lang, source string
	}{
		{map[string]any{"text": "Hej då."}, "de", "default"},
		{map[string]any{"text": "Hej då.", "fallback_language": "sv"}, "sv", "fallback"},
		{map[string]any{"text": story}, "en", "detected"},
	} {
		r := de.do(t, "POST", "/v1/summarize", summarizeBody(t, tc.fields))
		wantStatus(t, r, http.StatusOK)
		if r.body["language"] != tc.lang || r.body["language_source"] != tc.source {
			t.Errorf("server default de, %v: got %s, want %q from %q", tc.fields, r.raw, tc.lang, tc.source)
		}
	}
	for _, fields := range []map[string]any{{"text": story, "language": "xx"}, {"text": story, "language": "english"}, {"text": story, "fallback_language": "qq"}} {
		r := s.do(t, "POST", "/v1/summarize", summarizeBody(t, fields))
		wantProblem(t, r, http.StatusBadRequest)
		if d, _ := r.body["detail"].(string); !strings.Contains(d, "not a language code") {
			t.Errorf("%v: got detail %q, want it to say the code is unknown", fields, d)
		}
	}
	r := s.do(t, "GET", "/openapi.json", "")
	wantStatus(t, r, http.StatusOK)
	for _, want := range []string{"language_source", "fallback_language", "requested (the request's language)"} {
		if !strings.Contains(string(r.raw), want) {
			t.Errorf("OpenAPI document lacks %q", want)
		}
	}
}
