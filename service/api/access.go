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

// Keys under which the middleware leaves what it learned for later ones:
// the scope it granted, and what the request's token is worth.
const (
	scopeKey      = "redline.scope"
	tokenScopeKey = "redline.token-scope"
)

// tokenScope returns the scope of tok, looked up once a request: the rate
// limit and the token check both ask, and a lookup hashes the token and
// compares it with every configured one.
func tokenScope(c *fiber.Ctx, tokens TokenChecker, tok string) (auth.Scope, bool) {
	if got, ok := c.Locals(tokenScopeKey).(auth.Scope); ok {
		return got, got != auth.None
	}
	got, ok := tokens.Scope(tok)
	if !ok {
		got = auth.None
	}
	c.Locals(tokenScopeKey, got)
	return got, ok
}

// openPaths need no token: probes must work without secrets.
var openPaths = map[string]bool{"/livez": true, "/readyz": true}

// authorize checks the bearer token of API requests (under /v1) against
// what they need: GET and HEAD need read, anything else write. /metrics
// takes the metrics token when one is set, else a read token. Other paths
// (/livez, /readyz, /openapi.json, the editors' page, which has sessions of
// its own) are not the API's to guard.
func (s *Server) authorize(c *fiber.Ctx) error {
	a := s.cfg.Access
	path := c.Path()
	switch {
	case path == "/metrics" && a.MetricsToken != "":
		if !auth.Equal(bearer(c), a.MetricsToken) {
			return unauthorized("/metrics needs the metrics token: Authorization: Bearer TOKEN", bearer(c) != "")
		}
		return c.Next()
	case path != "/metrics" && path != "/v1" && !strings.HasPrefix(path, "/v1/"):
		return c.Next()
	}
	return s.Require(NeededScope(c.Method()))(c)
}

// rateClient names the client whose bucket a request's rate limit draws
// on: its token when the token is one of ours, else its address. The rate
// limit runs before the token check, so it checks the token itself; an
// unknown token counts against the address, so that inventing tokens buys
// no fresh bucket.
func (a Access) rateClient(c *fiber.Ctx) string {
	if tok := bearer(c); tok != "" && a.Tokens != nil {
		if _, ok := tokenScope(c, a.Tokens, tok); ok {
			return "token:" + auth.ID(tok)
		}
	}
	return "ip:" + ClientIP(c, a.TrustedProxies).String()
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
		if a.Tokens == nil || (need == auth.Read && a.PublicRead) {
			c.Locals(scopeKey, auth.Admin)
			return c.Next()
		}
		got, ok := tokenScope(c, a.Tokens, tok)
		switch {
		case tok == "":
			return unauthorized("this request needs a bearer token: Authorization: Bearer TOKEN", false)
		case !ok:
			return unauthorized("the bearer token is not valid", true)
		case !got.Allows(need):
			return newProblem(http.StatusForbidden, "this request needs "+scopeWithArticle(need)+" token; this token has the "+got.String()+" scope").
				WithHeader(fiber.HeaderWWWAuthenticate, `Bearer realm="redline", error="insufficient_scope", scope="`+need.String()+`"`)
		}
		c.Locals(scopeKey, got)
		return c.Next()
	}
}

// scopeWithArticle is the scope's name after "a" or "an", as a sentence
// reads it: "a write token", "an admin token".
func scopeWithArticle(s auth.Scope) string {
	name := s.String()
	if strings.ContainsRune("aeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
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
