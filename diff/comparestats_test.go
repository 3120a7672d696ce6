package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/redline-news/redline/internal/text"
)

// statsOpts gives every comparison of these tests time to finish, so that
// none is degraded and Compare's figures are exact.
var statsOpts = Options{Deadline: time.Minute}

// checkStats fails unless CompareStats with splits gives the Stats that
// Compare gives for old → new.
func checkStats(t *testing.T, name, old, new string, splits *SplitCache) {
	t.Helper()
	want, err := Compare(old, new, statsOpts)
	if err != nil {
		t.Fatalf("%s: Compare: %v", name, err)
	}
	if want.Degraded {
		t.Fatalf("%s: Compare was degraded within a minute", name)
	}
	got, err := CompareStats(old, new, statsOpts, splits)
	if err != nil {
		t.Fatalf("%s: CompareStats: %v", name, err)
	}
	if got != want.Stats {
		t.Errorf("%s: CompareStats = %+v, want Compare's %+v", name, got, want.Stats)
	}
}

func TestCompareStatsDevPairs(t *testing.T) {
	pairs := loadPairs(t)
	splits := NewSplitCache(64 << 20)
	// Each way twice: the first comparison fills the cache with the
	// changed paragraphs, the later ones find them there.
	for round := range 2 {
		for _, p := range pairs {
			checkStats(t, p.ID+" old→new", p.Old, p.New, splits)
			checkStats(t, p.ID+" new→old", p.New, p.Old, splits)
		}
		if round == 0 && len(splits.cur)+len(splits.old) == 0 {
			t.Fatalf("the cache kept no paragraph of %d dev pairs", len(pairs))
		}
	}
	// Without a cache, and with one too small to keep much.
	small := NewSplitCache(4 << 10)
	for _, p := range pairs {
		checkStats(t, p.ID+" no cache", p.Old, p.New, nil)
		checkStats(t, p.ID+" small cache", p.Old, p.New, small)
	}
}

// loadTexts reads the old and new texts of a JSON-lines file of pairs.
func loadTexts(t *testing.T, path string) [][2]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p struct{ Old, New string }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, [2]string{p.Old, p.New})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCompareStatsTestdata(t *testing.T) {
	splits := NewSplitCache(1 << 20)
	for _, path := range []string{"testdata/facts-gold.jsonl", "testdata/facts-real.jsonl"} {
		for k, p := range loadTexts(t, path) {
			name := fmt.Sprintf("%s #%d", path, k)
			checkStats(t, name, p[0], p[1], splits)
			checkStats(t, name+" reversed", p[1], p[0], splits)
		}
	}
	b, err := os.ReadFile("testdata/flood-story.json")
	if err != nil {
		t.Fatal(err)
	}
	var revs []string
	if err := json.Unmarshal(b, &revs); err != nil {
		t.Fatal(err)
	}
	for i := range revs {
		for j := range revs {
			checkStats(t, "flood story", revs[i], revs[j], splits)
		}
	}
}

// TestCompareStatsRandomEdits edits long texts step by step, as revisions
// of a story follow one another, and compares each step both ways.
func TestCompareStatsRandomEdits(t *testing.T) {
	pairs := loadPairs(t)
	rng := rand.New(rand.NewSource(19))
	splits := NewSplitCache(8 << 20)
	steps := 400
	if testing.Short() {
		steps = 100
	}
	cur := pairs[0].New
	for step := range steps {
		if step%50 == 0 { // a story of its own every 50 revisions
			cur = pairs[rng.Intn(len(pairs))].Old
		}
		next := randomEdit(rng, cur, pairs[rng.Intn(len(pairs))].New)
		checkStats(t, "random edit", cur, next, splits)
		checkStats(t, "random edit reversed", next, cur, splits)
		cur = next
	}
}

// randomEdit changes s once the way a newsroom edits a story: a figure, a
// word, a sentence from other put in or one taken out, paragraphs swapped,
// joined or split, a quote or a negation.
func randomEdit(rng *rand.Rand, s, other string) string {
	words := strings.Fields(other)
	at := rng.Intn(len(s) + 1)
	for at < len(s) && at > 0 && s[at-1] != ' ' { // at a word's start
		at++
	}
	switch rng.Intn(9) {
	case 0:
		return s[:at] + "1,2" + string(rune('0'+rng.Intn(10))) + "0 " + s[at:]
	case 1:
		end := min(len(s), at+rng.Intn(80))
		return s[:at] + s[end:]
	case 2:
		sent := strings.Join(words[:min(len(words), 5+rng.Intn(20))], " ")
		return s[:at] + sent + ". " + s[at:]
	case 3:
		return s[:at] + "not " + s[at:]
	case 4:
		return s[:at] + "\"We will rebuild,\" she said. " + s[at:]
	case 5:
		return strings.Replace(s, "\n\n", " ", 1)
	case 6:
		if k := strings.Index(s[at:], ". "); k >= 0 {
			return s[:at+k+1] + "\n\n" + s[at+k+2:]
		}
		return s + "\n\nUpdated: 6:34 p.m."
	case 7:
		paras := strings.Split(s, "\n\n")
		if len(paras) > 2 {
			i, j := rng.Intn(len(paras)), rng.Intn(len(paras))
			paras[i], paras[j] = paras[j], paras[i]
		}
		return strings.Join(paras, "\n\n")
	}
	if len(words) > 0 {
		return s[:at] + words[rng.Intn(len(words))] + " " + s[at:]
	}
	return s + " more"
}

func TestSplitCacheStaysBounded(t *testing.T) {
	splits := NewSplitCache(64 << 10)
	para := strings.Repeat("The river rose overnight and the bridge was closed. ", 20)
	for i := range 1000 {
		body := fmt.Sprintf("%s Edit %d.", para, i)
		splits.put(body, text.Sentences(body), CountWords(body))
	}
	held := 0
	for _, gen := range []map[string]*cachedSplit{splits.cur, splits.old} {
		for k, sp := range gen {
			if k != sp.key {
				t.Errorf("a split is kept under %q, not its own key %q", k, sp.key)
			}
			held += splitBytes(sp)
		}
	}
	if held > splits.maxBytes {
		t.Errorf("the cache holds %d bytes, want at most %d", held, splits.maxBytes)
	}
	body := fmt.Sprintf("%s Edit %d.", para, 999)
	if _, ok := splits.get(body); !ok {
		t.Errorf("the paragraph kept last is not in the cache")
	}
}

// BenchmarkCompareStatsRevisions compares each revision of a story with
// the one before, as a store counts changes on each write: one 5 KB
// paragraph edited at its end ("paragraph"), or 5 KB of four-sentence
// paragraphs with the last one rewritten ("paragraphs"), with Compare and
// with CompareStats and a SplitCache.
func BenchmarkCompareStatsRevisions(b *testing.B) {
	one := ""
	for i := 0; len(one) < 5000; i++ {
		one += fmt.Sprintf("Sentence %d of the story tells what the river did overnight. ", i)
	}
	var many strings.Builder
	for i := 0; many.Len() < 5000; i++ {
		if i > 0 && i%4 == 0 {
			many.WriteString("\n\n")
		} else if i > 0 {
			many.WriteByte(' ')
		}
		fmt.Fprintf(&many, "The river rose %d centimetres overnight and the old bridge was closed.", 10+i)
	}
	shapes := []struct {
		name string
		rev  func(i int) string
	}{
		{"paragraph", func(i int) string { return fmt.Sprintf("%s Edit %d.", one, i) }},
		{"paragraphs", func(i int) string {
			return fmt.Sprintf("%s\n\nUpdate %d: the water level was measured again.", many.String(), i)
		}},
	}
	for _, sh := range shapes {
		b.Run(sh.name+"/Compare", func(b *testing.B) {
			b.ReportAllocs()
			prev := sh.rev(0)
			for i := 1; b.Loop(); i++ {
				next := sh.rev(i)
				if _, err := Compare(prev, next, Options{}); err != nil {
					b.Fatal(err)
				}
				prev = next
			}
		})
		b.Run(sh.name+"/CompareStats", func(b *testing.B) {
			b.ReportAllocs()
			splits := NewSplitCache(8 << 20)
			prev := sh.rev(0)
			for i := 1; b.Loop(); i++ {
				next := sh.rev(i)
				if _, err := CompareStats(prev, next, Options{}, splits); err != nil {
					b.Fatal(err)
				}
				prev = next
			}
		})
	}
}

// TestCompareStatsConcurrent shares one SplitCache between goroutines, as
// a store's writers do; run it with -race.
func TestCompareStatsConcurrent(t *testing.T) {
	pairs := loadPairs(t)
	if len(pairs) > 60 {
		pairs = pairs[:60]
	}
	want := make([]Stats, len(pairs))
	for k, p := range pairs {
		r, err := Compare(p.Old, p.New, statsOpts)
		if err != nil {
			t.Fatal(err)
		}
		want[k] = r.Stats
	}
	splits := NewSplitCache(1 << 20)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for n := range len(pairs) {
				k := (n + g*7) % len(pairs)
				got, err := CompareStats(pairs[k].Old, pairs[k].New, statsOpts, splits)
				if err != nil || got != want[k] {
					t.Errorf("%s: CompareStats = %+v, %v; want %+v", pairs[k].ID, got, err, want[k])
				}
			}
		})
	}
	wg.Wait()
}

// TestSplitCacheKeepsItsOwnCopy checks that a paragraph found in the older
// generation moves to the newer one under the cache's own copy, not under
// the text it was looked up with, which may be a whole article.
func TestSplitCacheKeepsItsOwnCopy(t *testing.T) {
	para := strings.Repeat("The river rose overnight and the bridge was closed. ", 10)
	splits := NewSplitCache(2 * (len(para) + 32*20 + 96))
	splits.put(para, text.Sentences(para), CountWords(para))
	other := para + " Another."
	splits.put(other, text.Sentences(other), CountWords(other)) // para is now in the older generation
	if _, ok := splits.old[para]; !ok {
		t.Fatalf("want the first paragraph in the older generation")
	}
	article := "Headline\n\n" + para + "\n\nMore."
	lookup := article[len("Headline\n\n") : len("Headline\n\n")+len(para)]
	sp, ok := splits.get(lookup)
	if !ok {
		t.Fatalf("the paragraph is not found")
	}
	for k := range splits.cur {
		if k == para && unsafe.StringData(k) != unsafe.StringData(sp.key) {
			t.Errorf("the paragraph is kept under the text it was looked up with, not the cache's copy")
		}
	}
	if _, ok := splits.cur[para]; !ok {
		t.Errorf("the paragraph found in the older generation is not in the newer one")
	}
}
