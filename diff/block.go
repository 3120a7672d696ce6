package diff

import (
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// block word-diffs old[o0:o1] against new[n0:n1]. Only words and
// punctuation take part in the diff; the white space between them is
// compared afterwards, so a run of spaces never anchors two unrelated
// sentences and a whitespace-only edit still shows.
func (d *differ) block(o0, o1, n0, n1 int) {
	p := safePrefix(d.old[o0:o1], d.new[n0:n1])
	q := safeSuffix(d.old[o0+p:o1], d.new[n0+p:n1])
	d.equal(o0, o0+p, n0, n0+p)
	d.middle(o0+p, o1-q, n0+p, n1-q)
	d.equal(o1-q, o1, n1-q, n1)
}

// safePrefix returns the length of the common prefix of a and b cut back to
// a place that is a token boundary in both, so that a paragraph with one
// word changed costs one word's tokenizing rather than the paragraph's.
// The equal edges of a block need no cleanup weight: nothing precedes or
// follows the block but equal lines.
func safePrefix(a, b string) int {
	i := commonPrefix(a, b)
	for i > 0 && !(safeCut(a, i) && safeCut(b, i)) {
		i--
	}
	return i
}

// safeSuffix is safePrefix from the end.
func safeSuffix(a, b string) int {
	j := commonSuffix(a, b)
	for j > 0 && !(safeCut(a, len(a)-j) && safeCut(b, len(b)-j)) {
		j--
	}
	return j
}

// safeCut reports whether cutting x at c surely falls between two tokens:
// at either end, or between ASCII white space and another ASCII byte, which
// no rule of UAX #29 joins (marks and joiners are not ASCII).
func safeCut(x string, c int) bool {
	if c == 0 || c == len(x) {
		return true
	}
	p, q := x[c-1], x[c]
	return p < utf8.RuneSelf && q < utf8.RuneSelf && isASCIISpace(p) != isASCIISpace(q)
}

// middle word-diffs a block that starts and ends with a change.
func (d *differ) middle(o0, o1, n0, n1 int) {
	switch {
	case o0 == o1 && n0 == n1:
		return
	case o0 == o1 || n0 == n1 || d.remaining() <= 0:
		d.degraded = d.degraded || (o0 != o1 && n0 != n1)
		d.replace(o0, o1, n0, n1)
		return
	}
	a := tokenizeNonSpace(d.old[o0:o1], o0, d.toks[0][:0])
	b := tokenizeNonSpace(d.new[n0:n1], n0, d.toks[1][:0])
	d.toks[0], d.toks[1] = a, b
	d.canon = !isNFC(d.old[o0:o1]) || !isNFC(d.new[n0:n1])
	if len(a)+len(b) >= minUnrelated && d.unrelated(a, b) {
		d.replace(o0, o1, n0, n1)
		return
	}
	if shortcuts && d.oneTokenChanged(a, b, o0, o1, n0, n1) {
		return
	}
	if d.ids.slots == nil { // sized once rather than grown token by token
		d.ids.makeRoom(min((len(a)+len(b))/2, 1<<12)) // distinct tokens: about half
	}
	ra, okA := d.tokenRunes(d.old, a, d.runes[0][:0])
	rb, okB := d.tokenRunes(d.new, b, d.runes[1][:0])
	d.runes[0], d.runes[1] = ra, rb
	if !okA || !okB {
		d.degraded = true
		d.replace(o0, o1, n0, n1)
		return
	}
	d.dmp.DiffTimeout = max(d.remaining(), time.Nanosecond)
	diffs := d.dmp.DiffMainRunes(ra, rb, false)
	if d.remaining() <= 0 {
		d.degraded = true // go-diff may have given up and replaced the rest
	}
	d.walkTokens(diffs, a, b, o0, o1, n0, n1)
}

// oneTokenChanged word-diffs a block whose tokens are the same on both
// sides but one, such as a figure that changed, as middle would without
// interning the tokens or running go-diff, and reports whether the block
// was such. go-diff strips the common leading and trailing tokens and
// diffs one token against another as the deletion of one and the
// insertion of the other, which its cleanup keeps as they are: no single
// edit lies between two equalities.
func (d *differ) oneTokenChanged(a, b []token, o0, o1, n0, n1 int) bool {
	if len(a) != len(b) || d.ids.n >= maxIDs-len(a)-len(b) {
		return false
	}
	p := 0
	for p < len(a) && d.old[a[p].start:a[p].end] == d.new[b[p].start:b[p].end] {
		p++
	}
	if p == len(a) {
		return false // no token changed: the equality, as go-diff gives it
	}
	for k := p + 1; k < len(a); k++ {
		if d.old[a[k].start:a[k].end] != d.new[b[k].start:b[k].end] {
			return false
		}
	}
	if d.remaining() <= 0 {
		d.degraded = true // as middle: past the deadline after the diff
	}
	w := walker{d: d, a: a, b: b, po: o0, pn: n0}
	if d.canon && canonicallyEqual(d.old[a[p].start:a[p].end], d.new[b[p].start:b[p].end]) {
		w.equal(len(a)) // the token was only respelt
	} else {
		w.equal(p)
		w.deleted(1)
		w.inserted(1)
		w.equal(len(a) - p - 1)
	}
	w.gap(o1, n1)
	return true
}

// tokenRunes maps each token to its rune; false means too many distinct
// tokens to tell apart. A token is keyed by its bytes, or in a block that
// is not all in NFC, by its NFC form.
func (d *differ) tokenRunes(src string, ts []token, out []rune) ([]rune, bool) {
	for _, t := range ts {
		key := src[t.start:t.end]
		if d.canon {
			key = canonical(key)
		}
		r := d.ids.intern(key)
		if r < 0 {
			return out, false
		}
		out = append(out, r)
	}
	return out, true
}

// walker turns a token diff back into byte-range segs.
type walker struct {
	d      *differ
	a, b   []token
	i, j   int // tokens consumed
	po, pn int // bytes consumed
}

func (d *differ) walkTokens(diffs []diffmatchpatch.Diff, a, b []token, o0, o1, n0, n1 int) {
	w := walker{d: d, a: a, b: b, po: o0, pn: n0}
	for _, df := range diffs {
		k := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			w.equal(k)
		case diffmatchpatch.DiffDelete:
			w.deleted(k)
		case diffmatchpatch.DiffInsert:
			w.inserted(k)
		}
	}
	w.gap(o1, n1)
}

// deleted emits the deletion of the next k old tokens.
func (w *walker) deleted(k int) {
	end := w.a[w.i+k-1].end
	w.d.change(w.po, end, w.pn, w.pn, k, 0)
	w.i, w.po = w.i+k, end
}

// inserted emits the insertion of the next k new tokens.
func (w *walker) inserted(k int) {
	end := w.b[w.j+k-1].end
	w.d.change(w.po, w.po, w.pn, end, 0, k)
	w.j, w.pn = w.j+k, end
}

// equal emits k equal tokens, each with the white space before it, which is
// equal too unless the two texts space it differently.
func (w *walker) equal(k int) {
	for range k {
		ta, tb := w.a[w.i], w.b[w.j]
		w.gap(ta.start, tb.start)
		respelt := w.d.canon && w.d.old[ta.start:ta.end] != w.d.new[tb.start:tb.end]
		w.d.appendEqual(seg{eq: true, respelt: respelt, o0: ta.start, o1: ta.end, n0: tb.start, n1: tb.end, ow: 1, nw: 1})
		w.i, w.j, w.po, w.pn = w.i+1, w.j+1, ta.end, tb.end
	}
}

// gap emits the white space old[po:oe] against new[pn:ne].
func (w *walker) gap(oe, ne int) {
	og, ng := w.d.old[w.po:oe], w.d.new[w.pn:ne]
	switch {
	case og == ng && og != "":
		w.d.appendEqual(seg{eq: true, nl: hasNewline(og), o0: w.po, o1: oe, n0: w.pn, n1: ne})
	case og != ng:
		w.d.change(w.po, oe, w.pn, ne, 0, 0)
	}
	w.po, w.pn = oe, ne
}

// appendEqual adds an equality, extending the last one when they touch, so
// that a long unchanged run inside a block stays one seg.
func (d *differ) appendEqual(e seg) {
	if k := len(d.segs) - 1; k >= 0 && d.segs[k].eq && d.segs[k].respelt == e.respelt && d.segs[k].o1 == e.o0 && d.segs[k].n1 == e.n0 {
		d.segs[k] = join(d.segs[k], e)
		return
	}
	d.segs = append(d.segs, e)
}

func hasNewline(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return true
		}
	}
	return false
}

// Blocks of at least minUnrelated tokens whose distinct tokens overlap by
// less than maxUnrelated (of the smaller side) are replaced outright: a
// rewritten paragraph shares only function words and punctuation with the
// old one, and Myers would spend quadratic time matching "the" and "," to
// produce a diff that the cleanup then merges back into one replacement.
const (
	minUnrelated = 48
	maxUnrelated = 0.4
)

// unrelated reports whether two token sequences share too few distinct
// tokens to be worth diffing. It runs before the tokens are interned, on a
// bit set of token hashes: collisions only make blocks look more related.
func (d *differ) unrelated(a, b []token) bool {
	if d.seen == nil {
		d.seen = make([]uint64, 2*hashBits/64)
	}
	clear(d.seen)
	inA, inB := d.seen[:hashBits/64], d.seen[hashBits/64:]
	da, db, shared := 0, 0, 0
	key := func(src string, t token) string {
		if k := src[t.start:t.end]; !d.canon {
			return k
		}
		return canonical(src[t.start:t.end])
	}
	for _, t := range a {
		if h := tokenHash(key(d.old, t)); !testAndSet(inA, h) {
			da++
		}
	}
	for _, t := range b {
		h := tokenHash(key(d.new, t))
		if testAndSet(inB, h) {
			continue
		}
		db++
		if inA[h/64]&(1<<(h%64)) != 0 {
			shared++
		}
	}
	return float64(shared) < maxUnrelated*float64(min(da, db))
}

// testAndSet sets bit h and reports whether it was set already.
func testAndSet(bits []uint64, h uint32) bool {
	w, m := h/64, uint64(1)<<(h%64)
	was := bits[w]&m != 0
	bits[w] |= m
	return was
}

// hashBits is the size of the bit set of token hashes: a paragraph has a
// few hundred distinct tokens, so collisions stay rare.
const hashBits = 1 << 13

// tokenHash is FNV-1a folded to hashBits; tokens are short, so it beats
// a map lookup.
func tokenHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return (h ^ h>>16) % hashBits
}
