// Package summarize writes extractive summaries: it picks the sentences of a
// text that best cover it and returns them with their byte offsets, scores
// and the text's key phrases. It does no I/O and keeps no mutable state, so
// any program can call it from many goroutines at once.
package summarize

import (
	"errors"
	"runtime"

	"github.com/redline-news/redline/internal/text"
)

// Algorithm names accepted in Options.Algorithm.
const (
	// Lead takes the first sentences: the classic news baseline.
	Lead = "lead"
	// TextRank ranks sentences by PageRank over word-overlap similarity.
	TextRank = "textrank"
	// LexRank ranks sentences by PageRank over tf-idf cosine similarity.
	LexRank = "lexrank"
	// Learned scores sentences with a logistic regression over position,
	// length, centrality and graph-rank features, then drops near-duplicates.
	Learned = "learned"
	// DefaultAlgorithm is used when Options.Algorithm is empty.
	DefaultAlgorithm = Learned
)

// Order names accepted in Options.Order.
const (
	// OrderDocument returns sentences in the order of the text.
	OrderDocument = "document"
	// OrderRank returns the best sentence first.
	OrderRank = "rank"
)

// ErrInvalidOptions is wrapped by every error about Options.
var ErrInvalidOptions = errors.New("invalid summary options")

// ErrEmptyText is returned for a text that holds no sentence.
var ErrEmptyText = errors.New("text has no sentences")

// Options control a summary. The zero value asks for the default algorithm,
// a detected language, DefaultSentences sentences in document order and
// DefaultKeywords keywords.
type Options struct {
	Algorithm string // "" is DefaultAlgorithm
	Language  string // ISO 639-1 code (KnownLanguages); "" detects it
	// FallbackLanguage is the language of a text too short or unclear to
	// tell; "" is DefaultLanguage.
	FallbackLanguage string
	// DefaultLanguage stands in for the package's DefaultLanguage: a
	// server's own default, used when neither detection nor
	// FallbackLanguage decides (the source is then SourceDefault).
	DefaultLanguage string
	Sentences       int     // how many sentences; at most one of Sentences, Ratio and Words
	Ratio           float64 // share of the text's sentences, 0 < Ratio <= 1
	Words           int     // word budget: the longest summary that fits
	Order           string  // OrderDocument (default) or OrderRank
	// Keywords is how many key phrases: 0 is DefaultKeywords, NoKeywords
	// none. Only a value other than 0 puts them in the HTML rendering.
	Keywords      int
	keywordsAsked bool // Keywords was given, so HTML shows them
	normalized    bool // normalize has run: Keywords 0 then means none
	// Model replaces the learned scorer's built-in model; nil keeps it.
	// Training and cross-validation use it to score models not compiled in.
	Model *Model
}

// Model is the learned scorer: two logistic regressions over the sentence
// features (see FeatureNames), one fitted to short summaries (three
// sentences of a CNN/DM story) and one to long ones (about 40% of a BBC
// story). The summary is built one sentence at a time, and the j-th pick
// blends the two by where the share j/n falls between ShortShare and
// LongShare, or by where j falls between ShortPicks and LongPicks when
// that gives the long model more: the first picks are what a brief needs,
// the later ones what a digest adds. Since the blend follows the pick, not the requested length,
// the k-sentence summary is the (k−1)-sentence one plus a sentence, and a
// sentence's score (its blended score when picked) is the same whatever
// length is asked.
type Model struct {
	Short, Long           []float64
	ShortShare, LongShare float64
	// ShortPicks and LongPicks, when LongPicks is above 0, also blend by the
	// pick's number j: the long model counts at least (j−ShortPicks) /
	// (LongPicks−ShortPicks), between 0 and 1.
	ShortPicks, LongPicks float64
}

// Sentence is one sentence of a summary. Index is its place among the text's
// sentences and Start and End its byte offsets in the text.
type Sentence struct {
	Index int     `json:"index"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Score float64 `json:"score"`
	Text  string  `json:"text"`
	// Kind says what the unit is; only KindSentence units are summarized,
	// the others appear only when ratio 1 asks for every unit.
	Kind string `json:"kind"`
	// Why and Fact say, in a summary of changes (Changes), why the
	// sentence is new: WhyAdded, WhyEdited, or WhyFact with the kind of
	// the fact that changed.
	Why  string `json:"why,omitempty"`
	Fact string `json:"fact,omitempty"`
	// Context, in a summary of changes, holds the unchanged sentences this
	// one leans on, in document order, when it would not read alone ("He
	// said…"); they are not new, and come before it in every format.
	Context []Context `json:"context,omitempty"`
}

// Unit kinds, the values of Sentence.Kind; docs/SUMMARIZE.md says how each
// is recognised.
const (
	KindSentence    = "sentence"
	KindHeading     = "heading"
	KindByline      = "byline"
	KindDateline    = "dateline"
	KindTimestamp   = "timestamp"
	KindCaption     = "caption"
	KindBoilerplate = "boilerplate"
)

// Units returns every unit of src, in order, with its kind: the
// segmentation a summary with ratio 1 returns. lang "" detects the language.
func Units(src, lang string) []Sentence {
	sents := text.Sentences(src)
	kinds := text.Classify(src, sents)
	out := make([]Sentence, len(sents))
	for i, t := range sents {
		out[i] = Sentence{Index: i, Start: t.Start, End: t.End, Text: t.Text, Kind: kinds[i].String()}
	}
	return out
}

// Keyword is one key phrase of the text with its weight (the best is 1).
type Keyword struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// Summary is the result of Summarize.
type Summary struct {
	Algorithm string `json:"algorithm"`
	Language  string `json:"language"`
	// LanguageSource says where Language came from: SourceRequested,
	// SourceDetected, SourceFallback or SourceDefault.
	LanguageSource string `json:"language_source"`
	// Supported says whether Language has stop words and a stemmer; a
	// summary in another language is made without either.
	Supported bool `json:"supported"`
	// Detection is what the detector made of the text, when it ran (no
	// Language was requested).
	Detection *Detection `json:"detection,omitempty"`
	Sentences []Sentence `json:"sentences"`
	Keywords  []Keyword  `json:"keywords"`
	// listKeywords says whether the text, Markdown and HTML forms list
	// the keywords: only when the options asked for them (Keywords not
	// 0); JSON always holds them.
	listKeywords bool
}

// Algorithms returns the names of the available algorithms.
func Algorithms() []string { return []string{Learned, LexRank, TextRank, Lead} }

// scratch is everything one call needs, kept between calls to spare the
// allocator.
type scratch struct {
	a                     analysis
	g                     graphScratch
	stats                 docStats
	rank                  ranker
	lexCopy, centroid     []float64
	feats, scores, maxSim []float64
	chosen                []int
	arranged              []int     // chosen in the order of the summary
	zShort, zLong         []float64 // learned logits under each model
	model                 *Model
	base                  []float64 // the algorithm's scores
	pickScore             []float64 // each chosen sentence's score when picked
	chosenSet, passed     []bool
	blocks                []heapBlock // heapPicks' heap of candidate blocks
	order                 []int       // the top-up's single sentences, best first
	prio                  []float64   // priorities at the first top-up pick
	version               []int       // the top-up heap's entry version per last sentence
	learned, coherent     bool
	toppingUp             bool    // the top-up runs: quotations no longer kept whole
	limit                 float64 // redundancy limit
	wordsLeft             int     // what is left of a word budget, or -1
	kinds                 []text.Kind
	notice                []bool // the units of correction notices
	noticed               bool   // whether notice marks any
	cands                 []text.Sentence
	unitOf                []int // unit index of each candidate
}

// idle holds scratches between calls, with the stems their vocabs learned.
// Unlike a sync.Pool, which every garbage collection empties (and with it
// the stems, so that a process that allocates elsewhere stems every word
// again), it lives as long as the process; it is bounded by its capacity,
// each vocab by maxVocab words, and the buffers a scratch keeps by
// maxKeptTokens.
var idle = make(chan *scratch, 2*runtime.GOMAXPROCS(0))

// maxKeptTokens is the most words a scratch's buffers may hold between
// calls; after a longer text they are dropped, the stems kept.
const maxKeptTokens = 1 << 16

func getScratch() *scratch {
	select {
	case s := <-idle:
		return s
	default:
		return new(scratch)
	}
}

func putScratch(s *scratch) {
	if cap(s.a.tokens) > maxKeptTokens {
		*s = scratch{a: analysis{vocabs: s.a.vocabs}}
	}
	select {
	case idle <- s:
	default: // enough are idle: let this one go
	}
}

// Summarize returns the summary of text that opts ask for. It fails with an
// error wrapping ErrInvalidOptions for bad options and with ErrEmptyText when
// the text holds no sentence.
func Summarize(src string, opts Options) (*Summary, error) {
	opts, err := normalize(opts)
	if err != nil {
		return nil, err
	}
	sents := text.Sentences(src)
	if len(sents) == 0 {
		return nil, ErrEmptyText
	}
	s := getScratch()
	defer putScratch(s)
	return s.summarize(src, opts, sents), nil
}

// summarize computes the summary of src, split into units, with s.
func (s *scratch) summarize(src string, opts Options, units []text.Sentence) *Summary {
	s.candidates(src, units)
	s.a.defaultLang = opts.DefaultLanguage
	s.a.analyze(src, opts.Language, opts.FallbackLanguage, s.cands, &s.g)
	s.holdNoticesTogether(src, units)
	scores := s.score(opts)
	k := opts.length(&s.a)
	chosen := s.choose(opts, scores, k)
	if opts.Ratio == 1 {
		return s.everyUnit(opts, units)
	}
	return s.summary(opts, chosen)
}

// candidates classifies units and keeps the sentences among them, the only
// units a summary may pick, less those that repeat a figure a correction
// notice of the text takes back (retractedValues); a text with no sentence
// at all offers every unit rather than nothing.
func (s *scratch) candidates(src string, units []text.Sentence) {
	s.kinds = text.AppendKinds(s.kinds[:0], src, units)
	s.notice = resizeBools(s.notice, len(units))
	retracted := retractedValues(src, units, s.kinds, s.notice)
	s.noticed = retracted != nil
	s.cands, s.unitOf = s.cands[:0], s.unitOf[:0]
	for i, u := range units {
		if s.kinds[i] == text.KindSentence && (retracted == nil || s.notice[i] || !holdsRetracted(u.Text, retracted)) {
			s.cands = append(s.cands, u)
			s.unitOf = append(s.unitOf, i)
		}
	}
	if len(s.cands) == 0 {
		s.cands = append(s.cands, units...)
		for i := range units {
			s.unitOf = append(s.unitOf, i)
		}
	}
}

// SentenceFeatures returns the candidate sentences of src and the learned
// scorer's feature vector of each. Training reads it; language "" detects
// the language.
func SentenceFeatures(src, language string) ([]Sentence, [][]float64, error) {
	if _, err := normalize(Options{Language: language}); err != nil {
		return nil, nil, err
	}
	units := text.Sentences(src)
	if len(units) == 0 {
		return nil, nil, ErrEmptyText
	}
	s := getScratch()
	defer putScratch(s)
	s.candidates(src, units)
	sents := s.cands
	s.a.analyze(src, language, "", sents, &s.g)
	s.holdNoticesTogether(src, units)
	flat := make([]float64, len(sents)*NumFeatures)
	s.a.features(s.a.stats(s), flat)
	out := make([]Sentence, len(sents))
	rows := make([][]float64, len(sents))
	for i, t := range sents {
		out[i] = Sentence{Index: s.unitOf[i], Start: t.Start, End: t.End, Text: t.Text, Kind: s.kinds[s.unitOf[i]].String()}
		rows[i] = flat[i*NumFeatures : (i+1)*NumFeatures : (i+1)*NumFeatures]
	}
	return out, rows, nil
}

// analyze segments nothing itself: it tokenizes, weighs and links sents.
func (a *analysis) analyze(src, lang, fallback string, sents []text.Sentence, g *graphScratch) {
	a.reset(src)
	a.sents = sents
	a.assignParagraphs()
	a.chooseLanguage(lang, fallback)
	a.tokenize()
	a.weigh()
	a.buildGraph(g)
}

// assignParagraphs records each sentence's paragraph and whether it opens it.
func (a *analysis) assignParagraphs() {
	paras := text.Paragraphs(a.src)
	a.numParas = len(paras)
	p := 0
	for _, s := range a.sents {
		for p+1 < len(paras) && s.Start >= paras[p+1].Start {
			p++
		}
		first := len(a.info) == 0 || a.info[len(a.info)-1].paragraph != p
		a.info = append(a.info, sentenceInfo{paragraph: p, paraFirst: first})
	}
}
