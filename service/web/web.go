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

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/resultcache"
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
	// Cache holds the page's computed results (diffs, summaries, change
	// bars and list rows), keyed by content so that they never go stale.
	// Give the API's store (api.Server.Cache) so that both share one
	// budget; nil makes a store of resultcache.DefaultBytes for the pages
	// alone.
	Cache *resultcache.Store
	// DefaultLanguage is the language assumed for a text too short or
	// unclear to detect, as the API's Config.DefaultLanguage.
	DefaultLanguage string
}

// Pages is the editors' web interface.
type Pages struct {
	store     service.RevisionStore
	logger    *slog.Logger
	authorize func(string) bool
	now       func() time.Time
	language  string // the default language of summaries
	diffs     *resultcache.Cache[*diff.Result]
	changes   *resultcache.Cache[changeBar]
	summaries *resultcache.Cache[*summarize.Summary]
	rows      *resultcache.Cache[template.HTML]
}

// New returns the pages for cfg.
func New(cfg Config) *Pages {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Cache == nil {
		cfg.Cache = resultcache.New(resultcache.DefaultBytes, nil)
	}
	p := &Pages{store: cfg.Store, logger: cfg.Logger, authorize: cfg.Authorize, now: cfg.Now, language: cfg.DefaultLanguage}
	// The kinds keep the page's entries apart from the API's, whose values
	// have other types. A diff coarsened by its deadline depends on how
	// busy the machine was; it is not kept.
	p.diffs = resultcache.For(cfg.Cache, resultcache.Diff, "page", nil, func(r *diff.Result) bool { return !r.Degraded })
	p.summaries = resultcache.For[*summarize.Summary](cfg.Cache, resultcache.Summary, "page", nil, nil)
	p.changes = resultcache.For[changeBar](cfg.Cache, resultcache.Page, "change", nil, nil)
	p.rows = resultcache.For[template.HTML](cfg.Cache, resultcache.Page, "row", nil, nil)
	return p
}

// Mount adds the pages and their assets to app: GET / (the list),
// GET /articles/:id, GET /articles/:id/summary (its summary panel alone),
// GET /assets/:name and POST /session (the token form).
func (p *Pages) Mount(app *fiber.App) {
	app.Get("/", securityHeaders, p.requireToken, p.listPage)
	app.Get("/articles/:id", securityHeaders, p.requireToken, p.articlePage)
	app.Get("/articles/:id/summary", securityHeaders, p.requireToken, p.summaryPanel)
	app.Post("/session", securityHeaders, p.startSession)
	app.Get("/assets/:name", securityHeaders, serveAsset)
}

// ContentSecurityPolicy is sent with every page: scripts, styles, images
// and the script's requests (for the summary panel) only to the service
// itself, nothing inline, no plugins, no framing.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// securityHeaders sets the headers every page and asset carries.
func securityHeaders(c *fiber.Ctx) error {
	setSecurityHeaders(c)
	return c.Next()
}

func setSecurityHeaders(c *fiber.Ctx) {
	c.Set("Content-Security-Policy", ContentSecurityPolicy)
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("X-Frame-Options", "DENY")
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
