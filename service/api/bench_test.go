package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// benchServer is the API with its handler called in process, so that
// benchmarks measure the server's own work, not the network's.
func benchServer(b *testing.B) fasthttp.RequestHandler {
	return benchHTTPServer(b).Handler
}

// benchHTTPServer is the API's own fasthttp server, configured as serve
// configures it (request bodies streamed, as they are read under their
// limit).
func benchHTTPServer(b *testing.B) *fasthttp.Server {
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
	h := srv.App().Handler() // builds the routes
	fs := srv.App().Server()
	fs.Handler = h
	return fs
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

// BenchmarkPut stores new revisions over loopback HTTP from 1 and 32
// writers.
func BenchmarkPut(b *testing.B) {
	body := strings.Repeat("The river rose overnight and the bridge was closed. ", 100)
	for _, writers := range []int{1, 32} {
		b.Run(fmt.Sprintf("writers-%d", writers), func(b *testing.B) {
			srv := benchHTTPServer(b)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatalf("listen: %v", err)
			}
			go srv.Serve(ln)
			defer srv.Shutdown()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: writers}}
			var n atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			for w := 0; w < writers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := n.Add(1); i <= int64(b.N); i = n.Add(1) {
						req, _ := http.NewRequest("PUT", fmt.Sprintf("http://%s/v1/articles/a%d", ln.Addr(), i%64),
							strings.NewReader(fmt.Sprintf(`{"title":"T","body":"%s Edit %d."}`, body, i)))
						req.Header.Set("Content-Type", "application/json")
						resp, err := client.Do(req)
						if err != nil {
							b.Errorf("put: %v", err)
							return
						}
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if resp.StatusCode != 201 {
							b.Errorf("status %d", resp.StatusCode)
						}
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "puts/s")
			b.StopTimer()
			client.CloseIdleConnections() // else Shutdown waits for the kept-alive connections
		})
	}
}
