package diff

import "strings"

// chunk is a piece of rendered output: an op, possibly shortened, or a
// marker for skipped lines when skipped > 0. A marker followed by more of
// the text says at which paragraphs of the old and new text (oldPara,
// newPara, from 1) it resumes; atEnd marks one that runs to the end.
type chunk struct {
	op               Kind
	text             string
	move             int
	skipped          int
	oldPara, newPara int
	atEnd            bool
}

// collapse shortens long unchanged stretches to context lines before and
// after each change, as git diff does; the line a change sits in is always
// shown whole. context <= 0 keeps everything.
func collapse(ops []Op, context int) []chunk {
	out := make([]chunk, 0, len(ops)+2)
	var po, pn paraCount
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		if respeltAt(ops, i) {
			// Shown as the new text writes it, unmarked: it reads the same.
			out = append(out, chunk{op: Equal, text: ops[i+1].Text})
			po.feedIf(context > 0, op.Text)
			pn.feedIf(context > 0, ops[i+1].Text)
			i++
			continue
		}
		if op.Op != Equal || context <= 0 {
			out = append(out, chunk{op: op.Op, text: op.Text, move: op.Move})
			if context > 0 {
				po.feedIf(op.Op != Insert, op.Text)
				pn.feedIf(op.Op != Delete, op.Text)
			}
			continue
		}
		out = appendEqual(out, op.Text, context, i == 0, i == len(ops)-1, &po, &pn)
	}
	return out
}

// respeltAt reports whether ops[i] and ops[i+1] are the deletion and the
// insertion of a text respelt only in another Unicode normalization
// (canon.go): the ops keep both texts' bytes, the renderings show it as
// unchanged.
func respeltAt(ops []Op, i int) bool {
	return i+1 < len(ops) && ops[i].Op == Delete && ops[i+1].Op == Insert && ops[i].Move == 0 && ops[i+1].Move == 0 &&
		ops[i].Text != ops[i+1].Text && canonicallyEqual(ops[i].Text, ops[i+1].Text)
}

// paraCount follows a text line by line to tell the number of the
// paragraph (blank-line separated, from 1) that the next line with text
// belongs to.
type paraCount struct {
	n          int  // paragraphs begun so far
	textInLine bool // the current line has had text
	afterText  bool // the last whole line had text
}

func (c *paraCount) feedIf(cond bool, s string) {
	if cond {
		c.feed(s)
	}
}

func (c *paraCount) feed(s string) {
	for len(s) > 0 {
		k := strings.IndexByte(s, '\n')
		line := s
		if k >= 0 {
			line = s[:k+1]
		}
		if !c.textInLine && !isBlank(line) {
			if !c.afterText {
				c.n++
			}
			c.textInLine = true
		}
		if k < 0 {
			return
		}
		c.afterText, c.textInLine = c.textInLine, false
		s = s[k+1:]
	}
}

// next returns the number of the paragraph the next line with text is in.
func (c *paraCount) next() int {
	if c.textInLine || c.afterText {
		return c.n
	}
	return c.n + 1
}

// appendEqual appends an unchanged stretch, keeping the end of the line of
// the change before it and context lines, and the same before the next
// change; first and last mean there is no change on that side. Context
// counts lines with text: the blank line between two paragraphs is no
// context, so context 1 shows the paragraph on either side of a change.
// po and pn follow the paragraphs of the old and the new text.
func appendEqual(out []chunk, text string, context int, first, last bool, po, pn *paraCount) []chunk {
	head := 0
	if !first {
		head = afterLines(text, context)
	}
	tail := len(text)
	if !last {
		tail = beforeLines(text, context)
	}
	lines := 0
	if head < tail {
		lines = textLines(text[head:tail])
	}
	if lines == 0 { // only blank lines between the kept ones: keep them too
		po.feed(text)
		pn.feed(text)
		return append(out, chunk{op: Equal, text: text})
	}
	if head > 0 {
		out = append(out, chunk{op: Equal, text: text[:head]})
	}
	po.feed(text[:tail])
	pn.feed(text[:tail])
	out = append(out, chunk{op: Equal, skipped: lines, oldPara: po.next(), newPara: pn.next(), atEnd: tail == len(text)})
	if tail < len(text) {
		out = append(out, chunk{op: Equal, text: text[tail:]})
		po.feed(text[tail:])
		pn.feed(text[tail:])
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
