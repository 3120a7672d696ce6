package diff

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/shareddata"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// BenchmarkCompareDevPairs runs the full comparison (ops, stats, sentence
// changes) over every dev revision pair; bytes are old plus new.
func BenchmarkCompareDevPairs(b *testing.B) {
	pairs := loadPairs(b)
	b.SetBytes(pairBytes(pairs))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			if _, err := Compare(p.Old, p.New, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWordsDevPairs measures the word ops alone.
func BenchmarkWordsDevPairs(b *testing.B) {
	pairs := loadPairs(b)
	b.SetBytes(pairBytes(pairs))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			if _, err := Words(p.Old, p.New, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkGoDiffTokensDevPairs is the yardstick: go-diff on the same word
// tokens, whole texts, no line alignment and no cleanup.
func BenchmarkGoDiffTokensDevPairs(b *testing.B) {
	pairs := loadPairs(b)
	b.SetBytes(pairBytes(pairs))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			ids := map[string]rune{}
			ra, rb := allTokenRunes(p.Old, ids), allTokenRunes(p.New, ids)
			diffmatchpatch.New().DiffMainRunes(ra, rb, false)
		}
	}
}

func allTokenRunes(s string, ids map[string]rune) []rune {
	var rs []rune
	for _, t := range tokenize(s, 0, nil) {
		rs = append(rs, intern(ids, s[t.start:t.end]))
	}
	return rs
}

func pairBytes(pairs []pair) int64 {
	var n int64
	for _, p := range pairs {
		n += int64(len(p.Old) + len(p.New))
	}
	return n
}

// BenchmarkCompare100KB covers 100 KB articles built from BBC stories.
func BenchmarkCompare100KB(b *testing.B) {
	arts := loadArticles(b)
	base := joinArticles(arts[:], 0, 100_000)
	cases := []struct{ name, old, new string }{
		{"small-edit", base, smallEdit(base)},
		{"paragraph-added", base, paragraphAdded(base, strings.Split(arts[len(arts)-1], "\n\n")[1])},
		{"paragraph-moved", base, paragraphMoved(base)},
		{"full-rewrite", base, joinArticles(arts, len(arts)/2, 100_000)},
		{"identical", base, base},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.old) + len(c.new)))
			b.ReportAllocs()
			var r *Result
			for b.Loop() {
				r, _ = Compare(c.old, c.new, Options{Deadline: time.Minute})
			}
			b.ReportMetric(float64(r.Stats.WordsAdded+r.Stats.WordsRemoved), "changed-words")
		})
	}
}

// BenchmarkComparePathological diffs two 100 KB texts drawn from the same
// ten words, where Myers needs quadratic time; the default deadline stops
// it and the result is marked Degraded.
func BenchmarkComparePathological(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	vocab := strings.Fields("the a of to in and said was for on")
	text := func() string {
		ws := make([]string, 16000)
		for i := range ws {
			ws[i] = vocab[rng.Intn(len(vocab))]
		}
		return strings.Join(ws, " ")
	}
	old, new := text(), text()
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	degraded := 0.0
	for b.Loop() {
		if r, _ := Compare(old, new, Options{}); r.Degraded {
			degraded = 1
		}
	}
	b.ReportMetric(degraded, "degraded")
}

// BenchmarkCompareShort covers a news brief with one word changed.
func BenchmarkCompareShort(b *testing.B) {
	arts := loadArticles(b)
	old := arts[0]
	new := smallEdit(old)
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		Compare(old, new, Options{})
	}
}

// loadArticles reads the BBC articles outside the evaluation split.
func loadArticles(tb testing.TB) []string {
	tb.Helper()
	path := shareddata.Path(tb, "bbc-news-summary.jsonl")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("BBC articles not available (%v); see /work/shared/data/README.md", err)
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
	return arts
}

// joinArticles concatenates articles from index from until size bytes.
func joinArticles(arts []string, from, size int) string {
	var sb strings.Builder
	for i := from; sb.Len() < size; i++ {
		sb.WriteString(strings.TrimSpace(arts[i%len(arts)]))
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// smallEdit changes three words near the middle of s.
func smallEdit(s string) string {
	mid := len(s) / 2
	i := mid + strings.Index(s[mid:], " the ")
	return s[:i] + " a revised " + s[i+5:]
}

// paragraphAdded inserts para at a paragraph break near the middle of s.
func paragraphAdded(s, para string) string {
	mid := len(s) / 2
	i := mid + strings.Index(s[mid:], "\n\n") + 2
	return s[:i] + strings.TrimSpace(para) + "\n\n" + s[i:]
}

// paragraphMoved moves the second paragraph of s to the end.
func paragraphMoved(s string) string {
	ps := strings.Split(strings.TrimSpace(s), "\n\n")
	ps = append(append(ps[:1:1], ps[2:]...), ps[1])
	return strings.Join(ps, "\n\n") + "\n\n"
}

// BenchmarkRender100KB renders the diff of a 100 KB article with a small
// edit, in full and collapsed.
func BenchmarkRender100KB(b *testing.B) {
	arts := loadArticles(b)
	old := joinArticles(arts, 0, 100_000)
	r, err := Compare(old, smallEdit(old), Options{})
	if err != nil {
		b.Fatal(err)
	}
	renders := []struct {
		name   string
		render func() string
	}{
		{"text", func() string { return r.Text(RenderOptions{}) }},
		{"text-context-3", func() string { return r.Text(RenderOptions{Context: 3}) }},
		{"html", func() string { return r.HTML(RenderOptions{}) }},
		{"side-by-side", func() string { return r.SideBySideHTML(RenderOptions{}) }},
		{"side-by-side-context-3", func() string { return r.SideBySideHTML(RenderOptions{Context: 3}) }},
	}
	for _, rd := range renders {
		b.Run(rd.name, func(b *testing.B) {
			b.SetBytes(int64(2 * len(old)))
			b.ReportAllocs()
			for b.Loop() {
				rd.render()
			}
		})
	}
}
