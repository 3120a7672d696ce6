package text_test

import (
	"testing"

	"github.com/redline-news/redline/internal/text"
)

// A correction notice is told in each language by its label or by the
// earlier version it speaks of; the diff finds one anywhere in a sentence
// (IsCorrection), the summarizer only one that opens it (OpensCorrection).
func TestCorrectionNotices(t *testing.T) {
	tests := []struct {
		lang, s   string
		is, opens bool
	}{
		{"en", "Correction: An earlier version of this article said the quake struck at 4:17 a.m.", true, true},
		{"en", "CORRECTION: The toll was 12, not 21.", true, true},
		{"en", "Clarification — The council meets on Tuesday.", true, true},
		{"en", "Editor's note: This story has been updated.", true, true},
		{"en", "*Correction: The toll was 12.*", true, true},
		{"en", "In an earlier version of this story, the toll was misstated.", true, true},
		{"en", "This article has been corrected to show that Reeve was sentenced to 14 years.", true, true},
		{"en", "We regret the error.", true, true},
		{"en", "The newspaper said an earlier version of this article was wrong.", true, false},
		{"en", "Correctional officers said the prisoner escaped at 4 a.m.", false, false},
		{"en", "Editors at the paper said the story was accurate.", false, false},
		{"en", "This article of the treaty was amended in 2004.", false, false},
		{"fr", "Rectificatif : une version précédente de cet article indiquait 300 passagers.", true, true},
		{"fr", "Rectificatif\u00a0: le train transportait 250 passagers.", true, true},
		{"fr", "Précision\u202f: le maire n'a pas démissionné.", true, true},
		{"fr", "Dans une version précédente de cet article, nous indiquions 300 passagers.", true, true},
		{"fr", "Cet article a été corrigé : le bilan est de 12 morts.", true, true},
		{"fr", "Le maire a rappelé qu'une version précédente de cet article était fausse.", true, false},
		{"fr", "Rectificatif demandé par le maire.", false, false},
		{"fr", "« Rectificatif : une version précédente indiquait 40 morts. »", true, true},
		{"fr", "«\u00a0Rectificatif\u00a0: le bilan est de 30 morts.\u00a0»", true, true},
		{"fr", "« Rectificatif demandé », a dit le maire.", false, false},
		{"de", "„Berichtigung: Der Zug hatte 250 Fahrgäste.“", true, true},
		{"de", "»Korrektur: 30 Tote.«", true, true},
		{"en", "“Correction: the toll is 30.”", true, true},
		{"it", "‹Rettifica: 30 morti.›", true, true},
		{"fr", "La précision des mesures a été saluée.", false, false},
		{"de", "Berichtigung: Der Zug hatte 250 Fahrgäste.", true, true},
		{"de", "Korrektur: In einer früheren Fassung dieses Artikels hieß es 300.", true, true},
		{"de", "In einer früheren Version dieses Artikels hieß es, der Zug habe 300 Fahrgäste gehabt.", true, true},
		{"de", "Dieser Artikel wurde korrigiert.", true, true},
		{"de", "Die Korrektur der Prognose kam am Montag.", false, false},
		{"es", "Fe de erratas: el tren llevaba 250 pasajeros.", true, true},
		{"es", "En una versión anterior de esta nota se dijo que eran 300.", true, true},
		{"es", "Esta información fue rectificada.", true, true},
		{"es", "La corrección del rumbo llegó tarde.", false, false},
		{"it", "Rettifica: il treno trasportava 250 passeggeri.", true, true},
		{"it", "In una versione precedente di questo articolo si leggeva 300.", true, true},
		{"it", "Questo articolo è stato corretto.", true, true},
		{"it", "La correzione dei conti è attesa a maggio.", false, false},
		{"pt", "Correção: o trem levava 250 passageiros.", true, true},
		{"pt", "Numa versão anterior desta reportagem, o número era 300.", true, true},
		{"pt", "Este texto foi corrigido.", true, true},
		{"pt", "A correção monetária foi aprovada.", false, false},
		{"nl", "Rectificatie: het dodental is 12.", true, true},
		{"nl", "In een eerdere versie van dit artikel stond 300.", true, true},
		{"nl", "Dit artikel is gecorrigeerd.", true, true},
		{"nl", "De correctie op de beurs duurde kort.", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.s, func(t *testing.T) {
			if got := text.IsCorrection(tc.s); got != tc.is {
				t.Errorf("IsCorrection: got %v, want %v", got, tc.is)
			}
			if got := text.OpensCorrection(tc.s); got != tc.opens {
				t.Errorf("OpensCorrection: got %v, want %v", got, tc.opens)
			}
		})
	}
}
