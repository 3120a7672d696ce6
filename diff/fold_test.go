package diff_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/diff"
)

// sevenParagraphs is a text of seven paragraphs in which the first and the
// fifth change: with a paragraph of context, one paragraph (C) stands
// between the two changes' context and one (G) after the last.
func sevenParagraphs(t *testing.T) *diff.Result {
	t.Helper()
	var paras []string
	for i := range 7 {
		paras = append(paras, "Paragraph "+string(rune('A'+i))+" stays as it was.")
	}
	old := strings.Join(paras, "\n\n")
	paras[0], paras[4] = "Paragraph A was rewritten.", "Paragraph E was rewritten."
	return compare(t, old, strings.Join(paras, "\n\n"))
}

func TestMinSkipKeepsShortStretches(t *testing.T) {
	r := sevenParagraphs(t)
	for _, tc := range []struct {
		name    string
		minSkip int
		markers int
	}{{"every stretch collapses", 0, 2}, {"one is as git", 1, 2}, {"one paragraph is no marker", 2, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			opts := diff.RenderOptions{Context: 1, MinSkip: tc.minSkip}
			html := r.HTML(opts)
			if got := strings.Count(html, `class="rl-skip"`); got != tc.markers {
				t.Errorf("inline markers: got %d, want %d in %q", got, tc.markers, html)
			}
			if got := len(r.Folds(opts)); got != tc.markers {
				t.Errorf("folds: got %d, want %d, as the markers", got, tc.markers)
			}
			if tc.markers == 0 && !strings.Contains(html, "Paragraph C stays") {
				t.Errorf("the paragraph between the changes is not shown: %q", html)
			}
		})
	}
	// Side by side, a run of one sentence is kept at 2 and collapsed at 1.
	for _, tc := range []struct{ minSkip, markers int }{{1, 2}, {2, 0}} {
		html := r.SideBySideHTML(diff.RenderOptions{Context: 1, MinSkip: tc.minSkip})
		if got := strings.Count(html, `<tr class="rl-skip">`); got != tc.markers {
			t.Errorf("side by side, MinSkip %d: %d markers, want %d in %q", tc.minSkip, got, tc.markers, html)
		}
		if got := len(r.SideBySideFolds(diff.RenderOptions{Context: 1, MinSkip: tc.minSkip})); got != tc.markers {
			t.Errorf("side by side, MinSkip %d: %d folds, want %d, as the markers", tc.minSkip, got, tc.markers)
		}
	}
}

func TestFoldsCountWhatMarkersHide(t *testing.T) {
	var paras []string
	for i := range 9 {
		paras = append(paras, "Paragraph "+string(rune('A'+i))+" stays.")
	}
	old := strings.Join(paras, "\n\n") + "\n"
	paras[4] = "Paragraph E changed."
	r := compare(t, old, strings.Join(paras, "\n\n")+"\n")
	// A, B, C before D (context) and G, H, I after F: three paragraphs of
	// three words each behind each marker.
	want := []diff.Fold{{Count: 3, Words: 9}, {Count: 3, Words: 9}}
	if got := r.Folds(diff.RenderOptions{Context: 1, MinSkip: 2}); !reflect.DeepEqual(got, want) {
		t.Errorf("folds: got %+v, want %+v", got, want)
	}
	if got := r.Folds(diff.RenderOptions{Context: 1, MinSkip: 4}); got != nil {
		t.Errorf("folds of stretches shorter than MinSkip: got %+v, want none", got)
	}
	// Side by side, the sentences A–C and G–I, one a paragraph.
	if got := r.SideBySideFolds(diff.RenderOptions{Context: 1, MinSkip: 2}); !reflect.DeepEqual(got, want) {
		t.Errorf("side by side folds: got %+v, want %+v", got, want)
	}
	if got := r.Folds(diff.RenderOptions{}); got != nil {
		t.Errorf("folds without context: got %+v, want none", got)
	}
	// A text of one paragraph has nothing to fold: the line a change is
	// in is shown whole.
	one := compare(t, strings.Repeat("Long unchanged sentence here. ", 200)+"A number: 4.", strings.Repeat("Long unchanged sentence here. ", 200)+"A number: 5.")
	if got := one.Folds(diff.RenderOptions{Context: 1, MinSkip: 2}); got != nil {
		t.Errorf("one paragraph: got folds %+v, want none", got)
	}
}

// TestMarkersSayParagraphsOrLines: an inline marker counts paragraphs when
// each line it hides is a paragraph of its own, and lines when some of
// them run on without a blank line between them.
func TestMarkersSayParagraphsOrLines(t *testing.T) {
	for _, tc := range []struct{ name, sep, want string }{
		{"paragraphs", "\n\n", `<span class="rl-skip">3 unchanged paragraphs</span>`},
		{"lines", "\n", `<span class="rl-skip">3 unchanged lines</span>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old := strings.Join([]string{"A stays.", "B stays.", "C stays.", "D stays.", "E is old."}, tc.sep)
			r := compare(t, old, strings.Replace(old, "E is old.", "E is new.", 1))
			for _, findable := range []bool{false, true} {
				if got := r.HTML(diff.RenderOptions{Context: 1, Findable: findable}); !strings.Contains(got, tc.want) {
					t.Errorf("findable %v: got %q, want a marker %q", findable, got, tc.want)
				}
			}
		})
	}
}
