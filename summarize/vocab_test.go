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

// TestVocabStartsAfreshInPlace checks that a full vocab starts afresh
// without allocating: it keeps its word table's slots and its stems map,
// and finds none of the words it forgot.
func TestVocabStartsAfreshInPlace(t *testing.T) {
	var v vocab
	v.begin()
	for i := range maxVocab + 1 {
		w := []byte(letters(i))
		v.words.put(w, fnv32(w), int32(i))
		v.stems[string(w)] = int32(i)
		v.termOf, v.seen = append(v.termOf, 0), append(v.seen, 0)
	}
	slots := len(v.words.slots)
	if allocs := testing.AllocsPerRun(1, v.begin); allocs != 0 {
		t.Errorf("starting afresh made %v allocations, want 0", allocs)
	}
	if got := len(v.words.slots); got != slots {
		t.Errorf("got %d slots after starting afresh, want the %d kept", got, slots)
	}
	if v.words.len() != 0 || len(v.stems) != 0 || len(v.termOf) != 0 || len(v.seen) != 0 {
		t.Errorf("got %d words, %d stems, %d ids after starting afresh, want none", v.words.len(), len(v.stems), len(v.termOf))
	}
	w := []byte(letters(7))
	if _, ok := v.words.get(w, fnv32(w)); ok {
		t.Errorf("%q found after starting afresh", w)
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
