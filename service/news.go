package service

import (
	"cmp"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/text"
	"github.com/redline-news/redline/summarize"
)

// NewsSince turns the sentences a diff found added or edited into the
// summarizer's changes, each with the kinds of the facts that changed in it
// (the diff's fact flags: numbers, money, quotes, corrections…), so that a
// summary of what is new ranks changed facts first, and with the sentences
// right before it in the new revision (summarize.Change.Before), which a
// change that leans on them ("He said…") brings as context. Indexes count
// the new revision's sentences, as a summary of it does (the diff counts
// an unchanged paragraph as one). The API's
// summary?since=N and the page's "What's new" both summarize these.
func NewsSince(res *diff.Result) []summarize.Change {
	facts := map[int][]string{}
	for _, f := range res.Facts {
		if f.NewSentence != nil {
			facts[*f.NewSentence] = append(facts[*f.NewSentence], string(f.Kind))
		}
	}
	var out []summarize.Change
	var before []summarize.Context // the new revision's last sentences so far, nearest last
	last := -1                     // a new sentence merged from two old ones is listed twice
	index := 0                     // the revision's sentences so far
	changed := res.ChangedSentences()
	var buf []text.Sentence
	var prev diff.SentenceChange // the last change, to tell whether the next goes on in its paragraph
	for _, c := range res.Sentences {
		if len(changed) == 0 {
			break // what follows the last change is neither news nor context
		}
		if c.NewIndex < 0 {
			continue
		}
		if len(changed) > 0 && changed[0].NewIndex == c.NewIndex {
			c, changed = changed[0], changed[1:]
			for len(before) > 0 && before[len(before)-1].End > c.NewStart {
				before = before[:len(before)-1] // the other half of a merged sentence
			}
			if c.NewIndex == last {
				index-- // that half was counted
			}
			last = c.NewIndex
			old := ""
			if c.Status != diff.Added {
				old = cmp.Or(c.OldText, c.Text)
			}
			continues := len(out) > 0 && out[len(out)-1].Index == index-1 && res.SameParagraph(prev, c)
			out = append(out, summarize.Change{Index: index, Start: c.NewStart, End: c.NewEnd, Text: c.Text, OldText: old,
				Facts: facts[c.NewIndex], Before: before, Continues: continues})
			prev = c
			before = []summarize.Context{{Start: c.NewStart, End: c.NewEnd, Text: c.Text}}
			index++
			continue
		}
		if c.NewIndex == last {
			continue
		}
		last = c.NewIndex
		var n int
		before, n, buf = appendLastSentences(before, c, buf, index == 0)
		index += n
	}
	return out
}

// appendLastSentences appends the last sentences of an unchanged entry of
// a diff, which may be a whole paragraph, to before, and keeps the last
// summarize.MaxContext, and returns how many sentences the entry holds and
// buf, the buffer it segmented the entry in. Only prose is context: a
// heading, a byline or a caption ends it, since nothing after it leans on
// it. opens says whether the entry opens the revision; a change follows it.
func appendLastSentences(before []summarize.Context, c diff.SentenceChange, buf []text.Sentence, opens bool) ([]summarize.Context, int, []text.Sentence) {
	buf = english.AppendSentences(buf[:0], c.Text, text.Span{Start: 0, End: len(c.Text)})
	sents := buf[max(0, len(buf)-summarize.MaxContext):]
	kinds := text.ClassifyPart(c.Text, sents, opens, true)
	for i, s := range sents {
		if kinds[i] != text.KindSentence {
			before = before[:0:0]
			continue
		}
		before = append(before, summarize.Context{Start: c.NewStart + s.Start, End: c.NewStart + s.End, Text: s.Text})
	}
	if len(before) > summarize.MaxContext {
		before = append([]summarize.Context(nil), before[len(before)-summarize.MaxContext:]...)
	}
	return before, max(1, len(buf)), buf
}

// english segments the unchanged text around changes; the diff splits
// changed paragraphs the same way.
var english = text.NewSegmenter(text.Options{Language: "en"})
