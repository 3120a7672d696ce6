package web

import (
	"slices"

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
