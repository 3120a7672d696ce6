package summarize

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/redline-news/redline/internal/langid"
	"github.com/redline-news/redline/internal/text"
)

// stopMask maps a lowercase word to a bit set of the languages (bit i for
// languages[i]) that list it as a stop word.
var stopMask = buildStopMask()

func buildStopMask() map[string]uint8 {
	mask := make(map[string]uint8)
	for i, lang := range languages {
		for w := range stopWords[lang] {
			mask[w] |= 1 << i
		}
	}
	return mask
}

// termCount is one distinct term of a sentence and how often it occurs there.
type termCount struct {
	term  int32
	count int32
}

// token is one word of the text: its term (-1 for a stop word) and its byte
// offsets in the text.
type token struct {
	term       int32
	start, end int32
	hash       uint32 // FNV-1a of the lowercase word, for the key phrases' edge words
}

// posting is one sentence that holds a term, with the term's tf-idf weight.
type posting struct {
	sent   int32
	weight float32
}

// edge is one link of the sentence graph: cosine of the tf-idf vectors and
// the TextRank word-overlap similarity.
type edge struct {
	to        int32
	cos, over float32
}

// sentenceInfo holds what the features need to know about one sentence.
type sentenceInfo struct {
	words     int  // word tokens, stop words included
	dependent bool // opens with a word that leans on an earlier sentence
	// leans: needs the sentence before it, by its first word (dependent)
	// or by its quotation marks (continuesQuote); selection reads it, the
	// learned scorer reads dependent alone, as it was trained.
	leans bool
	// quoteOpen: it opens a quotation that it leaves open for the next.
	quoteOpen  bool
	digits     bool
	quote      bool
	paragraph  int
	paraFirst  bool
	termsStart int // termCounts[termsStart:termsEnd] are its terms
	termsEnd   int
	// tokens[tokensStart:tokensEnd] are its words in order.
	tokensStart, tokensEnd int
	norm                   float64
}

// analysis is the per-call working state of one text. It is kept between calls (see idle) so that
// repeated calls reuse its buffers; only the vocabs' stems, which depend on
// nothing but the word and the language, carry over from one call to the
// next.
type analysis struct {
	defaultLang string // the caller's default language, "" for DefaultLanguage
	src         string
	lang        string
	source      string    // where lang came from (SourceDetected…)
	detection   Detection // what the detector said, when it ran
	detector    langid.Detector
	sents       []text.Sentence
	info        []sentenceInfo
	termCounts  []termCount
	tokens      []token
	df, tf      []int32
	idf         []float64
	idfByDF     []float64 // the idf of each document frequency, once computed
	postings    []posting
	postOff     []int32
	edges       []edge
	edgeOff     []int32
	numParas    int
	slot        []int32 // term → index in the current sentence's terms, or -1
	lower       []byte
	env         snowballstem.Env
	// vocabs, one a language, outlive the call: they are the only state
	// a kept scratch carries over, and they change no result.
	vocabs  []*vocab
	vocab   *vocab // the current language's
	phrases phrases
	// ideographic says that a word of the text is a character of a
	// script written without spaces, whose key phrases follow rules of
	// their own (addIdeographPhrases).
	ideographic bool
}

// reset prepares a for a new text, keeping its buffers.
func (a *analysis) reset(src string) {
	a.src = src
	a.ideographic = false
	a.info = a.info[:0]
	a.termCounts = a.termCounts[:0]
	a.tokens = a.tokens[:0]
	a.df, a.tf, a.idf = a.df[:0], a.tf[:0], a.idf[:0]
	a.postings, a.postOff = a.postings[:0], a.postOff[:0]
	a.edges, a.edgeOff = a.edges[:0], a.edgeOff[:0]
	a.slot = a.slot[:0]
}

// forEachWord calls fn with each word of s (a run of letters, digits and
// marks), lowercased into a reused buffer that fn must copy to keep, and
// with the word's byte offsets in s.
func (a *analysis) forEachWord(s string, fn func(w []byte, start, end int)) {
	lower := a.lower[:0]
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			a.lower = lower
			i = a.appendRune(s, i, &start, fn)
			lower = a.lower
			continue
		}
		// ASCII, most of any news text: a run of word bytes is lowered
		// in one tight loop, with no decoding and no rune tables.
		if asciiLower[c] != 0 {
			if len(lower) == 0 {
				start = i
			}
			for ; i < len(s) && asciiLower[s[i]] != 0; i++ {
				lower = append(lower, asciiLower[s[i]])
			}
			continue
		}
		if len(lower) > 0 {
			fn(lower, start, i)
			lower = lower[:0]
		}
		i++
	}
	if len(lower) > 0 {
		fn(lower, start, len(s))
	}
	a.lower = lower[:0]
}

// asciiLower maps each ASCII letter and digit to its lower case, and every
// other byte to 0.
var asciiLower = func() (t [256]byte) {
	for c := range 128 {
		if isASCIIWord(byte(c)) {
			t[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return t
}()

// appendRune handles the non-ASCII rune at s[i] for forEachWord and
// returns where the next one starts.
func (a *analysis) appendRune(s string, i int, start *int, fn func(w []byte, start, end int)) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	if isIdeograph(r) {
		// Scripts written without spaces: each character is a word, which
		// is what language-neutral processing can tell of them.
		if len(a.lower) > 0 {
			fn(a.lower, *start, i)
		}
		a.lower = utf8.AppendRune(a.lower[:0], r)
		fn(a.lower, i, i+n)
		a.lower = a.lower[:0]
		return i + n
	}
	if isWordRune(r) {
		if len(a.lower) == 0 {
			*start = i
		}
		a.lower = utf8.AppendRune(a.lower, unicode.ToLower(r))
	} else if len(a.lower) > 0 {
		fn(a.lower, *start, i)
		a.lower = a.lower[:0]
	}
	return i + n
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isIdeograph reports whether r belongs to a script written without spaces
// between words: Han, Hiragana and Katakana.
func isIdeograph(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize fills info and termCounts for every sentence.
func (a *analysis) tokenize() {
	langBit := uint8(0) // no stop words for a language without a list
	if i := languageIndex(a.lang); i < len(languages) {
		langBit = 1 << i
	}
	a.vocab = a.vocabFor(a.lang)
	a.vocab.begin()
	var prev quoteShape
	openers := openerSets[a.lang]
	for i, s := range a.sents {
		info := &a.info[i]
		info.termsStart = len(a.termCounts)
		info.tokensStart = len(a.tokens)
		info.dependent = i > 0 && leansOnPrevious(s.Text, a.lang, openers)
		shape, _ := scanQuotes(s.Text, nil)
		info.leans = info.dependent || i > 0 && continuesQuote(prev, shape, a.sents[i-1].Text, a.lang)
		info.quoteOpen, prev = shape.endsOpen, shape
		info.digits, info.quote = shape.digits, shape.marked
		a.sentenceWords(s, info, langBit)
		info.tokensEnd = len(a.tokens)
		info.termsEnd = len(a.termCounts)
		for _, tc := range a.termCounts[info.termsStart:] {
			a.slot[tc.term] = -1
			a.df[tc.term]++
		}
	}
}

// countryUSWord is the word that "US" in capitals stands for in English: the
// country, a content word, where the lowercase "us" is a pronoun and a stop
// word. No English word lowercases to it, since a word is a run of letters
// and digits.
var countryUSWord = []byte("u.s.")

// countryUS reports whether w, a word of the text as written, is "US" in
// an English text: the country.
func (a *analysis) countryUS(w string) bool { return w == "US" && a.lang == "en" }

// countryUSHash is the hash of countryUSWord.
var countryUSHash = fnv32(countryUSWord)

// sentenceWords adds the words of sentence s, the words forEachWord
// finds, to the tokens and terms. A word of ASCII letters and digits that
// the text ends or an ASCII byte ends, nearly every word of a news text,
// is hashed as lowercase in one pass and looked up in the word table,
// inline, where it stands in the text, as is the count of its term; any other word goes through the lowercase buffer as
// forEachWord builds it.
func (a *analysis) sentenceWords(s text.Sentence, info *sentenceInfo, langBit uint8) {
	src := s.Text
	v := a.vocab
	slots := v.words.slots
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if asciiLower[c] == 0 {
				i++
				continue
			}
			h, j := uint32(2166136261), i
			for ; j < len(src); j++ {
				lc := asciiLower[src[j]]
				if lc == 0 {
					break
				}
				h = (h ^ uint32(lc)) * 16777619
			}
			if j == len(src) || src[j] < utf8.RuneSelf {
				// The table's words are lowercase, so a word with a
				// capital is not found as it stands, and is lowered.
				stem, found := int32(0), false
				if j-i == 2 && a.countryUS(src[i:j]) {
					// The country, not the pronoun "us".
					h = countryUSHash
					stem, found = stemOf(a, countryUSWord, h, langBit), true
					slots = v.words.slots
				}
				if w := src[i:j]; !found && len(w) <= inlineWord && len(slots) > 0 {
					mask := len(slots) - 1
					for k := slotIndex(h, mask); ; k = (k + 1) & mask {
						sl := &slots[k]
						if sl.n == 0 {
							break
						}
						if sl.hash == h && int(sl.n) == len(w) && string(sl.key[:sl.n]) == w {
							stem, found = sl.stem, true
							break
						}
					}
				}
				if !found {
					stem = a.asciiStem(src[i:j], h, langBit)
					slots = v.words.slots // learning may have grown the table
				}
				info.words++
				term := int32(-1)
				if stem >= 0 {
					if v.seen[stem] == v.call {
						term = v.termOf[stem]
					} else {
						term = a.term(stem)
					}
				}
				a.tokens = append(a.tokens, token{term: term, start: int32(s.Start + i), end: int32(s.Start + j), hash: h})
				if term >= 0 {
					a.tf[term]++
					if k := a.slot[term]; k >= 0 {
						a.termCounts[k].count++
					} else {
						a.newTerm(term)
					}
				}
				i = j
				continue
			}
		}
		i = a.otherWord(s, info, langBit, i)
		slots = v.words.slots
	}
}

// asciiStem is stemOf for a word of ASCII letters and digits, which may
// hold capitals.
func (a *analysis) asciiStem(w string, h uint32, langBit uint8) int32 {
	lower := a.lower[:0]
	for k := 0; k < len(w); k++ {
		lower = append(lower, asciiLower[w[k]])
	}
	a.lower = lower
	return stemOf(a, lower, h, langBit)
}

// otherWord is sentenceWords for a word that holds a byte past ASCII, or
// for such a byte outside words: from src[i], where no word is under way,
// it adds the word forEachWord would find there, if any, and returns where
// sentenceWords goes on.
func (a *analysis) otherWord(s text.Sentence, info *sentenceInfo, langBit uint8, i int) int {
	src := s.Text
	lower, start := a.lower[:0], i
	defer func() { a.lower = lower[:0] }()
	flush := func(end int) {
		if len(lower) > 0 {
			if end-start == 2 && a.countryUS(src[start:end]) {
				lower = append(lower[:0], countryUSWord...) // the country: "US’", "US—"
			}
			h := fnv32(lower)
			a.addToken(info, stemOf(a, lower, h, langBit), h, s.Start+start, s.Start+end)
			lower = lower[:0]
		}
	}
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			lc := asciiLower[c]
			if lc == 0 {
				flush(i)
				return i
			}
			lower = append(lower, lc)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case isIdeograph(r):
			// Scripts written without spaces: each character is a word
			// (see appendRune).
			a.ideographic = true
			flush(i)
			start = i
			lower = utf8.AppendRune(lower, r)
			flush(i + n)
			return i + n
		case isWordRune(r):
			if len(lower) == 0 {
				start = i
			}
			lower = utf8.AppendRune(lower, unicode.ToLower(r))
			i += n
		default:
			flush(i)
			return i + n
		}
	}
	flush(i)
	return i
}

// stemOf returns the stem id of the lowercase word w, whose fnv32 is h, or
// -1 for a stop word or a single letter.
func stemOf[W string | []byte](a *analysis, w W, h uint32, langBit uint8) int32 {
	if stem, ok := lookup(&a.vocab.words, w, h); ok {
		return stem
	}
	return a.learn(string(w), h, langBit).stem
}

// addToken adds one word of the sentence info describes, at src[start:end],
// of stem id stem and hash h.
func (a *analysis) addToken(info *sentenceInfo, stem int32, h uint32, start, end int) {
	info.words++
	term := int32(-1)
	if stem >= 0 {
		term = a.term(stem)
	}
	a.tokens = append(a.tokens, token{term: term, start: int32(start), end: int32(end), hash: h})
	a.addTerm(term)
}

// addTerm counts one occurrence of term in the current sentence.
func (a *analysis) addTerm(term int32) {
	if term < 0 {
		return
	}
	a.tf[term]++
	if k := a.slot[term]; k >= 0 {
		a.termCounts[k].count++
		return
	}
	a.newTerm(term)
}

// newTerm lists term, counted once, among the current sentence's terms.
func (a *analysis) newTerm(term int32) {
	a.slot[term] = int32(len(a.termCounts))
	a.termCounts = append(a.termCounts, termCount{term: term, count: 1})
}

// languageIndex returns lang's place in languages, or len(languages) for
// a language without stop words and a stemmer.
func languageIndex(lang string) int {
	for i, l := range languages {
		if l == lang {
			return i
		}
	}
	return len(languages)
}

// weigh computes idf, sentence norms and the postings of every term.
func (a *analysis) weigh() {
	n := float64(len(a.sents))
	// Most terms share a few document frequencies (1, 2, 3…), and a
	// term's idf depends on nothing else: each is computed once.
	byDF := resize(a.idfByDF, len(a.sents)+1) // 0 until computed; an idf is above 0
	a.idfByDF = byDF
	for _, df := range a.df {
		v := byDF[df]
		if v == 0 {
			v = math.Log(1 + n/float64(df))
			byDF[df] = v
		}
		a.idf = append(a.idf, v)
	}
	a.postOff = append(a.postOff, make([]int32, len(a.df)+1)...)
	for t, df := range a.df {
		a.postOff[t+1] = a.postOff[t] + df
	}
	a.postings = append(a.postings, make([]posting, len(a.termCounts))...)
	fill := a.slot // reused as a write cursor per term
	for t := range fill {
		fill[t] = a.postOff[t]
	}
	for i := range a.info {
		a.info[i].norm = a.weighSentence(i, fill)
	}
	for t := range fill {
		fill[t] = -1
	}
}

func (a *analysis) weighSentence(i int, fill []int32) float64 {
	info := &a.info[i]
	sum := 0.0
	for _, tc := range a.termCounts[info.termsStart:info.termsEnd] {
		w := float64(tc.count) * a.idf[tc.term]
		sum += w * w
		a.postings[fill[tc.term]] = posting{sent: int32(i), weight: float32(w)}
		fill[tc.term]++
	}
	return math.Sqrt(sum)
}

// fnv32 is the 32-bit FNV-1a hash of w.
func fnv32(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}
