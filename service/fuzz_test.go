package service_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/service"
)

// FuzzValidateArticleID checks that every accepted id is one URLs carry
// unescaped and that every refusal says what the rule is.
func FuzzValidateArticleID(f *testing.F) {
	for _, seed := range []string{"a", "story-1", "a~b", ".", "..", "...", "a/b", "a%2Fb", "café", "\u202e", strings.Repeat("x", 200), strings.Repeat("x", 201), "", " ", "a\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		err := service.ValidateArticleID(id)
		if err != nil {
			if service.ErrorCode(err) != service.EINVALID || !strings.Contains(service.ErrorMessage(err), "article id") {
				t.Fatalf("%q: got %v, want EINVALID naming the article id", id, err)
			}
			return
		}
		if id == "" || len(id) > service.MaxIDLength || id == "." || id == ".." || !utf8.ValidString(id) {
			t.Fatalf("%q: accepted, want it refused", id)
		}
		if strings.IndexFunc(id, func(r rune) bool {
			return !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-", r)
		}) >= 0 {
			t.Fatalf("%q: accepted with a character outside A-Z a-z 0-9 . _ ~ -", id)
		}
	})
}

// FuzzValidateText checks that accepted texts hold a visible character and
// no control character but tab and line ends.
func FuzzValidateText(f *testing.F) {
	for _, seed := range []string{"Body.", " ", "\u200b", "a\x00b", "a\tb\nc\r\n", "\xff", "😀", "\u202eabc", "a\x7fb", "a\u0085b", "a\x1bb"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		err := service.ValidateText("body", text)
		if err != nil {
			if !strings.HasPrefix(service.ErrorMessage(err), "body ") {
				t.Fatalf("%q: got %v, want the field named", text, err)
			}
			return
		}
		if strings.TrimSpace(text) == "" || strings.ContainsRune(text, 0) || !utf8.ValidString(text) {
			t.Fatalf("%q: accepted, want it refused", text)
		}
		for _, r := range text {
			if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
				t.Fatalf("%q: accepted with control character U+%04X", text, r)
			}
		}
	})
}
