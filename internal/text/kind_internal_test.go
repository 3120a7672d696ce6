package text

import (
	"math/rand/v2"
	"testing"
)

// TestContainsFold checks containsFold against a test at every offset, on
// random mixes of the letters of the subject in either case.
func TestContainsFold(t *testing.T) {
	subs := []string{"click here", "reporting by", "(left)", ", left,", "(à gauche)", "by", "x", ""}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, sub := range subs {
		alphabet := []byte(sub + "CLICKHEREBY(x ")
		for range 3000 {
			b := make([]byte, rng.IntN(30))
			for i := range b {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
			if rng.IntN(3) == 0 && len(b) >= len(sub) {
				copy(b[rng.IntN(len(b)-len(sub)+1):], sub)
			}
			s := string(b)
			want := false
			for i := 0; i+len(sub) <= len(s); i++ {
				want = want || hasPrefixFold(s[i:], sub)
			}
			if got := containsFold(s, sub); got != want {
				t.Fatalf("containsFold(%q, %q): got %v, want %v", s, sub, got, want)
			}
		}
	}
}
