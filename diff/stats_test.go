package diff_test

import (
	"testing"

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
		SentencesAdded: 1, SentencesEdited: 1}
	if r.Stats != want {
		t.Errorf("got %+v, want %+v", r.Stats, want)
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
	want.SentencesAdded, want.SentencesEdited = 0, 0
	if got != want {
		t.Errorf("got %+v, want the word stats of Compare %+v", got, want)
	}
}

// checkStats asserts that the word counts are those of the ops and add up
// to the words of each text, and that sentence counts match the changes.
func checkStats(t testing.TB, old, new string, r *diff.Result) {
	t.Helper()
	var want diff.Stats
	for _, op := range r.Ops {
		n := diff.CountWords(op.Text)
		switch op.Op {
		case diff.Equal:
			want.WordsUnchanged += n
		case diff.Insert:
			want.WordsAdded += n
		case diff.Delete:
			want.WordsRemoved += n
		}
	}
	got := r.Stats
	if got.WordsAdded != want.WordsAdded || got.WordsRemoved != want.WordsRemoved || got.WordsUnchanged != want.WordsUnchanged {
		t.Fatalf("got words +%d -%d =%d, ops say +%d -%d =%d", got.WordsAdded, got.WordsRemoved, got.WordsUnchanged,
			want.WordsAdded, want.WordsRemoved, want.WordsUnchanged)
	}
	if o := diff.CountWords(old); got.WordsRemoved+got.WordsUnchanged != o {
		t.Fatalf("removed+unchanged = %d, want the %d words of old", got.WordsRemoved+got.WordsUnchanged, o)
	}
	if n := diff.CountWords(new); got.WordsAdded+got.WordsUnchanged != n {
		t.Fatalf("added+unchanged = %d, want the %d words of new", got.WordsAdded+got.WordsUnchanged, n)
	}
	if got.ChangeRatio < 0 || got.ChangeRatio > 1 {
		t.Fatalf("change ratio %v outside [0, 1]", got.ChangeRatio)
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
