package diff

import (
	"html"
	"strconv"
	"strings"
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
// <span class="rl-skip">. All text is escaped. Line breaks are kept as they
// are, so the container should have white-space: pre-wrap.
func (r *Result) HTML(opts RenderOptions) string {
	return HTMLOps(r.Ops, opts)
}

// HTMLOps renders ops, such as a title's from Words, like Result.HTML.
func HTMLOps(ops []Op, opts RenderOptions) string {
	var b strings.Builder
	b.WriteString(`<div class="rl-diff">`)
	for _, c := range collapse(ops, opts.Context) {
		writeHTMLChunk(&b, c)
	}
	b.WriteString(`</div>`)
	return b.String()
}

func writeHTMLChunk(b *strings.Builder, c chunk) {
	switch {
	case c.skipped > 0:
		b.WriteString(`<span class="rl-skip">` + strconv.Itoa(c.skipped) + " unchanged " + plural(c.skipped, "line") + "</span>\n")
	case c.op == Equal:
		b.WriteString(html.EscapeString(c.text))
	default:
		tag, class := "ins", "rl-ins"
		if c.op == Delete {
			tag, class = "del", "rl-del"
		}
		b.WriteString("<" + tag + ` class="` + class)
		if c.move != 0 {
			b.WriteString(` rl-moved" data-move="` + strconv.Itoa(c.move))
		}
		b.WriteString(`">` + html.EscapeString(c.text) + "</" + tag + ">")
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
