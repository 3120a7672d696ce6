package diff

import (
	"html"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/redline-news/redline/internal/text"
)

// row is one line of the side-by-side table.
type row struct {
	change  *SentenceChange
	away    bool // the old place of a moved sentence
	para    bool // starts a paragraph in the new text
	skipped int
	hidden  bool // collapsed by Context, kept for Findable
}

// SideBySideHTML renders a two-column table, old text on the left and new
// on the right, one row per sentence so that the columns stay aligned.
// Rows carry the class rl-unchanged, rl-edited, rl-added, rl-removed or
// rl-moved; a moved sentence also leaves an rl-moved-away row where it
// stood, and the first row of a new paragraph has rl-para. With a positive
// Context, runs of unchanged sentences are collapsed to that many around
// each change. A row's changed facts follow its text as badges
// (<span class="rl-fact">) in a <span class="rl-facts">. All text is
// escaped. A moved sentence's row carries data-from, the number (from 1)
// of the old text's paragraph it came from, and says so in its old cell's
// rl-moved-note ("moved from ¶3"); the row it left carries data-to and says
// where it went ("moved to ¶7").
func (r *Result) SideBySideHTML(opts RenderOptions) string {
	rows := collapseRows(r.rows(), opts.Context, opts.MinSkip, opts.Findable)
	var paras sentenceParas
	for _, c := range r.Sentences {
		if c.Status == Moved {
			paras = r.sentenceParas()
			break
		}
	}
	var b strings.Builder
	b.WriteString(`<table class="rl-side-by-side"><colgroup><col class="rl-old"><col class="rl-new"></colgroup><tbody>` + "\n")
	for _, rw := range rows {
		writeRow(&b, rw, r.rowFacts(rw), paras, opts.Findable)
	}
	b.WriteString("</tbody></table>\n")
	return b.String()
}

// SideBySideFolds returns, in reading order, what the marker rows of
// SideBySideHTML with opts's Context and MinSkip stand for: none when
// Context is zero or no run of unchanged sentences is long enough to
// collapse.
func (r *Result) SideBySideFolds(opts RenderOptions) []Fold {
	if opts.Context <= 0 {
		return nil
	}
	var out []Fold
	for _, rw := range collapseRows(r.rows(), opts.Context, opts.MinSkip, true) {
		switch {
		case rw.skipped > 0:
			out = append(out, Fold{Count: rw.skipped})
		case rw.hidden:
			out[len(out)-1].Words += CountWords(rw.change.Text)
		}
	}
	return out
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
// two sentences, found from the ops since the Result keeps no texts. The
// two line breaks may stand in two ops, as when a paragraph was added
// after the last one ("…end.\n" unchanged, "\nNew paragraph.\n" inserted).
func (r *Result) paragraphBreak(from, to int) bool {
	k := sort.Search(len(r.Ops), func(k int) bool { return r.Ops[k].NewEnd > from })
	lineEnd := false // the text so far ends with a line break
	for _, op := range r.Ops[k:] {
		if op.Op == Delete {
			continue
		}
		if op.NewStart >= to {
			break
		}
		lo, hi := max(from, op.NewStart)-op.NewStart, min(to, op.NewEnd)-op.NewStart
		s := op.Text[lo:hi]
		if s == "" {
			continue
		}
		if lineEnd && s[0] == '\n' || strings.Contains(s, "\n\n") {
			return true
		}
		lineEnd = s[len(s)-1] == '\n'
	}
	return false
}

// sentenceParas gives the paragraphs of the old and the new text, to say
// where moved sentences came from and went to.
type sentenceParas struct{ old, new []text.Span }

func (r *Result) sentenceParas() sentenceParas {
	var oldB, newB strings.Builder
	for _, op := range r.Ops {
		if op.Op != Insert {
			oldB.WriteString(op.Text)
		}
		if op.Op != Delete {
			newB.WriteString(op.Text)
		}
	}
	return sentenceParas{old: text.Paragraphs(oldB.String()), new: text.Paragraphs(newB.String())}
}

// collapseRows keeps context unchanged rows around each changed one; the
// others give way to a marker row that counts them, and with keepHidden
// follow it, hidden. A run of fewer than minSkip rows to collapse is kept.
func collapseRows(rows []row, context, minSkip int, keepHidden bool) []row {
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
	for k := 0; k < len(rows); {
		if keep[k] {
			k++
			continue
		}
		end := k
		for end < len(rows) && !keep[end] {
			end++
		}
		if end-k < minSkip {
			for m := k; m < end; m++ {
				keep[m] = true
			}
		}
		k = end
	}
	var out []row
	marker := -1 // the marker of the run being collapsed
	for k, rw := range rows {
		switch {
		case keep[k]:
			out = append(out, rw)
			marker = -1
		case marker >= 0:
			out[marker].skipped++
		default:
			marker = len(out)
			out = append(out, row{skipped: 1})
		}
		if !keep[k] && keepHidden {
			rw.hidden = true
			out = append(out, rw)
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

func writeRow(b *strings.Builder, rw row, facts []Fact, paras sentenceParas, findable bool) {
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
	var pl movePlace
	if c.Status == Moved {
		pl = movePlace{from: paragraphAt(paras.old, c.OldStart), to: paragraphAt(paras.new, c.NewStart)}
	}
	b.WriteString(`<tr class="` + class + `"`)
	switch {
	case c.Status == Moved && rw.away:
		b.WriteString(toAttr(pl))
	case c.Status == Moved:
		b.WriteString(fromAttr(pl))
	}
	if rw.hidden {
		b.WriteString(" hidden")
	}
	b.WriteString(">")
	oldCell, newCell := cells(c, rw.away, pl)
	if len(facts) > 0 {
		var badges strings.Builder
		if findable { // the space is no part of the text
			badges.WriteString(`<span class="rl-facts"> `)
		} else {
			badges.WriteString(` <span class="rl-facts">`)
		}
		writeBadges(&badges, facts)
		badges.WriteString("</span>")
		if c.NewIndex >= 0 {
			newCell += badges.String()
		} else {
			oldCell += badges.String()
		}
	}
	b.WriteString(`<td class="rl-old">` + oldCell + `</td><td class="rl-new"`)
	if findable && c.NewIndex >= 0 && !rw.away {
		b.WriteString(` data-start="` + strconv.Itoa(c.NewStart) + `"`)
	}
	b.WriteString(">" + newCell + "</td></tr>\n")
}

// cells renders the old and new side of one sentence change; pl says
// where a moved one came from and went to.
func cells(c *SentenceChange, away bool, pl movePlace) (string, string) {
	oldText := c.Text
	if c.OldText != "" {
		oldText = c.OldText
	}
	switch {
	case away:
		return html.EscapeString(oldText), `<span class="rl-moved-note">moved to ¶` + strconv.Itoa(pl.to) + `</span>`
	case c.Status == Added:
		return "", `<ins class="rl-ins">` + srAdded + html.EscapeString(c.Text) + "</ins>"
	case c.Status == Removed:
		return `<del class="rl-del">` + srRemoved + html.EscapeString(c.Text) + "</del>", ""
	case c.Status == Moved && c.Ops != nil:
		return movedFrom(pl) + " " + sideHTML(c.Ops, Delete), sideHTML(c.Ops, Insert)
	case c.Ops != nil:
		return sideHTML(c.Ops, Delete), sideHTML(c.Ops, Insert)
	case c.Status == Moved:
		return movedFrom(pl), html.EscapeString(c.Text)
	}
	return html.EscapeString(oldText), html.EscapeString(c.Text)
}

// sideHTML renders one side of word ops: the equal text and the ops of
// the given kind.
func sideHTML(ops []Op, kind Kind) string {
	var b strings.Builder
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		if respeltAt(ops, i) {
			text := ops[i+1].Text // each side as its own text writes it
			if kind == Delete {
				text = op.Text
			}
			writeHTMLChunk(&b, chunk{op: Equal, text: text}, movePlace{})
			i++
			continue
		}
		if op.Op == Equal || op.Op == kind {
			writeHTMLChunk(&b, chunk{op: op.Op, text: op.Text}, movePlace{})
		}
	}
	return b.String()
}

// movedFrom is the note in the old cell of a moved sentence's new row.
func movedFrom(pl movePlace) string {
	return `<span class="rl-moved-note">moved from ¶` + strconv.Itoa(pl.from) + `</span>`
}
