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
// genitive article follows its noun ("Haushalt der Stadt"), and so is a
// Dutch subordinate clause, whose subject its object's article follows
// ("dat de minister de belasting verhoogt"). In every one of them a word
// after an auxiliary or a modal is a verb ("a adopté"), and so is a
// Spanish, Portuguese or Italian simple past or future ("aprobó",
// "aprovou", "fallirà"). In French, Spanish, Italian and Portuguese a
// word after a plural that ends as only a verb's third person plural does
// is that plural's verb, since an adjective there agrees with the plural
// ("críticos sostienen", "critiques estiment"); a Dutch word that ends a
// clause after the noun of "de" or "het" is its verb, the place Dutch
// gives a verb in a subordinate clause ("de belasting verhoogt.").

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
		sans sous dont lors ainsi alors aussi déjà encore toujours jamais très plus moins environ près
		leurs rien chaque plusieurs`),
	"es": hashSet(`dos tres cuatro cinco seis siete ocho nueve diez once doce veinte cien ciento mil millón millones
		día días semana semanas mes meses año años hora horas hoy ayer mañana lunes martes miércoles jueves viernes
		sábado domingo tras durante según hacia hasta desde entre sin sobre bajo ante mediante también ya aún todavía
		siempre nunca muy más menos casi unos`),
	"it": hashSet(`due tre quattro cinque sei sette otto nove dieci undici dodici venti cento mille milione milioni
		miliardo miliardi giorno giorni settimana settimane mese mesi anno anni ora ore oggi ieri domani lunedì
		martedì mercoledì giovedì venerdì sabato domenica durante dopo prima secondo verso senza sopra sotto tra fra
		presso anche già ancora sempre mai molto più meno circa quasi oltre contro dentro fuori insieme`),
	"pt": hashSet(`dois duas três quatro cinco seis sete oito nove dez onze doze vinte cem mil milhão milhões bilhão
		bilhões dia dias semana semanas mês meses ano anos hora horas hoje ontem amanhã segunda terça quarta quinta
		sexta feira sábado domingo durante após depois antes segundo desde até entre sem sobre também já ainda
		sempre nunca muito mais menos cerca quase nesta neste nesse nessa deste desta disso nisso`),
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

// otherPastEndings are endings of the third person of a simple past or a
// future that nouns seldom have: Spanish "aprobó", "fracasará",
// Portuguese "aprovou", "falhará", Italian "approvò", "fallirà".
var otherPastEndings = map[string][]string{
	"es": {"ó", "aron", "ieron", "rá", "rán"},
	"pt": {"ou", "aram", "eram", "iram", "rá", "rão"},
	"it": {"ò", "rà", "ranno"},
}

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
// edge of a key phrase (an auxiliary or a modal never is): before is the word before the first, after the
// word after the last, nil where the sentence ends or punctuation parts
// them.
func (a *analysis) otherEdge(t token, first bool, before, after *token) bool {
	if otherEdgeWords[a.lang][t.hash] || otherVerbOpeners[a.lang][t.hash] {
		return true
	}
	word := a.src[t.start:t.end]
	if !startsLower(word) {
		return false
	}
	if a.otherPast(word) || a.dutchParticiple(word) {
		return true // "anunciou nesta", "resteranno chiuse", "gepresenteerd"
	}
	if first {
		return before != nil && (otherVerbOpeners[a.lang][before.hash] || a.pluralPresent(*before, word) ||
			otherSingularVerbEndings[a.lang] != "" && a.singularPresent(a.tokenIndex(*before), word) || a.germanAfterNoun(*before) ||
			a.frenchSingularAfterPlural(*before, word) || a.dutchPastAfterNoun(*before, word, t.hash))
	}
	if a.lang == "de" {
		return true // "Kritiker bemängeln"
	}
	k := a.tokenIndex(t)
	if a.linked(k-1) && a.tokens[k-1].term >= 0 && (a.pluralPresent(a.tokens[k-1], word) || a.singularPresent(k-1, word) ||
		after == nil && a.dutchFinalVerb(k)) {
		return true // "críticos sostienen", "le plan augmente", "dat de regering de belasting verhoogt."
	}
	return after != nil && otherArticles[a.lang][after.hash] && !a.dutchSubordinate(k)
}

// dutchSubordinators open a Dutch subordinate clause, whose verb comes
// last: there a subject is followed by its object's article ("dat de
// minister de belasting verhoogt").
var dutchSubordinators = hashSet(`dat omdat als wanneer terwijl nadat voordat zodat hoewel doordat indien zodra totdat`)

// dutchSubordinate reports whether a.tokens[k], in Dutch, ends a run of
// at most four content words that, alone or after an article, follows a
// subordinator: the subject of a subordinate clause, not a verb.
func (a *analysis) dutchSubordinate(k int) bool {
	if a.lang != "nl" {
		return false
	}
	i := k
	for n := 0; n < 4 && a.linked(i-1) && a.tokens[i-1].term >= 0; n++ {
		i--
	}
	if a.linked(i-1) && otherArticles["nl"][a.tokens[i-1].hash] {
		i--
	}
	return a.linked(i-1) && dutchSubordinators[a.tokens[i-1].hash]
}

// otherPluralVerbEndings are, for each language, endings of the third
// person plural of a verb (present, future, imperfect) that a plural
// noun or adjective never has: French "estiment", "feront", Spanish
// "sostienen", "aumentan", Italian "sostengono", "aumentano", Portuguese
// "afirmam", "dizem".
var otherPluralVerbEndings = map[string][]string{
	"fr": {"ent", "ont"},
	"es": {"an", "en", "án"},
	"it": {"ano", "ono"},
	"pt": {"am", "em", "ão"},
}

// otherPluralEndings are, for each language, the endings of a plural
// noun, after which an adjective agrees and ends the same way.
var otherPluralEndings = map[string][]string{"fr": {"s", "x"}, "es": {"s"}, "it": {"i"}, "pt": {"s"}}

// pluralPresent reports whether word, a lowercase word after the content
// word prev, is the verb of prev, a lowercase plural: an adjective after
// a plural agrees with it and so ends as plurals do, where word ends as
// only a verb's third person plural does ("les critiques estiment",
// "los críticos sostienen", "i critici sostengono", "os críticos
// afirmam"). An adverb in -ment after a plural, which that ending also
// takes, ends no phrase either.
func (a *analysis) pluralPresent(prev token, word string) bool {
	ends := otherPluralVerbEndings[a.lang]
	if ends == nil || prev.term < 0 || !startsLower(word) {
		return false
	}
	noun := a.src[prev.start:prev.end]
	if len(noun) < 4 || !startsLower(noun) || !hasAnySuffix(noun, otherPluralEndings[a.lang], 0) {
		return false
	}
	return hasAnySuffix(word, ends, 3)
}

// hasAnySuffix reports whether word ends in one of ends with at least n
// bytes before it.
func hasAnySuffix(word string, ends []string, n int) bool {
	for _, e := range ends {
		if len(word) >= len(e)+n && strings.HasSuffix(word, e) {
			return true
		}
	}
	return false
}

// dutchDeterminers are the Dutch articles and demonstratives after which
// an adjective takes an -e ("de nieuwe begroting", "het grote huis").
var dutchDeterminers = hashSet(`de het deze dit die dat`)

// dutchFinalVerb reports whether a.tokens[k], a lowercase Dutch word
// that ends a clause after a content word, is the clause's verb, as a
// Dutch subordinate clause and a clause with an auxiliary put it last
// ("omdat de regering de belasting verhoogt", "heeft de raad de begroting
// goedgekeurd"): the word before it follows "de", "het" or a
// demonstrative without the -e an adjective takes there, or with the -ie
// that ends nouns and no adjective ("de politie"), so it is that
// determiner's noun, and the word ends as a finite verb, a participle or
// an infinitive do (-t, -d, -en).
func (a *analysis) dutchFinalVerb(k int) bool {
	if a.lang != "nl" || !a.linked(k-2) || !dutchDeterminers[a.tokens[k-2].hash] {
		return false
	}
	noun, verb := a.tokens[k-1], a.tokens[k]
	nw, vw := a.src[noun.start:noun.end], a.src[verb.start:verb.end]
	return startsLower(nw) && (!strings.HasSuffix(nw, "e") || strings.HasSuffix(nw, "ie")) && hasAnySuffix(vw, []string{"t", "d", "en"}, 3)
}

// dutchParticiple reports whether word, lowercase, is a Dutch past
// participle of a weak verb: ge- and -d or -t, in nine letters or more
// ("gepresenteerd", "gerealiseerd"), which nouns of that shape seldom
// are, but for those in -heid ("gezondheid").
func (a *analysis) dutchParticiple(word string) bool {
	return a.lang == "nl" && len(word) >= 9 && strings.HasPrefix(word, "ge") &&
		(strings.HasSuffix(word, "d") || strings.HasSuffix(word, "t")) && !strings.HasSuffix(word, "heid")
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

// otherBreak reports whether t ends the run of content words before it,
// whose last word is prev: a word that starts or ends no key phrase, an
// auxiliary or a modal that the stop-word list lacks ("plano vai
// falhar"), or a simple past or a plural's verb after its subject ("ayuntamiento
// aprobó", "críticos sostienen").
func (a *analysis) otherBreak(prev, t token) bool {
	if otherEdgeWords[a.lang][t.hash] || otherVerbOpeners[a.lang][t.hash] {
		return true
	}
	word := a.src[t.start:t.end]
	return startsLower(word) && (a.otherPast(word) || a.dutchParticiple(word) || a.pluralPresent(prev, word) ||
		otherSingularVerbEndings[a.lang] != "" && a.singularPresent(a.tokenIndex(prev), word) || a.germanAfterNoun(prev) ||
		a.frenchSingularAfterPlural(prev, word) || a.dutchPastAfterNoun(prev, word, t.hash))
}

// dutchIrregularPasts are the commonest Dutch strong pasts, singular.
var dutchIrregularPasts = hashSet(`sprak ging kwam nam gaf bleef vond zag stond lag liep hield kreeg bracht dacht
	wist zocht koos won verloor schreef riep vroeg trok sloot viel`)

// dutchPastAfterNoun reports whether, in Dutch, word (lowercase, of hash h) is a
// simple past after prev, a content word: a weak past in -de or -te of
// six letters or more, or a common strong past ("sprak", "ging"). Dutch
// sets its adjectives before the noun, so a word of that ending right
// after one is the verb of a subject ("de oppositie kondigde verzet aan"
// gives "oppositie" and "verzet"), where "de nieuwe regering" keeps its
// adjective, after an article.
func (a *analysis) dutchPastAfterNoun(prev token, word string, h uint32) bool {
	if a.lang != "nl" || prev.term < 0 || !startsLower(word) {
		return false
	}
	if dutchIrregularPasts[h] {
		return true
	}
	return len(word) >= 6 && (strings.HasSuffix(word, "de") || strings.HasSuffix(word, "te"))
}

// frenchSingularS are French nouns whose singular ends in -s or -x.
var frenchSingularS = hashSet(`prix pays temps cas choix corps bras fois mois repos avis poids discours procès progrès
	succès accès excès processus virus campus bus jus gaz nez voix croix paix taux flux époux héros dos bois fils tapis
	palais concours secours recours parcours débris remords sens`)

// frenchSingularAfterPlural reports whether, in French, word (lowercase)
// follows prev, a lowercase plural, with a verb's singular ending (-e,
// -t) where an adjective would agree with the plural and end in -s or
// -x: the verb of a subject that stands earlier ("la grève lancée par les
// syndicats de cheminots perturbe le trafic" gives "cheminots").
func (a *analysis) frenchSingularAfterPlural(prev token, word string) bool {
	if a.lang != "fr" || prev.term < 0 || len(word) < 4 || !startsLower(word) || frenchSingularS[prev.hash] {
		return false
	}
	noun := a.src[prev.start:prev.end]
	return len(noun) >= 4 && startsLower(noun) && hasAnySuffix(noun, []string{"s", "x"}, 3) &&
		hasAnySuffix(word, []string{"e", "t"}, 3) && !strings.HasSuffix(word, "ment")
}

// germanAfterNoun reports whether, in German, prev is a noun: a
// capitalised word that does not open its sentence. German sets its
// adjectives before the noun, so a lowercase word after one is no part of
// its phrase but a verb, an adverb or a predicate ("Opposition kündigte
// Widerstand an" gives "Opposition" and "Widerstand").
func (a *analysis) germanAfterNoun(prev token) bool {
	return a.lang == "de" && a.capitalized(prev) && !a.opensSentence(int(prev.start))
}

// otherMasculineArticles are, for French, Spanish, Italian and
// Portuguese, the articles and demonstratives of a masculine singular
// noun, after which an adjective takes the masculine's ending.
var otherMasculineArticles = map[string]map[uint32]bool{
	"fr": hashSet(`le un du au ce cet`),
	"es": hashSet(`el un del al este ese aquel`),
	"it": hashSet(`il lo un uno del dello al allo nel nello questo quel quello`),
	"pt": hashSet(`o um do ao no este esse aquele`),
}

// otherSingularVerbEndings are, for each language, the ending of the
// third person singular present of the commonest verbs (French -er,
// Spanish and Portuguese -ar, Italian -are), which an adjective after a
// masculine singular noun does not take: French "augmente", Spanish
// "aumenta", Italian "aumenta", Portuguese "aumenta".
// otherSingularAdjectiveEndings are the adjectives that end so all the
// same ("socialiste", "unique", "durable"; "socialista", "agrícola").
var otherSingularVerbEndings = map[string]string{"fr": "e", "es": "a", "it": "a", "pt": "a"}

var otherSingularAdjectiveEndings = map[string][]string{
	"fr": {"ique", "aire", "ble", "iste", "ile", "cole", "ide", "ne", "re", "ge", "me", "se", "ve", "che", "ace", "ée", "ie"},
	"es": {"ista", "ícola", "cida"},
	"it": {"ista", "cida"},
	"pt": {"ista", "ícola", "cida"},
}

// singularPresent reports whether word, a lowercase word after
// a.tokens[k], is the verb of that word, a lowercase singular noun after
// a masculine article or demonstrative: there an adjective takes the
// masculine's ending, where word ends as only a third person singular
// present does ("le plan augmente de 5%", "el plan aumenta", "il piano
// aumenta", "o plano aumenta"; but "le parti socialiste", "el partido
// socialista").
func (a *analysis) singularPresent(k int, word string) bool {
	end := otherSingularVerbEndings[a.lang]
	if end == "" || len(word) < len(end)+3 || !strings.HasSuffix(word, end) || !startsLower(word) ||
		hasAnySuffix(word, otherSingularAdjectiveEndings[a.lang], 0) || !a.linked(k-1) || a.tokens[k].term < 0 {
		return false
	}
	noun := a.src[a.tokens[k].start:a.tokens[k].end]
	return startsLower(noun) && otherMasculineArticles[a.lang][a.tokens[k-1].hash]
}
