package api

import (
	"net/http"
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service/auth"
)

// TokenChecker says which scope a bearer token has; *auth.Tokens is one.
type TokenChecker interface {
	Scope(token string) (auth.Scope, bool)
}

// Access is who may use the API. With no Tokens everyone may do everything,
// which is only safe on loopback.
type Access struct {
	// Tokens, when set, makes every /v1 write need a write token and every
	// read a read token.
	Tokens TokenChecker
	// PublicRead lets reads through without a token.
	PublicRead bool
	// MetricsToken, when set, is the only credential /metrics accepts.
	MetricsToken string
	// TrustedProxies are the peers whose X-Forwarded-For is believed when
	// telling clients apart.
	TrustedProxies []netip.Prefix
}

// Keys under which the middleware leaves what it learned for later ones.
const (
	scopeKey  = "redline.scope"
	clientKey = "redline.client"
)

// openPaths need no token: probes must work without secrets.
var openPaths = map[string]bool{"/livez": true, "/readyz": true}

// authorize checks the request's bearer token against what its route needs:
// GET and HEAD need read, anything else write. /livez and /readyz are open;
// /metrics takes the metrics token when one is set.
func (s *Server) authorize(c *fiber.Ctx) error {
	a := s.cfg.Access
	switch {
	case openPaths[c.Path()]:
		return c.Next()
	case c.Path() == "/metrics" && a.MetricsToken != "":
		if !auth.Equal(bearer(c), a.MetricsToken) {
			return unauthorized("/metrics needs the metrics token: Authorization: Bearer TOKEN", bearer(c) != "")
		}
		return c.Next()
	}
	return s.Require(NeededScope(c.Method()))(c)
}

// NeededScope is the scope a request of this method needs.
func NeededScope(method string) auth.Scope {
	if method == fiber.MethodGet || method == fiber.MethodHead {
		return auth.Read
	}
	return auth.Write
}

// Require returns middleware that lets a request through only with a token
// of at least scope need (or, for read, with PublicRead set). Routes mounted
// outside the API, such as the editors' page or webhooks, use it in one
// line: app.Use("/webhooks", srv.Require(auth.Admin)).
func (s *Server) Require(need auth.Scope) fiber.Handler {
	a := s.cfg.Access
	return func(c *fiber.Ctx) error {
		tok := bearer(c)
		if tok != "" {
			c.Locals(clientKey, "token:"+auth.ID(tok))
		}
		if a.Tokens == nil || (need == auth.Read && a.PublicRead) {
			c.Locals(scopeKey, auth.Admin)
			return c.Next()
		}
		got, ok := a.Tokens.Scope(tok)
		switch {
		case tok == "":
			return unauthorized("this request needs a bearer token: Authorization: Bearer TOKEN", false)
		case !ok:
			return unauthorized("the bearer token is not valid", true)
		case !got.Allows(need):
			return newProblem(http.StatusForbidden, "this request needs a "+need.String()+" token; this token is "+got.String()+" only").
				WithHeader(fiber.HeaderWWWAuthenticate, `Bearer realm="redline", error="insufficient_scope", scope="`+need.String()+`"`)
		}
		c.Locals(scopeKey, got)
		return c.Next()
	}
}

func unauthorized(detail string, invalid bool) *Problem {
	challenge := `Bearer realm="redline"`
	if invalid {
		challenge += `, error="invalid_token"`
	}
	return newProblem(http.StatusUnauthorized, detail).WithHeader(fiber.HeaderWWWAuthenticate, challenge)
}

// bearer returns the request's bearer token, or "".
func bearer(c *fiber.Ctx) string {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(c.Get(fiber.HeaderAuthorization)), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(tok)
}

// ClientIP returns the request's client address: the peer's, or, when the
// peer is a trusted proxy, the last address in X-Forwarded-For that is not
// itself a trusted proxy.
func ClientIP(c *fiber.Ctx, trusted []netip.Prefix) netip.Addr {
	peer, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	peer = peer.Unmap()
	if !isTrusted(peer, trusted) {
		return peer
	}
	hops := strings.Split(c.Get(fiber.HeaderXForwardedFor), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		ip, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if ip = ip.Unmap(); !isTrusted(ip, trusted) {
			return ip
		}
	}
	return peer
}

func isTrusted(ip netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}
