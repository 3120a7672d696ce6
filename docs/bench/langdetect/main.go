package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/pemistahl/lingua-go"
	"github.com/redline-news/redline/summarize"
)

type sample struct{ want, text, kind string }

func firstSentence(s string) string {
	for i, r := range s {
		if strings.ContainsRune(".。!?؟।", r) {
			return s[:i+utf8.RuneLen(r)]
		}
	}
	return s
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= 3 { // CJK: no spaces; take n*2 runes
		r := []rune(s)
		return string(r[:min(len(r), n*2)])
	}
	return strings.Join(f[:min(n, len(f))], " ")
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

// Command langdetect compares whatlanggo and lingua-go, the two language
// detectors docs/SUMMARIZE.md weighs, and the summarizer's own detection
// (summarize.DetectLanguage, from the repository it sits in), on the texts
// the summarizer is tested and trained on: see docs/BENCHMARKS.md for how to
// run it. It is a module of its own so that lingua-go's 130 MB of models
// never enter the main one.
func main() {
	mode := flag.String("mode", "accuracy", "accuracy, or speed (µs a call and memory)")
	repo := flag.String("repo", "../../..", "the repository's root")
	examples := flag.String("examples", "", "whatlanggo's testdata/examples.json (one sentence in each of its languages)")
	withLingua := flag.Bool("lingua", true, "also run lingua-go (6 s and 1 GB to load its models)")
	flag.Parse()
	var samples []sample
	files, _ := filepath.Glob(filepath.Join(*repo, "summarize/testdata/lang/*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		code := strings.TrimSuffix(filepath.Base(f), ".txt")
		t := strings.TrimSpace(string(b))
		samples = append(samples, sample{code, t, "own-long"}, sample{code, firstSentence(t), "own-sentence"}, sample{code, firstWords(t, 4), "own-4words"})
	}
	var ex map[string]string
	if b, err := os.ReadFile(*examples); err == nil {
		json.Unmarshal(b, &ex)
	} else {
		fmt.Fprintln(os.Stderr, "no -examples file: the 77-language sets are left out")
	}
	for code3, t := range ex {
		l := whatlanggo.CodeToLang(code3)
		c := l.Iso6391()
		if code3 == "cmn" {
			c = "zh"
		}
		if code3 == "arb" {
			c = "ar"
		}
		if c == "" {
			continue
		}
		samples = append(samples, sample{c, t, "examples-sentence"}, sample{c, firstWords(t, 4), "examples-4words"})
	}
	data := filepath.Join(*repo, "..", "shared", "data")
	cnn := readJSONL(filepath.Join(data, "cnndm-test-dev.jsonl"), "article", 1149)
	bbc := readJSONL(filepath.Join(data, "bbc-news-summary.jsonl"), "article", 2225)
	for _, t := range cnn {
		samples = append(samples, sample{"en", prefix(t, 600), "cnndm-600B"})
	}
	for _, t := range bbc {
		samples = append(samples, sample{"en", prefix(t, 600), "bbc-600B"})
	}
	switch *mode {
	case "accuracy":
		accuracy(samples, *withLingua)
	case "speed":
		speed(cnn, *withLingua)
	}
}

func readJSONL(path, field string, n int) []string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var out []string
	for sc.Scan() && len(out) < n {
		var row map[string]any
		json.Unmarshal(sc.Bytes(), &row)
		out = append(out, row[field].(string))
	}
	return out
}

func wl(t string) (string, float64) {
	info := whatlanggo.Detect(t)
	c := info.Lang.Iso6391()
	if info.Lang == whatlanggo.Cmn {
		c = "zh"
	}
	return c, info.Confidence
}

// cutRedline, when above 0, cuts each text to that many bytes before the
// summarizer's detection, which reads 512: how a shorter sample would do.
var cutRedline = flag.Int("cut", 0, "cut each text to this many bytes for the summarizer's detection (0: as it is)")

// redline names the language of t as the summarizer does: its code, and
// whether the detection is reliable enough to go by.
func redline(t string) (string, bool) {
	if *cutRedline > 0 {
		t = prefix(t, *cutRedline)
	}
	d := summarize.DetectLanguage(t)
	return d.Language, d.Reliable
}

func accuracy(samples []sample, withLingua bool) {
	var det lingua.LanguageDetector
	if withLingua {
		t0 := time.Now()
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		det = lingua.NewLanguageDetectorBuilder().FromAllLanguages().WithPreloadedLanguageModels().Build()
		runtime.GC()
		runtime.ReadMemStats(&m1)
		fmt.Printf("lingua all languages, high accuracy, preloaded: build %v, heap +%d MB\n", time.Since(t0).Round(time.Millisecond), (m1.HeapAlloc-m0.HeapAlloc)>>20)
	}
	type tally struct{ n, wlOK, liOK, wlRel, wlRelOK, rlOK, rlRel, rlRelOK int }
	tallies := map[string]*tally{}
	var wrong []string
	for _, s := range samples {
		tl := tallies[s.kind]
		if tl == nil {
			tl = &tally{}
			tallies[s.kind] = tl
		}
		tl.n++
		c, conf := wl(s.text)
		if c == s.want {
			tl.wlOK++
		} else if len(wrong) < 400 {
			wrong = append(wrong, fmt.Sprintf("wl %s want %s got %s conf %.2f: %.60q", s.kind, s.want, c, conf, s.text))
		}
		if conf > 0.8 {
			tl.wlRel++
			if c == s.want {
				tl.wlRelOK++
			}
		}
		rc, rel := redline(s.text)
		if rc == s.want {
			tl.rlOK++
		} else if len(wrong) < 400 {
			wrong = append(wrong, fmt.Sprintf("redline %s want %s got %s reliable %v: %.60q", s.kind, s.want, rc, rel, s.text))
		}
		if rel {
			tl.rlRel++
			if rc == s.want {
				tl.rlRelOK++
			}
		}
		if !withLingua {
			continue
		}
		l, ok := det.DetectLanguageOf(s.text)
		lc := strings.ToLower(l.IsoCode639_1().String())
		if ok && lc == s.want {
			tl.liOK++
		} else if len(wrong) < 400 {
			wrong = append(wrong, fmt.Sprintf("li %s want %s got %s: %.60q", s.kind, s.want, lc, s.text))
		}
	}
	kinds := make([]string, 0, len(tallies))
	for k := range tallies {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Printf("%-18s %6s %10s %10s %18s %10s %18s\n", "set", "n", "whatlang", "lingua", "whatlang reliable", "redline", "redline reliable")
	for _, k := range kinds {
		t := tallies[k]
		li := "-"
		if withLingua {
			li = fmt.Sprintf("%.1f%%", pct(t.liOK, t.n))
		}
		fmt.Printf("%-18s %6d %9.1f%% %10s %7.1f%% of %5.1f%% %9.1f%% %7.1f%% of %5.1f%%\n", k, t.n, pct(t.wlOK, t.n), li,
			pct(t.wlRelOK, t.wlRel), pct(t.wlRel, t.n), pct(t.rlOK, t.n), pct(t.rlRelOK, t.rlRel), pct(t.rlRel, t.n))
	}
	for _, w := range wrong {
		fmt.Println(w)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func speed(cnn []string, withLingua bool) {
	for _, n := range []int{100, 200, 400, 800, 1600} {
		t0 := time.Now()
		for _, t := range cnn {
			wl(prefix(t, n))
		}
		fmt.Printf("whatlanggo %5d B: %6.1f µs/text\n", n, float64(time.Since(t0).Microseconds())/float64(len(cnn)))
	}
	for _, n := range []int{100, 200, 400, 800, 1600} {
		t0 := time.Now()
		for _, t := range cnn {
			redline(prefix(t, n))
		}
		fmt.Printf("redline    %5d B: %6.1f µs/text (summarize.DetectLanguage, which reads 512 bytes)\n", n, float64(time.Since(t0).Microseconds())/float64(len(cnn)))
	}
	if !withLingua {
		return
	}
	for _, mode := range []string{"low", "high"} {
		b := lingua.NewLanguageDetectorBuilder().FromAllLanguages().WithPreloadedLanguageModels()
		if mode == "low" {
			b = b.WithLowAccuracyMode()
		}
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		t0 := time.Now()
		det := b.Build()
		build := time.Since(t0)
		runtime.GC()
		runtime.ReadMemStats(&m1)
		fmt.Printf("lingua %s accuracy: build %v, heap +%d MB\n", mode, build.Round(time.Millisecond), (m1.HeapAlloc-m0.HeapAlloc)>>20)
		for _, n := range []int{100, 400, 1600} {
			t0 := time.Now()
			k := 200
			for _, t := range cnn[:k] {
				det.DetectLanguageOf(prefix(t, n))
			}
			fmt.Printf("lingua %s %5d B: %8.1f µs/text\n", mode, n, float64(time.Since(t0).Microseconds())/float64(k))
		}
		runtime.KeepAlive(det)
	}
}
