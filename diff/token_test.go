package diff

import (
	"math/rand"
	"testing"
)

// slowCount counts ASCII words a byte at a time, as CountWords did before
// it learnt to read 8 bytes at once.
func slowCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := r < 128 && asciiWord[r]
		if r >= 128 {
			w = false
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func TestCountWordsWordAtATime(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alpha := "aZ09_ .,-'\n\x7f@[`{/:"
	for k := 0; k < 20000; k++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			b[i] = alpha[rng.Intn(len(alpha))]
		}
		if got, want := CountWords(string(b)), slowCount(string(b)); got != want {
			t.Fatalf("%q: got %d want %d", b, got, want)
		}
	}
	for c := 0; c < 128; c++ {
		s := "xxxxxxx" + string(rune(c)) + "xxxxxxxx"
		if got, want := CountWords(s), slowCount(s); got != want {
			t.Fatalf("byte %d: got %d want %d", c, got, want)
		}
	}
}
