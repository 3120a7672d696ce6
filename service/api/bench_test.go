package api_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// benchServer is the API with its handler called in process, so that
// benchmarks measure the server's own work, not the network's.
func benchServer(b *testing.B) fasthttp.RequestHandler {
	b.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "redline.db"))
	if err != nil {
		b.Fatalf("open store: %v", err)
	}
	b.Cleanup(func() { store.Close() })
	for i, body := range []string{floodV1, floodV2} {
		if _, _, err := store.PutRevision(context.Background(), service.Draft{ArticleID: "flood", Title: "Flood " + strings.Repeat("!", i), Body: body}); err != nil {
			b.Fatalf("put: %v", err)
		}
	}
	srv := api.NewServer(api.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError}))})
	return srv.App().Handler()
}

func BenchmarkCachedGET(b *testing.B) {
	h := benchServer(b)
	for _, tc := range []struct{ name, path string }{
		{"livez", "/livez"}, {"article", "/v1/articles/flood"}, {"revision", "/v1/articles/flood/revisions/1"},
		{"summary", "/v1/articles/flood/summary"}, {"diff", "/v1/articles/flood/diff"},
	} {
		path := tc.path
		b.Run(tc.name, func(b *testing.B) {
			var ctx fasthttp.RequestCtx
			for b.Loop() {
				ctx.Request.Reset()
				ctx.Response.Reset()
				ctx.Request.SetRequestURI(path)
				ctx.Request.Header.SetMethod("GET")
				h(&ctx)
				if ctx.Response.StatusCode() != 200 {
					b.Fatalf("%s: status %d: %s", path, ctx.Response.StatusCode(), ctx.Response.Body())
				}
			}
		})
	}
}
