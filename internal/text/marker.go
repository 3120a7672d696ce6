package text

import (
	"strings"
	"unicode/utf8"
)

// marker is a list item marker such as "2.", "2)", "2.)" or "b.".
type marker struct {
	value  int // the number, or the letter's place in the alphabet
	alpha  bool
	suffix string
}

// follows reports whether m continues the list whose last marker was prev,
// which is what tells "item 2. The" apart from a number ending a sentence.
func (m marker) follows(prev marker) bool {
	return prev.value > 0 && m.alpha == prev.alpha && m.suffix == prev.suffix && m.value == prev.value+1
}

// parseMarker reads tok as a list item marker: one or two digits, or one
// lowercase letter, then ".", ")" or ".)".
func parseMarker(tok string) (marker, bool) {
	var m marker
	i := 0
	for i < len(tok) && i < 3 && isDigit(tok[i]) {
		m.value = m.value*10 + int(tok[i]-'0')
		i++
	}
	switch {
	case i == 0 && len(tok) > 0 && isLowerASCII(tok[0]):
		m.value, m.alpha, i = int(tok[0]-'a')+1, true, 1
	case i == 0 || i > 2:
		return marker{}, false
	}
	m.suffix = tok[i:]
	switch m.suffix {
	case ".", ")", ".)":
		return m, m.value > 0
	}
	return marker{}, false
}

// bullets are the characters that open an item of a bulleted list.
const bullets = "•⁃◦▪‣●■□➢"

// bulletLen returns the length of the bullet that begins tok, or 0.
func bulletLen(tok string) int {
	if tok == "" || tok[0] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(tok)
	if r >= utf8.RuneSelf && strings.ContainsRune(bullets, r) {
		return n
	}
	return 0
}

// isBullet reports whether tok is a bare bullet.
func isBullet(tok string) bool {
	return tok != "" && bulletLen(tok) == len(tok)
}
