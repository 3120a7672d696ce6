package diff

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/text"
)

// TestNewParagraphsAsScan checks that reusing the paragraphs of the old
// text in the common start and end gives the paragraphs a scan of the
// whole new text finds, on random texts of text lines, blank lines and
// white space, edited at random, for every length of common start and end
// up to the true ones.
func TestNewParagraphsAsScan(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	lines := []string{"Rain fell.\n", "Roads shut\n", "\n", "\n", "  \n", "\t\n", " x\n", "\u00a0\n", "a b", " "}
	gen := func(n int) string {
		var b strings.Builder
		for ; n > 0; n-- {
			b.WriteString(lines[rng.Intn(len(lines))])
		}
		return b.String()
	}
	for k := 0; k < 20_000; k++ {
		pre, suf := gen(rng.Intn(6)), gen(rng.Intn(6))
		old, new := pre+gen(rng.Intn(3))+suf, pre+gen(rng.Intn(3))+suf
		var paras []paragraph
		for _, sp := range text.Paragraphs(old) {
			paras = append(paras, paragraph{start: sp.Start, end: sp.End})
		}
		want := text.Paragraphs(new)
		p := commonPrefix(old, new)
		q := commonSuffix(old[p:], new[p:])
		for _, pq := range [][2]int{{p, q}, {rng.Intn(p + 1), rng.Intn(q + 1)}, {0, 0}} {
			if got := newParagraphs(old, new, paras, pq[0], pq[1]); !slices.Equal(got, want) {
				t.Fatalf("%q → %q, common start %d and end %d: got %v, want %v", old, new, pq[0], pq[1], got, want)
			}
		}
	}
}
