package web

import (
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/redline-news/redline/internal/text"
)

// paragraph is one paragraph of a revision's text, cut into spans at every
// summary sentence's ends, so that each span's byte offsets tell the page's
// script which spans a summary sentence covers.
type paragraph struct {
	Spans []textSpan
}

type textSpan struct {
	Start, End int
	Text       string
	Anchor     bool // a summary sentence starts here; it gets an id to link to
}

// textHTML renders body as paragraphs of spans cut at the offsets of the
// summaries' sentences, each span carrying its byte range in data-start
// and data-end, and an id where a summary sentence starts. All text is
// escaped. It writes the HTML itself: through a template, the spans of a
// long article would cost more than its diff.
func textHTML(body string, sums ...*summaryView) template.HTML {
	var b strings.Builder
	b.Grow(len(body) + len(body)/8)
	for _, p := range textParagraphs(body, sums...) {
		b.WriteString("<p>")
		for _, s := range p.Spans {
			start := strconv.Itoa(s.Start)
			b.WriteString(`<span data-start="` + start + `" data-end="` + strconv.Itoa(s.End) + `"`)
			if s.Anchor {
				b.WriteString(` id="t-` + start + `"`)
			}
			b.WriteString(">" + html.EscapeString(s.Text) + "</span>")
		}
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}

// textParagraphs splits body into paragraphs of spans cut at the offsets of
// the summaries' sentences.
func textParagraphs(body string, sums ...*summaryView) []paragraph {
	var cuts []int
	starts := map[int]bool{}
	for _, s := range sums {
		if s == nil {
			continue
		}
		for _, sent := range s.Sentences {
			cuts = append(cuts, sent.Start, sent.End)
			starts[sent.Start] = true
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []paragraph
	for _, para := range text.Paragraphs(body) {
		out = append(out, cutParagraph(body, para, cuts, starts))
	}
	return out
}

func cutParagraph(body string, para text.Span, cuts []int, starts map[int]bool) paragraph {
	var p paragraph
	at := para.Start
	for _, cut := range cuts {
		if cut <= at || cut >= para.End {
			continue
		}
		p.Spans = append(p.Spans, textSpan{Start: at, End: cut, Text: body[at:cut], Anchor: starts[at]})
		at = cut
	}
	p.Spans = append(p.Spans, textSpan{Start: at, End: para.End, Text: body[at:para.End], Anchor: starts[at]})
	return p
}
