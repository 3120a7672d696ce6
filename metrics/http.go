package metrics

import (
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"
)

// httpMetrics are the RED metrics of the HTTP service.
type httpMetrics struct {
	requests     *prometheus.CounterVec
	duration     *prometheus.HistogramVec
	requestSize  *prometheus.HistogramVec
	responseSize *prometheus.HistogramVec
	inFlight     prometheus.Gauge
	codes        []string

	// children caches each method, route and status code's series, so that
	// a request costs one map read instead of four label lookups, each
	// hashing its labels under the vector's lock. The label values are
	// bounded (sanitized methods, route templates, the status codes the
	// service sends), and no series is ever deleted, so an entry never
	// goes stale.
	mu       sync.RWMutex
	children map[childKey]*children
}

type childKey struct {
	method, route string
	code          int
}

// children are one label set's series.
type children struct {
	requests                            prometheus.Counter
	duration, requestSize, responseSize prometheus.Observer
}

// series returns the series of a request's method, route and status code.
func (h *httpMetrics) series(method, route string, code int) *children {
	k := childKey{method, route, code}
	h.mu.RLock()
	c := h.children[k]
	h.mu.RUnlock()
	if c != nil {
		return c
	}
	c = &children{
		requests:     h.requests.WithLabelValues(method, route, strconv.Itoa(code)),
		duration:     h.duration.WithLabelValues(method, route),
		requestSize:  h.requestSize.WithLabelValues(method, route),
		responseSize: h.responseSize.WithLabelValues(method, route),
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if cur := h.children[k]; cur != nil {
		return cur
	}
	if h.children == nil {
		h.children = map[childKey]*children{}
	}
	h.children[k] = c
	return c
}

// Native histogram settings shared by every histogram: about 10% relative
// error, with a bound on buckets so that one odd client cannot make a
// series expensive.
const (
	nativeFactor      = 1.1
	nativeMaxBuckets  = 160
	nativeMinResetDur = time.Hour
)

// histogram returns a histogram vector with both classic buckets, which every
// Prometheus can query, and native buckets, which newer ones scrape instead.
func histogram(reg prometheus.Registerer, name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace:                       namespace,
		Name:                            name,
		Help:                            help,
		Buckets:                         buckets,
		NativeHistogramBucketFactor:     nativeFactor,
		NativeHistogramMaxBucketNumber:  nativeMaxBuckets,
		NativeHistogramMinResetDuration: nativeMinResetDur,
	}, labels)
	reg.MustRegister(h)
	return h
}

// sizeBuckets spans 100 B to 1.6 MB by factors of four, around the 2 MiB
// body limit.
func sizeBuckets() []float64 { return prometheus.ExponentialBuckets(100, 4, 8) }

func newHTTPMetrics(reg prometheus.Registerer, cfg config) *httpMetrics {
	h := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "http_requests_total",
			Help:      "HTTP requests answered, by method, route template and status code sent.",
		}, []string{"method", "route", "code"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: namespace,
			Name:      "http_requests_in_flight",
			Help:      "HTTP requests being served now.",
		}),
	}
	reg.MustRegister(h.requests, h.inFlight)
	h.duration = histogram(reg, "http_request_duration_seconds",
		"Time from receiving an HTTP request to having its response ready, by method and route template.",
		prometheus.DefBuckets, "method", "route")
	h.requestSize = histogram(reg, "http_request_size_bytes",
		"Size of HTTP request bodies, by method and route template.", sizeBuckets(), "method", "route")
	h.responseSize = histogram(reg, "http_response_size_bytes",
		"Size of HTTP response bodies as sent, by method and route template.", sizeBuckets(), "method", "route")
	for _, code := range cfg.codes {
		h.codes = append(h.codes, strconv.Itoa(code))
	}
	return h
}

// zero exports every series of one route and method, so that the route
// shows on dashboards before its first request.
func (h *httpMetrics) zero(method, route string) {
	for _, code := range h.codes {
		h.requests.WithLabelValues(method, route, code)
	}
	h.duration.WithLabelValues(method, route)
	h.requestSize.WithLabelValues(method, route)
	h.responseSize.WithLabelValues(method, route)
}

// sanitizeMethod bounds the method label to the methods an API uses. It
// returns the constants, never m itself: Fiber's method string may share
// the memory of a request buffer that the next request reuses, and the
// label is kept.
func sanitizeMethod(m string) string {
	for _, known := range apiMethods {
		if m == known {
			return known
		}
	}
	return OtherMethod
}

var apiMethods = [...]string{fiber.MethodGet, fiber.MethodHead, fiber.MethodPost, fiber.MethodPut,
	fiber.MethodPatch, fiber.MethodDelete, fiber.MethodOptions}

// InitRoutes learns app's routes and exports each route and method as zero.
// Call it once all routes are registered and before serving; the middleware
// also learns routes added later, but only from their first request on.
func (m *Metrics) InitRoutes(app *fiber.App) { m.routes.Learn(app) }

// routeOf returns the template of the route that served c; for a request
// that a check before routing refused, the route it asked for; else
// Unmatched.
func (m *Metrics) routeOf(c *fiber.Ctx) string { return m.routes.Of(c) }

// Middleware records the RED metrics of every request that passes through
// it. Register it with app.Use before the recover middleware and before the
// routes. It hands any error from the handlers to the app's error handler
// itself and returns nil, so that the status it records is the one sent:
// middlewares registered before it see no error, only the final response.
func (m *Metrics) Middleware() fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		m.http.inFlight.Inc()
		defer m.http.inFlight.Dec()
		finished := false
		defer func() {
			// A panic passing through (no recover inside) becomes a 500.
			if !finished {
				m.observe(c, start, fiber.StatusInternalServerError)
			}
		}()
		handleError(c, c.Next())
		finished = true
		m.observe(c, start, c.Response().StatusCode())
		return nil
	}
}

// handleError writes the response for err as Fiber would after the
// middlewares return, including its fallback to a bare 500.
func handleError(c *fiber.Ctx, err error) {
	if err == nil {
		return
	}
	if herr := c.App().ErrorHandler(c, err); herr != nil {
		_ = c.SendStatus(fiber.StatusInternalServerError) //nolint:errcheck // nothing else to do
	}
}

// observe records one finished request.
func (m *Metrics) observe(c *fiber.Ctx, start time.Time, code int) {
	s := m.http.series(sanitizeMethod(c.Method()), m.routeOf(c), code)
	s.requests.Inc()
	s.duration.Observe(time.Since(start).Seconds())
	s.requestSize.Observe(float64(requestSize(c)))
	s.responseSize.Observe(float64(responseSize(c)))
}

// requestSize is the request body's length, without reading a streamed body.
func requestSize(c *fiber.Ctx) int {
	if c.Request().IsBodyStream() {
		return max(c.Request().Header.ContentLength(), 0)
	}
	return len(c.Request().Body())
}

// responseSize is the response body's length; asking a streamed body for its
// bytes would read the whole stream into memory, so its declared length is
// used instead.
func responseSize(c *fiber.Ctx) int {
	if c.Response().IsBodyStream() {
		return max(c.Response().Header.ContentLength(), 0)
	}
	return len(c.Response().Body())
}
