// Package routetemplate names the route template ("/v1/articles/:id") that
// a request to a Fiber app reached, or, for a request that a check before
// routing refused (a 401, a 413, a 429), the route its method and path would
// have reached. Logs and metrics label requests by template, never by raw
// path, so that the values stay bounded and name the endpoint.
package routetemplate

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gofiber/fiber/v2"
)

// Unmatched is the template of a request that reaches no route.
const Unmatched = "unmatched"

// Table learns an app's routes and names the template of each request. The
// zero Table is ready to use; it learns the routes on first use and again
// whenever routes were added since.
type Table struct {
	// OnLearn, if set, is called for each route's method and template
	// whenever the table learns the app's routes.
	OnLearn func(method, template string)

	mu  sync.Mutex
	cur atomic.Pointer[routeSet]
}

// routeSet maps each endpoint route, by the address of its handler chain, to
// its template. Fiber leaves a middleware's route in the context when no
// endpoint matched, and a middleware's route may have the same path and
// method as an endpoint ("/"), so only identity tells them apart.
type routeSet struct {
	handlers uint32 // the app's handler count when the set was built
	paths    map[*fiber.Handler]string
	// templates are the routes by method, for requests that a check
	// before routing refused: the route their path and method would
	// have reached.
	templates map[string][]template
}

// template is a route's path split at its slashes: ":id" segments match
// any one segment, and a last "*" the rest.
type template struct {
	path string
	segs []string
}

// Learn learns app's routes. Call it once all routes are registered and
// before serving, so that OnLearn sees every route before its first request;
// Of also learns routes added later, from their first request on.
func (t *Table) Learn(app *fiber.App) {
	t.mu.Lock()
	defer t.mu.Unlock()
	set := &routeSet{handlers: app.HandlersCount(), paths: map[*fiber.Handler]string{}, templates: map[string][]template{}}
	for _, r := range app.GetRoutes(true) {
		if len(r.Handlers) == 0 {
			continue
		}
		set.paths[&r.Handlers[0]] = r.Path
		if r.Path != "" {
			set.templates[r.Method] = append(set.templates[r.Method], template{path: r.Path, segs: strings.Split(r.Path, "/")[1:]})
		}
		if t.OnLearn != nil {
			t.OnLearn(r.Method, r.Path)
		}
	}
	t.cur.Store(set)
}

// Of returns the template of the route that served c; for a request that a
// check before routing refused, the route it asked for; else Unmatched.
// Call it once the response's status is set.
func (t *Table) Of(c *fiber.Ctx) string {
	set := t.cur.Load()
	if set == nil || set.handlers != c.App().HandlersCount() {
		t.Learn(c.App())
		set = t.cur.Load()
	}
	r := c.Route()
	if len(r.Handlers) > 0 {
		if path, ok := set.paths[&r.Handlers[0]]; ok {
			return path
		}
	}
	if c.Response().StatusCode() == fiber.StatusNotFound {
		return Unmatched // no route: its path is not one of ours
	}
	for _, tmpl := range set.templates[c.Method()] {
		if tmpl.match(c.Path()) {
			return tmpl.path
		}
	}
	return Unmatched
}

// match tells whether path (without its query) would reach t.
func (t template) match(path string) bool {
	segs := t.segs
	for len(segs) > 0 {
		if segs[0] == "*" && len(segs) == 1 {
			return true
		}
		if path == "" || path[0] != '/' {
			return false
		}
		path = path[1:]
		end := strings.IndexByte(path, '/')
		if end < 0 {
			end = len(path)
		}
		seg := path[:end]
		switch {
		case strings.HasPrefix(segs[0], ":"):
			if seg == "" {
				return false
			}
		case seg != segs[0]:
			return false
		}
		path, segs = path[end:], segs[1:]
	}
	return path == "" || path == "/"
}
