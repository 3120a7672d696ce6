package diff

import (
	"fmt"
	"slices"
	"sort"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// SentenceStatus says what happened to one sentence between the texts.
type SentenceStatus uint8

// The fates of a sentence. Unchanged, Edited and Moved pair an old sentence
// with a new one; Added has only a new one and Removed only an old one.
const (
	Unchanged SentenceStatus = iota
	Edited
	Added
	Removed
	Moved
)

var statusNames = [...]string{Unchanged: "unchanged", Edited: "edited", Added: "added", Removed: "removed", Moved: "moved"}

// String returns the status' name, as in the JSON.
func (s SentenceStatus) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "unknown"
}

// MarshalText writes the status as its name.
func (s SentenceStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status written by MarshalText.
func (s *SentenceStatus) UnmarshalText(b []byte) error {
	i := slices.Index(statusNames[:], string(b))
	if i < 0 {
		return fmt.Errorf("diff: unknown sentence status %q", b)
	}
	*s = SentenceStatus(i)
	return nil
}

// SentenceChange is the fate of one sentence. Indexes count the sentences of
// each text from 0; on the side a sentence is missing from, its index and
// both ends of its byte range are -1. A paragraph unchanged with the blank
// lines around it is not split: it is one Unchanged entry, counted as one
// sentence, and identical texts are one entry in all.
type SentenceChange struct {
	Status   SentenceStatus `json:"status"`
	OldIndex int            `json:"old_index"`
	NewIndex int            `json:"new_index"`
	OldStart int            `json:"old_start"`
	OldEnd   int            `json:"old_end"`
	NewStart int            `json:"new_start"`
	NewEnd   int            `json:"new_end"`
	// Text is the sentence in the new text, or in the old one if it was
	// removed; OldText is set too when the two differ.
	Text    string `json:"text"`
	OldText string `json:"old_text,omitempty"`
	// Ops are the word ops from OldText to Text, with byte ranges relative
	// to the two sentences, for edited sentences and moved ones that were
	// also edited.
	Ops []Op `json:"ops,omitempty"`
}

// sentencer pairs the sentences of the two texts through the word ops.
type sentencer struct {
	ops        []Op
	os, ns     []text.Sentence
	oPart      []int // partner of each old sentence in the new text, or -1
	nPart      []int
	moved      map[int]int // old index -> new index of moved sentences
	movedTo    map[int]int // new index -> old index
	deadline   time.Time
	degraded   bool
	changes    []SentenceChange
	oldEmitted int
	oldWords   int
	newWords   int
	// statsOnly leaves the unchanged sentences out of changes, for a
	// caller that only counts the others and looks for facts in them.
	statsOnly bool
}

// sentenceChanges lists every sentence of both texts in reading order: new
// sentences in their order, removed ones where they stood. Changed
// paragraphs are split into sentences until splitEnd, and kept whole after
// it (the result is then degraded). Splits, when not nil, serves and keeps
// the splits of changed paragraphs. The changes are appended to changes[:0].
//
// StatsOnly leaves the unchanged sentences out of the changes: neither the
// stats nor the facts read them.
func sentenceChanges(old, new string, ops []Op, splitEnd, deadline time.Time, splits *SplitCache, changes []SentenceChange, statsOnly bool) *sentencer {
	s := &sentencer{ops: ops, deadline: deadline, statsOnly: statsOnly}
	var paras []paragraph
	buf := splitPool.Get().(*splitBufs)
	budget := &splitBudget{end: splitEnd, cache: splits, scratch: &buf.split}
	s.os, s.oldWords, paras = splitOld(old, ops, budget, buf)
	if len(ops) == 1 && ops[0].Op == Equal { // identical texts
		s.ns, s.newWords = s.os, s.oldWords
	} else {
		s.ns, s.newWords = splitNew(new, ops, paras, old, budget, buf)
	}
	s.degraded = budget.late
	s.changes = slices.Grow(changes[:0], len(s.ns)+len(s.ns)/8+1)
	ints := buf.intsFor(2*len(s.ns) + len(s.os))
	s.nPart = partners(ints[:len(s.ns)], s.ns, s.os, ops, false)
	s.oPart = claims(s.nPart, ints[len(s.ns):len(s.ns)+len(s.os)])
	s.moved = matchMoves(s.os, s.ns, s.oPart, s.nPart)
	s.movedTo = invert(s.moved)
	oldAt := s.oldPositions(ints[len(s.ns)+len(s.os):])
	for j := range s.ns {
		s.emitOld(oldAt[j]) // deletions read before the insertions beside them
		s.emitNew(j)
	}
	s.emitOld(len(s.os))
	s.os, s.ns, s.oPart, s.nPart = nil, nil, nil, nil // the changes hold copies of what they need
	buf.release()
	return s
}

// oldPositions gives each new sentence the old index it stands at: its
// partner's, or that of the next new sentence that has a partner.
// The result is written over oldAt, which has one element per new sentence.
func (s *sentencer) oldPositions(oldAt []int) []int {
	next := len(s.os)
	for j := len(s.ns) - 1; j >= 0; j-- {
		if s.nPart[j] >= 0 {
			next = s.nPart[j]
		}
		oldAt[j] = next
	}
	return oldAt
}

// claims makes the pairing one to one: each old sentence pairs with the
// first new sentence whose first kept word it holds. The other new
// sentences that start with its words (the second half of a split) lose
// their partner and read as added, and old sentences that no new one
// starts with (the second half of a merge) as removed, so that each
// sentence of each text is shown once. It returns the partner of each old
// sentence, and clears nPart where a new sentence lost its partner.
//
// The result is written over oPart, which has one element per old sentence.
func claims(nPart, oPart []int) []int {
	for i := range oPart {
		oPart[i] = -1
	}
	for j, i := range nPart {
		switch {
		case i < 0:
		case oPart[i] < 0:
			oPart[i] = j
		default:
			nPart[j] = -1
		}
	}
	return oPart
}

func invert(m map[int]int) map[int]int {
	if len(m) == 0 {
		return nil
	}
	inv := make(map[int]int, len(m))
	for k, v := range m {
		inv[v] = k
	}
	return inv
}

// emitNew records new sentence j, after the old sentences that stood before
// its partner.
func (s *sentencer) emitNew(j int) {
	i := s.nPart[j]
	if i < 0 {
		if mi, ok := s.movedFrom(j); ok {
			s.changes = append(s.changes, s.pair(Moved, mi, j))
			return
		}
		s.changes = append(s.changes, SentenceChange{Status: Added, OldIndex: -1, NewIndex: j,
			OldStart: -1, OldEnd: -1, NewStart: s.ns[j].Start, NewEnd: s.ns[j].End, Text: s.ns[j].Text})
		return
	}
	s.emitOld(i)
	switch {
	case !canonicallyEqual(s.os[i].Text, s.ns[j].Text):
		// A sentence only respelt in another normalization reads the
		// same: unchanged, though its ops hold both spellings.
		s.changes = append(s.changes, s.pair(Edited, i, j))
	case !s.statsOnly:
		s.changes = append(s.changes, s.pair(Unchanged, i, j))
	}
	s.oldEmitted = max(s.oldEmitted, i+1)
}

// emitOld records the old sentences before index end that no new sentence
// claimed and that did not move: removed ones, including the second half
// of a merge.
func (s *sentencer) emitOld(end int) {
	for i := s.oldEmitted; i < end; i++ {
		if s.oPart[i] < 0 && !s.isMoved(i) {
			s.changes = append(s.changes, SentenceChange{Status: Removed, OldIndex: i, NewIndex: -1,
				OldStart: s.os[i].Start, OldEnd: s.os[i].End, NewStart: -1, NewEnd: -1, Text: s.os[i].Text})
		}
	}
	s.oldEmitted = max(s.oldEmitted, end)
}

// pair builds the change for old sentence i and new sentence j.
func (s *sentencer) pair(status SentenceStatus, i, j int) SentenceChange {
	o, n := s.os[i], s.ns[j]
	c := SentenceChange{Status: status, OldIndex: i, NewIndex: j, OldStart: o.Start, OldEnd: o.End,
		NewStart: n.Start, NewEnd: n.End, Text: n.Text}
	if o.Text != n.Text {
		c.OldText = o.Text
		if status != Moved {
			c.Ops = clipOps(s.ops, o, n)
		}
		if c.Ops == nil {
			c.Ops = s.wordOps(o.Text, n.Text)
		}
	}
	return c
}

// clipOps cuts the part of the document's ops that covers old sentence o
// and new sentence n, re-based on the sentences. Unchanged text that lies
// in only one of the two (a sentence split in two, or two merged) shows as
// deleted from the old one or inserted into the new one. It returns nil if
// the pieces do not rebuild both sentences, which would be a bug; the
// caller then diffs the two sentences on their own.
func clipOps(ops []Op, o, n text.Sentence) []Op {
	k := sort.Search(len(ops), func(k int) bool { return ops[k].OldEnd > o.Start || ops[k].NewEnd > n.Start })
	end := k
	for end < len(ops) && (ops[end].OldStart < o.End || ops[end].NewStart < n.End) {
		end++
	}
	// Most ops yield one piece; an equality cut by both sentences, two.
	c := clipper{out: make([]Op, 0, end-k+2)}
	for ; k < end; k++ {
		c.add(ops[k], o, n)
	}
	if c.po != len(o.Text) || c.pn != len(n.Text) || len(c.out) == 0 {
		return nil
	}
	return c.out
}

// clipper collects clipped ops with running offsets.
type clipper struct {
	out    []Op
	po, pn int
}

// add appends the pieces of op that lie in o or n.
func (c *clipper) add(op Op, o, n text.Sentence) {
	ol, oh := max(0, o.Start-op.OldStart), min(len(op.Text), o.End-op.OldStart)
	nl, nh := max(0, n.Start-op.NewStart), min(len(op.Text), n.End-op.NewStart)
	switch op.Op {
	case Delete:
		c.emit(Delete, op.Text, ol, oh)
	case Insert:
		c.emit(Insert, op.Text, nl, nh)
	default:
		lo, hi := max(ol, nl), min(oh, nh)
		if lo >= hi { // no overlap: the old part, then the new part
			lo, hi = min(oh, max(ol, nl)), min(oh, max(ol, nl))
		}
		c.emit(Delete, op.Text, ol, min(oh, lo))
		c.emit(Insert, op.Text, nl, min(nh, lo))
		c.emit(Equal, op.Text, lo, hi)
		c.emit(Delete, op.Text, max(ol, hi), oh)
		c.emit(Insert, op.Text, max(nl, hi), nh)
	}
}

// emit appends text[lo:hi] as an op of kind k, if not empty.
func (c *clipper) emit(k Kind, text string, lo, hi int) {
	if lo >= hi {
		return
	}
	op := Op{Op: k, Text: text[lo:hi], OldStart: c.po, OldEnd: c.po, NewStart: c.pn, NewEnd: c.pn}
	if k != Insert {
		c.po += hi - lo
		op.OldEnd = c.po
	}
	if k != Delete {
		c.pn += hi - lo
		op.NewEnd = c.pn
	}
	c.out = append(c.out, op)
}

// wordOps diffs two sentences within what is left of the deadline.
func (s *sentencer) wordOps(old, new string) []Op {
	left := time.Until(s.deadline)
	if left <= 0 {
		s.degraded = true
		left = time.Nanosecond
	}
	d, _ := newDiffer(old, new, Options{Deadline: left})
	d.run()
	defer d.release()
	s.degraded = s.degraded || d.degraded
	return d.ops()
}

func (s *sentencer) isMoved(i int) bool {
	_, ok := s.moved[i]
	return ok
}

func (s *sentencer) movedFrom(j int) (int, bool) {
	i, ok := s.movedTo[j]
	return i, ok
}

// partners finds, for each sentence of one text, the sentence of the other
// text that holds its first unchanged word, or -1 when none of its words
// survived (punctuation alone does not count). fromOld says whether sents belong to the old text.
//
// The result is written over part, which must have len(sents) elements.
func partners(part []int, sents, other []text.Sentence, ops []Op, fromOld bool) []int {
	k, at := 0, 0
	for x, st := range sents {
		part[x] = -1
		for k < len(ops) && opEnd(ops[k], fromOld) <= st.Start {
			k++
		}
		for m := k; m < len(ops) && opStart(ops[m], fromOld) < st.End; m++ {
			if pos, ok := firstEqualWord(ops[m], st, fromOld); ok {
				at = sentenceFrom(other, at, pos)
				part[x] = sentenceIndex(other, at, pos)
				break
			}
		}
	}
	return part
}

// sentenceFrom returns the index of the first sentence at or after from
// that ends after pos. Partners only move forward, save for moves, so a
// cursor beats a binary search; it falls back to one when pos lies behind.
func sentenceFrom(sents []text.Sentence, from, pos int) int {
	if from >= len(sents) || (from > 0 && sents[from-1].End > pos) {
		return sort.Search(len(sents), func(k int) bool { return sents[k].End > pos })
	}
	for from < len(sents) && sents[from].End <= pos {
		from++
	}
	return from
}

// sentenceIndex returns k if sentence k holds byte pos, else -1.
func sentenceIndex(sents []text.Sentence, k, pos int) int {
	if k < len(sents) && sents[k].Start <= pos {
		return k
	}
	return -1
}

// firstEqualWord returns where, in the other text, the first non-space byte
// that equal op shares with sentence st lies.
func firstEqualWord(op Op, st text.Sentence, fromOld bool) (int, bool) {
	if op.Op != Equal {
		return 0, false
	}
	start, other := op.NewStart, op.OldStart
	if fromOld {
		start, other = op.OldStart, op.NewStart
	}
	lo, hi := max(st.Start, start), min(st.End, start+len(op.Text))
	if k := firstWordByte(op.Text[lo-start : hi-start]); k >= 0 {
		return other + lo - start + k, true
	}
	return 0, false
}

// firstWordByte returns the offset of the first letter or digit of s, or
// -1: sharing a full stop or a comma does not make two sentences one.
func firstWordByte(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			if asciiWord[s[i]] && s[i] != '_' { // "_" is punctuation here
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
		i += size
	}
	return -1
}

func opStart(op Op, old bool) int {
	if old {
		return op.OldStart
	}
	return op.NewStart
}

func opEnd(op Op, old bool) int {
	if old {
		return op.OldEnd
	}
	return op.NewEnd
}
