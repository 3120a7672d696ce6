package service

import (
	"cmp"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/summarize"
)

// NewsSince turns the sentences a diff found added or edited into the
// summarizer's changes, each with the kinds of the facts that changed in it
// (the diff's fact flags: numbers, money, quotes, corrections…), so that a
// summary of what is new ranks changed facts first. The API's
// summary?since=N and the page's "What's new" both summarize these.
func NewsSince(res *diff.Result) []summarize.Change {
	facts := map[int][]string{}
	for _, f := range res.Facts {
		if f.NewSentence != nil {
			facts[*f.NewSentence] = append(facts[*f.NewSentence], string(f.Kind))
		}
	}
	var out []summarize.Change
	for _, c := range res.ChangedSentences() {
		old := ""
		if c.Status != diff.Added {
			old = cmp.Or(c.OldText, c.Text)
		}
		out = append(out, summarize.Change{Index: c.NewIndex, Start: c.NewStart, End: c.NewEnd, Text: c.Text, OldText: old, Facts: facts[c.NewIndex]})
	}
	return out
}
