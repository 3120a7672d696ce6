package summarize

import "unicode/utf8"

// maxVocab bounds how many words one language's vocab remembers between
// calls. A news vocabulary levels off well below it, so the bound only
// matters for unusual input, and it keeps a kept scratch from growing
// without limit.
const maxVocab = 50_000

// vocab remembers, across the calls that share a kept scratch, what one
// language makes of each lowercase word. Stemming is the costliest step of
// tokenizing and news articles reuse most of their words, so each word is
// stemmed once per vocab rather than once per call.
type vocab struct {
	words wordTable        // lowercase word → stem id
	stems map[string]int32 // stem → stem id
	// termOf[id] is the current call's term for stem id, valid only when
	// seen[id] == call; the stamp spares clearing it between calls.
	termOf []int32
	seen   []uint32
	call   uint32
}

// wordInfo is what a vocab knows of one lowercase word.
type wordInfo struct {
	stem int32  // stem id, or -1 for a stop word or a single letter
	hash uint32 // fnv32 of the word, for the key phrases' edge words
}

// begin readies v for a new call, forgetting every word once it has grown
// past maxVocab. It keeps the memory that held them, the word table's
// slots (a few MB at that size), the stems map and the ids' slices, so
// that starting afresh allocates nothing and the vocab does not grow it
// all again word by word.
func (v *vocab) begin() {
	switch {
	case v.stems == nil:
		v.stems = make(map[string]int32, 1024)
	case v.words.len() > maxVocab:
		v.words.clear()
		clear(v.stems)
		v.termOf, v.seen = v.termOf[:0], v.seen[:0]
	}
	v.call++
	if v.call == 0 { // wrapped: old stamps could match again
		clear(v.seen)
		v.call = 1
	}
}

// vocabFor returns the vocab of language lang, making it on first use.
func (a *analysis) vocabFor(lang string) *vocab {
	if a.vocabs == nil {
		a.vocabs = make([]*vocab, len(languages)+1) // the last is language-neutral
	}
	i := languageIndex(lang)
	if a.vocabs[i] == nil {
		a.vocabs[i] = new(vocab)
	}
	return a.vocabs[i]
}

// learn stems a word not seen before, whose fnv32 is h, and remembers it.
func (a *analysis) learn(word string, h uint32, langBit uint8) wordInfo {
	v := a.vocab
	info := wordInfo{stem: -1, hash: h}
	if stopMask[word]&langBit == 0 && (utf8.RuneCountInString(word) > 1 || isIdeographWord(word)) {
		stem := word
		if stemmer := stemmers[a.lang]; stemmer != nil {
			a.env.SetCurrent(word)
			stemmer(&a.env)
			stem = a.env.Current()
		}
		id, ok := v.stems[stem]
		if !ok {
			id = int32(len(v.stems))
			v.stems[stem] = id
			v.termOf = append(v.termOf, 0)
			v.seen = append(v.seen, 0)
		}
		info.stem = id
	}
	store(&v.words, word, h, info.stem)
	return info
}

// isIdeographWord reports whether w is one Han or kana character, a word
// of its own although a single letter.
func isIdeographWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && isIdeograph(r)
}

// term returns the call's term for a stem id, numbering terms in the order
// the text first uses them.
func (a *analysis) term(stem int32) int32 {
	v := a.vocab
	if v.seen[stem] == v.call {
		return v.termOf[stem]
	}
	id := int32(len(a.df))
	v.seen[stem], v.termOf[stem] = v.call, id
	a.df = append(a.df, 0)
	a.tf = append(a.tf, 0)
	a.slot = append(a.slot, -1)
	return id
}
