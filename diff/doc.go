// Package diff compares two revisions of a text word by word, the way an
// editor reads a news update: which words were deleted or inserted, which
// sentences were added, edited, removed or moved, and how much changed.
//
// Texts are split into words, white space and punctuation; each distinct
// token becomes one rune so that github.com/sergi/go-diff can run its Myers
// diff on tokens instead of characters. Unchanged lines are aligned first, as
// git does, so the cost grows with the size of the change rather than the
// size of the article. The word diff is then cleaned up at word granularity:
// an edit never cuts a word, and small equalities between two edits are
// merged into them so that "the big red dog" becomes "the small blue dog" as
// one replacement rather than two.
//
// The package is pure: it does no I/O and holds no mutable state, so a
// [Result] can be cached and rendered concurrently.
package diff
