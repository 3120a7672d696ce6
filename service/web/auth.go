package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// TokenCookie holds the reader's token once the token form accepted it.
const TokenCookie = "redline_token"

// MaxTokenBytes bounds a token given in the form.
const MaxTokenBytes = 512

type tokenView struct {
	Next    string
	Message string
}

// requireToken lets a request through when no token is needed or its
// cookie holds an accepted token; otherwise it answers 401 with the form.
func (p *Pages) requireToken(c *fiber.Ctx) error {
	if p.authorize == nil {
		return c.Next()
	}
	if tok := c.Cookies(TokenCookie); tok != "" && len(tok) <= MaxTokenBytes && p.authorize(tok) {
		return c.Next()
	}
	return p.render(c, http.StatusUnauthorized, "token.html", tokenView{Next: string(c.Request().RequestURI())})
}

// startSession checks the token posted by the form and, when accepted,
// keeps it in a cookie scripts cannot read and other sites cannot send,
// then goes back to the page that asked for it.
func (p *Pages) startSession(c *fiber.Ctx) error {
	next := localPath(c.FormValue("next"))
	if p.authorize == nil {
		return c.Redirect(next, http.StatusSeeOther)
	}
	tok := c.FormValue("token")
	switch {
	case tok == "":
		return p.render(c, http.StatusUnauthorized, "token.html", tokenView{Next: next, Message: "Enter a token."})
	case len(tok) > MaxTokenBytes:
		return p.render(c, http.StatusBadRequest, "token.html", tokenView{Next: next, Message: "A token is at most 512 bytes."})
	case !p.authorize(tok):
		return p.render(c, http.StatusUnauthorized, "token.html", tokenView{Next: next, Message: "That token was not accepted."})
	}
	c.Cookie(&fiber.Cookie{Name: TokenCookie, Value: tok, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteStrictMode,
		Secure: c.Protocol() == "https", Expires: p.now().Add(30 * 24 * time.Hour)})
	return c.Redirect(next, http.StatusSeeOther)
}

// localPath keeps a redirect target on this site: a path that starts with
// one slash, or the list.
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") || len(next) > 4096 {
		return "/"
	}
	return next
}
