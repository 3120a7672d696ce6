package api

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// htmlPolicy is the Content-Security-Policy of HTML responses that set none
// of their own: scripts, styles and images only from this origin, nothing
// inline, no plugins, no framing.
const htmlPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders runs first and finishes last: it sees the final response
// and adds the headers every response carries. A 304 loses its body and
// content type but keeps its ETag.
func securityHeaders(c *fiber.Ctx) error {
	err := c.Next()
	if err != nil {
		if herr := c.App().ErrorHandler(c, err); herr != nil {
			return herr
		}
	}
	h := &c.Response().Header
	h.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	if strings.HasPrefix(string(h.ContentType()), "text/html") && len(h.Peek(fiber.HeaderContentSecurityPolicy)) == 0 {
		h.Set(fiber.HeaderContentSecurityPolicy, htmlPolicy)
		h.Set(fiber.HeaderXFrameOptions, "DENY")
	}
	if c.Response().StatusCode() == http.StatusNotModified {
		c.Response().ResetBody()
		h.Del(fiber.HeaderContentType)
		h.Del(fiber.HeaderContentLength)
		h.Del(fiber.HeaderLocation)
	}
	return nil
}

// corsMethods and corsHeaders are what cross-origin callers may use: every
// method a route answers (PATCH edits a webhook) and every request header
// the API reads (Last-Event-ID resumes a change stream read with fetch).
const (
	corsMethods = "GET, HEAD, PUT, POST, PATCH, DELETE"
	corsHeaders = "Authorization, Content-Type, If-Match, If-None-Match, Last-Event-ID, X-Request-ID"
	corsExpose  = "ETag, Location, Retry-After, RateLimit, RateLimit-Policy, X-Request-ID"
)

// corsMiddleware lets browsers on the listed origins call the API, and no
// others: a request from another origin gets no CORS headers, so the browser
// withholds the answer. Preflights from listed origins get 204.
func corsMiddleware(origins []string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		origin := c.Get(fiber.HeaderOrigin)
		c.Vary(fiber.HeaderOrigin)
		if origin == "" || !slices.Contains(origins, origin) {
			return c.Next()
		}
		c.Set(fiber.HeaderAccessControlAllowOrigin, origin)
		if c.Method() != fiber.MethodOptions || c.Get(fiber.HeaderAccessControlRequestMethod) == "" {
			c.Set(fiber.HeaderAccessControlExposeHeaders, corsExpose)
			return c.Next()
		}
		c.Set(fiber.HeaderAccessControlAllowMethods, corsMethods)
		c.Set(fiber.HeaderAccessControlAllowHeaders, corsHeaders)
		c.Set(fiber.HeaderAccessControlMaxAge, "600")
		return c.SendStatus(http.StatusNoContent)
	}
}
