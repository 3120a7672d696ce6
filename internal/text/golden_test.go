package text_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"

	"github.com/redline-news/redline/internal/text"
)

// goldenRule is one entry of golden-rules-en.json.
type goldenRule struct {
	ID      int      `json:"id"`
	Name    string   `json:"name"`
	Input   string   `json:"input"`
	Output  []string `json:"output"`
	DocType string   `json:"doc_type"`
}

// knownFailures lists the golden rules the segmenter does not pass, with the
// reason; the test fails when one of them starts passing, so that the list
// stays true.
var knownFailures = map[int]string{}

// minGoldenPassed is the number of golden rules that must pass.
const minGoldenPassed = 50

func TestGoldenRules(t *testing.T) {
	rules := loadGoldenRules(t)
	passed := 0
	for _, r := range rules {
		t.Run(r.Name, func(t *testing.T) {
			got := goldenSentences(r)
			want := collapseAll(r.Output)
			ok := slices.Equal(got, want)
			if ok {
				passed++
			}
			reason, known := knownFailures[r.ID]
			switch {
			case ok && known:
				t.Errorf("rule %d passes but is listed as a known failure (%s); remove it from knownFailures", r.ID, reason)
			case !ok && !known:
				t.Errorf("rule %d: got %q, want %q", r.ID, got, want)
			}
		})
	}
	t.Logf("%d of %d golden rules passed", passed, len(rules))
	if passed < minGoldenPassed {
		t.Errorf("got %d of %d golden rules passed, want at least %d", passed, len(rules), minGoldenPassed)
	}
}

// goldenSentences segments the rule's input the way its document type asks.
func goldenSentences(r goldenRule) []string {
	seg := text.NewSegmenter(text.Options{Language: "en", PDF: r.DocType == "pdf"})
	var out []string
	for _, s := range seg.Sentences(r.Input) {
		out = append(out, collapse(s.Text))
	}
	return out
}

// collapse reduces white space runs to one space, since in rules 40 and 41 a
// stray line break inside a sentence reads as a space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func collapseAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = collapse(s)
	}
	return out
}

func loadGoldenRules(tb testing.TB) []goldenRule {
	tb.Helper()
	data := shareddata.Read(tb, "golden-rules-en.json")
	var rules []goldenRule
	if err := json.Unmarshal(data, &rules); err != nil {
		tb.Fatalf("parse golden rules: %v", err)
	}
	return rules
}
