package diff

import (
	"hash/maphash"
	"slices"
	"strings"
	"time"
)

// computeStats counts the words of the ops and the fates of the sentences.
// oldWords and newWords come from the sentence split, which counts each
// distinct paragraph once; so only the smaller of the equal and the changed
// text needs counting here, and the rest follows.
func computeStats(ops []Op, sents []SentenceChange, oldWords, newWords int) Stats {
	var st Stats
	equalBytes, changedBytes := 0, 0
	for _, op := range ops {
		if op.Op == Equal {
			equalBytes += len(op.Text)
		} else {
			changedBytes += len(op.Text)
		}
	}
	respelt := respeltWords(ops)
	if equalBytes < changedBytes {
		st.WordsUnchanged = countOps(ops, Equal) + respelt
		st.WordsAdded, st.WordsRemoved = newWords-st.WordsUnchanged, oldWords-st.WordsUnchanged
	} else {
		st.WordsAdded, st.WordsRemoved = countOps(ops, Insert)-respelt, countOps(ops, Delete)-respelt
		st.WordsUnchanged = newWords - st.WordsAdded
	}
	takeMoved(&st, movedWords(ops))
	countSentences(&st, sents)
	return st
}

// takeMoved moves the words a move carried from the added and removed
// counts to the moved one, and sets the change ratio from the result.
func takeMoved(st *Stats, moved int) {
	st.WordsMoved = moved
	st.WordsAdded -= moved
	st.WordsRemoved -= moved
	total := st.WordsAdded + st.WordsRemoved + 2*(st.WordsUnchanged+st.WordsMoved)
	if total > 0 {
		st.ChangeRatio = float64(st.WordsAdded+st.WordsRemoved) / float64(total)
	}
}

// countSentences adds up the fates of the sentences.
func countSentences(st *Stats, sents []SentenceChange) {
	for _, c := range sents {
		switch c.Status {
		case Added:
			st.SentencesAdded++
		case Removed:
			st.SentencesRemoved++
		case Edited:
			st.SentencesEdited++
		case Moved:
			st.SentencesMoved++
		}
	}
}

// OpStats counts the words added, removed, moved and unchanged in ops,
// such as those of Words, leaving the sentence counts at zero. It is the
// cheap way to the word stats of many revisions, since it needs no
// sentence split.
func OpStats(ops []Op) Stats {
	respelt := respeltWords(ops)
	st := Stats{WordsAdded: countOps(ops, Insert) - respelt, WordsRemoved: countOps(ops, Delete) - respelt,
		WordsUnchanged: countOps(ops, Equal) + respelt}
	takeMoved(&st, movedWords(ops))
	return st
}

// movedWords counts the words that a move carried over unchanged: for each
// move number, the words its deleted and inserted ops have in common.
func movedWords(ops []Op) int {
	type sides struct{ del, ins []uint64 }
	var moves map[int]*sides
	var seed maphash.Seed
	for _, op := range ops {
		if op.Move == 0 {
			continue
		}
		if moves == nil {
			moves, seed = map[int]*sides{}, maphash.MakeSeed()
		}
		m := moves[op.Move]
		if m == nil {
			m = &sides{}
			moves[op.Move] = m
		}
		if op.Op == Delete {
			m.del = append(m.del, wordBag(seed, op.Text)...)
		} else {
			m.ins = append(m.ins, wordBag(seed, op.Text)...)
		}
	}
	n := 0
	for _, m := range moves {
		slices.Sort(m.del)
		slices.Sort(m.ins)
		n += common(m.del, m.ins)
	}
	return n
}

// respeltWords counts the words of the respellings among ops: a deletion
// right followed by an insertion at the same place, neither holding white
// space, whose texts are the same in Normalization Form C, which is how
// the word diff gives a word only respelt in another normalization (see
// canon.go). Their words are unchanged, not removed and added. (The word
// diff never puts white space in a respelling, so the test for it rules
// out at its first bytes a long replacement, which needs no
// normalizing.)
func respeltWords(ops []Op) int {
	n := 0
	for k := 1; k < len(ops); k++ {
		del, ins := ops[k-1], ops[k]
		if del.Op != Delete || ins.Op != Insert || del.Move != 0 || ins.Move != 0 || del.OldEnd != ins.OldStart || del.NewStart != ins.NewStart {
			continue
		}
		if !hasSpace(del.Text) && !hasSpace(ins.Text) && canonicallyEqual(del.Text, ins.Text) {
			n += CountWords(ins.Text)
		}
	}
	return n
}

// hasSpace reports whether s holds ASCII white space.
func hasSpace(s string) bool {
	return strings.IndexByte(s, ' ') >= 0 || strings.ContainsAny(s, "\t\n\r\f\v")
}

// countOps counts the words of the ops of one kind.
func countOps(ops []Op, kind Kind) int {
	n := 0
	for _, op := range ops {
		if op.Op == kind {
			n += CountWords(op.Text)
		}
	}
	return n
}

// minMoveBytes is the shortest block that counts as moved; shorter
// repeats, such as a name deleted here and inserted there, are coincidences.
// maxMoveBytes is the longest: a block of 64 KiB (some 60 paragraphs) is a
// rewrite, and comparing its words with every other block would cost more
// than the rest of the diff.
const (
	minMoveBytes = 24
	maxMoveBytes = 64 << 10
)

// markMoves numbers the deleted and inserted blocks that carry the same
// text, or nearly the same, so that renderers can show a moved paragraph as
// a move rather than as an unrelated deletion and insertion.
func markMoves(ops []Op, deadline time.Time) {
	var dels, ins []int
	for k, op := range ops {
		if op.Op != Equal && len(op.Text) <= maxMoveBytes && len(strings.TrimSpace(op.Text)) >= minMoveBytes {
			if op.Op == Delete {
				dels = append(dels, k)
			} else {
				ins = append(ins, k)
			}
		}
	}
	if len(dels) == 0 || len(ins) == 0 {
		return
	}
	kept := keptBefore(ops)
	next := markSame(ops, dels, ins, kept, 1)
	markNear(ops, dels, ins, kept, next, deadline)
}

// keptBefore counts, for each k, the equal ops with a word among ops[:k].
// A deletion and an insertion of the same text are a move only if kept
// text lies between them: text that merely shifted, because something was
// added or removed beside it, has kept text on the same side in both texts
// and is left as it is.
func keptBefore(ops []Op) []int {
	kept := make([]int, len(ops)+1)
	for k, op := range ops {
		kept[k+1] = kept[k]
		if op.Op == Equal && firstWordByte(op.Text) >= 0 {
			kept[k+1]++
		}
	}
	return kept
}

// crossesKept reports whether kept text lies between ops a and b.
func crossesKept(kept []int, a, b int) bool {
	return kept[max(a, b)] > kept[min(a, b)+1]
}

// markSame pairs deletions and insertions of the same text, trimmed of
// white space, numbering moves from next; it returns the next free number.
func markSame(ops []Op, dels, ins, kept []int, next int) int {
	deleted := make(map[string][]int, len(dels))
	for _, k := range dels {
		t := strings.TrimSpace(ops[k].Text)
		deleted[t] = append(deleted[t], k)
	}
	for _, k := range ins {
		t := strings.TrimSpace(ops[k].Text)
		if ks := deleted[t]; len(ks) > 0 && crossesKept(kept, ks[0], k) {
			ops[ks[0]].Move, ops[k].Move = next, next
			deleted[t] = ks[1:]
			next++
		}
	}
	return next
}

// markNear pairs the remaining deletions and insertions whose words are
// nearly the same: a paragraph moved and touched up on the way.
func markNear(ops []Op, dels, ins, kept []int, next int, deadline time.Time) {
	dels, ins = unmoved(ops, dels), unmoved(ops, ins)
	if len(dels) == 0 || len(ins) == 0 || len(dels)*len(ins) > maxMovePairs {
		return
	}
	bags := make([][]uint64, len(dels))
	for x, k := range dels {
		bags[x] = paraBag(ops[k].Text)
	}
	var bag []uint64 // each insertion's, in turn
	for n, k := range ins {
		if n%64 == 63 && time.Now().After(deadline) {
			return // a move left unmarked is still an exact diff
		}
		bag = appendParaBag(bag, ops[k].Text)
		best, bestSim := -1, moveSimilarity
		for x := range dels {
			if sim := dice(bag, bags[x]); ops[dels[x]].Move == 0 && sim >= bestSim && crossesKept(kept, dels[x], k) {
				best, bestSim = x, sim
			}
		}
		if best >= 0 {
			ops[dels[best]].Move, ops[k].Move = next, next
			next++
		}
	}
}

// unmoved keeps the ops not yet part of a move.
func unmoved(ops []Op, ks []int) []int {
	out := ks[:0:0]
	for _, k := range ks {
		if ops[k].Move == 0 {
			out = append(out, k)
		}
	}
	return out
}
