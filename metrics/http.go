package metrics

import (
	"strconv"
	"sync"
	"sync/atomic"
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

// sanitizeMethod bounds the method label to the methods an API uses.
func sanitizeMethod(m string) string {
	switch m {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodPost, fiber.MethodPut,
		fiber.MethodPatch, fiber.MethodDelete, fiber.MethodOptions:
		return m
	default:
		return OtherMethod
	}
}

// routeSet maps each endpoint route, by the address of its handler chain, to
// its template. Fiber leaves a middleware's route in the context when no
// endpoint matched, and a middleware's route may have the same path and
// method as an endpoint ("/"), so only identity tells them apart.
type routeSet struct {
	handlers uint32 // the app's handler count when the set was built
	paths    map[*fiber.Handler]string
}

// routeTable holds the current routeSet; it is rebuilt when the app's
// handler count shows that routes were added.
type routeTable struct {
	mu  sync.Mutex
	cur atomic.Pointer[routeSet]
}

// InitRoutes learns app's routes and exports each route and method as zero.
// Call it once all routes are registered and before serving; the middleware
// also learns routes added later, but only from their first request on.
func (m *Metrics) InitRoutes(app *fiber.App) {
	m.routes.mu.Lock()
	defer m.routes.mu.Unlock()
	set := &routeSet{handlers: app.HandlersCount(), paths: map[*fiber.Handler]string{}}
	for _, r := range app.GetRoutes(true) {
		if len(r.Handlers) == 0 {
			continue
		}
		set.paths[&r.Handlers[0]] = r.Path
		m.http.zero(sanitizeMethod(r.Method), r.Path)
	}
	m.routes.cur.Store(set)
}

// routeOf returns the template of the route that served c, or Unmatched.
func (m *Metrics) routeOf(c *fiber.Ctx) string {
	set := m.routes.cur.Load()
	if set == nil || set.handlers != c.App().HandlersCount() {
		m.InitRoutes(c.App())
		set = m.routes.cur.Load()
	}
	r := c.Route()
	if len(r.Handlers) == 0 {
		return Unmatched
	}
	if path, ok := set.paths[&r.Handlers[0]]; ok {
		return path
	}
	return Unmatched
}

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
	method, route := sanitizeMethod(c.Method()), m.routeOf(c)
	m.http.requests.WithLabelValues(method, route, strconv.Itoa(code)).Inc()
	m.http.duration.WithLabelValues(method, route).Observe(time.Since(start).Seconds())
	m.http.requestSize.WithLabelValues(method, route).Observe(float64(requestSize(c)))
	m.http.responseSize.WithLabelValues(method, route).Observe(float64(responseSize(c)))
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
