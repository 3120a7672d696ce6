package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// class sorts the first character of the word after a stop.
type class uint8

const (
	nothing   class = iota // no word follows in the block
	lowercase              // a lowercase letter
	capital                // a capital, or a letter of a script without case
	number
	symbol // punctuation, symbols, bullets
)

// lookahead describes the word after a stop.
type lookahead struct {
	class   class
	starter bool // a capitalized word that often opens a sentence ("The", "How")
	initial bool // a single letter and a stop ("J.")
	// ordinalNoun is a German noun that usually follows an ordinal
	// ("3. Oktober", "19. Jahrhundert").
	ordinalNoun bool
	// dateWord is a weekday or a month, which a time of day runs on into
	// ("at 3 p.m. Friday").
	dateWord bool
}

func (l lookahead) lower() bool { return l.class == lowercase }

// peek describes the word after i, looking past white space and opening
// quotes and brackets, over at most a few tokens so that a long run of
// quotes cannot make the scan quadratic.
func (b *block) peek(i int) lookahead {
	for range maxPeekTokens {
		i = skipOpeners(b.src, skipSpace(b.src, i, b.end), b.end)
		if i == b.end {
			return lookahead{class: nothing}
		}
		if c := b.src[i]; c < utf8.RuneSelf {
			switch {
			case isSpaceASCII(c):
				i++
				continue
			case isLowerASCII(c):
				return lookahead{class: lowercase}
			case isDigit(c):
				return lookahead{class: number}
			case isUpperASCII(c):
				return b.capitalAt(i, 1)
			}
			return lookahead{class: symbol}
		}
		r, n := utf8.DecodeRuneInString(b.src[i:b.end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLower(r):
			return lookahead{class: lowercase}
		case unicode.IsDigit(r):
			return lookahead{class: number}
		case unicode.IsLetter(r):
			return b.capitalAt(i, n)
		default:
			return lookahead{class: symbol}
		}
	}
	return lookahead{class: symbol}
}

// capitalAt describes the capitalized word at i, whose first letter takes n
// bytes.
func (b *block) capitalAt(i, n int) lookahead {
	word := leadingWord(b.src[i:b.end])
	initial := len(word) == n && i+n < b.end && b.src[i+n] == '.'
	w := b.lang.capitals[word]
	return lookahead{class: capital, starter: w&starterWord != 0, initial: initial, ordinalNoun: w&ordinalNoun != 0, dateWord: w&dateWord != 0}
}

// maxPeekTokens bounds the tokens of bare quotes and brackets that peek
// looks past, such as a bare opening quote followed by a bare bracket.
const maxPeekTokens = 3

// leadingWord returns the letters at the start of s.
func leadingWord(s string) string {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !isLetterASCII(c) {
				return s[:i]
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return s[:i]
		}
		i += n
	}
	return s
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '¿', '¡', '`', '„', '‚':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›':
		return true
	}
	return false
}

// skipSpace returns the first offset at or after i, before end, that does
// not hold white space.
func skipSpace(src string, i, end int) int {
	for i < end {
		if c := src[i]; c < utf8.RuneSelf {
			if !isSpaceASCII(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:end])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return end
}

// tokenEnd returns the end of the token starting at i.
func tokenEnd(src string, i, end int) int {
	for i < end {
		if c := src[i]; c < utf8.RuneSelf {
			if isSpaceASCII(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:end])
		if unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return end
}

// isSpaceASCII reports whether c is one of ' ', '\t', '\n', '\v', '\f' and
// '\r', which are consecutive but for the space.
func isSpaceASCII(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t'
}

// trimClosers returns the end of the token [ts, te) without its closing
// quotes and brackets.
func trimClosers(src string, ts, te int) int {
	for te > ts {
		if c := src[te-1]; c < utf8.RuneSelf {
			if !isCloser(rune(c)) {
				break
			}
			te--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(src[ts:te])
		if !isCloser(r) {
			break
		}
		te -= n
	}
	return te
}

// skipOpeners returns the offset after the opening quotes and brackets that
// begin [ts, te).
func skipOpeners(src string, ts, te int) int {
	for ts < te {
		if c := src[ts]; c < utf8.RuneSelf {
			if !isOpener(rune(c)) {
				break
			}
			ts++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[ts:te])
		if !isOpener(r) {
			break
		}
		ts += n
	}
	return ts
}

// stopRunStart returns where the run of stops (. ! ? …) that ends [ts, te)
// begins; te when there is none.
func stopRunStart(src string, ts, te int) int {
	for te > ts {
		switch {
		case isStop(src[te-1]):
			te--
		case strings.HasSuffix(src[ts:te], "…"):
			te -= len("…")
		default:
			return te
		}
	}
	return te
}

func isStop(c byte) bool { return c == '.' || c == '!' || c == '?' }

func isLowerASCII(c byte) bool  { return 'a' <= c && c <= 'z' }
func isUpperASCII(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isLetterASCII(c byte) bool { return isLowerASCII(c) || isUpperASCII(c) }

// startsLower reports whether tok, after its opening quotes, begins with a
// lowercase letter.
func startsLower(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok[skipOpeners(tok, 0, len(tok)):])
	return unicode.IsLower(r)
}

// isUpperWord reports whether word has two letters or more, all capitals.
func isUpperWord(word string) bool {
	for i := range len(word) {
		if !isUpperASCII(word[i]) {
			return false
		}
	}
	return len(word) >= 2
}

// isInitial reports whether word is a single capital letter.
func isInitial(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && unicode.IsUpper(r)
}

// isDottedAbbrev reports whether word is made of short letter groups joined
// by stops, as in "U.S", "e.g" or "Ph.D".
func isDottedAbbrev(word string) bool {
	if strings.IndexByte(word, '.') < 0 {
		return false
	}
	for part := range strings.SplitSeq(word, ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 2 || leadingWord(part) != part {
			return false
		}
	}
	return true
}

// isOrdinal reports whether word is a number short enough to be an ordinal,
// which German writes with a stop ("am 3. Oktober").
func isOrdinal(word string) bool {
	if len(word) == 0 || len(word) > 3 {
		return false
	}
	for i := range len(word) {
		if !isDigit(word[i]) {
			return false
		}
	}
	return true
}
