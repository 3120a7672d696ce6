package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraphs appends to dst the trimmed, non-empty paragraphs of src within p.
func paragraphs(dst []Span, src string, p Span) []Span {
	start := p.Start
	for start < p.End {
		end, next := paragraphEnd(src, start, p.End)
		if s, ok := trim(src, Span{start, end}); ok {
			dst = append(dst, s)
		}
		start = next
	}
	return dst
}

// paragraphEnd finds the first blank line after start, returning where the
// paragraph ends and where the next one may begin.
func paragraphEnd(src string, start, limit int) (end, next int) {
	for line := start; line < limit; {
		lineEnd := lineEndAt(src, line, limit)
		if line > start && isBlank(src[line:lineEnd]) {
			return line, lineEnd
		}
		line = lineEnd
	}
	return limit, limit
}

// lineEndAt returns the offset just past the line break of the line at i.
func lineEndAt(src string, i, limit int) int {
	if j := strings.IndexByte(src[i:limit], '\n'); j >= 0 {
		return i + j + 1
	}
	return limit
}

func isBlank(s string) bool {
	_, ok := trim(s, Span{0, len(s)})
	return !ok
}

// trim narrows p to exclude white space at either end; ok is false when
// nothing is left.
func trim(src string, p Span) (Span, bool) {
	for p.Start < p.End {
		if c := src[p.Start]; c < utf8.RuneSelf {
			if !isSpaceASCII(c) {
				break
			}
			p.Start++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[p.Start:p.End])
		if !unicode.IsSpace(r) {
			break
		}
		p.Start += n
	}
	for p.End > p.Start {
		if c := src[p.End-1]; c < utf8.RuneSelf {
			if !isSpaceASCII(c) {
				break
			}
			p.End--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(src[p.Start:p.End])
		if !unicode.IsSpace(r) {
			break
		}
		p.End -= n
	}
	return p, p.Start < p.End
}

// appendParagraph cuts a paragraph into blocks at hard line breaks, since a
// line such as a headline ends its sentence even without a stop, and then
// splits each block into sentences.
func (s *Segmenter) appendParagraph(dst []Sentence, src string, para Span) []Sentence {
	start, from := para.Start, len(dst)
	for line := para.Start; line < para.End; {
		lineEnd := lineEndAt(src, line, para.End)
		if lineEnd < para.End && !s.softBreak(src, line, lineEnd) {
			dst = s.appendBlock(dst, src, Span{start, lineEnd})
			start = lineEnd
		}
		line = lineEnd
	}
	return splitCapsLabels(s.appendBlock(dst, src, Span{start, para.End}), from)
}

// splitCapsLabels splits off the label in capitals that opens a sentence
// of dst[from:] when a capitalised word of prose follows it on the same
// line ("HOW IT ALL STARTED The first Academy Awards…", "ADVANCE WARS DS
// The launch line-up…"), as pages that lose the line break after a
// subheading write it: the label becomes a unit of its own, which
// Classify makes a heading. It takes three to maxCapsLabel words in
// capitals, one of them of five letters or more, the last not ending with
// a stop or a comma: a name in capitals that opens a lede ("BLACKBURN
// ROVERS against Bolton…", "BRENTFORD are…") goes on in lowercase, and
// acronyms before a name ("HP CEO Mark Hurd…") are short, so both stay
// whole.
func splitCapsLabels(dst []Sentence, from int) []Sentence {
	for i := from; i < len(dst); i++ {
		n := capsLabelLen(dst[i].Text)
		if n == 0 {
			continue
		}
		s := dst[i]
		rest := strings.TrimLeft(s.Text[n:], " \t")
		label := Sentence{Start: s.Start, End: s.Start + n, Text: s.Text[:n]}
		body := Sentence{Start: s.End - len(rest), End: s.End, Text: rest}
		dst = slices.Insert(dst, i+1, body)
		dst[i] = label
		i++
	}
	return dst
}

// capsLabelLen returns the length of the label in capitals that opens s
// and that a capitalised word of prose follows, or 0.
func capsLabelLen(s string) int {
	if len(s) < 8 || !isUpperASCII(s[0]) && s[0] < utf8.RuneSelf {
		return 0 // the common case, told by the first byte
	}
	words, long, end := 0, 0, 0
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], " \t")
		if j < 0 {
			return 0 // nothing follows the label
		}
		tok := s[i : i+j]
		if words >= 3 && opensProse(tok) {
			if strings.ContainsAny(s[end-1:end], ".,;") || long == 0 {
				return 0
			}
			return end
		}
		letters, upper := 0, false
		for _, r := range tok {
			if unicode.IsLower(r) {
				return 0
			}
			if unicode.IsLetter(r) {
				letters++
				upper = true
			}
		}
		if !upper {
			return 0
		}
		if words++; words > maxCapsLabel {
			return 0
		}
		if letters >= 5 {
			long++
		}
		end = i + j
		i = end + 1
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	return 0
}

// opensProse reports whether tok is a capitalised word: an upper-case
// letter and a lowercase one after it ("The", "Tecmo's").
func opensProse(tok string) bool {
	r, size := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r) && strings.IndexFunc(tok[size:], unicode.IsLower) >= 0
}

// softBreak reports whether the line break ending the line [line, next) sits
// inside a sentence. Before a lowercase word it does when a trailing space,
// a trailing comma or hyphen, a long line or a last word that cannot end a
// sentence show that the writer's sentence goes on, since a list of short
// lowercase lines is common. Before a capitalized word it does when the
// line ends on a word that cannot end a sentence or a headline
// (endsMidSentence): a text wrapped at a fixed
// width breaks its lines wherever a line fills, also between "Mr" and
// "Smith" or between "die" and "Regierung".
func (s *Segmenter) softBreak(src string, line, next int) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(src[next:], " \t"))
	end := next - 1 // the '\n'
	if end > line && src[end-1] == '\r' {
		end--
	}
	if !unicode.IsLower(r) && r != '(' {
		return unicode.IsUpper(r) && s.endsMidSentence(src[line:end])
	}
	if s.pdf || end == line || end-line >= longLine || s.endsMidSentence(src[line:end]) {
		return true
	}
	switch src[end-1] {
	case ' ', '\t', ',', ';', '-':
		return true
	}
	return false
}

// endsMidSentence reports whether line, of two words or more, ends on a
// word that a sentence or a headline never ends on: a title ("Mr", "Dr.",
// "Gen", "vs") or one of lineJoiners, in lowercase, with no punctuation
// after it.
func (s *Segmenter) endsMidSentence(line string) bool {
	line = strings.TrimRight(line, " \t")
	i := strings.LastIndexAny(line, " \t") + 1
	word := line[i:]
	if word == "" || i == 0 {
		return false // a line of one word is a label or a list item
	}
	if t := strings.TrimSuffix(word, "."); s.lang.isTitle(t) && (isUpperASCII(t[0]) || strings.Contains(t, ".") || t == "vs" || t == "cf" || t == "viz") {
		return true
	}
	return lineJoiners[word] || len(line) >= longLine && wrapJoiners[word]
}

// wrapJoiners end no sentence, and a headline only rarely ("…as talks drag
// on", "Thousands could die"): a line of prose that fills the width
// (longLine) and ends on one goes on ("…who was born in" / "London"), a
// shorter line ends its unit.
var wrapJoiners = wordsOf("in on for by die den am an auf")

// lineJoiners are the articles, prepositions and conjunctions of the
// supported languages that end no sentence and no headline, as the
// segmenter, which runs before the language is known, needs them all at
// once. Words that are also words of another sense in one of the
// languages, and so may end a headline there, are left out ("met", "van",
// "door", "con", "sin", "par", "pour", "no"; "die", "den", "am" are
// wrapJoiners), and so are verb particles that end a clause ("up", "out",
// "uit"; "in", "on", "an", "auf" are wrapJoiners).
var lineJoiners = wordsOf("the a an of to and or but nor with from at into onto than their its my our your whose " +
	"der das dem des eine einen einem einer eines und oder aber von vom zum zur für durch gegen ohne im beim ins " +
	"le la les une des du de et ou mais avec au aux sur dans chez sans sous vers " +
	"el los las unos unas del al y o pero para sobre entre hacia " +
	"il lo gli una uno della dei degli delle di da e ma per su tra fra alla nel nella " +
	"os um uma uns umas do da dos das ou mas com por em na nos nas ao aos pelo pela " +
	"het een en maar voor naar")

// longLine is the length in bytes from which a line reads as wrapped prose
// rather than a heading or list item.
const longLine = 60
