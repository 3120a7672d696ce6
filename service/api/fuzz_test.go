package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// FuzzDecodeRequest sends arbitrary bodies to the routes that decode JSON
// and checks that none gets a 5xx and that every refusal is a problem.
func FuzzDecodeRequest(f *testing.F) {
	for _, tc := range badInputs() {
		if tc.size == 0 && tc.body != "" && len(tc.body) < 4096 {
			f.Add(tc.body)
		}
	}
	f.Add(article("T", "Body."))
	f.Add(`{"text":"One. Two.","ratio":1}`)
	f.Add(`{"old":"a b","new":"a c"}`)
	f.Add(`{"title":"T","body":"B.","metadata":{"a":[1,{"b":1e308}]}}`)
	store, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "redline.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer store.Close()
	srv := api.NewServer(api.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	f.Fuzz(func(t *testing.T, body string) {
		for _, route := range []struct{ method, path string }{{"PUT", "/v1/articles/fuzz"}, {"POST", "/v1/summarize"}, {"POST", "/v1/diff"}} {
			req := httptest.NewRequest(route.method, route.path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := srv.App().Test(req, -1)
			if err != nil {
				t.Fatalf("%s %s: %v", route.method, route.path, err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				t.Fatalf("%s %s %q: got %d %s, want no 5xx", route.method, route.path, body, resp.StatusCode, raw)
			}
			if resp.StatusCode >= 400 && resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%s %s %q: got %d as %q, want problem+json", route.method, route.path, body, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			if strings.Contains(string(raw), "Go value") || strings.Contains(string(raw), "struct field") {
				t.Fatalf("%s %s: the problem names Go types: %s", route.method, route.path, raw)
			}
		}
	})
}
