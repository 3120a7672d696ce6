package diff

import "strings"

// computeStats counts the words of the ops and the fates of the sentences.
func computeStats(ops []Op, sents []SentenceChange) Stats {
	var st Stats
	for _, op := range ops {
		n := CountWords(op.Text)
		switch op.Op {
		case Equal:
			st.WordsUnchanged += n
		case Insert:
			st.WordsAdded += n
		case Delete:
			st.WordsRemoved += n
		}
	}
	if total := st.WordsAdded + st.WordsRemoved + 2*st.WordsUnchanged; total > 0 {
		st.ChangeRatio = float64(st.WordsAdded+st.WordsRemoved) / float64(total)
	}
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

// markMoves numbers the deleted and inserted blocks that carry the same
// text, trimmed of white space, so that renderers can show a moved
// paragraph as a move rather than as unrelated deletion and insertion.
func markMoves(ops []Op) {
	deleted := make(map[string][]int)
	for k, op := range ops {
		if op.Op == Delete && CountWords(op.Text) >= minMoveWords {
			t := strings.TrimSpace(op.Text)
			deleted[t] = append(deleted[t], k)
		}
	}
	if len(deleted) == 0 {
		return
	}
	next := 1
	for k, op := range ops {
		t := strings.TrimSpace(op.Text)
		if ks := deleted[t]; op.Op == Insert && len(ks) > 0 {
			ops[ks[0]].Move, ops[k].Move = next, next
			deleted[t] = ks[1:]
			next++
		}
	}
}
