// Package text splits prose into paragraphs and sentences. Every result keeps
// byte offsets into the original text, so callers can map summaries and diffs
// back onto what the newsroom wrote.
//
// The sentence rules follow the "Golden Rules" of sentence segmentation:
// abbreviations, initials, numbers, ellipses, quotations, lists, URLs and
// e-mail addresses do not end a sentence where a naive split on stops would.
// A line without a final stop (a headline) and a blank line always end one.
// Lowercased, tokenized text such as the CNN/DailyMail corpus, where stops
// stand alone (" . "), is recognized without any option. Correction
// notices are recognized here too (IsCorrection, OpensCorrection), in the
// seven languages the segmenter knows, for the diff's facts and the
// summarizer alike.
package text

// Sentence is one sentence of a text: src[Start:End] == Text, trimmed of
// surrounding white space.
type Sentence struct {
	Start, End int // byte offsets in the original text
	Text       string
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Options tune a Segmenter to the language and kind of a document.
type Options struct {
	// Language is an ISO 639-1 code: "en" (the default), "de", "fr",
	// "es", "it", "pt" or "nl". It chooses the abbreviations and the words
	// that usually open a sentence; unknown codes fall back to English.
	Language string
	// PDF reads a line break before a lowercase word as a space, because
	// text extracted from PDF keeps the line breaks of the page layout.
	PDF bool
}

// Segmenter splits text into sentences by the rules of one language. It
// holds no mutable state, so one Segmenter may serve many goroutines. The
// zero Segmenter, like a nil one, segments English.
type Segmenter struct {
	lang *language
	pdf  bool
}

// NewSegmenter returns a Segmenter configured by o.
func NewSegmenter(o Options) *Segmenter {
	lang, ok := languages[o.Language]
	if !ok {
		lang = languages["en"]
	}
	return &Segmenter{lang: lang, pdf: o.PDF}
}

// english serves the package-level functions; it is never modified.
var english = NewSegmenter(Options{Language: "en"})

// Sentences splits src into sentences, in order, non-overlapping, none empty.
func Sentences(src string) []Sentence {
	return english.Sentences(src)
}

// Sentences splits src into sentences, in order, non-overlapping, none empty.
func (s *Segmenter) Sentences(src string) []Sentence {
	return s.SentencesIn(src, Span{0, len(src)})
}

// SentencesIn splits the part p of src into sentences whose offsets refer to
// src, so that a caller may segment one paragraph at a time. A span reaching
// outside src is clipped to it.
func (s *Segmenter) SentencesIn(src string, p Span) []Sentence {
	p = clip(p, len(src))
	out := s.AppendSentences(make([]Sentence, 0, (p.End-p.Start)/bytesPerSentence+1), src, p)
	if len(out) == 0 {
		return nil // a text without sentences has none, not an empty list
	}
	return out
}

// bytesPerSentence is a little less than the length of an average sentence
// of news (about 115 to 140 bytes in the evaluation data), so that one
// allocation nearly always holds every sentence of a text, where growing a
// slice from nothing takes six or more and twice the memory.
const bytesPerSentence = 96

// AppendSentences appends the sentences of the part p of src to dst and
// returns the extended slice, letting a caller reuse one buffer across
// documents.
func (s *Segmenter) AppendSentences(dst []Sentence, src string, p Span) []Sentence {
	if s == nil || s.lang == nil {
		s = english
	}
	p = clip(p, len(src))
	for start := p.Start; start < p.End; {
		end, next := paragraphEnd(src, start, p.End)
		if para, ok := trim(src, Span{start, end}); ok {
			dst = s.appendParagraph(dst, src, para)
		}
		start = next
	}
	return dst
}

// Paragraphs splits src at blank lines (a line holding only white space counts
// as blank); each span is trimmed of surrounding white space and is non-empty.
func Paragraphs(src string) []Span {
	return paragraphs(nil, src, Span{0, len(src)})
}

// AppendParagraphs appends the paragraphs of src, as Paragraphs gives
// them, to dst and returns the extended slice, letting a caller reuse one
// buffer across texts.
func AppendParagraphs(dst []Span, src string) []Span {
	return paragraphs(dst, src, Span{0, len(src)})
}

func clip(p Span, n int) Span {
	p.Start = min(max(p.Start, 0), n)
	p.End = min(max(p.End, p.Start), n)
	return p
}
