package diff

import (
	"hash/maphash"
	"slices"
	"sort"
	"strings"

	"github.com/redline-news/redline/internal/text"
)

// Near-identical sentences count as moved when they share at least this
// share of their words (Dice coefficient) and have at least minMoveWords.
const (
	moveSimilarity = 0.75
	minMoveWords   = 4
	// maxMovePairs bounds the near-identical search, which compares every
	// removed sentence with every added one.
	maxMovePairs = 40_000
)

// matchMoves pairs removed old sentences with added new ones that carry the
// same text, or nearly the same: a paragraph that moved reads as a move, not
// as a deletion plus an insertion. It returns old index -> new index.
func matchMoves(os, ns []text.Sentence, oPart, nPart []int) map[int]int {
	removed, added := orphans(oPart), orphans(nPart)
	if len(removed) == 0 || len(added) == 0 {
		return nil // nothing can have moved; a nil map reads as empty
	}
	moved := make(map[int]int)
	byText := make(map[string][]int, len(removed))
	for _, i := range removed {
		byText[os[i].Text] = append(byText[os[i].Text], i)
	}
	cross := newCrossing(oPart)
	var left []int
	for _, j := range added {
		if is := byText[ns[j].Text]; len(is) > 0 && cross.crosses(is[0], j) {
			moved[is[0]], byText[ns[j].Text] = j, is[1:]
			continue
		}
		left = append(left, j)
	}
	matchNear(os, ns, unmatched(removed, moved), left, moved, cross)
	return moved
}

// crossing tells whether putting old sentence i at new place j changes its
// order relative to the sentences kept in both texts: only then did it
// move. A sentence that shifted because others were added or removed
// around it, as in a comparison across several revisions, keeps its order.
type crossing struct {
	maxBefore []int // the greatest new index of a kept sentence before old i
	minAfter  []int // the least new index of a kept sentence after old i
}

func newCrossing(oPart []int) crossing {
	n := len(oPart)
	c := crossing{maxBefore: make([]int, n+1), minAfter: make([]int, n+1)}
	c.maxBefore[0] = -1
	for i, j := range oPart {
		c.maxBefore[i+1] = max(c.maxBefore[i], j)
	}
	c.minAfter[n] = int(^uint(0) >> 1)
	for i := n - 1; i >= 0; i-- {
		c.minAfter[i] = c.minAfter[i+1]
		if oPart[i] >= 0 {
			c.minAfter[i] = min(c.minAfter[i], oPart[i])
		}
	}
	return c
}

func (c crossing) crosses(i, j int) bool {
	return c.maxBefore[i] > j || c.minAfter[i+1] < j
}

// orphans returns the indexes of sentences without a partner.
func orphans(part []int) []int {
	var out []int
	for i, p := range part {
		if p < 0 {
			out = append(out, i)
		}
	}
	return out
}

func unmatched(removed []int, moved map[int]int) []int {
	var out []int
	for _, i := range removed {
		if _, ok := moved[i]; !ok {
			out = append(out, i)
		}
	}
	return out
}

// matchNear pairs each added sentence with the most similar removed one,
// greedily, when they are similar enough.
func matchNear(os, ns []text.Sentence, removed, added []int, moved map[int]int, cross crossing) {
	if len(removed) == 0 || len(added) == 0 || len(removed)*len(added) > maxMovePairs {
		return
	}
	bags := make([][]uint64, len(removed))
	for k, i := range removed {
		bags[k] = paraBag(os[i].Text)
	}
	taken := make([]bool, len(removed))
	var bag []uint64 // each added sentence's, in turn
	for _, j := range added {
		bag = appendParaBag(bag, ns[j].Text)
		best, bestSim := -1, moveSimilarity
		for k := range removed {
			if sim := dice(bag, bags[k]); !taken[k] && sim >= bestSim && cross.crosses(removed[k], j) {
				best, bestSim = k, sim
			}
		}
		if best >= 0 {
			taken[best] = true
			moved[removed[best]] = j
		}
	}
}

// wordBag returns the sorted hashes of the words of s, lowercased.
func wordBag(seed maphash.Seed, s string) []uint64 {
	var bag []uint64
	for _, t := range tokenize(s, 0, nil) {
		if t.kind == kindWord {
			bag = append(bag, maphash.String(seed, strings.ToLower(s[t.start:t.end])))
		}
	}
	slices.Sort(bag)
	return bag
}

// dice returns 2|a∩b| / (|a|+|b|) for sorted multisets, 0 when either is
// too short to tell a move from a coincidence.
func dice(a, b []uint64) float64 {
	if len(a) < minMoveWords || len(b) < minMoveWords {
		return 0
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// common returns |a∩b| for sorted multisets.
func common(a, b []uint64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n, i, j = n+1, i+1, j+1
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// markSentenceMoves gives the ops of the sentences found moved the move
// number that markMoves could not: a moved sentence too short for it, or
// one whose words the diff split from its full stop. An op is numbered only
// if all the text it changes lies in moved sentences; the delete and insert
// ops of one moved sentence share a number, reusing one they already have.
//
// Deleted and inserted ops that reach past a moved sentence are first cut
// at its ends, so that the sentence's own text can carry the number; it
// returns the ops, cut.
func markSentenceMoves(ops []Op, sents []SentenceChange) []Op {
	var oldSpans, newSpans []span
	for _, c := range sents {
		if c.Status == Moved {
			oldSpans = append(oldSpans, span{c.OldStart, c.OldEnd})
			newSpans = append(newSpans, span{c.NewStart, c.NewEnd})
		}
	}
	if len(oldSpans) == 0 {
		return ops
	}
	ops = cutOps(ops, oldSpans, newSpans)
	next := 1
	for _, op := range ops {
		next = max(next, op.Move+1)
	}
	for k := range oldSpans {
		dels := movedOps(ops, Delete, oldSpans[k], oldSpans)
		ins := movedOps(ops, Insert, newSpans[k], newSpans)
		if len(dels) == 0 || len(ins) == 0 {
			continue
		}
		num := 0
		for _, x := range append(dels, ins...) {
			if num == 0 {
				num = ops[x].Move
			}
		}
		if num == 0 {
			num, next = next, next+1
		}
		for _, x := range append(dels, ins...) {
			if ops[x].Move == 0 {
				ops[x].Move = num
			}
		}
	}
	return rejoin(ops)
}

// rejoin joins back the pieces cutOps made that did not need to be apart:
// neighbours of one kind and one move number, and white space beside a
// moved piece, which moves with it.
func rejoin(ops []Op) []Op {
	out := ops[:0]
	for _, op := range ops {
		if len(out) == 0 {
			out = append(out, op)
			continue
		}
		last := &out[len(out)-1]
		blank := func(o Op) bool { return o.Move == 0 && strings.TrimSpace(o.Text) == "" }
		if last.Op != op.Op || last.Op == Equal || !(last.Move == op.Move || blank(*last) || blank(op)) {
			out = append(out, op)
			continue
		}
		last.Text += op.Text
		last.OldEnd, last.NewEnd = op.OldEnd, op.NewEnd
		last.Move = max(last.Move, op.Move)
	}
	return out
}

// cutOps cuts the deleted ops at the ends of the old spans and the
// inserted ops at the ends of the new spans. Sentence ends are word
// boundaries, so no cut splits a word.
func cutOps(ops []Op, oldSpans, newSpans []span) []Op {
	cuts := func(ss []span) []int {
		var out []int
		for _, s := range ss {
			out = append(out, s.start, s.end)
		}
		slices.Sort(out)
		return out
	}
	oc, nc := cuts(oldSpans), cuts(newSpans)
	out := make([]Op, 0, len(ops)+2*len(oldSpans))
	for _, op := range ops {
		switch {
		case op.Move != 0:
			out = append(out, op)
		case op.Op == Delete:
			out = appendCut(out, op, op.OldStart, oc)
		case op.Op == Insert:
			out = appendCut(out, op, op.NewStart, nc)
		default:
			out = append(out, op)
		}
	}
	return out
}

// appendCut appends op cut at the points of cuts that fall inside it; at
// is where its text starts in the text the cuts refer to.
func appendCut(out []Op, op Op, at int, cuts []int) []Op {
	k, _ := slices.BinarySearch(cuts, at+1)
	for ; k < len(cuts) && cuts[k] < at+len(op.Text); k++ {
		n := cuts[k] - at
		head := op
		head.Text = op.Text[:n]
		op.Text = op.Text[n:]
		if op.Op == Delete {
			head.OldEnd, op.OldStart = head.OldStart+n, head.OldStart+n
		} else {
			head.NewEnd, op.NewStart = head.NewStart+n, head.NewStart+n
		}
		out, at = append(out, head), cuts[k]
	}
	return append(out, op)
}

// span is a byte range of one text.
type span struct{ start, end int }

// movedOps returns the indexes of the ops of kind k that change text of
// sentence s and nothing outside the moved sentences in moved.
func movedOps(ops []Op, k Kind, s span, moved []span) []int {
	start := func(op Op) int { return opStart(op, k == Delete) }
	end := func(op Op) int { return opEnd(op, k == Delete) }
	var out []int
	for x := sort.Search(len(ops), func(x int) bool { return end(ops[x]) > s.start }); x < len(ops) && start(ops[x]) < s.end; x++ {
		if op := ops[x]; op.Op == k && withinMoved(op, start(op), moved) {
			out = append(out, x)
		}
	}
	return out
}

// withinMoved reports whether every non-space byte of op lies in one of the
// moved spans.
func withinMoved(op Op, at int, moved []span) bool {
	t := op.Text
	for i := 0; i < len(t); {
		if isASCIISpace(t[i]) {
			i++
			continue
		}
		p := at + i
		x := slices.IndexFunc(moved, func(m span) bool { return m.start <= p && p < m.end })
		if x < 0 {
			return false
		}
		i = moved[x].end - at // the rest of this sentence is covered
	}
	return true
}
