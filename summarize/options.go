package summarize

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Limits on Options, stated in the errors that enforce them.
const (
	MaxSentences    = 500
	MaxWords        = 100_000
	MaxKeywords     = 100
	DefaultKeywords = 10
	// NoKeywords in Options.Keywords asks for no key phrases at all.
	NoKeywords = -1
	// DefaultSentences is the length of a summary when no length is asked:
	// three sentences, the length news summaries conventionally have.
	DefaultSentences = 3
)

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidOptions}, args...)...)
}

// normalize checks opts and fills in defaults.
func normalize(o Options) (Options, error) {
	if o.normalized {
		// Once is enough, and a second pass would read the 0 of "no key
		// phrases" as the default.
		return o, nil
	}
	if o.Algorithm == "" {
		o.Algorithm = DefaultAlgorithm
	}
	if !slices.Contains(Algorithms(), o.Algorithm) {
		return o, invalid("algorithm must be one of %s, not %q", strings.Join(Algorithms(), ", "), o.Algorithm)
	}
	if o.Language != "" && !knownLanguage(o.Language) {
		return o, invalid("language %.20q is not a language code the detector knows; use an ISO 639-1 code such as %s", o.Language, strings.Join(languages, ", "))
	}
	if o.FallbackLanguage != "" && !knownLanguage(o.FallbackLanguage) {
		return o, invalid("fallback language %.20q is not a language code the detector knows; use an ISO 639-1 code such as %s", o.FallbackLanguage, strings.Join(languages, ", "))
	}
	if o.DefaultLanguage != "" && !knownLanguage(o.DefaultLanguage) {
		return o, invalid("default language %.20q is not a language code the detector knows; use an ISO 639-1 code such as %s", o.DefaultLanguage, strings.Join(languages, ", "))
	}
	if o.Order == "" {
		o.Order = OrderDocument
	}
	if o.Order != OrderDocument && o.Order != OrderRank {
		return o, invalid("order must be %q or %q, not %q", OrderDocument, OrderRank, o.Order)
	}
	if o.Keywords < NoKeywords || o.Keywords > MaxKeywords {
		return o, invalid("keywords must be between 0 and %d", MaxKeywords)
	}
	if m := o.Model; m != nil && (len(m.Short) != NumFeatures || len(m.Long) != NumFeatures || !(m.ShortShare < m.LongShare) || (m.LongPicks > 0 && !(m.ShortPicks < m.LongPicks))) {
		return o, invalid("model must have %d weights a side, ShortShare < LongShare and, with LongPicks, ShortPicks < LongPicks", NumFeatures)
	}
	o.keywordsAsked, o.normalized = o.Keywords != 0, true
	switch o.Keywords {
	case 0:
		o.Keywords = DefaultKeywords
	case NoKeywords:
		o.Keywords = 0
	}
	return o, checkLength(o)
}

func checkLength(o Options) error {
	set := 0
	for _, given := range []bool{o.Sentences != 0, o.Ratio != 0, o.Words != 0} {
		if given {
			set++
		}
	}
	switch {
	case set > 1:
		return invalid("give at most one of sentences, ratio and words")
	case o.Sentences < 0 || o.Sentences > MaxSentences:
		return invalid("sentences must be between 1 and %d", MaxSentences)
	case math.IsNaN(o.Ratio) || o.Ratio < 0 || o.Ratio > 1:
		return invalid("ratio must be greater than 0 and at most 1")
	case o.Words < 0 || o.Words > MaxWords:
		return invalid("words must be between 1 and %d", MaxWords)
	}
	return nil
}

// length returns how many sentences the summary aims at; for a word budget
// it is the budget over the mean sentence length, which tells the learned
// scorer roughly what share of the text is wanted.
func (o Options) length(a *analysis) int {
	n := len(a.sents)
	switch {
	case o.Sentences > 0:
		return min(o.Sentences, n)
	case o.Ratio > 0:
		return max(1, min(n, int(math.Ceil(o.Ratio*float64(n)-1e-9))))
	case o.Words > 0:
		total := 0
		for _, info := range a.info {
			total += info.words
		}
		mean := max(1, float64(total)/float64(n))
		return max(1, min(n, int(math.Round(float64(o.Words)/mean))))
	}
	return min(DefaultSentences, n)
}
