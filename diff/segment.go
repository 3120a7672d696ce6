package diff

import (
	"github.com/redline-news/redline/internal/text"
)

// bytesPerSentence is a little under the average sentence of news prose,
// to size slices up front rather than grow them: growing was a fifth of the
// time of a comparison.
const bytesPerSentence = 110

// paragraph is what one paragraph yields: its byte range, its sentences
// with offsets relative to its start, and its number of words.
type paragraph struct {
	start, end int
	sents      []text.Sentence
	words      int
}

// splitOld splits the old text into sentences paragraph by paragraph
// (sentences never cross a blank line, so this is the split of the whole)
// and keeps the paragraphs for splitNew to reuse.
func splitOld(src string) ([]text.Sentence, int, []paragraph) {
	spans := text.Paragraphs(src)
	paras := make([]paragraph, len(spans))
	for k, sp := range spans {
		paras[k] = paragraph{start: sp.Start, end: sp.End}
		paras[k].split(src)
	}
	sents, words := flatten(src, paras)
	return sents, words, paras
}

// splitNew splits the new text, reusing the split of every paragraph that
// the ops show unchanged: two revisions share most of their paragraphs, and
// sentence splitting is the costliest step of a comparison.
func splitNew(src string, ops []Op, old []paragraph) ([]text.Sentence, int) {
	spans := text.Paragraphs(src)
	paras := make([]paragraph, len(spans))
	k, m := 0, 0 // cursors into ops and old
	for x, sp := range spans {
		for k < len(ops) && (ops[k].Op == Delete || ops[k].NewEnd <= sp.Start) {
			k++
		}
		paras[x] = paragraph{start: sp.Start, end: sp.End}
		if k < len(ops) && ops[k].Op == Equal && ops[k].NewStart <= sp.Start && sp.End <= ops[k].NewEnd {
			at := sp.Start + ops[k].OldStart - ops[k].NewStart
			for m < len(old) && old[m].start < at {
				m++
			}
			if m < len(old) && old[m].start == at && old[m].end-at == sp.End-sp.Start {
				paras[x].sents, paras[x].words = old[m].sents, old[m].words
				continue
			}
		}
		paras[x].split(src)
	}
	return flatten(src, paras)
}

// split splits and counts the paragraph's text.
func (p *paragraph) split(src string) {
	body := src[p.start:p.end]
	p.sents, p.words = gluePunctuation(body, text.Sentences(body)), CountWords(body)
}

// gluePunctuation joins each sentence without a letter or digit, such as a
// lone closing quote mark or "...", to the sentence before it in the
// paragraph (the one after it, at the start of a paragraph): on its own it
// would be added, removed or moved for no reason a reader could see. The
// segmenter leaves such pieces where a quotation ends oddly.
func gluePunctuation(body string, sents []text.Sentence) []text.Sentence {
	out := sents[:0]
	pending := -1 // start of punctuation waiting for the next sentence
	for _, s := range sents {
		switch {
		case firstWordByte(s.Text) >= 0 && pending >= 0:
			s.Start, pending = pending, -1
			s.Text = body[s.Start:s.End]
			out = append(out, s)
		case firstWordByte(s.Text) >= 0:
			out = append(out, s)
		case len(out) > 0:
			last := &out[len(out)-1]
			last.End = s.End
			last.Text = body[last.Start:last.End]
		case pending < 0:
			pending = s.Start
		}
	}
	if pending >= 0 { // a paragraph of punctuation alone stays one sentence
		end := sents[len(sents)-1].End
		out = append(out, text.Sentence{Start: pending, End: end, Text: body[pending:end]})
	}
	return out
}

// flatten lists the sentences of all paragraphs with offsets into src. A
// paragraph of punctuation alone (a "***" or "=" line) joins the sentence
// before it, or the one after it at the start of the text, as punctuation
// within a paragraph does.
func flatten(src string, paras []paragraph) ([]text.Sentence, int) {
	sents := make([]text.Sentence, 0, len(src)/bytesPerSentence+1)
	words := 0
	lead := -1 // start of leading punctuation paragraphs
	for _, p := range paras {
		words += p.words
		for _, s := range p.sents {
			s.Start, s.End = s.Start+p.start, s.End+p.start
			alone := len(p.sents) == 1 && firstWordByte(s.Text) < 0
			switch {
			case alone && len(sents) > 0:
				last := &sents[len(sents)-1]
				last.End, last.Text = s.End, src[last.Start:s.End]
			case alone && lead < 0:
				lead = s.Start
			case alone:
			case lead >= 0:
				s.Start, s.Text, lead = lead, src[lead:s.End], -1
				sents = append(sents, s)
			default:
				sents = append(sents, s)
			}
		}
	}
	if lead >= 0 { // nothing but punctuation
		end := paras[len(paras)-1].start + paras[len(paras)-1].sents[0].End
		sents = append(sents, text.Sentence{Start: lead, End: end, Text: src[lead:end]})
	}
	return sents, words
}
