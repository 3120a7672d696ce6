package diff

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Paragraphs of a changed stretch are paired when their words overlap by
// at least paraSimilarity (Dice coefficient); only stretches of at most
// maxMoveParas paragraphs a side are paired, which bounds the all-pairs
// comparison.
const (
	paraSimilarity = 0.5
	maxMoveParas   = 50
)

// paraPair is an old paragraph i paired with a new paragraph j; w weighs
// the pair by its words when choosing which pairs stay in place.
type paraPair struct {
	i, j int
	sim  float64
	w    int
}

// gapMoves handles a changed stretch whose paragraphs were reordered, or
// shifted by a paragraph added or removed, as well as edited: no line is
// equal, so the line alignment would word-diff
// each old paragraph against whichever new one stands in its place, and
// common words would pair them. It pairs old and new paragraphs by the
// words they share; if the pairing crosses, the heaviest set of pairs in
// order stays in place and is diffed pair by pair, and the other pairs
// become whole deletions and insertions, which markMoves then numbers as
// moves. It also aligns by the pairs a stretch whose two sides hold
// different numbers of paragraphs: the line alignment would match their
// blank lines in any of several equally short ways, and so might diff an
// edited paragraph against the one after its counterpart. It returns
// false, having done nothing, when the stretch has as many paragraphs a
// side and the pairing keeps each in its place, or the stretch is too
// large to pair.
func (d *differ) gapMoves(ol, nl []int) bool {
	if d.remaining() <= 0 {
		return false
	}
	op := paragraphs(d.old, ol)
	np := paragraphs(d.new, nl)
	if len(op) == 0 || len(np) == 0 || len(op)+len(np) < 3 {
		return false
	}
	pairs := pairParagraphs(d.old, d.new, op, np)
	if len(pairs) == 0 || !crosses(pairs) && !offset(pairs) && len(op) == len(np) {
		return false
	}
	anchors := inOrder(pairs)
	var movedOld, movedNew []span
	for k, p := range pairs {
		if !anchors[k] {
			movedOld = append(movedOld, op[p.i])
			movedNew = append(movedNew, np[p.j])
		}
	}
	slices.SortFunc(movedNew, func(a, b span) int { return cmp.Compare(a.start, b.start) })

	co, cn := ol[0], nl[0]
	for k := 0; k <= len(pairs); k++ {
		oe, ne := ol[len(ol)-1], nl[len(nl)-1]
		if k < len(pairs) {
			if !anchors[k] {
				continue
			}
			oe, ne = op[pairs[k].i].start, np[pairs[k].j].start
		}
		var mo, mn []span
		for len(movedOld) > 0 && movedOld[0].start < oe {
			mo, movedOld = append(mo, movedOld[0]), movedOld[1:]
		}
		for len(movedNew) > 0 && movedNew[0].start < ne {
			mn, movedNew = append(mn, movedNew[0]), movedNew[1:]
		}
		d.moveRegion(co, oe, cn, ne, mo, mn)
		if k < len(pairs) {
			o, n := op[pairs[k].i], np[pairs[k].j]
			d.gapLines(splitLines(d.old[o.start:o.end], o.start), splitLines(d.new[n.start:n.end], n.start))
			co, cn = o.end, n.end
		}
	}
	return true
}

// moveRegion diffs old[o0:o1] against new[n0:n1], between two paragraphs
// that stay in place: the moved paragraphs mo and mn in it are deleted and
// inserted whole, and the text between them is diffed in order.
func (d *differ) moveRegion(o0, o1, n0, n1 int, mo, mn []span) {
	co, cn := o0, n0
	for k := 0; ; k++ {
		oe, ne := o1, n1
		if k < len(mo) {
			oe = mo[k].start
		}
		if k < len(mn) {
			ne = mn[k].start
		}
		d.gapLines(splitLines(d.old[co:oe], co), splitLines(d.new[cn:ne], cn))
		co, cn = oe, ne
		if k < len(mo) {
			d.replace(co, mo[k].end, cn, cn)
			co = mo[k].end
		}
		if k < len(mn) {
			d.replace(co, co, cn, mn[k].end)
			cn = mn[k].end
		}
		if k >= len(mo) && k >= len(mn) {
			return
		}
	}
}

// paragraphs returns the spans of the runs of lines ls of src that hold a
// letter or a digit, each with the line break of its last line; nil when
// there are more than maxMoveParas.
func paragraphs(src string, ls []int) []span {
	var out []span
	in := false
	for k := range len(ls) - 1 {
		if firstWordByte(src[ls[k]:ls[k+1]]) < 0 {
			in = false
			continue
		}
		if !in {
			if len(out) == maxMoveParas {
				return nil
			}
			out = append(out, span{ls[k], ls[k+1]})
			in = true
		}
		out[len(out)-1].end = ls[k+1]
	}
	return out
}

// pairParagraphs pairs old and new paragraphs greedily, most similar
// first, and returns the pairs in old order.
func pairParagraphs(old, new string, op, np []span) []paraPair {
	ob := make([][]uint64, len(op))
	for i, p := range op {
		ob[i] = paraBag(old[p.start:p.end])
	}
	nb := make([][]uint64, len(np))
	for j, p := range np {
		nb[j] = paraBag(new[p.start:p.end])
	}
	var cands []paraPair
	for i := range ob {
		for j := range nb {
			if sim := dice(ob[i], nb[j]); sim >= paraSimilarity {
				cands = append(cands, paraPair{i: i, j: j, sim: sim, w: len(ob[i]) + len(nb[j])})
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b paraPair) int { return cmp.Compare(b.sim, a.sim) })
	usedO, usedN := make([]bool, len(op)), make([]bool, len(np))
	var pairs []paraPair
	for _, c := range cands {
		if !usedO[c.i] && !usedN[c.j] {
			usedO[c.i], usedN[c.j] = true, true
			pairs = append(pairs, c)
		}
	}
	slices.SortFunc(pairs, func(a, b paraPair) int { return cmp.Compare(a.i, b.i) })
	return pairs
}

// offset reports whether some pair is not at the same place in both lists
// of paragraphs: a paragraph inserted or removed above it, which the
// line-by-line alignment would meet by diffing each paragraph against the
// one that now stands in its place.
func offset(pairs []paraPair) bool {
	for _, p := range pairs {
		if p.i != p.j {
			return true
		}
	}
	return false
}

// crosses reports whether pairs, in old order, are out of new order.
func crosses(pairs []paraPair) bool {
	for k := 1; k < len(pairs); k++ {
		if pairs[k].j < pairs[k-1].j {
			return true
		}
	}
	return false
}

// inOrder marks the heaviest subsequence of pairs, in old order, whose new
// paragraphs are in order too: those stay in place and the rest moved. At
// most maxMoveParas pairs, so quadratic is cheap.
func inOrder(pairs []paraPair) []bool {
	best := make([]int, len(pairs))
	prev := make([]int, len(pairs))
	top := 0
	for k, p := range pairs {
		best[k], prev[k] = p.w, -1
		for m := range k {
			if pairs[m].j < p.j && best[m]+p.w > best[k] {
				best[k], prev[k] = best[m]+p.w, m
			}
		}
		if best[k] > best[top] {
			top = k
		}
	}
	keep := make([]bool, len(pairs))
	for k := top; k >= 0; k = prev[k] {
		keep[k] = true
	}
	return keep
}

// paraBag returns the sorted hashes of the words of s, lowercased: runs of
// letters and digits, hashed with FNV-1a.
func paraBag(s string) []uint64 {
	// Room for a word every 5 bytes, about once the length of an English
	// word and a space, so that the bag is seldom grown.
	return appendParaBag(make([]uint64, 0, len(s)/5+1), s)
}

// appendParaBag is paraBag with the hashes in bag[:0], for a caller that
// compares one bag after another against the same ones.
func appendParaBag(bag []uint64, s string) []uint64 {
	bag = bag[:0]
	h, in := uint64(14695981039346656037), false
	flush := func() {
		if in {
			bag = append(bag, h)
		}
		h, in = 14695981039346656037, false
	}
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			if !asciiWord[b] {
				flush()
				continue
			}
			if b >= 'A' && b <= 'Z' {
				b += 'a' - 'A'
			}
			h, in = (h^uint64(b))*1099511628211, true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			flush()
			continue
		}
		h, in = (h^uint64(unicode.ToLower(r)))*1099511628211, true
	}
	flush()
	slices.Sort(bag)
	return bag
}
