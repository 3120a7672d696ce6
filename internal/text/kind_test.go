package text_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/text"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name, src, unit string
		want            text.Kind
	}{
		{"en sentence", "The council met on Monday.", "The council met on Monday.", text.KindSentence},
		{"en section label", "Administration\n\nThe council met on Monday.", "Administration", text.KindHeading},
		{"en headline", "Ad sales boost Time Warner profit\n\nProfits jumped.", "Ad sales boost Time Warner profit", text.KindHeading},
		{"de headline", "Regierung plant neue Steuer\n\nDie Regierung plant eine Steuer.", "Regierung plant neue Steuer", text.KindHeading},
		{"fr headline", "Le gouvernement prépare un impôt\n\nLe gouvernement prépare un impôt.", "Le gouvernement prépare un impôt", text.KindHeading},
		{"en byline", "By Jane Smith\n\nThe council met.", "By Jane Smith", text.KindByline},
		{"en tokenized byline", "by laura j snyder . the council met on monday .", "by laura j snyder .", text.KindByline},
		{"en not a byline", "By the time police arrived, he had fled.", "By the time police arrived, he had fled.", text.KindSentence},
		{"en two-author byline", "By Maria Keller and Omar Haddad, Staff Reporters\n\nThe quake hit at dawn.",
			"By Maria Keller and Omar Haddad, Staff Reporters", text.KindByline},
		{"en byline with agency", "By Jane Smith and John Doe, Associated Press\n\nThe council met.",
			"By Jane Smith and John Doe, Associated Press", text.KindByline},
		{"en long by sentence", "By late evening rescuers had pulled eleven people from the rubble.",
			"By late evening rescuers had pulled eleven people from the rubble.", text.KindSentence},
		{"en by a weekday", "By Tuesday night, 48 were dead.", "By Tuesday night, 48 were dead.", text.KindSentence},
		{"en by a month", "By March the river had fallen.", "By March the river had fallen.", text.KindSentence},
		{"en by May", "By May the river had fallen.", "By May the river had fallen.", text.KindSentence},
		{"en byline of a May", "By May Chen\n\nThe council met.", "By May Chen", text.KindByline},
		{"en tokenized byline block", "by . daily mail reporter and associated press reporter . a man was arrested .",
			"daily mail reporter and associated press reporter .", text.KindByline},
		{"en lone by", "by . daily mail reporter . a man was arrested .", "by .", text.KindByline},
		{"en sentence after by", "the house stood nearby . daily mail readers wrote in to complain .",
			"daily mail readers wrote in to complain .", text.KindSentence},
		{"en sentence after a by clause", "it was written by . many readers wrote in to complain .",
			"many readers wrote in to complain .", text.KindSentence},
		{"en contributor line", "The quake struck at dawn.\n\nAssociated Press writer Suzan Fraser in Ankara contributed to this report.",
			"Associated Press writer Suzan Fraser in Ankara contributed to this report.", text.KindByline},
		{"en contributed reporting", "The quake struck at dawn.\nOmar Haddad contributed reporting from Adana.",
			"Omar Haddad contributed reporting from Adana.", text.KindByline},
		{"en opens with pictured", "The funeral was held on Monday. Pictured, friends and family at his funeral. They wept.", "Pictured, friends and family at his funeral.", text.KindCaption},
		{"en tokenized pictured is", "the video went viral . pictured is a still image from the video . it ran for ten seconds .", "pictured is a still image from the video .", text.KindCaption},
		{"en pictures in prose", "The funeral was held. Pictures of it spread fast.", "Pictures of it spread fast.", text.KindSentence},
		{"en source credit", "Obesity rates rose by a third.\nSource: NHS Choices.\n\nDoctors are worried.", "Source: NHS Choices.", text.KindCaption},
		{"en tokenized source credit", "obesity rates rose by a third . source : nhs choices . doctors are worried .", "source : nhs choices .", text.KindCaption},
		{"de source credit", "Die Zahl stieg um ein Drittel. Quelle: Statistisches Bundesamt.", "Quelle: Statistisches Bundesamt.", text.KindCaption},
		{"es source credit", "La cifra subió un tercio. Fuente: INE.", "Fuente: INE.", text.KindCaption},
		{"en sources as prose", "he was found dead . sources : dr fredric brandt was devastated over comparisons to the show .", "sources : dr fredric brandt was devastated over comparisons to the show .", text.KindSentence},
		{"en contributor inside a paragraph", "The quake struck at dawn. Omar Haddad contributed reporting from Adana. Rescuers dug all night.",
			"Omar Haddad contributed reporting from Adana.", text.KindSentence},
		{"en contributor closing a paragraph", "The quake struck at dawn. Omar Haddad contributed reporting from Adana.\n\nRescuers dug all night.",
			"Omar Haddad contributed reporting from Adana.", text.KindByline},
		{"en contributors closing a tokenized text", "rescuers dug all night . cnn 's ashley fantz , holly yan , ryan scallan , tristan smith , martin savidge , dana ford , sam stringer , randi kaye and don lemon contributed to this report .",
			"cnn 's ashley fantz , holly yan , ryan scallan , tristan smith , martin savidge , dana ford , sam stringer , randi kaye and don lemon contributed to this report .", text.KindByline},
		{"en contribution closing a paragraph", "The fund grew.\nMany donors contributed to this effort.\n\nIt closed in May.", "Many donors contributed to this effort.", text.KindSentence},
		{"en long contribution closing a text", "The fund grew. The European Union and the member states of the eastern partnership, the bank and a dozen charities contributed to this fund over the years from many sources.",
			"The European Union and the member states of the eastern partnership, the bank and a dozen charities contributed to this fund over the years from many sources.", text.KindSentence},
		{"en contribution in prose", "The European Union contributed 3 million euros to the relief effort.",
			"The European Union contributed 3 million euros to the relief effort.", text.KindSentence},
		{"en copyright line", "The quake struck at dawn.\n\nCopyright 2026 The Associated Press.", "Copyright 2026 The Associated Press.", text.KindBoilerplate},
		{"en copyright in prose", "Copyright law protects the photographs, the court ruled on Monday.",
			"Copyright law protects the photographs, the court ruled on Monday.", text.KindSentence},
		{"en wire credit", "Reporting by John Smith; Editing by Ann Lee", "Reporting by John Smith; Editing by Ann Lee", text.KindByline},
		{"de byline", "Von Hans Müller\n\nDer Rat tagte.", "Von Hans Müller", text.KindByline},
		{"fr byline", "Par Marie Dupont\n\nLe conseil a voté.", "Par Marie Dupont", text.KindByline},
		{"es byline", "Por Ana García\n\nEl consejo votó.", "Por Ana García", text.KindByline},
		{"it byline", "Di Marco Rossi\n\nIl consiglio ha votato.", "Di Marco Rossi", text.KindByline},
		{"nl byline", "Door Jan de Vries\n\nDe raad stemde.", "Door Jan de Vries", text.KindByline},
		{"en dateline", "LONDON (Reuters) -\nShares fell on Monday.", "LONDON (Reuters) -", text.KindDateline},
		{"en date line", "Tuesday, 3 March 2015\n\nShares fell.", "Tuesday, 3 March 2015", text.KindDateline},
		{"de date line", "Dienstag, 3. März 2015\n\nDie Aktien fielen.", "Dienstag, 3. März 2015", text.KindDateline},
		{"fr date line", "Mardi 3 mars 2015\n\nLes actions ont chuté.", "Mardi 3 mars 2015", text.KindDateline},
		{"es date line", "Martes 3 de marzo de 2015\n\nLas acciones cayeron.", "Martes 3 de marzo de 2015", text.KindDateline},
		{"en timestamp", "Shares fell.\nUpdated: 6:34 p.m.", "Updated: 6:34 p.m.", text.KindTimestamp},
		{"en relative stamp", "Floods force thousands out\n\n3 hours ago\n\nHeavy rain fell.", "3 hours ago", text.KindTimestamp},
		{"en labelled relative stamp", "Heavy rain fell.\n\nPublished 2 days ago", "Published 2 days ago", text.KindTimestamp},
		{"en how long ago in prose", "The bridge fell three hours ago, police said.", "The bridge fell three hours ago, police said.", text.KindSentence},
		{"en page image caption", "Heavy rain fell.\nImage caption, Rescue workers in Cesena on Friday\nThe river rose.", "Image caption, Rescue workers in Cesena on Friday", text.KindCaption},
		{"en page image source", "Heavy rain fell.\nImage source, Getty Images\nThe river rose.", "Image source, Getty Images", text.KindCaption},
		{"en page media caption", "Heavy rain fell.\nMedia caption, Watch: Drone footage shows the streets\nThe river rose.", "Media caption, Watch: Drone footage shows the streets", text.KindCaption},
		{"en media playback", "Heavy rain fell.\nMedia playback is unsupported on your device\nThe river rose.", "Media playback is unsupported on your device", text.KindBoilerplate},
		{"en share control", "Floods in Italy\n\nShare\n\nHeavy rain fell.", "Share", text.KindBoilerplate},
		{"en related topics", "Heavy rain fell.\n\nRelated Topics\n\nItaly", "Related Topics", text.KindBoilerplate},
		{"en image in prose", "Image sources are checked by the desk before publication.", "Image sources are checked by the desk before publication.", text.KindSentence},
		{"en updated sentence", "Updated figures show a rise in sales.", "Updated figures show a rise in sales.", text.KindSentence},
		{"en tokenized stamp", "published : . 12:34 est , 3 march 2014 . | . a man was arrested .",
			"12:34 est , 3 march 2014 .", text.KindTimestamp},
		{"en time in prose", "At 12:34 on 3 March the bus left.", "At 12:34 on 3 March the bus left.", text.KindSentence},
		{"en clock time opening prose", "12:34 EST is when the bus left the depot.", "12:34 EST is when the bus left the depot.", text.KindSentence},
		{"de timestamp", "Die Aktien fielen.\nAktualisiert: 18:34 Uhr", "Aktualisiert: 18:34 Uhr", text.KindTimestamp},
		{"fr timestamp", "Les actions ont chuté.\nMis à jour le 3 mars", "Mis à jour le 3 mars", text.KindTimestamp},
		{"es timestamp", "Las acciones cayeron.\nActualizado: 18:34", "Actualizado: 18:34", text.KindTimestamp},
		{"it timestamp", "Le azioni sono scese.\nAggiornato alle 18:34", "Aggiornato alle 18:34", text.KindTimestamp},
		{"pt timestamp", "As ações caíram.\nAtualizado em 3 de março", "Atualizado em 3 de março", text.KindTimestamp},
		{"nl timestamp", "De aandelen daalden.\nBijgewerkt: 18:34", "Bijgewerkt: 18:34", text.KindTimestamp},
		{"en last modified stamp", "Last modified on Tue 3 Mar 2026 18.34 GMT\n\nShares fell.", "Last modified on Tue 3 Mar 2026 18.34 GMT", text.KindTimestamp},
		{"en last updated stamp", "Last updated on March 3, 2026\n\nShares fell.", "Last updated on March 3, 2026", text.KindTimestamp},
		{"de zuletzt aktualisiert stamp", "Zuletzt aktualisiert am 3. März 2026\n\nDie Aktien fielen.", "Zuletzt aktualisiert am 3. März 2026", text.KindTimestamp},
		{"pl timestamp", "Aktualizacja: 14:20\n\nSilny wiatr zerwał dach.", "Aktualizacja: 14:20", text.KindTimestamp},
		{"sv timestamp with a date", "Uppdaterad: 14.20, 3 March 2026\n\nStormen drog in.", "Uppdaterad: 14.20, 3 March 2026", text.KindTimestamp},
		{"label and a time in prose", "Kickoff: 15:00 at the stadium, where the home side needs a win.",
			"Kickoff: 15:00 at the stadium, where the home side needs a win.", text.KindSentence},
		{"en photo caption", "Photo: The mayor at the hearing.", "Photo: The mayor at the hearing.", text.KindCaption},
		{"en pictured caption", "in mourning : scott is pictured above at the funeral .", "in mourning : scott is pictured above at the funeral .", text.KindCaption},
		{"en pictured in prose", "sturgeon ( pictured ) said she would vote .", "sturgeon ( pictured ) said she would vote .", text.KindSentence},
		{"de caption", "Foto: Der Bürgermeister im Rat.", "Foto: Der Bürgermeister im Rat.", text.KindCaption},
		{"es caption", "Imagen: El alcalde en el pleno.", "Imagen: El alcalde en el pleno.", text.KindCaption},
		{"en credit line", "The mayor spoke.\nGetty Images\nShe left.", "Getty Images", text.KindCaption},
		{"en agency credit", "The mayor spoke.\nAFP/Getty Images\n\nShe left.", "AFP/Getty Images", text.KindCaption},
		{"en photographer credit", "The mayor spoke.\n\nJohn Smith/AP\n\nShe left.", "John Smith/AP", text.KindCaption},
		{"en agency credit in brackets", "Rescuers carry a survivor from the rubble. (AP Photo/Emrah Gurel)\n\nThe quake struck.",
			"(AP Photo/Emrah Gurel)", text.KindCaption},
		{"en caption before an agency credit", "Rescuers carry a survivor from the rubble. (AP Photo/Emrah Gurel)\n\nThe quake struck.",
			"Rescuers carry a survivor from the rubble.", text.KindCaption},
		{"en wire credit in brackets", "A woman mourns in Antakya. (Reuters/Umit Bektas)\n\nThe quake struck.",
			"(Reuters/Umit Bektas)", text.KindCaption},
		{"en agency credit line", "The mayor spoke.\n\nAP Photo/Emrah Gurel\n\nShe left.", "AP Photo/Emrah Gurel", text.KindCaption},
		{"en poll by an agency", "An AP/NORC poll found that 60 percent of Americans back the plan, up from 48 percent in May.",
			"An AP/NORC poll found that 60 percent of Americans back the plan, up from 48 percent in May.", text.KindSentence},
		{"en agency dateline", "ANKARA, Turkey (AP) — The quake struck at dawn.", "ANKARA, Turkey (AP) — The quake struck at dawn.", text.KindSentence},
		{"en photograph label", "The mayor spoke.\nPhotograph: Reuters\nShe left.", "Photograph: Reuters", text.KindCaption},
		{"en photo by", "The mayor spoke.\n(Photo by Chip Somodevilla/Getty Images)\nShe left.", "(Photo by Chip Somodevilla/Getty Images)", text.KindCaption},
		{"en copyright credit", "The mayor spoke.\n© Jane Doe 2019\nShe left.", "© Jane Doe 2019", text.KindCaption},
		{"en copyright notice in a paragraph", "the band played on . ©2015 the hollywood reporter . all rights reserved .",
			"©2015 the hollywood reporter .", text.KindBoilerplate},
		{"en rights notice", "the band played on . ©2015 the hollywood reporter . all rights reserved .",
			"all rights reserved .", text.KindBoilerplate},
		{"en placing caption", "The mayor spoke.\n\nJohn Smith, left, and his wife at the ceremony in 2019.\n\nShe left.",
			"John Smith, left, and his wife at the ceremony in 2019.", text.KindCaption},
		{"en from left caption", "Report.\n\nFrom left: Ann, Bob and Carl on stage.\n\nMore.", "From left: Ann, Bob and Carl on stage.", text.KindCaption},
		{"en placing in prose", "The mayor spoke. John Smith, left, and his wife arrived late. She left.",
			"John Smith, left, and his wife arrived late.", text.KindSentence},
		{"en agency in a headline", "Reuters poll finds rising prices\n\nPrices rose.", "Reuters poll finds rising prices", text.KindHeading},
		{"en agency in prose", "The mayor spoke.\nShe told Reuters.\nShe left.", "She told Reuters.", text.KindSentence},
		{"de placing caption", "Der Rat tagte.\n\nHans Müller (links) und seine Frau bei der Feier.\n\nMehr.",
			"Hans Müller (links) und seine Frau bei der Feier.", text.KindCaption},
		{"de credit", "Der Rat tagte.\nFoto von Anna Schmidt/dpa\nMehr.", "Foto von Anna Schmidt/dpa", text.KindCaption},
		{"fr placing caption", "Le conseil a voté.\n\nMarie Dupont (à gauche) et son mari lors de la cérémonie.\n\nPlus.",
			"Marie Dupont (à gauche) et son mari lors de la cérémonie.", text.KindCaption},
		{"fr credit", "Le conseil a voté.\nPhoto de Jean Martin/AFP\nPlus.", "Photo de Jean Martin/AFP", text.KindCaption},
		{"es placing caption", "El consejo votó.\n\nAna García (izquierda) y su marido en la ceremonia.\n\nMás.",
			"Ana García (izquierda) y su marido en la ceremonia.", text.KindCaption},
		{"es credit", "El consejo votó.\nFoto de Luis Pérez/EFE\nMás.", "Foto de Luis Pérez/EFE", text.KindCaption},
		{"it placing caption", "Il consiglio ha votato.\n\nMarco Rossi (a sinistra) e sua moglie alla cerimonia.\n\nAltro.",
			"Marco Rossi (a sinistra) e sua moglie alla cerimonia.", text.KindCaption},
		{"it credit", "Il consiglio ha votato.\nFoto di Paolo Bianchi/ANSA\nAltro.", "Foto di Paolo Bianchi/ANSA", text.KindCaption},
		{"pt placing caption", "O conselho votou.\n\nJoão Silva (à esquerda) e a mulher na cerimônia.\n\nMais.",
			"João Silva (à esquerda) e a mulher na cerimônia.", text.KindCaption},
		{"nl placing caption", "De raad stemde.\n\nJan de Vries (rechts) en zijn vrouw bij de plechtigheid.\n\nMeer.",
			"Jan de Vries (rechts) en zijn vrouw bij de plechtigheid.", text.KindCaption},
		{"nl credit", "De raad stemde.\nFoto van Piet Jansen/ANP\nMeer.", "Foto van Piet Jansen/ANP", text.KindCaption},
		{"en scroll down", "The team won. Scroll down for video.", "Scroll down for video.", text.KindBoilerplate},
		{"en see below", "The team won. See below for video. The manager was pleased.", "See below for video.", text.KindBoilerplate},
		{"en see below tokenized", "the team won . see below for video . the manager was pleased .", "see below for video .", text.KindBoilerplate},
		{"en see the video below", "The team won.\n\nSee the video below.\n\nThe manager was pleased.", "See the video below.", text.KindBoilerplate},
		{"en see below in prose", "The team won. See below for the full table of results this season.", "See below for the full table of results this season.", text.KindSentence},
		{"en team news", "team news . arsenal have no injuries .", "team news .", text.KindBoilerplate},
		{"en read more", "The team won.\nRead more", "Read more", text.KindBoilerplate},
		{"de read more", "Das Team gewann.\nLesen Sie auch: Die Bilanz", "Lesen Sie auch: Die Bilanz", text.KindBoilerplate},
		{"fr read more", "L'équipe a gagné.\nLire aussi : le bilan", "Lire aussi : le bilan", text.KindBoilerplate},
		{"es read more", "El equipo ganó.\nLee también: el balance", "Lee también: el balance", text.KindBoilerplate},
		{"it read more", "La squadra ha vinto.\nLeggi anche: il bilancio", "Leggi anche: il bilancio", text.KindBoilerplate},
		{"pt read more", "A equipe venceu.\nLeia também: o balanço", "Leia também: o balanço", text.KindBoilerplate},
		{"nl read more", "Het team won.\nLees ook: de balans", "Lees ook: de balans", text.KindBoilerplate},
		{"list item stays a sentence", "Shopping:\n• eggs", "• eggs", text.KindSentence},
		{"en caption with its credit", "The train derailed.\n\nRescuers carry a survivor from the wreckage on Tuesday. (Photo: Jean Martin/AFP)\n\nServices stopped.",
			"Rescuers carry a survivor from the wreckage on Tuesday.", text.KindCaption},
		{"en caption with a bracketed credit", "The train derailed.\n\nThe wreckage near Saint-Priest. Firefighters at work. (Photo: Jean Martin)\n\nMore.",
			"The wreckage near Saint-Priest.", text.KindCaption},
		{"en caption with an agency", "The mayor spoke.\nThe mayor at the hearing on Monday. Photo: John Smith/AP\nShe left.",
			"The mayor at the hearing on Monday.", text.KindCaption},
		{"de caption with its credit", "Der Zug entgleiste.\n\nRetter bergen einen Überlebenden. (Foto: dpa)\n\nMehr.",
			"Retter bergen einen Überlebenden.", text.KindCaption},
		{"en long paragraph before a credit", "The council met on Monday to debate the budget for the coming year, which the mayor said would cut spending on roads, schools and parks. " +
			"Members argued for three hours before the vote, which passed by a single vote after a long and bitter debate. (Photo: Jean Martin/AFP)",
			"The council met on Monday to debate the budget for the coming year, which the mayor said would cut spending on roads, schools and parks.", text.KindSentence},
		{"en sentence before a caption label", "The mayor spoke. Photo: The mayor at the hearing on Monday in the city hall.",
			"The mayor spoke.", text.KindSentence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantUnitKind(t, tc.src, tc.unit, tc.want)
		})
	}
}

func TestKindNames(t *testing.T) {
	for k, want := range map[text.Kind]string{text.KindSentence: "sentence", text.KindBoilerplate: "boilerplate", text.Kind(99): "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// KindOf finds the kinds a unit's words make, wherever it stands, and
// leaves those that need a line of their own to Classify.
func TestKindOf(t *testing.T) {
	tests := []struct {
		unit string
		want text.Kind
	}{
		{"Updated: 6:34 p.m.", text.KindTimestamp},
		{"Mis à jour : 18 h 34", text.KindTimestamp},
		{"Aktualizacja: 14:20", text.KindTimestamp},
		{"By Marie Dupont and John Smith", text.KindByline},
		{"Photo: Rescuers carry a survivor.", text.KindCaption},
		{"Read more", text.KindBoilerplate},
		{"Getty Images", text.KindSentence}, // a credit only on a line of its own
		{"Suzan Fraser in Ankara contributed to this report.", text.KindByline},
		{"Train derails near Lyon", text.KindSentence},
		{"Updated figures show a rise in sales.", text.KindSentence},
	}
	for _, tc := range tests {
		if got := text.KindOf(tc.unit); got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.unit, got, tc.want)
		}
	}
}

// A headline is a heading whatever quotes or brackets it holds or ends
// with, in the quoting style of each language; one that asks or exclaims
// is a heading only where it opens the text, since lower down a line of
// its own that ends like that is prose.
func TestClassifyHeadlines(t *testing.T) {
	tests := []struct {
		name, src, unit string
		want            text.Kind
	}{
		{"en quoted word", "UKIP MEP attacked German 'empire'\n\nA UKIP MEP has been criticised.", "UKIP MEP attacked German 'empire'", text.KindHeading},
		{"en curly quotes", "Minister calls plan “reckless”\n\nThe minister spoke on Monday.", "Minister calls plan “reckless”", text.KindHeading},
		{"en whole headline quoted", "'UK will stand firm on EU rebate'\n\nThe prime minister spoke.", "'UK will stand firm on EU rebate'", text.KindHeading},
		{"en bracket", "Ireland v USA (Sat)\n\nIreland name an unchanged side.", "Ireland v USA (Sat)", text.KindHeading},
		{"en question", "Could rivalry overshadow election?\n\nThe rivalry has flared again.", "Could rivalry overshadow election?", text.KindHeading},
		{"en question with a quote", "What price for 'trusted PC security'?\n\nChip makers have a plan.", "What price for 'trusted PC security'?", text.KindHeading},
		{"en labelled question", "Analysis: No pain, no gain?\n\nThe budget was tough.", "Analysis: No pain, no gain?", text.KindHeading},
		{"en exclamation", "Britain takes gold again!\n\nThe team won the final.", "Britain takes gold again!", text.KindHeading},
		{"en ellipsis", "Rivals of the £400 Apple...\n\nThe Mac mini has rivals.", "Rivals of the £400 Apple...", text.KindHeading},
		{"en quoted ellipsis", "'My memories of Marley…'\n\nThe singer died in 1981.", "'My memories of Marley…'", text.KindHeading},
		{"en question below a section label", "Administration\n\nCould rivalry overshadow election?\n\nThe rivalry has flared again.",
			"Could rivalry overshadow election?", text.KindHeading},
		{"en question after a dateline", "Tuesday, 3 March 2015\n\nWill the budget lift spirits?\n\nThe chancellor spoke.",
			"Will the budget lift spirits?", text.KindHeading},
		{"en bracketed list line", "The referees were named.\n\nHoward Webb (South Yorkshire)\n\nThe match starts at eight.",
			"Howard Webb (South Yorkshire)", text.KindHeading},
		{"de low and high quotes", "Merkel nennt Plan „unverantwortlich“\n\nDie Kanzlerin sprach am Montag.", "Merkel nennt Plan „unverantwortlich“", text.KindHeading},
		{"de single quotes", "Minister spricht von ‚Verrat‘\n\nDer Minister sprach am Montag.", "Minister spricht von ‚Verrat‘", text.KindHeading},
		{"de guillemets", "Kanzler warnt vor »Chaos«\n\nDer Kanzler sprach am Montag.", "Kanzler warnt vor »Chaos«", text.KindHeading},
		{"de question", "Kommt die Steuer doch?\n\nDie Regierung berät am Montag.", "Kommt die Steuer doch?", text.KindHeading},
		{"fr guillemets", "Le maire dénonce une « trahison »\n\nLe maire a parlé lundi.", "Le maire dénonce une « trahison »", text.KindHeading},
		{"fr question", "Le maire va-t-il démissionner ?\n\nLe conseil se réunit lundi.", "Le maire va-t-il démissionner ?", text.KindHeading},
		{"es question", "¿Quién ganará las elecciones?\n\nLos sondeos dan un empate.", "¿Quién ganará las elecciones?", text.KindHeading},
		{"es exclamation", "¡Campeones otra vez!\n\nEl equipo ganó la final.", "¡Campeones otra vez!", text.KindHeading},
		{"es guillemets", "El alcalde denuncia una «traición»\n\nEl alcalde habló el lunes.", "El alcalde denuncia una «traición»", text.KindHeading},
		{"it guillemets", "Il sindaco: «Non mi dimetto»\n\nIl sindaco ha parlato lunedì.", "Il sindaco: «Non mi dimetto»", text.KindHeading},
		{"it question", "Chi vincerà le elezioni?\n\nI sondaggi danno un pareggio.", "Chi vincerà le elezioni?", text.KindHeading},
		{"pt curly quotes", "Ministro chama plano de “irresponsável”\n\nO ministro falou na segunda-feira.", "Ministro chama plano de “irresponsável”", text.KindHeading},
		{"pt question", "Quem vai ganhar a eleição?\n\nAs sondagens dão um empate.", "Quem vai ganhar a eleição?", text.KindHeading},
		{"nl single quotes", "Minister noemt plan ‘onverantwoord’\n\nDe minister sprak maandag.", "Minister noemt plan ‘onverantwoord’", text.KindHeading},
		{"nl question", "Wie wint de verkiezingen?\n\nDe peilingen geven een gelijkspel.", "Wie wint de verkiezingen?", text.KindHeading},

		{"en question in the body", "The council met on Monday.\n\nWhy does it matter?\n\nThe budget sets every fare.", "Why does it matter?", text.KindSentence},
		{"en exclamation in the body", "Readers wrote in.\n\nCongratulations to Apple, a deserved win!\n\nOthers disagreed.",
			"Congratulations to Apple, a deserved win!", text.KindSentence},
		{"en question below a headline", "Blair faces revolt\n\nSo what happens next?\n\nThe vote is on Tuesday.", "So what happens next?", text.KindSentence},
		{"en long question at the top", "So what is the gap between Labour and the Tories these days, and does it matter?\n\nThe polls are close.",
			"So what is the gap between Labour and the Tories these days, and does it matter?", text.KindSentence},
		{"en question of 10 words at the top", "Will the new budget really lift the spirits of voters?\n\nThe chancellor spoke.",
			"Will the new budget really lift the spirits of voters?", text.KindHeading},
		{"en question of 11 words at the top", "So what is the gap between Labour and the Tories nowadays?\n\nThe polls are close.",
			"So what is the gap between Labour and the Tories nowadays?", text.KindSentence},
		{"en question alone", "Could rivalry overshadow election?", "Could rivalry overshadow election?", text.KindSentence},
		{"en question opening a paragraph", "Could it happen? Many think so.\n\nThe polls are close.", "Could it happen?", text.KindSentence},
		{"en question as a list item", "- What is up?\n\nThe forum answers.", "- What is up?", text.KindSentence},
		{"es question in the body", "El consejo votó el lunes.\n\n¿Por qué importa?\n\nEl presupuesto fija las tarifas.", "¿Por qué importa?", text.KindSentence},
		{"de question in the body", "Der Rat tagte am Montag.\n\nWarum ist das wichtig?\n\nDer Haushalt legt die Preise fest.", "Warum ist das wichtig?", text.KindSentence},
		{"en quote with its attribution", "The council met.\n\n\"We will win,\" she said.\n\nThe vote is on Tuesday.", "\"We will win,\" she said.", text.KindSentence},
		{"en quoted sentence", "The council met.\n\n\"We will win.\"\n\nThe vote is on Tuesday.", "\"We will win.\"", text.KindSentence},
		{"en bracketed sentence", "The council met.\n\n(The vote is on Tuesday.)\n\nMore.", "(The vote is on Tuesday.)", text.KindSentence},
		{"de quoted sentence", "Der Rat tagte.\n\n„Wir werden gewinnen.“\n\nDie Abstimmung ist am Dienstag.", "„Wir werden gewinnen.“", text.KindSentence},
		{"de guillemet sentence", "Der Rat tagte.\n\n»Wir werden gewinnen.«\n\nDie Abstimmung ist am Dienstag.", "»Wir werden gewinnen.«", text.KindSentence},
		{"fr quoted sentence", "Le conseil a voté.\n\n« Nous allons gagner. »\n\nLe vote a lieu mardi.", "« Nous allons gagner. »", text.KindSentence},
		{"es quoted question", "El consejo votó.\n\n«¿Quién paga?»\n\nEl voto es el martes.", "«¿Quién paga?»", text.KindSentence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantUnitKind(t, tc.src, tc.unit, tc.want)
		})
	}
}

// A caller may classify the last units of a text alone, as a summary of
// changes does with the text before a change: a question that opens them
// but not the text stays prose.
func TestClassifyTailKeepsQuestions(t *testing.T) {
	src := "The council met on Monday.\n\nWhy does it matter?\n\nThe budget sets every fare."
	sents := text.Sentences(src)
	tests := []struct {
		name  string
		units []text.Sentence
		want  text.Kind
	}{
		{"whole text", sents, text.KindSentence},
		{"from the question on", sents[1:], text.KindSentence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			kinds := text.Classify(src, tc.units)
			if got := kinds[len(tc.units)-2]; got != tc.want {
				t.Errorf("%q: got %v, want %v", tc.units[len(tc.units)-2].Text, got, tc.want)
			}
		})
	}
}

// A headline that asks opens the text whether the caller classifies the
// whole text or only its last units: the units before them are read from
// the text.
func TestClassifyTailFindsTopHeadline(t *testing.T) {
	tests := []struct{ name, src, unit string }{
		{"en below a label", "Politics\n\nCould rivalry overshadow election?\n\nThe polls are close. The vote is on Tuesday.", "Could rivalry overshadow election?"},
		{"en below a byline", "By Jane Smith\nCould rivalry overshadow election?\nThe polls are close.", "Could rivalry overshadow election?"},
		{"de below a label", "Politik\n\nWer gewinnt die Wahl?\n\nDie Umfragen sind knapp.", "Wer gewinnt die Wahl?"},
		{"fr below a label", "Politique\n\nQui va gagner l'élection ?\n\nLes sondages sont serrés.", "Qui va gagner l'élection ?"},
		{"es below a label", "Política\n\n¿Quién ganará las elecciones?\n\nLas encuestas están igualadas.", "¿Quién ganará las elecciones?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := text.Sentences(tc.src)
			at := -1
			for i, s := range sents {
				if s.Text == tc.unit {
					at = i
				}
			}
			if at < 1 {
				t.Fatalf("no unit %q after the first among %+v", tc.unit, sents)
			}
			if got := text.Classify(tc.src, sents)[at]; got != text.KindHeading {
				t.Fatalf("whole text: got %v, want heading", got)
			}
			for from := 1; from <= at; from++ {
				if got := text.Classify(tc.src, sents[from:])[at-from]; got != text.KindHeading {
					t.Errorf("from unit %d on: got %v, want heading", from, got)
				}
			}
		})
	}
	// Below prose, or below a headline, the question stays prose, tail or
	// not.
	src := "Blair faces revolt\n\nSo what happens next?\n\nThe vote is on Tuesday."
	sents := text.Sentences(src)
	if got := text.Classify(src, sents[1:])[0]; got != text.KindSentence {
		t.Errorf("below a headline, from the question on: got %v, want sentence", got)
	}
}

// A label in capitals is a heading wherever it stands, also on the line of
// a sentence, as pages that lose the line breaks around their subheadings
// leave it; the sentences beside it stay sentences, and the text is split
// faithfully.
func TestClassifyCapsLabel(t *testing.T) {
	tests := []struct{ name, src, label string }{
		{"en after a sentence", "Hughes wants the fans behind them. \"We'll battle.\" KEY MATCH STATS \n - BRENTFORD are the lowest ranked club left.", "KEY MATCH STATS"},
		{"en question before a sentence", "The first ceremony was in 1953. WHO WAS OSCAR? There is no solid evidence.\n\nMore follows.", "WHO WAS OSCAR?"},
		{"en own line question", "The ceremony was in 1953.\n\nWHO SITS IN JUDGEMENT?\n\nThe academy has members.", "WHO SITS IN JUDGEMENT?"},
		{"de after a sentence", "Der Trainer ist zufrieden. Sie wollen kämpfen. DIE WICHTIGSTEN ZAHLEN \nBRENTFORD ist der Außenseiter.", "DIE WICHTIGSTEN ZAHLEN"},
		{"fr after a sentence", "L'entraîneur est confiant. « Nous allons gagner. » LES CHIFFRES CLÉS \nBRENTFORD est le dernier qualifié.", "LES CHIFFRES CLÉS"},
		{"en before a sentence on its line", "The awards began small. HOW IT ALL STARTED The first Academy Awards were handed out in 1929.\n\nMore followed.", "HOW IT ALL STARTED"},
		{"en opening a paragraph", "KNIGHTS OF THE OLD REPUBLIC II Looks set to build on the original.\n\nIt is due in March.", "KNIGHTS OF THE OLD REPUBLIC II"},
		{"de before a sentence on its line", "Die Preise begannen klein. WIE ALLES BEGANN Die ersten Preise wurden 1929 verliehen.", "WIE ALLES BEGANN"},
		{"fr before a sentence on its line", "Les prix ont commencé petit. COMMENT TOUT A COMMENCÉ Les premiers prix datent de 1929.", "COMMENT TOUT A COMMENCÉ"},
		{"es after a sentence", "El técnico confía. «Vamos a ganar.» LAS CIFRAS CLAVE \nEl Brentford es el último clasificado.", "LAS CIFRAS CLAVE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := text.Sentences(tc.src)
			kinds := text.Classify(tc.src, sents)
			found := false
			var b strings.Builder
			end := 0
			for i, s := range sents {
				b.WriteString(tc.src[end:s.Start])
				b.WriteString(s.Text)
				end = s.End
				want := text.KindSentence
				if s.Text == tc.label {
					found, want = true, text.KindHeading
				}
				if kinds[i] != want {
					t.Errorf("%q: got %v, want %v", s.Text, kinds[i], want)
				}
			}
			b.WriteString(tc.src[end:])
			if !found {
				t.Fatalf("no unit %q among %+v", tc.label, sents)
			}
			if b.String() != tc.src {
				t.Errorf("units and gaps give %q, want the text", b.String())
			}
		})
	}
	// Prose is not written in capitals, but some of it is: a shouted
	// quotation, a one-word unit, initials with a stop.
	for _, src := range []string{"The crowd roared.\n\n\"GET OUT NOW!\"\n\nHe left.", "BLACKBURN ROVERS against Bolton is part two of a derby.",
		"- BRENTFORD are the lowest ranked club left.", "The firm will split. HP CEO Mark Hurd, who took office in March, has decided so.",
		"NASA ISS CEO Mark Kelly said so.", "Rovers won. U.S. Army officials said so.", "He laughed. LOL. She did not.", "A game is due. S.T.A.L.K.E.R. is the next one."} {
		sents := text.Sentences(src)
		for i, k := range text.Classify(src, sents) {
			if k != text.KindSentence {
				t.Errorf("%q in %q: got %v, want sentence", sents[i].Text, src, k)
			}
		}
	}
}

// A place in capitals with an agency is a dateline before the lede; lower
// down, a line that reads so is a label ("WINNERS (six times)").
func TestClassifyLateDateline(t *testing.T) {
	tests := []struct {
		name, src, unit string
		want            text.Kind
	}{
		{"en at the top", "Blair faces revolt\n\nLONDON (Reuters) -\n\nThe prime minister faced a revolt.", "LONDON (Reuters) -", text.KindDateline},
		{"en place and agency at the top", "LONDON (Reuters)\nThe prime minister faced a revolt.", "LONDON (Reuters)", text.KindDateline},
		{"en label in a table", "Rovers are founder members of the league.\n\nHEAD TO HEAD\n\n16th PREM\n\nWINNERS (six times)\n\n13th Championship", "WINNERS (six times)", text.KindHeading},
		{"en title and maker", "The games are due in March.\n\nFATAL FORCE (MACROSPACE)\n\nA shooter for phones.", "FATAL FORCE (MACROSPACE)", text.KindHeading},
		{"de label in a table", "Die Rovers sind Gründungsmitglieder.\n\nSIEGER (sechsmal)\n\n13. Liga", "SIEGER (sechsmal)", text.KindHeading},
		{"fr label in a table", "Les Rovers sont membres fondateurs.\n\nVAINQUEURS (six fois)\n\n13e Championship", "VAINQUEURS (six fois)", text.KindHeading},
		{"de at the top", "BERLIN (dpa) -\nDie Regierung hat beschlossen.", "BERLIN (dpa) -", text.KindDateline},
		{"fr at the top", "PARIS (AFP) -\nLe gouvernement a décidé.", "PARIS (AFP) -", text.KindDateline},
		{"de place and stop at the top", "Klimapaket beschlossen\n\nBerlin. Die Regierung hat am Freitag beschlossen.", "Berlin.", text.KindDateline},
		{"de place of three words", "Frankfurt am Main. Die Börse schloss im Plus.", "Frankfurt am Main.", text.KindDateline},
		{"de hyphenated place", "Baden-Baden. Die Stadt feiert.", "Baden-Baden.", text.KindDateline},
		{"en place and stop at the top", "Washington. The Senate voted on Friday.", "Washington.", text.KindDateline},
		{"de place and stop lower down", "Die Regierung hat beschlossen.\n\nBerlin. Die Stadt feiert.", "Berlin.", text.KindSentence},
		{"de answer at the top", "Nein. Das ist falsch, sagte er.", "Nein.", text.KindSentence},
		{"en one word inside a paragraph", "The vote failed. Why. Nobody knew.", "Why.", text.KindSentence},
		{"en a number at the top", "Room 101. The vote failed.", "Room 101.", text.KindSentence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, i := wantUnitKind(t, tc.src, tc.unit, tc.want)
			// The last units alone get the same kind.
			if got := text.Classify(tc.src, sents[i:])[0]; got != tc.want {
				t.Errorf("from the unit on: got %v, want %v", got, tc.want)
			}
		})
	}
}

// ClassifyPart classifies a part of a longer text, as a diff's entry is:
// a question headline that ends the part is a heading when the part opens
// the text and the text goes on, and prose otherwise.
func TestClassifyPart(t *testing.T) {
	tests := []struct {
		name, src     string
		opens, goesOn bool
		want          text.Kind
	}{
		{"en opens, goes on", "Could rivalry overshadow election?", true, true, text.KindHeading},
		{"en below a label, goes on", "Politics\n\nCould rivalry overshadow election?", true, true, text.KindHeading},
		{"de opens, goes on", "Wer gewinnt die Wahl?", true, true, text.KindHeading},
		{"fr opens, goes on", "Qui va gagner l'élection ?", true, true, text.KindHeading},
		{"en opens, ends the text", "Could rivalry overshadow election?", true, false, text.KindSentence},
		{"en in the body", "Why does it matter?", false, true, text.KindSentence},
		{"en below prose", "The council met.\n\nWhy does it matter?", true, true, text.KindSentence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := text.Sentences(tc.src)
			kinds := text.ClassifyPart(tc.src, sents, tc.opens, tc.goesOn)
			if got := kinds[len(kinds)-1]; got != tc.want {
				t.Errorf("%q: got %v, want %v", sents[len(sents)-1].Text, got, tc.want)
			}
		})
	}
	// A part that does not open the text holds no dateline of a place.
	src := "LONDON (Reuters) -\nThe prime minister faced a revolt."
	sents := text.Sentences(src)
	if got := text.ClassifyPart(src, sents, true, true)[0]; got != text.KindDateline {
		t.Errorf("opening part: got %v, want dateline", got)
	}
	if got := text.ClassifyPart(src, sents, false, true)[0]; got != text.KindHeading {
		t.Errorf("later part: got %v, want heading", got)
	}
}

// wantUnitKind finds the unit of src whose text is unit, checks that
// Classify gives it kind want, and returns the units and its index.
func wantUnitKind(t *testing.T, src, unit string, want text.Kind) ([]text.Sentence, int) {
	t.Helper()
	sents := text.Sentences(src)
	kinds := text.Classify(src, sents)
	for i, s := range sents {
		if s.Text == unit {
			if kinds[i] != want {
				t.Errorf("%q: got %v, want %v", unit, kinds[i], want)
			}
			return sents, i
		}
	}
	t.Fatalf("no unit %q among %+v", unit, sents)
	return nil, 0
}

// A match report's facts box lists and does not tell: its line-ups,
// substitutes, scorers, bookings, referee and attendance are boilerplate,
// in every language of the segmenter, mixed case or tokenized, while a
// sentence after such a label, or a list under another label, stays one.
func TestClassifyFactsBox(t *testing.T) {
	wantKindsAround(t, "Chelsea beat Arsenal 2-0 on Sunday.\n\n%s\n\nThe win keeps them top.", true, []kindCase{
		{"en line-up", "Chelsea (4-2-3-1): Courtois; Ivanovic, Cahill, Terry, Azpilicueta; Matic, Fabregas; Willian (Ramires 78), Oscar, Hazard; Costa (Remy 85).", text.KindBoilerplate},
		{"en line-up tokenized", "chelsea ( 4-3-3 ) : beeney , dabo , aina , clarke-salter , dasilva , colkett ( boga 37 ) , brown .", text.KindBoilerplate},
		{"en substitutes", "Subs not used: Cech, Filipe Luis, Drogba.", text.KindBoilerplate},
		{"en substitutes tokenized", "subs not used : cech , filipe luis , drogba .", text.KindBoilerplate},
		{"en scorers", "Goals: Hazard 27, Costa 64.", text.KindBoilerplate},
		{"en bookings", "Booked: Matic, Terry.", text.KindBoilerplate},
		{"en referee", "Referee: Mark Clattenburg (Tyne and Wear).", text.KindBoilerplate},
		{"en man of the match", "Man of the match: Eden Hazard.", text.KindBoilerplate},
		{"de", "Tore: 1:0 Müller (12.), 2:0 Kane (55.)", text.KindBoilerplate},
		{"de referee", "Schiedsrichter: Felix Zwayer (Berlin).", text.KindBoilerplate},
		{"fr", "Buts : Mbappé (12e), Dembélé (55e).", text.KindBoilerplate},
		{"es", "Árbitro: Mateu Lahoz.", text.KindBoilerplate},
		{"it", "Marcatori: Vlahovic, Chiesa.", text.KindBoilerplate},
		{"pt", "Golos: Gyökeres, Trincão.", text.KindBoilerplate},
		{"nl", "Doelpunten: De Jong, Gakpo.", text.KindBoilerplate},
		{"a team's formation with too few names", "Chelsea (4-3-3): Courtois, Terry.", text.KindSentence},
		{"a sentence after a label", "Goals: the club wants more of them this season.", text.KindSentence},
		{"a list under another label", "Present: the mayor, two aides, the clerk.", text.KindSentence},
		{"a formation in prose", "Chelsea (4-3-3) changed shape at half-time: Hazard moved inside.", text.KindSentence},
	})
}

// kindCase is a unit and the kind Classify must give it.
type kindCase struct {
	name, unit string
	want       text.Kind
}

// wantKindsAround checks each case's unit set in the text around (a format
// with one %s) and, with kindOf, KindOf of the unit alone.
func wantKindsAround(t *testing.T, around string, kindOf bool, cases []kindCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wantUnitKind(t, fmt.Sprintf(around, tc.unit), tc.unit, tc.want)
			if got := text.KindOf(tc.unit); kindOf && got != tc.want {
				t.Errorf("KindOf: got %v, want %v", got, tc.want)
			}
		})
	}
}

// IsTimestamp is KindOf's timestamp test alone.
func TestIsTimestampIsKindOfsTest(t *testing.T) {
	for _, s := range []string{"Updated: 6:34 p.m.", "Updated figures show a rise.", "Mis à jour : 18 h 34", "Aktualisiert: 18:34 Uhr",
		"6:34 p.m. ET", "12:34 EST, 3 March 2014", "Aktualizacja: 14:20", "By Jane Smith", "Photo: AP", "Read more",
		"Last modified on 3 March", "The council met at 6:34 p.m. on Monday.", "Published: 10:02 EST, 3 March 2015 |", ""} {
		if got, want := text.IsTimestamp(s), text.KindOf(s) == text.KindTimestamp; got != want {
			t.Errorf("IsTimestamp(%q) = %v, KindOf gives %v", s, got, text.KindOf(s))
		}
	}
}

// A labelled unit whose text points at its picture is a caption; a
// quotation after the label, or the words in prose, leave a sentence.
func TestClassifyCaptionPointsAtPicture(t *testing.T) {
	wantKindsAround(t, "The rescue took three days.\n\n%s\n\nThe boy is now in hospital.", false, []kindCase{
		{"this photo shows", "Tragedy: This photo, taken at the time of his rescue, shows the boy in his cage.", text.KindCaption},
		{"tokenized", "tragedy : this photo , taken at the time of his rescue , shows the 10-month-old in his cage .", text.KindCaption},
		{"sent in this picture", "Extremely busy: A reader sent in this picture of queuing at London Bridge station.", text.KindCaption},
		{"released these images", "Coming to the rescue: The company released these images of the boat today.", text.KindCaption},
		{"a quotation after the label", "Ms Davison insisted: 'At the time of taking this photo there was nothing between us.'", text.KindSentence},
		{"a quotation, tokenized", "a dvla spokesman said : ' this photograph must be clear and current . '", text.KindSentence},
		{"in prose", "The police released this picture of the suspect on Monday.", text.KindSentence},
		{"a labelled unit that places people", "Manhunt: Police are searching for Ulrike Berger, 44, (left) and her daughter Kaia (right).", text.KindCaption},
		{"places people, tokenized", "co-accused : lester van waters ( left ) was sentenced to 80 years in december .", text.KindCaption},
		{"a labelled unit that places no one", "Arrested: Ashley Doody was arrested on Sunday after the attack.", text.KindSentence},
	})
}
