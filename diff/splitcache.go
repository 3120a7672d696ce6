package diff

import (
	"strings"
	"sync"

	"github.com/redline-news/redline/internal/text"
)

// SplitCache remembers how paragraphs split into sentences, by their
// text, for CompareStats. A store that compares each new revision with the
// one before split the old revision's changed paragraph when that revision
// was new; with a SplitCache it splits only the new one. It holds at most
// about maxBytes of paragraphs, counting what their sentences take, in two
// halves: when the newer is full, the older, which holds what was not used
// since, is dropped. It is safe for concurrent use.
// The zero SplitCache is not usable; NewSplitCache makes one.
type SplitCache struct {
	mu       sync.Mutex
	cur, old map[string]*cachedSplit // two generations: cur is filled, old read and dropped
	curBytes int
	maxBytes int
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

// minCachedParagraph is the shortest paragraph worth keeping: shorter ones
// split in less time than they take to look up and copy.
const minCachedParagraph = 256

// NewSplitCache returns a SplitCache that holds about maxBytes.
func NewSplitCache(maxBytes int) *SplitCache {
	return &SplitCache{cur: map[string]*cachedSplit{}, old: map[string]*cachedSplit{}, maxBytes: max(maxBytes, 1)}
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
	n := splitBytes(sp)
	if c.curBytes+n > c.maxBytes/2 {
		c.old, c.cur, c.curBytes = c.cur, map[string]*cachedSplit{}, 0
	}
	c.cur[sp.key] = sp
	c.curBytes += n
}

// splitBytes is what a kept split holds: its text, its sentences and the
// map entry.
func splitBytes(sp *cachedSplit) int {
	return len(sp.key) + 32*len(sp.sents) + 96
}
