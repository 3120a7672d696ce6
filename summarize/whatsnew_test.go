package summarize_test

import (
	"testing"

	"github.com/redline-news/redline/summarize"
)

// update is a developing story's changes since the last newsletter: a new
// death toll (a changed number), a copy edit, an added sentence and a
// correction notice in two sentences.
var update = []summarize.Change{
	{Index: 0, Text: "At least 12 people died in the floods on Monday, officials said.", OldText: "At least 5 people died in the floods on Monday, officials said.", Facts: []string{"number"}},
	{Index: 2, Text: "Its rivers burst their banks after three days of rain.", OldText: "It's rivers burst their banks after three days of rain."},
	{Index: 4, Text: "Rescue teams from three regions are searching the valley for survivors.", OldText: ""},
	{Index: 6, Text: "Correction: an earlier version of this story misnamed the river.", Facts: []string{"correction"}},
	{Index: 7, Text: "It is the Severn, not the Wye."},
}

func TestChanges(t *testing.T) {
	tests := []struct {
		name      string
		opts      summarize.Options
		wantIndex []int
		wantWhy   []string
	}{
		{"most important change", summarize.Options{Sentences: 1}, []int{0}, []string{"fact"}},
		{"correction whole", summarize.Options{Sentences: 2}, []int{0, 6, 7}, []string{"fact", "fact", "added"}},
		{"default", summarize.Options{}, []int{0, 4, 6, 7}, []string{"fact", "added", "fact", "added"}},
		{"everything new", summarize.Options{Ratio: 1}, []int{0, 4, 6, 7}, []string{"fact", "added", "fact", "added"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum, err := summarize.Changes(update, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var idx []int
			var why []string
			for _, s := range sum.Sentences {
				idx, why = append(idx, s.Index), append(why, s.Why)
			}
			if !equalInts(idx, tc.wantIndex) || !equalStrings(why, tc.wantWhy) {
				t.Errorf("got sentences %v (%v), want %v (%v)", idx, why, tc.wantIndex, tc.wantWhy)
			}
		})
	}
}

func TestCopyEditIsNotNews(t *testing.T) {
	sum, err := summarize.Changes(update[1:2], summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Sentences) != 0 {
		t.Errorf("got %d sentences for a one-word copy edit, want none", len(sum.Sentences))
	}
}

func equalInts(a, b []int) bool {
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

func equalStrings(a, b []string) bool {
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

// A change that leans on the change before it comes with it, and a
// correction notice ranks as a notice even when its second sentence holds
// a changed date: the new death toll stays the most important change.
func TestChangesKeepWhatTheyLeanOn(t *testing.T) {
	story := []summarize.Change{
		{Index: 1, Text: "At least 48 people were killed, the governor said.", OldText: "At least 12 people were killed, the governor said.", Facts: []string{"number"}},
		{Index: 3, Text: "Rescue teams were searching the port.", OldText: "Rescue teams are searching the port."},
		{Index: 6, Text: "Correction: an earlier version of this story said the quake struck on Sunday.", Facts: []string{"correction", "date"}},
		{Index: 7, Text: "It struck on Monday.", Facts: []string{"date"}},
		{Index: 9, Text: "The minister visited the valley on Tuesday."},
		{Index: 10, Text: "She said \"the dam will hold\" through the winter.", Facts: []string{"quote"}},
	}
	tests := []struct {
		opts      summarize.Options
		wantIndex []int
	}{
		{summarize.Options{Sentences: 1}, []int{1}},
		{summarize.Options{Sentences: 2}, []int{1, 9, 10}},
		{summarize.Options{Sentences: 3}, []int{1, 6, 7, 9, 10}},
		{summarize.Options{Ratio: 1}, []int{1, 6, 7, 9, 10}},
	}
	for _, tc := range tests {
		sum, err := summarize.Changes(story, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		var idx []int
		for _, s := range sum.Sentences {
			idx = append(idx, s.Index)
		}
		if !equalInts(idx, tc.wantIndex) {
			t.Errorf("%+v: got sentences %v, want %v", tc.opts, idx, tc.wantIndex)
		}
	}
}
