package diff

import "golang.org/x/text/unicode/norm"

// A text may write an accented letter precomposed ("é", U+00E9) or as a
// letter and a combining mark ("e" and U+0301), as an editor's keyboard
// or a copy and paste chooses; the two are canonically equivalent and
// read the same. The word diff compares words by their NFC form, so that
// such a respelling is no change of words: the ops still carry each
// text's own bytes (a respelt word is a deletion and an insertion, which
// keep both texts exact), the stats count its words as unchanged, and it
// flags no fact.

// isNFC reports whether s is surely in Normalization Form C, as the
// quick check tells without normalizing. ASCII always is, and is skipped
// eight bytes at a time; the check starts at the last ASCII byte before
// the first other one, a starter that a mark after it may combine with.
func isNFC(s string) bool {
	i := 0
	for i+8 <= len(s) && load64(s, i)&highBits == 0 {
		i += 8
	}
	for i < len(s) && s[i] < 0x80 {
		i++
	}
	if i == len(s) {
		return true
	}
	i = max(i-1, 0)
	return norm.NFC.QuickSpanString(s[i:]) == len(s)-i
}

// canonical returns s in Normalization Form C: s itself when it is.
func canonical(s string) string { return norm.NFC.String(s) }

// canonicallyEqual reports whether a and b are the same text once both
// are in Normalization Form C.
func canonicallyEqual(a, b string) bool {
	return a == b || !(isNFC(a) && isNFC(b)) && canonical(a) == canonical(b)
}
