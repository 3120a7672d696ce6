package summarize

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/spanish"
)

// languages lists the supported ISO 639-1 codes; detection breaks ties in
// this order, so English wins when nothing else is more likely.
var languages = []string{"en", "de", "fr", "es", "it", "pt", "nl"}

// stemmers maps each language to its Snowball stemmer.
var stemmers = map[string]func(*snowballstem.Env) bool{
	"en": english.Stem, "de": german.Stem, "fr": french.Stem, "es": spanish.Stem,
	"it": italian.Stem, "pt": portuguese.Stem, "nl": dutch.Stem,
}

// Languages returns the ISO 639-1 codes of the languages Summarize knows.
func Languages() []string { return append([]string(nil), languages...) }

func knownLanguage(lang string) bool {
	_, ok := stemmers[lang]
	return ok
}

// detectSample bounds how many words language detection reads: a few hundred
// words decide among seven languages, and longer texts need not cost more.
const detectSample = 400

// detectLanguage picks the language whose stop words cover most of the first
// words of the text. Stop words are the most frequent words of a language and
// differ sharply among the supported ones, so their overlap separates them
// well on news text without an extra model.
func detectLanguage(words []string) string {
	best, bestHits := languages[0], 0
	if len(words) > detectSample {
		words = words[:detectSample]
	}
	for _, lang := range languages {
		set := stopWords[lang]
		hits := 0
		for _, w := range words {
			if _, ok := set[w]; ok {
				hits++
			}
		}
		if hits > bestHits {
			best, bestHits = lang, hits
		}
	}
	return best
}
