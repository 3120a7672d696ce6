package diff

import (
	"html"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// row is one line of the side-by-side table.
type row struct {
	change  *SentenceChange
	away    bool // the old place of a moved sentence
	para    bool // starts a paragraph in the new text
	skipped int
}

// SideBySideHTML renders a two-column table, old text on the left and new
// on the right, one row per sentence so that the columns stay aligned.
// Rows carry the class rl-unchanged, rl-edited, rl-added, rl-removed or
// rl-moved; a moved sentence also leaves an rl-moved-away row where it
// stood, and the first row of a new paragraph has rl-para. With a positive
// Context, runs of unchanged sentences are collapsed to that many around
// each change. A row's changed facts follow its text as badges
// (<span class="rl-fact">) in a <span class="rl-facts">. All text is
// escaped.
func (r *Result) SideBySideHTML(opts RenderOptions) string {
	rows := collapseRows(r.rows(), opts.Context)
	var b strings.Builder
	b.WriteString(`<table class="rl-side-by-side"><colgroup><col class="rl-old"><col class="rl-new"></colgroup><tbody>` + "\n")
	for _, rw := range rows {
		writeRow(&b, rw, r.rowFacts(rw))
	}
	b.WriteString("</tbody></table>\n")
	return b.String()
}

// rows lays the sentence changes out in reading order, adding the old
// places of moved sentences.
func (r *Result) rows() []row {
	movedAway := map[int]*SentenceChange{}
	for k := range r.Sentences {
		if c := &r.Sentences[k]; c.Status == Moved {
			movedAway[c.OldIndex] = c
		}
	}
	var rows []row
	oldAt := r.oldPositions()
	away := slices.Sorted(maps.Keys(movedAway))
	lastNewEnd := -1
	for k := range r.Sentences {
		c := &r.Sentences[k]
		for ; len(away) > 0 && away[0] < oldAt[k]; away = away[1:] {
			rows = append(rows, row{change: movedAway[away[0]], away: true})
		}
		rw := row{change: c}
		if c.NewIndex >= 0 {
			rw.para = lastNewEnd >= 0 && c.NewStart > lastNewEnd && r.paragraphBreak(lastNewEnd, c.NewStart)
			lastNewEnd = c.NewEnd
		}
		rows = append(rows, rw)
	}
	for _, i := range away {
		rows = append(rows, row{change: movedAway[i], away: true})
	}
	return rows
}

// oldPositions gives each sentence change the old index it stands at: its
// own for a pair or a removal, else that of the next one that has one, so
// that the old places of moved sentences are shown before what was added
// beside them.
func (r *Result) oldPositions() []int {
	pos := make([]int, len(r.Sentences))
	next := int(^uint(0) >> 1)
	for k := len(r.Sentences) - 1; k >= 0; k-- {
		if c := r.Sentences[k]; c.OldIndex >= 0 && c.Status != Moved {
			next = c.OldIndex
		}
		pos[k] = next
	}
	return pos
}

// paragraphBreak reports whether the new text has a blank line between
// two sentences, found from the ops since the Result keeps no texts.
func (r *Result) paragraphBreak(from, to int) bool {
	k := sort.Search(len(r.Ops), func(k int) bool { return r.Ops[k].NewEnd > from })
	for _, op := range r.Ops[k:] {
		if op.Op == Delete {
			continue
		}
		if op.NewStart >= to {
			break
		}
		lo, hi := max(from, op.NewStart)-op.NewStart, min(to, op.NewEnd)-op.NewStart
		if strings.Contains(op.Text[lo:hi], "\n\n") {
			return true
		}
	}
	return false
}

// collapseRows keeps context unchanged rows around each changed one.
func collapseRows(rows []row, context int) []row {
	if context <= 0 {
		return rows
	}
	keep := make([]bool, len(rows))
	for k, rw := range rows {
		if rw.away || rw.change.Status != Unchanged {
			for m := max(0, k-context); m <= min(len(rows)-1, k+context); m++ {
				keep[m] = true
			}
		}
	}
	var out []row
	for k, rw := range rows {
		switch {
		case keep[k]:
			out = append(out, rw)
		case len(out) > 0 && out[len(out)-1].skipped > 0:
			out[len(out)-1].skipped++
		default:
			out = append(out, row{skipped: 1})
		}
	}
	return out
}

// rowFacts returns the facts of the sentence a row shows: those of its
// new sentence, or for a removed sentence those of its old one; the row a
// moved sentence left has none.
func (r *Result) rowFacts(rw row) []Fact {
	if rw.skipped > 0 || rw.away {
		return nil
	}
	c := rw.change
	var out []Fact
	for _, f := range r.Facts {
		switch {
		case c.NewIndex >= 0 && f.NewSentence != nil && *f.NewSentence == c.NewIndex:
			out = append(out, f)
		case c.NewIndex < 0 && f.NewSentence == nil && f.OldSentence != nil && *f.OldSentence == c.OldIndex:
			out = append(out, f)
		}
	}
	return out
}

func writeRow(b *strings.Builder, rw row, facts []Fact) {
	if rw.skipped > 0 {
		b.WriteString(`<tr class="rl-skip"><td colspan="2">` + strconv.Itoa(rw.skipped) + " unchanged " +
			plural(rw.skipped, "sentence") + "</td></tr>\n")
		return
	}
	c := rw.change
	class := "rl-" + c.Status.String()
	if rw.away {
		class = "rl-moved-away"
	}
	if rw.para {
		class += " rl-para"
	}
	b.WriteString(`<tr class="` + class + `">`)
	oldCell, newCell := cells(c, rw.away)
	if len(facts) > 0 {
		var badges strings.Builder
		badges.WriteString(` <span class="rl-facts">`)
		writeBadges(&badges, facts)
		badges.WriteString("</span>")
		if c.NewIndex >= 0 {
			newCell += badges.String()
		} else {
			oldCell += badges.String()
		}
	}
	b.WriteString(`<td class="rl-old">` + oldCell + `</td><td class="rl-new">` + newCell + "</td></tr>\n")
}

// cells renders the old and new side of one sentence change.
func cells(c *SentenceChange, away bool) (string, string) {
	oldText := c.Text
	if c.OldText != "" {
		oldText = c.OldText
	}
	switch {
	case away:
		return html.EscapeString(oldText), `<span class="rl-moved-note">moved</span>`
	case c.Status == Added:
		return "", `<ins class="rl-ins">` + srAdded + html.EscapeString(c.Text) + "</ins>"
	case c.Status == Removed:
		return `<del class="rl-del">` + srRemoved + html.EscapeString(c.Text) + "</del>", ""
	case c.Ops != nil:
		return sideHTML(c.Ops, Delete), sideHTML(c.Ops, Insert)
	case c.Status == Moved:
		return `<span class="rl-moved-note">moved here</span>`, html.EscapeString(c.Text)
	}
	return html.EscapeString(oldText), html.EscapeString(c.Text)
}

// sideHTML renders one side of word ops: the equal text and the ops of
// the given kind.
func sideHTML(ops []Op, kind Kind) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Op == Equal || op.Op == kind {
			writeHTMLChunk(&b, chunk{op: op.Op, text: op.Text})
		}
	}
	return b.String()
}
