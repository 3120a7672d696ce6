package diff

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// tokenKind tells words from punctuation and white space; the cleanup weighs
// them differently and only words count in the stats.
type tokenKind uint8

const (
	kindSpace tokenKind = iota
	kindPunct
	kindWord
)

// token is one token of a text, as a byte range into it.
type token struct {
	start, end int
	kind       tokenKind
}

// joiners keeps hyphenated compounds ("well-known", "1990-91") in one token:
// a reader sees "[-well-known-]{+well-liked+}" as one changed word. A colon
// keeps a time of day or a score ("6:34", "2:1") whole, so that "6:34" →
// "8:02" is not cut into "[-6-]{+8+}:[-34-]{+02+}", which reads "8:34";
// between letters UAX #29 joins it already ("EU:s").
var joiners = &words.Joiners[string]{Middle: []rune{'-', '\u2010', '\u2011', ':'}}

// joinedWords is an iterator over no text with the joiners set, which
// tokenize copies: setting the joiners on each new iterator allocates the
// split function anew each time.
var joinedWords = func() words.Iterator[string] {
	it := words.FromString("")
	it.Joiners(joiners)
	return *it
}()

// bytesPerToken is a little under the average token length of English news
// (words and the spaces between them), to size token slices once.
const bytesPerToken = 3

// tokenize splits s into Unicode word-boundary tokens (UAX #29), which keep
// apostrophes inside words, grapheme clusters such as emoji ZWJ sequences and
// flags whole, and every CJK ideograph as a word of its own.
func tokenize(s string, base int, out []token) []token {
	if cap(out)-len(out) < len(s)/bytesPerToken {
		out = append(make([]token, 0, len(out)+len(s)/bytesPerToken+16), out...)
	}
	it := joinedWords
	glue := false
	for p := 0; p < len(s); {
		e, k, endsInJoiner := tokenAt(s, p, &it)
		if glue {
			// A joiner binds what follows into the same grapheme
			// cluster even where UAX #29's tables lag behind emoji.
			out[len(out)-1].end = base + e
		} else {
			out = append(out, token{start: base + p, end: base + e, kind: k})
		}
		glue, p = endsInJoiner, e
	}
	return out
}

// tokenizeNonSpace returns the tokens of s that are not white space, as
// tokenize would give them (a token that a joiner glues to white space is
// white space too), without keeping the white space on the way: the word
// diff needs only the other tokens, about half of them.
func tokenizeNonSpace(s string, base int, out []token) []token {
	if cap(out)-len(out) < len(s)/(2*bytesPerToken) {
		out = append(make([]token, 0, len(out)+len(s)/(2*bytesPerToken)+16), out...)
	}
	it := joinedWords
	glue, dropped := false, false
	for p := 0; p < len(s); {
		e, k, endsInJoiner := tokenAt(s, p, &it)
		switch {
		case glue && !dropped:
			out[len(out)-1].end = base + e
		case glue: // joined to white space, it is dropped with it
		default:
			if dropped = k == kindSpace; !dropped {
				out = append(out, token{start: base + p, end: base + e, kind: k})
			}
		}
		glue, p = endsInJoiner, e
	}
	return out
}

// tokenAt returns the end and kind of the UAX #29 token that starts at
// s[p], and whether it ends in a zero-width joiner. The bytes of news text
// are nearly all ASCII, and where the bytes that decide a token are,
// asciiToken finds it without the segmenter's tables (an ASCII token ends
// in no joiner); it, an iterator with the joiners set, finds the others.
func tokenAt(s string, p int, it *words.Iterator[string]) (int, tokenKind, bool) {
	if e, k, ok := asciiToken(s, p); ok {
		return e, k, false
	}
	it.SetText(s[p:])
	it.Next()
	e := p + it.End()
	return e, classify(s[p:e]), strings.HasSuffix(s[p:e], zwj)
}

// asciiToken returns the end and kind of the token that starts at s[p], as
// tokenize's segmenter would, when it can tell them from ASCII bytes
// alone; ok is false otherwise. No rule of UAX #29 joins an ASCII byte
// other than a letter, digit or underscore to what follows, save a space
// to spaces (WB3d), a CR to an LF (WB3) and anything to a following
// extending mark (WB4), which is not ASCII; a run of letters and digits
// ends at the first other ASCII byte, unless it is an underscore (WB13a)
// or a middle letter or number (".", "'", ":", ",", ";", or the joiner
// "-") with a letter or digit after it (WB6, WB12); a line feed stands
// alone (WB3a).
func asciiToken(s string, p int) (end int, k tokenKind, ok bool) {
	switch tokenStart[s[p]] {
	case startAlnum:
		e := p + 1
		for e < len(s) && tokenStart[s[e]] == startAlnum {
			e++
		}
		if e == len(s) {
			return e, kindWord, true
		}
		switch d := s[e]; {
		case d >= utf8.RuneSelf || d == '_':
			return 0, 0, false
		case asciiMiddle[d] && e+1 < len(s) && (s[e+1] >= utf8.RuneSelf || tokenStart[s[e+1]] == startAlnum):
			return 0, 0, false
		}
		return e, kindWord, true
	case startSpace:
		e := p + 1
		for e < len(s) && s[e] == ' ' {
			e++
		}
		if e < len(s) && s[e] >= utf8.RuneSelf {
			return 0, 0, false
		}
		return e, kindSpace, true
	case startLF:
		return p + 1, kindSpace, true
	case startOther:
		if p+1 < len(s) && s[p+1] >= utf8.RuneSelf {
			return 0, 0, false
		}
		return p + 1, classify(s[p : p+1]), true
	}
	return 0, 0, false // not ASCII, an underscore or a CR
}

// The classes of tokenStart, which sorts the first byte of a token for
// asciiToken.
const (
	startSegmenter = iota // not ASCII, "_" or CR: the segmenter decides
	startAlnum
	startSpace
	startLF
	startOther
)

var tokenStart = func() (t [256]uint8) {
	for b := range utf8.RuneSelf {
		switch {
		case asciiWord[b] && b != '_':
			t[b] = startAlnum
		case b == ' ':
			t[b] = startSpace
		case b == '\n':
			t[b] = startLF
		case b != '_' && b != '\r':
			t[b] = startOther
		}
	}
	return t
}()

// asciiMiddle holds the ASCII bytes that join letters or digits on either
// side of them into one token: UAX #29's MidLetter, MidNum and MidNumLet,
// with the joiners.
var asciiMiddle = func() (middle [256]bool) {
	for _, b := range []byte(".':,;-") {
		middle[b] = true
	}
	return middle
}()

const zwj = "\u200d"

// extendsGrapheme reports whether the rune at s[i:] attaches to the one
// before it (a combining mark, joiner or variation selector), so that i is
// no place to cut.
func extendsGrapheme(s string, i int) bool {
	if i >= len(s) || s[i] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsMark(r) || r == '\u200d' || r == '\u200c' || unicode.Is(unicode.Variation_Selector, r) || (r >= 0x1F3FB && r <= 0x1F3FF)
}

// classify decides a token's kind from its first rune.
func classify(v string) tokenKind {
	b := v[0]
	if b < utf8.RuneSelf {
		switch {
		case asciiWord[b]:
			return kindWord
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v':
			return kindSpace
		}
		return kindPunct
	}
	r, _ := utf8.DecodeRuneInString(v)
	switch {
	case unicode.IsSpace(r):
		return kindSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.So, r):
		return kindWord
	}
	return kindPunct
}

// asciiWord holds the ASCII bytes that make up words.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for b := range utf8.RuneSelf {
		t[b] = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
	}
	return t
}()

// CountWords returns the number of words in s as the stats count them: runs
// of letters, digits and marks, with each ideograph, kana or Thai-script
// letter a word of its own, since those scripts do not put spaces between
// words. The count adds up over any split of s at token boundaries, so the
// words of the ops always sum to the words of the texts.
func CountWords(s string) int {
	n, in := 0, uint64(0)
	i := 0
	for {
		var k int
		k, in, i = countASCIIWords(s, i, in)
		if n += k; i >= len(s) {
			return n
		}
		// One byte, or one rune, at a time until the next 8 bytes of ASCII.
		stop := min(len(s), i+8)
		for i < stop {
			c := byteClass[s[i]]
			if c != classOther {
				n += int(uint64(c) &^ in)
				in = uint64(c)
				i++
				continue
			}
			if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x80 && s[i+2] < 0xC0 {
				// U+2000 to U+203F: the dashes, quote marks and spaces of
				// news text, which are no part of a word.
				in, i = 0, i+3
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			starts, inWord := runeWord(r, in == 1)
			n += starts
			in = uint64(inWord)
		}
	}
}

// countASCIIWords counts the words that start in the run of ASCII at
// s[i:], 16 then 8 bytes at a time, and returns their number, in (1 when
// the run ends inside a word) and where the run stops: at the first 8
// bytes that are not all ASCII, or in the last 7 bytes of s. A word
// starts at each word byte whose predecessor is none.
func countASCIIWords(s string, i int, in uint64) (n int, inWord uint64, stop int) {
	in <<= 7 // the top bit of the byte before
	t := s[i:]
	for len(t) >= 16 {
		x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		y := uint64(t[8]) | uint64(t[9])<<8 | uint64(t[10])<<16 | uint64(t[11])<<24 |
			uint64(t[12])<<32 | uint64(t[13])<<40 | uint64(t[14])<<48 | uint64(t[15])<<56
		if (x|y)&highBits != 0 {
			break
		}
		mx, my := wordBytes(x), wordBytes(y)
		// The starts are in the top bits of the bytes: those of y move
		// one bit down, so that one count takes both.
		n += bits.OnesCount64(mx&^(mx<<8|in) | (my&^(my<<8|mx>>56))>>1)
		in, t = my>>56, t[16:]
	}
	i = len(s) - len(t)
	// Fewer than 16 bytes are left, or the next 16 are not all ASCII: one
	// round of 8 at most, then the last bytes of s, read as the last 8
	// with those already counted shifted out.
	if len(s)-i >= 8 {
		if x := load64(s, i); x&highBits == 0 {
			m := wordBytes(x)
			n += bits.OnesCount64(m &^ (m<<8 | in))
			in, i = m>>56, i+8
		}
	}
	if left := len(s) - i; left > 0 && left < 8 && len(s) >= 8 {
		if x := load64(s, len(s)-8) >> (8 * (8 - left)); x&highBits == 0 {
			m := wordBytes(x)
			n += bits.OnesCount64(m &^ (m<<8 | in))
			in, i = m>>(8*left-8), len(s)
		}
	}
	return n, in >> 7, i
}

// runeWord classifies a non-ASCII rune for CountWords: whether it starts a
// word, and whether a word goes on after it.
func runeWord(r rune, in bool) (starts, inWord int) {
	switch {
	case isSingleRuneWord(r):
		return 1, 0
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		if in {
			return 0, 1
		}
		return 1, 1
	case in && unicode.IsMark(r):
		return 0, 1
	}
	return 0, 0
}

// highBits has the top bit of every byte of a word.
const highBits = 0x8080808080808080

// load64 reads 8 bytes of s from i, little-endian; the compiler turns it
// into one load.
func load64(s string, i int) uint64 {
	b := s[i : i+8] // one bounds check rather than eight
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordBytes takes 8 ASCII bytes and sets the top bit of each that is a
// letter, a digit or an underscore: CountWords' test, 8 bytes at a time.
// Adding 0x80-lo to a byte below 0x80 carries into its top bit exactly
// when it is at least lo, and adding 0x7f-hi when it is above hi; setting
// bit 5 lowercases letters and maps no other byte to one; a byte is an
// underscore when its XOR with one is zero, the one byte to which adding
// 0x7f does not carry into the top bit. The low bits are masked once, at
// the end. It is written out so that the compiler inlines it.
func wordBytes(x uint64) uint64 {
	const ones = 0x0101010101010101
	l := x | 0x2020202020202020
	letter := (l + ones*(0x80-'a')) &^ (l + ones*(0x7f-'z'))
	digit := (x + ones*(0x80-'0')) &^ (x + ones*(0x7f-'9'))
	under := ^(x ^ ones*'_' + ones*0x7f)
	return (letter | digit | under) & highBits
}

// byteClass sorts bytes for CountWords: 1 for ASCII word bytes, 0 for other
// ASCII, classOther for the bytes that start or continue a multi-byte rune.
var byteClass = func() (t [256]uint8) {
	for b := range 256 {
		switch {
		case b >= utf8.RuneSelf:
			t[b] = classOther
		case asciiWord[b]:
			t[b] = 1
		}
	}
	return t
}()

const classOther = 2

// singleRuneScripts are the scripts whose letters UAX #29 splits one by one.
// Their few letters that it joins with others (such as "々") still count
// one by one: a word of one letter ends where it starts, so its count adds
// up over any cut.
var singleRuneScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tai_Tham, unicode.Tai_Viet}

// isSingleRuneWord reports whether r is a word of its own: a letter or
// digit the tokenizer never joins with a Latin letter (splitLetters, made
// from the tokenizer itself, which covers the Tangut, Nüshu and Khitan
// ideographs as well as the scripts above), or one of singleRuneScripts.
//
//go:generate go run gen_singles.go
func isSingleRuneWord(r rune) bool {
	return r >= 0x0E00 && (unicode.Is(splitLetters, r) || unicode.IsOneOf(singleRuneScripts, r))
}
