package diff

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RenderOptions tunes the text and HTML renderings.
type RenderOptions struct {
	// Context, when positive, collapses unchanged stretches to that many
	// lines with text (paragraphs, in most articles; blank lines do not
	// count) around each change, or that many sentences in the side-by-side
	// view; the skip markers count lines with text too. Zero shows
	// everything.
	Context int
	// Color adds ANSI colours to the text rendering, for terminals.
	Color bool
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
// "[-deleted-]{+inserted+}", with colours if asked.
func (r *Result) Text(opts RenderOptions) string {
	return TextOps(r.Ops, opts)
}

// TextOps renders ops, such as a title's from Words, like Result.Text.
func TextOps(ops []Op, opts RenderOptions) string {
	var b strings.Builder
	for _, c := range collapse(ops, opts.Context) {
		switch {
		case c.skipped > 0:
			writeColored(&b, opts.Color, ansiSkip, "@@ "+strconv.Itoa(c.skipped)+" unchanged "+plural(c.skipped, "line")+" @@\n")
		case c.op == Equal:
			b.WriteString(c.text)
		case c.op == Delete:
			writeColored(&b, opts.Color, pick(c.move != 0, ansiMovedDel, ansiDel), "[-"+c.text+"-]")
		case c.op == Insert:
			writeColored(&b, opts.Color, pick(c.move != 0, ansiMovedIns, ansiIns), "{+"+c.text+"+}")
		}
	}
	return b.String()
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
// rl-moved and a data-move number, skipped stretches as
// <span class="rl-skip">. Each <del> and <ins> starts with a visually
// hidden cue (<span class="rl-sr">removed: </span>, "added: ", and for
// moved text "moved from here: " and "moved here: ") so that the
// change can be told without colour or strike-through, and a deletion
// followed by an insertion that would run together ("400600") gets a
// <span class="rl-sep"> </span> between them. All text is escaped. Line
// breaks are kept as they are, so the container should have
// white-space: pre-wrap. The package documentation lists every class.
func (r *Result) HTML(opts RenderOptions) string {
	return HTMLOps(r.Ops, opts)
}

// HTMLOps renders ops, such as a title's from Words, like Result.HTML.
func HTMLOps(ops []Op, opts RenderOptions) string {
	var b strings.Builder
	b.WriteString(`<div class="rl-diff">`)
	var prev chunk
	for _, c := range collapse(ops, opts.Context) {
		if runTogether(prev, c) {
			b.WriteString(`<span class="rl-sep"> </span>`)
		}
		writeHTMLChunk(&b, c)
		prev = c
	}
	b.WriteString(`</div>`)
	return b.String()
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

func writeHTMLChunk(b *strings.Builder, c chunk) {
	switch {
	case c.skipped > 0:
		b.WriteString(`<span class="rl-skip">` + strconv.Itoa(c.skipped) + " unchanged " + plural(c.skipped, "line") + "</span>\n")
	case c.op == Equal:
		b.WriteString(html.EscapeString(c.text))
	default:
		tag, class, cue := "ins", "rl-ins", srAdded
		if c.op == Delete {
			tag, class, cue = "del", "rl-del", srRemoved
		}
		b.WriteString("<" + tag + ` class="` + class)
		if c.move != 0 {
			b.WriteString(` rl-moved" data-move="` + strconv.Itoa(c.move))
			cue = pick(c.op == Delete, srMovedAway, srMovedHere)
		}
		b.WriteString(`">` + cue + html.EscapeString(c.text) + "</" + tag + ">")
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
