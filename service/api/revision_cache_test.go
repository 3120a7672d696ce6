package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
)

// TestGetRevisionFromEncodedCache checks that a revision is encoded once and
// then served from the cache, to GET of the revision and of the article's
// latest alike, byte for byte what the PUT that stored it answered, with
// the same headers, and that a client holding it gets a 304 with its ETag
// and no body.
func TestGetRevisionFromEncodedCache(t *testing.T) {
	obs := &countingObserver{}
	s := startServerWith(t, obs)
	body := "The river rose two metres. <b>Schools</b> & \"shops\" closed.\n\nThe mayor spoke."
	put := s.do(t, http.MethodPut, "/v1/articles/flood", `{"title":"Floods","body":`+jsonString(body)+`,"metadata":{"desk":"metro"}}`)
	wantStatus(t, put, http.StatusCreated)

	hits, misses, _ := obs.counts()
	first := s.do(t, http.MethodGet, "/v1/articles/flood/revisions/1", "")
	second := s.do(t, http.MethodGet, "/v1/articles/flood/revisions/1", "")
	latest := s.do(t, http.MethodGet, "/v1/articles/flood", "")
	hits2, misses2, _ := obs.counts()
	if misses2-misses != 1 || hits2-hits != 2 {
		t.Fatalf("cache: got %d misses and %d hits for three GETs, want 1 and 2", misses2-misses, hits2-hits)
	}
	for _, r := range []response{first, second, latest} {
		wantStatus(t, r, http.StatusOK)
		if !bytes.Equal(r.raw, put.raw) {
			t.Fatalf("body:\n%s\nwant what the PUT answered:\n%s", r.raw, put.raw)
		}
		for _, h := range []string{"Content-Type", "ETag", "Location"} {
			if r.header.Get(h) != put.header.Get(h) {
				t.Errorf("%s: got %q, want %q", h, r.header.Get(h), put.header.Get(h))
			}
		}
	}

	held := s.do(t, http.MethodGet, "/v1/articles/flood/revisions/1", "", "If-None-Match", `"1"`)
	wantStatus(t, held, http.StatusNotModified)
	if len(held.raw) != 0 || held.header.Get("Content-Type") != "" || held.header.Get("ETag") != `"1"` {
		t.Fatalf("304: got body %q, content type %q, ETag %q; want no body, no type, ETag \"1\"", held.raw, held.header.Get("Content-Type"), held.header.Get("ETag"))
	}
	wantProblem(t, s.do(t, http.MethodGet, "/v1/articles/flood/revisions/2", ""), http.StatusNotFound)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestRecreatedArticleIsNotServedFromTheOldCache checks that an article
// deleted and stored again with the same text, but another URL, is served
// as it is now stored, not as the cache held its first life.
func TestRecreatedArticleIsNotServedFromTheOldCache(t *testing.T) {
	s := startServer(t, 0)
	put := func(url string) {
		t.Helper()
		wantStatus(t, s.do(t, http.MethodPut, "/v1/articles/again", `{"title":"Floods","body":"The river rose.","url":"`+url+`"}`), http.StatusCreated)
	}
	put("https://news.example/first")
	for _, path := range []string{"/v1/articles/again", "/v1/articles/again/revisions/1"} {
		wantStatus(t, s.do(t, http.MethodGet, path, ""), http.StatusOK)
	}
	wantStatus(t, s.do(t, http.MethodDelete, "/v1/articles/again", ""), http.StatusNoContent)
	put("https://news.example/second")
	for _, path := range []string{"/v1/articles/again", "/v1/articles/again/revisions/1"} {
		r := s.do(t, http.MethodGet, path, "")
		wantStatus(t, r, http.StatusOK)
		if got := r.body["url"]; got != "https://news.example/second" {
			t.Fatalf("%s: url %v, want the second life's", path, got)
		}
	}
}
