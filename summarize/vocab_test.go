package summarize

import (
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/text"
)

var vocabTexts = []string{
	"The council approved the budget. Councils approve budgets every year. The approval came late.",
	"Die Regierung hat neue Maßnahmen angekündigt. Die Maßnahmen treten im Mai in Kraft. Kritiker sagen, dass sie nicht reichen.",
	"Le gouvernement a annoncé des mesures. Les mesures entrent en vigueur en mai. Les critiques disent qu'elles ne suffisent pas.",
	"Running runners ran. The runner runs daily. Runs are good for running.",
}

// run summarizes src with s, as Summarize does with a pooled scratch.
func run(t *testing.T, s *scratch, src string, opts Options) *Summary {
	t.Helper()
	opts, err := normalize(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s.summarize(src, opts, text.Sentences(src))
}

// TestVocabChangesNoResult checks that a scratch that has seen other texts,
// in any language, summarizes a text exactly as a fresh one does.
func TestVocabChangesNoResult(t *testing.T) {
	warm := new(scratch)
	for i := len(vocabTexts) - 1; i >= 0; i-- {
		run(t, warm, vocabTexts[i], Options{})
	}
	for _, src := range vocabTexts {
		for _, opts := range []Options{{}, {Language: "en"}, {Language: "fr", Ratio: 1}} {
			want := run(t, new(scratch), src, opts)
			if got := run(t, warm, src, opts); !reflect.DeepEqual(got, want) {
				t.Errorf("%+v on %q: warm scratch gave %+v, fresh %+v", opts, src, got, want)
			}
		}
	}
}

// TestVocabBounded checks that a vocab grown past maxVocab starts afresh
// on its next use, and that results do not depend on it.
func TestVocabBounded(t *testing.T) {
	var b strings.Builder
	for i := range maxVocab + 1000 {
		b.WriteString(letters(i))
		b.WriteString(" ")
		if i%20 == 19 {
			b.WriteString("stop. ")
		}
	}
	s := new(scratch)
	run(t, s, b.String(), Options{Language: "en"})
	if n := s.a.vocabFor("en").words.len(); n <= maxVocab {
		t.Fatalf("vocab holds %d words after a text of more than %d, want more", n, maxVocab)
	}
	want := run(t, new(scratch), vocabTexts[0], Options{})
	if got := run(t, s, vocabTexts[0], Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v after a full vocab, want %+v", got, want)
	}
	if n := s.a.vocabFor("en").words.len(); n > 100 {
		t.Errorf("vocab holds %d words after a short text, want it started afresh", n)
	}
}

// letters spells i in base 26 with the letters a to z, at least two of them.
func letters(i int) string {
	var out []byte
	for i >= 0 {
		out = append(out, byte('a'+i%26))
		i = i/26 - 1
	}
	if len(out) == 1 {
		out = append(out, 'q')
	}
	return string(out)
}
