package diff_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/redline-news/redline/diff"
)

func FuzzCompare(f *testing.F) {
	seeds := [][2]string{
		{"the big red dog", "the small blue dog"},
		{"Rain fell. Roads flooded.", "Rain fell. Schools closed. Roads flooded."},
		{"A.\n\nB b b b.\n\nC.", "A.\n\nC.\n\nB b b b."},
		{"two  spaces", "two spaces"},
		{"今天北京下雨。", "今天上海下雪。"},
		{"👨‍👩‍👧 🇫🇷", "👨‍👩‍👦 🇩🇪"},
		{"cafe\u0301", "cafe"},
		{"", "x"},
		{"ok", "\xff"},
		{"He said: \"Go.\" \"\n\nRain.", "Rain.\n\nHe said: \"Go now.\" \""},
		{"A b c. D e f.", "A b c d e f."},
		{"𗑨0", "𗑨1"}, // a Tangut letter and a digit are two words
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		r, err := diff.Compare(old, new, diff.Options{})
		if !utf8.ValidString(old) || !utf8.ValidString(new) {
			if !errors.Is(err, diff.ErrInvalidUTF8) {
				t.Fatalf("invalid UTF-8: got %v, want ErrInvalidUTF8", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, old, new, r.Ops)
		checkStats(t, old, new, r)
		checkSentences(t, old, new, r)
		if msg := sentenceProblems(r); msg != "" {
			t.Fatal(msg)
		}
	})
}
