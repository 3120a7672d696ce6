package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
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

// TestDateWordsFitTheBuffer checks that isDateWord's buffer holds every
// date word, and that it finds each whatever its case.
func TestDateWordsFitTheBuffer(t *testing.T) {
	for w := range dateWords {
		if len(w) > 16 {
			t.Errorf("date word %q: got %d bytes, want at most 16", w, len(w))
		}
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if !isDateWord(form) {
				t.Errorf("isDateWord(%q): got false, want true", form)
			}
		}
	}
	for _, w := range []string{"budget", "Mondays", "MÄRZEN", ""} {
		if isDateWord(w) {
			t.Errorf("isDateWord(%q): got true, want false", w)
		}
	}
}

// TestChangesInUpperCase checks changesInUpperCase against strings.ToUpper.
func TestChangesInUpperCase(t *testing.T) {
	for _, s := range []string{"", "LONDON", "London", "WASHINGTON, D.C.", "MÜNCHEN", "München", "STRAßE", "ΑΘΗΝΑ", "Αθήνα", "東京", "\xff", "A\xc3", "\uFFFD", "ǅ"} {
		want := strings.ToUpper(s) != s
		if got := changesInUpperCase(s); got != want {
			t.Errorf("changesInUpperCase(%q): got %v, want %v", s, got, want)
		}
	}
}

// TestWordCountCountsRuns checks wordCount, which skips runs of ASCII
// bytes in loops of their own, against a count of the runs of letters and
// digits rune by rune, at every limit, in texts that mix ASCII and other
// letters inside and between words.
func TestWordCountCountsRuns(t *testing.T) {
	runs := func(s string, limit int) int {
		n, in := 0, false
		for _, r := range s {
			w := unicode.IsLetter(r) || unicode.IsDigit(r)
			if w && !in {
				if n++; n >= limit {
					return n
				}
			}
			in = w
		}
		return n
	}
	for _, s := range []string{
		"", " ", "a", "The river rose 35 centimetres overnight.",
		"naïve café—über, 2026年 漢字mixedテキスト", "éa aé a-é é-a ——a", "Привет, мир! x",
		"snake_case and under_scores", "a\xffb \xff c", "  leading and trailing  ",
	} {
		for limit := 1; limit <= 12; limit++ {
			if got, want := wordCount(s, limit), runs(s, limit); got != want {
				t.Errorf("wordCount(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}
