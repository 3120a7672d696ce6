package text_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"

	"github.com/redline-news/redline/internal/text"
)

// newsArticle is about 4 KB of news prose with a headline, abbreviations,
// numbers and quotations.
var newsArticle = "Ad sales boost Time Warner profit\n\n" + strings.Repeat(
	"Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier. "+
		"The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections. "+
		"\"We are very pleased,\" said Mr. R. Parsons, the chief executive, at 5 p.m. on Jan. 5. "+
		"Its shares rose 1.5% in the U.S. on Friday... Analysts were not surprised!\n\n", 9)

func BenchmarkSentences(b *testing.B) {
	b.Run("news-4KB", func(b *testing.B) {
		benchmarkTexts(b, []string{newsArticle}, appendEach())
	})
	b.Run("2000-sentences", func(b *testing.B) {
		benchmarkTexts(b, []string{strings.Repeat("Mr. Smith paid $3.50 at 5 p.m. on Jan. 5. He left. ", 1000)}, appendEach())
	})
	b.Run("cnndm-dev", func(b *testing.B) {
		benchmarkTexts(b, cnndmArticles(b), appendEach())
	})
	// A new slice for every article, as text.Sentences gives the
	// summarizer.
	b.Run("cnndm-dev-new-slices", func(b *testing.B) {
		benchmarkTexts(b, cnndmArticles(b), func(t string) { text.Sentences(t) })
	})
}

// BenchmarkClassify classifies the units of every CNN/DM development
// article, split beforehand, and of every BBC article, whose headline and
// paragraphs stand on lines of their own, as the rules for headings ask.
func BenchmarkClassify(b *testing.B) {
	for _, set := range []struct {
		name string
		load func(testing.TB) []string
	}{{"cnndm-dev", cnndmArticles}, {"bbc", bbcArticles}} {
		b.Run(set.name, func(b *testing.B) {
			articles := set.load(b)
			units := make(map[string][]text.Sentence, len(articles))
			for _, a := range articles {
				units[a] = text.Sentences(a)
			}
			var kinds []text.Kind
			benchmarkTexts(b, articles, func(t string) { kinds = text.AppendKinds(kinds[:0], t, units[t]) })
		})
	}
}

// appendEach returns a function that splits a text into one buffer, reused
// from text to text.
func appendEach() func(string) {
	seg := text.NewSegmenter(text.Options{})
	var buf []text.Sentence
	return func(t string) { buf = seg.AppendSentences(buf[:0], t, text.Span{Start: 0, End: len(t)}) }
}

// benchmarkTexts runs do on each of texts once per iteration and reports the
// throughput over all of them.
func benchmarkTexts(b *testing.B, texts []string, do func(string)) {
	b.Helper()
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			do(t)
		}
	}
	cpu = cpuTime() - cpu
	docs := float64(b.N * len(texts))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/docs/1000, "µs/doc")
	if cpu > 0 {
		// CPU time is what other processes on a loaded machine do not
		// inflate; with -cpu 1 it is what one core does.
		b.ReportMetric(float64(cpu.Nanoseconds())/docs/1000, "cpu-µs/doc")
	}
}

// cnndmArticles loads the articles of the CNN/DailyMail development file.
func cnndmArticles(b testing.TB) []string {
	b.Helper()
	return articlesOf(b, "cnndm-test-dev.jsonl")
}

// bbcArticles loads the articles of the BBC News file, headlines and all.
func bbcArticles(b testing.TB) []string {
	b.Helper()
	return articlesOf(b, "bbc-news-summary.jsonl")
}

// articlesOf loads the "article" field of every row of a JSON-lines file
// of the shared data.
func articlesOf(b testing.TB, name string) []string {
	b.Helper()
	data := shareddata.Read(b, name)
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var row struct {
			Article string `json:"article"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			b.Fatalf("parse a row of %s: %v", name, err)
		}
		out = append(out, row.Article)
	}
	return out
}

// TestSentencesAllocatesOnce checks that splitting a news article nearly
// always makes one allocation, the slice of its sentences, over the CNN/DM
// development articles.
func TestSentencesAllocatesOnce(t *testing.T) {
	articles := cnndmArticles(t)
	allocs := testing.AllocsPerRun(2, func() {
		for _, a := range articles {
			text.Sentences(a)
		}
	})
	if got, want := allocs/float64(len(articles)), 1.2; got > want {
		t.Errorf("got %.2f allocations per article, want at most %.1f", got, want)
	}
}
