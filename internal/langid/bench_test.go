package langid_test

import (
	"os"
	"strings"
	"testing"
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
// whatlanggo.Detect on the same text.
func BenchmarkDetect(b *testing.B) {
	for _, name := range []string{"en-100B", "en-512B", "en-1600B", "ru-512B", "zh-512B"} {
		text := benchTexts(b)[name]
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
