package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// bigArticle is about 100 KB of prose, and the same with one sentence
// edited: the page's usual case, a small fix to a long story.
func bigArticle() (old, new string) {
	var b strings.Builder
	for i := 0; b.Len() < 100_000; i++ {
		fmt.Fprintf(&b, "Paragraph %d: the council met on Tuesday and voted %d to %d on the budget for district %d. "+
			"The mayor said the plan would pay for %d teachers and %d nurses over the next year.\n\n", i, i%9, i%7, i, 100+i, 40+i%13)
	}
	old = b.String()
	return old, strings.Replace(old, "Paragraph 300: the council met on Tuesday", "Paragraph 300: the council met late on Wednesday", 1)
}

func benchStore(b *testing.B) *sqlite.DB {
	b.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	return store
}

func benchPut(b *testing.B, store service.RevisionStore, id, title, body string) {
	b.Helper()
	if _, _, err := store.PutRevision(context.Background(), service.Draft{ArticleID: id, Title: title, Body: body}); err != nil {
		b.Fatal(err)
	}
}

func benchGet(b *testing.B, app *fiber.App, path string) {
	resp, err := app.Test(httptest.NewRequest("GET", path, nil), -1)
	if err != nil || resp.StatusCode != 200 {
		b.Fatalf("GET %s: %v %v", path, resp.StatusCode, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// BenchmarkArticlePage compares rendering the article page of a 100 KB
// article with a small edit against the JSON diff of the same pair, both
// computed from scratch as on a cache miss: json-diff is what
// GET /v1/articles/{id}/diff computes and encodes; page-cold is a first
// view, which computes the diff and the timeline's counts and leaves the
// summary to its panel; page-summary-kept is a view whose summary is
// cached, which then carries it; summary-panel is what the panel's own
// address (GET /articles/{id}/summary) costs when the summary is computed.
// interleaved alternates json-diff and page-cold in one loop, so that a
// burst of load on a shared machine slows both alike, and reports their
// ratio.
func BenchmarkArticlePage(b *testing.B) {
	old, new := bigArticle()
	store := benchStore(b)
	benchPut(b, store, "big", "Council passes budget", old)
	benchPut(b, store, "big", "Council passes budget after debate", new)
	const page, panel = "/articles/big?from=1&to=2", "/articles/big/summary?from=1&to=2"
	newPages := func(b *testing.B) (*Pages, *fiber.App) {
		p := New(Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		app := fiber.New(fiber.Config{Immutable: true})
		p.Mount(app)
		benchGet(b, app, page)
		return p, app
	}
	b.Run("json-diff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			jsonDiff(b, old, new)
		}
	})
	b.Run("page-cold", func(b *testing.B) {
		p, app := newPages(b)
		b.ReportAllocs()
		for b.Loop() {
			p.diffs.Purge()
			p.changes.Purge()
			p.summaries.Purge()
			benchGet(b, app, page)
		}
	})
	// The pair's one edit sits in paragraph 301 of 567, so a first
	// view opens folded; folded-whole alternates it with the whole text
	// (hide=0) and reports what folding costs or saves (folded/whole).
	b.Run("folded-whole", func(b *testing.B) {
		p, app := newPages(b)
		var folded, whole time.Duration
		for b.Loop() {
			for k, path := range []string{page, page + "&hide=0"} {
				p.diffs.Purge()
				p.changes.Purge()
				p.summaries.Purge()
				start := time.Now()
				benchGet(b, app, path)
				if k == 0 {
					folded += time.Since(start)
				} else {
					whole += time.Since(start)
				}
			}
		}
		b.ReportMetric(float64(folded)/float64(whole), "folded/whole")
	})
	b.Run("page-summary-kept", func(b *testing.B) {
		p, app := newPages(b)
		benchGet(b, app, panel) // computes and caches the summary
		b.ReportAllocs()
		for b.Loop() {
			p.diffs.Purge()
			p.changes.Purge()
			benchGet(b, app, page)
		}
	})
	b.Run("summary-panel", func(b *testing.B) {
		p, app := newPages(b)
		b.ReportAllocs()
		for b.Loop() {
			p.summaries.Purge()
			benchGet(b, app, panel)
		}
	})
	b.Run("interleaved", func(b *testing.B) {
		p, app := newPages(b)
		var jsonTime, pageTime time.Duration
		for b.Loop() {
			start := time.Now()
			jsonDiff(b, old, new)
			mid := time.Now()
			p.diffs.Purge()
			p.changes.Purge()
			p.summaries.Purge()
			benchGet(b, app, page)
			jsonTime, pageTime = jsonTime+mid.Sub(start), pageTime+time.Since(mid)
		}
		b.ReportMetric(float64(pageTime)/float64(jsonTime), "page/json")
	})
}

// jsonDiff does what GET /v1/articles/{id}/diff does on a cache miss.
func jsonDiff(b *testing.B, old, new string) {
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		b.Fatal(err)
	}
	title, _ := diff.Words("Council passes budget", "Council passes budget after debate", diff.Options{})
	from, to := 1, 2
	if _, err := json.Marshal(api.DiffBody{ID: "big", From: &from, To: &to, TitleOps: title, Result: r}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkListPage compares the list page with GET /v1/articles, both
// with 50 of 10,000 articles a page, on one Fiber app.
func BenchmarkListPage(b *testing.B) {
	store := benchStore(b)
	for i := range 10_000 {
		benchPut(b, store, fmt.Sprintf("story-%05d", i), fmt.Sprintf("Story number %d", i), fmt.Sprintf("Body of story %d. It has two sentences.", i))
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := api.NewServer(api.Config{Store: store, Logger: logger})
	New(Config{Store: store, Logger: logger}).Mount(srv.App())
	for _, path := range []string{"/v1/articles?limit=50", "/?limit=50", "/?limit=50&q=number+99"} {
		b.Run(path, func(b *testing.B) {
			benchGet(b, srv.App(), path) // the change bars are computed once
			b.ReportAllocs()
			for b.Loop() {
				benchGet(b, srv.App(), path)
			}
		})
	}
	// The machine is shared: the two requests alternate within one loop,
	// so a burst of load slows both alike, and their ratio is reported.
	b.Run("interleaved", func(b *testing.B) {
		var api, page time.Duration
		for b.Loop() {
			start := time.Now()
			benchGet(b, srv.App(), "/v1/articles?limit=50")
			mid := time.Now()
			benchGet(b, srv.App(), "/?limit=50")
			api, page = api+mid.Sub(start), page+time.Since(mid)
		}
		b.ReportMetric(float64(page)/float64(api), "page/api")
	})
}
