package metrics_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	dto "github.com/prometheus/client_model/go"

	"github.com/redline-news/redline/metrics"
)

// errPrecondition stands for a domain error that the app's error handler
// maps to a status of its own, as the service maps its error codes.
var errPrecondition = errors.New("base revision is not the latest")

// errUnwritable makes the test error handler fail, so that Fiber's fallback
// to a bare 500 is exercised.
var errUnwritable = errors.New("error handler cannot write this")

// problemHandler writes errors as problem+json, like the service's error
// handler does.
func problemHandler(c *fiber.Ctx, err error) error {
	status := fiber.StatusInternalServerError
	var fe *fiber.Error
	switch {
	case errors.Is(err, errUnwritable):
		return err
	case errors.Is(err, errPrecondition):
		status = fiber.StatusPreconditionFailed
	case errors.As(err, &fe):
		status = fe.Code
	}
	c.Set(fiber.HeaderContentType, "application/problem+json")
	return c.Status(status).SendString(fmt.Sprintf(`{"status":%d,"title":%q}`, status, http.StatusText(status)))
}

// newApp returns a small app wired as the service is: the metrics
// middleware first, then recover, then the routes, then InitRoutes.
func newApp(t *testing.T, m *metrics.Metrics) *fiber.App {
	t.Helper()
	app := fiber.New(fiber.Config{ErrorHandler: problemHandler, DisableStartupMessage: true})
	app.Use(m.Middleware())
	app.Use(recover.New())
	// A check before routing, as the token check and the body limit are:
	// it refuses a request that asks to be refused.
	app.Use(func(c *fiber.Ctx) error {
		if c.Get("X-Refuse") != "" {
			return fiber.NewError(fiber.StatusUnauthorized, "refused before routing")
		}
		return c.Next()
	})
	app.Get("/metrics", m.FiberHandler())
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("redline") })
	app.Get("/v1/articles/:id", getArticle)
	app.Put("/v1/articles/:id", func(c *fiber.Ctx) error { return c.Status(fiber.StatusCreated).SendString("stored") })
	app.Get("/v1/articles/:id/diff", func(c *fiber.Ctx) error { return errPrecondition })
	app.Get("/v1/panic", func(c *fiber.Ctx) error { panic("handler bug") })
	app.Get("/v1/unwritable", func(c *fiber.Ctx) error { return errUnwritable })
	m.InitRoutes(app)
	return app
}

// getArticle answers 404 as an error for the id "missing", as the service
// does for ENOTFOUND.
func getArticle(c *fiber.Ctx) error {
	if c.Params("id") == "missing" {
		return fiber.NewError(fiber.StatusNotFound, "no such article")
	}
	return c.JSON(fiber.Map{"id": c.Params("id"), "title": "Budget passes"})
}

// do sends one request to app and returns the response.
func do(t *testing.T, app *fiber.App, method, path string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(""))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

// scrape returns the body of GET /metrics in the text format.
func scrape(t *testing.T, app *fiber.App) string {
	t.Helper()
	resp := do(t, app, http.MethodGet, "/metrics")
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read /metrics: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: got status %d, want 200\n%s", resp.StatusCode, body)
	}
	return string(body)
}

// find returns the series of the family name whose labels include want, or
// nil.
func find(t *testing.T, m *metrics.Metrics, name string, want map[string]string) *dto.Metric {
	t.Helper()
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, s := range f.GetMetric() {
			if hasLabels(s, want) {
				return s
			}
		}
	}
	return nil
}

func hasLabels(s *dto.Metric, want map[string]string) bool {
	got := map[string]string{}
	for _, l := range s.GetLabel() {
		got[l.GetName()] = l.GetValue()
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

// value returns the value of a counter or gauge series, failing when the
// series does not exist.
func value(t *testing.T, m *metrics.Metrics, name string, labels map[string]string) float64 {
	t.Helper()
	s := find(t, m, name, labels)
	switch {
	case s == nil:
		t.Fatalf("%s%v: series does not exist", name, labels)
	case s.Counter != nil:
		return s.Counter.GetValue()
	case s.Gauge != nil:
		return s.Gauge.GetValue()
	case s.Histogram != nil:
		return float64(s.Histogram.GetSampleCount())
	}
	t.Fatalf("%s%v: not a counter, gauge or histogram", name, labels)
	return 0
}

// promtool returns the path of promtool. Without it the test is skipped with
// a message on stderr, unless it runs under CI, where it fails.
func promtool(t *testing.T) string {
	t.Helper()
	return lookTool(t, "promtool")
}

func lookTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := fmt.Sprintf("%s not found: install Debian's prometheus package (apt-get install prometheus)", name)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; it is required under CI", msg)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s: %s ***\n\n", t.Name(), msg)
	t.Skip(msg)
	return ""
}

// runTool runs a command with stdin and returns its combined output.
func runTool(t *testing.T, stdin string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// exerciseDomain calls every domain hook once, so that every series has a
// sample.
func exerciseDomain(m *metrics.Metrics) {
	m.SummaryComputed("textrank", 800, 4800, 12*time.Millisecond)
	m.DiffComputed(1600, 9600, 3*time.Millisecond)
	for _, cache := range []string{metrics.CacheSummary, metrics.CacheDiff, metrics.CachePage, metrics.CacheRevision} {
		m.CacheHit(cache)
		m.CacheMiss(cache)
		m.CacheEvicted(cache)
		m.SetCacheEntries(cache, 7)
	}
	m.RevisionStored()
	m.UnchangedPutSkipped()
	m.ObserveStore("put_revision", "sqlite", time.Millisecond, nil)
	m.ObserveStore("put_revision", "sqlite", time.Millisecond, errors.New("disk full"))
}
