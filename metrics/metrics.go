// Package metrics exports Redline's Prometheus metrics: the RED metrics of
// the HTTP service, the work of the summarizers, the differ and their
// caches, the store, the build and the Go runtime and process.
//
// Every Metrics value owns its own registry, so that tests can make as many
// as they like. Label values always come from bounded sets: a route template
// rather than a raw path, a method from a fixed list, a status code, and
// algorithm, cache and operation names known when the Metrics is made.
// Every label set known in advance is exported as zero from the start, so
// that dashboards and alerts see a series before the first event.
package metrics

import (
	"github.com/redline-news/redline/internal/routetemplate"
	"net/http"
	"runtime"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric that Redline defines itself.
const namespace = "redline"

// BuildInfo identifies the running binary; it becomes the labels of
// redline_build_info.
type BuildInfo struct {
	Version   string
	Revision  string
	GoVersion string // runtime.Version() when empty
}

// Metrics holds one registry and every collector that Redline exports. Its
// methods are safe for concurrent use.
type Metrics struct {
	reg      *prometheus.Registry
	handler  http.Handler
	cfg      config
	http     *httpMetrics
	domain   *domainMetrics
	store    *storeMetrics
	webhooks *webhookMetrics
	routes   routetemplate.Table
}

// New returns a Metrics whose registry holds the Go and process collectors,
// redline_build_info and every Redline metric, with each label set known in
// advance already exported as zero.
func New(build BuildInfo, opts ...Option) *Metrics {
	cfg := defaultConfig()
	for _, opt := range opts {
		opt(&cfg)
	}
	reg := prometheus.NewRegistry()
	m := &Metrics{reg: reg, cfg: cfg}
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		buildInfo(build),
	)
	m.http = newHTTPMetrics(reg, cfg)
	m.routes.OnLearn = func(method, route string) { m.http.zero(sanitizeMethod(method), route) }
	m.domain = newDomainMetrics(reg, cfg)
	m.store = newStoreMetrics(reg, cfg)
	m.webhooks = newWebhookMetrics(reg)
	m.handler = newHandler(reg)
	return m
}

// buildInfo returns the constant gauge redline_build_info, whose labels say
// which binary is running; its value is always 1 so that it can be joined
// onto other series with group_left.
func buildInfo(b BuildInfo) prometheus.Collector {
	if b.GoVersion == "" {
		b.GoVersion = runtime.Version()
	}
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: namespace,
		Name:      "build_info",
		Help:      "A metric with a constant '1' value labelled by the version, revision and Go version of the running binary.",
		ConstLabels: prometheus.Labels{
			"version": b.Version, "revision": b.Revision, "goversion": b.GoVersion,
		},
	})
	g.Set(1)
	return g
}

// newHandler serves the registry, offering OpenMetrics to scrapers that ask
// for it and counting its own scrapes and failures in the same registry.
func newHandler(reg *prometheus.Registry) http.Handler {
	h := promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		Registry:          reg,
		EnableOpenMetrics: true,
		// A collector that fails (the store cannot count its articles) must
		// not hide every other metric from the scraper.
		ErrorHandling: promhttp.ContinueOnError,
		// No Timeout: promhttp would derive a context from the request's,
		// which behind Fiber is fasthttp's RequestCtx, whose Done races with
		// server shutdown. The scraper's own timeout bounds a scrape, and
		// the one slow collector (the article count) has its own.
	})
	return promhttp.InstrumentMetricHandler(reg, h)
}

// Registry returns the registry, for tests and for collectors that other
// packages want to add.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the metrics in the text or OpenMetrics format, as the
// scraper's Accept header asks, for a separate net/http metrics listener.
func (m *Metrics) Handler() http.Handler { return m.handler }

// FiberHandler serves the metrics from a Fiber app, as GET /metrics.
func (m *Metrics) FiberHandler() fiber.Handler { return adaptor.HTTPHandler(m.handler) }
