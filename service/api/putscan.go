package api

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// scanPlainPutBody decodes the bodies clients send in one pass over their
// bytes: decodePlainPutBody reads each string twice, once to find its end
// and check it, once to unquote it, and a body of 5 KB is most of a PUT's
// decoding. It accepts only what decodePlainPutBody accepts, with the same
// values: an object of the schema's names, each at most once and spelled
// without escapes, separated by JSON's whitespace; title, body and url as
// strings, metadata as an object that go-json-experiment reads as valid,
// base_revision as a plain positive integer. It reports false, leaving b
// in any state, for anything else, which decodePlainPutBody then reads.
func scanPlainPutBody(data []byte, b *putArticleBody) bool {
	const (
		seenTitle = 1 << iota
		seenBody
		seenURL
		seenMetadata
		seenBase
	)
	var seen int
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	for i = skipSpace(data, i+1); ; {
		if i >= len(data) || data[i] != '"' {
			return false
		}
		end := bytes.IndexByte(data[i+1:], '"')
		if end < 0 {
			return false
		}
		name := data[i+1 : i+1+end]
		if i = skipSpace(data, i+end+2); i >= len(data) || data[i] != ':' {
			return false
		}
		i = skipSpace(data, i+1)
		var bit int
		var ok bool
		switch string(name) {
		case "title":
			bit = seenTitle
			b.Title, i, ok = scanString(data, i)
		case "body":
			bit = seenBody
			b.Body, i, ok = scanString(data, i)
		case "url":
			bit = seenURL
			b.URL, i, ok = scanString(data, i)
			ok = ok && utf8.RuneCountInString(b.URL) <= 2048
		case "metadata":
			bit = seenMetadata
			b.Metadata, i, ok = scanMetadata(data, i)
		case "base_revision":
			bit = seenBase
			b.BaseRevision, i, ok = scanBaseRevision(data, i)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
		if i = skipSpace(data, i); i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
			continue
		}
		if i >= len(data) || data[i] != '}' {
			return false
		}
		i++
		break
	}
	if skipSpace(data, i) != len(data) || seen&(seenTitle|seenBody) != seenTitle|seenBody {
		return false
	}
	n := utf8.RuneCountInString(b.Title)
	return n >= 1 && n <= 1000 && b.Body != ""
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON whitespace.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t') {
		i++
	}
	return i
}

// scanString unquotes the JSON string at data[i], through a pooled buffer,
// and returns it with the index past its closing quote.
func scanString(data []byte, i int) (string, int, bool) {
	if i >= len(data) || data[i] != '"' {
		return "", i, false
	}
	bp := unquoteBufs.Get().(*[]byte)
	text, end, ok := appendUnquoted((*bp)[:0], data, i+1)
	s := ""
	if ok {
		s = string(text)
	}
	if cap(text) <= maxPooledUnquote {
		*bp = text
		unquoteBufs.Put(bp)
	}
	return s, end, ok
}

// appendUnquoted appends the text of the JSON string whose first byte after
// the opening quote is data[i], and returns the index past its closing
// quote. It refuses what go-json-experiment refuses: control characters,
// invalid UTF-8, escapes JSON does not define, and \u escapes of a half of
// a surrogate pair. Runs of plain ASCII are checked eight bytes at a time
// (plainRun) and copied whole.
func appendUnquoted(dst, data []byte, i int) ([]byte, int, bool) {
	start := i
	for {
		i += plainRun(data[i:])
		if i >= len(data) {
			return dst, i, false
		}
		switch c := data[i]; {
		case c == '"':
			return append(dst, data[start:i]...), i + 1, true
		case c == '\\':
			dst = append(dst, data[start:i]...)
			var ok bool
			if dst, i, ok = appendEscape(dst, data, i); !ok {
				return dst, i, false
			}
			start = i
		case c < ' ':
			return dst, i, false
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				return dst, i, false
			}
			i += n
		}
	}
}

// appendEscape appends the character of the escape at data[i], a
// backslash, and returns the index past it.
func appendEscape(dst, data []byte, i int) ([]byte, int, bool) {
	if i+1 >= len(data) {
		return dst, i, false
	}
	switch c := data[i+1]; c {
	case '"', '\\', '/':
		return append(dst, c), i + 2, true
	case 'b':
		return append(dst, '\b'), i + 2, true
	case 'f':
		return append(dst, '\f'), i + 2, true
	case 'n':
		return append(dst, '\n'), i + 2, true
	case 'r':
		return append(dst, '\r'), i + 2, true
	case 't':
		return append(dst, '\t'), i + 2, true
	case 'u':
		r, ok := hex4(data, i+2)
		if !ok {
			return dst, i, false
		}
		i += 6
		if utf16.IsSurrogate(r) {
			if r >= 0xDC00 || i+1 >= len(data) || data[i] != '\\' || data[i+1] != 'u' {
				return dst, i, false
			}
			low, ok := hex4(data, i+2)
			if !ok || low < 0xDC00 || low > 0xDFFF {
				return dst, i, false
			}
			r = utf16.DecodeRune(r, low)
			i += 6
		}
		return utf8.AppendRune(dst, r), i, true
	}
	return dst, i, false
}

// plainRun returns the length of the run of plain bytes that b starts
// with, in whole words of eight: printable ASCII other than a quote or a
// backslash, the bytes a JSON string holds as they are. It reads sixteen
// bytes a step while they are plain. The decoder calls it on the body's
// bytes, the encoder on the strings it quotes.
func plainRun[T string | []byte](b T) int {
	i := 0
	for ; i+16 <= len(b); i += 16 {
		if (specialBytes(load8(b[i:i+8]))|specialBytes(load8(b[i+8:i+16])))&highBits != 0 {
			break
		}
	}
	for ; i+8 <= len(b) && specialBytes(load8(b[i:i+8]))&highBits == 0; i += 8 {
	}
	return i
}

// load8 reads the first eight bytes of b as a little-endian word.
func load8[T string | []byte](b T) uint64 {
	t := b[:8]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// highBits are the high bits of the eight bytes of a word.
const highBits = 0x8080808080808080

// specialBytes sets the high bit of a byte of w, or of one after it, for
// each byte of w that is not plain; its high bits are all clear exactly
// when the eight bytes are plain.
func specialBytes(w uint64) uint64 {
	const ones = 0x0101010101010101
	// With no high bit set, a byte is below ' ' exactly when subtracting
	// ' ' from it borrows, and is a quote or a backslash exactly when
	// xoring it with one gives a zero byte, which subtracting 1 borrows
	// from.
	quote, backslash := w^('"'*ones), w^('\\'*ones)
	return w | (w - ' '*ones) | (quote-ones)&^quote | (backslash-ones)&^backslash
}

// scanMetadata reads the JSON value at data[i] as go-json-experiment reads
// a jsontext.Value, and keeps a copy of it if it is an object with no
// number that may be out of range.
func scanMetadata(data []byte, i int) (RawObject, int, bool) {
	dec := jsontext.NewDecoder(bytes.NewReader(data[i:]))
	v, err := dec.ReadValue()
	if err != nil || v.Kind() != '{' || mayOverflow(v) {
		return nil, i, false
	}
	return append(RawObject(nil), v...), i + int(dec.InputOffset()), true
}

// scanBaseRevision reads the JSON number at data[i] if it is written as
// plainPositiveInt reads it, followed by what may end a number.
func scanBaseRevision(data []byte, i int) (int, int, bool) {
	end := i
	for end < len(data) && data[end] >= '0' && data[end] <= '9' {
		end++
	}
	if end < len(data) && data[end] != ',' && data[end] != '}' && skipSpace(data, end) == end {
		return 0, i, false
	}
	n, ok := plainPositiveInt(jsontext.Value(data[i:end]))
	return n, end, ok
}
