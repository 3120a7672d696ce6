package diff

import (
	"math/rand"
	"slices"
	"testing"
)

// TestMinusScanCounts checks that minus for few values, which compares
// keys one by one, gives what counting them in maps gives.
func TestMinusScanCounts(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	keys := []string{"", "1", "2", "30", "30000", "1.5"}
	items := func(n int) []keyed {
		xs := make([]keyed, n)
		for k := range xs {
			xs[k] = keyed{text: keys[rng.Intn(len(keys))] + "!", key: keys[rng.Intn(len(keys))]}
			if rng.Intn(3) == 0 {
				xs[k].alt = keys[1+rng.Intn(len(keys)-1)]
			}
		}
		return xs
	}
	for range 20000 {
		a, b := items(rng.Intn(7)), items(rng.Intn(minusScanMax+1))
		got, want := minusScan(slices.Clone(a), b), minusCount(slices.Clone(a), b)
		if !slices.Equal(got, want) {
			t.Fatalf("minus(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}
