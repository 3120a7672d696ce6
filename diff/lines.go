package diff

import (
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// lines aligns old[o0:o1] and new[n0:n1] line by line, as git does before
// its word diff, and word-diffs only the blocks of lines that changed. An
// article revision touches a few paragraphs, so this keeps the cost in
// proportion to the change.
//
// Only lines with a letter or a digit take part in the alignment, compared
// without their trailing white space: a blank line between paragraphs, or
// a rule of asterisks, is in every article and would otherwise anchor two
// swapped paragraphs against each other, and the last paragraph of a text
// has no line break where the others have one.
func (d *differ) lines(o0, o1, n0, n1 int) {
	if shortcuts && d.oneLineEach(o0, o1, n0, n1) {
		return
	}
	ol := splitLines(d.old[o0:o1], o0)
	nl := splitLines(d.new[n0:n1], n0)
	if len(ol) <= 1 || len(nl) <= 1 {
		d.block(o0, o1, n0, n1)
		return
	}
	ids := make(map[string]rune, len(ol)+len(nl))
	ra, oa := lineRunes(d.old, ol, ids)
	oldIDs := len(ids)
	rb, na := lineRunes(d.new, nl, ids)
	if ra == nil || rb == nil {
		d.block(o0, o1, n0, n1)
		return
	}
	var diffs []diffmatchpatch.Diff
	if !sharesRune(rb, rune(oldIDs)) {
		// No line is in both texts, as in a rewrite: the alignment can
		// only delete them all and insert them all, which walkLines
		// reads from no diff at all, and Myers would take long to find.
		diffs = nil
	} else {
		d.dmp.DiffTimeout = max(d.remaining(), 1)
		diffs = d.dmp.DiffMainRunes(ra, rb, false)
	}
	d.walkLines(diffs, ol, nl, oa, na, o0, o1, n0, n1)
}

// shortcuts enables the paths that reach the general path's result with
// less work (oneLineEach, oneTokenChanged); tests turn it off to compare
// the two.
var shortcuts = true

// oneLineEach handles, as lines would, the case where old[o0:o1] and
// new[n0:n1] are one line each, as when the last paragraph of a text
// changed, without building the alignment: unless the two lines align,
// which they do only when they are the same but for trailing white space,
// the alignment has no line in common and the two lines are word-diffed
// as one block (or are equal). It reports whether it handled the case.
func (d *differ) oneLineEach(o0, o1, n0, n1 int) bool {
	o, n := d.old[o0:o1], d.new[n0:n1]
	if !isOneLine(o) || !isOneLine(n) {
		return false
	}
	if ko := lineKey(o); ko != "" && ko == lineKey(n) {
		return false
	}
	if o == n {
		d.equal(o0, o1, n0, n1)
	} else {
		d.block(o0, o1, n0, n1)
	}
	return true
}

// isOneLine reports whether splitLines finds exactly one line in s: s is
// not empty and holds no line break before its last byte.
func isOneLine(s string) bool {
	return len(s) > 0 && strings.IndexByte(s[:len(s)-1], '\n') < 0
}

// walkLines turns a diff of the aligned lines into equalities and
// word-diffed blocks. oa and na list the lines that took part; the text
// between two aligned lines is equal if it is the same on both sides (the
// line break, a blank line) and a block to word-diff otherwise.
func (d *differ) walkLines(diffs []diffmatchpatch.Diff, ol, nl, oa, na []int, o0, o1, n0, n1 int) {
	i, j := 0, 0     // aligned lines consumed
	eo, en := o0, n0 // start of the pending equality
	bo, bn := o0, n0 // end of it
	for _, df := range diffs {
		k := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			for ; k > 0; k, i, j = k-1, i+1, j+1 {
				a, b := oa[i], na[j]
				if d.old[bo:ol[a]] != d.new[bn:nl[b]] {
					d.equal(eo, bo, en, bn)
					d.gap(bo, ol[a], bn, nl[b])
					eo, en = ol[a], nl[b]
				}
				size := len(lineKey(d.old[ol[a]:ol[a+1]]))
				bo, bn = ol[a]+size, nl[b]+size
			}
		case diffmatchpatch.DiffDelete:
			i += k
		case diffmatchpatch.DiffInsert:
			j += k
		}
	}
	if d.old[bo:o1] == d.new[bn:n1] {
		bo, bn = o1, n1
	}
	d.equal(eo, bo, en, bn)
	d.gap(bo, o1, bn, n1)
}

// gap diffs the text between two aligned lines. When both sides hold
// several lines, such as a rewritten stretch of paragraphs, it aligns them
// again with every line taking part: the blank lines then split the
// stretch into paragraph-sized blocks, which the word diff handles far
// faster than one block of them all, and replaces outright when
// unrelated.
//
// Paragraphs that swapped places and were touched up on the way share no
// line, so they land in one such stretch; gapMoves pairs them first, so
// that each is diffed with its own counterpart or shown as moved.
func (d *differ) gap(o0, o1, n0, n1 int) {
	ol := splitLines(d.old[o0:o1], o0)
	nl := splitLines(d.new[n0:n1], n0)
	if len(ol) <= 2 || len(nl) <= 2 {
		d.block(o0, o1, n0, n1)
		return
	}
	if d.gapMoves(ol, nl) {
		return
	}
	d.gapLines(ol, nl)
}

// gapLines aligns the lines ol and nl of a changed stretch, every line
// taking part, and word-diffs the blocks between the equal ones.
func (d *differ) gapLines(ol, nl []int) {
	o0, o1, n0, n1 := ol[0], ol[len(ol)-1], nl[0], nl[len(nl)-1]
	if len(ol) <= 2 || len(nl) <= 2 {
		d.block(o0, o1, n0, n1)
		return
	}
	ids := make(map[string]rune, len(ol)+len(nl))
	ra, rb := allLineRunes(d.old, ol, ids), allLineRunes(d.new, nl, ids)
	if ra == nil || rb == nil {
		d.block(o0, o1, n0, n1)
		return
	}
	d.dmp.DiffTimeout = max(d.remaining(), 1)
	diffs := d.dmp.DiffMainRunes(ra, rb, false)
	i, j := 0, 0 // lines consumed
	bo, bn := o0, n0
	for _, df := range diffs {
		k := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			d.block(bo, ol[i], bn, nl[j])
			d.equal(ol[i], ol[i+k], nl[j], nl[j+k])
			i, j = i+k, j+k
			bo, bn = ol[i], nl[j]
		case diffmatchpatch.DiffDelete:
			i += k
		case diffmatchpatch.DiffInsert:
			j += k
		}
	}
	d.block(bo, ol[i], bn, nl[j])
}

// sharesRune reports whether some rune of rs was interned before the
// runes of rs were: whether rs has a line in common with the text
// interned first, whose runes are those below first.
func sharesRune(rs []rune, first rune) bool {
	if first >= 0xD800 {
		first += 0x800 // intern skips the surrogates
	}
	for _, r := range rs {
		if r < first {
			return true
		}
	}
	return false
}

// allLineRunes maps every line to a rune; nil means too many distinct lines.
func allLineRunes(src string, ls []int, ids map[string]rune) []rune {
	rs := make([]rune, len(ls)-1)
	for k := range rs {
		if rs[k] = intern(ids, src[ls[k]:ls[k+1]]); rs[k] < 0 {
			return nil
		}
	}
	return rs
}

// lineKey is what a line is aligned by: the line without its trailing
// white space, or "" if it has no letter or digit.
func lineKey(line string) string {
	if firstWordByte(line) < 0 {
		return ""
	}
	return line[:len(line)-trailingSpace(line)]
}

// splitLines returns the start of every line of s, shifted by base, and the
// end of s as a last entry, so line k is [ls[k], ls[k+1]).
func splitLines(s string, base int) []int {
	ls := []int{base}
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		ls = append(ls, base+i)
	}
	if ls[len(ls)-1] != base+len(s) {
		ls = append(ls, base+len(s))
	}
	return ls
}

// lineRunes maps each line that takes part in the alignment to a rune, so
// that go-diff compares lines, and returns the indexes of those lines; it
// returns nil when there are too many distinct lines.
func lineRunes(src string, ls []int, ids map[string]rune) ([]rune, []int) {
	rs := make([]rune, 0, len(ls)-1)
	at := make([]int, 0, len(ls)-1)
	for k := range len(ls) - 1 {
		key := lineKey(src[ls[k]:ls[k+1]])
		if key == "" {
			continue
		}
		r := intern(ids, key)
		if r < 0 {
			return nil, nil
		}
		rs, at = append(rs, r), append(at, k)
	}
	return rs, at
}

// maxIDs is how many distinct lines or tokens one comparison can tell apart:
// every valid rune but the surrogates.
const maxIDs = utf8.MaxRune + 1 - 0x800

// intern returns the rune standing for s, allocating the next one the first
// time s is seen. Runes skip the surrogate range, which go-diff's string
// conversions would turn into U+FFFD and so confuse. It returns -1 once
// maxIDs runes are in use.
func intern(ids map[string]rune, s string) rune {
	if r, ok := ids[s]; ok {
		return r
	}
	if len(ids) >= maxIDs {
		return -1
	}
	r := rune(len(ids))
	if r >= 0xD800 {
		r += 0x800
	}
	ids[s] = r
	return r
}
