package diff

import (
	"math/rand"
	"strings"
	"testing"
)

func TestLastNewline(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	alphabet := []byte("ab\n\x0a\x0b\x09\xe2\x80\xa8 \x00\xff")
	for n := range 200 {
		for range 20 {
			b := make([]byte, n)
			for k := range b {
				if rng.Intn(n+1) == 0 { // line breaks few and far between
					b[k] = alphabet[rng.Intn(len(alphabet))]
				} else {
					b[k] = "xyz \t"[rng.Intn(5)]
				}
			}
			s := string(b)
			if got, want := lastNewline(s), strings.LastIndexByte(s, '\n'); got != want {
				t.Fatalf("lastNewline(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func FuzzLastNewline(f *testing.F) {
	f.Add("one\ntwo")
	f.Add(strings.Repeat("x", 40) + "\n" + strings.Repeat("y", 17))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastNewline(s), strings.LastIndexByte(s, '\n'); got != want {
			t.Fatalf("lastNewline(%q) = %d, want %d", s, got, want)
		}
	})
}
