package diff_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/shareddata"
)

// realPair is one revision of the shared dev data.
type realPair struct {
	ID  string `json:"id"`
	Old string `json:"old"`
	New string `json:"new"`
}

// realPairs reads the 200 dev revision pairs, or skips.
func realPairs(tb testing.TB) []realPair {
	tb.Helper()
	path := shareddata.Path(tb, "revision-pairs-dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("dev revision pairs not available (%v)", err)
	}
	defer f.Close()
	var pairs []realPair
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var p realPair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return pairs
}

// TestRealPairs compares each of the 200 dev pairs both ways (400
// comparisons) and checks every invariant, including those of moves and
// sentence fates that real news updates exercise.
func TestRealPairs(t *testing.T) {
	if testing.Short() {
		t.Skip("diffs 7 MB twice")
	}
	for _, p := range realPairs(t) {
		for _, dir := range [][2]string{{p.Old, p.New}, {p.New, p.Old}} {
			r, err := diff.Compare(dir[0], dir[1], diff.Options{Deadline: 10e9})
			if err != nil {
				t.Fatalf("%s: %v", p.ID, err)
			}
			checkInvariants(t, dir[0], dir[1], r.Ops)
			checkStats(t, dir[0], dir[1], r)
			checkSentences(t, dir[0], dir[1], r)
			if msg := sentenceProblems(r); msg != "" {
				t.Errorf("%s: %s", p.ID, msg)
			}
		}
	}
}

// sentenceProblems returns what is wrong with the sentence fates and moves
// of r, or "": moves that do not pair up, punctuation alone marked added,
// removed or moved, and a sentence shown twice.
func sentenceProblems(r *diff.Result) string {
	if msg := movesPairUp(r.Ops); msg != "" {
		return msg
	}
	seenOld, seenNew := map[int]bool{}, map[int]bool{}
	oldN, newN := 0, 0
	for _, c := range r.Sentences {
		oldN, newN = max(oldN, c.OldIndex+1), max(newN, c.NewIndex+1)
	}
	for _, c := range r.Sentences {
		// Punctuation goes with a neighbour, unless its text has nothing
		// else.
		alone := c.Status == diff.Removed && oldN == 1 || c.Status == diff.Added && newN == 1
		if c.Status != diff.Unchanged && c.Status != diff.Edited && punctuationOnly(c.Text) && !alone {
			return "punctuation-only sentence " + c.Text + " is " + c.Status.String()
		}
		if c.OldIndex >= 0 && seenOld[c.OldIndex] {
			return "old sentence shown twice: " + c.Text
		}
		if c.NewIndex >= 0 && seenNew[c.NewIndex] {
			return "new sentence shown twice: " + c.Text
		}
		seenOld[c.OldIndex], seenNew[c.NewIndex] = c.OldIndex >= 0, c.NewIndex >= 0
	}
	return ""
}

// movesPairUp checks that each move number is on deletions and insertions
// both.
func movesPairUp(ops []diff.Op) string {
	dels, ins := map[int]bool{}, map[int]bool{}
	for _, op := range ops {
		switch {
		case op.Move == 0:
		case op.Op == diff.Delete:
			dels[op.Move] = true
		case op.Op == diff.Insert:
			ins[op.Move] = true
		default:
			return "an equal op carries a move number"
		}
	}
	for m := range dels {
		if !ins[m] {
			return "a move has a deletion and no insertion"
		}
	}
	for m := range ins {
		if !dels[m] {
			return "a move has an insertion and no deletion"
		}
	}
	return ""
}

func punctuationOnly(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return !isAlnum(r) }) == ""
}
