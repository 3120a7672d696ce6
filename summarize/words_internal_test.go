package summarize

import "testing"

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
