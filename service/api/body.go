package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
)

const bodyBytesKey = "redline.bodyBytes"

// bodyReserve is the most bodyOf sets aside for a body before its bytes
// arrive.
const bodyReserve = 16 << 10

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
	buf := bodyBufs.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBody {
			buf.Reset()
			bodyBufs.Put(buf)
		}
	}()
	body, err := s.bodyOf(c, buf)
	if err != nil {
		return err
	}
	if err := checkUTF8(body); err != nil {
		return err
	}
	if err := checkNumbers(body); err != nil {
		return err
	}
	c.Locals(bodyBytesKey, len(body))
	// The handlers read the body through this reader and keep copies of
	// what they decode, never the bytes themselves; emptied once they
	// return, it lets nothing read the buffer after it is reused.
	r := bytes.NewReader(body)
	req.SetBodyStream(r, len(body))
	err = c.Next()
	r.Reset(nil)
	return err
}

// bodyBufs are the buffers request bodies are read into, one a request in
// flight: a PUT of an article reused its buffer instead of allocating one
// of the article's size.
var bodyBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBody bounds the buffers bodyBufs keeps: a body near the limit
// is rare enough to pay for its own.
const maxPooledBody = 256 << 10

// bodyOf reads the request's body into buf, unless fasthttp holds it whole.
func (s *Server) bodyOf(c *fiber.Ctx, buf *bytes.Buffer) ([]byte, error) {
	req := c.Request()
	if !req.IsBodyStream() {
		return req.Body(), nil
	}
	// A declared length within the limit sizes the buffer, up to
	// bodyReserve: a typical article is read without regrowing and copying
	// it, and a client that declares a large body and sends it slowly
	// holds no more than that until its bytes arrive.
	if n := req.Header.ContentLength(); n > 0 {
		buf.Grow(min(n, bodyReserve) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(req.BodyStream(), int64(s.cfg.MaxBody)+1))
	body := buf.Bytes()
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

// checkNumbers refuses numbers too large for any field, such as 1e400,
// naming the field: Go's decoder would report them without it, in its own
// terms. Malformed JSON is left for the decoder proper to report.
func checkNumbers(body []byte) error {
	if !mayOverflow(body) {
		return nil
	}
	return checkNumbersWalk(body)
}

// checkNumbersWalk is checkNumbers token by token.
func checkNumbersWalk(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var stack []jsonFrame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		top := len(stack) - 1
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				stack = append(stack, jsonFrame{object: v == '{', wantKey: v == '{'})
				continue
			}
			if stack = stack[:top]; top > 0 && stack[top-1].object {
				stack[top-1].wantKey = true
			}
			continue
		case string:
			if top >= 0 && stack[top].wantKey {
				stack[top].key, stack[top].wantKey = v, false
				continue
			}
		case json.Number:
			if _, err := strconv.ParseFloat(string(v), 64); err != nil {
				return newProblem(http.StatusBadRequest, fmt.Sprintf("%s: the number %.40s is out of range", jsonPath(stack), v))
			}
		}
		if top >= 0 && stack[top].object {
			stack[top].wantKey = true
		}
	}
}

// mayOverflow reports whether body holds, outside its strings, a number
// that could be out of range of a float64: one with an exponent, or with
// more digits than any finite float64 needs. It reads each byte outside
// strings once and searches through strings, so that a body of long
// strings and small numbers, a typical PUT, skips the token-by-token walk
// at little cost.
func mayOverflow(body []byte) bool {
	digits := 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '"':
			digits = 0
			i = stringEnd(body, i+1)
		case c >= '0' && c <= '9':
			if digits++; digits > 300 {
				return true
			}
		case (c == 'e' || c == 'E') && i > 0 && (body[i-1] >= '0' && body[i-1] <= '9' || body[i-1] == '.'):
			return true
		case c != '.':
			digits = 0
		}
	}
	return false
}

// stringEnd returns the index of the quote that ends the JSON string whose
// text starts at b[i], or len(b) when none does. It searches for quotes and
// backslashes rather than reading each byte, and finds each of them once.
func stringEnd(b []byte, i int) int {
	quote := -1 // the first quote at or after i, once searched for
	for i < len(b) {
		if quote < i {
			n := bytes.IndexByte(b[i:], '"')
			if n < 0 {
				return len(b)
			}
			quote = i + n
		}
		n := bytes.IndexByte(b[i:quote], '\\')
		if n < 0 {
			return quote
		}
		i += n + 2 // past the backslash and the character it escapes
	}
	return len(b)
}

// jsonFrame is an open object or array while checkNumbers walks a body.
type jsonFrame struct {
	object  bool
	wantKey bool
	key     string
}

func jsonPath(stack []jsonFrame) string {
	path := "body"
	for _, f := range stack {
		if f.object {
			path += "." + f.key
		} else {
			path += "[]"
		}
	}
	return path
}
