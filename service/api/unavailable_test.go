package api_test

import (
	"net/http"
	"strconv"
	"testing"
)

// TestClosedStoreAnswers503 checks that every route that reaches the store
// answers 503 problem+json with Retry-After once the store cannot be
// reached, for reads and writes alike, rather than a 500.
func TestClosedStoreAnswers503(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, http.MethodPut, "/v1/articles/story", article("Floods", "The river rose overnight.")), http.StatusCreated)
	wantStatus(t, s.do(t, http.MethodPut, "/v1/articles/story", article("Floods", "The river rose two metres overnight.")), http.StatusCreated)
	if err := s.store.Close(); err != nil {
		t.Fatalf("close store: %v", err)
	}
	for _, c := range []struct{ method, path, body string }{
		{http.MethodPut, "/v1/articles/story", article("Floods", "The river rose three metres overnight.")},
		{http.MethodPut, "/v1/articles/story", article("Floods", "The river rose two metres overnight.")},
		{http.MethodPut, "/v1/articles/new-story", article("Fire", "A fire broke out.")},
		{http.MethodDelete, "/v1/articles/story", ""},
		{http.MethodGet, "/v1/articles/story", ""},
		{http.MethodGet, "/v1/articles/story/revisions/1", ""},
		{http.MethodGet, "/v1/articles/story/revisions", ""},
		{http.MethodGet, "/v1/articles", ""},
		{http.MethodGet, "/v1/articles/story/summary", ""},
		{http.MethodGet, "/v1/articles/story/diff", ""},
		{http.MethodGet, "/readyz", ""},
	} {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			r := s.do(t, c.method, c.path, c.body)
			wantProblem(t, r, http.StatusServiceUnavailable)
			if secs, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || secs < 1 {
				t.Errorf("Retry-After: got %q, want a number of seconds", r.header.Get("Retry-After"))
			}
		})
	}
}
