package api_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// syncBuffer is a bytes.Buffer that the server's goroutines may write to
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestAccessLogNamesTheRoute checks that the access log labels each request
// with the template of the route it reached, and a request refused before
// routing (here a body over the limit, a 413) with the route it asked for,
// not with the middleware's "/".
func TestAccessLogNamesTheRoute(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "redline.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer store.Close()
	var logs syncBuffer
	srv := api.NewServer(api.Config{Store: store, MaxBody: 1 << 10, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	base := "http://" + ln.Addr().String()
	tests := []struct {
		name, method, path, body string
		status                   int
		route                    string
	}{
		{"stored", "PUT", "/v1/articles/a1", `{"title":"T","body":"One."}`, 201, "/v1/articles/:id"},
		{"body over the limit", "PUT", "/v1/articles/a2", `{"title":"T","body":"` + strings.Repeat("x", 2<<10) + `"}`, 413, "/v1/articles/:id"},
		{"a revision", "GET", "/v1/articles/a1/revisions/1", "", 200, "/v1/articles/:id/revisions/:n"},
		{"no route", "GET", "/v1/nothing-here", "", 404, "unmatched"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, base+tc.path, strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("%s %s: %v", tc.method, tc.path, err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("got status %d, want %d", resp.StatusCode, tc.status)
			}
			want := "route=" + tc.route + " path=" + tc.path
			deadline := time.Now().Add(5 * time.Second)
			for !strings.Contains(logs.String(), want) && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if !strings.Contains(logs.String(), want) {
				t.Errorf("got log %q, want a line with %q", logs.String(), want)
			}
		})
	}
}
