package summarize

import "testing"

// TestSpeechWordsFromText checks that the summarizer's words of speech
// come from internal/text's list, inflections included.
func TestSpeechWordsFromText(t *testing.T) {
	for _, c := range []struct{ lang, s string }{
		{"en", "“We lost,” Brose claimed in the interview."},
		{"es", "“Perdimos”, dijeron los jugadores."},
		{"pt", "“Perdemos”, disseram os jogadores."},
		{"nl", "„We verloren”, volgens de spelers."},
	} {
		if !namesSpeaker(c.s, c.lang) {
			t.Errorf("%s %q: no speaker named", c.lang, c.s)
		}
	}
	if !quoteNamesSpeaker("“We heard a roar,” admitted Ayse Demir.") || quoteNamesSpeaker("“We heard a roar,” she admitted.") {
		t.Error("quoteNamesSpeaker does not read \"admitted\"")
	}
}
