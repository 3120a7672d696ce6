package summarize_test

import (
	"runtime"
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

// BenchmarkSummarizeCNNDMWithGC is BenchmarkSummarizeCNNDM for the default
// algorithm while garbage collections run as another allocating workload
// in the same process would cause them: one every 100 articles. It shows
// whether what the summarizer keeps between calls survives collections.
func BenchmarkSummarizeCNNDMWithGC(b *testing.B) {
	articles := cnndmArticles(b)
	b.ReportAllocs()
	for b.Loop() {
		for i, a := range articles {
			if i%100 == 0 {
				runtime.GC()
			}
			if _, err := summarize.Summarize(a, summarize.Options{Sentences: 3}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(articles))/b.Elapsed().Seconds(), "articles/s")
}
