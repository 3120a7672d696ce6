package api

import (
	"math/rand/v2"
	"testing"
)

// mayOverflowByteByByte is mayOverflow reading every byte of a string in
// turn, as it did before it searched for quotes and backslashes.
func mayOverflowByteByByte(body []byte) bool {
	digits := 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '"':
			digits = 0
			for i++; i < len(body) && body[i] != '"'; i++ {
				if body[i] == '\\' {
					i++
				}
			}
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

// checkEscapesByteByByte is checkEscapes reading every byte in turn.
func checkEscapesByteByByte(b []byte) error {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			continue
		}
		i++
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
			i += 10
		}
	}
	return nil
}

// TestScansMatchByteByByte checks that the searching scans decide as the
// byte-by-byte ones on random bodies made of the bytes they look for:
// quotes, backslashes, escapes of surrogates, digits and exponents.
func TestScansMatchByteByByte(t *testing.T) {
	pieces := []string{`"`, `\`, `\\`, `\"`, `\u`, `\ud83d`, `\ude00`, `\uDC00`, `\u00e9`, `d8`, `1`, `12`, `e`, `E`, `.`, ` `, `a`, `{"n":`, `1e400`}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 50000; n++ {
		var b []byte
		for k := rng.IntN(40); k >= 0; k-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		if got, want := mayOverflow(b), mayOverflowByteByByte(b); got != want {
			t.Fatalf("mayOverflow(%q): got %v, want %v", b, got, want)
		}
		if got, want := checkEscapes(b), checkEscapesByteByByte(b); got != want {
			t.Fatalf("checkEscapes(%q): got %v, want %v", b, got, want)
		}
	}
}
