package service_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/service"
)

func TestValidateArticleID(t *testing.T) {
	tests := []struct {
		id string
		ok bool
	}{
		{"story-1", true},
		{"a.b_c~d-E9", true},
		{strings.Repeat("x", 200), true},
		{"...", true},
		{"", false},
		{strings.Repeat("x", 201), false},
		{".", false},
		{"..", false},
		{"a/b", false},
		{"é", false},
		{"a b", false},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			err := service.ValidateArticleID(tc.id)
			if (err == nil) != tc.ok {
				t.Fatalf("ValidateArticleID(%q): got %v, want ok=%v", tc.id, err, tc.ok)
			}
			if err != nil && service.ErrorCode(err) != service.EINVALID {
				t.Fatalf("code: got %s, want %s", service.ErrorCode(err), service.EINVALID)
			}
		})
	}
}

// TestDigestCountsWordsAsTheDiff checks that a revision's words are the
// words its first revision adds, as the diff counts them, in every script:
// in Chinese, Japanese and Thai, written without spaces, each character is
// a word, so the revision of a Chinese article does not count one word a
// clause while its change stats count one a character.
func TestDigestCountsWordsAsTheDiff(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"The river rose.", 3},
		{"  spaced   out  ", 2},
		{"Привет, мир", 2},
		{"3.5 percent", 3},
		{"e\u0301te\u0301", 1}, // combining accents stay in their word
		{"日本語 text", 4},
		{"北京市政府周一宣布，将完成改造工程。", 16},
		{"東京では、雨が降った。", 9},
	}
	for _, tc := range tests {
		d := service.Draft{ArticleID: "a", Body: tc.in}
		got := d.Digest().Words
		if got != tc.want {
			t.Errorf("Digest(%q).Words: got %d, want %d", tc.in, got, tc.want)
		}
		st, err := service.ChangeStatsBetween("", tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if st.WordsAdded != got {
			t.Errorf("%q: a first revision adds %d words, its digest counts %d", tc.in, st.WordsAdded, got)
		}
	}
}

// FuzzDigestWordsMatchFirstRevision checks the same agreement on any text:
// the words of the diff's ops against the empty text sum to the digest's.
func FuzzDigestWordsMatchFirstRevision(f *testing.F) {
	for _, seed := range []string{"", "The river rose.", "Привет, мир", "3.5 percent", "e\u0301t\u00e9", "日本語 text", "x\x00y\x7fz", "สวัสดีครับ ชาวโลก", "北京，上海。广州！"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		st, err := service.ChangeStatsBetween("", s)
		if err != nil {
			return
		}
		d := service.Draft{ArticleID: "a", Body: s}
		if got := d.Digest().Words; got != st.WordsAdded {
			t.Fatalf("%q: digest counts %d words, a first revision adds %d", s, got, st.WordsAdded)
		}
	})
}

func TestContentHash(t *testing.T) {
	long := strings.Repeat("The river rose overnight. ", 20000) // past the pooled buffers' bound
	for _, tc := range []struct{ title, body string }{{"T", "Body."}, {"", ""}, {"Flood", long}, {"T", "Body."}} {
		h := sha256.Sum256([]byte(tc.title + "\n" + tc.body))
		if got, want := service.ContentHash(tc.title, tc.body), hex.EncodeToString(h[:]); got != want {
			t.Errorf("ContentHash(%q, %d bytes): got %s, want %s", tc.title, len(tc.body), got, want)
		}
	}
}

// BenchmarkDraftDigest hashes and counts a 5 KB body, as every write does.
func BenchmarkDraftDigest(b *testing.B) {
	d := service.Draft{ArticleID: "a", Title: "T", Body: strings.Repeat("The river rose 35 centimetres overnight. ", 125)}
	b.Run("digest", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d.Digest()
		}
	})
	b.Run("validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := d.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzValidateTextControls checks the control characters ValidateText
// refuses against their definition, rune by rune.
func FuzzValidateTextControls(f *testing.F) {
	for _, seed := range []string{"plain text of some length", "line\nbreak\ttab\r\n", "a\x00b", "abcdefgh\x7fijklmnop", "abcdefg\u0085hijk", "\x1f1234567", "1234567\x1f", "é\x01"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.TrimSpace(s) == "" {
			return
		}
		want := false
		for _, r := range s {
			want = want || unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
		}
		err := service.ValidateText("body", "x"+s)
		if got := err != nil && strings.Contains(service.ErrorMessage(err), "control characters"); got != want {
			t.Fatalf("%q: refused for a control character %v, want %v (%v)", s, got, want, err)
		}
	})
}
