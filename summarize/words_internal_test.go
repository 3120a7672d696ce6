package summarize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// TestCountWordsMatchesTheBudget checks that "what's new" counts the words
// of a sentence as a summary's word budget does: before, a Chinese
// sentence counted one word a clause against its budget, and a budget of
// 30 words took in hundreds of characters.
func TestCountWordsMatchesTheBudget(t *testing.T) {
	for _, s := range []string{
		"",
		"The river rose 35 centimetres overnight.",
		"Привет, мир!",
		"e\u0301te\u0301 naïve café",
		"北京市政府周一宣布，将完成改造工程。",
		"東京では、雨が降った。",
		"カタカナとひらがな、漢字mixedテキスト 2026年",
		"snake_case and under_scores",
	} {
		a := &analysis{}
		want := 0
		a.forEachWord(s, func([]byte, int, int) { want++ })
		if got := countWords(s); got != want {
			t.Errorf("countWords(%q) = %d, the budget counts %d", s, got, want)
		}
	}
}

// A first-person quotation given to a named speaker in its own sentence
// needs no context, nor does a sentence about the text itself; a quotation
// given to a pronoun or to no one, or opening with a connective, does, and
// so does any other "This".
func TestLeansForContext(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"\"We heard a roar,\" said Ayse Demir.", false},
		{"\u201cOur town is gone,\u201d the mayor told reporters.", false},
		{"`` we will win , '' said smith .", false},
		{"\"We heard a roar,\" she said.", true},
		{"\"We have nowhere to go.\"", true},
		{"\"But the money never came,\" said Ayse Demir.", true},
		{"He said the dam would hold.", true},
		{"This article has been corrected to show that Reeve was sentenced to 14 years.", false},
		{"This story was updated at 6 p.m.", false},
		{"This decision angered the council.", true},
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			if got := leansForContext(tc.s, "en"); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSentenceWordsAreForEachWords checks that tokenizing, which finds
// most words without forEachWord, finds the words it finds: the same
// offsets, the same lowercase hashes, a stop word and a single letter
// without a term, and the same term for the same lowercase word, in texts
// of capitals, letters past ASCII, ideographs, long words and words that
// end the text.
func TestSentenceWordsAreForEachWords(t *testing.T) {
	for _, s := range []string{
		"The river rose 35 centimetres overnight.",
		"THE River rose; the RIVER fell",
		"Привет, мир! Мир",
		"e\u0301te\u0301 naïve café Café CAFÉ cafés",
		"北京市政府周一宣布，将完成改造工程。",
		"カタカナとひらがな、漢字mixedテキスト 2026年",
		"snake_case and under_scores x y Z",
		"Pneumonoultramicroscopicsilicovolcanoconiosis and pneumonoultramicroscopicsilicovolcanoconiosis",
		"twentythreecharacterswd twentyfourcharacterswrds",
		"O'Connor’s rôle—naïveté\u00a0über\xffbad",
		"end",
	} {
		for _, lang := range []string{"en", "fr", "ja"} {
			a := &analysis{}
			sents := []text.Sentence{{Start: 7, End: 7 + len(s), Text: s}}
			a.reset(s)
			a.sents = sents
			a.info = make([]sentenceInfo, 1)
			a.lang = lang
			a.tokenize()
			type word struct {
				start, end int32
				hash       uint32
				lower      string
			}
			var want []word
			a.forEachWord(s, func(w []byte, start, end int) {
				want = append(want, word{int32(7 + start), int32(7 + end), fnv32(w), string(w)})
			})
			if len(a.tokens) != len(want) || a.info[0].words != len(want) {
				t.Fatalf("%s %q: %d tokens, %d words, forEachWord finds %d", lang, s, len(a.tokens), a.info[0].words, len(want))
			}
			termOf := map[string]int32{}
			for i, tok := range a.tokens {
				w := want[i]
				if tok.start != w.start || tok.end != w.end || tok.hash != w.hash {
					t.Errorf("%s %q: token %d is %d–%d %x, forEachWord finds %q at %d–%d %x", lang, s, i, tok.start, tok.end, tok.hash, w.lower, w.start, w.end, w.hash)
				}
				if term, ok := termOf[w.lower]; ok && term != tok.term {
					t.Errorf("%s %q: %q is term %d and %d", lang, s, w.lower, term, tok.term)
				}
				termOf[w.lower] = tok.term
				if (tok.term < 0) != (stopMask[w.lower]&(1<<languageIndex(lang)) != 0 || utf8.RuneCountInString(w.lower) == 1 && !isIdeographWord(w.lower)) {
					t.Errorf("%s %q: %q has term %d", lang, s, w.lower, tok.term)
				}
			}
		}
	}
}

// TestNextWordDecodesAsRunes checks nextWord, which judges ASCII bytes
// without decoding them, against the same scan rune by rune.
func TestNextWordDecodesAsRunes(t *testing.T) {
	runes := func(s string) (string, string) {
		isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
		i := strings.IndexFunc(s, isWord)
		if i < 0 {
			return "", ""
		}
		j := strings.IndexFunc(s[i:], func(r rune) bool { return !isWord(r) && r != '-' })
		if j < 0 {
			return s[i:], ""
		}
		return s[i : i+j], s[i+j:]
	}
	for _, s := range []string{
		"", "   ", "He said.", `"Él dijo," añadió`, "«Über» alles", "— the 26-year-old said", "(2026) x",
		"ça-va bien", "x\xffy", "\xff\xfeabc", "über-cool-ness, then", "-- -a", "Мир, мир",
	} {
		w, rest := nextWord(s)
		ww, wrest := runes(s)
		if w != ww || rest != wrest && w != "" {
			t.Errorf("nextWord(%q) = %q, %q; rune by rune %q, %q", s, w, rest, ww, wrest)
		}
	}
}
