package api

import (
	"bytes"
	"errors"
	"net/http"
	"unicode/utf8"
)

// errBadSurrogate is a \u escape for half of a UTF-16 surrogate pair.
var errBadSurrogate = errors.New(`a \u escape names half of a surrogate pair, which is not a character`)

// checkUTF8 rejects request bodies that are not valid UTF-8 or whose JSON
// escapes name no character. Go's JSON decoder would quietly turn both into
// U+FFFD, storing text the client never sent.
func checkUTF8(body []byte) error {
	if !utf8.Valid(body) {
		return newProblem(http.StatusBadRequest, errNotUTF8.Error())
	}
	if err := checkEscapes(body); err != nil {
		return newProblem(http.StatusBadRequest, "the request body holds text that is not valid UTF-8: "+err.Error())
	}
	return nil
}

// checkEscapes finds \u escapes of lone surrogates: a high surrogate must be
// followed at once by an escaped low one, and a low one must not stand alone.
// It jumps from one backslash to the next, so that a body of plain text
// costs a vectorized search.
func checkEscapes(b []byte) error {
	for i := 0; i < len(b); i++ {
		next := bytes.IndexByte(b[i:], '\\')
		if next < 0 {
			return nil
		}
		if i += next; i+1 >= len(b) {
			continue
		}
		i++ // the escaped character; a \\ is skipped whole
		if b[i] != 'u' {
			continue
		}
		r, ok := hex4(b, i+1)
		switch {
		case !ok || r < 0xD800 || r > 0xDFFF:
		case r >= 0xDC00:
			return errBadSurrogate
		default:
			low, ok := hex4(b, i+7)
			if !ok || i+6 >= len(b) || b[i+5] != '\\' || b[i+6] != 'u' || low < 0xDC00 || low > 0xDFFF {
				return errBadSurrogate
			}
			i += 10 // past the low surrogate's escape
		}
	}
	return nil
}

// hex4 reads four hex digits at b[i:], as a \u escape holds.
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
