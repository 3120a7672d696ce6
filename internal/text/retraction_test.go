package text_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/text"
)

// TestRetractionWords checks the words a figure taken back follows: each
// language's ways of putting one figure in another's place are there,
// every word is lower case and listed once, and the slices are the
// caller's.
func TestRetractionWords(t *testing.T) {
	words, links := text.RetractionWords(), text.RetractionLinks()
	tests := []struct {
		lang  string
		words []string
		links []string
	}{
		{"en", []string{"not", "instead of"}, []string{"to"}},
		{"fr", []string{"non", "non pas", "au lieu de"}, []string{"à", "de"}},
		{"de", []string{"nicht", "statt", "anstatt"}, []string{"zu"}},
		{"es", []string{", no", "en lugar de", "en vez de"}, []string{"a", "de"}},
		{"it", []string{"non", "anziché", "invece di"}, []string{"a", "di"}},
		{"pt", []string{"não", "em vez de", "em lugar de"}, []string{"a", "de"}},
		{"nl", []string{"niet", "in plaats van"}, []string{"tot", "van", "op"}},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			for _, w := range tc.words {
				if !slices.Contains(words, w) {
					t.Errorf("got no %q among %q", w, words)
				}
			}
			for _, l := range tc.links {
				if !slices.Contains(links, l) {
					t.Errorf("got no link %q among %q", l, links)
				}
			}
		})
	}
	for _, list := range [][]string{words, links} {
		seen := map[string]bool{}
		for _, w := range list {
			if w == "" || strings.ToLower(w) != w || strings.TrimSpace(w) != w || seen[w] {
				t.Errorf("got bad or repeated word %q", w)
			}
			seen[w] = true
		}
	}
	words[0] = "changed"
	if text.RetractionWords()[0] == "changed" {
		t.Error("RetractionWords returns its own slice")
	}
}
