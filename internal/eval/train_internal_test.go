package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/rouge"
	"github.com/redline-news/redline/internal/shareddata"
	"github.com/redline-news/redline/summarize"
)

// TestItemRouge1MatchesSummaries checks the schedule's shortcut: a text is
// summarized once for each distinct sequence of blends, so each model must
// still get the ROUGE-1 that summarizing with it gives. The models below
// blend alike on some texts and apart on others.
func TestItemRouge1MatchesSummaries(t *testing.T) {
	var sets [2][]Item
	var rows [2][]docRows
	for side, name := range []string{"cnndm-test-dev.jsonl", "bbc-news-summary.jsonl"} {
		f, err := os.Open(shareddata.Path(t, name))
		if err != nil {
			t.Fatal(err)
		}
		items, _, err := Load(f, "", SplitTrain)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		sets[side] = items[:40]
		if rows[side], err = itemRows(context.Background(), sets[side]); err != nil {
			t.Fatal(err)
		}
	}
	all := func(int) bool { return true }
	fitted := &Model{}
	if err := fitModel(rows[0], rows[1], all, all, DefaultTraining(), fitted); err != nil {
		t.Fatal(err)
	}
	var models []summarize.Model
	for _, a := range [][4]float64{{0.214, 0.4, 3, 4}, {0.214, 0.4, 3, 5}, {0.214, 0.4, 3, 11}, {0.07, 0.4, 3, 5}, {0.05, 0.15, 3, 5}, {0.214, 0.4, 1, 2}} {
		m := fitted.Model
		m.ShortShare, m.LongShare, m.ShortPicks, m.LongPicks = a[0], a[1], a[2], a[3]
		models = append(models, m)
	}
	items := append(sets[0], sets[1]...)
	docs := append(rows[0], rows[1]...)
	shared := 0
	for i, it := range items {
		got := itemRouge1(it, len(docs[i].x), models)
		var prev []summarize.Sentence
		for c := range models {
			sum, err := summarize.Summarize(it.Article, summarize.Options{Algorithm: summarize.Learned, Sentences: it.K, Model: &models[c]})
			if err != nil {
				t.Fatal(err)
			}
			if c > 0 && sameSentences(prev, sum.Sentences) {
				shared++
			}
			prev = sum.Sentences
			want := rouge.Compute(strings.Join(it.Reference, "\n"), texts(sum.Sentences)).Rouge1.F1
			if got[c] != want {
				t.Errorf("item %s, model %d: ROUGE-1 %v, want %v", it.ID, c, got[c], want)
			}
		}
	}
	if shared == 0 {
		t.Error("no two models chose alike on any text; the test checks no shortcut")
	}
}

func sameSentences(a, b []summarize.Sentence) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Index != b[i].Index {
			return false
		}
	}
	return true
}
