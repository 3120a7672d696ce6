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
func (d *differ) lines(o0, o1, n0, n1 int) {
	ol := splitLines(d.old[o0:o1], o0)
	nl := splitLines(d.new[n0:n1], n0)
	if len(ol) <= 1 || len(nl) <= 1 {
		d.block(o0, o1, n0, n1)
		return
	}
	ids := make(map[string]rune, len(ol)+len(nl))
	ra := lineRunes(d.old, ol, ids)
	rb := lineRunes(d.new, nl, ids)
	if ra == nil || rb == nil {
		d.block(o0, o1, n0, n1)
		return
	}
	d.dmp.DiffTimeout = max(d.remaining(), 1)
	diffs := d.dmp.DiffMainRunes(ra, rb, false)
	d.walkLines(diffs, ol, nl, o0, n0)
}

// walkLines turns a line diff into equalities and word-diffed blocks.
func (d *differ) walkLines(diffs []diffmatchpatch.Diff, ol, nl []int, o, n int) {
	i, j := 0, 0 // lines consumed
	bo, bn := o, n
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

// lineRunes maps each line to a rune so that go-diff compares lines; it
// returns nil when there are too many distinct lines.
func lineRunes(src string, ls []int, ids map[string]rune) []rune {
	rs := make([]rune, len(ls)-1)
	for k := range rs {
		if rs[k] = intern(ids, src[ls[k]:ls[k+1]]); rs[k] < 0 {
			return nil
		}
	}
	return rs
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
