package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
)

const bodyBytesKey = "redline.bodyBytes"

// readBody reads a request's body once its head has been checked: its media
// type must be JSON (415 otherwise) and its declared length within the
// limit (413 before a byte of it is read). A chunked body is read up to the
// limit and no further. Bodies must be valid UTF-8.
func (s *Server) readBody(c *fiber.Ctx) error {
	req := c.Request()
	declared := req.Header.ContentLength()
	if declared == 0 || declared == -2 { // no body
		return c.Next()
	}
	if err := checkMediaType(c); err != nil {
		return err
	}
	if declared > s.cfg.MaxBody {
		return s.tooLarge(c, fmt.Sprintf("the request body is %d bytes; the limit is %d bytes", declared, s.cfg.MaxBody))
	}
	body, err := s.bodyOf(c)
	if err != nil {
		return err
	}
	if err := checkUTF8(body); err != nil {
		return err
	}
	c.Locals(bodyBytesKey, len(body))
	req.SetBodyStream(bytes.NewReader(body), len(body))
	return c.Next()
}

func (s *Server) bodyOf(c *fiber.Ctx) ([]byte, error) {
	req := c.Request()
	if !req.IsBodyStream() {
		return req.Body(), nil
	}
	body, err := io.ReadAll(io.LimitReader(req.BodyStream(), int64(s.cfg.MaxBody)+1))
	switch {
	case err != nil:
		c.Response().SetConnectionClose()
		return nil, newProblem(http.StatusBadRequest, "the request body could not be read in full")
	case len(body) > s.cfg.MaxBody:
		return nil, s.tooLarge(c, fmt.Sprintf("the request body is over the limit of %d bytes", s.cfg.MaxBody))
	}
	return body, nil
}

// tooLarge answers 413 and closes the connection gracefully: the client may
// still be sending the body, and closing a socket with unread data resets
// it, losing the answer. The listener drains a bounded amount first.
func (s *Server) tooLarge(c *fiber.Ctx, detail string) error {
	c.Response().SetConnectionClose()
	if lc, ok := c.Context().Conn().(interface{ lingerOnClose() }); ok {
		lc.lingerOnClose()
	}
	return newProblem(http.StatusRequestEntityTooLarge, detail)
}

// mediaTypeProblem is the 415 for any body that is not JSON.
func mediaTypeProblem() *Problem {
	return newProblem(http.StatusUnsupportedMediaType,
		"the request body must be JSON, sent with Content-Type: application/json (charset=utf-8 may follow)")
}

// checkMediaType accepts application/json in any case, with at most a
// charset=utf-8 parameter, and rewrites it as huma expects it.
func checkMediaType(c *fiber.Ctx) error {
	media, params, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	if err != nil || media != fiber.MIMEApplicationJSON {
		return mediaTypeProblem()
	}
	for k, v := range params {
		if k != "charset" || !strings.EqualFold(v, "utf-8") {
			return mediaTypeProblem()
		}
	}
	c.Request().Header.SetContentType(fiber.MIMEApplicationJSON)
	return nil
}

// bodyBytesRead is the size of the body readBody read, for the access log.
func bodyBytesRead(c *fiber.Ctx) int {
	n, _ := c.Locals(bodyBytesKey).(int)
	return n
}

var errNotUTF8 = errors.New("the request body must be valid UTF-8")
