package diff

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// seg is one run of the diff under construction: an equality, or a change
// that replaces old[o0:o1] by new[n0:n1]. ow and nw weigh the old and new
// side for the cleanup: each word or punctuation token counts one, white
// space nothing.
type seg struct {
	eq bool
	nl bool // an equality holding a line break is never merged away
	// respelt marks an equality whose two sides are the same words in
	// different Unicode normalizations (see canon.go): the ops give it as
	// a deletion and an insertion, so that each text's bytes stay exact.
	respelt        bool
	o0, o1, n0, n1 int
	ow, nw         int
}

// diffShare is the percentage of the deadline the word diff may use before
// it turns coarser; the rest is for pairing sentences, moves and facts,
// which the deadline bounds too.
const diffShare = 25

// factsShare is the percentage of the deadline by which the changed
// paragraphs must be split into sentences and the facts found: for a
// rewrite of a long text, both could take the rest of it and more, and a
// diff that comes back in time, coarser and with the facts found so far,
// serves a reader better than one that uses all of its deadline.
const factsShare = 40

// never is the weight of equalities too long to merge into a change.
const never = 1 << 30

// differ holds the state of one comparison; nothing outlives the call.
type differ struct {
	old, new string
	deadline time.Time // for the word diff: a share of the whole
	end      time.Time // for the whole comparison
	// prefix and suffix are the lengths of the common prefix and suffix
	// of the texts, in bytes.
	prefix, suffix int
	factsEnd       time.Time // for splitting changed paragraphs, and the facts

	degraded bool
	segs     []seg
	// canon is set while the block being word-diffed is not all in NFC:
	// its tokens are then compared by their NFC forms (see canon.go).
	canon bool
	*scratch
}

// scratch holds the buffers a comparison needs only while it runs: they
// are pooled, for a comparison of two sentences would otherwise allocate
// as much for them as for its result.
type scratch struct {
	ids   tokenIDs // emptied by each comparison that diffs words
	dmp   *diffmatchpatch.DiffMatchPatch
	toks  [2][]token
	runes [2][]rune
	seen  []uint64 // bit set of token hashes, for unrelated
	// segBufs are the segs as built, and as polished.
	segBufs [2][]seg
}

var scratchPool = sync.Pool{New: func() any { return &scratch{dmp: diffmatchpatch.New()} }}

// maxPooledTokens bounds the buffers kept for the next comparison, so that
// one long rewrite does not pin its buffers for good; maxPooledIDs bounds
// the token table, which costs as much to clear as to make at its size,
// and the next comparison, often of two sentences, needs a small one.
const (
	maxPooledTokens = 1 << 16
	maxPooledIDs    = 512
)

// release hands the scratch buffers back to the pool; d must not diff
// after it.
func (d *differ) release() {
	sc := d.scratch
	d.scratch, d.segs = nil, nil
	if len(sc.ids.slots) > 2*maxPooledIDs {
		sc.ids.slots = nil
	}
	clear(sc.ids.slots) // the keys point into the texts
	sc.ids.n = 0
	for k := range 2 {
		if cap(sc.toks[k]) > maxPooledTokens {
			sc.toks[k], sc.runes[k] = nil, nil
		}
		if cap(sc.segBufs[k]) > maxPooledTokens {
			sc.segBufs[k] = nil
		}
		sc.segBufs[k] = sc.segBufs[k][:0]
	}
	*sc.dmp = *diffmatchpatch.New()
	scratchPool.Put(sc)
}

func newDiffer(old, new string, opts Options) (*differ, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if !utf8.ValidString(old) {
		return nil, ErrInvalidUTF8
	}
	// Revisions share most of their text: of the new one, only what lies
	// between the common prefix and suffix needs checking, from rune
	// starts of the old text on, since the old text is valid.
	p := commonPrefix(old, new)
	s := commonSuffix(old[p:], new[p:])
	lo, hi := p, len(new)-s
	for lo > 0 && lo < len(old) && !utf8.RuneStart(old[lo]) {
		lo--
	}
	for k := len(old) - s; k < len(old) && !utf8.RuneStart(old[k]); k++ {
		hi++
	}
	if !utf8.ValidString(new[lo:hi]) {
		return nil, ErrInvalidUTF8
	}
	now := time.Now()
	sc := scratchPool.Get().(*scratch)
	return &differ{
		old: old, new: new, prefix: p, suffix: s, segs: sc.segBufs[0][:0],
		deadline: now.Add(opts.deadline() * diffShare / 100),
		end:      now.Add(opts.deadline()),
		factsEnd: now.Add(opts.deadline() * factsShare / 100),
		scratch:  sc,
	}, nil
}

// run diffs the whole texts: the common leading and trailing lines are
// equal outright, and the middle is aligned line by line.
func (d *differ) run() {
	p := lineStartBefore(d.old, d.new, d.prefix)
	s := commonSuffixLines(d.old[p:], d.new[p:])
	d.equal(0, p, 0, p)
	d.lines(p, len(d.old)-s, p, len(d.new)-s)
	d.equal(len(d.old)-s, len(d.old), len(d.new)-s, len(d.new))
	built := cleanup(normalize(d.segs))
	d.segs = polish(d.old, d.new, built, d.segBufs[1][:0])
	d.segBufs[0], d.segBufs[1] = built, d.segs
}

// lineStartBefore returns the length of the longest common prefix of a and
// b that ends at a line start, which is a token boundary in both, given
// the length i of their common prefix.
func lineStartBefore(a, b string, i int) int {
	if i == len(a) && i == len(b) {
		return i
	}
	return lastNewline(a[:i]) + 1
}

// commonSuffixLines returns the length of the longest common suffix of a and
// b that starts at a line start.
func commonSuffixLines(a, b string) int {
	i := commonSuffix(a, b)
	if i == len(a) && i == len(b) {
		return i
	}
	cut := strings.IndexByte(a[len(a)-i:], '\n')
	if cut < 0 {
		return 0
	}
	return i - cut - 1
}

// commonPrefix returns the length of the common prefix of a and b,
// comparing 4 KiB, then 64 bytes at a time first: unchanged articles share
// long runs.
func commonPrefix(a, b string) int {
	n, i := min(len(a), len(b)), 0
	for i+4096 <= n && a[i:i+4096] == b[i:i+4096] {
		i += 4096
	}
	for i+64 <= n && a[i:i+64] == b[i:i+64] {
		i += 64
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix returns the length of the common suffix of a and b.
func commonSuffix(a, b string) int {
	n, i := min(len(a), len(b)), 0
	for i+4096 <= n && a[len(a)-i-4096:len(a)-i] == b[len(b)-i-4096:len(b)-i] {
		i += 4096
	}
	for i+64 <= n && a[len(a)-i-64:len(a)-i] == b[len(b)-i-64:len(b)-i] {
		i += 64
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// equal records an equality that is never merged into a change.
func (d *differ) equal(o0, o1, n0, n1 int) {
	if o0 < o1 {
		d.segs = append(d.segs, seg{eq: true, nl: true, o0: o0, o1: o1, n0: n0, n1: n1, ow: never, nw: never})
	}
}

// change records a replacement weighed by its word and punctuation tokens.
func (d *differ) change(o0, o1, n0, n1, ow, nw int) {
	if o0 < o1 || n0 < n1 {
		d.segs = append(d.segs, seg{o0: o0, o1: o1, n0: n0, n1: n1, ow: ow, nw: nw})
	}
}

// replace records old[o0:o1] -> new[n0:n1] as one change without diffing
// it. Blocks are flanked by whole equal lines, which the cleanup never
// merges away, so their weight only has to be positive: the byte length
// does, without tokenizing.
func (d *differ) replace(o0, o1, n0, n1 int) {
	d.change(o0, o1, n0, n1, o1-o0, n1-n0)
}

// remaining returns the time left before the deadline.
func (d *differ) remaining() time.Duration {
	return time.Until(d.deadline)
}

// lastNewline returns strings.LastIndexByte(s, '\n'), reading eight bytes
// at a time: a changed paragraph written as one long line leaves a common
// prefix of thousands of bytes to search back through for a line start.
func lastNewline(s string) int {
	const newlines = 0x0a0a0a0a0a0a0a0a
	i := len(s)
	for i >= 8 {
		// x has a zero byte exactly where the word has a line break.
		x := load64(s, i-8) ^ newlines
		if (x-0x0101010101010101)&^x&highBits != 0 {
			break
		}
		i -= 8
	}
	for i > 0 {
		if i--; s[i] == '\n' {
			return i
		}
	}
	return -1
}
