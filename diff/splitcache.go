package diff

import (
	"strings"
	"sync"

	"github.com/redline-news/redline/internal/text"
)

// SplitCache remembers how paragraphs split into sentences, by their
// text, for CompareStats. A store that compares each new revision with the
// one before split the old revision's changed paragraph when that revision
// was new; with a SplitCache it splits only the new one. It also remembers
// the number of words of the paragraphs a comparison keeps whole, which
// the next revisions share: counted once, they are looked up after. It
// holds at most about maxBytes of paragraphs, counting what their
// sentences take, in two halves: when the newer is full, the older, which
// holds what was not used since, is dropped. It is safe for concurrent
// use.
// The zero SplitCache is not usable; NewSplitCache makes one.
type SplitCache struct {
	mu       sync.Mutex
	cur, old map[string]*cachedSplit // two generations: cur is filled, old read and dropped
	// curWords and oldWords hold the word counts of paragraphs that were
	// not split, in the same two generations.
	curWords, oldWords map[string]cachedWords
	// curValues and oldValues hold the values (see findValues) of the
	// new sides of edited sentences, which the next revision's comparison
	// finds on its old side when the same sentence is edited again.
	curValues, oldValues map[string]cachedValues
	curBytes             int
	maxBytes             int
}

// cachedSplit is what one paragraph yields: its sentences, with offsets
// relative to the paragraph and texts that point into key, the cache's own
// copy of the paragraph, and its number of words. It is never changed once
// kept.
type cachedSplit struct {
	key   string
	sents []text.Sentence
	words int
}

// cachedWords is the number of words of a paragraph, under the cache's
// own copy of it.
type cachedWords struct {
	key   string
	words int
}

// cachedValues is the values found in a sentence, under the cache's own
// copy of it, with texts that are copies too.
type cachedValues struct {
	key    string
	values []value
}

// minCachedParagraph is the shortest paragraph worth keeping: shorter ones
// split in less time than they take to look up and copy.
// minCountedParagraph is the shortest paragraph whose word count is worth
// keeping: counting a shorter one takes about as long as looking it up.
const (
	minCachedParagraph  = 256
	minCountedParagraph = 64
)

// NewSplitCache returns a SplitCache that holds about maxBytes.
func NewSplitCache(maxBytes int) *SplitCache {
	return &SplitCache{cur: map[string]*cachedSplit{}, old: map[string]*cachedSplit{},
		curWords: map[string]cachedWords{}, oldWords: map[string]cachedWords{},
		curValues: map[string]cachedValues{}, oldValues: map[string]cachedValues{}, maxBytes: max(maxBytes, 1)}
}

// get returns the split of body, if kept.
func (c *SplitCache) get(body string) (*cachedSplit, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if sp, ok := c.cur[body]; ok {
		return sp, true
	}
	if sp, ok := c.old[body]; ok {
		c.keep(sp) // under its own key: body may point into a whole text
		return sp, true
	}
	return nil, false
}

// put keeps the split of body, on copies of the sentences and the texts,
// so that the cache holds the paragraph and not the whole text it came
// from, and returns what it keeps.
func (c *SplitCache) put(body string, sents []text.Sentence, words int) *cachedSplit {
	key := strings.Clone(body)
	sp := &cachedSplit{key: key, sents: make([]text.Sentence, len(sents)), words: words}
	for k, s := range sents {
		sp.sents[k] = text.Sentence{Start: s.Start, End: s.End, Text: key[s.Start:s.End]}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keep(sp)
	return sp
}

// keep adds sp to the current generation, starting a new one when it is
// full; under c.mu.
func (c *SplitCache) keep(sp *cachedSplit) {
	if _, ok := c.cur[sp.key]; ok {
		return
	}
	c.makeRoom(splitBytes(sp))
	c.cur[sp.key] = sp
}

// makeRoom counts n more bytes in the current generation, starting a new
// one first when they would not fit; under c.mu.
func (c *SplitCache) makeRoom(n int) {
	if c.curBytes+n > c.maxBytes/2 {
		// The new generation will hold about what the last one did:
		// sized once, its maps do not grow step by step.
		c.old, c.cur, c.curBytes = c.cur, make(map[string]*cachedSplit, len(c.cur)), 0
		c.oldWords, c.curWords = c.curWords, make(map[string]cachedWords, len(c.curWords))
		c.oldValues, c.curValues = c.curValues, make(map[string]cachedValues, len(c.curValues))
	}
	c.curBytes += n
}

// words fills counts[k] with the number of words of bodies[k] where the
// cache knows it, from a split or a count, and with -1 elsewhere. It
// takes the lock once for all of them.
func (c *SplitCache) words(bodies []string, counts []int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, body := range bodies {
		counts[k] = -1
		if sp, ok := c.cur[body]; ok {
			counts[k] = sp.words
		} else if w, ok := c.curWords[body]; ok {
			counts[k] = w.words
		} else if sp, ok := c.old[body]; ok {
			c.keep(sp)
			counts[k] = sp.words
		} else if w, ok := c.oldWords[body]; ok {
			c.keepWords(w)
			counts[k] = w.words
		}
	}
}

// putWords keeps the word counts of bodies, each under a copy of its
// text, skipping those whose counts[k] is negative.
func (c *SplitCache) putWords(bodies []string, counts []int) {
	keys := make([]cachedWords, 0, len(bodies))
	for k, body := range bodies {
		if counts[k] >= 0 {
			keys = append(keys, cachedWords{key: strings.Clone(body), words: counts[k]})
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, w := range keys {
		c.keepWords(w)
	}
}

// keepWords adds w to the current generation; under c.mu.
func (c *SplitCache) keepWords(w cachedWords) {
	if _, ok := c.curWords[w.key]; ok {
		return
	}
	c.makeRoom(wordsBytes(w))
	c.curWords[w.key] = w
}

// splitBytes is what a kept split holds: its text, its sentences and the
// map entry.
func splitBytes(sp *cachedSplit) int {
	return len(sp.key) + 32*len(sp.sents) + 96
}

// wordsBytes is what a kept count holds: its text and the map entry.
func wordsBytes(w cachedWords) int {
	return len(w.key) + 64
}

// findValues returns findValues(s), from the cache when it holds it; when
// keep is set, it keeps what it found. A nil cache always searches.
func (c *SplitCache) findValues(s string, keep bool) []value {
	if c == nil {
		return findValues(s)
	}
	c.mu.Lock()
	v, ok := c.curValues[s]
	if !ok {
		if v, ok = c.oldValues[s]; ok {
			c.keepValues(v)
		}
	}
	c.mu.Unlock()
	if ok {
		return v.values
	}
	vs := findValues(s)
	if keep {
		v := copyValues(s, vs)
		c.mu.Lock()
		c.keepValues(v)
		c.mu.Unlock()
	}
	return vs
}

// copyValues returns s and its values vs on copies of their texts, made
// in one piece, so that the cache holds neither the text s points into
// nor a string apiece.
func copyValues(s string, vs []value) cachedValues {
	n := len(s)
	for _, x := range vs {
		n += len(x.text) + len(x.key) + len(x.alt) + len(x.tag)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(s)
	for _, x := range vs {
		b.WriteString(x.text)
		b.WriteString(x.key)
		b.WriteString(x.alt)
		b.WriteString(x.tag)
	}
	all := b.String()
	at := len(s)
	next := func(t string) string {
		at += len(t)
		return all[at-len(t) : at]
	}
	v := cachedValues{key: all[:len(s)], values: make([]value, len(vs))}
	for k, x := range vs {
		x.text, x.key, x.alt, x.tag = next(x.text), next(x.key), next(x.alt), next(x.tag)
		v.values[k] = x
	}
	return v
}

// keepValues adds v to the current generation; under c.mu.
func (c *SplitCache) keepValues(v cachedValues) {
	if _, ok := c.curValues[v.key]; ok {
		return
	}
	n := len(v.key) + 64
	for _, x := range v.values {
		n += 96 + len(x.text) + len(x.key) + len(x.alt) + len(x.tag)
	}
	c.makeRoom(n)
	c.curValues[v.key] = v
}
