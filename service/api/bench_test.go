package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/redline-news/redline/internal/cputime"
	"github.com/redline-news/redline/internal/loadtext"
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

// BenchmarkPutHandler stores new revisions of 64 articles by calling the
// server's handler in process from 32 writers, as docs/bench/put.lua does
// over HTTP: 5 KB bodies, each with a paragraph no earlier request sent.
// cpu-us/put is the process's CPU time a PUT, the HTTP layer's and the
// store's: the fsyncs it waits for cost no CPU.
func BenchmarkPutHandler(b *testing.B) {
	const writers = 32
	h := benchServer(b)
	head, _ := json.Marshal(loadtext.Text(5000))
	head = append([]byte(`{"title":"Floods close the old bridge","body":`), head[:len(head)-1]...)
	head = append(head, `\n\nUpdate `...)
	var n atomic.Int64
	var wg sync.WaitGroup
	cpu0, cpuOK := cputime.Process()
	b.ResetTimer()
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ctx fasthttp.RequestCtx
			ctx.Init2(benchConn{}, nil, false)
			body := slices.Clone(head)
			for i := n.Add(1); i <= int64(b.N); i = n.Add(1) {
				ctx.Request.Reset()
				ctx.Response.Reset()
				ctx.Request.SetRequestURI("/v1/articles/loadtest-" + strconv.FormatInt(i%64, 10))
				ctx.Request.Header.SetMethod("PUT")
				ctx.Request.Header.SetContentType("application/json")
				body = strconv.AppendInt(body[:len(head)], i, 10)
				body = append(body, `: the water level was measured again."}`...)
				ctx.Request.SetBody(body)
				ctx.Request.Header.SetContentLength(len(body))
				h(&ctx)
				if ctx.Response.StatusCode() != 201 {
					b.Errorf("status %d: %s", ctx.Response.StatusCode(), ctx.Response.Body())
					return
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	if cpu1, ok := cputime.Process(); ok && cpuOK {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/1000/float64(b.N), "cpu-us/put")
	}
}

// benchConn is the connection of a request handled in process: huma sets
// the read deadline of a request's connection while it reads the body.
type benchConn struct{ net.Conn }

func (benchConn) SetReadDeadline(time.Time) error { return nil }
func (benchConn) RemoteAddr() net.Addr            { return benchAddr }
func (benchConn) LocalAddr() net.Addr             { return benchAddr }

var benchAddr = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}
