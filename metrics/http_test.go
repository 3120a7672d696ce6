package metrics_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/metrics"
)

func TestMiddlewareLabelsTheStatusSentAndTheRouteTemplate(t *testing.T) {
	tests := []struct {
		name, method, path    string
		wantMethod, wantRoute string
		wantCode              int
	}{
		{"ok", "GET", "/v1/articles/a1", "GET", "/v1/articles/:id", 200},
		{"status set by handler", "PUT", "/v1/articles/a1", "PUT", "/v1/articles/:id", 201},
		{"head of a get route", "HEAD", "/v1/articles/a1", "HEAD", "/v1/articles/:id", 200},
		{"problem+json 404 returned as error", "GET", "/v1/articles/missing", "GET", "/v1/articles/:id", 404},
		{"domain error mapped by the error handler", "GET", "/v1/articles/a1/diff", "GET", "/v1/articles/:id/diff", 412},
		{"panic recovered", "GET", "/v1/panic", "GET", "/v1/panic", 500},
		{"error handler failing", "GET", "/v1/unwritable", "GET", "/v1/unwritable", 500},
		{"root route shares the middleware's path", "GET", "/", "GET", "/", 200},
		{"unknown path", "GET", "/wp-login.php", "GET", metrics.Unmatched, 404},
		{"unknown path under a route", "GET", "/v1/articles/a1/nope", "GET", metrics.Unmatched, 404},
		{"method not allowed", "DELETE", "/v1/articles/a1", "DELETE", metrics.Unmatched, 405},
		{"unusual method", "TRACE", "/v1/articles/a1", metrics.OtherMethod, metrics.Unmatched, 405},
		{"refused before routing, on a route", "PUT", "/v1/articles/a1?x=1", "PUT", "/v1/articles/:id", 401},
		{"refused before routing, on a route with a suffix", "GET", "/v1/articles/a1/diff", "GET", "/v1/articles/:id/diff", 401},
		{"refused before routing, on the root", "GET", "/", "GET", "/", 401},
		{"refused before routing, no route there", "GET", "/v1/articles/a1/nope", "GET", metrics.Unmatched, 401},
		{"refused before routing, another method", "DELETE", "/v1/articles/a1", "DELETE", metrics.Unmatched, 401},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := metrics.New(metrics.BuildInfo{Version: "test"})
			app := newApp(t, m)
			var header []string
			if strings.HasPrefix(tc.name, "refused") {
				header = []string{"X-Refuse", "1"}
			}
			resp := do(t, app, tc.method, tc.path, header...)
			resp.Body.Close()
			if resp.StatusCode != tc.wantCode {
				t.Fatalf("client got status %d, want %d", resp.StatusCode, tc.wantCode)
			}
			labels := map[string]string{"method": tc.wantMethod, "route": tc.wantRoute, "code": strconv.Itoa(tc.wantCode)}
			if got := value(t, m, "redline_http_requests_total", labels); got != 1 {
				t.Errorf("redline_http_requests_total%v: got %v, want 1", labels, got)
			}
			delete(labels, "code")
			if got := value(t, m, "redline_http_request_duration_seconds", labels); got != 1 {
				t.Errorf("redline_http_request_duration_seconds%v count: got %v, want 1", labels, got)
			}
		})
	}
}

func TestRegisteredRoutesStartAtZero(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	newApp(t, m)
	tests := []struct {
		name   string
		labels map[string]string
	}{
		{"success", map[string]string{"method": "GET", "route": "/v1/articles/:id/diff", "code": "200"}},
		{"server error", map[string]string{"method": "PUT", "route": "/v1/articles/:id", "code": "500"}},
		{"client error on head", map[string]string{"method": "HEAD", "route": "/v1/articles/:id", "code": "404"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := value(t, m, "redline_http_requests_total", tc.labels); got != 0 {
				t.Errorf("got %v, want 0", got)
			}
		})
	}
	if s := find(t, m, "redline_http_requests_total", map[string]string{"route": metrics.Unmatched}); s != nil {
		t.Errorf("got an unmatched series before any request, want none: %v", s)
	}
}

func TestInFlightCountsRequestsBeingServed(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(m.Middleware())
	entered, release := make(chan struct{}), make(chan struct{})
	app.Get("/slow", func(c *fiber.Ctx) error {
		close(entered)
		<-release
		return nil
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := app.Test(mustRequest("/slow"), -1)
		if err == nil {
			resp.Body.Close()
		}
	}()
	<-entered
	if got := value(t, m, "redline_http_requests_in_flight", nil); got != 1 {
		t.Errorf("during the request: got %v, want 1", got)
	}
	close(release)
	<-done
	if got := value(t, m, "redline_http_requests_in_flight", nil); got != 0 {
		t.Errorf("after the request: got %v, want 0", got)
	}
}

func mustRequest(path string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, "http://example.com"+path, nil) //nolint:errcheck // constant URL
	return req
}

func TestSizesAreTheBodiesInBytes(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	app := newApp(t, m)
	req := mustRequest("/v1/articles/a1")
	req.Method = http.MethodPut
	req.Body = io.NopCloser(strings.NewReader(strings.Repeat("x", 1234)))
	req.ContentLength = 1234
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	labels := map[string]string{"method": "PUT", "route": "/v1/articles/:id"}
	tests := []struct {
		name string
		want float64
	}{
		{"redline_http_request_size_bytes", 1234},
		{"redline_http_response_size_bytes", float64(len("stored"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := find(t, m, tc.name, labels)
			if s == nil {
				t.Fatalf("no series %v", labels)
			}
			if got := s.GetHistogram().GetSampleSum(); got != tc.want {
				t.Errorf("got sum %v, want %v", got, tc.want)
			}
		})
	}
}

func TestMetricsEndpointNegotiatesOpenMetrics(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	app := newApp(t, m)
	tests := []struct {
		name, accept, want string
	}{
		{"openmetrics", "application/openmetrics-text;version=1.0.0", "application/openmetrics-text"},
		{"text", "text/plain", "text/plain; version=0.0.4"},
		{"no preference", "", "text/plain; version=0.0.4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := do(t, app, http.MethodGet, "/metrics", "Accept", tc.accept)
			body, _ := io.ReadAll(resp.Body) //nolint:errcheck // checked through its content
			resp.Body.Close()
			if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got Content-Type %q, want %q", got, tc.want)
			}
			if !strings.Contains(string(body), "redline_build_info") {
				t.Errorf("got a body without redline_build_info, want it:\n%.500s", body)
			}
		})
	}
}

func TestHandlerServesNetHTTP(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, mustRequest("/metrics"))
	if rec.Code != http.StatusOK {
		t.Fatalf("got status %d, want 200", rec.Code)
	}
	if !strings.Contains(rec.Body.String(), "go_goroutines") {
		t.Errorf("got no go_goroutines, want the Go collector's metrics")
	}
}

func TestPanicWithoutRecoverIsCountedAs500(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(func(c *fiber.Ctx) (err error) {
		defer func() {
			if recover() != nil {
				err = fiber.ErrInternalServerError
			}
		}()
		return c.Next()
	})
	app.Use(m.Middleware())
	app.Get("/boom", func(c *fiber.Ctx) error { panic("bug") })
	m.InitRoutes(app)
	resp, err := app.Test(mustRequest("/boom"), int((5 * time.Second).Milliseconds()))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	labels := map[string]string{"method": "GET", "route": "/boom", "code": "500"}
	if got := value(t, m, "redline_http_requests_total", labels); got != 1 {
		t.Errorf("got %v, want 1", got)
	}
}
