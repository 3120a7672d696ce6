// Package text splits prose into paragraphs and sentences, keeping byte
// offsets into the original text so that callers can map results back.
package text

import (
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text: src[Start:End] == Text, trimmed of
// surrounding white space.
type Sentence struct {
	Start, End int // byte offsets in the original text
	Text       string
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Paragraphs splits src at blank lines (a line holding only white space counts
// as blank); each span is trimmed of surrounding white space and is non-empty.
func Paragraphs(src string) []Span {
	var out []Span
	start := 0
	for start < len(src) {
		end, next := paragraphEnd(src, start)
		if s, ok := trim(src, Span{start, end}); ok {
			out = append(out, s)
		}
		start = next
	}
	return out
}

// paragraphEnd finds the blank line after start, returning where the
// paragraph ends and where the next one may begin.
func paragraphEnd(src string, start int) (end, next int) {
	lineStart := start
	for lineStart < len(src) {
		lineEnd := lineEndAt(src, lineStart)
		if lineStart > start && isBlank(src[lineStart:lineEnd]) {
			return lineStart, lineEnd
		}
		lineStart = lineEnd
	}
	return len(src), len(src)
}

// lineEndAt returns the offset just past the line break of the line at i.
func lineEndAt(src string, i int) int {
	for i < len(src) {
		i++
		if src[i-1] == '\n' {
			break
		}
	}
	return i
}

func isBlank(s string) bool {
	_, ok := trim(s, Span{0, len(s)})
	return !ok
}

// trim narrows p to exclude white space at either end; ok is false when
// nothing is left.
func trim(src string, p Span) (Span, bool) {
	for p.Start < p.End {
		r, n := utf8.DecodeRuneInString(src[p.Start:p.End])
		if !unicode.IsSpace(r) {
			break
		}
		p.Start += n
	}
	for p.End > p.Start {
		r, n := utf8.DecodeLastRuneInString(src[p.Start:p.End])
		if !unicode.IsSpace(r) {
			break
		}
		p.End -= n
	}
	return p, p.Start < p.End
}

// Sentences splits src into sentences, in order, non-overlapping, none empty.
func Sentences(src string) []Sentence {
	var out []Sentence
	for _, p := range Paragraphs(src) {
		lineStart := p.Start
		for lineStart < p.End {
			lineEnd := min(lineEndAt(src, lineStart), p.End)
			out = appendLine(out, src, Span{lineStart, lineEnd})
			lineStart = lineEnd
		}
	}
	return out
}

// appendLine splits one line after a stop followed by white space and a
// capital letter, digit or quote.
func appendLine(out []Sentence, src string, line Span) []Sentence {
	start := line.Start
	for i := line.Start; i < line.End; i++ {
		if c := src[i]; (c == '.' || c == '!' || c == '?') && startsSentence(src[i+1:line.End]) {
			out = appendSentence(out, src, Span{start, i + 1})
			start = i + 1
		}
	}
	return appendSentence(out, src, Span{start, line.End})
}

func startsSentence(rest string) bool {
	if len(rest) < 2 || rest[0] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“'
}

func appendSentence(out []Sentence, src string, p Span) []Sentence {
	if p, ok := trim(src, p); ok {
		out = append(out, Sentence{p.Start, p.End, src[p.Start:p.End]})
	}
	return out
}
