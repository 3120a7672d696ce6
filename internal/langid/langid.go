// Package langid names the language of a text with whatlanggo's model and
// method (github.com/abadojack/whatlanggo): the script by a count of
// letters, then, for a script several languages write, the distance between
// the text's trigrams ranked by frequency and each language's 300 most
// frequent trigrams. It gives whatlanggo.Detect's language and confidence
// for every text, but scores every language at once through an index from
// trigram to the profiles that hold it, and allocates nothing once a
// Detector's buffers have grown, where whatlanggo looks up each of the 300
// trigrams of each profile in a map of the text's and allocates for every
// trigram of the text.
//
// Where several languages are equally distant, whatlanggo picks one by its
// map iteration order, differently from call to call; Detect takes the
// first in whatlanggo's source order, the same every time.
package langid

//go:generate go run ./internal/gen

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Unknown is the Lang of a text in which no script whatlanggo knows is
// found, or that matches none of its script's profiles.
const Unknown whatlanggo.Lang = -1

// Result is what detection made of a text: whatlanggo.Info less the script.
type Result struct {
	// Lang is the language, or Unknown.
	Lang whatlanggo.Lang
	// Confidence is whatlanggo's, from 0 to 1: 1 for a script that only
	// one language writes, and for the others a measure of how far the
	// best profile is ahead of the second.
	Confidence float64
}

// Detect returns the language of text, as whatlanggo.Detect names it,
// with fresh buffers; a Detector reuses them.
func Detect(text string) Result {
	var d Detector
	return d.Detect(text)
}

// A Detector holds the buffers of detection between calls. Its zero value
// is ready to use; it is not safe for concurrent use, but any number of
// Detectors may work at once.
type Detector struct {
	keys   []uint64 // every trigram of the text, in order
	slots  []int32  // a hash table of uniq: 1 + an index, or 0 for none
	uniq   []uint64 // each distinct trigram, in order
	counts []int32  // how often each of uniq occurs
	hist   []int32  // the trigrams by count
	sorted []uint64 // uniq in whatlanggo's order
	dist   []int    // each profile's distance
	sink   uint32   // what group.warm read
}

// Whatlanggo's constants: the distance of a profile trigram the text lacks,
// and the total distance a score is counted down from.
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// Detect returns the language of text, as whatlanggo.Detect names it.
func (d *Detector) Detect(text string) Result {
	s := d.scan(text)
	switch s {
	case scriptLatin:
		return d.rank(tables().latin)
	case scriptCyrillic:
		return d.rank(tables().cyrillic)
	case scriptArabic:
		return d.rank(tables().arabic)
	case scriptDevanagari:
		return d.rank(tables().devanagari)
	case scriptHebrew:
		return d.rank(tables().hebrew)
	case scriptEthiopic:
		return d.rank(tables().ethiopic)
	case noScript:
		return Result{Lang: Unknown}
	}
	return Result{Lang: scripts[s].lang, Confidence: 1}
}

// rank scores the trigrams that scan found against every profile of g:
// each profile's distance, then whatlanggo's confidence from the two
// nearest.
func (d *Detector) rank(g *group) Result {
	order := d.order()
	g.warm(order, &d.sink)
	d.dist = append(d.dist[:0], g.base...)
	for pos, key := range order {
		for _, p := range g.lookup(key) {
			diff := pos - int(p&0xffff)
			if diff < 0 {
				diff = -diff
			}
			d.dist[p>>16] += diff - maxTrigramDistance
		}
	}
	return confidence(g, d.dist, len(order))
}

// confidence is whatlanggo's calculateConfidence: dist holds the distance
// of each profile of g, and n is the number of distinct trigrams of the
// text. Of equal distances the first profile wins.
func confidence(g *group, dist []int, n int) Result {
	best, second := -1, -1
	for i, v := range dist {
		switch {
		case best < 0 || v < dist[best]:
			best, second = i, best
		case second < 0 || v < dist[second]:
			second = i
		}
	}
	score1 := maxTotalDistance - dist[best]
	score2 := maxTotalDistance - dist[second]
	switch {
	case score1 == 0:
		return Result{Lang: Unknown}
	case score2 == 0:
		// whatlanggo divides integers here: the confidence is 0 or 1.
		return Result{Lang: g.langs[best], Confidence: float64(min(score1/500, 1))}
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := float64(12.0/float64(n)) + 0.05
	if rate > confidentRate {
		return Result{Lang: g.langs[best], Confidence: 1}
	}
	return Result{Lang: g.langs[best], Confidence: rate / confidentRate}
}

// order returns the distinct trigrams of d.keys in whatlanggo's order,
// where a trigram's index is its position: by count, most first, then by
// the trigram, largest first. It counts them in a hash table and then
// sorts those of each count, which is cheaper than sorting every trigram
// to count them.
func (d *Detector) order() []uint64 {
	d.count()
	most := slices.Max(d.counts)
	d.hist = slices.Grow(d.hist[:0], int(most)+1)[:most+1]
	clear(d.hist)
	for _, c := range d.counts {
		d.hist[c]++
	}
	// The trigrams counted c times start after those counted more.
	next := int32(0)
	for c := most; c >= 1; c-- {
		n := d.hist[c]
		d.hist[c] = next
		next += n
	}
	d.sorted = slices.Grow(d.sorted[:0], len(d.uniq))[:len(d.uniq)]
	for i, key := range d.uniq {
		c := d.counts[i]
		d.sorted[d.hist[c]] = key
		d.hist[c]++
	}
	// d.hist[c] is now where the trigrams counted c times end.
	start := int32(0)
	for c := most; c >= 1; c-- {
		block := d.sorted[start:d.hist[c]]
		slices.Sort(block)
		slices.Reverse(block)
		start = d.hist[c]
	}
	return d.sorted
}

// count fills d.uniq with the distinct trigrams of d.keys, which scan left
// non-empty, in the order they first occur, and d.counts with how often
// each occurs.
func (d *Detector) count() {
	size := 64
	for size < 2*len(d.keys) {
		size *= 2
	}
	shift := 64 - bits.TrailingZeros(uint(size))
	mask := size - 1
	d.slots = slices.Grow(d.slots[:0], size)[:size]
	clear(d.slots)
	d.uniq, d.counts = d.uniq[:0], d.counts[:0]
	for _, key := range d.keys {
		h := int(hash(key) >> shift)
		for {
			s := d.slots[h]
			if s == 0 {
				d.uniq = append(d.uniq, key)
				d.counts = append(d.counts, 1)
				d.slots[h] = int32(len(d.uniq))
				break
			}
			if d.uniq[s-1] == key {
				d.counts[s-1]++
				break
			}
			h = (h + 1) & mask
		}
	}
}

// hash spreads a trigram's bits over the high bits of the result, which
// pick its slot in a hash table.
func hash(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 }

// pack packs three runes into a key whose order is that of the strings
// they spell: a rune takes 21 bits, and UTF-8 keeps the order of code
// points.
func pack(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

// scan fills d.keys with the trigrams of text as whatlanggo counts them
// (its runes lowered, with its stop characters (spaces, punctuation,
// symbols and digits) as spaces, a space before and after, and no trigram
// whose middle is a space beside another), and returns the script of text
// as whatlanggo.DetectScript names it.
func (d *Detector) scan(text string) script {
	t := tables()
	d.keys = d.keys[:0]
	half := int32(len(text) / 2)
	var sc scriptCount
	sc.init()
	decided, last := noScript, noScript
	r1, r2, started := rune(' '), rune(' '), false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		var c class
		if r < rune(len(t.classes)) {
			c = t.classes[r]
		} else {
			c = classify(r, last)
			c.lower = unicode.ToLower(r)
		}
		r3 := c.lower
		if c.stop {
			r3 = ' '
		} else if c.script != noScript && decided == noScript {
			last = c.script
			if sc.add(c.script) > half {
				decided = c.script
			}
		}
		if started && (r2 != ' ' || (r1 != ' ' && r3 != ' ')) {
			d.keys = append(d.keys, pack(r1, r2, r3))
		}
		r1, r2, started = r2, r3, true
	}
	if started && r2 != ' ' {
		d.keys = append(d.keys, pack(r1, r2, ' '))
	}
	if decided != noScript {
		return decided
	}
	return sc.winner()
}

// scriptCount is whatlanggo's script counter: a count for each script, and
// their order, in which a script that is found moves one place up, since
// the order breaks ties.
type scriptCount struct {
	count [numScripts]int32  // by script
	order [numScripts]script // the script at each place
	place [numScripts]int8   // the place of each script
}

func (sc *scriptCount) init() {
	for i := range sc.order {
		sc.order[i], sc.place[i] = script(i), int8(i)
	}
}

// add counts one letter of s and returns its count.
func (sc *scriptCount) add(s script) int32 {
	sc.count[s]++
	if i := sc.place[s]; i > 0 {
		o := sc.order[i-1]
		sc.order[i-1], sc.order[i] = s, o
		sc.place[s], sc.place[o] = i-1, i
	}
	return sc.count[s]
}

// winner returns the script counted most, the first in order of equal
// counts, or noScript; Han counts as Japanese where kana came first.
func (sc *scriptCount) winner() script {
	most, best, kana := int32(0), noScript, int32(0)
	for _, s := range sc.order {
		if n := sc.count[s]; n > most {
			most, best = n, s
			if best == scriptKana {
				kana = most
			}
		}
	}
	if best == scriptHan && kana > 0 {
		return scriptKana
	}
	return best
}

// class is what detection reads of a rune.
type class struct {
	lower  rune // unicode.ToLower
	script script
	stop   bool
}

// classify returns the class of r, but for lower. It tries the script
// last found first: a text keeps to one script, and the scripts are
// disjoint.
func classify(r rune, last script) class {
	if isStopChar(r) {
		return class{stop: true, script: noScript}
	}
	if last != noScript && unicode.Is(scripts[last].table, r) {
		return class{script: last}
	}
	for i := range scripts {
		if unicode.Is(scripts[i].table, r) {
			return class{script: script(i)}
		}
	}
	return class{script: noScript}
}

// isStopChar is whatlanggo's: a space, punctuation, a symbol or a digit,
// which stands for a space in a trigram and is no letter of any script.
func isStopChar(r rune) bool {
	return unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
}

// script indexes scripts.
type script int8

// noScript is a rune of no script whatlanggo counts.
const noScript script = -1

// The scripts whose languages are told apart by profiles, and those that
// name one.
const (
	scriptLatin script = iota
	scriptCyrillic
	scriptArabic
	scriptDevanagari
	scriptKana
	scriptEthiopic
	scriptHebrew
	scriptBengali
	scriptGeorgian
	scriptHan
	scriptHangul
	scriptGreek
	scriptKannada
	scriptTamil
	scriptThai
	scriptGujarati
	scriptGurmukhi
	scriptTelugu
	scriptMalayalam
	scriptOriya
	scriptMyanmar
	scriptSinhala
	scriptKhmer
	numScripts
)

// hiraganaKatakana is whatlanggo's table of Japanese kana, built as it
// builds it: its ranges are not in order, and unicode.Is reads them as
// they are.
var hiraganaKatakana = &unicode.RangeTable{
	R16: append(slices.Clip(slices.Clone(unicode.Hiragana.R16)), unicode.Katakana.R16...),
	R32: append(slices.Clip(slices.Clone(unicode.Hiragana.R32)), unicode.Katakana.R32...),
}

// scripts are whatlanggo's, in the order its counter starts from, with the
// language of those that only one writes.
var scripts = [numScripts]struct {
	table *unicode.RangeTable
	lang  whatlanggo.Lang
}{
	scriptLatin:      {unicode.Latin, Unknown},
	scriptCyrillic:   {unicode.Cyrillic, Unknown},
	scriptArabic:     {unicode.Arabic, Unknown},
	scriptDevanagari: {unicode.Devanagari, Unknown},
	scriptKana:       {hiraganaKatakana, whatlanggo.Jpn},
	scriptEthiopic:   {unicode.Ethiopic, Unknown},
	scriptHebrew:     {unicode.Hebrew, Unknown},
	scriptBengali:    {unicode.Bengali, whatlanggo.Ben},
	scriptGeorgian:   {unicode.Georgian, whatlanggo.Kat},
	scriptHan:        {unicode.Han, whatlanggo.Cmn},
	scriptHangul:     {unicode.Hangul, whatlanggo.Kor},
	scriptGreek:      {unicode.Greek, whatlanggo.Ell},
	scriptKannada:    {unicode.Kannada, whatlanggo.Kan},
	scriptTamil:      {unicode.Tamil, whatlanggo.Tam},
	scriptThai:       {unicode.Thai, whatlanggo.Tha},
	scriptGujarati:   {unicode.Gujarati, whatlanggo.Guj},
	scriptGurmukhi:   {unicode.Gurmukhi, whatlanggo.Pan},
	scriptTelugu:     {unicode.Telugu, whatlanggo.Tel},
	scriptMalayalam:  {unicode.Malayalam, whatlanggo.Mal},
	scriptOriya:      {unicode.Oriya, whatlanggo.Ori},
	scriptMyanmar:    {unicode.Myanmar, whatlanggo.Mya},
	scriptSinhala:    {unicode.Sinhala, whatlanggo.Sin},
	scriptKhmer:      {unicode.Khmer, whatlanggo.Khm},
}

// profile is one language's trigrams, most frequent first.
type profile struct {
	lang     whatlanggo.Lang
	trigrams []string
}

// group is the index of the profiles of one script: for each trigram that
// any of them holds, a record of the trigram and its postings, one for each
// profile that holds it (the profile's index in the high 16 bits, the
// trigram's rank there in the low ones); and a hash table of the records.
//
// The index is laid out for a cache that the rest of a summary has just
// filled with other things: a slot is 4 bytes, a fingerprint of its
// trigram in the high bits and where its record starts in the low ones, so
// that the table fits in 32 KB and a probe reads a record only when the
// fingerprints match; a record holds its postings, so that a trigram found
// costs one more cache line; and the records of trigrams ranked high in
// any profile, which most texts hold, come first, close together.
type group struct {
	langs   []whatlanggo.Lang
	base    []int // each profile's distance from a text it shares nothing with
	slots   []uint32
	shift   int
	records []uint32 // key's low half, key's high half, n, n postings
}

const (
	// offsetBits of a slot give where its record starts in records.
	offsetBits = 18
	offsetMask = 1<<offsetBits - 1
)

// fingerprint is the slot's 14 high bits for a key of hash h: bits 37 to
// 50 of the hash, below those that pick the slot (51 and up), and above
// the first rune of the key (from bit 42), which a product's lower bits do
// not depend on.
func fingerprint(h uint64) uint32 { return uint32(h>>19) &^ offsetMask }

// warm reads the first slot of each key and the record it points to
// before lookup needs them, in loops free of branches whose loads do not
// wait on one another, so that the processor fetches many cache lines at
// once: a summary evicts the index between two calls, and lookup, which
// waits for each line before it knows the next, would otherwise wait for
// every one in turn. sink keeps the reads from being optimized away.
func (g *group) warm(keys []uint64, sink *uint32) {
	var sum uint32
	for _, key := range keys {
		sum += g.records[g.slots[hash(key)>>g.shift]&offsetMask]
	}
	*sink += sum
}

// lookup returns the postings of key, or none.
func (g *group) lookup(key uint64) []uint32 {
	h := hash(key)
	fp := fingerprint(h)
	mask := len(g.slots) - 1
	for i := int(h >> g.shift); ; i = (i + 1) & mask {
		s := g.slots[i]
		if s == 0 {
			return nil
		}
		if s&^offsetMask != fp {
			continue
		}
		r := g.records[s&offsetMask:]
		if r[0] == uint32(key) && r[1] == uint32(key>>32) {
			return r[3 : 3+r[2]]
		}
	}
}

// newGroup indexes profiles. A profile entry that is not three runes of
// valid UTF-8 matches no trigram of a text, but counts in the distance as
// one the text lacks, as in whatlanggo.
func newGroup(profiles []profile) *group {
	g := &group{}
	var entries []entry
	for i, p := range profiles {
		g.langs = append(g.langs, p.lang)
		g.base = append(g.base, maxTrigramDistance*len(p.trigrams))
		for rank, t := range p.trigrams {
			if key, ok := packString(t); ok {
				entries = append(entries, entry{key, uint32(i)<<16 | uint32(rank)})
			}
		}
	}
	runs := groupEntries(entries)
	// At most five eighths full.
	size := 64
	for 8*len(runs) > 5*size {
		size *= 2
	}
	g.shift = 64 - bits.TrailingZeros(uint(size))
	g.slots = make([]uint32, size)
	g.records = make([]uint32, 1, 1+3*len(runs)+len(entries)) // no record at 0: a slot of 0 is free
	for _, r := range runs {
		g.add(entries[r.start].key, entries[r.start:r.end])
	}
	if len(g.records) > offsetMask {
		panic("langid: the profiles' index outgrows its slots' offsets")
	}
	return g
}

// entry is one trigram of one profile: the trigram, and the profile's index
// and the trigram's rank there as a posting.
type entry struct {
	key     uint64
	posting uint32
}

// run is the entries of one trigram, entries[start:end].
type run struct{ start, end int }

// groupEntries sorts entries by trigram and returns the runs of each,
// those of the trigrams ranked best in any profile first (a counting
// sort: ranks are below 300).
func groupEntries(entries []entry) []run {
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	var byBest [][]run
	for i := 0; i < len(entries); {
		r, best := run{start: i}, math.MaxInt
		for ; i < len(entries) && entries[i].key == entries[r.start].key; i++ {
			best = min(best, int(entries[i].posting&0xffff))
		}
		r.end = i
		for len(byBest) <= best {
			byBest = append(byBest, nil)
		}
		byBest[best] = append(byBest[best], r)
	}
	return slices.Concat(byBest...)
}

// add appends the record of key, with the postings of entries, and its slot.
func (g *group) add(key uint64, entries []entry) {
	start := len(g.records)
	g.records = append(g.records, uint32(key), uint32(key>>32), uint32(len(entries)))
	for _, e := range entries {
		g.records = append(g.records, e.posting)
	}
	h := hash(key)
	mask := len(g.slots) - 1
	i := int(h >> g.shift)
	for g.slots[i] != 0 {
		i = (i + 1) & mask
	}
	g.slots[i] = fingerprint(h) | uint32(start)
}

// packString packs a trigram of a profile, or reports that it is not one.
func packString(t string) (uint64, bool) {
	if !utf8.ValidString(t) || utf8.RuneCountInString(t) != 3 {
		return 0, false
	}
	var rs [3]rune
	i := 0
	for _, r := range t {
		rs[i] = r
		i++
	}
	return pack(rs[0], rs[1], rs[2]), true
}

// tableSet is what detection reads, built on first use.
type tableSet struct {
	latin, cyrillic, arabic, devanagari, hebrew, ethiopic *group
	// classes holds the class of each rune below its length: the Latin,
	// Greek, Cyrillic, Hebrew and Arabic blocks.
	classes [0x800]class
}

var tables = sync.OnceValue(func() *tableSet {
	t := &tableSet{
		latin:      newGroup(latinProfiles),
		cyrillic:   newGroup(cyrillicProfiles),
		arabic:     newGroup(arabicProfiles),
		devanagari: newGroup(devanagariProfiles),
		hebrew:     newGroup(hebrewProfiles),
		ethiopic:   newGroup(ethiopicProfiles),
	}
	for r := range rune(len(t.classes)) {
		c := classify(r, noScript)
		c.lower = unicode.ToLower(r)
		t.classes[r] = c
	}
	return t
})
