package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/metrics"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/auth"
	"github.com/redline-news/redline/service/postgres"
	"github.com/redline-news/redline/service/sqlite"
	"github.com/redline-news/redline/summarize"
)

func init() {
	register("serve", "run the HTTP service", runServe)
}

// Config is the service's configuration, from flags and the environment.
type Config struct {
	Listen string
	// MetricsListen, when set, serves /metrics on its own address and not
	// on Listen, so that metrics need not be public.
	MetricsListen   string
	Store           string
	MaxBody         int
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	IdleTimeout     time.Duration
	ShutdownTimeout time.Duration
	LogFormat       string
	LogLevel        string
	// Security: who may call the service and how much.
	Security SecurityConfig
	// StorePoolSize, when above zero, caps the PostgreSQL connection pool
	// and overrides the DSN's pool_max_conns.
	StorePoolSize int
	// CacheBytes bounds the summary and diff caches together, in bytes.
	CacheBytes int64
	// DefaultLanguage is the language of a text too short or unclear to
	// detect, when a request names no fallback_language; "" is en.
	DefaultLanguage string
	// Feed configures the change feed and webhook deliveries.
	Feed FeedConfig
}

// DefaultConfig returns the configuration of a plain `redline serve`.
func DefaultConfig() Config {
	return Config{
		Listen: "127.0.0.1:8080", Store: "sqlite:redline.db", MaxBody: service.DefaultMaxBody,
		ReadTimeout: 15 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 120 * time.Second,
		ShutdownTimeout: 30 * time.Second, LogFormat: "text", LogLevel: "info", CacheBytes: api.DefaultCacheBytes,
		Feed: defaultFeedConfig(),
	}
}

// Main is the running service: tests start it on 127.0.0.1:0 and close it.
type Main struct {
	Config Config
	Logger *slog.Logger

	Metrics *metrics.Metrics

	store         service.RevisionStore
	tokens        *auth.Tokens
	stopReload    context.CancelFunc
	server        *api.Server
	ln            net.Listener
	metricsServer *http.Server
	metricsLn     net.Listener
	served        chan error
	webhooks      stopper
}

// NewMain returns a Main with the default configuration.
func NewMain() *Main {
	return &Main{Config: DefaultConfig()}
}

// Run opens the store, builds the server and starts serving in the
// background. It returns once the listener is open.
func (m *Main) Run(ctx context.Context) error {
	if m.Logger == nil {
		m.Logger = slog.Default()
	}
	store, backend, err := openStore(ctx, m.Config.Store, m.Config.StorePoolSize)
	if err != nil {
		return err
	}
	m.store = store
	m.Metrics = metrics.New(metrics.BuildInfo{Version: buildVersion(), Revision: buildCommit(), GoVersion: runtime.Version()},
		metrics.WithAlgorithms(summarize.Algorithms()...))
	instrumented := m.Metrics.InstrumentStore(store, backend)
	m.Metrics.TrackArticles(instrumented)
	if batches, ok := store.(metrics.BatchCounter); ok {
		m.Metrics.TrackBatches(batches, backend)
	}
	access, err := m.access(ctx)
	if err != nil {
		m.Close()
		return err
	}
	sec := m.Config.Security
	m.server = api.NewServer(api.Config{
		Store: instrumented, Logger: m.Logger, Version: buildVersion(), MaxBody: m.Config.MaxBody,
		ReadTimeout: m.Config.ReadTimeout, WriteTimeout: m.Config.WriteTimeout, IdleTimeout: m.Config.IdleTimeout,
		Observer: m.Metrics, Middleware: []fiber.Handler{m.Metrics.Middleware()}, CacheBytes: m.Config.CacheBytes,
		DefaultLanguage: m.Config.DefaultLanguage, Writable: writeChecker(store),
		Access: access, CORSOrigins: sec.CORSOrigins, RateLimits: sec.rateLimits(), Conns: connLimits(sec, m.Logger),
		Events: events(store), Feed: m.Config.Feed.feedOptions(), Webhooks: m.Config.Feed.webhookOptions(),
	})
	m.mountPages(instrumented)
	if err := m.startWebhooks(ctx, store); err != nil {
		m.Close()
		return err
	}
	if err := m.listen(); err != nil {
		m.Close()
		return err
	}
	m.Logger.Info("redline serving", "addr", m.Addr(), "metrics", m.MetricsAddr(), "store", redactDSN(m.Config.Store), "version", buildVersion())
	m.warnIfOpen()
	return nil
}

// listen opens the listeners and serves on them in the background; metrics
// go on the service's own address unless MetricsListen names another.
func (m *Main) listen() error {
	var err error
	if m.Config.MetricsListen == "" {
		m.server.App().Get("/metrics", m.Metrics.FiberHandler())
	} else if err = m.listenMetrics(); err != nil {
		return err
	}
	m.Metrics.InitRoutes(m.server.App())
	if m.ln, err = net.Listen("tcp", m.Config.Listen); err != nil {
		return fmt.Errorf("listen on %s: %w", m.Config.Listen, err)
	}
	m.served = make(chan error, 1)
	go func() { m.served <- m.server.Serve(m.ln) }()
	return nil
}

func (m *Main) listenMetrics() error {
	ln, err := net.Listen("tcp", m.Config.MetricsListen)
	if err != nil {
		return fmt.Errorf("listen for metrics on %s: %w", m.Config.MetricsListen, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.metricsAuth(m.Metrics.Handler()))
	m.metricsLn = ln
	// The same bounds as the service's own listener, so that idle or slow
	// connections to this port cannot hold descriptors the service needs:
	// net/http keeps an idle keep-alive connection forever without an
	// IdleTimeout, and accepts any number of them.
	m.metricsServer = &http.Server{Handler: mux, ReadHeaderTimeout: m.Config.ReadTimeout, ReadTimeout: m.Config.ReadTimeout,
		WriteTimeout: m.Config.WriteTimeout, IdleTimeout: m.Config.IdleTimeout, MaxHeaderBytes: metricsMaxHeaderBytes}
	limited := api.LimitListener(ln, api.ConnLimits{Max: metricsMaxConns, PerIP: m.Config.Security.MaxConnsPerIP}, m.Logger)
	go func() {
		if err := m.metricsServer.Serve(limited); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Logger.Error("metrics server stopped", "error", err)
		}
	}()
	return nil
}

// The bounds of the --metrics-listen port, which serves scrapers: a few
// connections, and requests with small heads.
const (
	metricsMaxConns       = 256
	metricsMaxHeaderBytes = 16 << 10
)

// MetricsAddr returns the address /metrics is served on.
func (m *Main) MetricsAddr() string {
	if m.metricsLn != nil {
		return m.metricsLn.Addr().String()
	}
	return m.Addr()
}

// Addr returns the address the service listens on.
func (m *Main) Addr() string { return m.ln.Addr().String() }

// Served is closed with the serving error when the server stops by itself.
func (m *Main) Served() <-chan error { return m.served }

// Close finishes in-flight requests and webhook attempts, together and
// within one --shutdown-timeout, stops the server, then closes the store,
// so that no acknowledged write is cut off and shutdown takes no longer
// than the flag says.
func (m *Main) Close() error {
	var errs []error
	if m.stopReload != nil {
		m.stopReload()
	}
	if m.metricsServer != nil {
		errs = append(errs, m.metricsServer.Close())
	}
	ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownTimeout)
	defer cancel()
	// A delivery a request queues meanwhile waits in the durable queue
	// for the next start, so the two need not wait for each other.
	webhooks := make(chan error, 1)
	if m.webhooks != nil {
		go func() { webhooks <- m.stopWebhooks(ctx) }()
	} else {
		webhooks <- nil
	}
	if m.server != nil && m.ln != nil {
		errs = append(errs, m.server.Shutdown(ctx))
	}
	errs = append(errs, <-webhooks)
	if m.store != nil {
		errs = append(errs, m.store.Close())
	}
	return errors.Join(errs...)
}

// openStore opens the store a --store value names and returns its backend
// name for metrics; poolSize, when above zero, caps PostgreSQL's pool.
func openStore(ctx context.Context, dsn string, poolSize int) (service.RevisionStore, string, error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		db, err := sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"))
		return db, sqlite.Backend, err
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		db, err := postgres.Open(ctx, dsn, postgres.Options{MaxConns: int32(poolSize)})
		if err != nil {
			return nil, "", err
		}
		return db, postgres.Backend, nil
	default:
		return nil, "", errors.New("unknown store: use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB?PARAMS")
	}
}

// writeChecker returns the store's own check of whether it takes writes,
// or nil. The API is given the instrumented store, which hides the check,
// and without it /readyz, once a write failed, would wait for a write to
// succeed before answering 200, which a load balancer that gates on
// /readyz never lets through.
func writeChecker(store service.RevisionStore) api.WriteChecker {
	if w, ok := store.(api.WriteChecker); ok {
		return w
	}
	return nil
}

// redactDSN hides the password a postgres:// URL may hold, for the logs.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

func runServe(ctx context.Context, stdio Stdio, args []string) error {
	m := NewMain()
	if err := m.parseFlags(args, stdio.Stderr, os.Getenv); err != nil {
		return err
	}
	logger, err := newLogger(stdio.Stderr, m.Config.LogFormat, m.Config.LogLevel)
	if err != nil {
		return usageError{err.Error()}
	}
	m.Logger = logger
	setProcessLimits(logger)
	if err := m.Run(ctx); err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		m.Logger.Info("shutting down: finishing in-flight requests")
	case err := <-m.served:
		// The server never stops by itself while it can serve: whatever
		// stopped it is a failure, and a supervisor must see one.
		m.Logger.Error("server stopped", "error", err)
		return errors.Join(fmt.Errorf("the server stopped: %v", err), m.Close())
	}
	if err := m.Close(); err != nil {
		return err
	}
	m.Logger.Info("redline stopped: in-flight requests finished, store closed")
	return nil
}

// parseFlags reads flags, with REDLINE_* environment variables as defaults.
func (m *Main) parseFlags(args []string, stderr io.Writer, getenv func(string) string) error {
	c := &m.Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	maxBody := formatSize(int64(c.MaxBody))
	fs.StringVar(&c.Listen, "listen", envOr(getenv, "REDLINE_LISTEN", c.Listen), "address to listen on (env REDLINE_LISTEN)")
	fs.StringVar(&c.MetricsListen, "metrics-listen", envOr(getenv, "REDLINE_METRICS_LISTEN", c.MetricsListen), "serve /metrics on this address instead of --listen (env REDLINE_METRICS_LISTEN)")
	fs.StringVar(&c.Store, "store", envOr(getenv, "REDLINE_STORE", c.Store), "store: sqlite:PATH or postgres://USER@HOST:PORT/DB?PARAMS (env REDLINE_STORE)")
	poolSize := envOr(getenv, "REDLINE_STORE_POOL_SIZE", strconv.Itoa(c.StorePoolSize))
	fs.StringVar(&poolSize, "store-pool-size", poolSize, "most connections to PostgreSQL; 0 keeps the DSN's pool_max_conns or pgx's default (env REDLINE_STORE_POOL_SIZE)")
	fs.StringVar(&maxBody, "max-body", envOr(getenv, "REDLINE_MAX_BODY", maxBody), "largest request body, e.g. 2MiB (env REDLINE_MAX_BODY)")
	cacheBytes := formatSize(c.CacheBytes)
	fs.StringVar(&cacheBytes, "cache-bytes", envOr(getenv, "REDLINE_CACHE_BYTES", cacheBytes), "memory the summary, diff and page caches may hold together, e.g. 256MiB (env REDLINE_CACHE_BYTES)")
	fs.StringVar(&c.DefaultLanguage, "default-language", envOr(getenv, "REDLINE_DEFAULT_LANGUAGE", cmp.Or(c.DefaultLanguage, summarize.DefaultLanguage)), "language code assumed for a text too short or unclear to detect, when a request gives no fallback_language (env REDLINE_DEFAULT_LANGUAGE)")
	fs.DurationVar(&c.ReadTimeout, "read-timeout", c.ReadTimeout, "time to read a whole request")
	fs.DurationVar(&c.WriteTimeout, "write-timeout", c.WriteTimeout, "time to write a whole response")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", c.IdleTimeout, "how long an idle keep-alive connection stays open")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", c.ShutdownTimeout, "how long shutdown waits, in all, for in-flight requests and webhook attempts in flight, which finish side by side")
	fs.StringVar(&c.LogFormat, "log-format", envOr(getenv, "REDLINE_LOG_FORMAT", c.LogFormat), "log format: text or json (env REDLINE_LOG_FORMAT)")
	fs.StringVar(&c.LogLevel, "log-level", envOr(getenv, "REDLINE_LOG_LEVEL", c.LogLevel), "log level: debug, info, warn or error (env REDLINE_LOG_LEVEL)")
	sec := c.Security.flags(fs, getenv)
	schedule := c.Feed.addFlags(fs, getenv)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := sec.apply(&c.Security); err != nil {
		return usageError{err.Error()}
	}
	if err := c.Feed.check(*schedule); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments, got %q", fs.Args())}
	}
	for name, d := range map[string]time.Duration{"read-timeout": c.ReadTimeout, "write-timeout": c.WriteTimeout,
		"idle-timeout": c.IdleTimeout, "shutdown-timeout": c.ShutdownTimeout} {
		if d <= 0 {
			return usageError{fmt.Sprintf("--%s must be a positive duration such as 30s, not %v", name, d)}
		}
	}
	if err := checkStore(c.Store); err != nil {
		return err
	}
	if err := c.setPoolSize(poolSize); err != nil {
		return err
	}
	if err := c.setCacheBytes(cacheBytes); err != nil {
		return err
	}
	if !slices.Contains(summarize.KnownLanguages(), c.DefaultLanguage) {
		return usageError{fmt.Sprintf("--default-language %.20q is not a language code the detector knows (%d of them); use an ISO 639-1 code such as en, de or fr", c.DefaultLanguage, len(summarize.KnownLanguages()))}
	}
	return c.setMaxBody(maxBody)
}

// checkStore refuses a --store value that names no store before anything
// opens, so that it exits 2 as any other bad flag does. The value is not
// quoted back: it may hold a password.
func checkStore(dsn string) error {
	switch {
	case dsn == "sqlite:":
		return usageError{"--store sqlite: needs a file path, as in sqlite:redline.db"}
	case strings.HasPrefix(dsn, "sqlite:"), strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return nil
	default:
		return usageError{"--store must be sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB?PARAMS"}
	}
}

func (c *Config) setPoolSize(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 1000 {
		return usageError{fmt.Sprintf("--store-pool-size %q must be a whole number from 0 to 1000", s)}
	}
	c.StorePoolSize = n
	return nil
}

// formatSize writes a size as the flags take it and the README shows it,
// "2MiB" rather than humanize's "2.0 MiB", when it is a whole number of a
// binary unit.
func formatSize(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.name
		}
	}
	return humanize.IBytes(uint64(n))
}

func (c *Config) setMaxBody(s string) error {
	n, err := humanize.ParseBytes(s)
	if err != nil || n < 1024 || n > 1<<30 {
		return usageError{fmt.Sprintf("--max-body %q must be a size from 1KiB to 1GiB, such as 2MiB", s)}
	}
	c.MaxBody = int(n)
	return nil
}

func (c *Config) setCacheBytes(s string) error {
	n, err := humanize.ParseBytes(s)
	if err != nil || n < 1<<20 || n > 1<<40 {
		return usageError{fmt.Sprintf("--cache-bytes %q must be a size from 1MiB to 1TiB, such as 256MiB", s)}
	}
	c.CacheBytes = int64(n)
	return nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// newLogger returns a slog logger writing text or JSON at the given level.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("unknown log level %q: use debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lvl}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, fmt.Errorf("unknown log format %q: use text or json", format)
	}
}
