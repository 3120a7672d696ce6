package web

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/httpstatus"
)

type errorView struct {
	Status  int
	Title   string
	Message string
	Links   []pageLink // where to go instead, before the link to the list
}

// pageLink is a link an error page offers: the view the reader likely
// meant, or the article whose view was asked for.
type pageLink struct {
	Text, URL string
}

// linkedError is an error whose page offers links.
type linkedError struct {
	error
	links []pageLink
}

func (e *linkedError) Unwrap() error { return e.error }

// withLinks returns err with links added after those it already has.
func withLinks(err error, links ...pageLink) error {
	var le *linkedError
	if errors.As(err, &le) {
		return &linkedError{err, append(append([]pageLink(nil), le.links...), links...)}
	}
	return &linkedError{err, links}
}

// renderError answers with an HTML error page that says what was wrong;
// errors of 500 and over are logged, and internal ones shown only as
// "internal error".
func (p *Pages) renderError(c *fiber.Ctx, err error) error {
	// The API answers the same errors with the same statuses.
	status, message := httpstatus.Of(err)
	if status >= 500 {
		p.logger.ErrorContext(c.UserContext(), "page failed", "path", c.Path(), "error", err)
	}
	v := errorView{Status: status, Title: http.StatusText(status), Message: message}
	if le := (*linkedError)(nil); errors.As(err, &le) && status < 500 {
		v.Links = le.links
	}
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "error.html", v); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	if status == http.StatusServiceUnavailable {
		c.Set(fiber.HeaderRetryAfter, "2") // as the API asks: a busy store usually recovers within seconds
	}
	c.Type("html", "utf-8")
	return c.Status(status).Send(buf.Bytes())
}

// NotFound answers a browser's request for a path that is no page with
// the error page, as a missing article is answered: give it to the API
// server's SetPageNotFound.
func (p *Pages) NotFound(c *fiber.Ctx) error {
	setSecurityHeaders(c)
	return p.renderError(c, service.Errorf(service.ENOTFOUND, "there is no page at %s; the articles are listed at /", c.Path()))
}

// invalid is a shorthand for an EINVALID error about a page parameter.
func invalid(format string, args ...any) error {
	return service.Errorf(service.EINVALID, format, args...)
}

func notFound(format string, args ...any) error {
	return service.Errorf(service.ENOTFOUND, format, args...)
}
