package text_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"

	"github.com/redline-news/redline/internal/text"
)

// oddInputs are seeds that stress offsets and decoding.
var oddInputs = []string{
	"", ".", "...", ". . . .", "?!", "\n\n\n", " \t\r\n", "a", "A. B. C.", "1. 2. 3.", "1) a 2) b",
	"\xff\xfe.\xc3. \xe2\x80", "Mr.\n\nSmith", "“”‘’«»", "•", "• •", "⁃9.", "[...]", "(((((.)))))", "'' ) ''",
	"x@y.z. A", "http://a.b/c. D", "U.S.A.B.C.D.E.", "a.m. p.m. A.M. P.M.", "J.R.R. Tolkien.Then",
	"\u00a0.\u2028.\u0085.", "it . '' ' . ' ,", "z. B. Die", "3. Oktober", "Tuesday.Mr. X", strings.Repeat(". ", 50),
}

func FuzzSentences(f *testing.F) {
	for _, s := range oddInputs {
		f.Add(s)
	}
	if path, err := shareddata.Find("golden-rules-en.json"); err == nil {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatalf("read golden rules: %v", err)
		}
		var rules []goldenRule
		if err := json.Unmarshal(data, &rules); err != nil {
			f.Fatalf("parse golden rules: %v", err)
		}
		for _, r := range rules {
			f.Add(r.Input)
		}
	}
	pdf := text.NewSegmenter(text.Options{Language: "de", PDF: true})
	var seg text.Segmenter
	f.Fuzz(func(t *testing.T, src string) {
		checkInvariants(t, src, text.Sentences(src))
		checkInvariants(t, src, pdf.Sentences(src))
		var paras []text.Sentence
		for _, p := range text.Paragraphs(src) {
			got := seg.SentencesIn(src, p)
			checkInvariantsIn(t, src, p, got)
			paras = append(paras, text.Sentence{Start: p.Start, End: p.End, Text: src[p.Start:p.End]})
		}
		checkInvariants(t, src, paras) // paragraphs obey the same rules as sentences
	})
}
