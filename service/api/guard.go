package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// MaxHeaderBytes bounds a request's head (request line and headers): 16 KiB
// of headers fit, with room for the request line. A larger head gets 431.
const MaxHeaderBytes = 18 << 10

// knownMethods are the methods some route may answer; any other gets a 405
// problem before routing.
var knownMethods = []string{
	http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete,
	http.MethodPatch, http.MethodOptions,
}

// guardServer replaces the replies fasthttp and Fiber write on their own,
// which are text/plain and quote the request (Authorization and Cookie
// values included), with problems that never echo it.
func guardServer(app *fiber.App, logger *slog.Logger) {
	srv := app.Server()
	next := srv.Handler
	srv.Handler = func(fctx *fasthttp.RequestCtx) {
		if m := string(fctx.Method()); !slices.Contains(knownMethods, m) {
			p := newProblem(http.StatusMethodNotAllowed, "the request method is not one this service knows; use "+strings.Join(knownMethods, ", "))
			writeRawProblem(fctx, p.WithHeader("Allow", strings.Join(knownMethods, ", ")))
			return
		}
		next(fctx)
	}
	srv.ErrorHandler = func(fctx *fasthttp.RequestCtx, err error) {
		p := malformedProblem(err)
		logger.Debug("malformed request refused", "status", p.Status, "remote", fctx.RemoteIP().String())
		// fasthttp closes the connection after this answer, while the
		// client may still be sending the request (a head over the
		// limit, a body over it): closing a socket with unread data
		// resets it, and the reset can destroy the answer before the
		// client reads it. The listener drains a bounded amount first.
		if lc, ok := fctx.Conn().(interface{ lingerOnClose() }); ok {
			lc.lingerOnClose()
		}
		writeRawProblem(fctx, p)
	}
}

// malformedProblem words an error fasthttp met while reading a request. The
// error's text holds the request's bytes, so it is never shown.
func malformedProblem(err error) *Problem {
	var small *fasthttp.ErrSmallBuffer
	var ne net.Error
	switch {
	case errors.As(err, &small):
		return problemOf(context.Background(), fiber.ErrRequestHeaderFieldsTooLarge)
	case errors.Is(err, fasthttp.ErrBodyTooLarge):
		return problemOf(context.Background(), fiber.ErrRequestEntityTooLarge)
	case errors.As(err, &ne) && ne.Timeout(), strings.Contains(err.Error(), "timeout"):
		return problemOf(context.Background(), fiber.ErrRequestTimeout)
	}
	return newProblem(http.StatusBadRequest, "the request is not well-formed HTTP/1.1")
}

// writeRawProblem writes p on a request Fiber never saw.
func writeRawProblem(fctx *fasthttp.RequestCtx, p *Problem) {
	raw, err := json.Marshal(p)
	if err != nil {
		raw = []byte(fmt.Sprintf(`{"status":%d}`, p.Status))
	}
	fctx.Response.Reset()
	fctx.SetStatusCode(p.Status)
	for k, vs := range p.headers {
		for _, v := range vs {
			fctx.Response.Header.Set(k, v)
		}
	}
	fctx.Response.Header.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	fctx.SetContentType(problemType)
	fctx.SetBody(raw)
}
