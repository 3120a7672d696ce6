package summarize

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestByScoreSortsStably checks byScore, which sorts short lists by
// insertion, against slices.SortStableFunc on lists of every length up to
// past insertionSorted, with many ties, and with NaN, where the stable
// sort decides.
func TestByScoreSortsStably(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= insertionSorted+10; n++ {
		for trial := range 20 {
			scores := make([]float64, n)
			for i := range scores {
				scores[i] = float64(rng.IntN(1+n/3)) / 7
				if trial == 19 && rng.IntN(10) == 0 {
					scores[i] = math.NaN()
				}
			}
			want := make([]int, n)
			for i := range want {
				want[i] = i
			}
			slices.SortStableFunc(want, func(p, q int) int { return byScoreDesc(scores[p], scores[q]) })
			if got := byScore(scores, nil); !slices.Equal(got, want) {
				t.Fatalf("byScore(%v) = %v, the stable sort gives %v", scores, got, want)
			}
		}
	}
}
