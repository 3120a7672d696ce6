package diff

import "github.com/redline-news/redline/internal/text"

// paragraph is what one distinct paragraph yields, computed once per
// comparison: two revisions share most of their paragraphs, and sentence
// splitting is the costliest step of a comparison.
type paragraph struct {
	sents []text.Sentence // offsets relative to the paragraph
	words int
}

// Rough sizes of news prose, to size slices and maps up front rather than
// grow them: growing was a fifth of the time of a comparison.
const (
	bytesPerSentence  = 110
	bytesPerParagraph = 500
)

// segmenter splits both texts into sentences paragraph by paragraph;
// sentences never cross a blank line, so this is the split of the whole.
type segmenter struct {
	cache map[string]*paragraph
}

// split returns the sentences of src and its number of words.
func (sg *segmenter) split(src string) ([]text.Sentence, int) {
	sents := make([]text.Sentence, 0, len(src)/bytesPerSentence+1)
	words := 0
	for _, sp := range text.Paragraphs(src) {
		p := sg.paragraph(src[sp.Start:sp.End])
		words += p.words
		for _, s := range p.sents {
			s.Start, s.End = s.Start+sp.Start, s.End+sp.Start
			sents = append(sents, s)
		}
	}
	return sents, words
}

func (sg *segmenter) paragraph(src string) *paragraph {
	if p, ok := sg.cache[src]; ok {
		return p
	}
	p := &paragraph{sents: text.Sentences(src), words: CountWords(src)}
	sg.cache[src] = p
	return p
}
