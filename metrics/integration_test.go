package metrics_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/metrics"
	"github.com/redline-news/redline/service/api"
)

// startService runs the real HTTP API on a free loopback port with a real
// SQLite store, wired to m as the serve command wires it, and returns its
// address.
func startService(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	store := openStore(t, m)
	m.TrackArticles(store)
	srv := api.NewServer(api.Config{
		Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Version: "test",
		Middleware: []fiber.Handler{m.Middleware()}, Observer: m,
	})
	srv.App().Get("/metrics", m.FiberHandler())
	m.InitRoutes(srv.App())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln) //nolint:errcheck // ends with Shutdown below
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx) //nolint:errcheck // the test is over
		store.Close()
	})
	return ln.Addr().String()
}

// freeAddr returns a loopback address that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startPrometheus runs a real Prometheus scraping target every second and
// returns the address of its HTTP API.
func startPrometheus(t *testing.T, binary, target string) string {
	t.Helper()
	dir := t.TempDir()
	config := fmt.Sprintf(`global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: redline
    static_configs:
      - targets: [%q]
`, target)
	configPath := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(configPath, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	logs, err := os.Create(filepath.Join(dir, "prometheus.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "--config.file="+configPath, "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr)
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start prometheus: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill() //nolint:errcheck // it may have exited already
		cmd.Wait()         //nolint:errcheck // killed
		if t.Failed() {
			out, _ := os.ReadFile(logs.Name()) //nolint:errcheck // best effort
			t.Logf("prometheus log:\n%s", out)
		}
		logs.Close()
	})
	return addr
}

// driveTraffic writes revisions until ctx ends, so that rates stay above
// zero while Prometheus is queried.
func driveTraffic(ctx context.Context, addr string) {
	client := &http.Client{Timeout: 5 * time.Second}
	for i := 0; ctx.Err() == nil; i++ {
		body := fmt.Sprintf(`{"title":"Budget","body":"The budget passed, version %d."}`, i)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPut, "http://"+addr+"/v1/articles/a"+strconv.Itoa(i%5), strings.NewReader(body)) //nolint:errcheck // constant URL
		req.Header.Set("Content-Type", "application/json")
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
		}
		// A distinct length each time, so that the cache does not answer.
		summary := fmt.Sprintf("http://%s/v1/articles/a%d/summary?words=%d", addr, i%5, 1+i%1000)
		if resp, err := client.Get(summary); err == nil {
			resp.Body.Close()
		}
		select {
		case <-ctx.Done():
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// queryValue returns the first sample of an instant query, and false when
// the result is empty or Prometheus cannot answer yet.
func queryValue(promAddr, query string) (float64, bool) {
	resp, err := http.Get("http://" + promAddr + "/api/v1/query?query=" + url.QueryEscape(query))
	if err != nil {
		return 0, false
	}
	defer resp.Body.Close()
	var out struct {
		Status string
		Data   struct {
			Result []struct{ Value [2]any }
		}
	}
	if json.NewDecoder(resp.Body).Decode(&out) != nil || out.Status != "success" || len(out.Data.Result) == 0 {
		return 0, false
	}
	s, _ := out.Data.Result[0].Value[1].(string) //nolint:errcheck // a non-string fails ParseFloat
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

func TestRealPrometheusScrapesTheService(t *testing.T) {
	binary := lookTool(t, "prometheus")
	m := metrics.New(metrics.BuildInfo{Version: "test", Revision: "integration"})
	addr := startService(t, m)
	promAddr := startPrometheus(t, binary, addr)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go driveTraffic(ctx, addr)
	checks := []struct{ name, query string }{
		{"target up", `up{job="redline"} == 1`},
		{"request rate", `sum(rate(redline_http_requests_total{job="redline", method="PUT", route="/v1/articles/:id"}[10s])) > 0`},
		{"summaries computed", `sum(rate(redline_summaries_computed_total{job="redline"}[10s])) > 0`},
		{"store latency observed", `sum(redline_store_operation_duration_seconds_count{job="redline", operation="put_revision"}) > 0`},
		{"articles gauge", `redline_articles{job="redline"} > 0`},
		{"build info", `redline_build_info{job="redline", revision="integration"} == 1`},
	}
	deadline := time.Now().Add(30 * time.Second)
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			for {
				if v, ok := queryValue(promAddr, c.query); ok {
					t.Logf("%s = %v", c.query, v)
					return
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: got no result within 30s, want a non-zero sample", c.query)
				}
				time.Sleep(250 * time.Millisecond)
			}
		})
	}
}

func TestRealServiceLabelsAndLints(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	addr := startService(t, m)
	requests := []struct{ method, path string }{
		{http.MethodPut, "/v1/articles/a1"},
		{http.MethodGet, "/v1/articles/missing"},
		{http.MethodGet, "/v1/articles/a1/revisions/1"},
		{http.MethodGet, "/no/such/route"},
		{http.MethodGet, "/livez"},
	}
	for _, r := range requests {
		req, _ := http.NewRequest(r.method, "http://"+addr+r.path, strings.NewReader(`{"title":"T","body":"B."}`)) //nolint:errcheck // constant URL
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	tests := []map[string]string{
		{"method": "PUT", "route": "/v1/articles/:id", "code": "201"},
		{"method": "GET", "route": "/v1/articles/:id", "code": "404"},
		{"method": "GET", "route": "/v1/articles/:id/revisions/:n", "code": "200"},
		{"method": "GET", "route": metrics.Unmatched, "code": "404"},
		{"method": "GET", "route": "/livez", "code": "200"},
	}
	for _, labels := range tests {
		t.Run(labels["method"]+" "+labels["route"]+" "+labels["code"], func(t *testing.T) {
			if got := value(t, m, "redline_http_requests_total", labels); got != 1 {
				t.Errorf("got %v, want 1", got)
			}
		})
	}
	t.Run("promtool check metrics", func(t *testing.T) {
		tool := promtool(t)
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body) //nolint:errcheck // checked by promtool
		resp.Body.Close()
		if out, err := runTool(t, string(body), tool, "check", "metrics"); err != nil || out != "" {
			t.Errorf("got %v and\n%s\nwant no error and no output", err, out)
		}
	})
}
