package api

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"
)

// marshalJSON is the encoder of huma's JSON format: huma's own, but for a
// RevisionBody, the answer to a PUT, which appendRevisionJSON writes with
// the same bytes without reflection.
func marshalJSON(w io.Writer, v any) error {
	r, ok := v.(RevisionBody)
	if !ok {
		return huma.DefaultJSONFormat.Marshal(w, v)
	}
	bp := encodeBufs.Get().(*[]byte)
	b, ok := appendRevisionJSON((*bp)[:0], &r)
	var err error
	if ok {
		_, err = w.Write(append(b, '\n'))
	} else {
		err = huma.DefaultJSONFormat.Marshal(w, v)
	}
	if cap(b) <= maxPooledEncode {
		*bp = b[:0]
		encodeBufs.Put(bp)
	}
	return err
}

var encodeBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledEncode bounds the buffers marshalJSON keeps, as maxPooledUnquote
// bounds the decoder's.
const maxPooledEncode = 256 << 10

// appendRevisionJSON appends r as encoding/json encodes it with HTML
// escapes off, without the final newline of an Encoder. It reports false,
// having appended any part of it, where encoding/json would fail: metadata
// that is not valid JSON, or a time that RFC 3339 cannot write.
func appendRevisionJSON(dst []byte, r *RevisionBody) ([]byte, bool) {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, r.ID)
	dst = append(dst, `,"revision":`...)
	dst = strconv.AppendInt(dst, int64(r.Revision), 10)
	dst = append(dst, `,"title":`...)
	dst = appendJSONString(dst, r.Title)
	if r.Body != "" {
		dst = append(dst, `,"body":`...)
		dst = appendJSONString(dst, r.Body)
	}
	if r.URL != "" {
		dst = append(dst, `,"url":`...)
		dst = appendJSONString(dst, r.URL)
	}
	if len(r.Metadata) > 0 {
		dst = append(dst, `,"metadata":`...)
		// encoding/json compacts what a Marshaler returns, as Compact
		// does when it escapes no HTML.
		buf := bytes.NewBuffer(dst)
		if json.Compact(buf, r.Metadata) != nil {
			return dst, false
		}
		dst = buf.Bytes()
	}
	dst = append(dst, `,"content_hash":`...)
	dst = appendJSONString(dst, r.ContentHash)
	dst = append(dst, `,"words":`...)
	dst = strconv.AppendInt(dst, int64(r.Words), 10)
	dst = append(dst, `,"created_at":"`...)
	// What Time.MarshalJSON writes, between quotes.
	at, err := r.CreatedAt.AppendText(dst)
	if err != nil {
		return dst, false
	}
	dst = append(at, '"')
	dst = appendOptionalInt(dst, `,"words_added":`, r.WordsAdded)
	dst = appendOptionalInt(dst, `,"words_removed":`, r.WordsRemoved)
	dst = appendOptionalInt(dst, `,"facts_changed":`, r.FactsChanged)
	return append(dst, '}'), true
}

// appendOptionalInt appends the member name and *n unless n is nil, as
// omitempty leaves out a nil pointer.
func appendOptionalInt(dst []byte, name string, n *int) []byte {
	if n == nil {
		return dst
	}
	return strconv.AppendInt(append(dst, name...), int64(*n), 10)
}

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escapes off: a quote, a backslash and control characters escaped
// (\b \f \n \r \t by name, the others as \u00XX), invalid UTF-8 as \ufffd,
// U+2028 and U+2029 as \u2028 and \u2029, and everything else as it is.
// Runs of plain ASCII are checked eight bytes at a time.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		i += plainRun(s[i:])
		if i >= len(s) {
			break
		}
		c := s[i]
		if c >= ' ' && c < utf8.RuneSelf && c != '"' && c != '\\' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
