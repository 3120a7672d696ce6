package text_test

import (
	"fmt"

	"github.com/redline-news/redline/internal/text"
)

func ExampleSentences() {
	src := "Ad sales boost profit\n\nMr. J. R. Smith paid $3.50 at 5 p.m. on Jan. 5. \"Fine,\" he said. It rose 1.5%."
	for _, s := range text.Sentences(src) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// 0-21 Ad sales boost profit
	// 23-70 Mr. J. R. Smith paid $3.50 at 5 p.m. on Jan. 5.
	// 71-87 "Fine," he said.
	// 88-101 It rose 1.5%.
}

func ExampleSegmenter_SentencesIn() {
	src := "Der Titel\n\nEr kam am 3. Oktober an. Das war z. B. gut.\n\nEnde."
	seg := text.NewSegmenter(text.Options{Language: "de"})
	para := text.Paragraphs(src)[1]
	for _, s := range seg.SentencesIn(src, para) {
		fmt.Println(s.Text)
	}
	// Output:
	// Er kam am 3. Oktober an.
	// Das war z. B. gut.
}
