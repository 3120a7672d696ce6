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
// hold, number words, which are pieces of a number, and units of time,
// which say when rather than what: none starts or ends an English key
// phrase, in any case ("However Nasdaq", "three top", "months").
var _ = addClass(enFunction, `however although though meanwhile also already still yet even ever never just now
	among amongst despite within without across around along amid amidst toward towards upon via per onto unless since
	whereas whilst thus hence therefore instead perhaps rather quite almost nearly ago away back together later earlier
	soon often always usually recently currently finally well far much many several less least lot lots
	alongside beside besides beyond behind throughout including excluding regarding concerning neither either
	day days week weeks month months hour hours decade decades today yesterday tomorrow tonight
	one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty
	ninety hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half`)

// englishIrregularVerbs are past forms and participles that the -ed rule
// misses, left out where the form is as often a noun ("left", "hit").
var _ = addClass(enIrregular, `went gone began begun became fell fallen rose risen grew grown won lost held found
	got gotten sold bought paid sent spent struck brought built caught chose chosen drove driven fought hung kept led
	meant met ran saw sat stood taught threw thrown understood wrote written done been taken given known shown broken
	spoken beaten stolen sworn worn forgotten hidden sought felt heard laid lent sank shrank slid spun swept swung woke
	withdrew withdrawn overtook undertook drew drawn spoke knew flew blew froze shook rode swore`)

// englishEdNouns end in -ed and are not verbs.
var _ = addClass(enEdNoun, `hundred speed need seed feed deed shed steed reed weed sled bred greed creed breed hatred
	kindred sacred naked wicked rugged beloved`)

// englishVerbs are verbs, base and -s forms, that news uses and that are
// seldom nouns: after a subject they end no key phrase ("China remains",
// "GM expects", "Irish equities continue"), and before an object they
// start none ("require tax cuts").
var _ = func() bool {
	m := map[string]bool{}
	for _, v := range strings.Fields(`continue expect believe remain enjoy involve operate retire occur expand represent
		choose deny require include seem appear become suggest insist argue admit reveal announce confirm explain
		describe decide refuse allow provide receive consider prefer manage intend agree accuse warn urge predict
		lie die sell buy bring reduce improve hire produce replace use take meet think exist seek join keep lose suffer
		deliver earn plan aim`) {
		m[v] = true
		switch {
		case strings.HasSuffix(v, "y") && !strings.HasSuffix(v, "ay") && !strings.HasSuffix(v, "oy") && !strings.HasSuffix(v, "uy"):
			m[v[:len(v)-1]+"ies"] = true
		case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch"):
			m[v+"es"] = true
		default:
			m[v+"s"] = true
		}
	}
	// plan, aim and use are as often nouns ("drug use"): only their -s
	// forms are taken for verbs ("Italy plans"), never their base forms.
	delete(m, "plan")
	delete(m, "aim")
	delete(m, "use")
	for w := range m {
		englishClass[fnv32([]byte(w))] |= enVerb
	}
	return true
}()

// englishClass holds, under the FNV-1a hash of each word the lists above
// name (as tokens carry it), the lists it is on: one lookup a word.
var englishClass = map[uint32]uint16{}

// The lists a word may be on.
const (
	enFunction uint16 = 1 << iota
	enIrregular
	enEdNoun
	enLyWord
	enDeterminer
	enVerbOpener
	enIngNoun
	enPreposition
	enVerb
	enPronoun
)

func addClass(class uint16, words string) bool {
	for _, w := range strings.Fields(words) {
		englishClass[fnv32([]byte(w))] |= class
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
	offering earnings`)

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
var _ = addClass(enPronoun, `it he she they we them him us i you`)

// englishVerbOpeners are the words after which a word is a verb: "to
// reduce poverty", "could hold talks", "has begun".
var _ = addClass(enVerbOpener, `to will would could can may might should must shall did does do not has have had
	having been being`)

// englishEdge reports whether t, the first (first true) or the last word
// of a run of content words, may not be an edge of an English key phrase.
// before is the word before the first, after the word after the last:
// nil where the sentence ends or punctuation parts them.
func (a *analysis) englishEdge(t token, first bool, before, after *token) bool {
	c := englishClass[t.hash]
	if c&enFunction != 0 {
		return true
	}
	word := a.src[t.start:t.end]
	if !startsLower(word) {
		return false // a name, or a word opening a sentence
	}
	if lowerSuffix(word, "ly", 5) && c&enLyWord == 0 {
		return true // an adverb
	}
	past := c&enIrregular != 0 || lowerSuffix(word, "ed", 4) && c&enEdNoun == 0
	if first {
		var prev uint16 // the lists the word before is on
		if before != nil {
			prev = englishClass[before.hash]
		}
		switch {
		case c&enIngNoun != 0:
			return false // "to developing countries"
		case prev&(enVerbOpener|enPronoun) != 0, c&enVerb != 0:
			return true
		case past:
			// A participle after a determiner or a preposition is an
			// adjective ("the proposed merger", "of skilled
			// workers"); elsewhere a verb whose subject the run left
			// out ("which pushed claims").
			return prev&(enDeterminer|enPreposition) == 0
		case lowerSuffix(word, "ing", 6):
			return prev&enDeterminer == 0 // "by cutting corporate tax"
		}
		return false
	}
	if past || c&enVerb != 0 {
		return true // "profits fell", "Cairn revealed", "GM expects"
	}
	// A word followed by a determiner or a pronoun is a verb ("Rosneft
	// faces the", "officials hope it").
	return after != nil && englishClass[after.hash]&(enDeterminer|enPronoun) != 0
}

// startsLower reports whether word starts with a lowercase letter.
func startsLower(word string) bool {
	if c := word[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsLower(r)
}

// englishBreak reports whether t, a content word after the content word
// prev in a run, ends the run before it: a function word, or a verb after
// its subject ("China remains", "Investors sued"), save after a hyphen
// ("oil-based") and in a row of participles ("fortified blended food").
func (a *analysis) englishBreak(prev, t token) bool {
	word := a.src[t.start:t.end]
	edForm := lowerSuffix(word, "ed", 4)
	c, listed := englishClass[t.hash]
	if !listed && !edForm {
		return false
	}
	if c&enFunction != 0 {
		return true
	}
	if !startsLower(word) || strings.IndexByte(a.src[prev.end:t.start], '-') >= 0 {
		return false
	}
	if c&(enVerb|enIrregular) != 0 {
		return true
	}
	return edForm && c&enEdNoun == 0 && !lowerSuffix(a.src[prev.start:prev.end], "ed", 2)
}
