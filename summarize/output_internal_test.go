package summarize

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestInsertRanksAsStableSort checks the top-phrase selection against a
// stable sort, ties included.
func TestInsertRanksAsStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var p phrases
		n := rng.IntN(40)
		for range n {
			p.list = append(p.list, phrase{score: float64(rng.IntN(6))})
		}
		limit := 1 + rng.IntN(12)
		for k := range p.list {
			if len(p.top) < limit || p.list[k].score > p.list[p.top[len(p.top)-1]].score {
				p.insert(int32(k), limit)
			}
		}
		want := make([]int32, n)
		for k := range want {
			want[k] = int32(k)
		}
		sort.SliceStable(want, func(i, j int) bool { return p.list[want[i]].score > p.list[want[j]].score })
		want = want[:min(limit, n)]
		if !slices.Equal(p.top, want) {
			t.Fatalf("round %d: got %v, want %v", round, p.top, want)
		}
	}
}
