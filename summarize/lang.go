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
	"github.com/redline-news/redline/internal/langid"
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

// minConfidence is the detector's confidence (0 to 1) below which a text
// counts as too unclear to tell; it is the detector's own threshold of a
// reliable answer.
const minConfidence = whatlanggo.ReliableConfidenceThreshold

// minDetectLetters is the fewest letters a text must have for its detected
// language to count: below it a trigram profile says nothing.
const minDetectLetters = 12

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
}

// DetectLanguage names the language of text from its first 256 bytes when
// they clearly name a supported language, else from its first 512.
func DetectLanguage(text string) Detection {
	s := getScratch()
	defer putScratch(s)
	return s.a.detectSample(sampleOf(text))
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

// firstSample is how many bytes of the sample detection reads first. A
// detector's cost follows the trigrams it reads, and on news a quarter KB
// already decides: on the CNN/DM and BBC texts 99.5% of answers at 256
// bytes have a confidence of 1, and all but one of those name the language
// that 512 bytes name. Such an answer stands when it names a supported
// language (stop words and a stemmer, all in the Latin script); any other,
// less sure or of another script, where a short sample can mislead (a
// Japanese text whose first quarter KB is mostly Han reads as Chinese, a
// Nepali one as Hindi), is read again on the whole sample.
const firstSample = 256

// detectSample detects the language of sample with whatlanggo's trigram
// model (internal/langid scores it without whatlanggo's cost): on its first
// firstSample bytes when they give a sure answer for a supported language,
// else on all of it.
func (a *analysis) detectSample(sample string) Detection {
	if len(sample) > firstSample {
		short := cut(sample, firstSample)
		res := a.detector.Detect(short)
		if code, ok := codeOf[res.Lang]; ok && res.Confidence == 1 && languageIndex(code) < len(languages) {
			if d := detection(res, a.letters(short)); d.Reliable {
				return d
			}
		}
	}
	return detection(a.detector.Detect(sample), a.letters(sample))
}

// letters counts the letters of the words of s.
func (a *analysis) letters(s string) int {
	n := 0
	a.forEachWord(s, func(w []byte, _, _ int) { n += utf8.RuneCount(w) })
	return n
}

// detection turns the detector's answer into a Detection.
func detection(res langid.Result, letters int) Detection {
	code, ok := codeOf[res.Lang]
	if !ok {
		return Detection{}
	}
	return Detection{
		Language: code, Confidence: round(res.Confidence),
		Reliable: res.Confidence >= minConfidence && letters >= minDetectLetters,
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
