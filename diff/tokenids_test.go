package diff

import (
	"math/rand"
	"strconv"
	"testing"
)

// TestTokenIDsAsIntern checks the token table against intern's map: the
// same rune for every token, through growth, past the surrogates, and
// after the table is emptied for another comparison.
func TestTokenIDsAsIntern(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	var ids tokenIDs
	for round, n := range []int{10, 3000, 70_000} {
		if round == 0 {
			ids.makeRoom(4)
		} else {
			clear(ids.slots)
			ids.n = 0
		}
		want := map[string]rune{}
		for k := 0; k < 3*n; k++ {
			s := strconv.Itoa(rng.Intn(n))
			if got, w := ids.intern(s), intern(want, s); got != w {
				t.Fatalf("round %d, token %q: got rune %d, want %d", round, s, got, w)
			}
		}
		if ids.n != len(want) {
			t.Errorf("round %d: %d tokens, want %d", round, ids.n, len(want))
		}
	}
}
