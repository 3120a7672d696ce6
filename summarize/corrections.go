package summarize

import (
	"regexp"
	"strings"

	"github.com/redline-news/redline/internal/text"
)

// A correction notice appended to a story ("Correction: An earlier version
// of this article said the quake struck at 4:17 a.m. It struck at 3:17
// a.m.") does not always come with the body fixed. A summary that repeats
// the value the notice takes back tells the reader what the paper has
// already withdrawn, so a sentence holding such a value is no candidate.

var correctionNoticeRE = regexp.MustCompile(`(?i)^(?:(?:correction|clarification|editor['’]s note)\s*[:—–-]|` +
	`an earlier version of this (?:article|story|report|post)\b|` +
	`this (?:article|story|report|post) (?:has been|was) (?:corrected|amended|updated to correct)\b)`)

// isCorrectionNotice reports whether unit s is the start of a correction
// notice. Its first letter and a substring test rule out nearly every
// sentence before the pattern runs.
func isCorrectionNotice(s string) bool {
	s = strings.TrimLeft(s, " \t*_\"'(")
	if s == "" {
		return false
	}
	switch s[0] | 0x20 {
	case 'c', 'e':
	case 'a', 't':
		if !strings.Contains(s, "version") && !strings.Contains(s, "VERSION") && !strings.Contains(s, "orrect") &&
			!strings.Contains(s, "ORRECT") && !strings.Contains(s, "mended") && !strings.Contains(s, "MENDED") {
			return false
		}
	default:
		return false
	}
	return correctionNoticeRE.MatchString(s)
}

// retractedValues returns the figures that the correction notices among
// units take back, and marks the units of the notices (a notice, which
// opens its line, and the sentences after it in its paragraph) in notice. A figure is taken back
// when "not" comes before it ("14 years, not 12"), or when the notice's
// first sentence gives it and the sentences after it give another figure
// in its place ("…said it struck at 4:17 a.m. It struck at 3:17 a.m.").
// It returns nil when the text has no notice.
func retractedValues(src string, units []text.Sentence, kinds []text.Kind, notice []bool) map[string]bool {
	var out map[string]bool
	for i := 0; i < len(units); i++ {
		opensLine := i == 0 || strings.IndexByte(src[units[i-1].End:units[i].Start], '\n') >= 0
		if !opensLine || kinds[i] != text.KindSentence || !isCorrectionNotice(units[i].Text) {
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

// figuresAfterNot returns the figures that "not" comes right before ("not
// 12", "not $12", "not 4:17").
func figuresAfterNot(s string) []string {
	var out []string
	for k := 0; ; {
		n := strings.Index(s[k:], "not ")
		if n < 0 {
			return out
		}
		at := k + n
		k = at + len("not ")
		if at > 0 && isWordByte(s[at-1]) {
			continue // "cannot 12"
		}
		if rest := strings.TrimLeft(s[k:], "$€£"); rest != "" && isDigitByte(rest[0]) {
			out = append(out, figures(rest)[0])
		}
	}
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
