package service_test

import (
	"strings"
	"testing"

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

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"The river rose.", 3},
		{"  spaced   out  ", 2},
		{"Привет, мир", 2},
		{"3.5 percent", 3},
	}
	for _, tc := range tests {
		if got := service.CountWords(tc.in); got != tc.want {
			t.Errorf("CountWords(%q): got %d, want %d", tc.in, got, tc.want)
		}
	}
}
