package diff_test

import (
	"encoding/json"
	"fmt"

	"github.com/redline-news/redline/diff"
)

func ExampleCompare() {
	old := "Rain fell on Monday. Roads flooded."
	new := "Rain fell on Tuesday. Roads flooded. Schools closed."
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Text(diff.RenderOptions{}))
	fmt.Printf("%+v\n", r.Stats)
	// Output:
	// Rain fell on [-Monday-]{+Tuesday+}. Roads flooded.{+ Schools closed.+}
	// {WordsAdded:3 WordsRemoved:1 WordsMoved:0 WordsUnchanged:5 ChangeRatio:0.2857142857142857 SentencesAdded:1 SentencesRemoved:0 SentencesEdited:1 SentencesMoved:0 FactsChanged:1}
}

func ExampleWords() {
	ops, _ := diff.Words("Mayor resigns", "Mayor resigns after vote", diff.Options{})
	b, _ := json.Marshal(ops)
	fmt.Println(string(b))
	// Output:
	// [{"op":"equal","text":"Mayor resigns","old_start":0,"old_end":13,"new_start":0,"new_end":13},{"op":"insert","text":" after vote","old_start":13,"old_end":13,"new_start":13,"new_end":24}]
}

func ExampleResult_ChangedSentences() {
	sent := "Rain fell on Monday. Roads flooded."
	latest := "Rain fell on Tuesday. Roads flooded. Schools closed."
	r, _ := diff.Compare(sent, latest, diff.Options{})
	for _, c := range r.ChangedSentences() {
		fmt.Printf("%s: %s\n", c.Status, c.Text)
	}
	// Output:
	// edited: Rain fell on Tuesday.
	// added: Schools closed.
}
