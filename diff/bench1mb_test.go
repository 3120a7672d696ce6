package diff_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/shareddata"
)

// bbcText joins BBC articles (outside the evaluation split) from index from
// until the text has size bytes, or skips when the data is absent.
func bbcText(tb testing.TB, from, size int) string {
	tb.Helper()
	path := shareddata.Path(tb, "bbc-news-summary.jsonl")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("BBC articles not available (%v)", err)
	}
	defer f.Close()
	var arts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for i := 0; sc.Scan(); i++ {
		var row struct{ Article string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatal(err)
		}
		if i%5 != 0 {
			arts = append(arts, row.Article)
		}
	}
	var sb strings.Builder
	for i := from; sb.Len() < size; i++ {
		sb.WriteString(strings.TrimSpace(arts[i%len(arts)]))
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkCompare1MB covers 1 MB texts: identical, one word changed in
// the middle, and a full rewrite (unrelated articles) under the default
// deadline, whose ns/op must stay under half of diff.DefaultDeadline.
func BenchmarkCompare1MB(b *testing.B) {
	base := bbcText(b, 0, 1<<20)
	mid := len(base)/2 + strings.Index(base[len(base)/2:], " the ")
	cases := []struct{ name, old, new string }{
		{"identical", base, strings.Clone(base)},
		{"one-edit", base, base[:mid] + " a revised " + base[mid+5:]},
		{"full-rewrite", base, bbcText(b, 900, 1<<20)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.old) + len(c.new)))
			b.ReportAllocs()
			degraded := 0.0
			for b.Loop() {
				r, err := diff.Compare(c.old, c.new, diff.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if r.Degraded {
					degraded = 1
				}
			}
			b.ReportMetric(degraded, "degraded")
		})
	}
}
