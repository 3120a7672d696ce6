package summarize_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"

	"github.com/redline-news/redline/summarize"
)

const article = `The city council approved a new budget on Monday after months of debate. ` +
	`The budget raises spending on schools by ten percent. ` +
	`Council members said the vote was close. ` +
	`Critics argued that the plan ignores road repairs. ` +
	`The mayor praised the council for its work on the budget. ` +
	`Road repairs will be discussed again next year. ` +
	`Residents can read the full budget online.`

func TestAlgorithmsAndLengths(t *testing.T) {
	tests := []struct {
		name string
		opts summarize.Options
		want int
	}{
		{"default", summarize.Options{}, 3},
		{"lead sentences", summarize.Options{Algorithm: "lead", Sentences: 2}, 2},
		{"textrank sentences", summarize.Options{Algorithm: "textrank", Sentences: 4}, 4},
		{"lexrank ratio", summarize.Options{Algorithm: "lexrank", Ratio: 0.5}, 4},
		{"learned ratio one", summarize.Options{Ratio: 1}, 7},
		{"more than the text", summarize.Options{Sentences: 50}, 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum := mustSummarize(t, article, tc.opts)
			if got := len(sum.Sentences); got != tc.want {
				t.Errorf("got %d sentences, want %d", got, tc.want)
			}
			checkOffsets(t, article, sum)
		})
	}
}

func TestLeadTakesFirstSentences(t *testing.T) {
	sum := mustSummarize(t, article, summarize.Options{Algorithm: "lead", Sentences: 2})
	if got := []int{sum.Sentences[0].Index, sum.Sentences[1].Index}; !reflect.DeepEqual(got, []int{0, 1}) {
		t.Errorf("got indices %v, want [0 1]", got)
	}
}

func TestRatioOneKeepsDocumentOrder(t *testing.T) {
	sum := mustSummarize(t, article, summarize.Options{Ratio: 1})
	for i, s := range sum.Sentences {
		if s.Index != i {
			t.Fatalf("sentence %d has index %d, want %d", i, s.Index, i)
		}
	}
}

func TestWordBudget(t *testing.T) {
	for _, budget := range []int{1, 12, 25, 60} {
		sum := mustSummarize(t, article, summarize.Options{Words: budget})
		words := 0
		for _, s := range sum.Sentences {
			words += len(strings.Fields(s.Text))
		}
		if len(sum.Sentences) == 0 {
			t.Fatalf("budget %d: got an empty summary", budget)
		}
		if len(sum.Sentences) > 1 && words > budget {
			t.Errorf("budget %d: got %d words", budget, words)
		}
	}
}

// TestRankOrder checks that rank order is the order of the picks: the lede
// first for the learned algorithm, then best first.
func TestRankOrder(t *testing.T) {
	sum := mustSummarize(t, article, summarize.Options{Sentences: 4, Order: "rank"})
	if sum.Sentences[0].Index != 0 {
		t.Errorf("got sentence %d first, want the lede", sum.Sentences[0].Index)
	}
	for i := 2; i < len(sum.Sentences); i++ {
		if sum.Sentences[i].Score > sum.Sentences[i-1].Score {
			t.Errorf("score %d is %v, above the previous %v", i, sum.Sentences[i].Score, sum.Sentences[i-1].Score)
		}
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opts summarize.Options
		want string
	}{
		{"algorithm", summarize.Options{Algorithm: "magic"}, "algorithm must be one of"},
		{"language", summarize.Options{Language: "xx"}, "is not a language code the detector knows"},
		{"two lengths", summarize.Options{Sentences: 2, Ratio: 0.5}, "at most one"},
		{"negative sentences", summarize.Options{Sentences: -1}, "sentences must be between 1 and 500"},
		{"too many sentences", summarize.Options{Sentences: 501}, "sentences must be between 1 and 500"},
		{"ratio", summarize.Options{Ratio: 1.5}, "ratio must be"},
		{"words", summarize.Options{Words: -3}, "words must be between"},
		{"order", summarize.Options{Order: "random"}, "order must be"},
		{"keywords", summarize.Options{Keywords: 1000}, "keywords must be between 0 and 100"},
		{"blend picks", summarize.Options{Model: &summarize.Model{
			Short: make([]float64, summarize.NumFeatures), Long: make([]float64, summarize.NumFeatures),
			ShortShare: 0.1, LongShare: 0.4, ShortPicks: 5, LongPicks: 3,
		}}, "ShortPicks < LongPicks"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := summarize.Summarize(article, tc.opts)
			if !errors.Is(err, summarize.ErrInvalidOptions) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one wrapping ErrInvalidOptions that says %q", err, tc.want)
			}
		})
	}
}

func TestEmptyText(t *testing.T) {
	for _, text := range []string{"", "   \n\n "} {
		if _, err := summarize.Summarize(text, summarize.Options{}); !errors.Is(err, summarize.ErrEmptyText) {
			t.Errorf("Summarize(%q): got %v, want ErrEmptyText", text, err)
		}
	}
}

func TestShortTexts(t *testing.T) {
	for _, text := range []string{"One sentence only.", "no stop at all", "Hi. Ok."} {
		for _, algo := range summarize.Algorithms() {
			sum := mustSummarize(t, text, summarize.Options{Algorithm: algo})
			if len(sum.Sentences) == 0 {
				t.Errorf("%s on %q: got an empty summary", algo, text)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	first := mustSummarize(t, article, summarize.Options{Sentences: 3})
	for range 20 {
		if got := mustSummarize(t, article, summarize.Options{Sentences: 3}); !reflect.DeepEqual(got, first) {
			t.Fatalf("got %+v, want %+v", got, first)
		}
	}
}

func TestLanguages(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "The government announced new measures on Tuesday. They will take effect next month. Critics say they are not enough."},
		{"de", "Die Regierung hat am Dienstag neue Maßnahmen angekündigt. Sie treten im nächsten Monat in Kraft. Kritiker sagen, dass sie nicht ausreichen."},
		{"fr", "Le gouvernement a annoncé de nouvelles mesures mardi. Elles entreront en vigueur le mois prochain. Les critiques disent qu'elles ne suffisent pas."},
		{"es", "El gobierno anunció nuevas medidas el martes. Entrarán en vigor el próximo mes. Los críticos dicen que no son suficientes."},
		{"it", "Il governo ha annunciato nuove misure martedì. Entreranno in vigore il mese prossimo. I critici dicono che non sono sufficienti."},
		{"pt", "O governo anunciou novas medidas na terça-feira. Elas entram em vigor no próximo mês. Os críticos dizem que não são suficientes."},
		{"nl", "De regering heeft dinsdag nieuwe maatregelen aangekondigd. Ze gaan volgende maand in. Critici zeggen dat ze niet genoeg zijn."},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			sum := mustSummarize(t, tc.text, summarize.Options{Sentences: 2})
			if sum.Language != tc.lang {
				t.Errorf("detected %q, want %q", sum.Language, tc.lang)
			}
			if len(sum.Sentences) != 2 || len(sum.Keywords) == 0 {
				t.Errorf("got %d sentences and %d keywords, want 2 and some", len(sum.Sentences), len(sum.Keywords))
			}
		})
	}
}

func TestFormatsEscape(t *testing.T) {
	text := "Officials found <script>alert(1)</script> in the page. The page was fixed *quickly*."
	sum := mustSummarize(t, text, summarize.Options{Ratio: 1})
	if h := sum.HTML(); strings.Contains(h, "<script>") || !strings.Contains(h, "&lt;script&gt;") {
		t.Errorf("HTML did not escape the script tag: %s", h)
	}
	if md := sum.Markdown(); !strings.Contains(md, `\*quickly\*`) || !strings.HasPrefix(md, "- ") {
		t.Errorf("got Markdown %q, want bullets with * escaped", md)
	}
	if got := strings.Count(sum.Text(), "\n"); got != 2 {
		t.Errorf("got %d lines of text, want 2", got)
	}
	data, err := json.Marshal(sum)
	if err != nil || !strings.Contains(string(data), `"sentences":[{"index":0,"start":0`) {
		t.Errorf("got JSON %s (%v), want index/start fields", data, err)
	}
}

func TestMarkdownEscapesOnlyMarkup(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"plain punctuation", "Mr. Smith (AP) said: wow! {ok} 3.5% - fine + more.", "Mr. Smith (AP) said: wow! {ok} 3.5% - fine + more."},
		{"emphasis", "It was *very* _bad_.", `It was \*very\* \_bad\_.`},
		{"code and links", "Run `ls` at [home](x).", "Run \\`ls\\` at \\[home\\](x)."},
		{"html", "Found <script>alert(1)</script> here.", `Found \<script\>alert(1)\</script\> here.`},
		{"heading and table", "# 1 | 2", `\# 1 \| 2`},
		{"backslash", `A \ B`, `A \\ B`},
		{"leading dash", "- not a list", `\- not a list`},
		{"leading minus", "-5 degrees", `\-5 degrees`},
		{"leading plus", "+ not a list", `\+ not a list`},
		{"leading number dot", "2024. A year.", `2024\. A year.`},
		{"leading number paren", "3) Third.", `3\) Third.`},
		{"number without marker", "12 apples. 3) later", "12 apples. 3) later"},
		{"digits then letters", "3a. Note.", "3a. Note."},
		{"line breaks folded", "One\n- two", "One - two"},
		{"entities", "An &amp; entity, &nbsp;, &#39; and &#x2014; stay.", `An \&amp; entity, \&nbsp;, &\#39; and &\#x2014; stay.`},
		{"plain ampersands", "Marks & Spencer, AT&T and R&D &c.", "Marks & Spencer, AT&T and R&D &c."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum := &summarize.Summary{Sentences: []summarize.Sentence{{Text: tc.text}}}
			if got, want := sum.Markdown(), "- "+tc.want+"\n"; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestLongInputStaysLinear(t *testing.T) {
	long := strings.Repeat(article+" ", 300)
	sum := mustSummarize(t, long, summarize.Options{Sentences: 5})
	if len(sum.Sentences) != 5 {
		t.Errorf("got %d sentences, want 5", len(sum.Sentences))
	}
}

func mustSummarize(t *testing.T, text string, opts summarize.Options) *summarize.Summary {
	t.Helper()
	sum, err := summarize.Summarize(text, opts)
	if err != nil {
		t.Fatalf("Summarize: %v", err)
	}
	return sum
}

func checkOffsets(t *testing.T, text string, sum *summarize.Summary) {
	t.Helper()
	for _, s := range sum.Sentences {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: text[%d:%d] is %q, want %q", s.Index, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
	}
}

// cnndmArticles returns the articles of the CNN/DM dev file.
func cnndmArticles(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(shareddata.Path(tb, "cnndm-test-dev.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var out []string
	for sc.Scan() {
		var row struct{ Article string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatal(err)
		}
		out = append(out, row.Article)
	}
	return out
}

func TestLeansOnPrevious(t *testing.T) {
	tests := []struct {
		lang, s string
		want    bool
	}{
		{"en", "He was accompanied by his wife.", true},
		{"en", "`` but mr balls said no . ''", true},
		{"en", "the 26-year-old rides for sky .", true},
		{"en", "The pair met in 2010.", true},
		{"en", "The council approved the budget.", false},
		{"en", "Heathrow is busy.", false},
		{"en", "US officials said the deal would hold.", false},
		{"en", "Us too, they said.", true},
		{"en", "Many of them were children.", true},
		{"en", "Some were never found.", true},
		{"en", "Most said they would return.", true},
		{"en", "Many people were evacuated.", false},
		{"en", "All flights were cancelled.", false},
		{"en", "Others stayed behind.", true},
		{"en", "Another man was arrested.", true},
		{"en", "As a result, the bridge closed.", true},
		{"en", "As shops reopened, crowds returned.", false},
		{"en", "In addition, two schools shut.", true},
		{"en", "In fact, nobody knew.", true},
		{"en", "In factories across the north, work stopped.", false},
		{"en", "In March the river rose.", false},
		{"en", "For example, rents doubled.", true},
		{"en", "For years the road was closed.", false},
		{"en", "On the other hand, prices fell.", true},
		{"en", "On the other side of the river, homes flooded.", false},
		{"en", "At the same time, talks resumed.", true},
		{"en", "After that, the crowd left.", true},
		{"en", "After the storm, the crowd left.", false},
		{"en", "Of course, the plan failed.", true},
		{"en", "`` in addition , we will pay , '' he said .", true},
		{"de", "Er sagte nichts.", true},
		{"de", "Der Rat stimmte zu.", false},
		{"fr", "Mais le maire a refusé.", true},
		{"es", "Pero el alcalde dijo que no.", true},
		{"zz", "He said so.", false},
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			if got := summarize.LeansOnPrevious(tc.s, tc.lang); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// wireStory opens with a section label and a headline, and carries a
// timestamp, as wire copy pasted into the newsroom does.
const wireStory = "Administration\nCouncil approves budget after months of debate\n\n" + article + "\n\nUpdated: 6:34 p.m."

func TestOnlySentencesAreSummarized(t *testing.T) {
	for _, opts := range []summarize.Options{{}, {Sentences: 3}, {Words: 30}, {Algorithm: "textrank"}, {Algorithm: "lead"}, {Ratio: 0.5}} {
		sum := mustSummarize(t, wireStory, opts)
		for _, s := range sum.Sentences {
			if s.Kind != summarize.KindSentence {
				t.Errorf("%+v: got a %s unit %q in the summary, want only sentences", opts, s.Kind, s.Text)
			}
		}
	}
}

func TestRatioOneReturnsEveryUnit(t *testing.T) {
	sum := mustSummarize(t, wireStory, summarize.Options{Ratio: 1})
	var kinds []string
	for _, s := range sum.Sentences {
		kinds = append(kinds, s.Kind)
	}
	want := []string{"heading", "heading", "sentence", "sentence", "sentence", "sentence", "sentence", "sentence", "sentence", "timestamp"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("got kinds %v, want %v", kinds, want)
	}
	checkOffsets(t, wireStory, sum)
}

// story has a lede, a sentence that leans on it, and body sentences.
const story = "The city council approved a new budget on Monday after months of debate. " +
	"It raises spending on schools by ten percent and cuts road repairs. " +
	"Council members said the vote on the budget was close. " +
	"But critics argued that the budget ignores road repairs entirely. " +
	"The mayor praised the council for its work on the budget. " +
	"Road repairs on the budget will be discussed again next year. " +
	"Residents can read the full budget online."

func TestLongerSummariesOnlyAddSentences(t *testing.T) {
	for _, algo := range summarize.Algorithms() {
		t.Run(algo, func(t *testing.T) {
			prev := []summarize.Sentence{}
			for k := 1; k <= 7; k++ {
				sum := mustSummarize(t, story, summarize.Options{Algorithm: algo, Sentences: k, Order: summarize.OrderRank})
				if !reflect.DeepEqual(sum.Sentences[:len(prev)], prev) {
					t.Fatalf("k=%d: got %v, want it to begin with the k-1 summary %v", k, sum.Sentences, prev)
				}
				prev = sum.Sentences
			}
			all := mustSummarize(t, story, summarize.Options{Algorithm: algo, Ratio: 1})
			for _, s := range prev {
				if got := all.Sentences[s.Index].Score; got != s.Score {
					t.Errorf("sentence %d: got score %v with ratio 1, want %v as in the 7-sentence summary", s.Index, got, s.Score)
				}
			}
		})
	}
}

func TestLedeIsKept(t *testing.T) {
	for _, opts := range []summarize.Options{{Sentences: 1}, {Sentences: 3}, {Ratio: 0.5}, {Words: 20}} {
		sum := mustSummarize(t, story, opts)
		if sum.Sentences[0].Index != 0 {
			t.Errorf("%+v: got first sentence %d, want the lede", opts, sum.Sentences[0].Index)
		}
	}
	if sum := mustSummarize(t, story, summarize.Options{Words: 11}); sum.Sentences[0].Index == 0 {
		t.Errorf("a budget of 11 words got the 13-word lede")
	}
}

// tokenizedBylineBlock opens as older Daily Mail stories of the tokenized
// CNN/DM corpus do: a byline and publication stamps split into units.
const tokenizedBylineBlock = "by . daily mail reporter and associated press reporter . published : . " +
	"12:34 est , 3 march 2014 . | . updated : . 13:45 est , 3 march 2014 . " +
	"a man who stole a bus from a depot in leeds drove it for 40 miles before police stopped him , officers said . " +
	"he was arrested on suspicion of theft and dangerous driving . " +
	"west yorkshire police said nobody was hurt in the incident , which happened on sunday night . " +
	"the bus company said it would review security at the depot ."

func TestLedeIsTheStoryAfterABylineBlock(t *testing.T) {
	sum := mustSummarize(t, tokenizedBylineBlock, summarize.Options{Sentences: 3})
	if got, want := sum.Sentences[0].Text, "a man who stole a bus"; !strings.HasPrefix(got, want) {
		t.Errorf("got lede %q, want the story's first sentence %q…", got, want)
	}
	for _, s := range sum.Sentences {
		if s.Kind != summarize.KindSentence || strings.Contains(s.Text, "reporter") || strings.Contains(s.Text, "2014") {
			t.Errorf("got %s unit %q in the summary, want none of the byline block", s.Kind, s.Text)
		}
	}
}

func TestNoOrphanedReferences(t *testing.T) {
	for _, algo := range []string{"learned", "textrank", "lexrank"} {
		for k := 1; k <= 6; k++ {
			sum := mustSummarize(t, story, summarize.Options{Algorithm: algo, Sentences: k})
			in := map[int]bool{}
			for _, s := range sum.Sentences {
				in[s.Index] = true
			}
			for _, s := range sum.Sentences {
				if s.Index > 0 && summarize.LeansOnPrevious(s.Text, "en") && !in[s.Index-1] {
					t.Errorf("%s k=%d: got %q without the sentence before it", algo, k, s.Text)
				}
			}
		}
	}
}

func TestKeywordsOnlyWhenAsked(t *testing.T) {
	tests := []struct {
		name      string
		keywords  int
		wantJSON  bool
		wantHTML  bool
		wantCount int
	}{
		{"default", 0, true, false, summarize.DefaultKeywords},
		{"asked", 3, true, true, 3},
		{"none", summarize.NoKeywords, false, false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum := mustSummarize(t, story, summarize.Options{Keywords: tc.keywords})
			if got := len(sum.Keywords); got != tc.wantCount && !(tc.wantJSON && got > 0 && got <= tc.wantCount) {
				t.Errorf("got %d keywords, want %d", got, tc.wantCount)
			}
			if got := strings.Contains(sum.HTML(), `class="keywords"`); got != tc.wantHTML {
				t.Errorf("got keywords in HTML %v, want %v", got, tc.wantHTML)
			}
			if got := strings.Contains(sum.Text(), "\nKey phrases: "); got != tc.wantHTML {
				t.Errorf("got keywords in text %v, want %v:\n%s", got, tc.wantHTML, sum.Text())
			}
			if got := strings.Contains(sum.Markdown(), "\n**Key phrases:** "); got != tc.wantHTML {
				t.Errorf("got keywords in Markdown %v, want %v:\n%s", got, tc.wantHTML, sum.Markdown())
			}
			if tc.wantHTML && !strings.HasSuffix(sum.Text(), "Key phrases: "+sum.Keywords[0].Text+"; "+sum.Keywords[1].Text+"; "+sum.Keywords[2].Text+"\n") {
				t.Errorf("text does not end with the 3 key phrases %v:\n%s", sum.Keywords, sum.Text())
			}
		})
	}
}

// A summary of changes asks for key phrases as a summary does, and says
// which language it was made in even when nothing is new.
func TestChangesKeywordsAndLanguage(t *testing.T) {
	changes := []summarize.Change{{Index: 0, Text: "Rescue teams from three regions searched the flooded valley for survivors on Tuesday."}}
	for _, tc := range []struct {
		keywords int
		want     bool
	}{{0, true}, {summarize.NoKeywords, false}, {2, true}} {
		sum, err := summarize.Changes(changes, summarize.Options{Keywords: tc.keywords})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(sum.Keywords) > 0; got != tc.want {
			t.Errorf("keywords %d: got %d key phrases, want some: %v", tc.keywords, len(sum.Keywords), tc.want)
		}
		if got := strings.Contains(sum.HTML(), `class="keywords"`); got != (tc.keywords > 0) {
			t.Errorf("keywords %d: got key phrases in HTML %v", tc.keywords, got)
		}
	}
	copyEdit := []summarize.Change{{Index: 0, Text: "Its rivers rose.", OldText: "It's rivers rose."}}
	for _, tc := range []struct {
		opts         summarize.Options
		lang, source string
	}{
		{summarize.Options{}, "en", summarize.SourceDefault},
		{summarize.Options{DefaultLanguage: "de"}, "de", summarize.SourceDefault},
		{summarize.Options{FallbackLanguage: "sv"}, "sv", summarize.SourceFallback},
		{summarize.Options{Language: "fr"}, "fr", summarize.SourceRequested},
	} {
		sum, err := summarize.Changes(copyEdit, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Sentences) != 0 || sum.Language != tc.lang || sum.LanguageSource != tc.source || sum.Supported != summarize.Supported(tc.lang) {
			t.Errorf("%+v: got %d sentences, language %q from %q (supported %v), want none, %q from %q",
				tc.opts, len(sum.Sentences), sum.Language, sum.LanguageSource, sum.Supported, tc.lang, tc.source)
		}
	}
}

func TestKeyPhrasesKeepNumbersWhole(t *testing.T) {
	src := "The council will say whether Trump visits. Fuel costs 7,40 euros a litre at 16.00 today. " +
		"The plan costs £15 million. The council will say whether Trump visits the harbour. Harbour traffic grew."
	sum := mustSummarize(t, src, summarize.Options{Keywords: 20})
	for _, k := range sum.Keywords {
		words := strings.Fields(k.Text)
		first, last := strings.ToLower(words[0]), strings.ToLower(words[len(words)-1])
		switch {
		case strings.ContainsAny(k.Text, "0123456789"), k.Text == "million", k.Text == "euros", k.Text == "euros a litre":
			t.Errorf("got key phrase %q, a piece of a number", k.Text)
		case first == "say" || first == "whether" || last == "say" || last == "whether":
			t.Errorf("got key phrase %q, which starts or ends on a clause fragment", k.Text)
		}
	}
}

// A name written with an apostrophe is one word of a key phrase: its
// capital letter before the apostrophe is never cut off or left alone.
func TestKeyPhrasesKeepApostropheNamesWhole(t *testing.T) {
	src := "Singer Sinead O'Connor has died at the age of 56, her family said. O'Connor rose to fame in 1990. " +
		"Tributes to O’Connor came from around the world. Fans of D'Angelo, the soul singer, gathered in Dublin."
	sum := mustSummarize(t, src, summarize.Options{Keywords: 20})
	got := map[string]bool{}
	for _, k := range sum.Keywords {
		got[k.Text] = true
		words := strings.Fields(k.Text)
		if last := words[len(words)-1]; last == "O" || last == "D" || k.Text == "Connor" || k.Text == "Angelo" || strings.HasSuffix(k.Text, " Connor") && !strings.HasSuffix(k.Text, "O'Connor") {
			t.Errorf("got key phrase %q, a name cut at its apostrophe", k.Text)
		}
	}
	for _, want := range []string{"Singer Sinead O'Connor", "D'Angelo"} {
		if !got[want] {
			t.Errorf("got key phrases %v, want %q among them", sum.Keywords, want)
		}
	}
	if !got["O'Connor"] && !got["O’Connor"] {
		t.Errorf("got key phrases %v, want O'Connor among them", sum.Keywords)
	}
}

// English key phrases neither start nor end on a verb, an adverb or a
// function word that the stop-word list leaves among the content words,
// while participles and gerunds that describe a noun stay.
func TestEnglishKeyPhraseEdges(t *testing.T) {
	tests := []struct {
		text string
		want []string // the phrases, every one of them
	}{
		{"The Senate on Friday passed the bill.", []string{"Senate", "Friday", "bill"}},
		{"Last year operating profits fell.", []string{"operating profits"}},
		{"Later Boeing apologised publicly.", []string{"Boeing"}},
		{"However Nasdaq shares slipped.", []string{"Nasdaq shares"}},
		{"The aim was to reduce poverty.", []string{"aim", "poverty"}},
		{"The proposed merger of skilled workers' unions.", []string{"proposed merger", "skilled workers", "unions"}},
		{"Aid went to developing countries.", []string{"Aid", "developing countries"}},
		{"China remains cautious. GM expects more.", []string{"China", "cautious", "GM"}},
		{"Rosneft faces the court.", []string{"Rosneft", "court"}},
		{"The firm, by cutting corporate tax, lured banks.", []string{"firm", "corporate tax", "banks"}},
		{"Three top executives resigned.", []string{"top executives"}},
		{"Rates rose for five months in a row.", []string{"Rates", "row"}},
		{"The group, which pushed claims, lost.", []string{"group", "claims"}},
		{"They found insufficient evidence.", []string{"insufficient evidence"}},
		{"Majority leader Tom Reed spoke.", []string{"Majority leader", "Tom Reed"}},
		{"The Polar Express uses motion capture. Drug use fell.", []string{"Polar Express", "motion capture", "Drug use"}},
		{"The Yukos claims were heard. Investors sued Yukos.", []string{"Yukos claims", "Investors", "Yukos"}},
		{"Another album followed. Every Arsenal player agreed.", []string{"album", "Arsenal player"}},
		{"The deal comes amid talks.", []string{"deal", "talks"}},
		{"Gerrard put Liverpool in front.", []string{"Gerrard", "Liverpool", "front"}},
		{"The committee receiving four bids.", []string{"committee", "bids"}},
		{"The coach delivering that message.", []string{"coach", "message"}},
		{"The coach replacing Denis Leamy.", []string{"coach", "Denis Leamy"}},
		{"A virus disguising itself.", []string{"virus"}},
		{"Spurlock set out to eat.", []string{"Spurlock"}},
		{"Other films generating interest.", []string{"films", "interest"}},
		{"Moya winning both rubbers helped. The Balco doping scandal grew.", []string{"Moya", "rubbers", "Balco doping scandal"}},
		{"It could lead to Turkey reneging on reforms. Music downloading rose.", []string{"Turkey", "reforms", "Music downloading"}},
		{"Figures on TV viewing fell. The Spurs sporting director quit.", []string{"Figures", "TV viewing", "Spurs sporting director"}},
		{"Premiership teams face difficult games. The oil price rise worried traders.", []string{"Premiership teams", "difficult games", "oil price rise", "traders"}},
		{"The sites rarely use advertising.", []string{"sites", "advertising"}},
		{"The government already collects accurate figures.", []string{"government", "accurate figures"}},
		{"Software which turns colours into notes.", []string{"Software", "colours", "notes"}},
		{"Tourists who visit Cuba.", []string{"Tourists", "Cuba"}},
		{"We didn't play tennis. I'll play chess.", []string{"tennis", "chess"}},
		{"Unfortunately England lost.", []string{"England"}},
		{"Sales - profits rose.", []string{"Sales", "profits"}},
		{"The mobile game tie-in sold. The re-election campaign began.", []string{"mobile game", "campaign"}},
		{"Chelsea left-back Wayne Bridge. Other well-known albums.", []string{"Chelsea left-back", "Wayne Bridge", "well-known albums"}},
		{"He won by using gaming consoles. The show of spring flowers.", []string{"gaming consoles", "show", "spring flowers"}},
		{"A box set featuring 68 tracks.", []string{"box set"}},
		{"The award reinforces what we did. Spyware watches everything.", []string{"award", "Spyware"}},
		{"The Lions call-ups surprised fans.", []string{"Lions call-ups", "fans"}},
		{"The RBS Six Nations began. He joined BBC Radio Five.", []string{"RBS Six Nations", "BBC Radio Five"}},
		{"Those people download films.", []string{"people", "films"}},
		{"Fans arrived by morning train.", []string{"Fans", "morning train"}},
		{"The US economy grew. Let us go.", []string{"US economy"}},
		{"On Friday - Three Burkina Faso soldiers died.", []string{"Friday", "Burkina Faso soldiers"}},
		{"Militants from inside Afghanistan fired. Crowds gathered outside Parliament.", []string{"Militants", "Afghanistan", "Crowds", "Parliament"}},
		{"Prime Minister Vojislav Kotunica spoke.", []string{"Prime Minister", "Vojislav Kotunica"}},
		{"Venezuelan President Hugo Chavez spoke.", []string{"Venezuelan President", "Hugo Chavez"}},
	}
	for _, tc := range tests {
		if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
			t.Errorf("%q: key phrases %q, want %q", tc.text, got, want)
		}
	}
}

// sortedKeyPhrases returns the key phrases of text in lang, in byte order.
func sortedKeyPhrases(t *testing.T, lang, text string) []string {
	t.Helper()
	sum := mustSummarize(t, text, summarize.Options{Language: lang, Keywords: 20, Sentences: 1})
	var got []string
	for _, k := range sum.Keywords {
		got = append(got, k.Text)
	}
	return sorted(got)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// The other supported languages' key phrases start and end on no
// preposition, number word, word of time, auxiliary or modal; German ones
// end on a noun; a word after an auxiliary, a Spanish, Portuguese or
// Italian simple past or future, a plural's verb in French, Spanish,
// Italian or Portuguese, and a Dutch verb that ends its clause are verbs.
// Swedish, which has no stop words here, keeps its runs whole.
func TestOtherKeyPhraseEdges(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"de", "Kritiker bemängeln die Pläne. Der Haushalt steigt um zehn Prozent.", []string{"Kritiker", "Pläne", "Haushalt", "Prozent"}},
		{"de", "Der Stadtrat hat den neuen Haushalt beschlossen.", []string{"Stadtrat", "neuen Haushalt"}},
		{"de", "Die Opposition kündigte Widerstand an.", []string{"Opposition", "Widerstand"}},
		{"fr", "Les syndicats de cheminots perturbe le trafic.", []string{"syndicats", "cheminots", "trafic"}},
		{"it", "Le scuole resteranno chiuse lunedì.", []string{"scuole", "chiuse"}},
		{"it", "Forti piogge, costringendo oltre cinquemila persone.", []string{"Forti piogge", "costringendo", "cinquemila persone"}},
		{"pt", "O governo anunciou nesta sexta um pacote.", []string{"governo", "pacote"}},
		{"es", "El ayuntamiento aprobó presupuestos nuevos.", []string{"ayuntamiento", "presupuestos nuevos"}},
		{"nl", "De oppositie kondigde verzet aan. Milieudefensie sprak van een druppel.", []string{"oppositie", "verzet", "Milieudefensie", "druppel"}},
		{"nl", "Zij kocht het grote huis.", []string{"grote huis"}},
		{"nl", "Het kabinet heeft een klimaatplan van twaalf euro gepresenteerd. De gezondheid telt.", []string{"kabinet", "klimaatplan", "euro", "gezondheid"}},
		{"fr", "Les usagers sont invités à reporter leurs déplacements.", []string{"usagers", "déplacements"}},
		{"fr", "Le prix élevé de l'essence. Les Jeux olympiques commencent.", []string{"prix élevé", "essence", "Jeux olympiques"}},
		{"de", "Neue strenge Regeln gelten ab Montag.", []string{"Neue strenge Regeln"}},
		{"fr", "Le conseil a adopté lundi un nouveau budget après des mois de débats.", []string{"conseil", "nouveau budget", "débats"}},
		{"es", "El alcalde agradeció el nuevo presupuesto tras meses de debate.", []string{"alcalde", "nuevo presupuesto", "debate"}},
		{"pt", "A câmara municipal aprovou o orçamento.", []string{"câmara municipal", "orçamento"}},
		{"it", "Le osservazioni inviate durante la consultazione.", []string{"osservazioni inviate", "consultazione"}},
		{"fr", "Les critiques estiment que le nouveau budget est trop faible.", []string{"critiques", "nouveau budget", "faible"}},
		{"fr", "Les accords commerciaux restent fragiles.", []string{"accords commerciaux", "fragiles"}},
		{"es", "Los críticos sostienen que el plan fracasará.", []string{"críticos", "plan"}},
		{"es", "Los precios altos preocupan a los vecinos.", []string{"precios altos", "vecinos"}},
		{"it", "I critici sostengono che il piano fallirà.", []string{"critici", "piano"}},
		{"it", "Il consiglio approvò il bilancio.", []string{"consiglio", "bilancio"}},
		{"pt", "Os críticos afirmam que o plano vai falhar.", []string{"críticos", "plano"}},
		{"nl", "Hij zei dat de minister de belasting verhoogt.", []string{"minister", "belasting"}},
		{"nl", "Volgens de krant heeft de raad gisteren de begroting goedgekeurd.", []string{"krant", "raad", "begroting"}},
		{"nl", "Het werd de grote begroting.", []string{"grote begroting"}},
		{"sv", "Kritiker säger att planen höjer skatterna", []string{"Kritiker säger att"}},
	}
	for _, tc := range tests {
		got, want := sortedKeyPhrases(t, tc.lang, tc.text), sorted(tc.want)
		if tc.lang == "sv" {
			if !slices.Contains(got, tc.want[0]) {
				t.Errorf("%s %q: key phrases %q, want the run %q whole", tc.lang, tc.text, got, tc.want[0])
			}
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s %q: key phrases %q, want %q", tc.lang, tc.text, got, want)
		}
	}
}

// A key phrase is shown as a sentence writes it, not with the capital a
// sentence opened with, while a name keeps its capitals.
func TestKeyPhraseCaseFromInsideASentence(t *testing.T) {
	src := "Rescue teams reached the flooded valley on Monday. The governor thanked the rescue teams. " +
		"Emilio Botin visited the valley. Local farmers met Emilio Botin at noon. Rescue teams stayed overnight."
	sum := mustSummarize(t, src, summarize.Options{Keywords: 20})
	var texts []string
	for _, k := range sum.Keywords {
		texts = append(texts, k.Text)
	}
	for _, want := range []string{"rescue teams", "Emilio Botin"} {
		if !slices.Contains(texts, want) {
			t.Errorf("key phrases %q lack %q", texts, want)
		}
	}
	if slices.Contains(texts, "Rescue teams") {
		t.Errorf("key phrases %q show a sentence's opening capital", texts)
	}
}

// A correction notice appended without the body fixed takes a figure back:
// no summary repeats it, whatever its length, while a figure the notice
// does not take back stays a candidate.
func TestSummaryLeavesOutWhatACorrectionTakesBack(t *testing.T) {
	body := "A magnitude 6.8 earthquake struck southern Turkey before dawn on Tuesday, killing at least 112 people, officials said.\n\n" +
		"The quake hit at 4:17 a.m. local time near the city of Antakya, according to the national disaster agency.\n\n" +
		"Rescue teams were searching at least 60 collapsed buildings, the agency said.\n\n" +
		"The governor of Hatay province said hospitals were treating 310 injured people.\n\n" +
		"Schools across the province will remain closed until Friday.\n\n"
	tests := []struct {
		name, notice, takenBack string
	}{
		{"another figure after it", "Correction: An earlier version of this article said the quake struck at 4:17 a.m. It struck at 3:17 a.m. local time.", "4:17"},
		{"not before it", "This article has been corrected to show that at least 80 buildings were searched, not 60.", "60"},
		{"not before a figure the body repeats", "Correction: The governor said 310 people were injured, not 150.", "150"},
		{"instead of before it", "Correction: At least 80 buildings were searched instead of 60.", "60"},
		{"instead of opening a sentence", "Correction: An earlier version of this article gave the wrong count. Instead of 60 buildings, at least 80 were searched.", "60"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := body + tc.notice
			for n := 1; n <= 6; n++ {
				sum, err := summarize.Summarize(src, summarize.Options{Sentences: n})
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range sum.Sentences {
					if strings.Contains(s.Text, tc.takenBack) && !strings.Contains(tc.notice, s.Text) {
						t.Errorf("sentences=%d: got %q, which repeats %s, taken back by the notice", n, s.Text, tc.takenBack)
					}
				}
			}
		})
	}
	sum, err := summarize.Summarize(body+"Correction: The governor said 310 people were injured, not 150.", summarize.Options{Sentences: 6})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, s := range sum.Sentences {
		found = found || strings.Contains(s.Text, "hospitals were treating 310")
	}
	if !found {
		t.Errorf("got %v, want the sentence with 310, which the notice confirms", sum.Sentences)
	}
}

// Correction notices in the other languages take figures back as the
// English ones do, by a negation before the figure or by a figure that
// the sentences after the notice's first replace; no summary of any
// length repeats it, and at six sentences every other body sentence is
// picked, so a notice missed would show.
func TestSummaryLeavesOutWhatACorrectionTakesBackInEachLanguage(t *testing.T) {
	tests := []struct {
		lang, notice, takenBack string
	}{
		{"fr", "Rectificatif\u00a0: l'ancien directeur avait été condamné à 14 ans de prison, et non 12.", "12 ans"},
		{"fr", "Cet article a été corrigé : une version précédente indiquait que 85 résidents avaient été évacués. Ils étaient 58.", "85 r"},
		{"de", "Berichtigung: Der frühere Leiter war zu 14 Jahren Haft verurteilt worden, nicht zu 12.", "12 Jahren"},
		{"de", "In einer früheren Fassung dieses Artikels hieß es, 85 Bewohner seien in Krankenhäuser gebracht worden. Es waren 58.", "85 B"},
		{"es", "Fe de erratas: el antiguo director había sido condenado a 14 años de prisión, no 12.", "12 años"},
		{"es", "Una versión anterior de esta nota decía que 85 residentes fueron trasladados. Fueron 58.", "85 r"},
		{"it", "Rettifica: l'ex direttore era stato condannato a 14 anni di carcere, non 12.", "12 anni"},
		{"it", "Una versione precedente di questo articolo indicava 85 ospiti trasferiti. Erano 58.", "85 o"},
		{"pt", "Correção: o antigo diretor tinha sido condenado a 14 anos de prisão, e não a 12.", "12 anos"},
		{"pt", "Uma versão anterior desta reportagem dizia que 85 residentes foram levados. Foram 58.", "85 r"},
		{"nl", "Rectificatie: de vroegere directeur werd veroordeeld tot 14 jaar cel, niet tot 12.", "12 jaar"},
		{"nl", "In een eerdere versie van dit artikel stond dat 85 bewoners werden overgebracht. Het waren 58.", "85 b"},
		{"fr", "Rectificatif\u00a0: l'ancien directeur avait été condamné à 14 ans de prison au lieu de 12.", "12 ans"},
		{"de", "Berichtigung: Der frühere Leiter war zu 14 Jahren Haft verurteilt worden statt zu 12.", "12 Jahren"},
		{"de", "Berichtigung: Der frühere Leiter war zu 14 Jahren Haft verurteilt worden, anstatt zu 12.", "12 Jahren"},
		{"es", "Fe de erratas: el antiguo director había sido condenado a 14 años de prisión en lugar de 12.", "12 años"},
		{"es", "Fe de erratas: el antiguo director había sido condenado a 14 años de prisión en vez de a 12.", "12 años"},
		{"it", "Rettifica: l'ex direttore era stato condannato a 14 anni di carcere anziché 12.", "12 anni"},
		{"it", "Rettifica: l'ex direttore era stato condannato a 14 anni di carcere invece di 12.", "12 anni"},
		{"pt", "Correção: o antigo diretor tinha sido condenado a 14 anos de prisão em vez de 12.", "12 anos"},
		{"pt", "Correção: o antigo diretor tinha sido condenado a 14 anos de prisão em lugar de 12.", "12 anos"},
		{"nl", "Rectificatie: de vroegere directeur werd veroordeeld tot 14 jaar cel in plaats van 12.", "12 jaar"},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.notice, func(t *testing.T) {
			src := noticeBodies[tc.lang] + tc.notice
			for n := 1; n <= 6; n++ {
				sum, err := summarize.Summarize(src, summarize.Options{Sentences: n})
				if err != nil {
					t.Fatal(err)
				}
				if sum.Language != tc.lang {
					t.Fatalf("got language %s, want %s", sum.Language, tc.lang)
				}
				for _, s := range sum.Sentences {
					if strings.Contains(s.Text, tc.takenBack) && !strings.Contains(tc.notice, s.Text) {
						t.Errorf("sentences=%d: got %q, which repeats %q, taken back by the notice", n, s.Text, tc.takenBack)
					}
				}
			}
		})
	}
}

// noticeBodies are stories in six languages, each with a sentence on a
// director's sentence of 12 years and one on 85 residents evacuated.
var noticeBodies = map[string]string{
	"fr": "Un incendie a ravagé une maison de retraite de Lyon dans la nuit de lundi, faisant au moins 9 morts, selon les pompiers.\n\n" +
		"L'ancien directeur de l'établissement avait été condamné à 12 ans de prison en 2019 pour négligence.\n\n" +
		"Les secours ont évacué 85 résidents vers les hôpitaux de la région, a indiqué la préfecture.\n\n" +
		"Le maire de la ville a décrété une journée de deuil et ouvert un registre de condoléances.\n\n" +
		"Une enquête a été ouverte pour déterminer l'origine du feu, a précisé le parquet.\n\n",
	"de": "Ein Feuer hat in der Nacht zum Montag ein Pflegeheim in Köln zerstört, mindestens 9 Menschen starben, wie die Feuerwehr mitteilte.\n\n" +
		"Der frühere Leiter des Heims war 2019 wegen Fahrlässigkeit zu 12 Jahren Haft verurteilt worden.\n\n" +
		"Die Rettungskräfte brachten 85 Bewohner in Krankenhäuser der Region, teilte die Polizei mit.\n\n" +
		"Der Bürgermeister ordnete einen Trauertag an und ließ im Rathaus ein Kondolenzbuch auslegen.\n\n" +
		"Die Staatsanwaltschaft hat Ermittlungen zur Ursache des Brandes aufgenommen.\n\n",
	"es": "Un incendio arrasó una residencia de ancianos de Sevilla en la noche del lunes y causó al menos 9 muertos, según los bomberos.\n\n" +
		"El antiguo director del centro había sido condenado a 12 años de prisión en 2019 por negligencia.\n\n" +
		"Los servicios de emergencia trasladaron a 85 residentes a los hospitales de la región, informó la policía.\n\n" +
		"El alcalde decretó un día de luto y abrió un libro de condolencias en el ayuntamiento.\n\n" +
		"La fiscalía ha abierto una investigación para determinar el origen del fuego.\n\n",
	"it": "Un incendio ha distrutto una casa di riposo di Torino nella notte di lunedì, causando almeno 9 morti, secondo i vigili del fuoco.\n\n" +
		"L'ex direttore della struttura era stato condannato a 12 anni di carcere nel 2019 per negligenza.\n\n" +
		"I soccorritori hanno trasferito 85 ospiti negli ospedali della regione, ha riferito la prefettura.\n\n" +
		"Il sindaco ha proclamato una giornata di lutto e aperto un libro di condoglianze in municipio.\n\n" +
		"La procura ha aperto un'inchiesta per stabilire l'origine del rogo.\n\n",
	"pt": "Um incêndio destruiu um lar de idosos em Coimbra na noite de segunda-feira e causou pelo menos 9 mortos, segundo os bombeiros.\n\n" +
		"O antigo diretor do lar tinha sido condenado a 12 anos de prisão em 2019 por negligência.\n\n" +
		"As equipas de socorro levaram 85 residentes para os hospitais da região, informou a polícia.\n\n" +
		"O presidente da câmara decretou um dia de luto e abriu um livro de condolências.\n\n" +
		"O Ministério Público abriu um inquérito para apurar a origem do fogo.\n\n",
	"nl": "Een brand heeft in de nacht van maandag een verzorgingshuis in Utrecht verwoest, waarbij zeker 9 doden vielen, meldt de brandweer.\n\n" +
		"De vroegere directeur van het tehuis was in 2019 wegens nalatigheid veroordeeld tot 12 jaar cel.\n\n" +
		"De hulpdiensten brachten 85 bewoners naar ziekenhuizen in de regio, aldus de politie.\n\n" +
		"De burgemeester riep een dag van rouw uit en opende een condoleanceregister in het stadhuis.\n\n" +
		"Het openbaar ministerie is een onderzoek gestart naar de oorzaak van de brand.\n\n",
}

// A correction notice is one block for selection in each language: its
// first sentence leans on nothing, though its first word would ("This",
// "Dieser", "Este", "Questo", "Dit"), and the sentence after it in its
// paragraph leans on it, though no word of its own says so.
func TestCorrectionNoticeIsOneBlockInEachLanguage(t *testing.T) {
	dependent := slices.Index(summarize.FeatureNames(), "dependent_start")
	if dependent < 0 {
		t.Fatal("no feature dependent_start")
	}
	tests := []struct {
		lang, opener, rest string
	}{
		{"en", "This article has been corrected.", "The director was sentenced to 14 years, not 12."},
		{"fr", "Cet article a été corrigé.", "L'ancien directeur avait été condamné à 14 ans, et non 12."},
		{"de", "Dieser Artikel wurde korrigiert.", "Der frühere Leiter war zu 14 Jahren verurteilt worden, nicht zu 12."},
		{"es", "Este artículo ha sido corregido.", "El antiguo director fue condenado a 14 años, no 12."},
		{"it", "Questo articolo è stato corretto.", "L'ex direttore era stato condannato a 14 anni, non 12."},
		{"pt", "Este texto foi corrigido.", "O antigo diretor foi condenado a 14 anos, e não 12."},
		{"nl", "Dit artikel is gecorrigeerd.", "De vroegere directeur werd veroordeeld tot 14 jaar, niet 12."},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			body := noticeBodies[tc.lang]
			if tc.lang == "en" {
				body = "The director of the care home was jailed in 2019.\n\nThe fire killed 9 people.\n\n"
			}
			sents, rows, err := summarize.SentenceFeatures(body+tc.opener+" "+tc.rest, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]float64{tc.opener: 0, tc.rest: 1}
			for i, s := range sents {
				if w, ok := want[s.Text]; ok {
					if got := rows[i][dependent]; got != w {
						t.Errorf("%q: got dependent_start %v, want %v", s.Text, got, w)
					}
					delete(want, s.Text)
				}
			}
			if len(want) > 0 {
				t.Errorf("sentences %v not found in %v", want, sents)
			}
		})
	}
}
