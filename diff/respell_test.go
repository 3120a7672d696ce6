package diff_test

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/redline-news/redline/diff"
)

// TestRespellingIsNoChange: a text respelt in another Unicode
// normalization (a letter and a combining accent for a precomposed one)
// changes no word and flags no fact, while the ops still rebuild each
// text byte for byte and the words really changed beside it still count.
func TestRespellingIsNoChange(t *testing.T) {
	nfc := "Le café est fermé depuis trois jours, a précisé le maire.\n\n« Nous rouvrirons l’été prochain », a déclaré José Pérez.\n\nRectificatif : le café a fermé en 2024."
	nfd := norm.NFD.String(nfc)
	if nfd == nfc {
		t.Fatal("the NFD text is the NFC one: the test proves nothing")
	}
	tests := []struct {
		name, old, new string
		added, removed int
		facts          string
	}{
		{"precomposed to combining", nfc, nfd, 0, 0, ""},
		{"combining to precomposed", nfd, nfc, 0, 0, ""},
		{"one word", "Le café est fermé.", "Le cafe\u0301 est fermé.", 0, 0, ""},
		{"angstrom sign", "The gap is 5 \u212B wide.", "The gap is 5 \u00C5 wide.", 0, 0, ""},
		{"hangul jamo", "서울에 비가 왔다.", norm.NFD.String("서울에 비가 왔다."), 0, 0, ""},
		{"respelt beside an edit", "Le café noir est fermé.", "Le cafe\u0301 blanc est fermé.", 1, 1, ""},
		{"respelt beside a number", nfc, strings.Replace(nfd, "trois", "cinq", 1), 1, 1, "number changed trois→cinq"},
		{"respelt quote beside a speaker", "« Nous rouvrirons l’été prochain », a déclaré José Pérez.",
			norm.NFD.String("« Nous rouvrirons l’été prochain », a déclaré José Pérez."), 0, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			if r.Stats.WordsAdded != tc.added || r.Stats.WordsRemoved != tc.removed {
				t.Errorf("got words +%d -%d, want +%d -%d", r.Stats.WordsAdded, r.Stats.WordsRemoved, tc.added, tc.removed)
			}
			var got []string
			for _, f := range r.Facts {
				got = append(got, string(f.Kind)+" "+string(f.Change)+" "+f.Old+"→"+f.New)
			}
			if g := strings.Join(got, "; "); g != tc.facts {
				t.Errorf("got facts %q, want %q", g, tc.facts)
			}
			ops, err := diff.Words(tc.old, tc.new, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if st := diff.OpStats(ops); st.WordsAdded != tc.added || st.WordsRemoved != tc.removed {
				t.Errorf("OpStats: got words +%d -%d, want +%d -%d", st.WordsAdded, st.WordsRemoved, tc.added, tc.removed)
			}
			st, err := diff.CompareStats(tc.old, tc.new, diff.Options{}, diff.NewSplitCache(1<<20))
			if err != nil {
				t.Fatal(err)
			}
			if st != r.Stats {
				t.Errorf("CompareStats = %+v, want Compare's %+v", st, r.Stats)
			}
		})
	}
}

// TestRespellingRendersUnchanged: the text, HTML and side-by-side
// renderings show a respelt word as unchanged, each side as its own text
// writes it, while a real edit beside it is still marked.
func TestRespellingRendersUnchanged(t *testing.T) {
	old, new := "Le café noir est fermé.", "Le cafe\u0301 blanc est fermé."
	r := compareChecked(t, old, new)
	text := r.Text(diff.RenderOptions{})
	if strings.Contains(text, "[-café-]") || !strings.Contains(text, "cafe\u0301") || !strings.Contains(text, "[-noir-]{+blanc+}") {
		t.Errorf("text: got %q, want the respelt word unmarked and noir → blanc marked", text)
	}
	h := r.HTML(diff.RenderOptions{})
	if strings.Contains(h, "café</del>") || strings.Contains(h, "cafe\u0301</ins>") || !strings.Contains(h, "noir</del>") {
		t.Errorf("HTML: got %q, want the respelt word unmarked and noir marked", h)
	}
	side := r.SideBySideHTML(diff.RenderOptions{})
	if strings.Contains(side, "café</del>") || strings.Contains(side, "cafe\u0301</ins>") || !strings.Contains(side, "Le café") || !strings.Contains(side, "Le cafe\u0301") {
		t.Errorf("side by side: got %q, want each side's own spelling, unmarked", side)
	}
}

// TestRespeltSentenceIsUnchanged: a sentence only respelt in another
// normalization is unchanged in the sentence changes and their counts,
// while a sentence with a real edit beside it is edited.
func TestRespeltSentenceIsUnchanged(t *testing.T) {
	old := "Le café est fermé depuis trois jours.\n\nLe maire a précisé la date."
	new := "Le cafe\u0301 est ferme\u0301 depuis cinq jours.\n\nLe maire a pre\u0301cise\u0301 la date."
	r := compareChecked(t, old, new)
	if r.Stats.SentencesEdited != 1 {
		t.Errorf("got %d sentences edited, want 1 (the one whose number changed)", r.Stats.SentencesEdited)
	}
	for _, s := range r.Sentences {
		if strings.HasPrefix(s.Text, "Le maire") && s.Status != diff.Unchanged {
			t.Errorf("got the respelt sentence %s, want unchanged", s.Status)
		}
	}
}
