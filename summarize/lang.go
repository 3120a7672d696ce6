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
