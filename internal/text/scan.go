package text

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// block holds the state of the sentence being built within one block of
// text, a stretch that no line break interrupts.
type block struct {
	src  string
	lang *language
	end  int
	out  []Sentence

	start int // where the current sentence begins
	cur   int // where the current token begins
	// prev is the token before the current one in the sentence, if any,
	// once prevKnown says it was read back: most tokens never need it.
	prev      string
	prevKnown bool
	quoteOpen bool   // a bare ' token opened a quotation
	item      marker // the last list item marker seen, if any
}

// appendBlock splits one block into sentences. Only tokens holding a byte
// that may matter (see notable) are looked at; what the rules need to know
// about earlier tokens is read back from the text when it is needed, which
// keeps ordinary words nearly free.
func (s *Segmenter) appendBlock(dst []Sentence, src string, p Span) []Sentence {
	for {
		cut := scriptStop(src, p.Start, p.End)
		if cut < 0 {
			return s.appendLatinBlock(dst, src, p)
		}
		dst = s.appendLatinBlock(dst, src, Span{p.Start, cut})
		p.Start = cut
	}
}

// scriptStops end a sentence wherever they stand, in scripts that write no
// space after them or that no abbreviation uses: the ideographic full stop
// and the full-width exclamation and question marks (Chinese, Japanese), the
// Arabic question mark and the Devanagari danda (Hindi).
const scriptStops = "。！？؟।"

// scriptStop returns the offset just past the first script stop in
// src[from:end] and the closing quotes or brackets after it, or -1. Only
// the lead bytes of those characters, which are not ASCII, are looked for,
// so ASCII text is passed over eight bytes at a time.
func scriptStop(src string, from, end int) int {
	for i := from; i < end; i++ {
		for i+8 <= end && isASCII8(src, i) {
			i += 8
		}
		if i == end {
			break
		}
		c := src[i]
		if c != 0xe3 && c != 0xef && c != 0xd8 && c != 0xe0 {
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:end])
		if !strings.ContainsRune(scriptStops, r) {
			continue
		}
		j := i + n
		for j < end {
			r, n := utf8.DecodeRuneInString(src[j:end])
			if !strings.ContainsRune("」』）”’\")", r) {
				break
			}
			j += n
		}
		if j < end {
			return j
		}
		return -1
	}
	return -1
}

// isASCII8 reports whether the eight bytes at src[i:] are all ASCII; the
// loads combine into one, so Latin text is skipped a word at a time.
func isASCII8(src string, i int) bool {
	return load8(src, i)&highBits == 0
}

// load8 returns the eight bytes at src[i:] as one little-endian word.
func load8(src string, i int) uint64 {
	s := src[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	lowBits  = 0x0101010101010101 // the lowest bit of each byte of a word
	highBits = 0x8080808080808080 // the highest bit of each byte of a word
)

// notable8 returns a word whose high bits mark the notable bytes among the
// eight at src[i:], exact up to the first of them, which is all a scan
// needs. For a byte below 0x80, adding 0x7f sets its high bit, without a
// carry, exactly when the byte is not zero, so the high bit of (w^c + 0x7f…)
// is clear where w holds c. A byte of 0x80 or more is notable itself, and
// the carry it may cause only reaches the bytes after it.
func notable8(src string, i int) uint64 {
	w := load8(src, i)
	const h = highBits - lowBits // 0x7f in each byte
	m := (w ^ '.'*lowBits + h) & (w ^ '!'*lowBits + h) & (w ^ '?'*lowBits + h) &
		(w ^ ')'*lowBits + h) & (w ^ '\''*lowBits + h)
	return (^m | w) & highBits
}

// appendLatinBlock splits a block without script stops into sentences.
func (s *Segmenter) appendLatinBlock(dst []Sentence, src string, p Span) []Sentence {
	b := block{src: src, lang: s.lang, end: p.End, out: dst, start: p.Start}
	for i := p.Start; i < p.End; {
		j := nextNotable(src, i, p.End)
		if j == p.End {
			break
		}
		if src[j] >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(src[j:p.End]); unicode.IsSpace(r) {
				i = j + n
				continue
			}
		}
		i = b.token(tokenStart(src, i, j), tokenEnd(src, j, p.End))
	}
	b.cut(p.End)
	return b.out
}

// notable marks the bytes that can make a token matter: stops, the closing
// parenthesis of list markers, quotes, and every byte of a multi-byte
// character (ellipsis, bullets, curly quotes, non-ASCII spaces).
var notable = func() (t [256]bool) {
	for _, c := range ".!?)'" {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// nextNotable returns the offset of the first notable byte in src[i:end], or
// end.
func nextNotable(src string, i, end int) int {
	for ; i+8 <= end; i += 8 {
		if hits := notable8(src, i); hits != 0 {
			return i + bits.TrailingZeros64(hits)/8
		}
	}
	for i < end && !notable[src[i]] {
		i++
	}
	return i
}

// tokenStart returns where the token holding offset j begins, not before lo,
// which is a token boundary.
func tokenStart(src string, lo, j int) int {
	for j > lo {
		if c := src[j-1]; c < utf8.RuneSelf {
			if isSpaceASCII(c) {
				break
			}
		} else if spaceBefore(src, lo, j) {
			break
		}
		j--
	}
	return j
}

// spaceBefore reports whether a white space character ends src[lo:j]. A
// byte inside a multi-byte character is never taken for one.
func spaceBefore(src string, lo, j int) bool {
	if c := src[j-1]; c < utf8.RuneSelf {
		return isSpaceASCII(c)
	}
	r, _ := utf8.DecodeLastRuneInString(src[lo:j])
	return unicode.IsSpace(r)
}

// cut ends the current sentence at end and starts the next one there.
func (b *block) cut(end int) {
	if p, ok := trim(b.src, Span{b.start, end}); ok {
		b.out = append(b.out, Sentence{p.Start, p.End, b.src[p.Start:p.End]})
	}
	b.start = end
}

// prevToken returns the token before ts within the current sentence, or ""
// when ts opens the sentence.
func (b *block) prevToken(ts int) string {
	e := ts
	for e > b.start {
		if c := b.src[e-1]; c < utf8.RuneSelf {
			if !isSpaceASCII(c) {
				break
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(b.src[b.start:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return b.src[tokenStart(b.src, b.start, e):e]
}

// tokensBefore counts the tokens of the current sentence before ts, stopping
// at limit.
func (b *block) tokensBefore(ts, limit int) int {
	n := 0
	for i := skipSpace(b.src, b.start, ts); i < ts && n < limit; i = skipSpace(b.src, i, ts) {
		i = tokenEnd(b.src, i, ts)
		n++
	}
	return n
}

// token handles the token [ts, te) and returns where scanning goes on, which
// is past te when the token's decision took following tokens along.
func (b *block) token(ts, te int) int {
	b.cur, b.prevKnown = ts, false
	if b.listItem(ts, te) {
		return te
	}
	if te-ts == 1 && b.src[ts] == '\'' && !b.possessive(te) {
		b.quoteOpen = !b.quoteOpen
	}
	if rest := b.splitInside(ts, te); rest != ts {
		ts, b.prev, b.prevKnown = rest, "", true
	}
	b.cur = ts
	next, end := b.decide(ts, te)
	if end {
		b.cut(b.absorbClosers(next))
	}
	return next
}

// previous returns the token before the current one in the sentence, or ""
// when the current token opens it.
func (b *block) previous() string {
	if !b.prevKnown {
		b.prev, b.prevKnown = b.prevToken(b.cur), true
	}
	return b.prev
}

// listItem starts a new sentence before a bullet or before a list marker
// that continues the list ("1. Eggs 2. Milk"), and reports whether the token
// is a marker, whose stop never ends a sentence.
func (b *block) listItem(ts, te int) bool {
	tok := b.src[ts:te]
	bullet := bulletLen(tok)
	m, isMarker := parseMarker(tok[bullet:])
	if bullet == 0 && !isMarker {
		return false
	}
	afterBullet := isBullet(b.previous())
	if b.prev != "" && (bullet > 0 || isMarker && !afterBullet && m.follows(b.item)) {
		b.cut(ts)
		b.prev = ""
	}
	if isMarker && (b.prev == "" || bullet > 0 || afterBullet) {
		b.item = m
		return true
	}
	return false
}

// possessive reports whether the bare ' ending at te marks a plural's
// possession ("harris ' death") rather than a quotation.
func (b *block) possessive(te int) bool {
	next := b.peek(te).class
	return strings.HasSuffix(b.previous(), "s") && (next == lowercase || next == capital)
}

// splitInside ends sentences inside a token where a stop is glued to the
// next sentence ("world.Today"), and returns where the rest of the token
// begins. URLs and e-mail addresses are left whole.
func (b *block) splitInside(ts, te int) int {
	tok := b.src[ts:te]
	rest := ts
	for i := 1; i+2 < len(tok); i++ {
		if !isStop(tok[i]) || !gluedStart(tok, i) || b.lang.isTitle(wordBefore(tok[:i])) {
			continue
		}
		if isAddress(tok) {
			return ts
		}
		rest = ts + i + 1
		b.cut(rest)
	}
	return rest
}

// isAddress reports whether tok is a URL or an e-mail address.
func isAddress(tok string) bool {
	return strings.IndexByte(tok, '@') >= 0 || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.")
}

// gluedStart reports whether the stop at tok[i] sits between a word or number
// (or its closing bracket or quote) and a capitalized word, with no space,
// as in "Tuesday.Mr" or "1,000.That".
func gluedStart(tok string, i int) bool {
	before := tok[i-1]
	return (isLowerASCII(before) || isDigit(before) || before == ')' || before == '"') && i >= 2 && !isStop(tok[i-2]) &&
		isUpperASCII(tok[i+1]) && isLowerASCII(tok[i+2])
}

// wordBefore returns the letters that end s.
func wordBefore(s string) string {
	i := len(s)
	for i > 0 && isLetterASCII(s[i-1]) {
		i--
	}
	return s[i:]
}

// absorbClosers extends a sentence ending at end over following tokens that
// only close a quotation or parenthesis, since tokenized text writes them
// apart from the stop they follow.
func (b *block) absorbClosers(end int) int {
	for {
		ts := skipSpace(b.src, end, b.end)
		te := tokenEnd(b.src, ts, b.end)
		tok := b.src[ts:te]
		switch {
		case tok == "'" && (b.quoteOpen || b.nextToken(te) == "'"):
			// Two bare quotes in a row close one quotation and open
			// the next, whatever the count says.
			b.quoteOpen = false
		case ts == te || !isClosingToken(tok):
			return end
		}
		end = te
	}
}

// nextToken returns the token after i.
func (b *block) nextToken(i int) string {
	ts := skipSpace(b.src, i, b.end)
	return b.src[ts:tokenEnd(b.src, ts, b.end)]
}

func isClosingToken(tok string) bool {
	switch tok {
	case "''", ")", "]", "’", "”", "»", "-rrb-":
		return true
	}
	return false
}
