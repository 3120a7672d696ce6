package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/httpstatus"
)

// retryAfter is what a 503 asks clients to wait, in seconds: a busy or
// unreachable store usually recovers within a few seconds.
const retryAfter = "2"

// problemSlugs names the problem type of each status a client may see.
var problemSlugs = map[int]string{
	http.StatusBadRequest:                  "invalid",
	http.StatusUnauthorized:                "unauthorized",
	http.StatusForbidden:                   "forbidden",
	http.StatusNotFound:                    "not-found",
	http.StatusMethodNotAllowed:            "method-not-allowed",
	http.StatusNotAcceptable:               "not-acceptable",
	http.StatusRequestTimeout:              "timeout",
	http.StatusPreconditionFailed:          "precondition-failed",
	http.StatusRequestEntityTooLarge:       "too-large",
	http.StatusUnsupportedMediaType:        "unsupported-media-type",
	http.StatusTooManyRequests:             "too-many-requests",
	http.StatusRequestHeaderFieldsTooLarge: "header-too-large",
	http.StatusInternalServerError:         "internal",
	http.StatusNotImplemented:              "not-implemented",
	http.StatusServiceUnavailable:          "unavailable",
	http.StatusInsufficientStorage:         "out-of-space",
}

// Problem is an RFC 9457 problem detail, the body of every error response.
type Problem struct {
	Type   string `json:"type" doc:"A URI that names the kind of problem."`
	Title  string `json:"title" doc:"A short summary of the kind of problem."`
	Status int    `json:"status" doc:"The HTTP status code."`
	Detail string `json:"detail" doc:"What went wrong in this request, and what the limit or rule is."`
	// Errors lists the individual validation failures, when there are several.
	Errors []*huma.ErrorDetail `json:"errors,omitempty" doc:"The individual validation failures."`

	headers http.Header
}

// Error returns the problem's detail.
func (p *Problem) Error() string { return p.Detail }

// GetStatus returns the HTTP status of the problem.
func (p *Problem) GetStatus() int { return p.Status }

// GetHeaders returns the headers sent with the problem, such as
// WWW-Authenticate, Retry-After or the current ETag.
func (p *Problem) GetHeaders() http.Header {
	if p.headers == nil {
		p.headers = http.Header{}
	}
	return p.headers
}

// WithHeader adds a header to the response that carries the problem.
func (p *Problem) WithHeader(key, value string) *Problem {
	p.GetHeaders().Set(key, value)
	return p
}

// ContentType makes huma send problems as application/problem+json.
func (p *Problem) ContentType(string) string { return problemType }

const problemType = "application/problem+json"

// NewProblem builds a problem of the given status. Middleware outside this
// package (the editors' page, webhooks) uses it so that every error has one
// shape.
func NewProblem(status int, detail string) *Problem {
	slug, ok := problemSlugs[status]
	if !ok {
		slug = strings.ToLower(strings.ReplaceAll(http.StatusText(status), " ", "-"))
	}
	p := &Problem{Type: "urn:redline:problem:" + slug, Title: http.StatusText(status), Status: status, Detail: detail}
	if status == http.StatusServiceUnavailable {
		p.WithHeader("Retry-After", retryAfter)
	}
	return p
}

func newProblem(status int, detail string) *Problem { return NewProblem(status, detail) }

// problemOf is the one function that turns any error a handler, a
// middleware, huma or Fiber returns into the problem the client sees. It
// logs internal errors with the request id; their details never reach the
// client.
func problemOf(ctx context.Context, err error) *Problem {
	var p *Problem
	var se *service.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &p):
		return p
	case errors.As(err, &fe) && !errors.As(err, &se):
		return fiberProblem(ctx, fe)
	}
	// Domain codes and the libraries' sentinels map to statuses in one
	// place, which the editors' page shares.
	status, detail := httpstatus.Of(err)
	if status >= 500 {
		logFailure(ctx, err)
	}
	return newProblem(status, detail)
}

// fiberProblem words Fiber's own errors without its messages, which may
// quote the request.
func fiberProblem(ctx context.Context, fe *fiber.Error) *Problem {
	switch fe.Code {
	case http.StatusRequestEntityTooLarge:
		return newProblem(fe.Code, "the request body is larger than the limit")
	case http.StatusRequestHeaderFieldsTooLarge:
		return newProblem(fe.Code, fmt.Sprintf("the request head is larger than the limit of %d bytes", MaxHeaderBytes))
	case http.StatusRequestTimeout:
		return newProblem(fe.Code, "the request was not received in time")
	}
	if fe.Code >= 500 {
		logFailure(ctx, fe)
		return newProblem(http.StatusInternalServerError, "internal error")
	}
	return newProblem(fe.Code, http.StatusText(fe.Code))
}

func logFailure(ctx context.Context, err error) {
	loggerOf(ctx).ErrorContext(ctx, "request failed", "request_id", RequestID(ctx), "error", err)
}

// humaError replaces huma's error constructor so that its validation errors
// are 400s (not 422s) in our problem shape, without echoing the request
// body, and so that errors handlers return reach problemOf.
func humaError(hctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
	if status == http.StatusInternalServerError && len(errs) == 1 {
		ctx := context.Background()
		if hctx != nil {
			ctx = hctx.Context()
		}
		p := problemOf(ctx, errs[0])
		// huma sends the headers of a handler's error only when that error
		// carries them; a domain error gets them here, such as the
		// Retry-After of a 503.
		var carries huma.HeadersError
		if hctx != nil && !errors.As(errs[0], &carries) {
			for k, values := range p.GetHeaders() {
				for _, v := range values {
					hctx.AppendHeader(k, v)
				}
			}
		}
		return p
	}
	if status == http.StatusUnprocessableEntity {
		status = http.StatusBadRequest
	}
	p := newProblem(status, msg)
	for _, err := range errs {
		if err != nil {
			p.Errors = append(p.Errors, errorDetail(err))
		}
	}
	sortByPlace(p.Errors)
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

// sortByPlace orders problems as a request reads: the path, then the
// query, the headers and the body, each kept in the order found. huma finds
// the id's problem last (ArticleIDParam.Resolve runs after every parameter
// is parsed), and the detail line names the first problem.
func sortByPlace(details []*huma.ErrorDetail) {
	rank := func(d *huma.ErrorDetail) int {
		place, _, _ := strings.Cut(d.Location, ".")
		switch place {
		case "path":
			return 0
		case "query":
			return 1
		case "header":
			return 2
		case "cookie":
			return 3
		case "body":
			return 4
		}
		return 5
	}
	slices.SortStableFunc(details, func(a, b *huma.ErrorDetail) int { return rank(a) - rank(b) })
}

func errorDetail(err error) *huma.ErrorDetail {
	detail := &huma.ErrorDetail{Message: err.Error()}
	if d, ok := err.(huma.ErrorDetailer); ok {
		detail = d.ErrorDetail()
		detail.Value = nil
	}
	plainDetail(detail)
	return detail
}

// goUnmarshal matches encoding/json's wording for a value that JSON Schema
// accepted but Go could not hold, such as 1.0 for an integer field or 1e400
// for a float.
var goUnmarshal = regexp.MustCompile(`^json: cannot unmarshal (\w+) (\S+ )?into Go (?:struct field \S*?\.?(\w+) of type|value of type) (\S+)$`)

// goTypeWords says in JSON terms what each Go type a body may decode into
// holds.
var goTypeWords = map[string]string{"int": "a whole number", "float64": "a number", "string": "a string", "bool": "true or false"}

// plainDetail rewrites Go's decoding errors in the API's own terms, so that
// no Go type names reach clients.
func plainDetail(d *huma.ErrorDetail) {
	m := goUnmarshal.FindStringSubmatch(d.Message)
	if m == nil {
		if strings.Contains(d.Message, "Go ") || strings.Contains(d.Message, "json: ") {
			d.Message = "the value cannot be decoded"
		}
		return
	}
	want := goTypeWords[m[4]]
	if want == "" {
		want = "a value of another type"
	}
	if m[3] != "" {
		d.Location = "body." + m[3]
	}
	got := strings.TrimSpace(m[1] + " " + strings.TrimSpace(m[2]))
	if m[1] == "number" && (m[4] == "float64" || m[4] == "int") {
		want += " within range"
	}
	d.Message = fmt.Sprintf("expected %s, got %s", want, got)
}

func describe(d *huma.ErrorDetail) string {
	if d.Location == "" {
		return d.Message
	}
	return d.Location + ": " + d.Message
}

func init() {
	huma.NewErrorWithContext = humaError
	huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
		return humaError(nil, status, msg, errs...)
	}
}

// errorHandler is the app's error handler: fiberErrorHandler, but an
// unknown page a browser asks for goes to the pages' own handler when one
// is set (SetPageNotFound).
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	var fe *fiber.Error
	if h := s.pageNotFound.Load(); h != nil && errors.As(err, &fe) && fe.Code == http.StatusNotFound &&
		!isAPIPath(c.Path()) && strings.Contains(c.Get(fiber.HeaderAccept), "text/html") {
		return (*h)(c)
	}
	return fiberErrorHandler(c, err)
}

// fiberErrorHandler writes every error that reaches Fiber (unknown routes,
// wrong methods, bodies over the limit, errors from middleware, panics)
// through problemOf.
func fiberErrorHandler(c *fiber.Ctx, err error) error {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		switch fe.Code {
		case http.StatusNotFound:
			err = newProblem(fe.Code, fmt.Sprintf("no route for %s %s", c.Method(), c.Path()))
		case http.StatusMethodNotAllowed:
			err = newProblem(fe.Code, fmt.Sprintf("%s is not allowed on %s; allowed: %s", c.Method(), c.Path(), c.GetRespHeader(fiber.HeaderAllow)))
		}
	}
	return writeProblem(c, problemOf(c.UserContext(), err))
}

// writeProblem sends p as problem+json with its headers.
func writeProblem(c *fiber.Ctx, p *Problem) error {
	for k, vs := range p.headers {
		for _, v := range vs {
			c.Set(k, v)
		}
	}
	c.Set(fiber.HeaderContentType, problemType)
	return c.Status(p.Status).JSON(p, problemType)
}

// retryAfterSeconds formats a wait for Retry-After, at least one second.
func retryAfterSeconds(secs float64) string {
	return strconv.Itoa(max(1, int(secs+0.999)))
}

type loggerKey struct{}

// loggerOf returns the logger the request's server logs with.
func loggerOf(ctx context.Context) *slog.Logger {
	if ctx != nil {
		if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
			return l
		}
	}
	return slog.Default()
}
