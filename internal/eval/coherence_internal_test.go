package eval

import (
	"testing"

	"github.com/redline-news/redline/summarize"
)

func TestJudge(t *testing.T) {
	article := "Mr Smith won the race on Sunday. He was accompanied by his wife. " +
		"The crowd cheered loudly for him. But the organisers were unhappy with the result. Team news."
	units := summarize.Units(article, "en")
	pick := func(idx ...int) []summarize.Sentence {
		var out []summarize.Sentence
		for _, i := range idx {
			out = append(out, units[i])
		}
		return out
	}
	tests := []struct {
		name   string
		picked []summarize.Sentence
		want   readability
	}{
		{"lead", pick(0, 1, 2), readability{}},
		{"dangling opener", pick(1, 2), readability{dangling: true, orphaned: true}},
		{"orphan inside", pick(0, 3), readability{orphaned: true}},
		{"dependent with its antecedent", pick(2, 3), readability{}},
		{"fragment", pick(0, 4), readability{fragment: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := judge(article, "en", tc.picked); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestJudgeQuotations(t *testing.T) {
	article := `The storm reached the town on Monday. "A roar shook the houses," said Ayse Demir. "The lights went out." ` +
		`Police arrived at noon. The mayor said: "We will rebuild. Every house will stand again." Schools reopen soon.`
	units := summarize.Units(article, "en")
	pick := func(idx ...int) []summarize.Sentence {
		var out []summarize.Sentence
		for _, i := range idx {
			out = append(out, units[i])
		}
		return out
	}
	tests := []struct {
		name   string
		picked []summarize.Sentence
		want   readability
	}{
		{"quotation without its speaker", pick(0, 2), readability{speakerless: true}},
		{"quotation opening the summary", pick(2, 3), readability{speakerless: true}},
		{"quotation with its speaker", pick(1, 2), readability{}},
		{"rest of an open quotation", pick(0, 5), readability{speakerless: true}},
		{"open quotation with its rest", pick(4, 5), readability{}},
		{"open quotation without its rest", pick(0, 4), readability{unclosed: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := judge(article, "en", tc.picked); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestLooksLikeByline(t *testing.T) {
	for s, want := range map[string]bool{
		"by john frost .": true, "By Daily Mail Reporter": true,
		"published : 12:01 est , 4 april 2015":                            true,
		"by the time police arrived , the man had fled the scene .":       false,
		"daily mail reporter and associated press reporter .":             true,
		"by . sam webb for mailonline .":                                  true,
		"12:34 est , 3 march 2014 .":                                      true,
		"12:34 is when the bus left the depot on sunday .":                false,
		"the reporter asked whether the bus had left the depot on time .": false,
		"' definitely bothersome , ' michael frank told reporters .":      false,
		"By far the most useful gadget.":                                  false,
		"by then the shop had shut .":                                     false,
		"by 2020 the line will be open .":                                 false,
		"by .":                                                            true,
		"By Jane Smith, BBC News":                                         true,
	} {
		if got := looksLikeByline(s); got != want {
			t.Errorf("%q: got %v, want %v", s, got, want)
		}
	}
}
