package diff_test

import (
	"math"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/redline-news/redline/diff"
)

func TestStatsAgreeWithOps(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"edit", "The mayor spoke on Monday. Rain fell.", "The mayor spoke on Tuesday. Rain fell. Roads flooded."},
		{"rewrite", "One two three.", "Four five six seven."},
		{"same", "Nothing changed here.", "Nothing changed here."},
		{"chinese", "今天北京下雨。", "今天上海下雪。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := diff.Compare(tc.old, tc.new, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkStats(t, tc.old, tc.new, r)
		})
	}
}

func TestStatsValues(t *testing.T) {
	r, err := diff.Compare("The mayor spoke on Monday. Rain fell.", "The mayor spoke on Tuesday. Rain fell. Roads flooded.", diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := diff.Stats{WordsAdded: 3, WordsRemoved: 1, WordsUnchanged: 6, ChangeRatio: 4.0 / 16,
		SentencesAdded: 1, SentencesEdited: 1, FactsChanged: 1}
	if r.Stats != want {
		t.Errorf("got %+v, want %+v", r.Stats, want)
	}
}

func TestStatsCountMoves(t *testing.T) {
	a := "The council approved the budget on Monday after a long debate."
	b := "Schools will receive more money for teachers and buildings."
	tests := []struct {
		name                 string
		old, new             string
		added, removed, move int
	}{
		{"paragraphs swapped", a + "\n\n" + b + "\n", b + "\n\n" + a + "\n", 0, 0, 11},
		{"nothing moved", a + "\n", a + "\n\nRain fell.\n", 2, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compare(t, tc.old, tc.new)
			checkStats(t, tc.old, tc.new, r)
			st := r.Stats
			if st.WordsAdded != tc.added || st.WordsRemoved != tc.removed || st.WordsMoved != tc.move {
				t.Errorf("got added %d removed %d moved %d, want %d %d %d", st.WordsAdded, st.WordsRemoved, st.WordsMoved,
					tc.added, tc.removed, tc.move)
			}
		})
	}
}

func TestOpStats(t *testing.T) {
	old, new := "The mayor spoke on Monday. Rain fell.", "The mayor spoke on Tuesday. Rain fell. Roads flooded."
	ops, err := diff.Words(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, want := diff.OpStats(ops), r.Stats
	want.SentencesAdded, want.SentencesEdited, want.FactsChanged = 0, 0, 0
	if got != want {
		t.Errorf("got %+v, want the word stats of Compare %+v", got, want)
	}
}

// checkStats asserts that the word counts are those of the ops and add up
// to the words of each text, that the change ratio follows from them, and
// that sentence counts match the changes.
func checkStats(t testing.TB, old, new string, r *diff.Result) {
	t.Helper()
	var ins, del, eq int
	for _, op := range r.Ops {
		n := diff.CountWords(op.Text)
		switch op.Op {
		case diff.Equal:
			eq += n
		case diff.Insert:
			ins += n
		case diff.Delete:
			del += n
		}
	}
	// A word only respelt in another Unicode normalization is a deletion
	// and an insertion of the same word in NFC: unchanged.
	respelt := 0
	for k := 1; k < len(r.Ops); k++ {
		d, i := r.Ops[k-1], r.Ops[k]
		if d.Op == diff.Delete && i.Op == diff.Insert && d.Move == 0 && i.Move == 0 && d.OldEnd == i.OldStart &&
			!strings.ContainsAny(d.Text+i.Text, " \t\n\r\f\v") && norm.NFC.String(d.Text) == norm.NFC.String(i.Text) {
			respelt += diff.CountWords(i.Text)
		}
	}
	ins, del, eq = ins-respelt, del-respelt, eq+respelt
	got := r.Stats
	if got.WordsAdded+got.WordsMoved != ins || got.WordsRemoved+got.WordsMoved != del || got.WordsUnchanged != eq {
		t.Fatalf("got words +%d -%d moved %d =%d, ops say inserted %d deleted %d equal %d (%d respelt)", got.WordsAdded, got.WordsRemoved,
			got.WordsMoved, got.WordsUnchanged, ins, del, eq, respelt)
	}
	o, n := diff.CountWords(old), diff.CountWords(new)
	if got.WordsRemoved+got.WordsMoved+got.WordsUnchanged != o {
		t.Fatalf("removed+moved+unchanged = %d, want the %d words of old", got.WordsRemoved+got.WordsMoved+got.WordsUnchanged, o)
	}
	if got.WordsAdded+got.WordsMoved+got.WordsUnchanged != n {
		t.Fatalf("added+moved+unchanged = %d, want the %d words of new", got.WordsAdded+got.WordsMoved+got.WordsUnchanged, n)
	}
	want := 0.0
	if o+n > 0 {
		want = float64(got.WordsAdded+got.WordsRemoved) / float64(o+n)
	}
	if math.Abs(got.ChangeRatio-want) > 1e-12 {
		t.Fatalf("change ratio %v, want (added+removed)/(old+new words) = %v", got.ChangeRatio, want)
	}
	if got.FactsChanged != len(r.Facts) {
		t.Fatalf("facts_changed %d, want the %d facts listed", got.FactsChanged, len(r.Facts))
	}
	counts := map[diff.SentenceStatus]int{}
	for _, c := range r.Sentences {
		counts[c.Status]++
	}
	if got.SentencesAdded != counts[diff.Added] || got.SentencesRemoved != counts[diff.Removed] ||
		got.SentencesEdited != counts[diff.Edited] || got.SentencesMoved != counts[diff.Moved] {
		t.Fatalf("sentence stats %+v disagree with changes %v", got, counts)
	}
}
