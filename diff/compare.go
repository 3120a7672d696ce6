package diff

import (
	"sort"
	"sync"
)

// Words returns the word ops that turn old into new, without stats or
// sentences; it suits short texts such as titles.
func Words(old, new string, opts Options) ([]Op, error) {
	d, err := newDiffer(old, new, opts)
	if err != nil {
		return nil, err
	}
	d.run()
	defer d.release()
	return d.ops(), nil
}

// ops turns the final segs into the public ops: a change becomes its
// deletion followed by its insertion, as readers expect "[-old-]{+new+}",
// and so does a respelt equality, whose two sides differ in their bytes.
func (d *differ) ops() []Op {
	ops := make([]Op, 0, len(d.segs)+len(d.segs)/2)
	for _, s := range d.segs {
		if s.eq && !s.respelt {
			ops = append(ops, Op{Op: Equal, Text: d.old[s.o0:s.o1], OldStart: s.o0, OldEnd: s.o1, NewStart: s.n0, NewEnd: s.n1})
			continue
		}
		if s.o0 < s.o1 {
			ops = append(ops, Op{Op: Delete, Text: d.old[s.o0:s.o1], OldStart: s.o0, OldEnd: s.o1, NewStart: s.n0, NewEnd: s.n0})
		}
		if s.n0 < s.n1 {
			ops = append(ops, Op{Op: Insert, Text: d.new[s.n0:s.n1], OldStart: s.o1, OldEnd: s.o1, NewStart: s.n0, NewEnd: s.n1})
		}
	}
	return ops
}

// Compare diffs old against new word by word and sentence by sentence,
// and lists the facts that changed; when old is empty (or only white
// space), as for a first revision, no fact changed. It
// fails only for invalid UTF-8 (ErrInvalidUTF8) or invalid options
// (ErrInvalidOptions); past the deadline it returns a coarser diff marked
// Degraded.
func Compare(old, new string, opts Options) (*Result, error) {
	return compare(old, new, opts, nil, nil, false)
}

// CompareStats returns the Stats that Compare(old, new, opts) returns, for
// a caller that keeps the figures and not the diff, such as a store that
// counts each revision's changes as it writes it. Splits, which may be
// nil, remembers the sentences of the paragraphs it compares, so that a
// run of comparisons (each revision against the one before) splits each
// changed paragraph once rather than twice: splitting is the costliest
// step of comparing two revisions that differ in one long paragraph. The
// figures are Compare's, save past the deadline, where a paragraph
// Compare would keep whole may be found split.
func CompareStats(old, new string, opts Options, splits *SplitCache) (Stats, error) {
	// The sentence changes serve only until the stats are counted: one
	// pooled buffer holds them, for a long text has thousands.
	buf := changesPool.Get().(*[]SentenceChange)
	r, err := compare(old, new, opts, splits, *buf, true)
	if err != nil {
		changesPool.Put(buf)
		return Stats{}, err
	}
	if cap(r.Sentences) <= maxPooledSentences {
		clear(r.Sentences) // their texts point into old and new
		*buf = r.Sentences[:0]
	}
	changesPool.Put(buf)
	return r.Stats, nil
}

var changesPool = sync.Pool{New: func() any { return new([]SentenceChange) }}

// compare is Compare, with the paragraph splits taken from splits when it
// holds them and the sentence changes appended to changes[:0].
//
// StatsOnly leaves the unchanged sentences out of r.Sentences, for
// CompareStats, which keeps only r.Stats.
func compare(old, new string, opts Options, splits *SplitCache, changes []SentenceChange, statsOnly bool) (*Result, error) {
	d, err := newDiffer(old, new, opts)
	if err != nil {
		return nil, err
	}
	d.run()
	r := &Result{Ops: d.ops(), Degraded: d.degraded}
	d.release()
	markMoves(r.Ops, d.end)
	s := sentenceChanges(old, new, r.Ops, d.factsEnd, d.end, splits, changes, statsOnly)
	r.Sentences, r.Degraded = s.changes, r.Degraded || s.degraded
	r.Ops = markSentenceMoves(r.Ops, r.Sentences)
	r.Stats = computeStats(r.Ops, r.Sentences, s.oldWords, s.newWords)
	var late bool
	if isBlank(old) {
		// A first revision, against the empty text: every value in it
		// is new, and none of them is news about a change.
		r.Facts = []Fact{}
	} else {
		r.Facts, late = findFacts(r.Sentences, new, d.factsEnd, splits)
	}
	r.Degraded = r.Degraded || late
	r.Stats.FactsChanged = len(r.Facts)
	return r, nil
}

// ChangedSentences returns the sentences of the new text that were added or
// edited, in order: what a reader of the old revision has not seen yet.
// Moved sentences are left out unless they were edited too.
func (r *Result) ChangedSentences() []SentenceChange {
	var out []SentenceChange
	last := -1 // a new sentence merged from two old ones is listed twice
	for _, c := range r.Sentences {
		switch {
		case c.NewIndex < 0 || c.NewIndex == last:
		case c.Status == Added, c.Status == Edited, c.Status == Moved && c.Ops != nil:
			out = append(out, c)
			last = c.NewIndex
		}
	}
	return out
}

// SameParagraph reports whether sentence next of the new text goes on
// right after sentence prev in the same paragraph: only white space stands
// between them, and no blank line. Both must be sentences of the new text
// (NewIndex at least 0), prev before next; a reader of the summary of
// changes needs it to keep a correction notice whole.
func (r *Result) SameParagraph(prev, next SentenceChange) bool {
	start, end := prev.NewEnd, next.NewStart
	if prev.NewIndex < 0 || next.NewIndex < 0 || start > end {
		return false
	}
	// The equal and inserted ops make up the new text, in order.
	k := sort.Search(len(r.Ops), func(k int) bool { return r.Ops[k].NewEnd > start })
	breaks := 0
	for ; k < len(r.Ops) && r.Ops[k].NewStart < end; k++ {
		op := r.Ops[k]
		if op.Op == Delete {
			continue
		}
		gap := op.Text[max(start, op.NewStart)-op.NewStart : min(end, op.NewEnd)-op.NewStart]
		if breaks = inParagraph(gap, breaks); breaks < 0 {
			return false
		}
	}
	return true
}
