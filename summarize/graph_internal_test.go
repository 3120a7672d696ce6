package summarize

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/text"
)

// TestShortTextsLinkEveryPair checks that texts as long as those the
// learned scorer was fitted on (248 sentences at most) keep their complete
// graph and the fixed PageRank tolerance, so that their features mean what
// they meant in training.
func TestShortTextsLinkEveryPair(t *testing.T) {
	for _, n := range []int{1, 3, 100, 248, 256} {
		if w := window(n); w < n-1 {
			t.Errorf("window(%d) = %d, want at least %d: every pair linked", n, w, n-1)
		}
		if tol := tolerance(n); tol != 1e-6 {
			t.Errorf("tolerance(%d) = %g, want 1e-6", n, tol)
		}
	}
}

// TestLongTextGraphIsBounded checks that the graph of a long text grows
// linearly: 50,000 sentences, each similar to every other, get at most
// 2·minWindow links each.
func TestLongTextGraphIsBounded(t *testing.T) {
	src := strings.Repeat("Word. ", 50_000)
	sents := text.Sentences(src)
	var a analysis
	var g graphScratch
	a.analyze(src, "en", "", sents, &g)
	if n := len(a.sents); n != 50_000 {
		t.Fatalf("got %d sentences, want 50,000", n)
	}
	if got, limit := len(a.edges), 2*minWindow*len(a.sents); got > limit {
		t.Errorf("got %d links, want at most %d", got, limit)
	}
	for _, n := range []int{1_000, 10_000, 1_000_000} {
		if w := window(n); w*n > 2*graphPairs && w != minWindow {
			t.Errorf("window(%d) = %d: %d pairs, over the bound", n, w, w*n)
		}
	}
}
