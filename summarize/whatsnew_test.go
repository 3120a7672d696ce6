package summarize_test

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/summarize"
)

// update is a developing story's changes since the last newsletter: a new
// death toll (a changed number), a copy edit, an added sentence and a
// correction notice in two sentences.
var update = []summarize.Change{
	{Index: 0, Text: "At least 12 people died in the floods on Monday, officials said.", OldText: "At least 5 people died in the floods on Monday, officials said.", Facts: []string{"number"}},
	{Index: 2, Text: "Its rivers burst their banks after three days of rain.", OldText: "It's rivers burst their banks after three days of rain."},
	{Index: 4, Text: "Rescue teams from three regions are searching the valley for survivors.", OldText: ""},
	{Index: 6, Text: "Correction: an earlier version of this story misnamed the river.", Facts: []string{"correction"}},
	{Index: 7, Text: "It is the Severn, not the Wye."},
}

func TestChanges(t *testing.T) {
	tests := []struct {
		name      string
		opts      summarize.Options
		wantIndex []int
		wantWhy   []string
	}{
		{"most important change", summarize.Options{Sentences: 1}, []int{0}, []string{"fact"}},
		{"correction whole", summarize.Options{Sentences: 2}, []int{0, 6, 7}, []string{"fact", "fact", "added"}},
		{"default", summarize.Options{}, []int{0, 4, 6, 7}, []string{"fact", "added", "fact", "added"}},
		{"everything new", summarize.Options{Ratio: 1}, []int{0, 4, 6, 7}, []string{"fact", "added", "fact", "added"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum, err := summarize.Changes(update, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var idx []int
			var why []string
			for _, s := range sum.Sentences {
				idx, why = append(idx, s.Index), append(why, s.Why)
			}
			if !equalInts(idx, tc.wantIndex) || !equalStrings(why, tc.wantWhy) {
				t.Errorf("got sentences %v (%v), want %v (%v)", idx, why, tc.wantIndex, tc.wantWhy)
			}
		})
	}
}

// A sentence that holds several changed facts names the one that says why
// it is news: the count before the date it opens with, a notice before
// the figures it corrects, and a kind the order does not know after none.
func TestChangeNamesItsLeadingFact(t *testing.T) {
	tests := []struct {
		facts []string
		want  string
	}{
		{[]string{"date", "number"}, "number"},
		{[]string{"time", "quote"}, "quote"},
		{[]string{"date", "money", "negation"}, "negation"},
		{[]string{"number", "correction"}, "correction"},
		{[]string{"percent", "money"}, "money"},
		{[]string{"date"}, "date"},
		{[]string{"unit", "date"}, "date"},
		{[]string{"unit"}, "unit"},
	}
	for _, tc := range tests {
		c := summarize.Change{Index: 0, End: 60, Text: "On 20 August, gunmen opened fire in Theim, killing 16 people.", Facts: tc.facts}
		sum, err := summarize.Changes([]summarize.Change{c}, summarize.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Sentences) != 1 || sum.Sentences[0].Why != summarize.WhyFact || sum.Sentences[0].Fact != tc.want {
			t.Errorf("facts %v: got %+v, want one sentence with fact %q", tc.facts, sum.Sentences, tc.want)
		}
	}
}

func TestCopyEditIsNotNews(t *testing.T) {
	sum, err := summarize.Changes(update[1:2], summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Sentences) != 0 {
		t.Errorf("got %d sentences for a one-word copy edit, want none", len(sum.Sentences))
	}
}

// A sentence respelt only in another Unicode normalization (combining
// accents where the old text had precomposed letters) reads the same, so
// it is no news however many words it respells.
func TestRespeltSentenceIsNotNews(t *testing.T) {
	old := "Le café près de la gare a été fermé après la crue, a déclaré le préfet."
	respelt := strings.NewReplacer("é", "e\u0301", "è", "e\u0300").Replace(old)
	if respelt == old {
		t.Fatal("the test text holds no accent to respell")
	}
	sum, err := summarize.Changes([]summarize.Change{{Index: 0, Text: respelt, OldText: old}}, summarize.Options{Language: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Sentences) != 0 {
		t.Errorf("got %v for a sentence only respelt, want no news", sum.Sentences)
	}
}

// checkChangeIndexes checks which sentences, by index, a summary of
// changes with opts gives.
func checkChangeIndexes(t *testing.T, changes []summarize.Change, opts summarize.Options, want []int) {
	t.Helper()
	sum, err := summarize.Changes(changes, opts)
	if err != nil {
		t.Fatal(err)
	}
	var idx []int
	for _, s := range sum.Sentences {
		idx = append(idx, s.Index)
	}
	if !equalInts(idx, want) {
		t.Errorf("%+v: got sentences %v, want %v", opts, idx, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A change that leans on the change before it comes with it, and a
// correction notice ranks as a notice even when its second sentence holds
// a changed date: the new death toll stays the most important change.
func TestChangesKeepWhatTheyLeanOn(t *testing.T) {
	story := []summarize.Change{
		{Index: 1, Text: "At least 48 people were killed, the governor said.", OldText: "At least 12 people were killed, the governor said.", Facts: []string{"number"}},
		{Index: 3, Text: "Rescue teams were searching the port.", OldText: "Rescue teams are searching the port."},
		{Index: 6, Text: "Correction: an earlier version of this story said the quake struck on Sunday.", Facts: []string{"correction", "date"}},
		{Index: 7, Text: "It struck on Monday.", Facts: []string{"date"}},
		{Index: 9, Text: "The minister visited the valley on Tuesday."},
		{Index: 10, Text: "She said \"the dam will hold\" through the winter.", Facts: []string{"quote"}},
	}
	tests := []struct {
		opts      summarize.Options
		wantIndex []int
	}{
		{summarize.Options{Sentences: 1}, []int{1}},
		{summarize.Options{Sentences: 2}, []int{1, 9, 10}},
		{summarize.Options{Sentences: 3}, []int{1, 6, 7, 9, 10}},
		{summarize.Options{Ratio: 1}, []int{1, 6, 7, 9, 10}},
	}
	for _, tc := range tests {
		checkChangeIndexes(t, story, tc.opts, tc.wantIndex)
	}
}

// A change of a time or a date alone (a vote moved to Tuesday) ranks after
// changed counts and quotes and after a correction notice, and before
// changes with no changed fact.
func TestChangesRankDatesAfterOtherFacts(t *testing.T) {
	story := []summarize.Change{
		{Index: 0, Text: "The council will vote on the flood plan on Tuesday.", OldText: "The council will vote on the flood plan on Monday.", Facts: []string{"date"}},
		{Index: 2, Text: "Engineers inspected the dam again.", OldText: "Engineers inspected the dam."},
		{Index: 4, Text: "Correction: an earlier version of this story misnamed the river.", Facts: []string{"correction"}},
		{Index: 7, Text: "At least 16 people died in the floods, officials said.", OldText: "At least 12 people died in the floods, officials said.", Facts: []string{"number"}},
	}
	tests := []struct {
		opts      summarize.Options
		wantIndex []int
	}{
		{summarize.Options{Sentences: 1}, []int{7}},
		{summarize.Options{Sentences: 2}, []int{4, 7}},
		{summarize.Options{Sentences: 3}, []int{0, 4, 7}},
	}
	for _, tc := range tests {
		checkChangeIndexes(t, story, tc.opts, tc.wantIndex)
	}
}

// A change that leans on sentences that are not news ("He said…" after an
// unchanged "The governor spoke.") brings them as context: the one before
// it, and the one before that while they lean too, but never a sentence
// that is news itself, and a word budget counts them.
func TestChangesBringWhatTheyLeanOn(t *testing.T) {
	spoke := summarize.Context{Start: 0, End: 20, Text: "The governor spoke."}
	arrived := summarize.Context{Start: 0, End: 30, Text: "The governor arrived at noon."}
	then := summarize.Context{Start: 31, End: 55, Text: "She then spoke at length."}
	added := summarize.Change{Index: 2, Start: 51, End: 80, Text: "Rescue teams reached 3 ports.", Facts: []string{"number"}}
	tests := []struct {
		name    string
		changes []summarize.Change
		opts    summarize.Options
		want    map[int][]string // context of each sentence, by index
	}{
		{"leans on an unchanged sentence", []summarize.Change{
			{Index: 1, Start: 21, End: 50, Text: "He said 48 people were killed.", OldText: "He said 12 people were killed.", Facts: []string{"number"},
				Before: []summarize.Context{spoke}},
		}, summarize.Options{}, map[int][]string{1: {"The governor spoke."}}},
		{"stands alone", []summarize.Change{
			{Index: 1, Start: 21, End: 60, Text: "The governor said 48 people were killed.", Facts: []string{"number"},
				Before: []summarize.Context{spoke}},
		}, summarize.Options{}, map[int][]string{1: nil}},
		{"a chain of two", []summarize.Change{
			{Index: 2, Start: 56, End: 90, Text: "She said the dam would hold.", Before: []summarize.Context{arrived, then}},
		}, summarize.Options{}, map[int][]string{2: {"The governor arrived at noon.", "She then spoke at length."}}},
		{"news is not context", []summarize.Change{
			{Index: 0, Start: 0, End: 30, Text: "The governor arrived at noon.", OldText: "The governor arrived at ten in the morning."},
			{Index: 1, Start: 31, End: 55, Text: "She then spoke at length."},
			{Index: 3, Start: 80, End: 110, Text: "She said the dam would hold.",
				Before: []summarize.Context{{Start: 31, End: 55, Text: "She then spoke at length."}, {Start: 56, End: 79, Text: "It was cold."}}},
		}, summarize.Options{Ratio: 1}, map[int][]string{0: nil, 1: nil, 3: {"It was cold."}}},
		{"a quote that names its speaker ends the context", []summarize.Change{
			{Index: 5, Start: 200, End: 224, Text: "\"We have nowhere to go.\"", OldText: "\"We are sleeping in the car tonight.\"", Facts: []string{"quote"},
				Before: []summarize.Context{
					{Start: 60, End: 106, Text: "It was felt as far away as Cyprus and Lebanon."},
					{Start: 108, End: 199, Text: "\"We heard a roar and then everything fell,\" said Ayse Demir, 54, who escaped with her grandson."}}},
		}, summarize.Options{}, map[int][]string{5: {"\"We heard a roar and then everything fell,\" said Ayse Demir, 54, who escaped with her grandson."}}},
		{"a quotation brings the sentence that names its speaker", []summarize.Change{
			{Index: 5, Start: 200, End: 240, Text: "\"The lights went out across the town.\"", Facts: []string{"quote"},
				Before: []summarize.Context{
					{Start: 60, End: 106, Text: "It was felt as far away as Cyprus and Lebanon."},
					{Start: 108, End: 199, Text: "\"A roar shook the houses,\" said Ayse Demir, 54, who escaped with her grandson."}}},
		}, summarize.Options{}, map[int][]string{5: {"\"A roar shook the houses,\" said Ayse Demir, 54, who escaped with her grandson."}}},
		{"the rest of an open quotation brings its start", []summarize.Change{
			{Index: 5, Start: 200, End: 240, Text: "Nobody knew where to go.\"", Facts: []string{"quote"},
				Before: []summarize.Context{
					{Start: 60, End: 106, Text: "It was felt as far away as Cyprus and Lebanon."},
					{Start: 108, End: 199, Text: "Ayse Demir said: \"The lights went out."}}},
		}, summarize.Options{}, map[int][]string{5: {"Ayse Demir said: \"The lights went out."}}},
		{"a notice about the article leans on nothing", []summarize.Change{
			{Index: 9, Start: 300, End: 380, Text: "This article has been corrected to show that Reeve was sentenced to 14 years, not 12.", Facts: []string{"correction"},
				Before: []summarize.Context{
					{Start: 200, End: 260, Text: "Outside court, the daughter of one victim said the family would never forgive him."},
					{Start: 262, End: 298, Text: "It was the worst fire at a care home in the region for three decades."}}},
		}, summarize.Options{}, map[int][]string{9: nil}},
		{"a copy edit is context", []summarize.Change{
			{Index: 0, Start: 0, End: 20, Text: "The governor spoke.", OldText: "The Governor spoke."},
			{Index: 1, Start: 21, End: 50, Text: "He said 48 people were killed.", Facts: []string{"number"},
				Before: []summarize.Context{{Start: 0, End: 20, Text: "The governor spoke."}}},
		}, summarize.Options{}, map[int][]string{1: {"The governor spoke."}}},
		{"a word budget counts the context", []summarize.Change{
			{Index: 1, Start: 21, End: 50, Text: "He said the rescue teams had reached the port.", Before: []summarize.Context{arrived, then}},
			added,
		}, summarize.Options{Words: 15}, map[int][]string{2: nil}},
		{"a word budget that fits it", []summarize.Change{
			{Index: 1, Start: 21, End: 50, Text: "He said the rescue teams had reached the port.", Before: []summarize.Context{arrived, then}},
			added,
		}, summarize.Options{Words: 24}, map[int][]string{1: {"The governor arrived at noon.", "She then spoke at length."}, 2: nil}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum, err := summarize.Changes(tc.changes, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int][]string{}
			for _, s := range sum.Sentences {
				var texts []string
				for _, c := range s.Context {
					texts = append(texts, c.Text)
				}
				got[s.Index] = texts
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got sentences %v, want %v", got, tc.want)
			}
			for i, want := range tc.want {
				if g, ok := got[i]; !ok || !equalStrings(g, want) {
					t.Errorf("sentence %d: got context %q, want %q (all: %v)", i, got[i], want, got)
				}
			}
		})
	}
}

// Every format shows a change's context before it, escaped as the change is.
func TestContextInEveryFormat(t *testing.T) {
	sum, err := summarize.Changes([]summarize.Change{
		{Index: 1, Start: 30, End: 60, Text: "He said 48 <b>people</b> were killed.", Facts: []string{"number"},
			Before: []summarize.Context{{Start: 0, End: 29, Text: "The governor_spoke <at> noon."}}},
	}, summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	html := sum.HTML()
	html = html[:strings.Index(html, "</ul>")+len("</ul>\n")] // the summary, not its keywords
	for _, tc := range []struct{ format, got, want string }{
		{"text", sum.Text(), "The governor_spoke <at> noon. He said 48 <b>people</b> were killed.\n"},
		{"markdown", sum.Markdown(), `- _The governor\_spoke \<at\> noon._ He said 48 \<b\>people\</b\> were killed.` + "\n"},
		{"html", html, "<ul class=\"summary\">\n<li dir=\"auto\"><span class=\"context\">The governor_spoke &lt;at&gt; noon.</span> He said 48 &lt;b&gt;people&lt;/b&gt; were killed.</li>\n</ul>\n"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.format, tc.got, tc.want)
		}
	}
}

// An edit of a Chinese or Japanese sentence is news when it changes more
// than two of its words, each character counted as a word as the diff's
// stats count them: those scripts put no spaces between words, so the
// whole sentence is no single word. A one-character edit stays a copy
// edit.
func TestChangesInScriptsWithoutSpaces(t *testing.T) {
	changes := []summarize.Change{
		{Index: 1, Text: "当局表示，已有两百名救援人员抵达现场。", OldText: "当局表示，救援工作正在进行。"},
		{Index: 2, Text: "事故原因仍在调查中！", OldText: "事故原因仍在调查中。"},
		{Index: 3, Text: "消防によると、火は夜明け前に消し止められた。", OldText: "消防によると、火は昼過ぎに消し止められた。"},
	}
	sum, err := summarize.Changes(changes, summarize.Options{Ratio: 1})
	if err != nil {
		t.Fatal(err)
	}
	var idx []int
	for _, s := range sum.Sentences {
		idx = append(idx, s.Index)
	}
	if want := []int{1, 3}; !equalInts(idx, want) {
		t.Errorf("got sentences %v, want %v", idx, want)
	}
}

// The sentences that go on with a correction notice in its paragraph
// (Change.Continues) are part of it, whether or not they open with a
// pronoun: the notice comes whole, and none of them is picked without it.
func TestCorrectionNoticeGoesOnInItsParagraph(t *testing.T) {
	story := []summarize.Change{
		{Index: 0, Text: "At least 18 people were killed in the derailment, officials said.", OldText: "At least 12 people were killed in the derailment, officials said.", Facts: []string{"number"}},
		{Index: 3, Text: "Services between Lyon and Grenoble were suspended for the whole week.", OldText: "Services between Lyon and Grenoble were suspended."},
		{Index: 7, Text: "Correction: an earlier version of this story misstated the number of passengers.", Facts: []string{"correction"}},
		{Index: 8, Text: "The train was carrying 250 passengers, not 300.", Continues: true},
		{Index: 9, Text: "Rescue teams searched the wreckage through the night.", Continues: false},
	}
	tests := []struct {
		opts      summarize.Options
		wantIndex []int
	}{
		{summarize.Options{Sentences: 1}, []int{0}},
		{summarize.Options{Sentences: 2}, []int{0, 7, 8}},
		{summarize.Options{Ratio: 1}, []int{0, 3, 7, 8, 9}},
	}
	for _, tc := range tests {
		checkChangeIndexes(t, story, tc.opts, tc.wantIndex)
	}
}

// A changed byline, time stamp or picture caption is no news, however many
// words changed: what's new lists the story's sentences only.
func TestChangesLeaveOutWhatIsNotProse(t *testing.T) {
	changes := []summarize.Change{
		{Index: 0, Text: "By Marie Dupont and John Smith", OldText: "By Marie Dupont"},
		{Index: 1, Text: "Mis à jour : 19 h 02, le 3 mars", OldText: "Mis à jour : 18 h 34"},
		{Index: 2, Text: "Rescue teams reached the village of Saint-Priest at dawn.", OldText: "Rescue teams were on their way."},
		{Index: 5, Text: "Photo: Rescuers carry a survivor from the wreckage on Tuesday."},
	}
	sum, err := summarize.Changes(changes, summarize.Options{Ratio: 1})
	if err != nil {
		t.Fatal(err)
	}
	var idx []int
	for _, s := range sum.Sentences {
		idx = append(idx, s.Index)
	}
	if want := []int{2}; !equalInts(idx, want) {
		t.Errorf("got sentences %v, want %v", idx, want)
	}
}

// noticeStory is a story's changes in one language: a changed death toll
// (sentence 0), an edit right before a correction notice that speaks of
// the article itself (6, 7), the notice's second sentence in its
// paragraph (8) and an added sentence after it (9).
type noticeStory struct {
	lang, toll, oldToll, edit, oldEdit, notice, rest, after string
}

var noticeStories = []noticeStory{
	{"en", "At least 18 people were killed in the derailment, officials said.", "At least 12 people were killed in the derailment, officials said.",
		"Services between Lyon and Grenoble were suspended for the whole week.", "Services between Lyon and Grenoble were suspended.",
		"This article has been corrected: an earlier version misstated the number of passengers.", "The train was carrying 250 passengers, not 300.",
		"Rescue teams searched the wreckage through the night."},
	{"fr", "Au moins 18 personnes ont été tuées dans le déraillement, selon les autorités.", "Au moins 12 personnes ont été tuées dans le déraillement, selon les autorités.",
		"Les liaisons entre Lyon et Grenoble ont été suspendues pour toute la semaine.", "Les liaisons entre Lyon et Grenoble ont été suspendues.",
		"Cet article a été corrigé : une version précédente donnait un nombre de passagers erroné.", "Le train transportait 250 passagers, et non 300.",
		"Les secours ont fouillé les décombres toute la nuit."},
	{"de", "Mindestens 18 Menschen wurden bei der Entgleisung getötet, teilten die Behörden mit.", "Mindestens 12 Menschen wurden bei der Entgleisung getötet, teilten die Behörden mit.",
		"Die Verbindungen zwischen Köln und Aachen wurden für die ganze Woche eingestellt.", "Die Verbindungen zwischen Köln und Aachen wurden eingestellt.",
		"Dieser Artikel wurde korrigiert: In einer früheren Fassung stand eine falsche Zahl der Fahrgäste.", "Der Zug hatte 250 Fahrgäste an Bord, nicht 300.",
		"Die Rettungskräfte durchsuchten die Trümmer die ganze Nacht."},
	{"es", "Al menos 18 personas murieron en el descarrilamiento, según las autoridades.", "Al menos 12 personas murieron en el descarrilamiento, según las autoridades.",
		"Los trenes entre Madrid y Toledo quedaron suspendidos durante toda la semana.", "Los trenes entre Madrid y Toledo quedaron suspendidos.",
		"Este artículo ha sido corregido: una versión anterior daba un número de pasajeros erróneo.", "El tren llevaba 250 pasajeros, no 300.",
		"Los equipos de rescate buscaron entre los restos durante toda la noche."},
	{"it", "Almeno 18 persone sono morte nel deragliamento, secondo le autorità.", "Almeno 12 persone sono morte nel deragliamento, secondo le autorità.",
		"I collegamenti tra Torino e Milano sono stati sospesi per tutta la settimana.", "I collegamenti tra Torino e Milano sono stati sospesi.",
		"Questo articolo è stato corretto: una versione precedente riportava un numero errato di passeggeri.", "Il treno trasportava 250 passeggeri, non 300.",
		"I soccorritori hanno cercato tra le macerie per tutta la notte."},
	{"pt", "Pelo menos 18 pessoas morreram no descarrilamento, segundo as autoridades.", "Pelo menos 12 pessoas morreram no descarrilamento, segundo as autoridades.",
		"As ligações entre Lisboa e Porto foram suspensas durante toda a semana.", "As ligações entre Lisboa e Porto foram suspensas.",
		"Este texto foi corrigido: uma versão anterior dava um número errado de passageiros.", "O comboio levava 250 passageiros, e não 300.",
		"As equipas de socorro procuraram entre os destroços durante toda a noite."},
	{"nl", "Zeker 18 mensen kwamen om bij de ontsporing, meldden de autoriteiten.", "Zeker 12 mensen kwamen om bij de ontsporing, meldden de autoriteiten.",
		"De treinen tussen Utrecht en Arnhem werden de hele week geschrapt.", "De treinen tussen Utrecht en Arnhem werden geschrapt.",
		"Dit artikel is gecorrigeerd: in een eerdere versie stond een verkeerd aantal passagiers.", "De trein vervoerde 250 passagiers, niet 300.",
		"De hulpdiensten doorzochten de hele nacht het puin."},
}

// In each language a correction notice ranks after the changed toll and
// before every other change, comes whole, and stands on its own, though
// its first word leans elsewhere ("Dieser", "Este", "Questo", "Dit"): it
// makes no block with the edit right before it.
func TestCorrectionNoticeRanksWholeInEachLanguage(t *testing.T) {
	for _, st := range noticeStories {
		t.Run(st.lang, func(t *testing.T) {
			story := []summarize.Change{
				{Index: 0, Text: st.toll, OldText: st.oldToll, Facts: []string{"number"}},
				{Index: 6, Text: st.edit, OldText: st.oldEdit},
				{Index: 7, Text: st.notice, Facts: []string{"correction"}},
				{Index: 8, Text: st.rest, Continues: true},
				{Index: 9, Text: st.after},
			}
			tests := []struct {
				opts      summarize.Options
				wantIndex []int
			}{
				{summarize.Options{Sentences: 1, Language: st.lang}, []int{0}},
				{summarize.Options{Sentences: 2, Language: st.lang}, []int{0, 7, 8}},
				{summarize.Options{Sentences: 2, Language: st.lang, Order: summarize.OrderRank}, []int{0, 7, 8}},
				{summarize.Options{Ratio: 1, Language: st.lang}, []int{0, 6, 7, 8, 9}},
			}
			for _, tc := range tests {
				checkChangeIndexes(t, story, tc.opts, tc.wantIndex)
			}
		})
	}
}

// In each language a correction notice brings no unchanged sentence
// before it as context: it speaks of the article, not of them.
func TestCorrectionNoticeTakesNoContextInEachLanguage(t *testing.T) {
	for _, st := range noticeStories {
		t.Run(st.lang, func(t *testing.T) {
			before := []summarize.Context{{Start: 0, End: 40, Text: st.toll}, {Start: 41, End: 90, Text: st.edit}}
			changes := []summarize.Change{
				{Index: 7, Start: 100, End: 190, Text: st.notice, Facts: []string{"correction"}, Before: before},
				{Index: 8, Start: 191, End: 240, Text: st.rest, Continues: true},
			}
			sum, err := summarize.Changes(changes, summarize.Options{Language: st.lang})
			if err != nil {
				t.Fatal(err)
			}
			if len(sum.Sentences) != 2 {
				t.Fatalf("got %d sentences, want the notice's 2", len(sum.Sentences))
			}
			for _, s := range sum.Sentences {
				if len(s.Context) > 0 {
					t.Errorf("sentence %d: got context %v, want none", s.Index, s.Context)
				}
			}
		})
	}
}
