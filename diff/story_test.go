package diff_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/diff"
)

// floodStory returns six revisions of one developing story: a timestamp
// line, a toll that grows, paragraphs added above others, two paragraphs
// that swap places while one is edited, a correction and a negation.
func floodStory(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/flood-story.json")
	if err != nil {
		t.Fatal(err)
	}
	var revs []string
	if err := json.Unmarshal(b, &revs); err != nil {
		t.Fatal(err)
	}
	return revs
}

func TestStoryAcrossRevisions(t *testing.T) {
	revs := floodStory(t)
	tests := []struct {
		name     string
		from, to int      // 1-based revisions
		moved    int      // -1: either reading is right (the mayor's quote was rewritten)
		wantText []string // pieces the text form must hold
	}{
		{"1→2 lines added around", 1, 2, 0, []string{"{+Updated: 6:34 p.m.+}\n\nFlood"}},
		{"1→3 shifted, not moved", 1, 3, 0, []string{"At least [-35-]{+50+} people"}},
		{"3→4 moved and edited", 3, 4, 2, []string{"{~1 The army", "Rescue teams checked homes every [-30-]{+20+} minutes.~}"}},
		{"1→4 moved across revisions", 1, 4, 1, []string{"every [-30-]{+20+} minutes"}},
		{"1→6 whole story", 1, 6, -1, []string{"every [-30-]{+20+} minutes", "At least [-35-]{+52+} people"}},
		{"5→6 no move", 5, 6, 0, []string{"on [-Tuesday-]{+Wednesday+} morning"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old, new := revs[tc.from-1], revs[tc.to-1]
			r := compareChecked(t, old, new)
			if msg := sentenceProblems(r); msg != "" {
				t.Fatal(msg)
			}
			if tc.moved >= 0 && r.Stats.SentencesMoved != tc.moved {
				t.Errorf("got %d moved sentences, want %d: %+v", r.Stats.SentencesMoved, tc.moved, r.Sentences)
			}
			got := r.Text(diff.RenderOptions{})
			for _, w := range tc.wantText {
				if !strings.Contains(got, w) {
					t.Errorf("got text\n%s\nwant it to contain %q", got, w)
				}
			}
		})
	}
}

func TestShiftedTextIsNotMoved(t *testing.T) {
	p := []string{"The council met on Monday to discuss the budget for next year.",
		"Schools will receive more money for teachers and new buildings.",
		"The mayor said the city would borrow less than it did last year.",
		"Residents can comment on the plan until the end of the month."}
	tests := []struct{ name, old, new string }{
		{"paragraph added above", article(p...), article(append([]string{"A new opening paragraph was written today."}, p...)...)},
		{"paragraph removed above", article(p...), article(p[1:]...)},
		{"paragraphs added and removed around", article(p...), article("Breaking: a new top.", p[1], p[2], "A new end paragraph.")},
		{"sentence added before in the paragraph", strings.Join(p, " "), "First came this. " + strings.Join(p, " ")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			if r.Stats.SentencesMoved != 0 || r.Stats.WordsMoved != 0 {
				t.Errorf("got %d sentences and %d words moved, want none", r.Stats.SentencesMoved, r.Stats.WordsMoved)
			}
			for _, op := range r.Ops {
				if op.Move != 0 {
					t.Errorf("got op %+v numbered as a move", op)
				}
			}
		})
	}
}

func TestMovedAndEditedRendersAtDestination(t *testing.T) {
	revs := floodStory(t)
	r := compareChecked(t, revs[0], revs[3]) // the rescue paragraph moved below the mayor's and changed 30 to 20
	html := r.HTML(diff.RenderOptions{})
	want := `<span class="rl-moved" data-move="1" data-from="3"><span class="rl-sr">moved from paragraph 3: </span>Rescue teams checked homes every ` +
		`<del class="rl-del"><span class="rl-sr">removed: </span>30</del><span class="rl-sep"> </span>` +
		`<ins class="rl-ins"><span class="rl-sr">added: </span>20</ins> minutes.</span>`
	if !strings.Contains(html, want) {
		t.Errorf("got inline HTML\n%s\nwant it to contain\n%s", html, want)
	}
	if !strings.Contains(html, `<del class="rl-del rl-moved" data-move="1" data-to="6"><span class="rl-sr">moved to paragraph 6: </span>Rescue teams checked homes every 30 minutes.`) {
		t.Errorf("got inline HTML\n%s\nwant the old place marked as moved", html)
	}
	side := r.SideBySideHTML(diff.RenderOptions{})
	row := `<tr class="rl-moved rl-para" data-from="3"><td class="rl-old"><span class="rl-moved-note">moved from ¶3</span> Rescue teams checked homes every <del class="rl-del"><span class="rl-sr">removed: </span>30</del> minutes.</td>` +
		`<td class="rl-new">Rescue teams checked homes every <ins class="rl-ins"><span class="rl-sr">added: </span>20</ins> minutes. ` +
		`<span class="rl-facts"><span class="rl-fact" data-kind="number" data-change="changed">number: 30 → 20</span></span></td></tr>`
	if !strings.Contains(side, row) {
		t.Errorf("got side by side\n%s\nwant the moved sentence on one row with its edits:\n%s", side, row)
	}
}
