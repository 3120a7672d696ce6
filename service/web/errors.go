package web

import (
	"bytes"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service"
)

// pageStatus maps a domain error code to the status of its error page. The
// API answers the same codes with the same statuses, as problem+json.
var pageStatus = map[string]int{
	service.EINVALID:     http.StatusBadRequest,
	service.ENOTFOUND:    http.StatusNotFound,
	service.ETOOLARGE:    http.StatusRequestEntityTooLarge,
	service.EUNAVAILABLE: http.StatusServiceUnavailable,
}

type errorView struct {
	Status  int
	Title   string
	Message string
}

// renderError answers with an HTML error page that says what was wrong;
// internal errors are logged and shown only as "internal error".
func (p *Pages) renderError(c *fiber.Ctx, err error) error {
	status, ok := pageStatus[service.ErrorCode(err)]
	if !ok {
		status = http.StatusInternalServerError
		p.logger.ErrorContext(c.UserContext(), "page failed", "path", c.Path(), "error", err)
	}
	v := errorView{Status: status, Title: http.StatusText(status), Message: service.ErrorMessage(err)}
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "error.html", v); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Type("html", "utf-8")
	return c.Status(status).Send(buf.Bytes())
}

// invalid is a shorthand for an EINVALID error about a page parameter.
func invalid(format string, args ...any) error {
	return service.Errorf(service.EINVALID, format, args...)
}

func notFound(format string, args ...any) error {
	return service.Errorf(service.ENOTFOUND, format, args...)
}
