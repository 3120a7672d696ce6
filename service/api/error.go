package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service"
)

// codeStatus is the one map from domain error codes to HTTP statuses.
var codeStatus = map[string]int{
	service.EINVALID:      http.StatusBadRequest,
	service.ENOTFOUND:     http.StatusNotFound,
	service.ECONFLICT:     http.StatusConflict,
	service.EPRECONDITION: http.StatusPreconditionFailed,
	service.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	service.EUNAVAILABLE:  http.StatusServiceUnavailable,
	service.EINTERNAL:     http.StatusInternalServerError,
}

// problemSlugs names the problem type of each status a client may see.
var problemSlugs = map[int]string{
	http.StatusBadRequest:            "invalid",
	http.StatusNotFound:              "not-found",
	http.StatusMethodNotAllowed:      "method-not-allowed",
	http.StatusNotAcceptable:         "not-acceptable",
	http.StatusRequestTimeout:        "timeout",
	http.StatusConflict:              "conflict",
	http.StatusPreconditionFailed:    "precondition-failed",
	http.StatusRequestEntityTooLarge: "too-large",
	http.StatusUnsupportedMediaType:  "unsupported-media-type",
	http.StatusTooManyRequests:       "too-many-requests",
	http.StatusInternalServerError:   "internal",
	http.StatusServiceUnavailable:    "unavailable",
}

// Problem is an RFC 9457 problem detail, the body of every error response.
type Problem struct {
	Type   string `json:"type" doc:"A URI that names the kind of problem."`
	Title  string `json:"title" doc:"A short summary of the kind of problem."`
	Status int    `json:"status" doc:"The HTTP status code."`
	Detail string `json:"detail" doc:"What went wrong in this request, and what the limit or rule is."`
	// Errors lists the individual validation failures, when there are several.
	Errors []*huma.ErrorDetail `json:"errors,omitempty" doc:"The individual validation failures."`
}

// Error returns the problem's detail.
func (p *Problem) Error() string { return p.Detail }

// GetStatus returns the HTTP status of the problem.
func (p *Problem) GetStatus() int { return p.Status }

// ContentType makes huma send problems as application/problem+json.
func (p *Problem) ContentType(ct string) string {
	if ct == "application/json" || ct == "" {
		return "application/problem+json"
	}
	return ct
}

// newProblem builds a problem of the given status.
func newProblem(status int, detail string) *Problem {
	slug, ok := problemSlugs[status]
	if !ok {
		slug = strings.ToLower(strings.ReplaceAll(http.StatusText(status), " ", "-"))
	}
	return &Problem{Type: "urn:redline:problem:" + slug, Title: http.StatusText(status), Status: status, Detail: detail}
}

// humaError replaces huma's error constructor so that its validation errors
// are 400s (not 422s) in our problem shape, without echoing the request body.
func humaError(status int, msg string, errs ...error) huma.StatusError {
	if status == http.StatusUnprocessableEntity {
		status = http.StatusBadRequest
	}
	p := newProblem(status, msg)
	for _, err := range errs {
		if err == nil {
			continue
		}
		detail := &huma.ErrorDetail{Message: err.Error()}
		if d, ok := err.(huma.ErrorDetailer); ok {
			detail = d.ErrorDetail()
			detail.Value = nil
		}
		plainDetail(detail)
		p.Errors = append(p.Errors, detail)
	}
	switch {
	case status == http.StatusUnsupportedMediaType:
		p.Detail = "the request body must be JSON, sent with Content-Type: application/json"
	case status == http.StatusRequestEntityTooLarge:
		p.Detail = "the request body is larger than the limit: " + strings.TrimPrefix(msg, "request body is too large ")
	case len(p.Errors) > 0:
		p.Detail = fmt.Sprintf("%s: %s", msg, describe(p.Errors[0]))
	}
	return p
}

// goUnmarshal matches encoding/json's wording for a value that JSON Schema
// accepted but Go could not hold, such as 1.0 for an integer field.
var goUnmarshal = regexp.MustCompile(`^json: cannot unmarshal (\w+) (\S+ )?into Go struct field \S*?\.?(\w+) of type (\S+)$`)

// plainDetail rewrites Go's decoding errors in the API's own terms, so that
// no Go type names reach clients.
func plainDetail(d *huma.ErrorDetail) {
	m := goUnmarshal.FindStringSubmatch(d.Message)
	if m == nil {
		return
	}
	want := map[string]string{"int": "a whole number", "float64": "a number", "string": "a string", "bool": "true or false"}[m[4]]
	if want == "" {
		want = "a value of another type"
	}
	d.Location = "body." + m[3]
	d.Message = fmt.Sprintf("expected %s, got %s %s", want, m[1], strings.TrimSpace(m[2]))
	d.Message = strings.TrimSpace(d.Message)
}

func describe(d *huma.ErrorDetail) string {
	if d.Location == "" {
		return d.Message
	}
	return d.Location + ": " + d.Message
}

func init() {
	huma.NewError = humaError
}

// problemFor turns a domain error into a problem, logging internal errors
// with the request id; their details never reach the client.
func problemFor(ctx context.Context, logger *slog.Logger, err error) *Problem {
	code := service.ErrorCode(err)
	status, ok := codeStatus[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status >= 500 {
		logger.ErrorContext(ctx, "request failed", "request_id", RequestID(ctx), "error", err)
	}
	return newProblem(status, service.ErrorMessage(err))
}

// fiberErrorHandler writes every error that reaches Fiber (unknown routes,
// wrong methods, bodies over the limit, panics) as problem+json.
func fiberErrorHandler(logger *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		p := newProblem(http.StatusInternalServerError, "internal error")
		var fe *fiber.Error
		switch {
		case errors.As(err, &fe) && fe.Code == http.StatusNotFound:
			p = newProblem(fe.Code, fmt.Sprintf("no route for %s %s", c.Method(), c.Path()))
		case errors.As(err, &fe) && fe.Code == http.StatusMethodNotAllowed:
			p = newProblem(fe.Code, fmt.Sprintf("%s is not allowed on %s; allowed: %s", c.Method(), c.Path(), c.GetRespHeader(fiber.HeaderAllow)))
		case errors.As(err, &fe) && fe.Code == http.StatusRequestEntityTooLarge:
			p = newProblem(fe.Code, fmt.Sprintf("request body is larger than the limit of %d bytes", c.App().Config().BodyLimit))
		case errors.As(err, &fe) && fe.Code < 500:
			p = newProblem(fe.Code, fe.Message)
		default:
			logger.Error("request failed", "request_id", requestIDOf(c), "method", c.Method(), "path", c.Path(), "error", err)
		}
		return writeProblem(c, p)
	}
}

func writeProblem(c *fiber.Ctx, p *Problem) error {
	c.Set(fiber.HeaderContentType, "application/problem+json")
	return c.Status(p.Status).JSON(p, "application/problem+json")
}
