package diff

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
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
	// Long runs of ASCII, past the 127 rounds of 16 bytes after which
	// CountWords sums its byte counters.
	for k := 0; k < 200; k++ {
		b := make([]byte, rng.Intn(6000))
		for i := range b {
			b[i] = alpha[rng.Intn(len(alpha))]
		}
		if got, want := CountWords(string(b)), slowCount(string(b)); got != want {
			t.Fatalf("%d bytes: got %d want %d", len(b), got, want)
		}
	}
	for c := 0; c < 128; c++ {
		s := "xxxxxxx" + string(rune(c)) + "xxxxxxxx"
		if got, want := CountWords(s), slowCount(s); got != want {
			t.Fatalf("byte %d: got %d want %d", c, got, want)
		}
	}
}

// countByTokens counts the words of s token by token.
func countByTokens(s string) int {
	n := 0
	for _, t := range tokenize(s, 0, nil) {
		n += CountWords(s[t.start:t.end])
	}
	return n
}

// TestCountWordsAddsUpOverTokens checks that CountWords gives a text the sum
// of the counts of its tokens, which the stats rely on: a Tangut letter
// before a digit is two tokens, so two words, as is an ideograph.
func TestCountWordsAddsUpOverTokens(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"𗑨0", 2}, // Tangut, found by fuzzing
		{"0𗑨", 2},
		{"𗑨𗑨", 2},
		{"a𛅰", 2},     // Nüshu
		{"𘬀0", 2},     // Khitan small script
		{"北京2008", 3}, // Han
		{"ᥐa", 2},     // Tai Le
		{"abc 123", 2},
		{"ꀀ0", 1}, // Yi letters join digits, as Latin ones do
	}
	for _, c := range cases {
		if got := CountWords(c.in); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.in, got, c.want)
		}
		if got := countByTokens(c.in); got != CountWords(c.in) {
			t.Errorf("%q: tokens count %d words, CountWords %d", c.in, got, CountWords(c.in))
		}
	}
	if testing.Short() {
		return
	}
	// Every letter, digit and mark beside a Latin letter, a digit, itself,
	// a Hebrew letter and a katakana.
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			continue
		}
		c := string(r)
		for _, s := range []string{c + "0", "0" + c, c + "a", "a" + c, c + c, c + "א", c + "カ"} {
			if got, want := countByTokens(s), CountWords(s); got != want {
				t.Fatalf("%q (%U): tokens count %d words, CountWords %d", s, r, got, want)
			}
		}
	}
}

// TestTokenizeNonSpaceAsFilter checks tokenizeNonSpace against dropping
// the white space from tokenize's tokens, on random strings with joiners,
// emoji and spaces of several kinds.
func TestTokenizeNonSpaceAsFilter(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	parts := []string{"a", "word", " ", "  ", "\t", "\n", "\u00a0", "\u200d", "👨", "👩", "🇫🇷", "e\u0301", ",", "-", "1.5", "北京", "'"}
	for k := 0; k < 50_000; k++ {
		s := ""
		for n := rng.Intn(10); n > 0; n-- {
			s += parts[rng.Intn(len(parts))]
		}
		var want []token
		for _, tk := range tokenize(s, 3, nil) {
			if tk.kind != kindSpace {
				want = append(want, tk)
			}
		}
		if got := tokenizeNonSpace(s, 3, nil); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	}
}

// TestGeneralPunctuationIsNoWord checks the shortcut CountWords takes for
// U+2000 to U+203F against runeWord.
func TestGeneralPunctuationIsNoWord(t *testing.T) {
	for r := rune(0x2000); r <= 0x203F; r++ {
		for _, in := range []bool{false, true} {
			if starts, inWord := runeWord(r, in); starts != 0 || inWord != 0 {
				t.Errorf("runeWord(%U, %v) = %d, %d; want 0, 0", r, in, starts, inWord)
			}
		}
		if got := CountWords("a" + string(r) + "b"); got != 2 {
			t.Errorf("CountWords(a%cb) = %d, want 2", r, got)
		}
	}
}

// segmenterTokens is tokenize as the segmenter alone gives it, token by
// token from the iterator: the yardstick for asciiToken.
func segmenterTokens(s string) []token {
	var out []token
	it := joinedWords
	it.SetText(s)
	glue := false
	for it.Next() {
		v := it.Value()
		if glue {
			out[len(out)-1].end = it.End()
		} else {
			out = append(out, token{start: it.Start(), end: it.End(), kind: classify(v)})
		}
		glue = strings.HasSuffix(v, zwj)
	}
	return out
}

// TestTokenizeAsSegmenter checks that the tokens tokenize finds from ASCII
// bytes are the segmenter's: on random strings of every ASCII byte mixed
// with letters, marks, joiners, spaces and punctuation outside ASCII, and
// on the dev revision pairs when they are there.
func TestTokenizeAsSegmenter(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var parts []string
	for b := range 128 {
		parts = append(parts, string(rune(b)))
	}
	parts = append(parts, "word", "42", "  ", "\r\n", "é", "e\u0301", "\u0301", "\u200d", "\u200c", "\u00ad",
		"\u00a0", "\u2009", "\u3000", "’", "“", "—", "‐", "‑", "北京", "カ", "א", "👨", "🇫🇷", "\ufe0f", "·", "٫", "\u2028")
	check := func(s string) {
		t.Helper()
		if got, want := tokenize(s, 0, nil), segmenterTokens(s); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	}
	for k := 0; k < 200_000; k++ {
		var b strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			if rng.Intn(3) == 0 {
				b.WriteString(parts[128+rng.Intn(len(parts)-128)])
			} else {
				b.WriteString(parts[rng.Intn(128)])
			}
		}
		check(b.String())
	}
	if testing.Short() {
		return
	}
	for _, p := range loadPairs(t) {
		check(p.Old)
		check(p.New)
	}
}
