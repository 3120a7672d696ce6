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
// # HTML classes
//
// The HTML renderings carry only these classes, which pages may style; they
// are kept stable:
//
//   - rl-diff: the <div> around an inline diff ([Result.HTML], [HTMLOps]).
//   - rl-del, rl-ins: the <del> of deleted and the <ins> of inserted text.
//   - rl-moved: a moved block, with its move number in data-move; inline it
//     is on the <del> of its old place and the <ins> of its new one, or, if
//     it was edited on the way, on a <span> at its new place that holds the
//     <del> and <ins> of the edit; in the side-by-side table it is on the
//     row where the sentence now stands, which shows its edits. Its new
//     place carries data-from, the number (from 1) of the old text's
//     paragraph it came from, and its old place data-to, the new text's
//     paragraph it went to.
//   - rl-sr: a visually hidden cue inside every <del> ("removed: ") and
//     <ins> ("added: "; "moved to paragraph 7: " and "moved from paragraph
//     3: " for moved text), read by screen readers, for readers who cannot
//     tell the colours apart.
//   - rl-sep: a space put between a deletion and an insertion that would
//     otherwise run together ("400600"), which is in neither text; or the
//     line breaks of a deleted paragraph, kept outside its <del> so that
//     the <del> ends on the paragraph's last line, which are no part of
//     the new text.
//   - rl-skip: a collapsed stretch of unchanged lines (inline, a <span>
//     that counts them as paragraphs when each stands between blank lines)
//     or sentences (side by side, a <tr>).
//   - rl-side-by-side: the <table> of [Result.SideBySideHTML]; rl-old and
//     rl-new are its two columns and cells.
//   - rl-unchanged, rl-edited, rl-added, rl-removed, rl-moved: a side-by-side
//     row, by sentence status; rl-moved-away is the row a moved sentence
//     left, rl-para marks the first row of a new paragraph, and
//     rl-moved-note is the "moved to ¶7" or "moved from ¶3" note in a cell.
//   - rl-hidden: with [RenderOptions.Findable], the hidden <span> after an
//     inline rl-skip marker that holds the text it stands for.
//   - rl-facts, rl-fact: the changed facts ([Fact]), as badges: a <div>
//     of them above an inline diff, a <span> of them after a side-by-side
//     row's text; each badge is a <span class="rl-fact"> with the fact's
//     kind in data-kind and its change in data-change.
//
// # Changed facts
//
// [Compare] also lists the facts that changed ([Result.Facts]): numbers,
// sums of money, percentages, dates and times that differ between the two
// sides of an edited sentence or stand in an added or removed one, direct
// quotations added, removed or changed (with the speaker an attribution
// names), correction notices added, and negations added to or removed from
// an edited sentence. Values compare after normalisation, so "1,000" and
// "1000", "five" and "5", "5 percent" and "5%", "$2.5 million" and "$2.5m"
// are the same; a timestamp line, a reordered paragraph and an edit of
// punctuation, case or white space give no fact, nor does a number that
// is part of a name ("Route 66", "COVID-19"). A text compared with the
// empty text, as a first revision is, changed no fact: its values are not
// changes an editor needs flagged, so Facts is empty and the stats'
// FactsChanged zero.
//
// The package is pure: it does no I/O and holds no mutable state, so a
// [Result] can be cached and rendered concurrently.
package diff
