// Package api serves Redline's HTTP API with Fiber and describes it with an
// OpenAPI 3.1 document generated from the handlers' types by huma.
package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"github.com/redline-news/redline/internal/routetemplate"
	"log/slog"
	"net"
	"strings"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/redline-news/redline/internal/resultcache"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// DefaultCacheBytes bounds the summary and diff caches together when no
// budget is given.
const DefaultCacheBytes = resultcache.DefaultBytes

// Config holds what the server needs; zero values get sensible defaults.
type Config struct {
	Store   service.RevisionStore
	Logger  *slog.Logger
	Version string
	// MaxBody bounds every request body, in bytes.
	MaxBody      int
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	IdleTimeout  time.Duration
	// Middleware runs before the routes, after the request id is set; the
	// metrics middleware plugs in here.
	Middleware []fiber.Handler
	// Observer is told of summaries, diffs, cache use and stored revisions.
	Observer Observer
	// Conns caps the connections Serve accepts; zero values leave a cap off.
	Conns ConnLimits
	// Access decides who may read and write; its zero value lets everyone.
	Access Access
	// CORSOrigins are the origins browsers may call the API from; empty
	// turns CORS off.
	CORSOrigins []string
	// RateLimits bound requests per client and scope; nil sets none.
	RateLimits *RateLimits
	// CacheBytes bounds the summary and diff caches together, counting the
	// bytes their entries hold; DefaultCacheBytes when 0. It is not used
	// when Cache is set.
	CacheBytes int64
	// DefaultLanguage is the language of a text too short or unclear to
	// detect when the request gives no fallback_language; "" is
	// summarize.DefaultLanguage (en). It must be a code the summarizer knows.
	DefaultLanguage string
	// Cache, when set, is the store of computed results the API shares with
	// whatever else is served beside it (the editors' page), under one
	// budget; a store of CacheBytes is made when it is nil.
	Cache *resultcache.Store
	// Writable, when set, tells readiness whether the store takes writes
	// again after they failed; a Store that has CheckWritable is used when
	// it is nil.
	Writable WriteChecker
	// Events, when set, serves the change feed and webhook subscriptions.
	Events   service.EventStore
	Feed     FeedOptions
	Webhooks WebhookOptions
}

// Server is the HTTP API.
type Server struct {
	app            *fiber.App
	api            huma.API
	store          service.RevisionStore
	logger         *slog.Logger
	obs            Observer
	cfg            Config
	cache          *resultcache.Store
	summaries      *resultcache.Cache[*summarize.Summary]
	summaryRenders *resultcache.Cache[*rendered]
	diffs          *resultcache.Cache[*diffResult]
	diffRenders    *resultcache.Cache[*rendered]
	// revisionRenders holds revisions' JSON, encoded once (articles.go).
	revisionRenders *resultcache.Cache[[]byte]
	// writeFailure is why the last write failed for want of space or of
	// the store, or nil once writes work.
	writeFailure atomic.Pointer[string]
	feed         *feed
	// putBody decodes PUT bodies; set when the route is registered.
	putBody *putBodyDecoder
	// pageNotFound answers browsers that ask for an unknown page (see
	// SetPageNotFound); nil leaves every unknown route to problem+json.
	pageNotFound atomic.Pointer[fiber.Handler]
	// routes names each request's route template in the access log, also
	// for a request that a check before routing refused.
	routes routetemplate.Table
}

// SetPageNotFound has h answer a request for an unknown path outside the
// API (not /v1, /metrics, /openapi or the health checks) from a browser,
// one whose Accept header names text/html: the pages served beside the API
// answer those with a page of their own, not with problem+json.
func (s *Server) SetPageNotFound(h fiber.Handler) { s.pageNotFound.Store(&h) }

// NewServer builds the Fiber app, its middleware and every route.
func NewServer(cfg Config) *Server {
	cfg = withDefaults(cfg)
	s := &Server{store: cfg.Store, logger: cfg.Logger, obs: cfg.Observer, cfg: cfg}
	s.newCaches(cfg)
	s.app = newFiberApp(cfg, s.errorHandler)
	guardServer(s.app, cfg.Logger)
	s.app.Use(securityHeaders, s.requestID, s.accessLog)
	for _, m := range cfg.Middleware {
		s.app.Use(m)
	}
	s.app.Use(recover.New())
	if len(cfg.CORSOrigins) > 0 {
		s.app.Use(corsMiddleware(cfg.CORSOrigins))
	}
	s.app.Use(cfg.RateLimits.middleware(cfg.Access))
	// Tokens and JSON bodies are the API's rules; pages mounted beside it on
	// the same app (the editors' page) check their own.
	s.app.Use(apiOnly(s.authorize), apiOnly(s.readBody))
	s.api = humafiber.New(s.app, humaConfig(cfg.Version, s.unmarshalJSON))
	s.registerRoutes()
	return s
}

// Cache returns the store of computed results the server keeps, for pages
// served beside it to share.
func (s *Server) Cache() *resultcache.Store { return s.cache }

// newCaches makes the summary and diff caches, computed results and encoded
// answers alike, all within one byte budget.
func (s *Server) newCaches(cfg Config) {
	s.cache = cfg.Cache
	if s.cache == nil {
		s.cache = resultcache.New(cfg.CacheBytes, cfg.Observer)
	}
	s.summaries = resultcache.For[*summarize.Summary](s.cache, resultcache.Summary, "result", nil, nil)
	s.summaryRenders = resultcache.For[*rendered](s.cache, resultcache.Summary, "encoded", nil, nil)
	// A diff coarsened by its deadline depends on how busy the machine was;
	// it is not kept, so the next request may get the full diff.
	s.diffs = resultcache.For(s.cache, resultcache.Diff, "result", nil, func(r *diffResult) bool { return !r.body.Degraded })
	s.diffRenders = resultcache.For(s.cache, resultcache.Diff, "encoded", nil, func(r *rendered) bool { return !r.transient })
}

func newFiberApp(cfg Config, errorHandler fiber.ErrorHandler) *fiber.App {
	return fiber.New(fiber.Config{
		AppName:               "redline",
		BodyLimit:             cfg.MaxBody,
		ReadTimeout:           cfg.ReadTimeout,
		WriteTimeout:          cfg.WriteTimeout,
		IdleTimeout:           cfg.IdleTimeout,
		ErrorHandler:          errorHandler,
		DisableStartupMessage: true,
		// Bodies are read by readBody, bounded, once the head has been
		// checked; nothing is reserved from a declared Content-Length.
		StreamRequestBody: true,
		ReadBufferSize:    MaxHeaderBytes,
		// A 304 or 204 sends no Content-Type at all.
		DisableDefaultContentType: true,
		// Fiber reuses request buffers; Immutable copies every value taken
		// from the context, so ids and bodies may outlive the handler.
		Immutable: true,
		// %7E and ~ name the same id; an escaped / still matches no route.
		UnescapePath: true,
	})
}

func withDefaults(cfg Config) Config {
	if w, ok := cfg.Store.(WriteChecker); ok && cfg.Writable == nil {
		cfg.Writable = w
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	if cfg.CacheBytes <= 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = service.DefaultMaxBody
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = 15 * time.Second
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = 30 * time.Second
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 120 * time.Second
	}
	return cfg
}

func humaConfig(version string, unmarshal func([]byte, any) error) huma.Config {
	c := huma.DefaultConfig("Redline", version)
	c.Info.Description = "Keeps every revision of every article, summarizes them and shows word by word what changed."
	c.OpenAPIPath = "/openapi"
	c.DocsPath = ""
	// No $schema links in bodies: responses stay exactly what the docs show.
	c.CreateHooks = nil
	c.SchemasPath = ""
	format := huma.Format{Marshal: marshalJSON, Unmarshal: unmarshal}
	c.Formats = map[string]huma.Format{"application/json": format, "json": format}
	return c
}

func (s *Server) registerRoutes() {
	s.registerHealth()
	s.registerArticles()
	s.registerSummaries()
	s.registerDiffs()
	s.registerChanges()
	s.registerWebhooks()
	s.answerHEAD()
	s.documentResponses()
}

// answerHEAD serves HEAD wherever GET is served, as HTTP requires and as
// load balancers' health checks expect; the server sends no body for HEAD.
// huma registers GET alone, unlike Fiber's own Get.
func (s *Server) answerHEAD() {
	for _, r := range s.app.GetRoutes(true) {
		if r.Method == fiber.MethodGet {
			s.app.Add(fiber.MethodHead, r.Path, r.Handlers...)
		}
	}
}

// App returns the Fiber app, for tests and for mounting more routes.
func (s *Server) App() *fiber.App { return s.app }

// API returns the huma API, so that more operations can be registered.
func (s *Server) API() huma.API { return s.api }

// Serve answers requests on ln until Shutdown, within the configured
// connection caps; failures to accept a connection never stop it.
func (s *Server) Serve(ln net.Listener) error {
	return s.app.Listener(LimitListener(ln, s.cfg.Conns, s.logger))
}

// Shutdown stops accepting connections and waits for in-flight requests to
// finish, or for ctx to end.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closeFeed()
	return s.app.ShutdownWithContext(ctx)
}

// maxBodyBytes is huma's own body limit: one byte over Fiber's, because huma
// treats a body of exactly its limit as too large.
func (s *Server) maxBodyBytes() int64 { return int64(s.cfg.MaxBody) + 1 }

type requestIDKey struct{}

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

func requestIDOf(c *fiber.Ctx) string {
	return RequestID(c.UserContext())
}

// requestID keeps a caller's well-formed X-Request-ID, so that logs join
// across services, and makes a new one otherwise. The context also carries
// the server's logger, for problemOf.
func (s *Server) requestID(c *fiber.Ctx) error {
	id := c.Get(fiber.HeaderXRequestID)
	if !wellFormedRequestID(id) {
		id = newRequestID()
	}
	c.Set(fiber.HeaderXRequestID, id)
	ctx := context.WithValue(c.UserContext(), requestIDKey{}, id)
	c.SetUserContext(context.WithValue(ctx, loggerKey{}, s.logger))
	return c.Next()
}

func wellFormedRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if !(id[i] >= 'a' && id[i] <= 'z' || id[i] >= 'A' && id[i] <= 'Z' || id[i] >= '0' && id[i] <= '9' || id[i] == '-' || id[i] == '_' || id[i] == '.') {
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// accessLog logs one line per request with the status actually sent. An
// error from later handlers is written by the error handler here, so the
// log (and any middleware before it) sees the final status.
func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	if err := c.Next(); err != nil {
		if herr := c.App().ErrorHandler(c, err); herr != nil {
			return herr
		}
	}
	status := c.Response().StatusCode()
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.logger.Log(c.UserContext(), level, "request", "request_id", requestIDOf(c), "method", c.Method(),
		"route", s.routes.Of(c), "path", c.Path(), "status", status, "duration", time.Since(start),
		"bytes_in", bodyBytesRead(c), "bytes_out", responseBytes(c))
	return nil
}

// apiOnly runs h for the API's own paths (/v1, /metrics, /openapi*) and
// passes every other request on untouched.
func apiOnly(h fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !isAPIPath(c.Path()) {
			return c.Next()
		}
		return h(c)
	}
}

func isAPIPath(p string) bool {
	return p == "/v1" || strings.HasPrefix(p, "/v1/") || p == "/metrics" || strings.HasPrefix(p, "/openapi") ||
		openPaths[p]
}
