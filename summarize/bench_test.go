package summarize_test

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/summarize"
)

// BenchmarkSummarizeCNNDM summarizes every CNN/DM dev article once per
// round with each algorithm; articles/s is the figure to watch.
func BenchmarkSummarizeCNNDM(b *testing.B) {
	articles := cnndmArticles(b)
	for _, algo := range summarize.Algorithms() {
		b.Run(algo, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range articles {
					if _, err := summarize.Summarize(a, summarize.Options{Algorithm: algo, Sentences: 3}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.N*len(articles))/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSummarizeLong summarizes one text of 2,100 sentences.
func BenchmarkSummarizeLong(b *testing.B) {
	long := strings.Repeat(article+" ", 300)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := summarize.Summarize(long, summarize.Options{Sentences: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
