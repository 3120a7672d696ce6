package service_test

import (
	"testing"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/text"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// NewsSince gives each change the sentences before it in the new revision,
// at their offsets there: the last sentences of an unchanged paragraph, the
// unchanged sentence before it in its own paragraph, the change before it,
// but nothing across a heading; and each change's index is its place among
// the revision's sentences.
func TestNewsSinceGivesWhatComesBefore(t *testing.T) {
	old := "Floods\n\nThe river rose overnight. The governor arrived at noon. She spoke to reporters.\n\n" +
		"He said 12 people were killed.\n\nUpdate\n\nIt rained again.\n\nRescue teams are on their way. They left at dawn."
	new := "Floods\n\nThe river rose overnight. The governor arrived at noon. She spoke to reporters.\n\n" +
		"He said 48 people were killed.\n\nUpdate\n\nIt rained again and again.\n\nRescue teams are on their way. They left at six."
	res, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string][]string{}
	sents := text.Sentences(new)
	for _, c := range service.NewsSince(res) {
		if c.Index >= len(sents) || sents[c.Index].Text != c.Text {
			t.Errorf("%q has index %d, which is not its place among the revision's sentences", c.Text, c.Index)
		}
		var texts []string
		for _, b := range c.Before {
			if new[b.Start:b.End] != b.Text {
				t.Errorf("context %q of %q is at %d-%d, which holds %q", b.Text, c.Text, b.Start, b.End, new[b.Start:b.End])
			}
			texts = append(texts, b.Text)
		}
		before[c.Text] = texts
	}
	want := map[string][]string{
		"He said 48 people were killed.": {"The governor arrived at noon.", "She spoke to reporters."},
		"It rained again and again.":     nil,
		"They left at six.":              {"It rained again and again.", "Rescue teams are on their way."},
	}
	if len(before) != len(want) {
		t.Fatalf("got changes %q, want %q", before, want)
	}
	for text, w := range want {
		if g, ok := before[text]; !ok || !equal(g, w) {
			t.Errorf("%q: got before %q, want %q", text, g, w)
		}
	}
	sum, err := summarize.Changes(service.NewsSince(res), summarize.Options{Ratio: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sum.Sentences {
		// "She spoke…" leans on "The governor arrived…" in turn.
		if s.Text == "He said 48 people were killed." && (len(s.Context) != 2 || s.Context[1].Text != "She spoke to reporters.") {
			t.Errorf("the new death toll comes with %+v, want the two sentences it leans on", s.Context)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
