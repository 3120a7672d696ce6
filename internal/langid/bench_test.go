package langid_test

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/redline-news/redline/internal/langid"
)

// benchTexts are the summarizer's test texts in English, Russian and
// Chinese, each repeated to 1,600 bytes and cut to the lengths detection
// reads.
func benchTexts(b *testing.B) map[string]string {
	out := map[string]string{}
	for _, code := range []string{"en", "ru", "zh"} {
		data, err := os.ReadFile("../../summarize/testdata/lang/" + code + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		long := strings.Repeat(strings.TrimSpace(string(data))+" ", 1600/len(data)+1)
		for _, n := range []int{100, 512, 1600} {
			out[code+"-"+itoa(n)+"B"] = cut(long, n)
		}
	}
	return out
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func cut(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// BenchmarkDetect measures a call of Detector.Detect against one of
// whatlanggo.Detect on the same text, and, as "cold", a call of
// Detector.Detect after 8 MB were written, as a summary between two
// detections evicts the index from the cache.
func BenchmarkDetect(b *testing.B) {
	texts := benchTexts(b)
	b.Run("langid/en-512B-cold", func(b *testing.B) {
		text := texts["en-512B"]
		junk := make([]byte, 8<<20)
		var d langid.Detector
		var detecting time.Duration
		for b.Loop() {
			for i := 0; i < len(junk); i += 64 {
				junk[i]++
			}
			t := time.Now()
			d.Detect(text)
			detecting += time.Since(t)
		}
		// ns/op holds the writes too: detect-ns/op is the call alone.
		b.ReportMetric(float64(detecting.Nanoseconds())/float64(b.N), "detect-ns/op")
	})
	for _, name := range []string{"en-100B", "en-512B", "en-1600B", "ru-512B", "zh-512B"} {
		text := texts[name]
		b.Run("langid/"+name, func(b *testing.B) {
			b.ReportAllocs()
			var d langid.Detector
			for b.Loop() {
				d.Detect(text)
			}
		})
		b.Run("whatlanggo/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				whatlanggo.Detect(text)
			}
		})
	}
}
