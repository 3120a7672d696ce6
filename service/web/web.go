// Package web serves the editors' page: the article list, an article's
// revision timeline, its diffs inline or side by side, and its summaries. It
// renders with html/template and embedded assets, reads through the domain's
// service.RevisionStore and the pure diff and summarize packages, and never
// writes.
package web

import (
	"bytes"
	"embed"
	"html/template"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

//go:embed templates/*.html
var templateFS embed.FS

var templates = template.Must(template.New("").Funcs(templateFuncs).ParseFS(templateFS, "templates/*.html"))

// Config holds what the pages need; zero values get sensible defaults.
type Config struct {
	Store  service.RevisionStore
	Logger *slog.Logger
	// Authorize, when set, guards every page: a reader must give a token
	// for which it returns true, once, through a form; the token is then
	// kept in an HttpOnly, SameSite=Strict cookie, never in a URL. Nil
	// means reads need no token.
	Authorize func(token string) bool
	// Now returns the current time, for "12 minutes ago"; tests fix it.
	Now func() time.Time
	// CacheEntries bounds each of the page's result caches (diffs, change
	// counts, summaries), which are keyed by content and never go stale.
	CacheEntries int
}

// Pages is the editors' web interface.
type Pages struct {
	store     service.RevisionStore
	logger    *slog.Logger
	authorize func(string) bool
	now       func() time.Time
	diffs     *lru.Cache[string, *diff.Result]
	changes   *lru.Cache[string, diff.Stats]
	summaries *lru.Cache[string, *summarize.Summary]
	rows      *lru.Cache[string, template.HTML]
}

// New returns the pages for cfg.
func New(cfg Config) *Pages {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.CacheEntries <= 0 {
		cfg.CacheEntries = 1024
	}
	p := &Pages{store: cfg.Store, logger: cfg.Logger, authorize: cfg.Authorize, now: cfg.Now}
	p.diffs, _ = lru.New[string, *diff.Result](cfg.CacheEntries) // only a size below 1 fails
	p.changes, _ = lru.New[string, diff.Stats](cfg.CacheEntries * 8)
	p.summaries, _ = lru.New[string, *summarize.Summary](cfg.CacheEntries)
	p.rows, _ = lru.New[string, template.HTML](cfg.CacheEntries * 8)
	return p
}

// Mount adds the pages and their assets to app: GET / (the list),
// GET /articles/:id, GET /assets/:name and POST /session (the token form).
func (p *Pages) Mount(app *fiber.App) {
	app.Get("/", securityHeaders, p.requireToken, p.listPage)
	app.Get("/articles/:id", securityHeaders, p.requireToken, p.articlePage)
	app.Post("/session", securityHeaders, p.startSession)
	app.Get("/assets/:name", securityHeaders, serveAsset)
}

// ContentSecurityPolicy is sent with every page: scripts, styles and images
// only from the service itself, nothing inline, no plugins, no framing.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// securityHeaders sets the headers every page and asset carries.
func securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", ContentSecurityPolicy)
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("X-Frame-Options", "DENY")
	return c.Next()
}

// render executes a template and sends it as HTML with the given status.
func (p *Pages) render(c *fiber.Ctx, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, name, data); err != nil {
		p.logger.ErrorContext(c.UserContext(), "render page", "template", name, "error", err)
		return p.renderError(c, service.Errorf(service.EINTERNAL, "render %s: %v", name, err))
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Type("html", "utf-8")
	return c.Status(status).Send(buf.Bytes())
}
