package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNextNotableWordAtATime checks the eight-byte skip of nextNotable
// against a byte-by-byte scan, for every byte value at every place of a
// word and around it.
func TestNextNotableWordAtATime(t *testing.T) {
	for c := range 256 {
		for k := range 20 {
			b := []byte(strings.Repeat("a", 20))
			b[k] = byte(c)
			src := string(b)
			want := len(src)
			for i := range len(src) {
				if notable[src[i]] {
					want = i
					break
				}
			}
			if got := nextNotable(src, 0, len(src)); got != want {
				t.Errorf("byte %#x at %d: got %d, want %d", c, k, got, want)
			}
			if got, want := scriptStop(src, 0, len(src)), -1; got != want {
				t.Errorf("scriptStop, byte %#x at %d: got %d, want %d", c, k, got, want)
			}
		}
	}
}

// TestScriptStopWordAtATime checks that the eight-byte skip of scriptStop
// finds a script stop at every place of a word.
func TestScriptStopWordAtATime(t *testing.T) {
	for k := range 20 {
		src := strings.Repeat("a", k) + "。" + strings.Repeat("b", 10)
		if got, want := scriptStop(src, 0, len(src)), k+len("。"); got != want {
			t.Errorf("stop at %d: got %d, want %d", k, got, want)
		}
	}
}

// TestNextNotableMixed checks nextNotable against a byte-by-byte scan on
// random mixes of plain, notable and non-ASCII bytes, from every offset.
func TestNextNotableMixed(t *testing.T) {
	alphabet := []byte{'a', ' ', '.', '\'', 0x7f, 0x80, 0xff, 0xe2, 0xd1, '-', 'A' ^ 0x7f}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				b[i] = 'a' + byte(rng.IntN(26))
			}
		}
		src := string(b)
		for from := range len(src) {
			want := from
			for want < len(src) && !notable[src[want]] {
				want++
			}
			if got := nextNotable(src, from, len(src)); got != want {
				t.Fatalf("%q from %d: got %d, want %d", src, from, got, want)
			}
		}
	}
}
