package text

import "strings"

// block holds the state of the sentence being built within one block of
// text, a stretch that no line break interrupts.
type block struct {
	src  string
	lang *language
	end  int
	out  []Sentence

	start      int    // where the current sentence begins
	words      int    // tokens in the current sentence so far
	prevLower  bool   // the previous token began with a lowercase letter
	prevAbbrev bool   // the previous token was an abbreviation or an initial
	abbrev     bool   // the current token is an abbreviation or an initial
	bullet     bool   // the previous token was a bare bullet
	quoteOpen  bool   // a bare ' token opened a quotation
	item       marker // the last list item marker seen, if any
	prevTok    string // the previous token of the block
}

// appendBlock splits one block into sentences.
func (s *Segmenter) appendBlock(dst []Sentence, src string, p Span) []Sentence {
	b := block{src: src, lang: s.lang, end: p.End, out: dst, start: p.Start}
	for i := p.Start; ; {
		ts := skipSpace(src, i, p.End)
		if ts >= p.End {
			break
		}
		i = b.token(ts, tokenEnd(src, ts, p.End))
	}
	b.cut(p.End)
	return b.out
}

// possessive reports whether the bare ' ending at te marks a plural's
// possession ("harris ' death") rather than a quotation.
func (b *block) possessive(te int) bool {
	next := b.peek(te).class
	return strings.HasSuffix(b.prevTok, "s") && (next == lowercase || next == capital)
}

// cut ends the current sentence at end and starts the next one there.
func (b *block) cut(end int) {
	if p, ok := trim(b.src, Span{b.start, end}); ok {
		b.out = append(b.out, Sentence{p.Start, p.End, b.src[p.Start:p.End]})
	}
	b.start, b.words = end, 0
	b.prevLower, b.prevAbbrev, b.bullet = false, false, false
}

// token handles the token [ts, te) and returns where scanning goes on, which
// is past te when the token's decision took following tokens along.
func (b *block) token(ts, te int) int {
	tok := b.src[ts:te]
	bullet := bulletLen(tok)
	m, isMarker := parseMarker(tok[bullet:])
	if b.words > 0 && (bullet > 0 || isMarker && m.follows(b.item)) {
		b.cut(ts)
	}
	if isMarker && (b.words == 0 || b.bullet || bullet > 0) {
		b.item, b.bullet = m, false
		b.words++
		return te
	}
	if tok == "'" && !b.possessive(te) {
		b.quoteOpen = !b.quoteOpen
	}
	b.bullet = bullet == len(tok)
	if !b.bullet {
		b.words++
	}
	ts = b.splitInside(ts, te)
	next, end := b.decide(ts, te)
	b.prevLower, b.prevAbbrev, b.prevTok = startsLower(b.src[ts:te]), b.abbrev, b.src[ts:te]
	if end {
		b.cut(b.absorbClosers(next))
	}
	return next
}

// splitInside ends sentences inside a token where a stop is glued to the
// next sentence ("world.Today"), and returns where the rest of the token
// begins. URLs and e-mail addresses are left whole.
func (b *block) splitInside(ts, te int) int {
	tok := b.src[ts:te]
	if strings.IndexByte(tok, '@') >= 0 || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
		return ts
	}
	rest := ts
	for i := 1; i+2 < len(tok); i++ {
		if isStop(tok[i]) && gluedStart(tok, i) && !b.lang.isTitle(wordBefore(tok[:i])) {
			rest = ts + i + 1
			b.cut(rest)
			b.words = 1
		}
	}
	return rest
}

// gluedStart reports whether the stop at tok[i] sits between a word or number
// and a capitalized word, with no space, as in "Tuesday.Mr" or "1,000.That".
func gluedStart(tok string, i int) bool {
	before := tok[i-1]
	return (isLowerASCII(before) || isDigit(before)) && i >= 2 && !isStop(tok[i-2]) &&
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
// only close a quotation or parenthesis, as tokenized text writes them
// ("said . ” The").
func (b *block) absorbClosers(end int) int {
	for {
		ts := skipSpace(b.src, end, b.end)
		te := tokenEnd(b.src, ts, b.end)
		tok := b.src[ts:te]
		switch {
		case tok == "'" && b.quoteOpen:
			b.quoteOpen = false
		case ts == te || !isClosingToken(tok):
			return end
		}
		end = te
	}
}

func isClosingToken(tok string) bool {
	switch tok {
	case "''", ")", "]", "’", "”", "»", "-rrb-":
		return true
	}
	return false
}
