package diff

import "strings"

// chunk is a piece of rendered output: an op, possibly shortened, or a
// marker for skipped lines when skipped > 0.
type chunk struct {
	op      Kind
	text    string
	move    int
	skipped int
}

// collapse shortens long unchanged stretches to context lines before and
// after each change, as git diff does; the line a change sits in is always
// shown whole. context <= 0 keeps everything.
func collapse(ops []Op, context int) []chunk {
	out := make([]chunk, 0, len(ops)+2)
	for i, op := range ops {
		if op.Op != Equal || context <= 0 {
			out = append(out, chunk{op: op.Op, text: op.Text, move: op.Move})
			continue
		}
		out = appendEqual(out, op.Text, context, i == 0, i == len(ops)-1)
	}
	return out
}

// appendEqual appends an unchanged stretch, keeping the end of the line of
// the change before it and context lines, and the same before the next
// change; first and last mean there is no change on that side. Context
// counts lines with text: the blank line between two paragraphs is no
// context, so context 1 shows the paragraph on either side of a change.
func appendEqual(out []chunk, text string, context int, first, last bool) []chunk {
	head := 0
	if !first {
		head = afterLines(text, context)
	}
	tail := len(text)
	if !last {
		tail = beforeLines(text, context)
	}
	if head >= tail {
		return append(out, chunk{op: Equal, text: text})
	}
	lines := textLines(text[head:tail])
	if lines == 0 { // only blank lines between the kept ones: keep them too
		return append(out, chunk{op: Equal, text: text})
	}
	if head > 0 {
		out = append(out, chunk{op: Equal, text: text[:head]})
	}
	out = append(out, chunk{op: Equal, skipped: lines})
	if tail < len(text) {
		out = append(out, chunk{op: Equal, text: text[tail:]})
	}
	return out
}

// afterLines returns the position just after the end of the first line of
// s, the rest of a change's line, and n more lines with text, or len(s) if
// it has fewer; blank lines on the way are kept with them.
func afterLines(s string, n int) int {
	k := strings.IndexByte(s, '\n')
	if k < 0 {
		return len(s)
	}
	pos := k + 1
	for n > 0 {
		k := strings.IndexByte(s[pos:], '\n')
		if k < 0 {
			return len(s)
		}
		if !isBlank(s[pos : pos+k+1]) {
			n--
		}
		pos += k + 1
	}
	return pos
}

// beforeLines returns the start of n lines with text before the last line
// of s, which begins a change's line, or 0 if it has fewer; blank lines on
// the way are kept with them.
func beforeLines(s string, n int) int {
	p := strings.LastIndexByte(s, '\n') + 1
	for n > 0 && p > 0 {
		start := strings.LastIndexByte(s[:p-1], '\n') + 1
		if !isBlank(s[start:p]) {
			n--
		}
		p = start
	}
	return p
}

// textLines counts the lines of s that are not blank.
func textLines(s string) int {
	n := 0
	for len(s) > 0 {
		k := strings.IndexByte(s, '\n') + 1
		if k == 0 {
			k = len(s)
		}
		if !isBlank(s[:k]) {
			n++
		}
		s = s[k:]
	}
	return n
}

func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}
