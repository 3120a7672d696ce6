package summarize

// wordTable maps lowercase words to their stem ids for a vocab. It is an
// open-addressing table whose slots hold short words inline: a lookup,
// which tokenizing makes for every word of every text, reads one slot of
// 32 bytes instead of a map's control word, its slot and the key's bytes
// elsewhere, three places in memory a large vocab rarely has in cache.
// Words longer than inlineWord bytes, rare in any language, go to a map.
type wordTable struct {
	slots []wordSlot // a power of two in length, at most half full
	used  int
	long  map[string]int32
}

// inlineWord is the longest word a slot holds.
const inlineWord = 23

// wordSlot is one word of up to inlineWord bytes; n == 0 marks it empty.
type wordSlot struct {
	hash uint32 // fnv32 of the word
	stem int32
	n    uint8
	key  [inlineWord]byte
}

// minWordSlots is the table's size before it first grows.
const minWordSlots = 2048

// len returns how many words the table holds.
func (t *wordTable) len() int { return t.used + len(t.long) }

// clear forgets every word and keeps the slots.
func (t *wordTable) clear() {
	clear(t.slots)
	t.used = 0
	clear(t.long)
}

// slotOf spreads the hash over the table: fnv32's low bits alone follow
// a word's last byte too closely.
func (t *wordTable) slotOf(h uint32) int { return slotIndex(h, len(t.slots)-1) }

// slotIndex is slotOf for a table of mask+1 slots.
func slotIndex(h uint32, mask int) int { return int((h*0x9E3779B1)>>7) & mask }

// get returns the stem id of w, whose fnv32 is h.
func (t *wordTable) get(w []byte, h uint32) (int32, bool) { return lookup(t, w, h) }

// lookup is get for a word held in a string or in bytes: tokenizing looks
// a word up in the text itself when lowercasing leaves it as it is.
func lookup[W string | []byte](t *wordTable, w W, h uint32) (int32, bool) {
	if len(w) > inlineWord {
		stem, ok := t.long[string(w)]
		return stem, ok
	}
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := len(t.slots) - 1
	for i := t.slotOf(h); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return 0, false
		}
		if s.hash == h && int(s.n) == len(w) && string(s.key[:s.n]) == string(w) {
			return s.stem, true
		}
	}
}

// put records that w, whose fnv32 is h, has stem id stem; w must not be in
// the table yet.
func (t *wordTable) put(w []byte, h uint32, stem int32) { store(t, w, h, stem) }

// store is put for a word held in a string or in bytes.
func store[W string | []byte](t *wordTable, w W, h uint32, stem int32) {
	if len(w) > inlineWord {
		if t.long == nil {
			t.long = map[string]int32{}
		}
		t.long[string(w)] = stem
		return
	}
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	s := wordSlot{hash: h, stem: stem, n: uint8(len(w))}
	copy(s.key[:], w)
	t.insert(s)
}

// insert places s in the first free slot of its run.
func (t *wordTable) insert(s wordSlot) {
	mask := len(t.slots) - 1
	i := t.slotOf(s.hash)
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
	t.used++
}

// grow doubles the table and places every word again.
func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, max(minWordSlots, 2*len(old)))
	t.used = 0
	for i := range old {
		if s := old[i]; s.n != 0 {
			t.insert(s)
		}
	}
}
