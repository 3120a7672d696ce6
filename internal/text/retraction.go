package text

import (
	"slices"
	"strings"
)

// A correction notice takes a figure back with a word before it: "14
// years, not 12", "14 years instead of 12", "14 ans, et non 12", "14 ans
// au lieu de 12". retractionWords are those words, per language of the
// notices IsCorrection knows. A word that starts with a comma counts
// only after one: Spanish "no" before a figure ("14 años, no 12"), being
// as common as English "no" before one elsewhere.
var retractionWords = map[string]string{
	"en": `not|instead of`,
	"fr": `non|non pas|au lieu de`,
	"de": `nicht|statt|anstatt`,
	"es": `, no|en lugar de|en vez de`,
	"it": `non|anziché|invece di`,
	"pt": `não|em vez de|em lugar de`,
	"nl": `niet|in plaats van`,
}

// retractionLinks are, per language, the prepositions that may stand
// between a word of retractionWords and its figure: "not to 12", "et non
// à 12", "nicht zu 12", "e não a 12", "niet tot 12".
var retractionLinks = map[string]string{
	"en": `to`,
	"fr": `à|de`,
	"de": `zu`,
	"es": `a|de`,
	"it": `a|di`,
	"pt": `a|de`,
	"nl": `tot|van|op`,
}

// RetractionWords returns the words that come right before a figure a
// correction notice takes back, in every language of the notices
// IsCorrection knows, since a notice may be in another language than its
// text: "not", "instead of", "non", "au lieu de", "statt"… Each is lower
// case and listed once, in a fixed order; the slice is the caller's.
func RetractionWords() []string { return mergedWords(retractionWords) }

// RetractionLinks returns the prepositions that may stand between one of
// RetractionWords and its figure ("not to 12", "nicht zu 12"), in every
// language, each once, in a fixed order; the slice is the caller's.
func RetractionLinks() []string { return mergedWords(retractionLinks) }

// mergedWords returns the words of every language of byLang, each once,
// the languages in the order of their codes.
func mergedWords(byLang map[string]string) []string {
	langs := make([]string, 0, len(byLang))
	for lang := range byLang {
		langs = append(langs, lang)
	}
	slices.Sort(langs)
	var out []string
	for _, lang := range langs {
		for _, w := range strings.Split(byLang[lang], "|") {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}
