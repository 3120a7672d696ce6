package text

import "strings"

// abbrevKind says how an abbreviation behaves before a capitalized word.
type abbrevKind uint8

const (
	// plain abbreviations ("Inc.", "U.S.", "etc.") end a sentence only
	// before a word that usually opens one.
	plain abbrevKind = iota
	// title abbreviations ("Mr.", "Dr.", "St.") always precede a name, and
	// a few others ("e.g.", "vs.") always precede a phrase.
	title
	// timeOfDay abbreviations ("a.m.") often end a sentence, but not the
	// short opening phrase "At 5 a.m.".
	timeOfDay
	// numeric abbreviations ("No.", "Art.") are also ordinary words, so they
	// count as abbreviations only before a number.
	numeric
	// terminal abbreviations ("etc.", "D.C.") close a list or a place name,
	// so a capital after them opens a new sentence.
	terminal
)

// language holds the word lists of one language; it is built once and never
// changed.
type language struct {
	abbrevs  map[string]abbrevKind
	starters map[string]bool
	// capitals holds what each capitalized word that matters after a
	// stop is, so that the lookahead needs one map look-up.
	capitals map[string]capitalWord
	ordinals bool // a number followed by a stop may be an ordinal
}

// capitalWord is a set of the roles a capitalized word plays after a stop.
type capitalWord uint8

const (
	starterWord capitalWord = 1 << iota // in the language's starters
	ordinalNoun                         // in ordinalNouns
	dateWord                            // in timeFollowers
)

// maxAbbrev is the length of the longest abbreviation in any list.
const maxAbbrev = 16

// abbrev looks word up among the abbreviations, ignoring ASCII case.
func (l *language) abbrev(word string) (abbrevKind, bool) {
	if len(word) > maxAbbrev {
		return plain, false
	}
	var buf [maxAbbrev]byte
	for i := range len(word) {
		c := word[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	kind, ok := l.abbrevs[string(buf[:len(word)])]
	return kind, ok
}

func (l *language) isTitle(word string) bool {
	kind, ok := l.abbrev(word)
	return ok && kind == title
}

// wordLists are the space-separated word lists of one language.
// Abbreviations are lowercase and without their final stop.
type wordLists struct {
	titles, plain, timeOfDay, numeric, terminal, starters string
	ordinals                                              bool
}

// abbrevList is the words of one kind of abbreviation.
type abbrevList struct {
	kind  abbrevKind
	words string
}

// abbrevLists returns w's abbreviations by kind, in a fixed order.
func (w wordLists) abbrevLists() []abbrevList {
	return []abbrevList{{plain, w.plain}, {title, w.titles}, {timeOfDay, w.timeOfDay}, {numeric, w.numeric}, {terminal, w.terminal}}
}

// shared lists abbreviations that are not words in any of the languages,
// so that every language may know them.
var shared = wordLists{
	titles:   "mr mrs ms dr prof mme mlle sr sra srta dra sig dott dhr mevr e.g i.e viz vs cf",
	plain:    "bzw evtl ggf vgl inkl nr approx ca mio mrd env ee uu",
	numeric:  "n° nº no nos ft in lb lbs oz yd mi sq",
	terminal: "etc usw ecc enz d.c",
	starters: "",
}

// languageLists holds each language's own lists, added to shared.
var languageLists = map[string]wordLists{
	"en": {
		titles: "messrs cpl pvt spc det ofc gov sen rep gen lt col capt cmdr cdr sgt maj adm brig rev hon pres supt mt st atty insp fr",
		plain: "inc ltd co corp llc plc bros jr esq dept est govt assn ave blvd rd hwy mfg intl natl univ al " +
			"jan feb mar apr jun jul aug sep sept oct nov dec " +
			"ala ariz ark calif colo conn fla ga kan kans ky md mich minn mont neb nev okla ore pa penn tenn tex vt va wis wyo",
		timeOfDay: "a.m p.m",
		numeric:   "art vol vols fig figs sec ch chap pt op pp tel apt ex",
		starters: "A An And As At After Also Although Are All Another Being Both But Because Before By " +
			"Can Could Did Do Does During Each Even For From He Her Here His How However I If In Instead It Its Is " +
			"Many Meanwhile Millions More Most My No Now On One Only Our Perhaps She Since So Some Still Such " +
			"That The Their Then There These They This Those Thus To Today Was We Were What When Where Which While Who Why " +
			"With Yes Yesterday Yet You Your",
	},
	"de": {
		titles:   "hr fr dipl ing st",
		plain:    "sog bspw bzgl zzgl abs jh mio mrd jan feb apr jun jul aug sep sept okt nov dez",
		numeric:  "art bd s tel",
		starters: "Der Die Das Den Dem Des Ein Eine Er Sie Es Wir Ich Ihr Man Am Im In Auf Aber Und Doch Dies Diese Dieser Dann Nach Mit Bei Für Als Wenn Auch So Nun Jetzt Heute Was Wie Wo Warum Wer",
		ordinals: true,
	},
	"fr": {
		titles:   "mm mmes mlles pr",
		plain:    "env av apr hab janv févr avr juil sept oct nov déc",
		numeric:  "art chap t p vol",
		starters: "Le La Les Un Une Il Elle Ils Elles On Nous Vous Je Ce Cette Ces Mais Et En Dans Pour Par Sur Au Aux Des Du De Selon Après Avant Puis Alors",
	},
	"es": {
		titles:   "sres dña lic ing arq",
		plain:    "ej ud uds vd vds aprox av avda cía ene feb mar abr jun jul ago sept oct nov dic",
		numeric:  "pág núm art cap tel",
		starters: "El La Los Las Un Una Él Ella Ellos Nosotros Yo Pero Y En Con Por Para Según Este Esta Estos Esto Sin Ayer Hoy Luego Después Además Se No Es Hay",
	},
	"it": {
		titles:   "sigg dott.ssa avv ing geom rag mons sen",
		plain:    "cfr gen febbr apr giu lug ago sett ott nov dic",
		numeric:  "pag art cap tel",
		starters: "Il Lo La I Gli Le Un Una Uno Ma E In Con Per Secondo Questo Questa Non Lui Lei Noi Io Dopo Poi",
	},
	"pt": {
		titles:   "profa eng exmo exma",
		plain:    "cia ltda av jan fev mar abr mai jun jul ago set out nov dez",
		numeric:  "pág art cap tel",
		starters: "O A Os As Um Uma Ele Ela Eles Elas Nós Eu Mas E Em No Na Com Para Por Segundo Este Esta Isso Depois Não Se",
	},
	"nl": {
		titles:   "mw drs ir ing",
		plain:    "bijv bv jl zgn jan feb mrt apr jun jul aug sep sept okt nov dec",
		numeric:  "blz art",
		starters: "De Het Een Hij Zij Ze Wij We Ik Maar En In Op Met Voor Dit Deze Dat Er Toen Daarna Volgens Niet Ook",
	},
}

// ordinalNouns are German nouns that an ordinal number with a stop often
// precedes. Any language's text may quote a German date, and no other
// language writes a number, a stop and these words in one sentence.
var ordinalNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember " +
		"Jahrhundert Jahrhunderts Jahrtausend Platz Mal Klasse Liga Runde Spieltag Stock Etage Weltkrieg Weltkriegs Geburtstag Todestag") {
		m[w] = true
	}
	return m
}()

// timeFollowers are the capitalized words that a time of day runs on into:
// weekdays, months and time zones.
var timeFollowers = wordsOf("Monday Tuesday Wednesday Thursday Friday Saturday Sunday " +
	"January February March April May June July August September October November December " +
	"ET EST EDT CT CST PT PST GMT BST UTC")

// languages maps each language code to its built lists.
var languages = buildLanguages()

func buildLanguages() map[string]*language {
	out := make(map[string]*language, len(languageLists))
	for code, lists := range languageLists {
		l := &language{abbrevs: map[string]abbrevKind{}, starters: map[string]bool{}, ordinals: lists.ordinals}
		l.add(shared)
		l.add(lists)
		l.capitals = capitalWords(l.starters)
		out[code] = l
	}
	return out
}

// capitalWords merges the starters with the words every language knows
// after a stop.
func capitalWords(starters map[string]bool) map[string]capitalWord {
	m := map[string]capitalWord{}
	for w := range starters {
		m[w] |= starterWord
	}
	for w := range ordinalNouns {
		m[w] |= ordinalNoun
	}
	for w := range timeFollowers {
		m[w] |= dateWord
	}
	return m
}

// add adds the lists w to l.
func (l *language) add(w wordLists) {
	for _, list := range w.abbrevLists() {
		for _, a := range strings.Fields(list.words) {
			l.abbrevs[a] = list.kind
		}
	}
	for _, s := range strings.Fields(w.starters) {
		l.starters[s] = true
	}
}
