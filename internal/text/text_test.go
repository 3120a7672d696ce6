package text_test

import (
	"slices"
	"testing"

	"github.com/redline-news/redline/internal/text"
)

func texts(ss []text.Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"two sentences", "Hello World. My name is Jonas.", []string{"Hello World.", "My name is Jonas."}},
		{"headline line", "Ad sales boost profit\n\nProfits jumped. Sales rose.", []string{"Ad sales boost profit", "Profits jumped.", "Sales rose."}},
		{"empty", " \n\n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := text.Sentences(tc.src)
			for _, s := range got {
				if tc.src[s.Start:s.End] != s.Text {
					t.Errorf("src[%d:%d] = %q, want Text %q", s.Start, s.End, tc.src[s.Start:s.End], s.Text)
				}
			}
			if g := texts(got); !slices.Equal(g, tc.want) {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}
