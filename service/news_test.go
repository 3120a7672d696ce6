package service_test

import (
	"slices"
	"testing"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/text"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// NewsSince gives each change the sentences before it in the new revision,
// at their offsets there: the last sentences of an unchanged paragraph, the
// unchanged sentence before it in its own paragraph, the change before it,
// but nothing across a heading; and each change's index is its place among
// the revision's sentences.
func TestNewsSinceGivesWhatComesBefore(t *testing.T) {
	old := "Floods\n\nThe river rose overnight. The governor arrived at noon. She spoke to reporters.\n\n" +
		"He said 12 people were killed.\n\nUpdate\n\nIt rained again.\n\nRescue teams are on their way. They left at dawn."
	new := "Floods\n\nThe river rose overnight. The governor arrived at noon. She spoke to reporters.\n\n" +
		"He said 48 people were killed.\n\nUpdate\n\nIt rained again and again.\n\nRescue teams are on their way. They left at six."
	res, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string][]string{}
	sents := text.Sentences(new)
	for _, c := range service.NewsSince(res) {
		if c.Index >= len(sents) || sents[c.Index].Text != c.Text {
			t.Errorf("%q has index %d, which is not its place among the revision's sentences", c.Text, c.Index)
		}
		var texts []string
		for _, b := range c.Before {
			if new[b.Start:b.End] != b.Text {
				t.Errorf("context %q of %q is at %d-%d, which holds %q", b.Text, c.Text, b.Start, b.End, new[b.Start:b.End])
			}
			texts = append(texts, b.Text)
		}
		before[c.Text] = texts
	}
	want := map[string][]string{
		"He said 48 people were killed.": {"The governor arrived at noon.", "She spoke to reporters."},
		"It rained again and again.":     nil,
		"They left at six.":              {"It rained again and again.", "Rescue teams are on their way."},
	}
	if len(before) != len(want) {
		t.Fatalf("got changes %q, want %q", before, want)
	}
	for text, w := range want {
		if g, ok := before[text]; !ok || !slices.Equal(g, w) {
			t.Errorf("%q: got before %q, want %q", text, g, w)
		}
	}
	sum, err := summarize.Changes(service.NewsSince(res), summarize.Options{Ratio: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sum.Sentences {
		// "She spoke…" leans on "The governor arrived…" in turn.
		if s.Text == "He said 48 people were killed." && (len(s.Context) != 2 || s.Context[1].Text != "She spoke to reporters.") {
			t.Errorf("the new death toll comes with %+v, want the two sentences it leans on", s.Context)
		}
	}
}

// FuzzNewsSince checks, for any pair of texts, that every change and every
// sentence before it is where it says in the new text, that the changes'
// indexes increase, and that the sentences before a change come before it.
func FuzzNewsSince(f *testing.F) {
	f.Add("A. B said so.\n\nC.", "A. He said so.\n\nC. It rained.")
	f.Add("The governor spoke. He left.", "The governor spoke at noon. He left at once. She stayed.")
	f.Add("Floods\n\nOne two. Three four.", "Update\n\nOne two three. Three four.\n\nFive.")
	f.Add("A b c. D e f.", "A b c D e f.")
	f.Fuzz(func(t *testing.T, old, new string) {
		if len(old) > 2000 || len(new) > 2000 {
			return
		}
		res, err := diff.Compare(old, new, diff.Options{})
		if err != nil || res.Degraded {
			return
		}
		last := -1
		for _, c := range service.NewsSince(res) {
			if new[c.Start:c.End] != c.Text {
				t.Fatalf("change %q is at %d-%d, which holds %q", c.Text, c.Start, c.End, new[c.Start:c.End])
			}
			// The diff may split a changed paragraph otherwise than the
			// whole text splits ("! 00!" is one sentence there), so only
			// the order is checked here; TestNewsSinceGivesWhatComesBefore
			// checks the places on prose.
			if c.Index <= last {
				t.Fatalf("change %q at %d has index %d, after a change of index %d", c.Text, c.Start, c.Index, last)
			}
			last = c.Index
			if len(c.Before) > summarize.MaxContext {
				t.Fatalf("change %q has %d sentences before it, want at most %d", c.Text, len(c.Before), summarize.MaxContext)
			}
			end := c.Start
			for i := len(c.Before) - 1; i >= 0; i-- {
				b := c.Before[i]
				if b.Start < 0 || b.End > end || new[b.Start:b.End] != b.Text {
					t.Fatalf("before %q: %+v is not a sentence of the new text before %d", c.Text, b, end)
				}
				end = b.Start
			}
		}
	})
}

// A correction notice that goes on in its paragraph comes whole in what is
// new, its figures with it: a change that goes on right after another in
// the same paragraph is marked as continuing it, and one after a blank
// line is not.
func TestNewsSinceKeepsACorrectionWhole(t *testing.T) {
	old := "At least 12 people were killed when a train derailed near Lyon, officials said.\n\n" +
		"The train left the tracks near the village of Saint-Priest.\n\n\"We are doing everything we can,\" said Prefect Anne Morel."
	new := "At least 18 people were killed when a train derailed near Lyon, officials said.\n\n" +
		"The train left the tracks near the village of Saint-Priest.\n\n\"We are doing everything we can for the wounded,\" said Prefect Anne Morel.\n\n" +
		"Correction: An earlier version of this article misstated the number of passengers. The train was carrying 250 passengers, not 300.\n\n" +
		"Rail services between Lyon and Grenoble were suspended for the night."
	res, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	news := service.NewsSince(res)
	continues := map[string]bool{}
	for _, c := range news {
		continues[c.Text] = c.Continues
	}
	for text, want := range map[string]bool{
		"The train was carrying 250 passengers, not 300.":                                    true,
		"Rail services between Lyon and Grenoble were suspended for the night.":              false,
		"Correction: An earlier version of this article misstated the number of passengers.": false,
	} {
		if got, ok := continues[text]; !ok || got != want {
			t.Errorf("%q: got continues %v (listed: %v), want %v", text, got, ok, want)
		}
	}
	sum, err := summarize.Changes(news, summarize.Options{Sentences: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sum.Sentences {
		got = append(got, s.Why+"/"+s.Fact)
	}
	want := []string{"fact/number", "fact/quote", "fact/correction", "added/"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// In each language the diff and the summary of what is new agree on a
// correction notice: the diff flags it, and what is new ranks it after the
// changed toll, whole, apart from the edit right before it, though its
// first word would lean on that edit ("Dieser", "Este", "Questo", "Dit").
func TestNewsSinceKeepsACorrectionWholeInEachLanguage(t *testing.T) {
	tests := []struct {
		lang, oldToll, toll, oldEdit, edit, notice, rest, after string
	}{
		{"en", "At least 12 people were killed in the derailment, officials said.", "At least 18 people were killed in the derailment, officials said.",
			"Services between Lyon and Grenoble were suspended.", "Services between Lyon and Grenoble were suspended for the whole week.",
			"This article has been corrected: an earlier version misstated the number of passengers.", "The train was carrying 250 passengers, not 300.",
			"Rescue teams searched the wreckage through the night."},
		{"fr", "Au moins 12 personnes ont été tuées dans le déraillement, selon les autorités.", "Au moins 18 personnes ont été tuées dans le déraillement, selon les autorités.",
			"Les liaisons entre Lyon et Grenoble ont été suspendues.", "Les liaisons entre Lyon et Grenoble ont été suspendues pour toute la semaine.",
			"Rectificatif\u00a0: une version précédente de cet article donnait un nombre de passagers erroné.", "Le train transportait 250 passagers, et non 300.",
			"Les secours ont fouillé les décombres toute la nuit."},
		{"de", "Mindestens 12 Menschen wurden bei der Entgleisung getötet, teilten die Behörden mit.", "Mindestens 18 Menschen wurden bei der Entgleisung getötet, teilten die Behörden mit.",
			"Die Verbindungen zwischen Köln und Aachen wurden eingestellt.", "Die Verbindungen zwischen Köln und Aachen wurden für die ganze Woche eingestellt.",
			"Dieser Artikel wurde korrigiert: In einer früheren Fassung stand eine falsche Zahl der Fahrgäste.", "Der Zug hatte 250 Fahrgäste an Bord, nicht 300.",
			"Die Rettungskräfte durchsuchten die Trümmer die ganze Nacht."},
		{"es", "Al menos 12 personas murieron en el descarrilamiento, según las autoridades.", "Al menos 18 personas murieron en el descarrilamiento, según las autoridades.",
			"Los trenes entre Madrid y Toledo quedaron suspendidos.", "Los trenes entre Madrid y Toledo quedaron suspendidos durante toda la semana.",
			"Este artículo ha sido corregido: una versión anterior daba un número de pasajeros erróneo.", "El tren llevaba 250 pasajeros, no 300.",
			"Los equipos de rescate buscaron entre los restos durante toda la noche."},
		{"it", "Almeno 12 persone sono morte nel deragliamento, secondo le autorità.", "Almeno 18 persone sono morte nel deragliamento, secondo le autorità.",
			"I collegamenti tra Torino e Milano sono stati sospesi.", "I collegamenti tra Torino e Milano sono stati sospesi per tutta la settimana.",
			"Questo articolo è stato corretto: una versione precedente riportava un numero errato di passeggeri.", "Il treno trasportava 250 passeggeri, non 300.",
			"I soccorritori hanno cercato tra le macerie per tutta la notte."},
		{"pt", "Pelo menos 12 pessoas morreram no descarrilamento, segundo as autoridades.", "Pelo menos 18 pessoas morreram no descarrilamento, segundo as autoridades.",
			"As ligações entre Lisboa e Porto foram suspensas.", "As ligações entre Lisboa e Porto foram suspensas durante toda a semana.",
			"Este texto foi corrigido: uma versão anterior dava um número errado de passageiros.", "O comboio levava 250 passageiros, e não 300.",
			"As equipas de socorro procuraram entre os destroços durante toda a noite."},
		{"nl", "Zeker 12 mensen kwamen om bij de ontsporing, meldden de autoriteiten.", "Zeker 18 mensen kwamen om bij de ontsporing, meldden de autoriteiten.",
			"De treinen tussen Utrecht en Arnhem werden geschrapt.", "De treinen tussen Utrecht en Arnhem werden de hele week geschrapt.",
			"Dit artikel is gecorrigeerd: in een eerdere versie stond een verkeerd aantal passagiers.", "De trein vervoerde 250 passagiers, niet 300.",
			"De hulpdiensten doorzochten de hele nacht het puin."},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			old := tc.oldToll + "\n\n" + tc.oldEdit
			new := tc.toll + "\n\n" + tc.edit + "\n\n" + tc.notice + " " + tc.rest + "\n\n" + tc.after
			res, err := diff.Compare(old, new, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			sum, err := summarize.Changes(service.NewsSince(res), summarize.Options{Sentences: 2, Language: tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sum.Sentences {
				got = append(got, s.Why+"/"+s.Fact+" "+s.Text)
			}
			want := []string{"fact/number " + tc.toll, "fact/correction " + tc.notice, "added/ " + tc.rest}
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestNewsSinceLeavesAQuestionHeadlineOut checks that a headline that asks,
// at the top of the revision, is no context of the change below it, in
// each language, while a question in the body stays context.
func TestNewsSinceLeavesAQuestionHeadlineOut(t *testing.T) {
	tests := []struct {
		name, head, old, new string
		want                 []string
	}{
		{"en headline", "Could rivalry overshadow election?", "He said 12 people voted.", "He said 48 people voted.", nil},
		{"de headline", "Wer gewinnt die Wahl?", "Er sagte, 12 Menschen wählten.", "Er sagte, 48 Menschen wählten.", nil},
		{"es headline", "¿Quién ganará las elecciones?", "Dijo que votaron 12 personas.", "Dijo que votaron 48 personas.", nil},
		{"en question in the body", "The council met.\n\nWhy does it matter?", "He said 12 people voted.", "He said 48 people voted.",
			[]string{"The council met.", "Why does it matter?"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := diff.Compare(tc.head+"\n\n"+tc.old, tc.head+"\n\n"+tc.new, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			changes := service.NewsSince(res)
			if len(changes) != 1 {
				t.Fatalf("got %d changes, want 1: %+v", len(changes), changes)
			}
			var got []string
			for _, b := range changes[0].Before {
				got = append(got, b.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("before %q: got %q, want %q", changes[0].Text, got, tc.want)
			}
		})
	}
}
