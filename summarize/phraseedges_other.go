package summarize

import "strings"

// The other supported languages' key phrases follow simpler rules than
// English: their stop-word lists leave prepositions, number words and
// words of time among the content words ("nuevo presupuesto tras",
// "zehn Prozent", "adopté lundi"), which start or end no key phrase in any
// case and split a run. In German, which capitalizes every noun, a key
// phrase ends on a noun: a lowercase last word is a verb, an adjective
// after its noun or an adverb ("Kritiker bemängeln", "Plan erhöht"). In
// French, Spanish, Italian, Portuguese and Dutch, a lowercase word that an
// article follows is a verb and its object begins ("plan augmente les",
// "ayuntamiento aprobó el"); German is left out of that rule, since there a
// genitive article follows its noun ("Haushalt der Stadt"). In every one
// of them a word after an auxiliary or a modal is a verb ("a adopté"), and
// so is a Spanish or Portuguese simple past ("aprobó", "aprovou").

// otherEdgeWords are, for each language, the words that start or end no
// key phrase and split a run.
var otherEdgeWords = map[string]map[uint32]bool{
	"de": hashSet(`eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend million
		millionen milliarde milliarden tag tage tagen woche wochen monat monate monaten jahr jahre jahren stunde stunden
		heute gestern morgen montag dienstag mittwoch donnerstag freitag samstag sonntag nach vor während seit laut
		gegen ohne zwischen trotz wegen bereits schon noch immer nie sehr mehr weniger auch etwa rund fast knapp`),
	"fr": hashSet(`deux trois quatre cinq six sept huit neuf dix onze douze vingt cent cents mille million millions
		milliard milliards jour jours semaine semaines mois an ans année années heure heures aujourd hier demain
		lundi mardi mercredi jeudi vendredi samedi dimanche après avant pendant depuis selon malgré chez vers entre
		sans sous dont lors ainsi alors aussi déjà encore toujours jamais très plus moins environ près`),
	"es": hashSet(`dos tres cuatro cinco seis siete ocho nueve diez once doce veinte cien ciento mil millón millones
		día días semana semanas mes meses año años hora horas hoy ayer mañana lunes martes miércoles jueves viernes
		sábado domingo tras durante según hacia hasta desde entre sin sobre bajo ante mediante también ya aún todavía
		siempre nunca muy más menos casi unos`),
	"it": hashSet(`due tre quattro cinque sei sette otto nove dieci undici dodici venti cento mille milione milioni
		miliardo miliardi giorno giorni settimana settimane mese mesi anno anni ora ore oggi ieri domani lunedì
		martedì mercoledì giovedì venerdì sabato domenica durante dopo prima secondo verso senza sopra sotto tra fra
		presso anche già ancora sempre mai molto più meno circa quasi`),
	"pt": hashSet(`dois duas três quatro cinco seis sete oito nove dez onze doze vinte cem mil milhão milhões bilhão
		bilhões dia dias semana semanas mês meses ano anos hora horas hoje ontem amanhã segunda terça quarta quinta
		sexta feira sábado domingo durante após depois antes segundo desde até entre sem sobre também já ainda
		sempre nunca muito mais menos cerca quase`),
	"nl": hashSet(`twee drie vier vijf zes zeven acht negen tien elf twaalf twintig honderd duizend duizenden
		miljoen miljoenen miljard dag dagen week weken maand maanden jaar jaren uur vandaag gisteren morgen maandag
		dinsdag woensdag donderdag vrijdag zaterdag zondag tijdens na volgens sinds tussen zonder ook al nog altijd
		nooit zeer meer minder ongeveer bijna`),
}

// otherArticles are, for each language but German, the articles and
// possessives that open a verb's object.
var otherArticles = map[string]map[uint32]bool{
	"fr": hashSet(`le la les un une des du au aux ce cet cette ces son sa ses leur leurs`),
	"es": hashSet(`el la los las un una unos unas su sus este esta estos estas`),
	"it": hashSet(`il lo la i gli le un uno una suo sua suoi sue questo questa`),
	"pt": hashSet(`o a os as um uma uns umas seu sua seus suas este esta`),
	"nl": hashSet(`de het een deze dit zijn haar hun`),
}

// otherVerbOpeners are, for each language, the auxiliaries and modals
// after which a word is a verb: "a adopté", "ha approvato", "heeft
// goedgekeurd".
var otherVerbOpeners = map[string]map[uint32]bool{
	"de": hashSet(`hat haben hatte hatten ist sind war waren wird werden wurde wurden kann können muss müssen soll sollen will wollen`),
	"fr": hashSet(`a ai as avons avez ont avait avaient été était étaient sont est sera seront peut peuvent doit doivent va vont`),
	"es": hashSet(`ha han he hemos había habían fue fueron es son será serán puede pueden debe deben va van`),
	"it": hashSet(`ha hanno ho abbiamo aveva avevano è sono era erano stato stata stati fu sarà può possono deve devono`),
	"pt": hashSet(`foi foram é são tem têm há havia será serão pode podem deve devem vai vão`),
	"nl": hashSet(`heeft hebben had hadden is zijn was waren wordt worden werd werden zal zullen kan kunnen moet moeten`),
}

// otherPastEndings are endings of the third person of a simple past that
// nouns seldom have: Spanish "aprobó", Portuguese "aprovou".
var otherPastEndings = map[string][]string{"es": {"ó", "aron", "ieron"}, "pt": {"ou", "aram", "eram", "iram"}}

// hashSet holds the FNV-1a hash of each word, as tokens carry it.
func hashSet(words string) map[uint32]bool {
	m := map[uint32]bool{}
	for _, w := range strings.Fields(words) {
		m[fnv32([]byte(w))] = true
	}
	return m
}

// otherEdge reports whether t, the first (first true) or the last word of
// a run of content words in a language other than English, may not be an
// edge of a key phrase: before is the word before the first, after the
// word after the last, nil where the sentence ends or punctuation parts
// them.
func (a *analysis) otherEdge(t token, first bool, before, after *token) bool {
	if otherEdgeWords[a.lang][t.hash] {
		return true
	}
	word := a.src[t.start:t.end]
	if !startsLower(word) {
		return false
	}
	if first {
		return before != nil && otherVerbOpeners[a.lang][before.hash]
	}
	if a.lang == "de" || a.otherPast(word) {
		return true // "Kritiker bemängeln", "alcalde agradeció"
	}
	return after != nil && otherArticles[a.lang][after.hash]
}

// otherPast reports whether word has an ending of a simple past.
func (a *analysis) otherPast(word string) bool {
	for _, end := range otherPastEndings[a.lang] {
		if len(word) >= len(end)+3 && strings.HasSuffix(word, end) {
			return true
		}
	}
	return false
}

// otherBreak reports whether t ends the run of content words before it:
// a word that starts or ends no key phrase, or a simple past after its
// subject ("ayuntamiento aprobó").
func (a *analysis) otherBreak(t token) bool {
	if otherEdgeWords[a.lang][t.hash] {
		return true
	}
	word := a.src[t.start:t.end]
	return startsLower(word) && a.otherPast(word)
}
