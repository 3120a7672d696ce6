package summarize_test

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/shareddata"
	"github.com/redline-news/redline/summarize"
)

// BenchmarkSummarizeCNNDM summarizes every CNN/DM dev article once per
// round with each algorithm; articles/s is the figure to watch.
func BenchmarkSummarizeCNNDM(b *testing.B) {
	articles := cnndmArticles(b)
	for _, algo := range summarize.Algorithms() {
		b.Run(algo, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				for _, a := range articles {
					if _, err := summarize.Summarize(a, summarize.Options{Algorithm: algo, Sentences: 3}); err != nil {
						b.Fatal(err)
					}
				}
			}
			reportRates(b, len(articles), cpuTime()-cpu)
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

// BenchmarkSummarizeLongInputs summarizes, with the default algorithm,
// texts far longer than news: a 108 KB Wikipedia article (the longest of
// the revision pairs under 110 KB, about 900 sentences on one subject), 100
// KB of CNN/DM articles run together, and 50,000 one-word sentences, all
// alike (the bad-input case, where every sentence is similar to every
// other).
func BenchmarkSummarizeLongInputs(b *testing.B) {
	for _, in := range longInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.text)))
			cpu := cpuTime()
			for b.Loop() {
				if _, err := summarize.Summarize(in.text, summarize.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			if cpu := cpuTime() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			}
		})
	}
}

type longInput struct{ name, text string }

// longestRevision returns the longest new text of the revision pairs that
// is at most limit bytes.
func longestRevision(tb testing.TB, limit int) string {
	tb.Helper()
	f, err := os.Open(shareddata.Path(tb, "revision-pairs-dev.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	best := ""
	for sc.Scan() {
		var row struct{ New string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatal(err)
		}
		if len(row.New) <= limit && len(row.New) > len(best) {
			best = row.New
		}
	}
	return best
}

func longInputs(tb testing.TB) []longInput {
	var article strings.Builder
	for _, a := range cnndmArticles(tb) {
		if article.Len() >= 100_000 {
			break
		}
		article.WriteString(a)
		article.WriteString("\n\n")
	}
	return []longInput{
		{"wikipedia-108KB", longestRevision(tb, 110_000)},
		{"cnndm-joined-100KB", article.String()},
		{"one-word-50000", strings.Repeat("Word. ", 50_000)},
	}
}

// BenchmarkSummarizeCNNDMWithGC is BenchmarkSummarizeCNNDM for the default
// algorithm while garbage collections run as another allocating workload
// in the same process would cause them: one every 100 articles. It shows
// whether what the summarizer keeps between calls survives collections.
func BenchmarkSummarizeCNNDMWithGC(b *testing.B) {
	articles := cnndmArticles(b)
	b.ReportAllocs()
	cpu := cpuTime()
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
	reportRates(b, len(articles), cpuTime()-cpu)
}

// reportRates reports articles per second of wall time and, where it is
// measured, per second of the process's CPU time, which other processes on
// a loaded machine do not inflate. With -cpu 1 the process runs on one core
// (the garbage collector's helpers included), so the CPU rate is what one
// core does.
func reportRates(b *testing.B, perOp int, cpu time.Duration) {
	b.ReportMetric(float64(b.N*perOp)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N*perOp)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkSummarizeKeywords summarizes BBC articles, which have the
// capitals and punctuation that the English key phrase rules read, with
// and without 10 key phrases: the difference is what key phrases cost.
func BenchmarkSummarizeKeywords(b *testing.B) {
	var texts []string
	for _, row := range shareddata.Rows[struct{ Article string }](b, "bbc-news-summary.jsonl", 500) {
		texts = append(texts, row.Article)
	}
	for _, tc := range []struct {
		name     string
		keywords int
	}{{"none", summarize.NoKeywords}, {"10", 10}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := summarize.Summarize(texts[i%len(texts)], summarize.Options{Keywords: tc.keywords}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
