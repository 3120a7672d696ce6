package summarize_test

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"
	"github.com/redline-news/redline/summarize"
)

func TestContinuesQuotation(t *testing.T) {
	tests := []struct {
		name, lang, prev, s string
		want                bool
	}{
		// A quotation of two sentences, its speaker named in the first.
		{"straight, named after", "en", `"I saw people being pulled apart," he told Uefa's official website.`,
			`"The United players were trying to wind us up about the result."`, true},
		{"straight, said X", "en", `"It is a good investment bet," said Suhas Naik, an analyst.`,
			`"Power needs in India are set to rise and NTPC will benefit from that."`, true},
		{"straight, left open", "en", `Klinsmann said: "It will be difficult for any of our players.`,
			`"If Jens is not Arsenal's number one keeper, that is a problem for me.`, true},
		{"straight, closed in the next", "en", `"If Jens is not Arsenal's number one keeper, that is a problem for me.`,
			`Jens must be playing regularly."`, true},
		{"straight, attributed itself", "en", `"It is a good bet," said Suhas Naik.`,
			`"Power needs will rise," he added.`, false},
		{"straight, no speaker before", "en", `The firm called the sale "a triumph".`,
			`"Power needs in India are set to rise."`, false},
		{"straight, no quotation before", "en", `Suhas Naik is an analyst at ING.`,
			`"Power needs in India are set to rise."`, false},
		{"straight, plain sentence", "en", `"It is a good bet," said Suhas Naik.`,
			`Analysts say the sale would encourage the government.`, false},
		{"straight, two bare quotations", "en", `"We will win."`, `"We always do."`, true},
		{"straight, words after the closing mark", "en", `"It is a good bet," said Suhas Naik.`,
			`"Power needs will rise" was the firm's line.`, false},
		{"curly, named before", "en", `The mayor said: “We heard a roar.”`, `“The lights went out.”`, true},
		{"curly, left open", "en", `“We heard a roar.`, `The lights went out.”`, true},
		{"curly single, left open", "en", `‘We heard a roar.`, `The lights went out.’`, true},
		{"curly single, named", "en", `‘We heard a roar,’ said Ayse Demir.`, `‘The lights went out.’`, true},
		{"apostrophes are no quotation", "en", `The players’ union said it didn’t agree.`, `Talks went on.`, false},
		{"straight single, named", "en", `'It was the worst,' she told the BBC.`, `'I had three days of it.'`, true},
		{"tokenized, named after", "en", "`` they punched him , '' ricardo garcia told the station .",
			"`` the dog bit him on his face . ''", true},
		{"tokenized, left open", "en", "`` the dog bit him on his face .", "there 's no call for that .", true},
		{"tokenized, closed in the next", "en", "there 's no call for that .", "once a man is handcuffed , you stop . ''", true},
		{"tokenized, clitics and possessives", "en", "it 's the players ' union that won .", "police did n't stop .", false},
		{"tokenized single, left open", "en", "his father said : ' we have not heard anything .", "we just keep hoping .", true},
		{"tokenized single, named", "en", "' it 's a little scary , ' curl said .", "' we are all nervous . '", true},
		{"tokenized single, closed", "en", "' it 's a little scary , ' curl said .", "police arrived at noon .", false},
		{"german, named", "de", `„Wir haben gewonnen“, sagte der Trainer.`, `„Ein großer Tag ist es.“`, true},
		{"german, left open", "de", `Der Trainer sagte: „Wir haben gewonnen.`, `Ein großer Tag ist es.“`, true},
		{"german single, left open", "de", `Er sagte: ‚Wir haben gewonnen.`, `Ein großer Tag ist es.‘`, true},
		{"german chevrons, named", "de", `»Wir haben gewonnen«, so der Trainer.`, `»Ein großer Tag ist es.«`, true},
		{"german, closed", "de", `„Wir haben gewonnen“, sagte der Trainer.`, `Der Abend endete spät.`, false},
		{"french, named", "fr", `« Nous avons gagné », a déclaré l'entraîneur.`, `« C'est un grand jour. »`, true},
		{"french, left open", "fr", `L'entraîneur a dit : « Nous avons gagné.`, `C'est un grand jour. »`, true},
		{"french, closed", "fr", `« Nous avons gagné », a déclaré l'entraîneur.`, `Le match s'est terminé 2 à 1.`, false},
		{"spanish, named", "es", `«Hemos ganado», dijo el entrenador.`, `«Es un gran día.»`, true},
		{"italian, named", "it", `«Abbiamo vinto», ha detto l'allenatore.`, `«È un grande giorno.»`, true},
		{"portuguese, named", "pt", `“Ganhamos”, disse o treinador.`, `“É um grande dia.”`, true},
		{"dutch, named", "nl", `„We hebben gewonnen”, zei de trainer.`, `„Een grote dag is het.”`, true},
		{"dutch, closed", "nl", `„We hebben gewonnen”, zei de trainer.`, `De wedstrijd eindigde in 2-1.`, false},
		{"unknown language, left open", "sw", `Alisema: "Tumeshinda.`, `Ni siku kubwa."`, true},
		{"unknown language, no words of speech", "sw", `"Tumeshinda," alisema kocha.`, `"Ni siku kubwa."`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := summarize.ContinuesQuotation(tc.prev, tc.s, tc.lang); got != tc.want {
				t.Errorf("ContinuesQuotation(%q, %q, %q): got %v, want %v", tc.prev, tc.s, tc.lang, got, tc.want)
			}
			if got := summarize.LeansOnSentence(tc.prev, tc.s, tc.lang); got != tc.want {
				t.Errorf("LeansOnSentence(%q, %q, %q): got %v, want %v", tc.prev, tc.s, tc.lang, got, tc.want)
			}
		})
	}
}

// TestBBCQuotationsComeWithTheirSpeaker checks the BBC articles where a
// summary took the second sentence of a quotation without the first, or
// ended inside one: in the default three sentences and in 60 words (the
// picks that keep quotations whole, quotePicks), each chosen sentence that
// goes on with a quotation comes with the sentence before it, and the
// sentence that was orphaned is either left out or comes with it.
func TestBBCQuotationsComeWithTheirSpeaker(t *testing.T) {
	cases := map[string]string{
		"sport/198":    `"The United players were trying to wind us up`,
		"business/276": `"Power needs in India are set to rise`,
		"sport/194":    `"If Jens is not Arsenal's number one keeper`,
	}
	rows := shareddata.Rows[struct{ ID, Article string }](t, "bbc-news-summary.jsonl", 0)
	found := 0
	for _, row := range rows {
		orphan, ok := cases[row.ID]
		if !ok {
			continue
		}
		found++
		for _, opts := range []summarize.Options{{}, {Sentences: 3}, {Words: 60}} {
			sum := mustSummarize(t, row.Article, opts)
			checkQuotationsKept(t, row.ID, row.Article, orphan, sum)
		}
	}
	if found != len(cases) {
		t.Fatalf("got %d of the %d articles, want all", found, len(cases))
	}
}

// checkQuotationsKept fails t when a sentence of sum leans on the sentence
// before it in article (LeansOnSentence) and that one is not in sum, or
// when the sentence that opens with orphan is.
func checkQuotationsKept(t *testing.T, id, article, orphan string, sum *summarize.Summary) {
	t.Helper()
	units := summarize.Units(article, "en")
	prev := map[int]int{}
	last := -1
	for i, u := range units {
		prev[i] = last
		if u.Kind == summarize.KindSentence {
			last = i
		}
	}
	in := map[int]bool{}
	for _, s := range sum.Sentences {
		in[s.Index] = true
	}
	for _, s := range sum.Sentences {
		p := prev[s.Index]
		if p < 0 || in[p] {
			continue
		}
		if summarize.LeansOnSentence(units[p].Text, s.Text, "en") || strings.HasPrefix(s.Text, orphan) {
			t.Errorf("%s, %d sentences: got %q without %q before it", id, len(sum.Sentences), s.Text, units[p].Text)
		}
	}
}
