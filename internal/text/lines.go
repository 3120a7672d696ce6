package text

import (
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
	start := para.Start
	for line := para.Start; line < para.End; {
		lineEnd := lineEndAt(src, line, para.End)
		if lineEnd < para.End && !s.softBreak(src, line, lineEnd) {
			dst = s.appendBlock(dst, src, Span{start, lineEnd})
			start = lineEnd
		}
		line = lineEnd
	}
	return s.appendBlock(dst, src, Span{start, para.End})
}

// softBreak reports whether the line break ending the line [line, next) sits
// inside a sentence. It must be followed by a lowercase word, since a list of
// short lowercase lines is common; in prose a trailing space, a trailing comma
// or hyphen, or a long line show that the writer's sentence goes on.
func (s *Segmenter) softBreak(src string, line, next int) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(src[next:], " \t"))
	if !unicode.IsLower(r) && r != '(' {
		return false
	}
	end := next - 1 // the '\n'
	if end > line && src[end-1] == '\r' {
		end--
	}
	if s.pdf || end == line || end-line >= longLine {
		return true
	}
	switch src[end-1] {
	case ' ', '\t', ',', ';', '-':
		return true
	}
	return false
}

// longLine is the length in bytes from which a line reads as wrapped prose
// rather than a heading or list item.
const longLine = 60
