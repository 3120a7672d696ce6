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
