package summarize

import "testing"

// TestScanQuotesFindsDigitsAndMarks checks what the quote scan reports
// for the learned scorer's digits and quote features, which it finds in
// the pass that reads the marks' roles: any ASCII digit, before or after a
// quotation, and the straight, backtick, doubled-apostrophe and curly
// double marks, but not a lone apostrophe, guillemets or single curly
// marks.
func TestScanQuotesFindsDigitsAndMarks(t *testing.T) {
	tests := []struct {
		s              string
		digits, marked bool
	}{
		{"", false, false},
		{"The council met on Monday.", false, false},
		{"7 people were hurt.", true, false},
		{"He said 'no' to the plan.", false, false},
		{"The players' union met.", false, false},
		{"It rose by 35 per cent.", true, false},
		{`"We won," he said.`, false, true},
		{`He said: "We won 3-1."`, true, true},
		{"`` we won , '' he said .", false, true},
		{"he said `` we won 2 '' .", true, true},
		{"he said '' we won .", false, true},
		{"the ` mark", false, true},
		{"“We won,” he said on 4 May.", true, true},
		{"He said: ”", false, true},
		{"« Nous avons gagné », a-t-il dit.", false, false},
		{"„Wir haben gewonnen“, sagte er.", false, true}, // “ closes here
		{"‘We won,’ he said in 2024.", true, false},
		{"  1 ", true, false},
		{"١٢٣ ٤", false, false},
		{"Le 12 «", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			sh, _ := scanQuotes(tc.s, nil)
			if sh.digits != tc.digits || sh.marked != tc.marked {
				t.Errorf("got digits %v, marked %v; want %v, %v", sh.digits, sh.marked, tc.digits, tc.marked)
			}
			said, _ := scanQuotes(tc.s, speechWords["en"])
			if said.digits != sh.digits || said.marked != sh.marked {
				t.Errorf("with speech words: got digits %v, marked %v; want %v, %v", said.digits, said.marked, sh.digits, sh.marked)
			}
		})
	}
}
