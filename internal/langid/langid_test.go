package langid

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/redline-news/redline/internal/shareddata"
)

// distances returns the group text is scored in and each profile's
// distance, or nil for a script one language writes.
func distances(text string) (*group, []int) {
	var d Detector
	var g *group
	switch d.scan(text) {
	case scriptLatin:
		g = tables().latin
	case scriptCyrillic:
		g = tables().cyrillic
	case scriptArabic:
		g = tables().arabic
	case scriptDevanagari:
		g = tables().devanagari
	case scriptHebrew:
		g = tables().hebrew
	case scriptEthiopic:
		g = tables().ethiopic
	default:
		return nil, nil
	}
	d.rank(g)
	return g, d.dist
}

// checkSame fails t unless Detect names text's language as whatlanggo does,
// with the same confidence. Where whatlanggo's answer differs it must be
// one of the languages tied with Detect's at the least distance, which
// whatlanggo orders by chance.
func checkSame(t *testing.T, d *Detector, name, text string) {
	t.Helper()
	want := whatlanggo.Detect(text)
	got := d.Detect(text)
	if got.Confidence != want.Confidence {
		t.Errorf("%s: got %v confidence %v, want %v confidence %v (%.80q)", name, got.Lang, got.Confidence, want.Lang, want.Confidence, text)
		return
	}
	if got.Lang == want.Lang {
		return
	}
	g, dist := distances(text)
	if g == nil {
		t.Errorf("%s: got %v, want %v (%.80q)", name, got.Lang, want.Lang, text)
		return
	}
	gotDist, wantDist := -1, -2
	for i, l := range g.langs {
		if l == got.Lang {
			gotDist = dist[i]
		}
		if l == want.Lang {
			wantDist = dist[i]
		}
	}
	if gotDist != wantDist {
		t.Errorf("%s: got %v at distance %d, want %v at %d (%.80q)", name, got.Lang, gotDist, want.Lang, wantDist, text)
	}
}

// variants are the cuts of a text that detection is tried on: the whole,
// the first 512 and 160 bytes, the first sentence and the first four words.
func variants(text string) map[string]string {
	out := map[string]string{"whole": text, "512B": prefix(text, 512), "160B": prefix(text, 160)}
	if i := strings.IndexAny(text, ".!?。"); i >= 0 {
		out["sentence"] = text[:i+1]
	}
	f := strings.Fields(text)
	out["4words"] = strings.Join(f[:min(4, len(f))], " ")
	return out
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func checkTexts(t *testing.T, texts map[string]string) {
	t.Helper()
	if len(texts) == 0 {
		t.Fatal("got no texts")
	}
	var d Detector // one for all: buffers left by a text must not change the next
	for name, text := range texts {
		for cut, v := range variants(text) {
			checkSame(t, &d, name+"/"+cut, v)
		}
	}
}

// TestSameAsWhatlanggo compares Detect with whatlanggo.Detect on the
// summarizer's texts in 16 languages, on whatlanggo's own examples in 84
// and on news in English, whole and cut short.
func TestSameAsWhatlanggo(t *testing.T) {
	t.Run("summarize testdata", func(t *testing.T) {
		files, err := filepath.Glob("../../summarize/testdata/lang/*.txt")
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts[filepath.Base(f)] = string(b)
		}
		checkTexts(t, texts)
	})
	t.Run("whatlanggo examples", func(t *testing.T) {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/abadojack/whatlanggo").Output()
		if err != nil {
			t.Fatalf("go list -m whatlanggo: %v", err)
		}
		b, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "testdata", "examples.json"))
		if err != nil {
			t.Fatal(err)
		}
		var texts map[string]string
		if err := json.Unmarshal(b, &texts); err != nil {
			t.Fatal(err)
		}
		checkTexts(t, texts)
	})
	for _, file := range []string{"cnndm-test-dev.jsonl", "bbc-news-summary.jsonl"} {
		t.Run(file, func(t *testing.T) {
			// Cut to 1,200 bytes, where whatlanggo takes milliseconds
			// for a whole article: some 500 distinct trigrams still take
			// positions past 300.
			texts := map[string]string{}
			for i, row := range shareddata.Rows[struct{ Article string }](t, file, 200) {
				texts[fmt.Sprintf("%s#%d", file, i)] = prefix(row.Article, 1200)
			}
			checkTexts(t, texts)
		})
	}
}

// TestSameOnEdgeCases compares Detect with whatlanggo.Detect on texts
// made to reach each branch of its method: no letters, a lone letter,
// mixed scripts with equal counts, kana before and after Han, invalid
// UTF-8, runes above the classified range, and texts with enough trigrams
// that a position passes 300.
func TestSameOnEdgeCases(t *testing.T) {
	var many strings.Builder
	for r := rune('a'); r <= 'z'; r++ {
		for s := rune('a'); s <= 'z'; s++ {
			many.WriteRune(r)
			many.WriteRune(s)
			many.WriteByte(' ')
		}
	}
	texts := map[string]string{
		"empty":          "",
		"digits":         "123 456, 7.89!",
		"one letter":     "a",
		"letter first":   "a1",
		"spaces":         "   a   b   ",
		"latin cyrillic": "abc где",
		"equal scripts":  "ab αβ",
		"kana then han":  "ひらがな漢字漢字漢字",
		"han then kana":  "漢字漢字漢字ひらがな",
		"han only":       "漢字漢字",
		"hangul":         "안녕하세요 세계",
		"greek":          "Καλημέρα κόσμε",
		"invalid utf8":   "caf\xe9 au lait \xff\xfe and more words here",
		"replacement":    "a\uFFFDb c\uFFFDd",
		"combining":      "Việt Nam và thế giới",
		"hebrew":         "שלום עולם, מה שלומך היום",
		"ethiopic":       "ሰላም ለዓለም እንዴት ነህ",
		"devanagari":     "नमस्ते दुनिया, आप कैसे हैं",
		"arabic":         "مرحبا بالعالم كيف حالك اليوم",
		"cyrillic":       "Привет мир, как дела сегодня",
		"upper":          "THE QUICK BROWN FOX",
		"symbols":        "€uro ©opy ™ark",
		"many trigrams":  many.String(),
		"repeated":       strings.Repeat("ab ", 400),
	}
	checkTexts(t, texts)
}

// TestScriptsAreDisjoint checks what classify relies on: no rune is in two
// of the scripts, so the first table that holds a rune is the only one.
func TestScriptsAreDisjoint(t *testing.T) {
	for i, a := range scripts {
		for _, rs := range [][]unicode.Range16{a.table.R16} {
			for _, rg := range rs {
				for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
					checkOneScript(t, r, i)
				}
			}
		}
		for _, rg := range a.table.R32 {
			for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
				checkOneScript(t, r, i)
			}
		}
	}
}

func checkOneScript(t *testing.T, r rune, in int) {
	t.Helper()
	for j, b := range scripts {
		if j != in && unicode.Is(b.table, r) && unicode.Is(scripts[in].table, r) {
			t.Fatalf("rune %U: got scripts %d and %d, want one", r, in, j)
		}
	}
}

// TestClassTable checks the table of runes below 0x800 against classify.
func TestClassTable(t *testing.T) {
	for r := range rune(len(tables().classes)) {
		want := classify(r, noScript)
		want.lower = unicode.ToLower(r)
		if got := tables().classes[r]; got != want {
			t.Fatalf("rune %U: got class %+v, want %+v", r, got, want)
		}
	}
}

// TestDetectAllocatesNothing checks that a Detector whose buffers have
// grown detects without allocating.
func TestDetectAllocatesNothing(t *testing.T) {
	var d Detector
	text := "The council approved the new budget on Monday after months of debate over school funding."
	d.Detect(text)
	if n := testing.AllocsPerRun(100, func() { d.Detect(text) }); n != 0 {
		t.Errorf("got %v allocations a call, want 0", n)
	}
}

func FuzzSameAsWhatlanggo(f *testing.F) {
	for _, s := range []string{"", "a", "The cat sat on the mat.", "Der Hund bellt laut.", "Привет мир", "漢字ひらがな",
		"caf\xe9", "مرحبا بالعالم", "שלום עולם", "a b c d e f", "Việt Nam"} {
		f.Add(s)
	}
	var d Detector
	f.Fuzz(func(t *testing.T, s string) {
		checkSame(t, &d, "fuzz", s)
	})
}

// TestDetectorsRunAtOnce checks that Detectors share nothing but the
// tables built once: under -race, goroutines detecting at once, each with
// its own Detector, must give what one gives alone.
func TestDetectorsRunAtOnce(t *testing.T) {
	texts := []string{"The council approved the new budget on Monday.", "Der Stadtrat hat am Montag den Haushalt beschlossen.",
		"Городской совет в понедельник утвердил новый бюджет.", "市议会周一批准了新预算。", "Le conseil municipal a approuvé le budget lundi."}
	want := make([]Result, len(texts))
	for i, s := range texts {
		want[i] = Detect(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(texts))
	for range 4 {
		wg.Go(func() {
			var d Detector
			for range 20 {
				for i, s := range texts {
					if got := d.Detect(s); got != want[i] {
						errs <- fmt.Sprintf("%q: got %+v, want %+v", s, got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
