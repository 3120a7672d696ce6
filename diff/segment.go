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
	sents, words := flatten(paras, len(src))
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
	return flatten(paras, len(src))
}

// split splits and counts the paragraph's text.
func (p *paragraph) split(src string) {
	body := src[p.start:p.end]
	p.sents, p.words = text.Sentences(body), CountWords(body)
}

// flatten lists the sentences of all paragraphs with offsets into the text.
func flatten(paras []paragraph, size int) ([]text.Sentence, int) {
	sents := make([]text.Sentence, 0, size/bytesPerSentence+1)
	words := 0
	for _, p := range paras {
		words += p.words
		for _, s := range p.sents {
			s.Start, s.End = s.Start+p.start, s.End+p.start
			sents = append(sents, s)
		}
	}
	return sents, words
}
