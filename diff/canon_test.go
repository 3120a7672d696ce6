package diff

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestIsNFCAsQuickCheck checks the ASCII skipping of isNFC against the
// quick check over the whole string, a mark right after the ASCII
// included.
func TestIsNFCAsQuickCheck(t *testing.T) {
	for _, s := range []string{"", "plain ascii text of some length", "cafe\u0301", "12345678cafe\u0301", "café", "\u0301",
		"abcdefgh\u0301", "Å", "\u212B", norm.NFD.String("서울"), "서울", "x\u0323\u0307", "x\u0307\u0323"} {
		if got, want := isNFC(s), norm.NFC.QuickSpanString(s) == len(s); got != want {
			t.Errorf("isNFC(%q) = %v, want %v", s, got, want)
		}
	}
}
