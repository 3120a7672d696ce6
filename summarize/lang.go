package summarize

import (
	"cmp"
	"sort"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/spanish"
)

// languages lists the supported ISO 639-1 codes: the languages with stop
// words and a stemmer. Any other language the detector knows is summarized
// with language-neutral processing.
var languages = []string{"en", "de", "fr", "es", "it", "pt", "nl"}

// stemmers maps each language to its Snowball stemmer.
var stemmers = map[string]func(*snowballstem.Env) bool{
	"en": english.Stem, "de": german.Stem, "fr": french.Stem, "es": spanish.Stem,
	"it": italian.Stem, "pt": portuguese.Stem, "nl": dutch.Stem,
}

// DefaultLanguage is the language of a text too short or too unclear for
// detection when the options name no FallbackLanguage.
const DefaultLanguage = "en"

// Where a summary's language came from: the values of
// Summary.LanguageSource.
const (
	// SourceRequested: Options.Language named it.
	SourceRequested = "requested"
	// SourceDetected: the detector recognised it with confidence.
	SourceDetected = "detected"
	// SourceFallback: the text was too short or unclear to tell, and
	// Options.FallbackLanguage named it.
	SourceFallback = "fallback"
	// SourceDefault: the text was too short or unclear to tell, and no
	// fallback was given, so DefaultLanguage.
	SourceDefault = "default"
)

// Languages returns the ISO 639-1 codes of the supported languages: those
// Summarize has stop words and a stemmer for.
func Languages() []string { return append([]string(nil), languages...) }

// KnownLanguages returns, sorted, every code Options.Language accepts: the
// supported languages and the others the detector can name.
func KnownLanguages() []string { return append([]string(nil), knownCodes...) }

// Supported reports whether lang has stop words and a stemmer.
func Supported(lang string) bool {
	_, ok := stemmers[lang]
	return ok
}

func knownLanguage(lang string) bool {
	_, ok := codeLangs[lang]
	return ok
}

// codeOf maps each of the detector's languages to its ISO 639-1 code, or to
// its ISO 639-3 code where it has none (Cebuano, Ilocano, Saraiki);
// codeLangs is the reverse, and knownCodes its keys sorted. They are filled
// once at start, since the detector's own conversion builds a map a call.
var codeOf, codeLangs, knownCodes = buildCodes()

// missingISO6391 gives the ISO 639-1 codes the detector's table leaves out.
var missingISO6391 = map[whatlanggo.Lang]string{whatlanggo.Pes: "fa", whatlanggo.Ydd: "yi"}

func buildCodes() (map[whatlanggo.Lang]string, map[string]whatlanggo.Lang, []string) {
	of := make(map[whatlanggo.Lang]string, len(whatlanggo.Langs))
	rev := make(map[string]whatlanggo.Lang, len(whatlanggo.Langs))
	for l := range whatlanggo.Langs {
		code := l.Iso6391()
		if c, ok := missingISO6391[l]; ok {
			code = c
		}
		if code == "" {
			code = l.Iso6393()
		}
		if _, dup := rev[code]; dup || code == "" {
			continue
		}
		of[l], rev[code] = code, l
	}
	codes := make([]string, 0, len(rev))
	for c := range rev {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return of, rev, codes
}

// detectSample bounds how many bytes of the text language detection reads,
// from the first candidate sentence on: a few hundred bytes decide, and a
// longer text must not cost more.
const detectSample = 512

// confirmSample bounds the bytes the detector reads when the stop words
// have narrowed the field to a few languages: the detector's cost grows
// with its input (it counts and sorts the input's trigrams), and among a
// few related languages a sentence or two decides.
const confirmSample = 160

// minConfidence is the detector's confidence (0 to 1) below which a text
// counts as too unclear to tell; it is the detector's own threshold of a
// reliable answer.
const minConfidence = whatlanggo.ReliableConfidenceThreshold

// minDetectLetters is the fewest letters a text must have for its detected
// language to count: below it a trigram profile says nothing.
const minDetectLetters = 12

// A clear vote of one supported language's stop words decides without the
// trigram detector, which costs about 200 µs a call whatever its input
// (it compares the input with the 300 trigrams of each of 49 Latin-script
// profiles, and allocates for every trigram of its input): more than the
// whole summary of a news article. The vote is clear when, among at least
// voteWords words, the language's stop words are at least voteShare of
// them and voteMargin times as many as those of the next supported language.
// Measured on one sentence or paragraph in each of 76 languages (the
// detector's own examples and testdata/lang), no other language comes near
// (Ilocano reaches a share of 0.30 but ties Spanish with French; the next is
// 0.20), while the supported ones reach 0.34 to 0.58 with a margin of 1.5 to
// 8.7; docs/SUMMARIZE.md has the figures. Anything else goes to the
// detector.
const (
	voteWords  = 20
	voteShare  = 0.28
	voteMargin = 1.4
)

// confirm names the supported languages whose stop words a language the
// detector knows shares so widely that it could win the vote: Afrikaans
// writes most of Dutch's function words. A vote for one of them is checked
// by the detector among the two, on confirmSample bytes.
var confirm = map[string]whatlanggo.Options{
	"nl": {Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Nld: true, whatlanggo.Afr: true}},
}

// Detection methods, the values of Detection.Method.
const (
	MethodStopWords = "stopwords"
	MethodTrigrams  = "trigrams"
)

// Detection is what language detection made of a text.
type Detection struct {
	// Language is the ISO 639-1 code (ISO 639-3 where there is none), or
	// "" when the text has no letters the detector reads.
	Language string `json:"language"`
	// Confidence is the detector's, from 0 to 1.
	Confidence float64 `json:"confidence"`
	// Reliable says whether the text is long and clear enough for
	// Language to count: Confidence at least 0.8 and at least 12 letters.
	Reliable bool `json:"reliable"`
	// Method is MethodStopWords when a clear vote of a supported
	// language's stop words decided (Confidence is then 1), else
	// MethodTrigrams: the trigram detector's answer.
	Method string `json:"method"`
}

// DetectLanguage names the language of text from its first 512 bytes.
func DetectLanguage(text string) Detection {
	var a analysis
	return a.detectSample(sampleOf(text))
}

// sampleOf cuts text to detectSample bytes at a character boundary.
func sampleOf(s string) string { return cut(s, detectSample) }

// cut cuts s to at most n bytes at a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// detectSample detects the language of sample: a clear vote of the stop
// words of one supported language decides, otherwise the trigram detector.
func (a *analysis) detectSample(sample string) Detection {
	var hits [8]int
	words, letters := 0, 0
	a.forEachWord(sample, func(w []byte, _, _ int) {
		words++
		letters += utf8.RuneCount(w)
		m := stopMask[string(w)]
		for i := range languages {
			if m&(1<<i) != 0 {
				hits[i]++
			}
		}
	})
	best, second := 0, -1
	for i := 1; i < len(languages); i++ {
		switch {
		case hits[i] > hits[best]:
			best, second = i, best
		case second < 0 || hits[i] > hits[second]:
			second = i
		}
	}
	lang := languages[best]
	if words >= voteWords && float64(hits[best]) >= voteShare*float64(words) && float64(hits[best]) >= voteMargin*float64(hits[second]) {
		opts, check := confirm[lang]
		if !check {
			return Detection{Language: lang, Confidence: 1, Reliable: true, Method: MethodStopWords}
		}
		return detection(whatlanggo.DetectWithOptions(cut(sample, confirmSample), opts), letters)
	}
	return detection(whatlanggo.Detect(sample), letters)
}

// detection turns the detector's answer into a Detection.
func detection(info whatlanggo.Info, letters int) Detection {
	code, ok := codeOf[info.Lang]
	if !ok {
		return Detection{Method: MethodTrigrams}
	}
	return Detection{
		Language: code, Confidence: round(info.Confidence), Method: MethodTrigrams,
		Reliable: info.Confidence >= minConfidence && letters >= minDetectLetters,
	}
}

// chooseLanguage sets a.lang for opts: the requested language, else the
// detected one, else the fallback.
func (a *analysis) chooseLanguage(lang, fallback string) {
	a.detection = Detection{}
	switch {
	case lang != "":
		a.lang, a.source = lang, SourceRequested
		return
	case len(a.sents) > 0:
		start := a.sents[0].Start
		a.detection = a.detectSample(sampleOf(a.src[start:]))
	}
	switch {
	case a.detection.Reliable:
		a.lang, a.source = a.detection.Language, SourceDetected
	case fallback != "":
		a.lang, a.source = fallback, SourceFallback
	default:
		a.lang, a.source = cmp.Or(a.defaultLang, DefaultLanguage), SourceDefault
	}
}
