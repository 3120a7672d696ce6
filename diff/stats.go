package diff

import "strings"

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
	if equalBytes < changedBytes {
		st.WordsUnchanged = countOps(ops, Equal)
		st.WordsAdded, st.WordsRemoved = newWords-st.WordsUnchanged, oldWords-st.WordsUnchanged
	} else {
		st.WordsAdded, st.WordsRemoved = countOps(ops, Insert), countOps(ops, Delete)
		st.WordsUnchanged = newWords - st.WordsAdded
	}
	st.ChangeRatio = changeRatio(st)
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
	return st
}

// OpStats counts the words added, removed and unchanged in ops, such as
// those of Words, leaving the sentence counts at zero. It is the cheap way
// to the word stats of many revisions, since it needs no sentence split.
func OpStats(ops []Op) Stats {
	st := Stats{WordsAdded: countOps(ops, Insert), WordsRemoved: countOps(ops, Delete), WordsUnchanged: countOps(ops, Equal)}
	st.ChangeRatio = changeRatio(st)
	return st
}

// changeRatio is the share of the words of both texts that changed.
func changeRatio(st Stats) float64 {
	total := st.WordsAdded + st.WordsRemoved + 2*st.WordsUnchanged
	if total == 0 {
		return 0
	}
	return float64(st.WordsAdded+st.WordsRemoved) / float64(total)
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
const minMoveBytes = 24

// markMoves numbers the deleted and inserted blocks that carry the same
// text, trimmed of white space, so that renderers can show a moved
// paragraph as a move rather than as unrelated deletion and insertion.
func markMoves(ops []Op) {
	deleted := make(map[string][]int)
	for k, op := range ops {
		if t := strings.TrimSpace(op.Text); op.Op == Delete && len(t) >= minMoveBytes {
			deleted[t] = append(deleted[t], k)
		}
	}
	if len(deleted) == 0 {
		return
	}
	next := 1
	for k, op := range ops {
		if op.Op != Insert {
			continue
		}
		t := strings.TrimSpace(op.Text)
		if ks := deleted[t]; len(ks) > 0 {
			ops[ks[0]].Move, ops[k].Move = next, next
			deleted[t] = ks[1:]
			next++
		}
	}
}
