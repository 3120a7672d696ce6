package diff

import "strings"

// chunk is a piece of rendered output: an op, possibly shortened, or a
// marker for skipped lines when skipped > 0. A marker followed by more of
// the text says at which paragraphs of the old and new text (oldPara,
// newPara, from 1) it resumes; atEnd marks one that runs to the end. An
// Equal chunk whose only is Insert or Delete is the white space of an
// inserted or deleted paragraph that stands outside its marker (see
// lineSpace): shown unmarked, it is in that side's text alone.
type chunk struct {
	op               Kind
	text             string
	move             int
	skipped          int
	oldPara, newPara int
	atEnd            bool
	only             Kind
}

// collapse shortens long unchanged stretches to context lines before and
// after each change, as git diff does; the line a change sits in is always
// shown whole. context <= 0 keeps everything. A paragraph inserted,
// deleted or moved has the line breaks at its ends shown outside its
// marker (lineSpace), so that the marker opens and closes on the
// paragraph's own lines and the lines around it are unchanged lines,
// counted as context. A stretch that would hide fewer than minSkip lines
// with text is kept whole.
func collapse(ops []Op, context, minSkip int) []chunk {
	out := make([]chunk, 0, len(ops)+2)
	var po, pn paraCount
	oldBOL, newBOL := true, true // each text is at a line start
	fresh := false               // the change before ended its line outside its marker
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		if respeltAt(ops, i) {
			// Shown as the new text writes it, unmarked: it reads the same.
			out = append(out, chunk{op: Equal, text: ops[i+1].Text})
			po.feedIf(context > 0, op.Text)
			pn.feedIf(context > 0, ops[i+1].Text)
			oldBOL, newBOL = atLineStart(oldBOL, op.Text), atLineStart(newBOL, ops[i+1].Text)
			fresh = false
			i++
			continue
		}
		if op.Op != Equal {
			lead, trail := lineSpace(ops, i, oldBOL, newBOL)
			if lead > 0 {
				out = append(out, chunk{op: Equal, text: op.Text[:lead], only: op.Op})
			}
			out = append(out, chunk{op: op.Op, text: op.Text[lead : len(op.Text)-trail], move: op.Move})
			if trail > 0 {
				out = append(out, chunk{op: Equal, text: op.Text[len(op.Text)-trail:], only: op.Op})
			}
			fresh = strings.IndexByte(op.Text[len(op.Text)-trail:], '\n') >= 0
			if context > 0 {
				po.feedIf(op.Op != Insert, op.Text)
				pn.feedIf(op.Op != Delete, op.Text)
			}
			if op.Op == Delete {
				oldBOL = atLineStart(oldBOL, op.Text)
			} else {
				newBOL = atLineStart(newBOL, op.Text)
			}
			continue
		}
		oldBOL, newBOL = atLineStart(oldBOL, op.Text), atLineStart(newBOL, op.Text)
		if context <= 0 {
			out = append(out, chunk{op: op.Op, text: op.Text})
			continue
		}
		// The line the next change begins in is no line of it when the
		// change's leading line break stands outside its marker.
		nextFresh := false
		if i+1 < len(ops) && !respeltAt(ops, i+1) {
			lead, _ := lineSpace(ops, i+1, oldBOL, newBOL)
			nextFresh = strings.IndexByte(ops[i+1].Text[:lead], '\n') >= 0
		}
		out = appendEqual(out, op.Text, context, minSkip, i == 0, i == len(ops)-1, fresh, nextFresh, &po, &pn)
		fresh = false
	}
	return out
}

// lineSpace returns how many bytes of white space at the start and at the
// end of the change ops[i] are shown outside its marker: for a change with
// more than white space, at either end, the white space that holds a line
// break, when the other text is at a line boundary where the change stands
// (oldBOL and newBOL say whether each text is at a line start before it).
// An inserted paragraph "X\n\n" between two others then reads
// "{+X+}\n\n", its marker closing on its own line rather than at the start
// of the next paragraph, and one appended after the last ("\n\nX") reads
// "\n\n{+X+}"; the side without the paragraph only gains blank lines. A
// change within a line, such as two paragraphs joined ("end.[-\n\n-]Next"),
// keeps its line breaks inside. The new place of a moved block has all its
// white space at either end outside, as writeMovedText shows it.
func lineSpace(ops []Op, i int, oldBOL, newBOL bool) (lead, trail int) {
	op := ops[i]
	l, body, t := splitSpace(op.Text)
	if body == "" {
		return 0, 0
	}
	if op.Op == Insert && op.Move != 0 {
		return len(l), len(t)
	}
	leadNL, trailNL := strings.IndexByte(l, '\n') >= 0, strings.IndexByte(t, '\n') >= 0
	if !leadNL && !trailNL {
		return 0, 0
	}
	other, otherBOL := Delete, oldBOL
	if op.Op == Delete {
		other, otherBOL = Insert, newBOL
	}
	if !otherBOL && !lineEndAfter(ops, i, other) {
		return 0, 0
	}
	if leadNL {
		lead = len(l)
	}
	if trailNL {
		trail = len(t)
	}
	return lead, trail
}

// lineEndAfter reports whether the text of one side (Insert for the new
// text, Delete for the old one) is at a line end after ops[i]: the next of
// its ops that is not white space alone begins with white space that holds
// a line break, or none follows.
func lineEndAfter(ops []Op, i int, side Kind) bool {
	for _, op := range ops[i+1:] {
		if op.Op != Equal && op.Op != side {
			continue
		}
		l, body, _ := splitSpace(op.Text)
		if strings.IndexByte(l, '\n') >= 0 {
			return true
		}
		if body != "" {
			return false
		}
	}
	return true
}

// atLineStart reports whether a text is at a line start after s, given
// whether it was before it.
func atLineStart(was bool, s string) bool {
	if s == "" {
		return was
	}
	return s[len(s)-1] == '\n'
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
// afterLine says that the change before ended its line (its line break
// stands outside its marker), so text begins with a line of its own;
// beforeLine, that the next change begins a line of its own, so the last
// line of text is no line of it. po and pn follow the paragraphs of the
// old and the new text. A stretch that would leave fewer than minSkip
// lines with text behind its marker is kept whole.
func appendEqual(out []chunk, text string, context, minSkip int, first, last, afterLine, beforeLine bool, po, pn *paraCount) []chunk {
	head := 0
	if !first {
		head = afterLines(text, context, afterLine)
	}
	tail := len(text)
	if !last {
		tail = beforeLines(text, context, beforeLine)
	}
	lines := 0
	if head < tail {
		lines = textLines(text[head:tail])
	}
	if lines == 0 || lines < minSkip { // too little between the kept lines to hide: keep it too
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
// it has fewer; blank lines on the way are kept with them. When own, s
// begins with a line of its own, which counts among the n.
func afterLines(s string, n int, own bool) int {
	pos := 0
	if !own {
		k := strings.IndexByte(s, '\n')
		if k < 0 {
			return len(s)
		}
		pos = k + 1
	}
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
// the way are kept with them. When own, the last line of s is a line of
// its own, which counts among the n.
func beforeLines(s string, n int, own bool) int {
	p := strings.LastIndexByte(s, '\n') + 1
	if own {
		p = len(s)
	}
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
