package diff

import (
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// RenderOptions tunes the text and HTML renderings.
type RenderOptions struct {
	// Context, when positive, collapses unchanged stretches to that many
	// lines with text (paragraphs, in most articles; blank lines do not
	// count) around each change, or that many sentences in the side-by-side
	// view; the skip markers count lines with text too. Zero shows
	// everything.
	Context int
	// MinSkip, with Context, leaves shown every unchanged stretch that
	// would put fewer than MinSkip lines with text (side by side:
	// sentences) behind a marker: a marker that stands for one short
	// paragraph saves the reader little and costs a click. Zero or one
	// collapses every stretch beyond the context, as git diff does.
	MinSkip int
	// Color adds ANSI colours to the text rendering, for terminals.
	Color bool
	// Findable lets a script find any byte range of the new text (a
	// summary sentence) in the HTML renderings: the elements that hold new
	// text carry data-start, the byte offset in the new text at which their
	// text begins (the inline diff's rl-diff container, each new-side cell
	// of the side-by-side table), and what Context hides is kept, after its
	// marker, in an element with the hidden attribute (a
	// <span class="rl-hidden"> inline, the rows themselves side by side).
	// Counting the bytes of their text, leaving out <del>, the rl-sr cues,
	// rl-sep, rl-skip markers, rl-moved-note and rl-facts, gives each
	// character's offset.
	Findable bool
}

// ANSI colours as git uses them: red for deletions, green for insertions,
// and magenta/cyan for moved text as git's --color-moved does.
const (
	ansiDel      = "\x1b[31m"
	ansiIns      = "\x1b[32m"
	ansiMovedDel = "\x1b[1;35m"
	ansiMovedIns = "\x1b[1;36m"
	ansiSkip     = "\x1b[36m"
	ansiReset    = "\x1b[m"
)

// Text renders the word diff in git's --word-diff=plain style:
// "[-deleted-]{+inserted+}", with colours if asked. A moved block needs no
// colour to be seen: its old place reads "[~N text~]" and its new place
// "{~N text~}", N being its move number; when the block was edited on the
// way, the new place holds the edits as "[-30-]{+20+}". A paragraph
// inserted, deleted or moved has the line breaks at its ends outside its
// marker ("{+New paragraph.+}\n\n"), so that the marker opens and closes
// on the paragraph's own lines and the next paragraph reads, and counts as
// context, as unchanged. With Context, each
// run of skipped lines becomes a hunk header that says where the next hunk
// starts, as paragraph numbers (blank-line separated, from 1) of the old and
// the new text: "@@ ¶12 → ¶13, after 34 unchanged lines @@", or
// "@@ 7 unchanged lines to the end @@" after the last change.
func (r *Result) Text(opts RenderOptions) string {
	return TextOps(r.Ops, opts)
}

// TextOps renders ops, such as a title's from Words, like Result.Text.
func TextOps(ops []Op, opts RenderOptions) string {
	var b strings.Builder
	inner := movedEdits(ops)
	for _, c := range collapse(ops, opts.Context, opts.MinSkip) {
		switch {
		case c.skipped > 0:
			writeColored(&b, opts.Color, ansiSkip, hunkHeader(c))
		case c.op == Equal:
			b.WriteString(c.text)
		case c.op == Delete && c.move != 0:
			writeColored(&b, opts.Color, ansiMovedDel, "[~"+strconv.Itoa(c.move)+" "+c.text+"~]")
		case c.op == Delete:
			writeColored(&b, opts.Color, ansiDel, "[-"+c.text+"-]")
		case c.op == Insert && c.move != 0:
			writeMovedText(&b, opts.Color, c, inner[c.move])
		case c.op == Insert:
			writeColored(&b, opts.Color, ansiIns, "{+"+c.text+"+}")
		}
	}
	return b.String()
}

// writeMovedText writes the new place of a moved block: its white space
// at either end outside the marker, and inside it the block, or its edits
// when it was edited on the way.
func writeMovedText(b *strings.Builder, color bool, c chunk, e *movedEdit) {
	lead, body, trail := splitSpace(c.text)
	b.WriteString(lead)
	if e == nil {
		writeColored(b, color, ansiMovedIns, "{~"+strconv.Itoa(c.move)+" "+body+"~}")
		b.WriteString(trail)
		return
	}
	writeColored(b, color, ansiMovedIns, "{~"+strconv.Itoa(c.move)+" ")
	{
		for _, op := range e.ops {
			switch op.Op {
			case Equal:
				writeColored(b, color, ansiMovedIns, op.Text)
			case Delete:
				writeColored(b, color, ansiDel, "[-"+op.Text+"-]")
			case Insert:
				writeColored(b, color, ansiIns, "{+"+op.Text+"+}")
			}
		}
	}
	writeColored(b, color, ansiMovedIns, "~}")
	b.WriteString(trail)
}

// movedEdit is the word diff between the old and the new text of a move
// that was edited on the way.
type movedEdit struct{ ops []Op }

// movedEdits diffs, for each move made of one deleted and one inserted op
// whose texts differ beyond white space, the two texts, so that the new
// place can show what changed. Moves are few and short next to the text.
func movedEdits(ops []Op) map[int]*movedEdit {
	type sides struct{ del, ins, n int }
	var moves map[int]*sides
	for k, op := range ops {
		if op.Move == 0 {
			continue
		}
		if moves == nil {
			moves = map[int]*sides{}
		}
		m := moves[op.Move]
		if m == nil {
			m = &sides{del: -1, ins: -1}
			moves[op.Move] = m
		}
		m.n++
		if op.Op == Delete {
			m.del = k
		} else {
			m.ins = k
		}
	}
	out := make(map[int]*movedEdit, len(moves))
	for num, m := range moves {
		if m.n != 2 || m.del < 0 || m.ins < 0 {
			continue
		}
		_, o, _ := splitSpace(ops[m.del].Text)
		_, n, _ := splitSpace(ops[m.ins].Text)
		if o == n {
			continue
		}
		if inner, err := Words(o, n, Options{}); err == nil {
			out[num] = &movedEdit{ops: inner}
		}
	}
	return out
}

// splitSpace cuts s into its leading white space, the rest and its
// trailing white space.
func splitSpace(s string) (lead, body, trail string) {
	body = strings.TrimLeftFunc(s, unicode.IsSpace)
	lead = s[:len(s)-len(body)]
	trimmed := strings.TrimRightFunc(body, unicode.IsSpace)
	return lead, trimmed, body[len(trimmed):]
}

// hunkHeader is the marker for skipped lines: where the next hunk starts,
// as paragraph numbers of the old and the new text, and how many lines with
// text were skipped; "@@ 7 unchanged lines to the end @@" after the last.
func hunkHeader(c chunk) string {
	lines := strconv.Itoa(c.skipped) + " unchanged " + plural(c.skipped, "line")
	if c.atEnd {
		return "@@ " + lines + " to the end @@\n"
	}
	return "@@ ¶" + strconv.Itoa(c.oldPara) + " → ¶" + strconv.Itoa(c.newPara) + ", after " + lines + " @@\n"
}

func writeColored(b *strings.Builder, color bool, code, s string) {
	if !color {
		b.WriteString(s)
		return
	}
	b.WriteString(code)
	b.WriteString(s)
	b.WriteString(ansiReset)
}

// HTML renders the word diff inline: deleted text in <del class="rl-del">,
// inserted text in <ins class="rl-ins">, moved blocks with the extra class
// rl-moved and a data-move number; where a moved block was also edited,
// its new place is a <span class="rl-moved" data-move="N"> holding the
// <del> and <ins> of the edit. Skipped stretches are
// <span class="rl-skip">, which says how many paragraphs it stands for
// ("12 unchanged paragraphs"), or lines when some of them are not
// paragraphs of their own. Each <del> and <ins> starts with a visually
// hidden cue (<span class="rl-sr">removed: </span>, "added: ", and for
// moved text "moved from here: " and "moved here: ") so that the
// change can be told without colour or strike-through, and a deletion
// followed by an insertion that would run together ("400600") gets a
// <span class="rl-sep"> </span> between them. As in Text, an inserted,
// deleted or moved paragraph's <ins> or <del> ends on its own last line:
// the line breaks after an inserted one follow its <ins>, and those of a
// deleted one its <del>, in a <span class="rl-sep">, being no new text.
// All text is escaped. Line
// breaks are kept as they are, so the container should have
// white-space: pre-wrap. The changed facts come first, as badges (see
// factsHTML). The package documentation lists every class.
func (r *Result) HTML(opts RenderOptions) string {
	return factsHTML(r.Facts) + HTMLOps(r.Ops, opts)
}

// factsHTML renders the changed facts as a row of badges, one
// <span class="rl-fact"> each with its kind and change in data-kind and
// data-change, inside a <div class="rl-facts">; nothing when there are
// none.
func factsHTML(facts []Fact) string {
	if len(facts) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div class="rl-facts">`)
	writeBadges(&b, facts)
	b.WriteString("</div>\n")
	return b.String()
}

// writeBadges writes one badge per fact, with a space between them so that
// they read apart where no stylesheet lays them out (a feed reader, a copy
// of the text); the stylesheet's flex row drops that space.
func writeBadges(b *strings.Builder, facts []Fact) {
	for i, f := range facts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`<span class="rl-fact" data-kind="` + string(f.Kind) + `" data-change="` + string(f.Change) + `">` +
			html.EscapeString(f.String()) + "</span>")
	}
}

// HTMLOps renders ops, such as a title's from Words, like Result.HTML.
func HTMLOps(ops []Op, opts RenderOptions) string {
	var b strings.Builder
	b.WriteString(`<div class="rl-diff"`)
	if opts.Findable {
		b.WriteString(` data-start="0"`)
	}
	b.WriteString(`>`)
	inner := movedEdits(ops)
	places := movePlaces(ops)
	chunks := collapse(ops, opts.Context, opts.MinSkip)
	var hidden []string
	if opts.Context > 0 {
		hidden = skippedTexts(ops, chunks)
	}
	var prev chunk
	for k, c := range chunks {
		if runTogether(prev, c) {
			b.WriteString(`<span class="rl-sep"> </span>`)
		}
		switch e := inner[c.move]; {
		case e != nil && c.op == Insert:
			writeMovedHTML(&b, c, e, places[c.move])
		case c.skipped > 0 && opts.Findable:
			// The marker is a block of its own; a line break after it
			// would be taken for text.
			b.WriteString(`<span class="rl-skip">` + skipLabel(c.skipped, hidden[k]) + "</span>" +
				`<span class="rl-hidden" hidden>` + html.EscapeString(hidden[k]) + "</span>")
		case c.skipped > 0:
			b.WriteString(`<span class="rl-skip">` + skipLabel(c.skipped, hidden[k]) + "</span>\n")
		default:
			writeHTMLChunk(&b, c, places[c.move])
		}
		prev = c
	}
	b.WriteString(`</div>`)
	return b.String()
}

// skipLabel says what an inline marker stands for: "12 unchanged
// paragraphs" when each of its n lines with text is a paragraph of its
// own, between blank lines, as in most articles, else "12 unchanged
// lines".
func skipLabel(n int, hidden string) string {
	unit := "paragraph"
	afterText := false
	for line := range strings.Lines(hidden) {
		blank := isBlank(line)
		if !blank && afterText {
			unit = "line"
			break
		}
		afterText = !blank
	}
	return strconv.Itoa(n) + " unchanged " + plural(n, unit)
}

// skippedTexts returns, for each marker of skipped lines in chunks, the
// text it stands for. collapse cuts each unchanged op into its kept head,
// the marker and its kept tail (or leaves it whole), so walking the ops
// beside the chunks finds the bytes each marker left out.
func skippedTexts(ops []Op, chunks []chunk) []string {
	out := make([]string, len(chunks))
	i, at := 0, 0 // the op the next chunk comes from, and how much of it went before
	for k, c := range chunks {
		if i >= len(ops) {
			break
		}
		op := ops[i]
		switch {
		case c.skipped == 0:
			at += len(c.text)
		case c.atEnd || k+1 == len(chunks):
			out[k] = op.Text[at:]
			at = len(op.Text)
		default:
			end := len(op.Text) - len(chunks[k+1].text)
			out[k] = op.Text[at:end]
			at = end
		}
		if at >= len(op.Text) {
			i, at = i+1, 0
		}
	}
	return out
}

// Fold is what one marker of collapsed unchanged text stands for: Count
// is the number its marker gives (lines with text inline, sentences side
// by side), Words the words of the text it hides.
type Fold struct {
	Count, Words int
}

// Folds returns, in reading order, what the markers of the inline
// renderings (Text, HTML) with opts's Context and MinSkip stand for: none
// when Context is zero or no unchanged stretch is long enough to collapse.
// A page can read from it whether collapsing is worth it before it renders.
func (r *Result) Folds(opts RenderOptions) []Fold {
	if opts.Context <= 0 {
		return nil
	}
	chunks := collapse(r.Ops, opts.Context, opts.MinSkip)
	var hidden []string
	var out []Fold
	for k, c := range chunks {
		if c.skipped == 0 {
			continue
		}
		if hidden == nil {
			hidden = skippedTexts(r.Ops, chunks)
		}
		out = append(out, Fold{Count: c.skipped, Words: CountWords(hidden[k])})
	}
	return out
}

// movePlace is where the other end of a moved block stands: the number
// (from 1) of the old text's paragraph it left, for its new place, and of
// the new text's paragraph it went to, for its old place.
type movePlace struct{ from, to int }

// movePlaces finds, for each move of ops, the paragraph of the old text
// its deleted op starts in and that of the new text its inserted op starts
// in. Paragraphs are the blank-line separated ones of each text.
func movePlaces(ops []Op) map[int]movePlace {
	var oldB, newB strings.Builder
	moved := false
	for _, op := range ops {
		moved = moved || op.Move != 0
		if op.Op != Insert {
			oldB.WriteString(op.Text)
		}
		if op.Op != Delete {
			newB.WriteString(op.Text)
		}
	}
	if !moved {
		return nil
	}
	oldParas, newParas := text.Paragraphs(oldB.String()), text.Paragraphs(newB.String())
	places := map[int]movePlace{}
	for _, op := range ops {
		if op.Move == 0 {
			continue
		}
		lead, _, _ := splitSpace(op.Text)
		pl := places[op.Move]
		if op.Op == Delete {
			pl.from = paragraphAt(oldParas, op.OldStart+len(lead))
		} else {
			pl.to = paragraphAt(newParas, op.NewStart+len(lead))
		}
		places[op.Move] = pl
	}
	return places
}

// paragraphAt returns the number, from 1, of the paragraph that holds pos,
// or of the next one when pos falls between two.
func paragraphAt(paras []text.Span, pos int) int {
	return sort.Search(len(paras), func(k int) bool { return paras[k].End > pos }) + 1
}

// writeMovedHTML writes the new place of a block that moved and was edited:
// a <span class="rl-moved" data-move="N"> holding the block's own word
// diff, so the edit shows where the block now stands.
func writeMovedHTML(b *strings.Builder, c chunk, e *movedEdit, pl movePlace) {
	lead, _, trail := splitSpace(c.text)
	b.WriteString(html.EscapeString(lead))
	b.WriteString(`<span class="rl-moved" data-move="` + strconv.Itoa(c.move) + `"` + fromAttr(pl) + `>` + movedCue(Insert, pl))
	var prev chunk
	for _, op := range e.ops {
		ic := chunk{op: op.Op, text: op.Text}
		if runTogether(prev, ic) {
			b.WriteString(`<span class="rl-sep"> </span>`)
		}
		writeHTMLChunk(b, ic, movePlace{})
		prev = ic
	}
	b.WriteString("</span>" + html.EscapeString(trail))
}

// fromAttr is the data-from attribute of a moved block's new place, which
// names the old paragraph it came from; toAttr, at the old place, names
// the new paragraph it went to.
func fromAttr(pl movePlace) string {
	if pl.from == 0 {
		return ""
	}
	return ` data-from="` + strconv.Itoa(pl.from) + `"`
}

func toAttr(pl movePlace) string {
	if pl.to == 0 {
		return ""
	}
	return ` data-to="` + strconv.Itoa(pl.to) + `"`
}

// movedCue is the hidden cue of a moved block's old place (kind Delete) or
// new place: where it went or came from, when that is known.
func movedCue(kind Kind, pl movePlace) string {
	if kind == Delete {
		if pl.to == 0 {
			return srMovedAway
		}
		return `<span class="rl-sr">moved to paragraph ` + strconv.Itoa(pl.to) + `: </span>`
	}
	if pl.from == 0 {
		return srMovedHere
	}
	return `<span class="rl-sr">moved from paragraph ` + strconv.Itoa(pl.from) + `: </span>`
}

// runTogether reports whether a deletion and the insertion right after it
// would read as one word when shown without their markup.
func runTogether(prev, c chunk) bool {
	if prev.skipped > 0 || prev.op != Delete || c.skipped > 0 || c.op != Insert || prev.text == "" || c.text == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	first, _ := utf8.DecodeRuneInString(c.text)
	return !unicode.IsSpace(last) && !unicode.IsSpace(first)
}

// Screen-reader cues put inside <del> and <ins>; rl-sr is styled as
// visually hidden, so they are read aloud but not seen.
const (
	srRemoved   = `<span class="rl-sr">removed: </span>`
	srAdded     = `<span class="rl-sr">added: </span>`
	srMovedAway = `<span class="rl-sr">moved from here: </span>`
	srMovedHere = `<span class="rl-sr">moved here: </span>`
)

// writeHTMLChunk writes one chunk; pl is where the other end of a moved
// one stands.
func writeHTMLChunk(b *strings.Builder, c chunk, pl movePlace) {
	switch {
	case c.op == Equal && c.only == Delete:
		// A deleted paragraph's line breaks, outside its <del>: no part
		// of the new text.
		b.WriteString(`<span class="rl-sep">` + html.EscapeString(c.text) + "</span>")
	case c.op == Equal:
		b.WriteString(html.EscapeString(c.text))
	default:
		tag, class, cue := "ins", "rl-ins", srAdded
		if c.op == Delete {
			tag, class, cue = "del", "rl-del", srRemoved
		}
		if c.move != 0 {
			class += " rl-moved"
		}
		b.WriteString("<" + tag + ` class="` + class + `"`)
		if c.move != 0 {
			b.WriteString(` data-move="` + strconv.Itoa(c.move) + `"` + pick(c.op == Delete, toAttr(pl), fromAttr(pl)))
			cue = movedCue(c.op, pl)
		}
		b.WriteString(`>` + cue + html.EscapeString(c.text) + "</" + tag + ">")
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
