package diff

import "hash/maphash"

// tokenIDs maps the tokens of a comparison to runes for go-diff, as intern
// does with a map: the first token seen is rune 0, the next new one rune
// 1 and so on, skipping the surrogates. Interning every token of each
// changed block is a good part of a word diff's cost, and an open
// addressing table of strings does it in about a third of a map's
// instructions.
type tokenIDs struct {
	slots []tokenSlot // a power of two of them, at most half in use
	n     int         // the tokens in the table
}

// tokenSlot holds a token and its rune plus one; 0 marks a free slot.
type tokenSlot struct {
	key string
	id  rune
}

// tokenSeed seeds the hash of the tokens, so that no text can be written
// to make them collide; it is set once, at start.
var tokenSeed = maphash.MakeSeed()

// makeRoom gives the empty table room for about n tokens.
func (t *tokenIDs) makeRoom(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	t.slots, t.n = make([]tokenSlot, size), 0
}

// intern returns the rune standing for s, allocating the next one the
// first time s is seen, or -1 once maxIDs runes are in use.
func (t *tokenIDs) intern(s string) rune {
	mask := uint64(len(t.slots) - 1)
	for i := maphash.String(tokenSeed, s) & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.id == 0 {
			return t.add(sl, s)
		}
		if sl.key == s {
			return sl.id - 1
		}
	}
}

// add puts s in the free slot sl with the next rune, and grows the table
// once it is half full.
func (t *tokenIDs) add(sl *tokenSlot, s string) rune {
	if t.n >= maxIDs {
		return -1
	}
	r := rune(t.n)
	if r >= 0xD800 {
		r += 0x800
	}
	sl.key, sl.id = s, r+1
	if t.n++; 2*t.n > len(t.slots) {
		t.grow()
	}
	return r
}

// grow doubles the table.
func (t *tokenIDs) grow() {
	old := t.slots
	t.slots = make([]tokenSlot, 2*len(old))
	mask := uint64(len(t.slots) - 1)
	for _, sl := range old {
		if sl.id == 0 {
			continue
		}
		i := maphash.String(tokenSeed, sl.key) & mask
		for t.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = sl
	}
}
