package text_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/redline-news/redline/internal/text"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"empty", "", nil},
		{"only white space", " \n\n\t ", nil},
		{"two sentences", "Hello World. My name is Jonas.", []string{"Hello World.", "My name is Jonas."}},
		{"titles", "Mr. and Mrs. Smith met Dr. Jones and Gov. Brown on St. James Street.", []string{"Mr. and Mrs. Smith met Dr. Jones and Gov. Brown on St. James Street."}},
		{"U.S. and U.K. before a name", "The U.S. State Department and the U.K. Foreign Office agreed.", []string{"The U.S. State Department and the U.K. Foreign Office agreed."}},
		{"U.S. ending a sentence", "He moved to the U.S. The move was hard.", []string{"He moved to the U.S.", "The move was hard."}},
		{"number abbreviation", "It is No. 5 on the list.", []string{"It is No. 5 on the list."}},
		{"no as a word", "She said no. Then she left.", []string{"She said no.", "Then she left."}},
		{"for example", "Some fruit, e.g. Apples and Pears, is sold. It sells.", []string{"Some fruit, e.g. Apples and Pears, is sold.", "It sells."}},
		{"company", "He works for Acme Inc. in Ohio. It pays well.", []string{"He works for Acme Inc. in Ohio.", "It pays well."}},
		{"month", "The vote is on Jan. 5 and Feb. 6 this year.", []string{"The vote is on Jan. 5 and Feb. 6 this year."}},
		{"times of day", "At 5 p.m. Mr. Lee spoke. He left at 6 p.m. Nobody followed.", []string{"At 5 p.m. Mr. Lee spoke.", "He left at 6 p.m.", "Nobody followed."}},
		{"initials", "The Hobbit is by J. R. R. Tolkien. It is long.", []string{"The Hobbit is by J. R. R. Tolkien.", "It is long."}},
		{"initial after a lowercase word", "It was written by J. Smith in 1990.", []string{"It was written by J. Smith in 1990."}},
		{"letter ending a sentence", "It lasted until World War I. But peace came.", []string{"It lasted until World War I.", "But peace came."}},
		{"capitals are not a title", "It helps patients with MS. Approval is near.", []string{"It helps patients with MS.", "Approval is near."}},
		{"quotation and speaker", `"Why?" he asked. "Why not?" Mr Blair said he would not. "Now!" said Ann.`, []string{`"Why?" he asked.`, `"Why not?"`, "Mr Blair said he would not.", `"Now!" said Ann.`}},
		{"glued after a bracket", "It was cheap (about $5).Then it rose.", []string{"It was cheap (about $5).", "Then it rose."}},
		{"prices and percentages", "Shares rose 1.5% to $3.50. Bonds fell.", []string{"Shares rose 1.5% to $3.50.", "Bonds fell."}},
		{"ellipsis before a capital", "I wonder... Maybe not.", []string{"I wonder...", "Maybe not."}},
		{"ellipsis before lowercase", "I wonder … maybe not.", []string{"I wonder … maybe not."}},
		{"ellipsis inside a title", "The finale of I'm A Celebrity... Get Me Out Of Here drew 10.9m viewers. It ended.", []string{"The finale of I'm A Celebrity... Get Me Out Of Here drew 10.9m viewers.", "It ended."}},
		{"ellipsis inside a title, one character", "Alison Howe, producer of Later… With Jools Holland, booked them.", []string{"Alison Howe, producer of Later… With Jools Holland, booked them."}},
		{"ellipsis after a name before a sentence", "We met in London... The city was calm.", []string{"We met in London...", "The city was calm."}},
		{"ellipsis after a name before a second word I", "We toured London... Then I left.", []string{"We toured London...", "Then I left."}},
		{"ellipsis after a name before a second word I with a comma", "We toured London... Then I, too, left.", []string{"We toured London...", "Then I, too, left."}},
		{"ellipsis after a name before a second word I'm", "We toured London... Now I’m home.", []string{"We toured London...", "Now I’m home."}},
		{"ellipsis after a lowercase word before a name", "It was murky... Tony Blair said so.", []string{"It was murky...", "Tony Blair said so."}},
		{"quote after the stop", `"He left." She stayed.`, []string{`"He left."`, "She stayed."}},
		{"curly quote after the stop", "“He left.” She stayed.", []string{"“He left.”", "She stayed."}},
		{"question with reporting verb", `"Are you sure?" John asked. He was.`, []string{`"Are you sure?" John asked.`, "He was."}},
		{"parenthesis after the stop", "He left. (She stayed.) They met.", []string{"He left.", "(She stayed.)", "They met."}},
		{"url", "See https://example.com/a.b?c=d. Then call.", []string{"See https://example.com/a.b?c=d.", "Then call."}},
		{"www address", "Visit www.Example.Com today.", []string{"Visit www.Example.Com today."}},
		{"e-mail", "Write to Jane.Doe@Example.com today. Thanks.", []string{"Write to Jane.Doe@Example.com today.", "Thanks."}},
		{"numbered list", "1. Eggs 2. Milk 3. Bread", []string{"1. Eggs", "2. Milk", "3. Bread"}},
		{"bulleted lines", "Shopping:\n• eggs\n• milk", []string{"Shopping:", "• eggs", "• milk"}},
		{"headline", "Ad sales boost profit\n\nProfits jumped. Sales rose.", []string{"Ad sales boost profit", "Profits jumped.", "Sales rose."}},
		{"headline without blank line", "Ad sales boost profit\nProfits jumped.", []string{"Ad sales boost profit", "Profits jumped."}},
		{"blank line ends a sentence", "An unfinished thought\n\nand another", []string{"An unfinished thought", "and another"}},
		{"abbreviation before a blank line", "He met Mr.\n\nSmith", []string{"He met Mr.", "Smith"}},
		{"indented continuation", "The committee said on Tuesday that it would publish its findings\n  later this year.", []string{"The committee said on Tuesday that it would publish its findings\n  later this year."}},
		{"stray newline after a space", "It was a cold \nnight in the city.", []string{"It was a cold \nnight in the city."}},
		{"wrapped prose", "The committee said on Tuesday that it would publish its findings\nlater this year. It did not.", []string{"The committee said on Tuesday that it would publish its findings\nlater this year.", "It did not."}},
		{"short lowercase lines", "features\ncontact manager", []string{"features", "contact manager"}},
		{"windows line breaks", "First line\r\nSecond line.\r\n", []string{"First line", "Second line."}},
		{"wrapped before a lowercase word after an article", "Police said the mayor of the\ncity was held.", []string{"Police said the mayor of the\ncity was held."}},
		{"a short lowercase line that ends on a preposition", "features of\ncontact manager", []string{"features of\ncontact manager"}},
		{"lines of one article each", "a\na\na", []string{"a", "a", "a"}},
		{"wrapped before a name after a title", "Police said Mr\nSmith was arrested.", []string{"Police said Mr\nSmith was arrested."}},
		{"wrapped before a name after a title with a stop", "Police said Dr.\nSmith was arrested.", []string{"Police said Dr.\nSmith was arrested."}},
		{"wrapped before a name after an article", "A raid by officers of the\nMetropolitan Police.", []string{"A raid by officers of the\nMetropolitan Police."}},
		{"wrapped before a German noun", "Der Minister habe der\nRegierung nichts gesagt.", []string{"Der Minister habe der\nRegierung nichts gesagt."}},
		{"wrapped before a name after a preposition on a full line", "The minister, who was born and grew up in a small fishing town in\nScotland, said so.", []string{"The minister, who was born and grew up in a small fishing town in\nScotland, said so."}},
		{"short line ending on a preposition", "Where the money went in\nThe council spent it.", []string{"Where the money went in", "The council spent it."}},
		{"headline that ends on a word of two senses", "Thousands could die\nThe report said so.", []string{"Thousands could die", "The report said so."}},
		{"lowercase title word before a capital", "Nurses who gen\nThe report said so.", []string{"Nurses who gen", "The report said so."}},
		{"glued sentences", "It rained.Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"no-break space", "One.\u00a0Two.", []string{"One.", "Two."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertSentences(t, text.Sentences(tc.src), tc.src, tc.want)
		})
	}
}

func TestSentencesTokenized(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			"lowercase starts",
			"washington ( cnn ) president barack obama says he is `` absolutely committed '' to israel . his comments to the new york times come amid criticism .",
			[]string{"washington ( cnn ) president barack obama says he is `` absolutely committed '' to israel .", "his comments to the new york times come amid criticism ."},
		},
		{
			"closing quote token",
			"he said `` it is over . '' the crowd left . `` why ? '' she asked .",
			[]string{"he said `` it is over . ''", "the crowd left .", "`` why ? '' she asked ."},
		},
		{
			"abbreviations",
			"the u.s. military and mr. smith met at 5 p.m. in d.c. on tuesday . it went well !",
			[]string{"the u.s. military and mr. smith met at 5 p.m. in d.c. on tuesday .", "it went well !"},
		},
		{
			"stop split from its abbreviation",
			"said cpl . jones . it was no . 1 on the list .",
			[]string{"said cpl . jones .", "it was no . 1 on the list ."},
		},
		{
			"closing parenthesis",
			"the probe ( which was launched in 2004 . ) crashed . it is gone .",
			[]string{"the probe ( which was launched in 2004 . )", "crashed .", "it is gone ."},
		},
		{"run of bare stops", "ha ! ! ! i can do it .", []string{"ha ! ! !", "i can do it ."}},
		{"quotations back to back", "she said ' it is over . ' ' we know , ' he said .", []string{"she said ' it is over . '", "' we know , ' he said ."}},
		{"ellipsis token", "he paused ... then spoke . done .", []string{"he paused ... then spoke .", "done ."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertSentences(t, text.Sentences(tc.src), tc.src, tc.want)
		})
	}
}

func TestSentencesLanguages(t *testing.T) {
	tests := []struct {
		lang, src string
		want      []string
	}{
		{"de", "Das ist z. B. gut. Er kam am 3. Oktober an. Die Feier war schön.", []string{"Das ist z. B. gut.", "Er kam am 3. Oktober an.", "Die Feier war schön."}},
		{"de", "Siehe Nr. 4 und Art. 12 des Gesetzes. Dr. Müller stimmt zu.", []string{"Siehe Nr. 4 und Art. 12 des Gesetzes.", "Dr. Müller stimmt zu."}},
		{"de", "Er wurde im 19. Jahrhundert geboren. Er starb 1900.", []string{"Er wurde im 19. Jahrhundert geboren.", "Er starb 1900."}},
		{"fr", "M. Dupont et Mme Martin sont arrivés. Ils sont partis.", []string{"M. Dupont et Mme Martin sont arrivés.", "Ils sont partis."}},
		{"fr", "« Vraiment ? » dit-il. Oui ! Il part.", []string{"« Vraiment ? » dit-il.", "Oui !", "Il part."}},
		{"es", "El Sr. García y la Sra. López llegaron. ¿Dónde están? Aquí.", []string{"El Sr. García y la Sra. López llegaron.", "¿Dónde están?", "Aquí."}},
		{"it", "Il dott. Rossi e il sig. Bianchi sono arrivati. Poi sono partiti.", []string{"Il dott. Rossi e il sig. Bianchi sono arrivati.", "Poi sono partiti."}},
		{"pt", "O Sr. Silva e a Dra. Costa chegaram. Depois saíram.", []string{"O Sr. Silva e a Dra. Costa chegaram.", "Depois saíram."}},
		{"nl", "Dhr. Jansen en mevr. De Vries kwamen bijv. later. Zij bleven.", []string{"Dhr. Jansen en mevr. De Vries kwamen bijv. later.", "Zij bleven."}},
		{"xx", "Mr. Smith left. He did.", []string{"Mr. Smith left.", "He did."}},
		{"en", "Die Wahl ist am 3. Oktober. Sie ist frei.", []string{"Die Wahl ist am 3. Oktober.", "Sie ist frei."}},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.want[0], func(t *testing.T) {
			seg := text.NewSegmenter(text.Options{Language: tc.lang})
			assertSentences(t, seg.Sentences(tc.src), tc.src, tc.want)
		})
	}
}

func TestSentencesIn(t *testing.T) {
	src := "Headline\n\nFirst one. Second one.\n\nThird one."
	tests := []struct {
		name string
		p    text.Span
		want []string
	}{
		{"middle paragraph", text.Span{Start: 10, End: 32}, []string{"First one.", "Second one."}},
		{"whole text", text.Span{Start: 0, End: len(src)}, []string{"Headline", "First one.", "Second one.", "Third one."}},
		{"clipped", text.Span{Start: -5, End: 1000}, []string{"Headline", "First one.", "Second one.", "Third one."}},
		{"reversed", text.Span{Start: 20, End: 10}, nil},
	}
	var seg text.Segmenter // the zero Segmenter segments English
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := seg.SentencesIn(src, tc.p)
			if tc.p.Start <= tc.p.End {
				checkInvariantsIn(t, src, text.Span{Start: max(tc.p.Start, 0), End: min(tc.p.End, len(src))}, got)
			}
			assertTexts(t, got, tc.want)
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"empty", "", nil},
		{"one", "  One line.\n", []string{"One line."}},
		{"blank line", "Head\n\nBody one.\nBody two.", []string{"Head", "Body one.\nBody two."}},
		{"white space line", "A\n \t \nB", []string{"A", "B"}},
		{"many blank lines", "\n\nA\r\n\r\n\r\nB\n\n", []string{"A", "B"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range text.Paragraphs(tc.src) {
				got = append(got, tc.src[p.Start:p.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSentencesManySentences(t *testing.T) {
	src := strings.Repeat("Mr. Smith paid $3.50 at 5 p.m. on Jan. 5. He left. ", 2000)
	got := text.Sentences(src)
	checkInvariants(t, src, got)
	if len(got) != 4000 {
		t.Errorf("got %d sentences, want 4000", len(got))
	}
}

func TestSentencesPathological(t *testing.T) {
	// Each input is large enough that a scan quadratic in its length would
	// take minutes rather than milliseconds.
	tests := []struct {
		name string
		src  string
		want int
	}{
		{"bare quotes", strings.Repeat("' ", 100000), 1},
		{"opening brackets", ". " + strings.Repeat("(", 200000), 2},
		{"glued stops", strings.Repeat("ab.Cd", 40000), 40001},
		{"stops", strings.Repeat(".", 200000), 1},
		{"spaced stops", strings.Repeat(". ", 100000), 1},
		{"closing quotes", "a . " + strings.Repeat("'' ", 100000), 1},
		{"line breaks", strings.Repeat("a\n", 100000), 100000},
		{"list markers", strings.Repeat("1. 2. ", 30000), 30001},
		{"titles", strings.Repeat("Mr.    ", 50000), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := text.Sentences(tc.src)
			checkInvariants(t, tc.src, got)
			if len(got) != tc.want {
				t.Errorf("got %d sentences, want %d", len(got), tc.want)
			}
		})
	}
}

// assertSentences checks that got holds the sentences want, with offsets
// that match src.
func assertSentences(t *testing.T, got []text.Sentence, src string, want []string) {
	t.Helper()
	checkInvariants(t, src, got)
	assertTexts(t, got, want)
}

// assertTexts checks that got holds the sentences want.
func assertTexts(t *testing.T, got []text.Sentence, want []string) {
	t.Helper()
	texts := make([]string, 0, len(got))
	for _, s := range got {
		texts = append(texts, s.Text)
	}
	if len(want) == 0 && len(texts) == 0 {
		return
	}
	if !slices.Equal(texts, want) {
		t.Errorf("got %q, want %q", texts, want)
	}
}

// checkInvariants checks what every result of Sentences must satisfy: the
// sentences are in order, do not overlap, are non-empty and trimmed, match
// src at their offsets, and cover every byte of src that is not white space.
func checkInvariants(t *testing.T, src string, got []text.Sentence) {
	t.Helper()
	checkInvariantsIn(t, src, text.Span{Start: 0, End: len(src)}, got)
}

// checkInvariantsIn is checkInvariants for the sentences of the part p of src.
func checkInvariantsIn(t *testing.T, src string, p text.Span, got []text.Sentence) {
	t.Helper()
	prevEnd, covered := p.Start, p.Start
	for i, s := range got {
		if s.Start < prevEnd || s.End <= s.Start || s.End > p.End {
			t.Fatalf("sentence %d has offsets [%d, %d) after %d in a span ending at %d", i, s.Start, s.End, prevEnd, p.End)
		}
		if src[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: src[%d:%d] = %q, want Text %q", i, s.Start, s.End, src[s.Start:s.End], s.Text)
		}
		if trimmed := strings.TrimFunc(s.Text, unicode.IsSpace); trimmed != s.Text {
			t.Fatalf("sentence %d: got %q, want it trimmed to %q", i, s.Text, trimmed)
		}
		if gap := src[covered:s.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("got %q between sentences, want only white space", gap)
		}
		prevEnd, covered = s.End, s.End
	}
	if rest := src[covered:p.End]; strings.TrimFunc(rest, unicode.IsSpace) != "" {
		t.Fatalf("got %q after the last sentence, want only white space", rest)
	}
}

func TestSegmentationFixes(t *testing.T) {
	tests := []struct {
		name, lang, src string
		want            []string
	}{
		{"time before a weekday", "en", "The vote is at 3 p.m. Friday in the hall.", []string{"The vote is at 3 p.m. Friday in the hall."}},
		{"place abbreviation ends a sentence", "en", "They marched in Washington, D.C. Thousands attended.", []string{"They marched in Washington, D.C.", "Thousands attended."}},
		{"etc ends a sentence", "en", "It sells pens, paper, etc. Prices start at $1.", []string{"It sells pens, paper, etc.", "Prices start at $1."}},
		{"etc inside a sentence", "en", "Pens, paper, etc. are sold here.", []string{"Pens, paper, etc. are sold here."}},
		{"feet and inches", "en", "He is 5 ft. 9 in. tall and fast.", []string{"He is 5 ft. 9 in. tall and fast."}},
		{"come in", "en", "Come in. Nobody is home.", []string{"Come in.", "Nobody is home."}},
		{"German billions", "de", "Der Staat zahlt 3 Mrd. Euro an die Bahn.", []string{"Der Staat zahlt 3 Mrd. Euro an die Bahn."}},
		{"German billions, English rules", "en", "Der Staat zahlt 3 Mrd. Euro an die Bahn.", []string{"Der Staat zahlt 3 Mrd. Euro an die Bahn."}},
		{"Spanish United States", "es", "Viajó a EE. UU. por trabajo. Volvió ayer.", []string{"Viajó a EE. UU. por trabajo.", "Volvió ayer."}},
		{"Spanish United States, English rules", "en", "Viajó a EE. UU. por trabajo.", []string{"Viajó a EE. UU. por trabajo."}},
		{"French about", "fr", "Le projet coûte env. 300 euros. Il est prêt.", []string{"Le projet coûte env. 300 euros.", "Il est prêt."}},
		{"Chinese", "zh", "今天下雨。明天晴天！你好吗？", []string{"今天下雨。", "明天晴天！", "你好吗？"}},
		{"Japanese", "ja", "雨が降った。道が濡れた。", []string{"雨が降った。", "道が濡れた。"}},
		{"Arabic", "ar", "هل أنت بخير؟ نعم.", []string{"هل أنت بخير؟", "نعم."}},
		{"Hindi", "hi", "आज बारिश हुई। कल धूप होगी।", []string{"आज बारिश हुई।", "कल धूप होगी।"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range text.NewSegmenter(text.Options{Language: tc.lang}).Sentences(tc.src) {
				got = append(got, s.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
