package diff

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/redline-news/redline/internal/text"
)

// paragraph is what one paragraph yields: its byte range, its sentences
// with offsets relative to its start, and its number of words.
type paragraph struct {
	start, end int
	sents      []text.Sentence
	words      int
	// one holds the sentence of a paragraph kept whole, so that the many
	// unchanged paragraphs of a long text cost no allocation each.
	one [1]text.Sentence
}

// splitOld splits the old text into sentences paragraph by paragraph
// (sentences never cross a blank line, so this is the split of the whole)
// and keeps the paragraphs for splitNew to reuse. A paragraph that lies,
// with the blank lines around it, inside one equal op is not split: it
// stays one unchanged unit, for segmenting is the costliest step of a
// comparison and an unchanged paragraph needs no sentences to be shown or
// paired. Identical texts are one unit.
func splitOld(src string, ops []Op, b *splitBudget, buf *splitBufs) ([]text.Sentence, int, []paragraph) {
	if len(ops) == 1 && ops[0].Op == Equal {
		return wholeText(src)
	}
	spans := text.AppendParagraphs(buf.oldSpans[:0], src)
	buf.oldSpans = spans
	paras := slices.Grow(buf.paras[0][:0], len(spans))[:len(spans)]
	buf.paras[0] = paras
	eq := equalCover{ops: ops}
	buf.counted = buf.counted[:0]
	for k, sp := range spans {
		paras[k] = paragraph{start: sp.Start, end: sp.End}
		lo, hi := 0, len(src)
		if k > 0 {
			lo = spans[k-1].End
		}
		if k+1 < len(spans) {
			hi = spans[k+1].Start
		}
		if eq.covers(lo, hi) {
			if b.cache != nil && sp.End-sp.Start >= minCountedParagraph {
				paras[k].wholeUncounted(src)
				buf.counted = append(buf.counted, k)
				continue
			}
			paras[k].whole(src)
			continue
		}
		b.split(&paras[k], src)
	}
	if len(buf.counted) > 0 {
		countWhole(src, paras, b.cache, buf)
	}
	sents, words := flatten(src, paras, buf.sents[0])
	buf.sents[0] = sents
	return sents, words, paras
}

// wholeText makes a text one unchanged unit, from its first to its last
// character that is not white space.
func wholeText(src string) ([]text.Sentence, int, []paragraph) {
	start := len(src) - len(strings.TrimLeftFunc(src, unicode.IsSpace))
	end := len(strings.TrimRightFunc(src, unicode.IsSpace))
	if start >= end {
		return nil, 0, nil
	}
	words := CountWords(src)
	p := paragraph{start: start, end: end, sents: []text.Sentence{{Start: 0, End: end - start, Text: src[start:end]}}, words: words}
	return []text.Sentence{{Start: start, End: end, Text: src[start:end]}}, words, []paragraph{p}
}

// equalCover answers, for ranges of the old text in increasing order,
// whether one equal op holds the whole range. A range that starts at 0 or
// ends at the end of the text must lie in the first or last op, for an
// insertion at either end of the new text would extend the paragraph there.
type equalCover struct {
	ops []Op
	k   int
}

func (e *equalCover) covers(lo, hi int) bool {
	for e.k < len(e.ops) && e.ops[e.k].OldEnd < hi {
		e.k++
	}
	if e.k == len(e.ops) {
		return false
	}
	op := e.ops[e.k]
	if op.Op != Equal || op.OldStart > lo {
		return false
	}
	return (lo > 0 || e.k == 0) && (hi < e.end() || e.k == len(e.ops)-1)
}

// end is where the old text ends.
func (e *equalCover) end() int { return e.ops[len(e.ops)-1].OldEnd }

// whole makes the paragraph one unit, without splitting it.
func (p *paragraph) whole(src string) {
	p.wholeUncounted(src)
	p.words = CountWords(src[p.start:p.end])
}

// wholeUncounted is whole without the word count, which countWhole fills
// in.
func (p *paragraph) wholeUncounted(src string) {
	body := src[p.start:p.end]
	p.one[0] = text.Sentence{Start: 0, End: len(body), Text: body}
	p.sents = p.one[:]
}

// countWhole sets the word counts of the paragraphs buf.counted lists,
// kept whole: from the cache where it holds them, for revisions share
// most of their paragraphs, and by counting the others, which the cache
// then keeps.
func countWhole(src string, paras []paragraph, cache *SplitCache, buf *splitBufs) {
	n := len(buf.counted)
	buf.bodies = slices.Grow(buf.bodies[:0], n)[:n]
	buf.counts = slices.Grow(buf.counts[:0], n)[:n]
	for x, k := range buf.counted {
		buf.bodies[x] = src[paras[k].start:paras[k].end]
	}
	cache.words(buf.bodies, buf.counts)
	missed := false
	for x, k := range buf.counted {
		if buf.counts[x] >= 0 {
			paras[k].words = buf.counts[x]
			buf.counts[x] = -1 // known already: not to be kept again
			continue
		}
		paras[k].words = CountWords(buf.bodies[x])
		buf.counts[x], missed = paras[k].words, true
	}
	if missed {
		cache.putWords(buf.bodies, buf.counts)
	}
	clear(buf.bodies) // they point into the text
}

// splitNew splits the new text, reusing the split of every paragraph that
// the ops show unchanged: two revisions share most of their paragraphs, and
// sentence splitting is the costliest step of a comparison.
func splitNew(src string, ops []Op, old []paragraph, oldSrc string, b *splitBudget, buf *splitBufs) ([]text.Sentence, int) {
	p, q := 0, 0 // lengths of the common start and end the ops show
	if len(ops) > 0 && ops[0].Op == Equal {
		p = ops[0].OldEnd
	}
	if k := len(ops) - 1; k > 0 && ops[k].Op == Equal {
		q = len(oldSrc) - ops[k].OldStart
	}
	spans := appendNewParagraphs(buf.spans[:0], oldSrc, src, old, p, q)
	buf.spans = spans
	paras := slices.Grow(buf.paras[1][:0], len(spans))[:len(spans)]
	buf.paras[1] = paras
	k, m := 0, 0 // cursors into ops and old
	for x, sp := range spans {
		for k < len(ops) && (ops[k].Op == Delete || ops[k].NewEnd <= sp.Start) {
			k++
		}
		paras[x] = paragraph{start: sp.Start, end: sp.End}
		if k < len(ops) && ops[k].Op == Equal && ops[k].NewStart <= sp.Start && sp.End <= ops[k].NewEnd {
			at := sp.Start + ops[k].OldStart - ops[k].NewStart
			for m < len(old) && old[m].start < at {
				m++
			}
			if m < len(old) && old[m].start == at && old[m].end-at == sp.End-sp.Start {
				paras[x].sents, paras[x].words = old[m].sents, old[m].words
				continue
			}
		}
		b.split(&paras[x], src)
	}
	sents, words := flatten(src, paras, buf.sents[1])
	buf.sents[1] = sents
	return sents, words
}

// splitBufs holds the paragraphs and sentences of the two texts, which
// serve only while the sentences are paired: they are pooled, for a long
// text has thousands of each.
type splitBufs struct {
	paras [2][]paragraph
	sents [2][]text.Sentence
	spans []text.Span
	// oldSpans are the paragraphs of the old text.
	oldSpans []text.Span
	ints     []int // the partners of the sentences, and where they stand
	split    []text.Sentence
	// counted lists the old paragraphs kept whole whose words countWhole
	// counts, with their texts and counts.
	counted []int
	bodies  []string
	counts  []int
}

// intsFor returns n ints from the buffer, to be overwritten.
func (buf *splitBufs) intsFor(n int) []int {
	buf.ints = slices.Grow(buf.ints[:0], n)[:n]
	return buf.ints
}

var splitPool = sync.Pool{New: func() any { return new(splitBufs) }}

// maxPooledSentences bounds the buffers kept for the next comparison.
const maxPooledSentences = 1 << 14

// release hands the buffers back to the pool; what they held must no
// longer be used.
func (buf *splitBufs) release() {
	for k := range 2 {
		if cap(buf.paras[k]) > maxPooledSentences {
			buf.paras[k] = nil
		}
		if cap(buf.sents[k]) > maxPooledSentences {
			buf.sents[k] = nil
		}
		buf.paras[k], buf.sents[k] = buf.paras[k][:0], buf.sents[k][:0]
	}
	if cap(buf.spans) > maxPooledSentences {
		buf.spans = nil
	}
	buf.spans = buf.spans[:0]
	if cap(buf.oldSpans) > maxPooledSentences {
		buf.oldSpans = nil
	}
	buf.oldSpans = buf.oldSpans[:0]
	if cap(buf.ints) > 4*maxPooledSentences {
		buf.ints = nil
	}
	if cap(buf.split) > maxPooledSentences {
		buf.split = nil
	}
	if cap(buf.counted) > maxPooledSentences {
		buf.counted, buf.bodies, buf.counts = nil, nil, nil
	}
	buf.counted = buf.counted[:0]
	splitPool.Put(buf)
}

// splitBudget bounds the time spent splitting changed paragraphs into
// sentences, the costliest step of comparing two long texts that differ
// throughout: past end, the paragraphs left are kept whole, one unit each,
// which is coarser but still exact, and late is set.
type splitBudget struct {
	end   time.Time
	n     int
	late  bool
	cache *SplitCache // nil, or where splits are kept and found
	// scratch is where a paragraph is split before the cache copies it.
	scratch *[]text.Sentence
}

// split splits p, or keeps it whole once the budget is spent; the clock
// is read every 16 paragraphs.
func (b *splitBudget) split(p *paragraph, src string) {
	if b.n++; !b.late && b.n%16 == 0 && time.Now().After(b.end) {
		b.late = true
	}
	if b.late {
		p.whole(src)
		return
	}
	body := src[p.start:p.end]
	if b.cache == nil || len(body) < minCachedParagraph {
		p.split(src)
		return
	}
	sp, ok := b.cache.get(body)
	if !ok {
		// Split into the pooled buffer, for the cache keeps a copy; the
		// nil Segmenter splits English, as text.Sentences does.
		var seg *text.Segmenter
		raw := seg.AppendSentences((*b.scratch)[:0], body, text.Span{Start: 0, End: len(body)})
		sp = b.cache.put(body, gluePunctuation(body, raw), CountWords(body))
		clear(raw) // their texts point into the whole text
		*b.scratch = raw[:0]
	}
	p.sents, p.words = sp.sents, sp.words
}

// split splits and counts the paragraph's text.
func (p *paragraph) split(src string) {
	body := src[p.start:p.end]
	p.sents, p.words = gluePunctuation(body, text.Sentences(body)), CountWords(body)
}

// gluePunctuation joins each sentence without a letter or digit, such as a
// lone closing quote mark or "...", to the sentence before it in the
// paragraph (the one after it, at the start of a paragraph): on its own it
// would be added, removed or moved for no reason a reader could see. The
// segmenter leaves such pieces where a quotation ends oddly.
func gluePunctuation(body string, sents []text.Sentence) []text.Sentence {
	out := sents[:0]
	pending := -1 // start of punctuation waiting for the next sentence
	for _, s := range sents {
		switch {
		case firstWordByte(s.Text) >= 0 && pending >= 0:
			s.Start, pending = pending, -1
			s.Text = body[s.Start:s.End]
			out = append(out, s)
		case firstWordByte(s.Text) >= 0:
			out = append(out, s)
		case len(out) > 0:
			last := &out[len(out)-1]
			last.End = s.End
			last.Text = body[last.Start:last.End]
		case pending < 0:
			pending = s.Start
		}
	}
	if pending >= 0 { // a paragraph of punctuation alone stays one sentence
		end := sents[len(sents)-1].End
		out = append(out, text.Sentence{Start: pending, End: end, Text: body[pending:end]})
	}
	return out
}

// flatten lists the sentences of all paragraphs with offsets into src. A
// paragraph of punctuation alone (a "***" or "=" line) joins the sentence
// before it, or the one after it at the start of the text, as punctuation
// within a paragraph does.
func flatten(src string, paras []paragraph, dst []text.Sentence) ([]text.Sentence, int) {
	n := 0
	for k := range paras { // by index: a paragraph is ten words to copy
		n += len(paras[k].sents)
	}
	sents := slices.Grow(dst[:0], n) // unchanged paragraphs are one each
	words := 0
	lead := -1 // start of leading punctuation paragraphs
	for k := range paras {
		p := &paras[k]
		words += p.words
		for _, s := range p.sents {
			s.Start, s.End = s.Start+p.start, s.End+p.start
			alone := len(p.sents) == 1 && firstWordByte(s.Text) < 0
			switch {
			case alone && len(sents) > 0:
				last := &sents[len(sents)-1]
				last.End, last.Text = s.End, src[last.Start:s.End]
			case alone && lead < 0:
				lead = s.Start
			case alone:
			case lead >= 0:
				s.Start, s.Text, lead = lead, src[lead:s.End], -1
				sents = append(sents, s)
			default:
				sents = append(sents, s)
			}
		}
	}
	if lead >= 0 { // nothing but punctuation
		end := paras[len(paras)-1].start + paras[len(paras)-1].sents[0].End
		sents = append(sents, text.Sentence{Start: lead, End: end, Text: src[lead:end]})
	}
	return sents, words
}

// newParagraphs returns text.Paragraphs(new), reusing the paragraphs of
// old (oldParas) in the common start of the texts, old[:p], and their
// common end, the last q bytes: only the text between is scanned.
//
// Paragraphs are found by a scan that starts afresh after each blank line
// that follows a line with text, whatever came before; so the paragraphs
// of the two texts agree before the last such restart in their common
// start, and after the first one in their common end.
func newParagraphs(old, new string, oldParas []paragraph, p, q int) []text.Span {
	return appendNewParagraphs(nil, old, new, oldParas, p, q)
}

// appendNewParagraphs appends newParagraphs(old, new, oldParas, p, q) to
// spans.
func appendNewParagraphs(spans []text.Span, old, new string, oldParas []paragraph, p, q int) []text.Span {
	y := restartBefore(old, p)
	x := restartAfter(old, len(old)-q)
	shift := len(new) - len(old)
	end := len(new) // where the scan of new stops
	if x >= 0 && x+shift >= y {
		end = x + shift
	}
	k := 0
	for ; k < len(oldParas) && oldParas[k].start < y; k++ {
		spans = append(spans, text.Span{Start: oldParas[k].start, End: oldParas[k].end})
	}
	k0 := len(spans)
	spans = text.AppendParagraphs(spans, new[y:end])
	for x := k0; x < len(spans); x++ {
		spans[x].Start, spans[x].End = spans[x].Start+y, spans[x].End+y
	}
	if end == len(new) {
		return spans
	}
	for ; k < len(oldParas); k++ {
		if oldParas[k].start >= x {
			spans = append(spans, text.Span{Start: oldParas[k].start + shift, End: oldParas[k].end + shift})
		}
	}
	return spans
}

// restartBefore returns the last place at or before p where the paragraph
// scan of s starts afresh, reading only s[:p]: the end of a blank line
// that follows a line with text; 0 if there is none.
func restartBefore(s string, p int) int {
	e := lastNewline(s[:p]) + 1 // end of the last whole line
	for e > 0 {
		b := lastNewline(s[:e-1]) + 1
		if b > 0 && isBlank(s[b:e]) {
			if pb := lastNewline(s[:b-1]) + 1; !isBlank(s[pb:b]) {
				return e
			}
		}
		e = b
	}
	return 0
}

// restartAfter returns the first place where the paragraph scan of s
// starts afresh after a blank line and the line with text before it, both
// in s[q:]; -1 if there is none.
func restartAfter(s string, q int) int {
	ls := q // the first line that starts in s[q:]
	if q > 0 && s[q-1] != '\n' {
		k := strings.IndexByte(s[q:], '\n')
		if k < 0 {
			return -1
		}
		ls = q + k + 1
	}
	for ls < len(s) {
		k := strings.IndexByte(s[ls:], '\n')
		if k < 0 {
			return -1
		}
		le := ls + k + 1 // the line s[ls:le] ends with its line break
		ne := len(s)
		if k := strings.IndexByte(s[le:], '\n'); k >= 0 {
			ne = le + k + 1
		}
		if le < len(s) && !isBlank(s[ls:le]) && isBlank(s[le:ne]) && ne <= len(s) && s[ne-1] == '\n' {
			return ne
		}
		ls = le
	}
	return -1
}
