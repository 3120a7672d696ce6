package summarize

import (
	"testing"

	"github.com/redline-news/redline/internal/shareddata"
	"github.com/redline-news/redline/internal/text"
)

// BenchmarkKeyPhrases times the key phrase step alone, 10 phrases from
// each of 500 BBC articles analysed beforehand: its cost is below the
// run-to-run noise of a whole summary (BenchmarkSummarizeKeywords).
func BenchmarkKeyPhrases(b *testing.B) {
	opts, err := normalize(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var analysed []*scratch
	for _, row := range shareddata.Rows[struct{ Article string }](b, "bbc-news-summary.jsonl", 500) {
		s := getScratch()
		s.candidates(row.Article, text.Sentences(row.Article))
		s.a.analyze(row.Article, opts.Language, opts.FallbackLanguage, s.cands, &s.g)
		analysed = append(analysed, s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if k := analysed[i%len(analysed)].a.keywords(10); len(k) == 0 {
			b.Fatal("got no key phrases")
		}
	}
}
