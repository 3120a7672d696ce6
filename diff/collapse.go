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
// change; first and last mean there is no change on that side.
func appendEqual(out []chunk, text string, context int, first, last bool) []chunk {
	head := 0
	if !first {
		head = afterNewlines(text, context+1)
	}
	tail := len(text)
	if !last {
		tail = beforeNewlines(text, context+1)
	}
	if head >= tail {
		return append(out, chunk{op: Equal, text: text})
	}
	hidden := text[head:tail]
	lines := strings.Count(hidden, "\n")
	if !strings.HasSuffix(hidden, "\n") {
		lines++
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

// afterNewlines returns the position just after the n-th line break of s,
// or len(s) if it has fewer.
func afterNewlines(s string, n int) int {
	pos := 0
	for range n {
		k := strings.IndexByte(s[pos:], '\n')
		if k < 0 {
			return len(s)
		}
		pos += k + 1
	}
	return pos
}

// beforeNewlines returns the position just after the n-th line break of s
// counted from its end, or 0 if it has fewer.
func beforeNewlines(s string, n int) int {
	end := len(s)
	for range n {
		k := strings.LastIndexByte(s[:end], '\n')
		if k < 0 {
			return 0
		}
		end = k
	}
	return end + 1
}
