package web_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
	"github.com/redline-news/redline/service/web"
)

// site is the API with the pages mounted, on a real listener, backed by a
// real SQLite file.
type site struct {
	url   string
	store *sqlite.DB
}

func startSite(t testing.TB, cfg web.Config) *site {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "redline.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := api.NewServer(api.Config{Store: store, Logger: logger, Version: "test", Cache: cfg.Cache})
	cfg.Store, cfg.Logger, cfg.Cache = store, logger, srv.Cache()
	pages := web.New(cfg)
	pages.Mount(srv.App())
	srv.SetPageNotFound(pages.NotFound)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		store.Close()
	})
	return &site{url: "http://" + ln.Addr().String(), store: store}
}

func (s *site) put(t testing.TB, id, title, body string) {
	t.Helper()
	if _, _, err := s.store.PutRevision(context.Background(), service.Draft{ArticleID: id, Title: title, Body: body}); err != nil {
		t.Fatalf("put %s: %v", id, err)
	}
}

type response struct {
	status int
	header http.Header
	body   string
}

// get fetches path without following redirects.
func (s *site) get(t testing.TB, path string, cookies ...*http.Cookie) response {
	t.Helper()
	req, err := http.NewRequest("GET", s.url+path, nil)
	if err != nil {
		t.Fatalf("request %s: %v", path, err)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	return s.do(t, req)
}

func (s *site) postForm(t testing.TB, path string, form url.Values) response {
	t.Helper()
	req, err := http.NewRequest("POST", s.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("request %s: %v", path, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return s.do(t, req)
}

func (s *site) do(t testing.TB, req *http.Request) response {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// story is an article of three revisions: a number changes, a paragraph is
// added, and the title changes.
func storySite(t testing.TB, cfg web.Config) *site {
	t.Helper()
	s := startSite(t, cfg)
	s.put(t, "council-budget", "Council passes budget",
		"The council passed the budget on Tuesday by 7 votes to 2.\n\nThe mayor said the city would hire 400 teachers next year.\n\nCritics said the plan was rushed and left roads without money.")
	s.put(t, "council-budget", "Council passes budget",
		"The council passed the budget on Tuesday by 6 votes to 3.\n\nThe mayor said the city would hire 600 teachers next year.\n\nCritics said the plan was rushed and left roads without money.")
	s.put(t, "council-budget", "Council passes budget after long debate",
		"The council passed the budget on Tuesday by 6 votes to 3.\n\nThe mayor said the city would hire 600 teachers next year.\n\nCritics said the plan was rushed and left roads without money.\n\nA vote on property taxes follows next week, the clerk said.")
	s.put(t, "fire-downtown", "Fire downtown", "A fire broke out in a warehouse downtown. No one was hurt.")
	return s
}
