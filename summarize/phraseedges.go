package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// English key phrases are runs of content words, and the stop-word list
// leaves verbs, adverbs and some function words among them: a subject and
// its verb ("operating profits fell"), a verb and its object ("reduce
// poverty"), an adverb ("apologised publicly"). Without a part-of-speech
// tagger, the edges are judged by the word's form and by the stop word
// next to the run: how a tagger would read the word there.

// englishFunctionWords are function words that the Snowball list does not
// hold, and units of time, which say when rather than what: none starts or
// ends an English key phrase, in any case ("However Nasdaq", "another
// album", "months").
var _ = addClass(enFunction, `however although though meanwhile also already still yet even ever never just now
	among amongst despite within without across around along amid amidst toward towards upon via per onto unless since
	whereas whilst thus hence therefore instead perhaps rather quite almost nearly ago away back together later earlier
	soon often always usually recently currently finally well far much many several less least lot lots pretty
	alongside beside besides beyond behind throughout including excluding regarding concerning neither either
	another every whose enough abroad elsewhere indeed anyway afterwards altogether sometimes maybe whatever anymore
	aside twice ahead near beneath unlike versus inside outside
	day days week weeks month months hour hours decade decades today yesterday tomorrow tonight`)

// englishNumberWords are pieces of a number: they end no key phrase, and
// after a gerund they are its object ("films receiving four").
var _ = addClass(enFunction|enNumber, `one two three four five six seven eight nine ten eleven twelve twenty thirty
	forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions
	trillion dozen dozens half`)

// englishAdverbs, from the lists above, before a word make an -s form a
// verb ("already publishes", "also plans").
var _ = addClass(enAdverb, `also already still yet even ever never just now often always usually sometimes recently
	currently finally soon later perhaps almost nearly however too again`)

// englishIrregularVerbs are past forms and participles that the -ed rule
// misses, left out where the form is as often a noun ("left", "hit").
var _ = addClass(enIrregular, `went gone began begun became fell fallen rose risen grew grown won lost held found
	got gotten sold bought paid sent spent struck brought built caught chose chosen drove driven fought hung kept led
	meant met ran saw sat stood taught threw thrown understood wrote written done been taken given known shown broken
	spoken beaten stolen sworn worn forgotten hidden sought felt heard laid lent sank shrank slid spun swept swung woke
	withdrew withdrawn overtook undertook drew drawn spoke knew flew blew froze frozen shook rode swore put shut beat
	quit fled dealt stuck tore torn upheld withheld overcame oversaw overseen misled forgot forgave arose arisen sang
	sung rang slept wept overtaken undertaken broke fed hid stole swam sped bled dug`)

// englishEdNouns end in -ed and are not verbs.
var _ = addClass(enEdNoun, `hundred speed need seed feed deed shed steed reed weed sled bred greed creed breed hatred
	kindred sacred naked wicked rugged beloved`)

// englishVerbs are verbs, base and -s forms, that news uses and that are
// seldom nouns: after a subject they end no key phrase ("China remains",
// "GM expects", "Irish equities continue"), and before an object they
// start none ("require tax cuts").
var _ = func() bool {
	m := map[string]uint32{}
	for _, v := range strings.Fields(`continue expect believe remain enjoy involve operate retire occur expand represent
		choose deny require include seem appear become suggest insist argue admit reveal announce confirm explain
		describe decide refuse allow provide receive consider prefer manage intend agree accuse warn urge predict
		lie die sell buy bring reduce improve hire produce replace use take meet think exist seek join keep lose suffer
		deliver earn plan aim come go send remove ensure expire let publish threaten prevent achieve encourage ignore
		reject discuss establish generate prove realise realize recognise recognize feel mean see stay support look hold
		offer strengthen weaken widen worsen tighten loosen lessen broaden deepen shorten lengthen soften harden
		hasten sharpen heighten dampen frighten toughen give know`) {
		m[v] |= enVerb
		switch {
		case strings.HasSuffix(v, "y") && !strings.HasSuffix(v, "ay") && !strings.HasSuffix(v, "oy") && !strings.HasSuffix(v, "uy"):
			m[v[:len(v)-1]+"ies"] |= enVerb
		case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch"):
			m[v+"es"] |= enVerb
		default:
			m[v+"s"] |= enVerb
		}
	}
	// These words are as often nouns ("drug use", "takeover offers",
	// "the left"): they are verbs only where the word before says so,
	// an adverb, "which" or a plural ("rarely use", "which offer",
	// "Premiership teams face").
	for _, v := range strings.Fields(`plan aim use support look hold offer offers face fall rise hope need fear claim
		play return appeal live call vote struggle left hit cut set stand download help shot spread`) {
		m[v] = enVerbNoun
	}
	for w, c := range m {
		englishClass.add(fnv32([]byte(w)), c)
	}
	return true
}()

// englishClass holds, under the FNV-1a hash of each word the lists above
// name (as tokens carry it), the lists it is on: one lookup a word, the
// commonest step of the key phrase rules.
var englishClass classTable

// classTable maps a word's hash to the lists it is on, by open addressing
// in a table of fixed size, which needs no initialization and is looked up
// faster than a map: an empty slot has no lists.
type classTable struct {
	slot [classSlots]classSlot
}

// classSlot is one word's hash and lists; lists 0 marks it empty.
type classSlot struct {
	hash, class uint32
}

// classSlots is a power of two nearly ten times the number of listed words, so
// that a lookup, which for most words finds an empty slot, nearly always
// probes one slot only.
const (
	classBits  = 13
	classSlots = 1 << classBits
)

// classIndex spreads the hash over the table, as wordTable's slotOf does:
// fnv32's low bits alone follow a word's last byte too closely, and a
// table indexed by them holds runs of a dozen slots.
func classIndex(h uint32) uint32 { return (h * 0x9E3779B1) >> (32 - classBits) }

// get returns the lists the word hashed to h is on.
func (t *classTable) get(h uint32) uint32 {
	for i := classIndex(h); t.slot[i].class != 0; i = (i + 1) & (classSlots - 1) {
		if t.slot[i].hash == h {
			return t.slot[i].class
		}
	}
	return 0
}

// add puts the word hashed to h on the lists class.
func (t *classTable) add(h, class uint32) {
	i := classIndex(h)
	for t.slot[i].class != 0 && t.slot[i].hash != h {
		i = (i + 1) & (classSlots - 1)
	}
	t.slot[i].hash = h
	t.slot[i].class |= class
}

// The lists a word may be on.
const (
	enFunction uint32 = 1 << iota
	enIrregular
	enEdNoun
	enLyWord
	enDeterminer
	enVerbOpener
	enIngNoun
	enPreposition
	enVerb
	enPronoun
	enNumber
	enAdverb
	enVerbNoun
	enWhich
	enWho
	enParticle
	enObject
	enPlural
	enWhat
	enFinite
	enClauseOpener
	enClauseEnder
	enSingularAux
	enIngAdj
	enBe
	enFlat
	enIseNoun
	enRelative
	enQuantifier
	enBareInfinitive
	enSaying
	enTitle
)

// englishTitles stand before a name and say nothing without it: a key
// phrase may start on one ("Sir Alex Ferguson", "Dr Nielsen") but not end
// on it, which lowercased text, where a name cannot be told from the
// words around it, would otherwise leave ("sir" of "sir curtly was
// joined", whose -ly name reads as an adverb).
// The titles that are as often common nouns ("a senior law lord", "the
// leading lady", "a pantomime dame") or other words ("next gen") are
// titles only when capitalised (capitalisedTitles).
var _ = addClass(enTitle, `mr mrs ms dr sir prof lord lady dame rev sen gov gen lt col capt sgt insp supt`)

var capitalisedTitles = wordSet(`lord lady dame rev sen gov gen lt col capt sgt insp supt`)

func addClass(class uint32, words string) bool {
	for _, w := range strings.Fields(words) {
		englishClass.add(fnv32([]byte(w)), class)
	}
	return true
}

// classOf returns the lists t is on, none for a word in capitals: "US"
// and "IT" are names, not "us" and "it".
func (a *analysis) classOf(t token) uint32 {
	c := englishClass.get(t.hash)
	if c != 0 && t.end-t.start >= 2 && allCaps(a.src[t.start:t.end]) {
		return 0
	}
	return c
}

// allCaps reports whether word is all ASCII capitals, as an acronym is.
func allCaps(word string) bool {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// lowerSuffix reports whether word, lowercase where it matters, ends in
// suffix and has at least n bytes.
func lowerSuffix(word, suffix string, n int) bool {
	return len(word) >= n && strings.HasSuffix(word, suffix)
}

// englishIngNouns end in -ing and name a thing or a trade, or describe
// one ("developing countries"): they may start a phrase anywhere.
var _ = addClass(enIngNoun, `developing emerging existing growing rising leading remaining operating working falling
	increasing ongoing outstanding ruling governing opposing competing booming struggling soaring declining underlying
	neighbouring neighboring surrounding upcoming incoming outgoing missing banking trading spending funding housing
	building meeting training marketing advertising manufacturing shipping smoking lending pricing accounting
	engineering mining broadcasting publishing gaming gambling printing planning restructuring bidding borrowing
	offering earnings morning evening ceiling`)

// englishIngAdjectives are the listed -ing words that describe a noun
// before it ("rising oil prices") and are participles after one, the verb
// of a clause whose subject it is ("with sales rising", "prices falling
// sharply"): after a content word they end no phrase.
var _ = addClass(enIngAdj, `developing emerging existing growing rising leading remaining falling increasing ongoing
	outstanding competing booming struggling soaring declining underlying neighbouring neighboring surrounding upcoming
	incoming outgoing missing opposing`)

// After a form of "be" a gerund is a verb, even one that names a trade
// ("was planning", "is trading").
var _ = addClass(enBe, `is are was were am be`)

// After "help", where it is a verb, a word is a verb too ("could help
// drive demand"), unless it is a plural or ends as adjectives do, the
// start of the object ("to help poor countries" is missed, "to help
// local firms" is not); "only" between a modal and a word makes it
// a verb as an adverb does ("could only finish"); "and" and "or" join a
// verb to the verb before them (see coordinatedVerb).
var _ = addClass(enBareInfinitive, `help helps helped helping`)
var hashOnly, hashAnd, hashOr = fnv32([]byte("only")), fnv32([]byte("and")), fnv32([]byte("or"))

// englishFlatWords are adjectives and adverbs that stand before a noun
// ("early elections", "outright win") but, after one, are an adverb or a
// predicate: they end no phrase after a content word ("buy Fiat
// outright", "injured his left wrist early"). Ordinals from "third" on are
// such words too: before a noun they rank it ("fourth quarter profits"),
// after one they are a place in a table ("left his side fourth"); so are
// "higher" and "lower" ("force prices lower") and the adjectives that
// stand after their noun ("making firms wary", "kept the hopes alive").
// "open" is left out: it ends the names of tournaments ("Australian
// Open"), which lowercased text writes in lowercase.
var _ = addClass(enFlat, `outright overnight overseas early late alone apart likely unlikely hard
	third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
	higher lower wary aware alive afraid asleep awake ashamed akin averse afloat ablaze adrift`)

// englishIseNouns end as verbs made with -ise, -ize or -ify do, and are
// nouns or adjectives (see verbSuffix).
var _ = addClass(enIseNoun, `enterprise enterprises exercise exercises franchise franchises merchandise expertise
	compromise compromises premise premises promise promises paradise surprise surprises demise treatise treatises
	otherwise likewise clockwise precise concise`)

// verbSuffix reports whether word, not on the lists c, is a verb made
// with -ify, -ise or -ize, or its -s form: "justify", "criticises",
// "modernize". Those suffixes make verbs, the few nouns among them listed
// as englishIseNouns.
func verbSuffix(word string, c uint32) bool {
	if len(word) < 6 || c&enIseNoun != 0 {
		return false
	}
	w := word
	switch word[len(word)-1] {
	case 's':
		w = word[:len(word)-1]
	case 'e', 'y':
	default:
		return false
	}
	return lowerSuffix(w, "ify", 6) || lowerSuffix(w, "ifie", 7) || lowerSuffix(w, "ise", 7) || lowerSuffix(w, "ize", 7)
}

// englishLyWords end in -ly and are not adverbs: nouns, verbs and
// adjectives, which may end a phrase ("Italy", "oil supply", "elderly").
var _ = addClass(enLyWord, `family italy july supply assembly rally ally reply monopoly anomaly belly bully jelly lily
	holly folly early likely unlikely daily weekly monthly quarterly yearly elderly friendly unfriendly lovely holy ugly
	deadly costly lonely lively silly orderly nightly hourly timely worldly scholarly bodily curly jolly chilly hilly
	oily smelly wily surly apply comply multiply imply rely ply fly only`)

// englishPrepositions before a participle leave it an adjective ("of
// skilled workers"), though a gerund after them is a verb ("by cutting").
var _ = addClass(enPreposition, `of in for with on at from by into about over under between against`)

// englishDeterminers before a word make it a noun's, as in "the proposed
// merger"; after a run they open the object of its last word, a verb's
// ("Rosneft faces the").
var _ = addClass(enDeterminer, `the a an its his her their this these those our my your some any no every each`)

// englishPronouns before a word make it a verb ("they found", "he
// urged"), and after a run they are its last word's object.
var _ = addClass(enPronoun, `it he she they we them him us i you itself himself herself themselves`)

// englishIndefinitePronouns are function words that, after a run, are its
// last word's object too ("spyware watches everything").
var _ = addClass(enFunction|enPronoun, `everything everyone everybody something someone somebody anything anyone
	anybody nothing nobody`)

// englishIrregularPlurals are plurals without the -s that marks the
// others, the subject of a verb after them ("people download").
var _ = addClass(enPlural, `people children men women police media`)

// After "who" a word is a verb ("tourists who visit Cuba"); after "which"
// an -s form is ("software which lets").
var _ = addClass(enWho, `who`)
var _ = addClass(enWhich, `which`)

// englishParticles after a run make its last word a phrasal verb
// ("Spurlock set out", "site shut down"); englishGerundObjects after a
// gerund are its object ("Moya winning both", "people delivering that").
var _ = addClass(enParticle, `up out off down`)
var _ = addClass(enObject, `both all that`)

// After a run, "what" opens the object of its last word ("award
// reinforces what").
var _ = addClass(enWhat, `what`)

// englishVerbOpeners are the words after which a word is a verb: "to
// reduce poverty", "could hold talks", "has begun", and the t of n't and
// the ll of 'll ("didn't play", "I'll play").
var _ = addClass(enVerbOpener, `to will would could can may might should must shall did does do not has have had
	having been being t ll`)

// englishEdge reports whether t, the first (first true) or the last word
// of a run of content words, may not be an edge of an English key phrase.
// before is the word before the first, after the word after the last:
// nil where the sentence ends or punctuation parts them.
func (a *analysis) englishEdge(t token, first bool, before, after *token) bool {
	inner, outer := a.hyphenBefore(t), a.hyphenAfter(t)
	if first {
		inner, outer = outer, inner
	}
	switch {
	case outer:
		return true // a piece of a hyphenated word: "re-election", "tie-in"
	case inner:
		return false // judged as a whole: "well-known", "left-back"
	}
	c := englishClass.get(t.hash)
	word := a.src[t.start:t.end]
	if !first && c&enTitle != 0 && (!startsLower(word) || !capitalisedTitles[word]) {
		return true // "Sir" without its name: "…, said sir."
	}
	if c&enFunction != 0 {
		// A capitalized number word inside a sentence is a name's:
		// "Six Nations".
		return c&enNumber == 0 || startsLower(word) || first && before == nil
	}
	if !startsLower(word) {
		// A name, or a word opening a sentence, which may be an
		// adverb: "Unfortunately England".
		return first && before == nil && lowerSuffix(word, "ly", 6) && adverbSuffix(word)
	}
	if lowerSuffix(word, "ly", 5) && c&enLyWord == 0 {
		return true // an adverb
	}
	past := c&enIrregular != 0 || lowerSuffix(word, "ed", 4) && c&enEdNoun == 0
	if verbSuffix(word, c) {
		c |= enVerb // "criticises", "modernize"
	}
	if first {
		var prev uint32 // the lists the word before is on
		if before != nil {
			prev = a.classOf(*before)
			if before.hash == hashTo && a.prepositionTo(*before) {
				prev = enPreposition // "due to safety concerns", "according to police sources"
			}
		}
		return a.verbStarts(t, word, c, prev, past, before)
	}
	if past || c&enVerb != 0 {
		return true // "profits fell", "Cairn revealed", "GM expects"
	}
	if c&(enIngAdj|enFlat) != 0 && a.afterContentWord(t) {
		return true // "prices falling", "buy Fiat outright"
	}
	if c != 0 && a.subjectVerb(t, nil, word, c, -1) {
		// "Yukos claims was": englishBreak has judged the other
		// words with their subjects, and split the run there.
		return true
	}
	if gerund(word) && c&enIngNoun == 0 && (a.nameBefore(t) || after != nil && a.participleAfterDeterminer(t, *after)) {
		// A name and the gerund that ends its run are a clause
		// ("Turkey reneging on"), where a gerund that goes on to a
		// noun describes it ("Balco doping scandal"); so are a
		// determiner's noun and a gerund that a function word follows
		// ("the singer talking about").
		return true
	}
	if after != nil && c&enIngNoun != 0 && c&enIngAdj == 0 && englishClass.get(after.hash)&enPreposition != 0 && gerund(word) &&
		a.afterCommonPlural(t) {
		return true // "Ambev sales accounting for", "banks lending to", where "government spending on" stays
	}
	if after != nil && questionWords.has(after.hash) && a.verbBeforeQuestion(t, word) {
		return true // "Mr Blair recalls how", "these nominations show why"
	}
	if after != nil && after.hash == hashTo && prepositionHeads.has(t.hash) {
		return true // "profits soar thanks to", "payments due to"
	}
	return after != nil && a.objectFollows(word, c, *after)
}

// questionWords open a clause that a verb of saying or knowing takes for
// its object (see verbBeforeQuestion).
var questionWords = newHashList(`how why whether`)

// prepositionHeads are the first words of prepositions of two words that
// end with "to": before "to" they end no key phrase ("profits soar thanks
// to", "payments due to", "sources close to the talks").
var prepositionHeads = newHashList(`thanks due owing prior close`)

// prepositionTo reports whether to, the word "to", ends a preposition of
// two words ("due to", "thanks to", "according to"): the word after it is
// a noun's, not an infinitive ("due to safety concerns").
// After a form of "be", alone or with an adverb or "not" between, "due
// to" opens an infinitive: "Clijsters was also due to marry", "scouts are
// due to watch", where "called off due to safety concerns" has a noun.
func (a *analysis) prepositionTo(to token) bool {
	k := a.tokenIndex(to)
	if !a.linked(k - 1) {
		return false
	}
	head := a.tokens[k-1].hash
	if head == hashAccording || head != hashDue && prepositionHeads.has(head) {
		return true
	}
	if head != hashDue {
		return false
	}
	i := k - 2
	for n := 0; n < 2 && a.linked(i) && i >= 0; n++ {
		w := a.tokens[i]
		c := a.classOf(w)
		switch {
		case c&enBe != 0 || w.hash == hashBeen || w.hash == hashBeing:
			return false
		case c&enAdverb != 0 || a.adverb(w, c) || w.hash == hashNot:
			i-- // "was also due to"
			continue
		}
		return true
	}
	return true
}

var hashDue, hashBeen, hashBeing, hashNot = fnv32([]byte("due")), fnv32([]byte("been")), fnv32([]byte("being")), fnv32([]byte("not"))

var hashAccording = fnv32([]byte("according"))

// edgeAdjectives are the adjectives among edgeWords: "new", "old" and
// "former" describe the noun after them, and a trade's gerund or a
// participle before them is a verb, its object the noun phrase they open
// ("developing new comedy", "replacing old systems"), where "developing
// countries" stays.
var edgeAdjectives = newHashList(`new old former`)

// beforeEdgeAdjective reports whether a lowercase edge adjective follows
// t, a space apart.
func (a *analysis) beforeEdgeAdjective(t token) bool {
	k := a.tokenIndex(t)
	if !a.linked(k) || a.hyphenAfter(t) {
		return false
	}
	next := a.tokens[k+1]
	return edgeAdjectives.has(next.hash) && startsLower(a.src[next.start:next.end]) && !a.hyphenAfter(next)
}

// hashList holds the hashes of a few words, fewer than a list of
// englishClass may take: a scan of a short slice.
type hashList []uint32

func newHashList(words string) hashList {
	var l hashList
	for _, w := range strings.Fields(words) {
		l = append(l, fnv32([]byte(w)))
	}
	return l
}

// has reports whether h is the hash of one of the words.
func (l hashList) has(h uint32) bool {
	for _, x := range l {
		if x == h {
			return true
		}
	}
	return false
}

// verbBeforeQuestion reports whether t, the word before "how", "why" or
// "whether", is a verb, the clause it opens its object: an -s form after a
// name ("Mr Blair recalls how"), or a lowercase base form after a
// lowercase plural ("these nominations show why"), which agree as a
// subject and its verb do. A plural there is a noun ("questions over
// how", "the reasons why").
func (a *analysis) verbBeforeQuestion(t token, word string) bool {
	if sForm(word) {
		return a.nameBefore(t)
	}
	k := a.tokenIndex(t)
	return a.linked(k-1) && a.tokens[k-1].term >= 0 && a.commonPlural(a.tokens[k-1]) && !adjectiveSuffix(word)
}

// verbStarts reports whether word, the first of a run, on the lists c and
// after a word on the lists prev (before, or nil), is a verb.
func (a *analysis) verbStarts(t token, word string, c, prev uint32, past bool, before *token) bool {
	adverbBefore := prev&enAdverb != 0 || before != nil && a.adverb(*before, prev)
	coordinated := before != nil && (before.hash == hashAnd || before.hash == hashOr) && a.coordinatedVerb(*before, word)
	switch {
	case c&enIngNoun != 0:
		// "to developing countries", but "already planning", "was
		// trading", "using and trading"; a participle after "be" is a
		// verb where no noun follows it ("were rising", but "will be
		// rising debt"). A trade's gerund before an adjective and its
		// noun has them for its object ("offering special dividends"),
		// where the participles that describe go on to an adjective too
		// ("growing political pressure").
		return adverbBefore || coordinated || prev&enBe != 0 && (c&enIngAdj == 0 || !a.beforeContentWord(t)) ||
			c&enIngAdj == 0 && prev&enDeterminer == 0 && a.adjectiveObject(t) ||
			prev&enDeterminer == 0 && a.beforeEdgeAdjective(t)
	case prev&(enVerbOpener|enPronoun|enWho) != 0, c&enVerb != 0, coordinated:
		return true
	case (adverbBefore || before != nil && before.hash == hashOnly) && a.followsVerbOpener(*before):
		return true // "will however need", "doesn't yet incorporate", "they too face", "could only finish"
	case prev&enBareInfinitive != 0 && !sForm(word) && !adjectiveSuffix(word) &&
		(a.followsVerbOpener(*before) || a.afterAdverbAfterOpener(*before) || a.subjectVerb(*before, nil, a.src[before.start:before.end], prev, -1)):
		return true // "could help drive", "to help trace", "might also help register", "A weak dollar helps boost"
	case before != nil && before.term >= 0 && a.subjectVerb(t, before, word, c, -1) &&
		!(englishClass.get(before.hash)&enVerbNoun != 0 && a.nameVerbObject(*before)):
		return true // "Food companies pay supermarkets", but the object of "Marks & Spencer cut prices"

	case past:
		// A participle after a determiner or a preposition is an
		// adjective ("the proposed merger", "of skilled workers");
		// elsewhere a verb whose subject the run left out ("which
		// pushed claims").
		return prev&(enDeterminer|enPreposition) == 0
	case gerund(word):
		return prev&enDeterminer == 0 // "by cutting corporate tax"
	case before != nil && before.hash == hashThat && a.relativeThat(*before):
		// After a noun's "that" an -s form is a verb ("software that
		// turns"), unless a verb follows it, whose plural subject it is:
		// "The fact that prices rise".
		return c&enVerbNoun != 0 || sForm(word) && !a.verbAfter(t)
	case adverbBefore:
		// After an adverb an -s form is a verb, and so is a verb that
		// is as often a noun: "already publishes", "rarely use"; after
		// "which", "who" or "that" and an adverb any word is
		// ("which automatically record").
		return c&enVerbNoun != 0 || sForm(word) || a.afterRelative(*before)
	case prev&enWhich != 0:
		return a.relativeVerb(*before, word, c) // "which lets", "services which permit"
	}
	// After a plural, its subject: "teams face"; after a name and before
	// a lowercase plural, the name's verb ("Marks & Spencer cut prices");
	// see englishBreak.
	return c&enVerbNoun != 0 && before != nil && (a.plural(*before) || a.nameVerbObject(t))
}

// nameVerbObject reports whether t, a verb that is as often a noun
// ("cut", "hold", "offer"), is the verb of the name before it and has a
// lowercase plural after it, its object: "Marks & Spencer cut prices",
// "Manchester United hold talks". After a determiner the name describes
// the noun: "the Verizon offer makes".
func (a *analysis) nameVerbObject(t token) bool {
	if !a.nameBefore(t) {
		return false
	}
	k := a.tokenIndex(t)
	if !a.linked(k) || k >= 2 && a.linked(k-2) && englishClass.get(a.tokens[k-2].hash)&enDeterminer != 0 {
		return false
	}
	next := a.tokens[k+1]
	return next.term >= 0 && startsLower(a.src[next.start:next.end]) && a.commonPlural(next)
}

// participleAfterDeterminer reports whether t, a gerund that ends a run
// and that after, a function word but "of", follows, comes after a noun
// phrase of at most four words that a determiner opens and a lowercase
// noun ends: a participle whose subject that phrase is ("the singer
// talking about his career", "a new chief executive coming in", "the chip
// starting later"). After an adjective the gerund is a noun ("the legal
// unwinding of", "her highest ranking yet", "the improved rating"), and so
// it is after "of" ("the showing of").
func (a *analysis) participleAfterDeterminer(t, after token) bool {
	if after.term >= 0 && englishClass.get(after.hash)&enFunction == 0 || after.hash == hashOf {
		return false
	}
	k := a.tokenIndex(t)
	if !a.linked(k-1) || !a.adjectiveFree(a.tokens[k-1]) {
		return false
	}
	for i, n := k-1, 0; n <= 4 && i >= 0 && a.linked(i); i, n = i-1, n+1 {
		if a.tokens[i].term < 0 {
			return n > 0 && englishClass.get(a.tokens[i].hash)&enDeterminer != 0
		}
		if a.hyphenBefore(a.tokens[i+1]) {
			return false
		}
	}
	return false
}

var hashOf = fnv32([]byte("of"))

// adjectiveObject reports whether the two words after t, a space apart,
// are a lowercase adjective, with one of the endings only adjectives
// have, and a lowercase word, its noun: the object of t, a verb
// ("offering equal prize money"). A noun after t alone ("marketing
// material") is a compound's.
func (a *analysis) adjectiveObject(t token) bool {
	k := a.tokenIndex(t)
	if !a.linked(k) || !a.linked(k+1) || a.tokens[k+2].term < 0 || !startsLower(a.src[a.tokens[k+2].start:a.tokens[k+2].end]) {
		return false
	}
	adj := a.tokens[k+1]
	word := a.src[adj.start:adj.end]
	if adj.term < 0 || !startsLower(word) || a.hyphenAfter(adj) {
		return false
	}
	for _, s := range adjectiveOnlyEndings {
		if lowerSuffix(word, s, len(s)+3) {
			return true
		}
	}
	return false
}

// adjectiveFree reports whether t is a lowercase content word that may be
// a noun and hardly an adjective: none of the endings that only
// adjectives have ("legal", "famous", "useful"; "executive", "assistant"
// and "student" are nouns as often), no superlative, and not a listed
// participle, flat adjective or -ly word.
func (a *analysis) adjectiveFree(t token) bool {
	word := a.src[t.start:t.end]
	if t.term < 0 || !startsLower(word) || !a.nounLike(t) || lowerSuffix(word, "est", 5) ||
		englishClass.get(t.hash)&(enIngAdj|enFlat|enLyWord) != 0 {
		return false
	}
	for _, s := range adjectiveOnlyEndings {
		if lowerSuffix(word, s, len(s)+3) {
			return false
		}
	}
	return true
}

// adjectiveOnlyEndings are the adjectiveEndings that nouns seldom have.
var adjectiveOnlyEndings = [...]string{"al", "ous", "ic", "ful", "able", "ible", "less", "ish"}

// verbAfter reports whether the word after t, a space apart, is a verb
// that agrees with a plural: a lowercase listed verb or verb-or-noun that
// is no -s form, a past form, a modal or an auxiliary but "is", "was",
// "has" and "does" ("prices rise", "prices fell", "costs will").
func (a *analysis) verbAfter(t token) bool {
	k := a.tokenIndex(t)
	if !a.linked(k) {
		return false
	}
	next := a.tokens[k+1]
	word := a.src[next.start:next.end]
	if !startsLower(word) {
		return false
	}
	c := englishClass.get(next.hash)
	return c&(enVerb|enVerbNoun) != 0 && !sForm(word) || c&(enIrregular|enFinite) != 0 && c&enSingularAux == 0 ||
		lowerSuffix(word, "ed", 4) && c&enEdNoun == 0
}

// objectFollows reports whether after, the word after the lowercase word
// on the lists c that ends a run, is that word's object, which makes it a
// verb: a determiner, a pronoun, "what", or "up", "out", "off" or "down"
// ("Rosneft faces the", "officials hope it", "Spurlock set out"); after a
// gerund, a number, a name, "both", "all" or "that" ("films receiving
// four", "O'Connor replacing Denis").
func (a *analysis) objectFollows(word string, c uint32, after token) bool {
	next := englishClass.get(after.hash)
	switch {
	case next&(enDeterminer|enPronoun|enWhat|enParticle) != 0:
		return true
	case gerund(word) && c&enIngNoun == 0:
		return next&(enNumber|enObject) != 0 || a.capitalized(after) || isDigitByte(a.src[after.start])
	}
	return false
}

// afterCommonPlural reports whether t follows a lowercase plural, a space
// apart: a gerund there that a preposition follows is the plural's verb.
func (a *analysis) afterCommonPlural(t token) bool {
	k := a.tokenIndex(t)
	return a.linked(k-1) && a.tokens[k-1].term >= 0 && a.commonPlural(a.tokens[k-1])
}

// afterAdverbAfterOpener reports whether t follows an adverb that follows
// a word that makes a verb of what comes next ("might also help").
func (a *analysis) afterAdverbAfterOpener(t token) bool {
	k := a.tokenIndex(t)
	if !a.linked(k - 1) {
		return false
	}
	adv := a.tokens[k-1]
	return (a.classOf(adv)&enAdverb != 0 || a.adverb(adv, a.classOf(adv))) && a.followsVerbOpener(adv)
}

// afterRelative reports whether t, an adverb, follows "which", "who" or
// "that", which open a clause whose verb comes next ("which
// automatically record programmes").
func (a *analysis) afterRelative(t token) bool {
	k := a.tokenIndex(t)
	return a.linked(k-1) && (a.tokens[k-1].hash == hashThat || englishClass.get(a.tokens[k-1].hash)&(enWhich|enWho) != 0)
}

// adverb reports whether t, on the lists c, is a lowercase adverb in -ly.
func (a *analysis) adverb(t token, c uint32) bool {
	word := a.src[t.start:t.end]
	return c&enLyWord == 0 && lowerSuffix(word, "ly", 5) && startsLower(word)
}

// adjectiveEndings are how adjectives made from other words end.
var adjectiveEndings = [...]string{"al", "ous", "ive", "ic", "ful", "able", "ible", "less", "ish", "ary", "ant", "ent"}

// adjectiveSuffix reports whether word ends as an adjective made from
// another word does ("local", "famous", "effective").
func adjectiveSuffix(word string) bool {
	for _, s := range adjectiveEndings {
		if lowerSuffix(word, s, len(s)+3) {
			return true
		}
	}
	return false
}

// adverbEndings are how most adverbs made from adjectives end, and names
// seldom do ("Typically", but "Kelly").
var adverbEndings = [...]string{"ally", "ately", "ously", "ently", "antly", "ively", "fully", "edly", "ingly", "ibly",
	"ably", "ctly", "arly", "ssly"}

// adverbSuffix reports whether word, two letters longer than the ending,
// ends as an adverb does.
func adverbSuffix(word string) bool {
	for _, s := range adverbEndings {
		if lowerSuffix(word, s, len(s)+2) {
			return true
		}
	}
	return false
}

// gerund reports whether word is an -ing form: a vowel before the -ing
// ("using", "cutting"), which "thing", "bring" or "spring" lack.
func gerund(word string) bool {
	if !lowerSuffix(word, "ing", 5) {
		return false
	}
	for _, c := range []byte(word[:len(word)-3]) {
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// sForm reports whether word ends in an -s that may be a verb's or a
// plural's ("lets", "firms"), not that of "business", "virus" or "crisis".
func sForm(word string) bool {
	if !lowerSuffix(word, "s", 4) {
		return false
	}
	switch word[len(word)-2] {
	case 's', 'u', 'i':
		return false
	}
	return true
}

// plural reports whether t is a plural: an -s form or "people".
func (a *analysis) plural(t token) bool {
	return sForm(a.src[t.start:t.end]) || englishClass.get(t.hash)&enPlural != 0
}

// nameBefore reports whether the word just before t, a space apart, is a
// name: capitalized, not an acronym ("TV viewing"), and not the first
// word of a sentence ("Music downloading").
func (a *analysis) nameBefore(t token) bool {
	end := int(t.start) - 1
	if end < 1 || a.src[end] != ' ' {
		return false
	}
	start := end
	for start > 0 && isLetterByte(a.src[start-1]) {
		start--
	}
	word := a.src[start:end]
	if word == "" || !unicode.IsUpper(firstRune(word)) || !strings.ContainsFunc(word, unicode.IsLower) {
		return false
	}
	i := start - 1
	for i >= 0 && (a.src[i] == ' ' || a.src[i] == '"' || a.src[i] == '\'') {
		i--
	}
	return i >= 0 && strings.IndexByte(".!?:\n", a.src[i]) < 0
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// commonPlural reports whether t is a plural and no name: a lowercase -s
// form, or "people" in any case.
func (a *analysis) commonPlural(t token) bool {
	word := a.src[t.start:t.end]
	if startsLower(word) && sForm(word) {
		return true
	}
	return englishClass.get(t.hash)&enPlural != 0
}

// hyphenBefore and hyphenAfter report whether a hyphen joins t to a letter
// before or after it with no space: t is a piece of a hyphenated word.
func (a *analysis) hyphenBefore(t token) bool {
	i := int(t.start)
	return i >= 2 && a.src[i-1] == '-' && isLetterByte(a.src[i-2])
}

func (a *analysis) hyphenAfter(t token) bool {
	i := int(t.end)
	return i+1 < len(a.src) && a.src[i] == '-' && isLetterByte(a.src[i+1])
}

// nameNumberAfter reports whether a bare number follows t, the last word
// of a phrase, a space apart, as a piece of the name the phrase is: after
// a capitalized word ("BBC Radio 1", "Opera 8.0", "Doom 3"), or, in any
// case, where the number ends its clause ("ipad air 2 ,", "furious 7
// ”"). A number with a unit, a percent sign or a hyphen after it
// ("Fiat 1.55bn", "rates 0.25%", "City 4-2") counts something else.
func (a *analysis) nameNumberAfter(t token) bool {
	i := int(t.end)
	if i+1 >= len(a.src) || a.src[i] != ' ' || !isDigitByte(a.src[i+1]) {
		return false
	}
	j := i + 1
	for j < len(a.src) && (isDigitByte(a.src[j]) || (a.src[j] == '.' || a.src[j] == ',') && j+1 < len(a.src) && isDigitByte(a.src[j+1])) {
		j++
	}
	if j == len(a.src) {
		return true
	}
	switch c := a.src[j]; {
	case c == '%' || c == '-' || c == '/' || isLetterByte(c):
		return false
	case c == ' ' && j+1 < len(a.src) && 'a' <= a.src[j+1] && a.src[j+1] <= 'z':
		// "Doom 3 has", but not "Fiat 70 lorries", where the number
		// counts the word after it.
		return a.capitalized(t) && !a.countedAfter(j+1)
	case c == ' ' && j+1 < len(a.src) && (isLetterByte(a.src[j+1]) || isDigitByte(a.src[j+1])):
		return a.capitalized(t) // "BBC Radio 1 DJ"
	}
	return true // punctuation: the number ends its clause
}

// countedAfter reports whether the lowercase word at offset i, after a
// number, may be what the number counts ("3 goals", "10 days"): no verb,
// auxiliary or preposition, after which the number ends the name ("Doom 3
// has", "Shrek 2 took", "Radio 4 on").
func (a *analysis) countedAfter(i int) bool {
	j := i
	for j < len(a.src) && isLetterByte(a.src[j]) {
		j++
	}
	return englishClass.get(fnv32([]byte(a.src[i:j])))&(enFinite|enVerbOpener|enIrregular|enVerb|enPreposition) == 0
}

// perCentBefore reports whether "per" and a number stand before offset
// i: the "cent" of "12 per cent" is a piece of the number.
func (a *analysis) perCentBefore(i int) bool {
	return i >= 6 && a.src[i-5:i] == " per " && isDigitByte(a.src[i-6])
}

// ampersandJoined reports whether prev and next, two capitalized words,
// are one name that an ampersand joins, with a space on both sides or
// none: "Tom & Jerry", "Marks & Spencer", "AT&T".
func (a *analysis) ampersandJoined(prev, next token) bool {
	gap := a.src[prev.end:next.start]
	return (gap == "&" || gap == " & ") && a.capitalized(prev) && a.capitalized(next)
}

// isLetterByte reports whether c is an ASCII letter or a byte of a
// multibyte character.
func isLetterByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf
}

// startsLower reports whether word starts with a lowercase letter.
//
// The rules ask it of nearly every word, so the test of an ASCII letter is
// inlined where it is asked, and only a word that opens past ASCII makes a
// call.
func startsLower(word string) bool {
	if c := word[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	return startsLowerRune(word)
}

// startsLowerRune is startsLower for a word whose first byte is past ASCII.
func startsLowerRune(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsLower(r)
}

// englishBreak reports whether t, a content word after the content word
// prev in a run and a.tokens[k], ends the run before it: a function word; a spaced dash
// ("cup ties - winning"); an adverb ("sites rarely use"); a gerund after a
// lowercase plural, which opens a clause ("films generating interest",
// "people working"); a verb that is as often a noun after a plural, its
// subject ("teams face"); or a verb after its subject ("China remains",
// "Investors sued"), save in a hyphenated word ("oil-based", "Lions
// call-ups") and in a row of participles ("fortified blended food").
func (a *analysis) englishBreak(prev, t token, k int) bool {
	gap := a.src[prev.end:t.start]
	if len(gap) > 1 && strings.IndexByte(gap, '-') >= 0 && strings.IndexByte(gap, ' ') >= 0 {
		return true
	}
	word := a.src[t.start:t.end]
	edForm, lyForm, ingForm := lowerSuffix(word, "ed", 4), lowerSuffix(word, "ly", 5), gerund(word)
	c := englishClass.get(t.hash)
	if gap == "-" {
		return false
	}
	if c == 0 && !edForm && !lyForm && !ingForm {
		if verbSuffix(word, c) {
			c = enVerb // "criticises", "modernize"
		} else {
			return startsLower(word) && a.subjectVerb(t, &prev, word, c, k) // "The festival opens"
		}
	}
	if c&enFunction != 0 {
		return c&enNumber == 0 || startsLower(word) // but "RBS Six Nations"
	}
	if !startsLower(word) || strings.IndexByte(gap, '-') >= 0 || a.hyphenAfter(t) {
		return false
	}
	switch {
	case c&(enVerb|enIrregular) != 0, lyForm && c&enLyWord == 0:
		return true
	case c&enVerbNoun != 0:
		// After a plural, or after a name and before a lowercase plural,
		// the verb of a subject and its object: "Premiership teams face",
		// "Marks & Spencer cut prices", "Manchester United hold talks",
		// but "oil price rise" and "Google Play apps".
		return a.plural(prev) || a.nameVerbObject(t)
	case ingForm:
		// After a name or a capitalized plural a gerund as often
		// describes a noun ("Balco doping scandal", "Spurs sporting
		// director"): there only an object after it makes it a verb.
		return c&enIngNoun == 0 && a.commonPlural(prev)
	}
	return edForm && c&enEdNoun == 0 && !lowerSuffix(a.src[prev.start:prev.end], "ed", 2)
}
