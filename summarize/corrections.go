package summarize

import (
	"strings"

	"github.com/redline-news/redline/internal/text"
)

// A correction notice appended to a story ("Correction: An earlier version
// of this article said the quake struck at 4:17 a.m. It struck at 3:17
// a.m.", "Rectificatif : le bilan est de 14 morts, et non 12.") does not
// always come with the body fixed. A summary that repeats the value the
// notice takes back tells the reader what the paper has already
// withdrawn, so a sentence holding such a value is no candidate. The
// notices are those text.OpensCorrection finds, in every language it
// knows, whatever the language of the text.

// retractedValues returns the figures that the correction notices among
// units take back, and marks the units of the notices (a notice, which
// opens its line, and the sentences after it in its paragraph) in notice.
// A figure is taken back when "not" or its like in another language comes
// before it ("14 years, not 12", "14 ans, et non 12"), or when the notice's
// first sentence gives it and the sentences after it give another figure
// in its place ("…said it struck at 4:17 a.m. It struck at 3:17 a.m.").
// It returns nil when the text has no notice.
func retractedValues(src string, units []text.Sentence, kinds []text.Kind, notice []bool) map[string]bool {
	var out map[string]bool
	for i := 0; i < len(units); i++ {
		opensLine := i == 0 || strings.IndexByte(src[units[i-1].End:units[i].Start], '\n') >= 0
		if !opensLine || kinds[i] != text.KindSentence || !text.OpensCorrection(units[i].Text) {
			continue
		}
		end := i + 1
		for end < len(units) && kinds[end] == text.KindSentence && !strings.Contains(src[units[end-1].End:units[end].Start], "\n") {
			end++
		}
		if out == nil {
			out = map[string]bool{}
		}
		first := figures(units[i].Text)
		later := map[string]bool{}
		for j := i; j < end; j++ {
			notice[j] = true
			for _, f := range figures(units[j].Text) {
				if j > i {
					later[f] = true
				}
			}
			for _, f := range figuresAfterNot(units[j].Text) {
				out[f] = true
			}
		}
		if len(later) > 0 {
			for _, f := range first {
				if !later[f] {
					out[f] = true
				}
			}
		}
		i = end - 1
	}
	return out
}

// holdNoticesTogether makes each correction notice among the candidates
// a block for selection: its first sentence leans on nothing, whatever
// its first word, since it speaks of the article and not of the sentence
// before it ("Dieser Artikel wurde korrigiert…", "This article has been
// corrected…"), and each sentence after it in the notice leans on the one
// before, so that none is picked without the notice's start ("Correction:
// … misstated the toll. It was 12."). It runs after analyze, which sets
// what the words alone say.
func (s *scratch) holdNoticesTogether(src string, units []text.Sentence) {
	if !s.noticed {
		return
	}
	for i, u := range s.unitOf {
		if !s.notice[u] {
			continue
		}
		goesOn := u > 0 && s.notice[u-1] && !strings.Contains(src[units[u-1].End:units[u].Start], "\n")
		s.a.info[i].dependent = goesOn && i > 0 && s.unitOf[i-1] == u-1
		s.a.info[i].leans = s.a.info[i].dependent
	}
}

// figures returns the numbers in s as written: runs of digits, with the
// points, commas and colons between digits ("4:17", "1,200", "6.8").
func figures(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isDigitByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && (isDigitByte(s[j]) || strings.IndexByte(".,:", s[j]) >= 0 && j+1 < len(s) && isDigitByte(s[j+1])) {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// retractions are the words that a figure taken back follows, as
// internal/text lists them, each with the space after it: "14 years, not
// 12", "14 years instead of 12", "14 ans, et non 12", "14 ans au lieu de
// 12", "14 Jahre statt 12", "14 años, no 12", "14 anni invece di 12", "14
// anos em vez de 12", "14 jaar in plaats van 12".
var retractions = spaced(text.RetractionWords())

// retractionLinks are the prepositions that may stand between a word of
// retractions and its figure, with the space after them: "not to 12",
// "nicht zu 12", "e não a 12", "et non à 12", "niet tot 12".
var retractionLinks = spaced(text.RetractionLinks())

// spaced returns words, which it owns, each with a space after it.
func spaced(words []string) []string {
	for i, w := range words {
		words[i] = w + " "
	}
	return words
}

// figuresAfterNot returns the figures that one of retractions comes right
// before, or with one of retractionLinks between them ("not 12", "not
// $12", "not 4:17", "et non 12 €", "nicht zu 12").
func figuresAfterNot(s string) []string {
	var out []string
	low := lowerASCII(s) // "Instead of 12, …", "Statt 12 …": the same offsets as s
	for _, r := range retractions {
		for k := 0; ; {
			n := strings.Index(low[k:], r)
			if n < 0 {
				break
			}
			at := k + n
			k = at + len(r)
			if at > 0 && isWordByte(s[at-1]) && r[0] != ',' {
				continue // "cannot 12", "canon 12"
			}
			rest := s[k:]
			for _, p := range retractionLinks {
				if strings.HasPrefix(low[k:], p) {
					rest = rest[len(p):]
					break
				}
			}
			if rest = strings.TrimLeft(rest, "$€£"); rest != "" && isDigitByte(rest[0]) {
				out = append(out, figures(rest)[0])
			}
		}
	}
	return out
}

// lowerASCII returns s with its ASCII capitals in lower case, byte for
// byte, so that an offset in it is one in s; s itself when it has none.
func lowerASCII(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

func isWordByte(c byte) bool {
	return isDigitByte(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// holdsRetracted reports whether s holds one of the figures taken back.
func holdsRetracted(s string, retracted map[string]bool) bool {
	for _, f := range figures(s) {
		if retracted[f] {
			return true
		}
	}
	return false
}
