package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// startMain runs the real service on a free loopback port with its store in
// dir, and closes it at the end of the test.
func startMain(t *testing.T, dir string) *Main {
	t.Helper()
	m := NewMain()
	m.Config.Listen = "127.0.0.1:0"
	m.Config.Store = "sqlite:" + filepath.Join(dir, "redline.db")
	m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	return m
}

func put(t *testing.T, m *Main, id, body string) int {
	t.Helper()
	req, _ := http.NewRequest("PUT", "http://"+m.Addr()+"/v1/articles/"+id,
		strings.NewReader(`{"title":"T","body":"`+body+`"}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("put: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeKeepsRevisionsAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	m := startMain(t, dir)
	if got := put(t, m, "a", "First."); got != http.StatusCreated {
		t.Fatalf("first put: got %d, want 201", got)
	}
	if err := m.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	m = startMain(t, dir)
	defer m.Close()
	if got := put(t, m, "a", "First."); got != http.StatusOK {
		t.Fatalf("identical put after restart: got %d, want 200", got)
	}
	if got := put(t, m, "a", "Second."); got != http.StatusCreated {
		t.Fatalf("new put after restart: got %d, want 201", got)
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		wantErr string
		check   func(c Config) bool
	}{
		{"defaults", nil, nil, "", func(c Config) bool {
			return c.Listen == "127.0.0.1:8080" && c.Store == "sqlite:redline.db" && c.MaxBody == 2<<20
		}},
		{"environment", nil, map[string]string{"REDLINE_LISTEN": ":9000", "REDLINE_STORE": "sqlite:/tmp/x.db"}, "", func(c Config) bool {
			return c.Listen == ":9000" && c.Store == "sqlite:/tmp/x.db"
		}},
		{"flag beats environment", []string{"--listen", ":7000"}, map[string]string{"REDLINE_LISTEN": ":9000"}, "", func(c Config) bool {
			return c.Listen == ":7000"
		}},
		{"max body with unit", []string{"--max-body", "512KiB"}, nil, "", func(c Config) bool { return c.MaxBody == 512<<10 }},
		{"max body nonsense", []string{"--max-body", "lots"}, nil, "--max-body", nil},
		{"stray argument", []string{"extra"}, nil, "no arguments", nil},
		{"cache bytes", []string{"--cache-bytes", "64MiB"}, nil, "", func(c Config) bool { return c.CacheBytes == 64<<20 }},
		{"cache bytes from env", nil, map[string]string{"REDLINE_CACHE_BYTES": "1GiB"}, "", func(c Config) bool { return c.CacheBytes == 1<<30 }},
		{"cache bytes default", nil, nil, "", func(c Config) bool { return c.CacheBytes == 256<<20 }},
		{"cache bytes too small", []string{"--cache-bytes", "1000"}, nil, "--cache-bytes", nil},
		{"cache bytes not a size", []string{"--cache-bytes", "lots"}, nil, "--cache-bytes", nil},
		{"negative timeout", []string{"--read-timeout", "-1s"}, nil, "--read-timeout", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMain()
			err := m.parseFlags(tc.args, io.Discard, func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error: got %v, want one mentioning %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || !tc.check(m.Config) {
				t.Fatalf("config: got %+v (%v)", m.Config, err)
			}
		})
	}
}

func TestServeRejectsUnknownStores(t *testing.T) {
	for _, store := range []string{"mysql://x", "redline.db", "sqlite:", "sqlite:/no/such/dir/x.db"} {
		t.Run(store, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(context.Background(), Stdio{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr},
				[]string{"serve", "--listen", "127.0.0.1:0", "--store", store})
			if code == 0 || !strings.Contains(stderr.String(), "sqlite") || strings.Contains(stderr.String(), "code=") {
				t.Fatalf("got exit %d and %q, want a plain failure that names the sqlite store", code, stderr.String())
			}
		})
	}
}

func TestVersionAndUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	stdio := Stdio{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}
	if code := run(context.Background(), stdio, []string{"version"}); code != 0 || !strings.Contains(out.String(), "go1.") {
		t.Fatalf("version: got exit %d output %q, want 0 and the Go version", code, out.String())
	}
	if code := run(context.Background(), stdio, []string{"frobnicate"}); code != 2 || !strings.Contains(errOut.String(), "unknown command") {
		t.Fatalf("unknown command: got exit %d, stderr %q, want 2", code, errOut.String())
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("get %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServeExportsMetrics(t *testing.T) {
	m := startMain(t, t.TempDir())
	defer m.Close()
	put(t, m, "a", "First.")
	code, body := get(t, "http://"+m.Addr()+"/metrics")
	for _, want := range []string{`redline_http_requests_total{code="201",method="PUT",route="/v1/articles/:id"} 1`, "redline_build_info{", "redline_articles 1", `redline_store_committed_writes_total{backend="sqlite"} 1`, `redline_store_commits_total{backend="sqlite"} 1`, "go_goroutines"} {
		if code != http.StatusOK || !strings.Contains(body, want) {
			t.Fatalf("/metrics: got %d, want 200 with %q in:\n%s", code, want, body)
		}
	}
}

func TestServeMetricsOnTheirOwnAddress(t *testing.T) {
	m := NewMain()
	m.Config.Listen, m.Config.MetricsListen = "127.0.0.1:0", "127.0.0.1:0"
	m.Config.Store = "sqlite:" + filepath.Join(t.TempDir(), "redline.db")
	m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	defer m.Close()
	if code, _ := get(t, "http://"+m.Addr()+"/metrics"); code != http.StatusNotFound {
		t.Fatalf("/metrics on the public address: got %d, want 404", code)
	}
	if code, body := get(t, "http://"+m.MetricsAddr()+"/metrics"); code != http.StatusOK || !strings.Contains(body, "redline_build_info") {
		t.Fatalf("/metrics on the metrics address: got %d, want 200 with the metrics", code)
	}
}

// TestServeFinishesInFlightRequestsOnClose starts a PUT, closes the service
// while its body is half sent, and checks that the request still succeeds
// and its revision is on disk after a restart.
func TestServeFinishesInFlightRequestsOnClose(t *testing.T) {
	dir := t.TempDir()
	m := startMain(t, dir)
	// fasthttp reads the first 8 KiB of a body before it calls the
	// handlers; a longer body is read by them, so that the request is in
	// flight (and counted) while the rest is still to come.
	body := `{"title":"T","body":"Written during shutdown. ` + strings.Repeat("And more. ", 1000) + `"}`
	const sent = 8<<10 + 10
	conn, err := net.Dial("tcp", m.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "PUT /v1/articles/late HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:sent])
	// Close only once the handlers have the PUT: until the server has
	// accepted the connection and read its head, closing it would drop the
	// request unserved.
	waitInFlight(t, m, 1)
	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	time.Sleep(200 * time.Millisecond) // let shutdown begin while the body is half sent
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) while a request was in flight", err)
	default:
	}
	fmt.Fprint(conn, body[sent:])
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("in-flight request: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("in-flight request: got %d, want 201", resp.StatusCode)
	}
	conn.Close()
	if err := <-closed; err != nil {
		t.Fatalf("close: %v", err)
	}
	m = startMain(t, dir)
	defer m.Close()
	if code, _ := get(t, "http://"+m.Addr()+"/v1/articles/late"); code != http.StatusOK {
		t.Fatalf("after restart: got %d, want the revision written during shutdown", code)
	}
}

// waitInFlight waits until the server is serving n requests besides the
// GET /metrics that asks.
func waitInFlight(t *testing.T, m *Main, n int) {
	t.Helper()
	want := strconv.Itoa(n + 1)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if gaugeOf(t, "http://"+m.Addr()+"/metrics", "redline_http_requests_in_flight") == want {
			return
		}
	}
	t.Fatalf("the server never had %d requests in flight", n)
}
