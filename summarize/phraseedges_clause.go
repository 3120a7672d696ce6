package summarize

import (
	"slices"
	"strings"
)

// A clause needs a finite verb. When a run of content words opens a
// clause (it starts a sentence, follows a comma or a word such as "which",
// "when" or "and", or follows a determiner that does) and is its subject,
// two words that end in a plural and a base form, or in a singular and an
// -s form, are either a noun compound ("the oil prices", "the games
// console") or a subject and its verb ("the festival opens", "food
// companies pay"). Agreement leaves both readings open; what settles it
// is the rest of the clause: a compound needs a verb after it ("the oil
// prices in London rose"), a subject that has its verb needs none ("the
// festival opens with the French film"). Where the clause holds no word
// that can only be a finite verb, the second word is that verb.

// englishFinite are words that are a clause's finite verb wherever they
// stand: auxiliaries, modals and the commonest past forms that the
// irregular list leaves to the verbs of saying.
var _ = addClass(enFinite, `is are was were am has have had do does did will would can could may might shall should
	must said told made took gave came thought knew`)

// englishClauseOpeners start a clause: after them, or after a determiner
// after them, a run of content words is a subject ("which Yukos claims
// was", "when their father returns"). "And", "or", "but" and "as", and the
// words that are prepositions too ("after", "since"), are left out, since
// a noun phrase follows them as often ("and wider profit margins"), and
// so are "that" and "who", which a verb follows as often ("tribes that
// use phones").
var _ = addClass(enClauseOpener, `which when while if because although though whereas unless until where whether`)

// englishClauseEnders end the clause a subject's verb may be looked for
// in: a conjunction opens another clause, with a verb of its own ("The
// airline needs to cut costs if it is to survive"). Right after the word,
// "that" makes it a verb ("Yukos claims that"); later, "that" and "which"
// or "who" may open a relative clause, after which the clause goes on,
// so nothing is decided.
var _ = addClass(enClauseEnder, `that if when while because although though whereas unless until but`)
var _ = addClass(enRelative, `which who whom whose`)
var hashThat = fnv32([]byte("that"))

// englishQuantifiers open a subject as determiners do ("both prisoners
// confess").
var _ = addClass(enQuantifier, `both all many most several few`)

// englishSingularAuxiliaries agree with a singular subject only: an -s
// form before them is not a plural subject but a verb whose clause goes
// on ("which Yukos claims was sold"), where "the Yukos claims were heard"
// keeps "claims" a noun.
var _ = addClass(enSingularAux, `is was has does`)

// nounSuffix reports whether word, an -s form, ends as plurals of nouns
// that are hardly ever verbs do: "the peace agreements", "the oil
// companies' earnings", "tennis officials' decisions".
func nounSuffix(word string) bool {
	if len(word) < 5 {
		return false
	}
	var ends []string
	switch word[len(word)-2] {
	case 't':
		ends = []string{"ments", "ists"}
	case 'n':
		ends = []string{"tions", "sions", "ians"}
	case 'e':
		ends = []string{"ities", "nesses", "ances", "ences"}
	case 'p':
		ends = []string{"ships"}
	case 'm':
		ends = []string{"isms"}
	case 'c':
		return true // "politics", "economics"
	case 'g':
		ends = []string{"ings"}
	case 'r':
		ends = []string{"ors"}
	case 'w':
		ends = []string{"news"}
	}
	for _, e := range ends {
		if strings.HasSuffix(word, e) {
			return true
		}
	}
	return false
}

// tokenIndex returns the index of t in a.tokens. Words are spread evenly
// enough through a text that the index in proportion to t's offset is
// near it: the search starts there and widens until it brackets t.
func (a *analysis) tokenIndex(t token) int {
	n := len(a.tokens)
	if n == 0 || len(a.src) == 0 {
		return 0
	}
	lo := min(int(int64(t.start)*int64(n)/int64(len(a.src))), n-1)
	hi := lo + 1
	for step := 8; lo > 0 && a.tokens[lo].start > t.start; step *= 2 {
		hi, lo = lo+1, max(lo-step, 0)
	}
	for step := 8; hi < n && a.tokens[hi-1].start < t.start; step *= 2 {
		lo, hi = hi-1, min(hi+step, n)
	}
	i, _ := slices.BinarySearchFunc(a.tokens[lo:hi], t.start, func(x token, start int32) int { return int(x.start - start) })
	return lo + i
}

// linked reports whether a.tokens[i] and a.tokens[i+1] exist and only
// spaces or hyphens part them.
func (a *analysis) linked(i int) bool {
	return i >= 0 && i+1 < len(a.tokens) && a.joined(a.tokens[i], a.tokens[i+1])
}

// subjectVerb reports whether t, a lowercase content word, is the verb of
// the content word before it in a run that opens a clause: an -s form
// after a singular noun or a name ("The festival opens with"), or a base
// form after a plural ("Food companies pay supermarkets"), where nothing
// later in the clause can be its verb. prev is the word before t where
// the caller knows it, else nil, and k is t's index in a.tokens where the
// caller knows it, else -1. The cheap tests on the two words come first,
// since most pairs of words fail them.
func (a *analysis) subjectVerb(t token, prev *token, word string, c uint32, k int) bool {
	s := sForm(word)
	if c&(enFunction|enIngNoun|enEdNoun) != 0 {
		return false
	}
	if prev == nil {
		if k < 0 {
			k = a.tokenIndex(t)
		}
		if !a.linked(k - 1) {
			return false
		}
		prev = &a.tokens[k-1]
	}
	if prev.term < 0 || s && !a.singularSubject(*prev) {
		return false
	}
	// A base form after a singular may agree with the plural head of a
	// noun phrase that goes on through prepositions ("talks on the future
	// of Gibraltar begin on Monday"); a word that is no function word
	// after it would make it the noun of a compound ("fears over the
	// interest rate rise hit").
	viaHead := !s && !(a.pluralSubject(*prev) && a.nounLike(*prev))
	if s && nounSuffix(word) || gerund(word) || lowerSuffix(word, "ed", 4) || lowerSuffix(word, "ly", 5) && c&enLyWord == 0 ||
		a.hyphenBefore(t) || a.hyphenAfter(t) {
		return false
	}
	if k < 0 {
		k = a.tokenIndex(t)
	}
	if viaHead && !(a.linked(k) && a.tokens[k+1].term < 0 && a.prepositionBefore(k-1) && a.nounLike(*prev)) {
		return false
	}
	if !s && a.sFormVerb(k-1, t, c) {
		return false // the -s form before is the verb: "Juninho deserves respect"
	}
	if a.linked(k-2) && englishClass.get(a.tokens[k-2].hash)&enWhich != 0 && !a.capitalized(*prev) &&
		a.relativeVerb(a.tokens[k-2], a.src[prev.start:prev.end], englishClass.get(prev.hash)) {
		return false // after "which" that word is the verb: "which use phones", "services which permit users"
	}
	// A singular auxiliary right after an -s form makes it a verb whose
	// clause goes on ("which Yukos claims was sold"); a lowercase content
	// word makes it a plural subject before its verb ("Food companies
	// pay") or a compound that goes on ("rising oil prices hurt"). A
	// name may be its object ("Gazprom needs Yugansk") or stand in
	// apposition ("Greek sprinters Kostas Kenteris"): the clause decides.
	verb, adverbAfter := false, false
	if s && a.linked(k) {
		next := a.tokens[k+1]
		nc := englishClass.get(next.hash)
		switch {
		case nc&enSingularAux != 0:
			verb = true
		case a.adverb(next, nc):
			// An adverb in -ly after it makes it a verb whose
			// clause goes on ("The industry depends heavily on
			// word of mouth, with 81% of firms saying"), where a
			// compound's verb comes before its adverb.
			verb, adverbAfter = true, true
		case next.term >= 0 && nc&enFunction == 0 && !a.capitalized(next) && !a.sFormVerb(k, next, nc):
			return false
		}
	}
	cs := a.opensClause(k-1, !s)
	prep := cs.preps > 0
	if !cs.ok {
		return false
	}
	if adverbAfter && !prep {
		// The adverb makes it a verb after a comma too
		// ("Considering its sophistication, the game runs
		// surprisingly well"): a list of noun phrases goes on to no
		// adverb in -ly. After a preposition the -s form may be a
		// plural whose verb follows the adverb ("a number of the
		// anti-gay protesters proudly shared").
		return true
	}
	opening := cs.comma && !a.endsSentence(k) && a.afterOpeningPhrase(cs.at)
	if cs.comma && !a.endsSentence(k) && !opening || prep && !a.linked(k) || viaHead && (!prep || !a.pluralSubject(a.tokens[cs.head])) {
		// After a preposition the word needs words after it, else
		// it may end a verbless fragment or an aside: "The show of
		// spring flowers.", "competition between online music
		// services, of which".
		return false
	}
	// After a preposition a singular auxiliary may agree with the noun
	// before it ("The report on trade talks was published"), and after
	// an opening phrase with a name that ends in s ("throughout his
	// five years, garnett spears was forced").
	return verb && !prep && !opening || !a.finiteVerbAfter(k, cs.opener)
}

// prepositionBefore reports whether a preposition stands among the five
// words before a.tokens[k], in its sentence: the cheap test before
// opensClause looks for a subject's head there.
func (a *analysis) prepositionBefore(k int) bool {
	for i := k - 1; i >= 0 && i >= k-5 && a.linked(i); i-- {
		if englishClass.get(a.tokens[i].hash)&enPreposition != 0 {
			return true
		}
	}
	return false
}

// sFormVerb settles the two readings of a singular, an -s form and a
// lowercase word next, on the lists c ("Juninho deserves respect", "Food
// companies pay supermarkets"): the -s form, a.tokens[k], is the verb of
// the singular, not a plural subject with next its verb, when next is no
// listed verb, verb of saying or past form, and the singular is a name
// (a capitalized word, not an acronym, a gerund or a word that ends as
// adjectives do, that the text never writes in lowercase: "Mercedes faces
// fierce competition", where "Food" opening a sentence is the food of
// "food companies" and "Dating services" a compound) or follows a determiner,
// alone or after the words that describe it ("The album follows single",
// "A weak dollar helps boost"), which a noun that names the kind of a
// plural seldom does.
func (a *analysis) sFormVerb(k int, next token, c uint32) bool {
	if k < 1 || !a.linked(k-1) || a.tokens[k-1].term < 0 {
		return false
	}
	t, subject := a.tokens[k], a.tokens[k-1]
	word, nextWord := a.src[t.start:t.end], a.src[next.start:next.end]
	if !startsLower(word) || !sForm(word) || nounSuffix(word) || !a.singularSubject(subject) ||
		c&(enVerb|enVerbNoun|enIrregular|enFinite) != 0 || edgeWords.get(next.hash) != 0 && !edgeAdjectives.has(next.hash) ||
		lowerSuffix(nextWord, "ed", 4) && c&enEdNoun == 0 {
		return false
	}
	if a.capitalized(subject) {
		w := a.src[subject.start:subject.end]
		return !allCaps(w) && !adjectiveSuffix(w) && !gerund(w) && !(a.opensSentence(int(subject.start)) && a.writtenLower(subject))
	}
	for i, n := k-1, 0; n < 3 && a.linked(i-1); i, n = i-1, n+1 {
		before := a.tokens[i-1]
		if englishClass.get(before.hash)&enDeterminer != 0 {
			return true
		}
		if before.term < 0 {
			return false
		}
	}
	return false
}

// writtenLower reports whether the text writes t's word in lowercase
// among the lowerWindow words on either side: a capitalized word opening
// a sentence is then a common word, not a name ("Podcasts rely" where
// "podcasts" occurs, but "Wales"). The window bounds the cost in a long
// text.
func (a *analysis) writtenLower(t token) bool {
	k := a.tokenIndex(t)
	n := t.end - t.start
	for _, u := range a.tokens[max(k-lowerWindow, 0):min(k+lowerWindow, len(a.tokens))] {
		if u.hash == t.hash && u.end-u.start == n && startsLower(a.src[u.start:u.end]) {
			return true
		}
	}
	return false
}

// lowerWindow is how many words on either side of a capitalized word
// writtenLower reads: more than most articles hold.
const lowerWindow = 2048

// nounLike reports whether t may be a noun, or a name: no listed verb,
// past form, participle, adverb or function word.
func (a *analysis) nounLike(t token) bool {
	word := a.src[t.start:t.end]
	c := englishClass.get(t.hash)
	if !startsLower(word) {
		return c&enFunction == 0 || c&enNumber != 0 // a name, but not "Instead"
	}
	return c&(enFunction|enIrregular|enVerb|enPronoun|enFinite) == 0 && !verbSuffix(word, c) && !(gerund(word) && c&enIngNoun == 0) &&
		!(lowerSuffix(word, "ed", 4) && c&enEdNoun == 0) && !(lowerSuffix(word, "ly", 5) && c&enLyWord == 0)
}

// singularSubject reports whether t may be a singular subject: a name, or
// a lowercase noun that is not plural.
func (a *analysis) singularSubject(t token) bool {
	return (a.capitalized(t) || !a.plural(t)) && a.nounLike(t)
}

// pluralSubject reports whether t is a plural that may be a subject: a
// lowercase plural, "people" or "police" in any case, or a plural of an
// acronym ("MPs", "PVRs"). A capitalized plural opening a sentence is as
// often a name ("Wales", "Barclays"): it counts only where the text writes
// it in lowercase too ("Podcasts rely", "podcasts").
func (a *analysis) pluralSubject(t token) bool {
	if a.commonPlural(t) {
		return true
	}
	word := a.src[t.start:t.end]
	if !strings.HasSuffix(word, "s") {
		return false
	}
	if len(word) >= 3 && allCaps(word[:len(word)-1]) {
		return true // "MPs"
	}
	return sForm(word) && a.opensSentence(int(t.start)) && a.writtenLower(t) // "Podcasts rely", where "podcasts" occurs
}

// clauseStart is what opensClause finds before a subject: whether it
// opens a clause (ok), after a clause opener (opener), after a comma
// (comma), and across how many prepositions (preps), the noun before the
// first of them, the subject's head, at a.tokens[head].
type clauseStart struct {
	ok, opener, comma bool
	preps, head       int
	at                int // the clause's first word, where a break opens it
}

// opensClause reports whether the subject that a.tokens[k] ends opens a
// clause: before it, at most four content words that may be nouns,
// adjectives, names or numbers, but plurals only before a plural
// (plurals true: "Women MPs", but "people download films"), and words
// joined by hyphens ("the 10-day Dutch festival"); then nothing but a
// determiner or a quantifier, or a possessive and its own noun phrase,
// stands between it and the sentence's start or a clause opener (opener
// true): a listed conjunction, "that" after a verb ("said that prices
// rise") or a verb of saying or thinking after its subject ("I suggest
// the BBC concentrates") or after the comma that ends an aside about it
// ("James Humphreys, ex-head of communications, says the strategy
// shows"). A preposition, at most three times, leads on to the noun phrase it
// follows ("Research by Dr Nielsen shows", "talks on the future of
// Gibraltar begin"). After a comma (comma true) the clause is only one
// that the verb ends (", official figures show."), since a list of noun
// phrases goes on after one.
func (a *analysis) opensClause(k int, plurals bool) clauseStart {
	cs := clauseStart{head: k}
	quantity := false // the preposition just passed is the "of" of "Two days of talks"
	for {
		for n := 0; k > 0 && a.linked(k-1) && a.tokens[k-1].term >= 0; n++ {
			t := a.tokens[k-1]
			joined := a.src[t.end:a.tokens[k].start] == "-" || k >= 2 && a.src[a.tokens[k-2].end:t.start] == "-"
			if n == 4 || !joined && !(a.nounLike(t) || englishClass.get(t.hash)&enNumber != 0 || n == 0 && quantity) ||
				!plurals && !joined && a.pluralSubject(t) {
				return clauseStart{}
			}
			k--
		}
		if !a.linked(k - 1) {
			cs.ok, cs.comma = a.clauseBreak(k)
			cs.at = k
			return cs
		}
		before := a.tokens[k-1]
		c := englishClass.get(before.hash)
		det := c&(enDeterminer|enQuantifier) != 0 || quantity && c&enNumber != 0 // "Two days of"
		if det {
			if !a.linked(k - 2) {
				cs.ok, cs.comma = a.clauseBreak(k - 1)
				cs.at = k - 1
				return cs
			}
			k--
			before = a.tokens[k-1]
			c = englishClass.get(before.hash)
		}
		switch {
		case c&enWhich != 0 && a.relativeVerb(before, a.src[a.tokens[k].start:a.tokens[k].end], englishClass.get(a.tokens[k].hash)):
			// The word after "which" is its clause's verb, not the
			// start of a subject: "services which permit modern
			// banking principles".
			return clauseStart{}
		case c&enClauseOpener != 0 || a.thatAfterVerb(k-1):
			cs.ok, cs.opener = a.src[before.end:a.tokens[k].start] == " ", true
			return cs
		case a.clauseVerb(before, c) || det && a.sayingAfterAside(k-1, c):
			// "I suggest the BBC concentrates", "says the strategy
			// shows": a verb of saying or thinking, its clause's
			// "that" left out.
			cs.ok, cs.opener = true, true
			return cs
		case c&enPreposition != 0 && cs.preps < 3 && a.linked(k-2) && a.tokens[k-2].term >= 0 && a.nounLike(a.tokens[k-2]) &&
			englishClass.get(a.tokens[k-2].hash)&enNumber == 0:
			// "Research by Dr Nielsen shows": on to the noun the
			// preposition follows.
			k, cs.head = k-1, k-2
			cs.preps++
			quantity = false
			continue
		case before.hash == hashOf && cs.preps < 3 && a.linked(k-2) && a.quantityPlural(a.tokens[k-2]):
			// "Two days of talks on the future of Gibraltar begin",
			// "Thousands of fans gather": on to the plural of time
			// or number that counts the noun after "of".
			k, cs.head = k-1, k-2
			cs.preps++
			quantity = true
			continue
		case a.possessive(k - 1):
			k -= 2 // "the firm's chief executive": on to "firm"
			if k < 0 || a.tokens[k].term < 0 {
				return clauseStart{}
			}
			continue
		case det && cs.preps == 0 && a.openingPhraseEnds(k-1):
			// "On infected machines the virus tries to": the
			// determiner opens the subject after a phrase that opens
			// the sentence with no comma.
			cs.ok, cs.at = true, k
			return cs
		}
		return clauseStart{}
	}
}

// afterOpeningPhrase reports whether the comma before a.tokens[at] ends a
// prepositional phrase that opens the sentence, with no comma before it
// ("During the video, detective cherry shouts at the driver", "In a
// statement, the firm says"): the clause after it is the sentence's main
// clause, not an item of a list.
func (a *analysis) afterOpeningPhrase(at int) bool {
	for i := at - 1; i >= 0 && i >= at-12; i-- {
		if i == 0 || !a.linked(i-1) {
			if i > 0 && !a.endsSentence(i-1) {
				return false
			}
			return englishClass.get(a.tokens[i].hash)&enPreposition != 0 || openingPrepositions.has(a.tokens[i].hash)
		}
	}
	return false
}

// openingPhraseEnds reports whether a.tokens[i], a content word, ends a
// prepositional phrase that opens its sentence: at most three content
// words, the last a noun, after a preposition, alone or with a
// determiner, that the sentence starts with ("On infected machines",
// "In the first quarter").
func (a *analysis) openingPhraseEnds(i int) bool {
	if !a.nounLike(a.tokens[i]) {
		return false // a gerund's object follows it: "on viewing the cctv cameras"
	}
	for n := 0; n < 3 && i > 0 && a.tokens[i].term >= 0; n++ {
		if !a.linked(i - 1) {
			return false
		}
		i--
		if englishClass.get(a.tokens[i].hash)&enDeterminer != 0 && a.linked(i-1) {
			i--
		}
		c := englishClass.get(a.tokens[i].hash)
		if c&enPreposition != 0 || openingPrepositions.has(a.tokens[i].hash) {
			return i == 0 || !a.linked(i-1) && a.endsSentence(i-1)
		}
	}
	return false
}

// openingPrepositions are the prepositions beside englishPrepositions
// that open a sentence's adverbial phrase.
var openingPrepositions = newHashList(`during after before despite since throughout amid`)

// quantityPlural reports whether t is a plural unit of time or number
// word ("days", "months", "thousands"), which counts the noun that "of"
// after it leads on to.
func (a *analysis) quantityPlural(t token) bool {
	return t.term >= 0 && englishClass.get(t.hash)&enFunction != 0 && sForm(a.src[t.start:t.end])
}

// sayingAfterAside reports whether a.tokens[i], on the lists c and before
// a determiner, is a lowercase verb of saying or thinking right after a
// comma that a word ends, not a quotation mark: the comma ends an aside
// about its subject ("James Humphreys, ex-head of corporate
// communications, says the strategy shows"), where after a quotation the
// speaker follows the verb ("'We won,' said the coach").
func (a *analysis) sayingAfterAside(i int, c uint32) bool {
	if c&enSaying == 0 || i < 1 || a.tokens[i-1].term < 0 {
		return false
	}
	v := a.tokens[i]
	return startsLower(a.src[v.start:v.end]) && a.src[a.tokens[i-1].end:v.start] == ", "
}

// relativeVerb reports whether word, on the lists c and right after
// which, the word "which", is the verb of the relative clause it opens: a
// lowercase -s form or a verb that is as often a noun ("which lets", "which use"),
// or, after a plural that "which" follows, a space or a comma apart, a
// lowercase word with no -s and no adjective's ending ("services which
// permit", "rules, which govern"), where after anything else "which" may
// be a determiner ("in which case").
func (a *analysis) relativeVerb(which token, word string, c uint32) bool {
	if !startsLower(word) {
		return false
	}
	if c&enVerbNoun != 0 || sForm(word) {
		return true
	}
	if adjectiveSuffix(word) || c&(enFunction|enIngNoun|enEdNoun) != 0 || gerund(word) {
		return false
	}
	k := a.tokenIndex(which)
	if k < 1 || a.tokens[k-1].term < 0 {
		return false
	}
	if gap := a.src[a.tokens[k-1].end:which.start]; gap != " " && gap != ", " {
		return false
	}
	return a.commonPlural(a.tokens[k-1])
}

// relativeThat reports whether that, the word "that", follows a noun a
// space apart, or a closing quotation mark and a space, whose relative
// clause it opens ("software that turns", "\"tribes\" that use phones").
func (a *analysis) relativeThat(that token) bool {
	k := a.tokenIndex(that)
	if k < 1 || a.tokens[k-1].term < 0 {
		return false
	}
	if gap := a.src[a.tokens[k-1].end:that.start]; gap != " " && gap != "\" " && gap != "” " && gap != "' " && gap != "’ " {
		return false
	}
	n := a.tokens[k-1]
	word := a.src[n.start:n.end]
	return a.nounLike(n) && !adjectiveSuffix(word) && edgeWords.get(n.hash) == 0
}

// thatAfterVerb reports whether a.tokens[i] is "that" after a verb, which
// opens a clause ("said that prices rise"), where after a noun it opens a
// relative clause whose verb follows it ("software that turns colours").
func (a *analysis) thatAfterVerb(i int) bool {
	if i < 1 || a.tokens[i].hash != hashThat || !a.linked(i-1) {
		return false
	}
	v := a.tokens[i-1]
	c := englishClass.get(v.hash)
	word := a.src[v.start:v.end]
	return a.clauseVerb(v, c) || startsLower(word) && (c&(enVerb|enIrregular|enFinite) != 0 && c&enVerbNoun == 0 ||
		lowerSuffix(word, "ed", 4) && c&enEdNoun == 0 || gerund(word) && c&enIngNoun == 0)
}

// englishSayingVerbs are verbs of saying and thinking, which a clause may
// follow without "that" ("says the strategy shows", "I suggest the BBC
// concentrates").
var _ = addClass(enSaying, `say says said think thinks thought believe believes suggest suggests insist insists
	argue argues predict predicts`)

// clauseVerb reports whether v, on the lists c, is a lowercase verb of
// saying or thinking after a word, its subject: after punctuation its
// subject follows it (", said England sevens coach Mike Friday").
func (a *analysis) clauseVerb(v token, c uint32) bool {
	if c&enSaying == 0 || !startsLower(a.src[v.start:v.end]) {
		return false
	}
	k := a.tokenIndex(v)
	return a.linked(k - 1)
}

// clauseBreak reports whether a clause may start at a.tokens[k], which
// punctuation parts from the word before: the sentence's start, a colon
// or a semicolon; or a comma (comma true).
func (a *analysis) clauseBreak(k int) (ok, comma bool) {
	if k == 0 {
		return true, false
	}
	gap := a.src[a.tokens[k-1].end:a.tokens[k].start]
	if strings.ContainsAny(gap, ".!?:;\n") {
		return true, false
	}
	return strings.TrimSpace(gap) == ",", true
}

// endsSentence reports whether a.tokens[k] is the last word of its
// sentence.
func (a *analysis) endsSentence(k int) bool {
	if k+1 >= len(a.tokens) {
		return true
	}
	return strings.ContainsAny(a.src[a.tokens[k].end:a.tokens[k+1].start], ".!?\n")
}

// possessive reports whether a.tokens[k] is the s of a possessive, an
// apostrophe apart from the word before it.
func (a *analysis) possessive(k int) bool {
	t := a.tokens[k]
	if k < 1 || a.src[t.start:t.end] != "s" {
		return false
	}
	gap := a.src[a.tokens[k-1].end:t.start]
	return gap == "'" || gap == "’"
}

// finiteVerbAfter reports whether a word after a.tokens[k], before the
// clause ends, can only be a finite verb: an auxiliary, a modal, a past
// form or a listed verb, not right after "and" or "or", where it is
// coordinated with a.tokens[k], nor after "to", nor a participle before
// "by" and a name or a determiner's noun ("the operating system owned by
// Sun"); or whether a relative pronoun, or a spaced dash right after the
// word, leaves that open. A relative pronoun after other words opens a
// clause whose first verb, with the auxiliaries, participles and adverbs
// right after it, is its own: only a verb after those is the clause's
// ("The guide follows last year's report which recommended cuts." has
// none, "The bank accounts of Yukos which were frozen will stay" has
// "will"). The clause ends where the sentence does, at a semicolon,
// colon, quotation mark or bracket, at a word that opens another clause,
// and, for a clause that a conjunction opened (opener true), at a comma:
// "when Parliament returns from its break, the editor has learned".
func (a *analysis) finiteVerbAfter(k int, opener bool) bool {
	relative, own := false, -1 // a relative clause whose verb is to come; the last word of its verb
	for i := k + 1; i < len(a.tokens) && i <= k+30; i++ {
		if gap := a.src[a.tokens[i-1].end:a.tokens[i].start]; gap != " " && (strings.ContainsAny(gap, ".!?;:\n\"“”()") || opener && strings.IndexByte(gap, ',') >= 0) {
			return false
		} else if i == k+1 && len(gap) > 1 && strings.IndexByte(gap, '-') >= 0 {
			return true // a spaced dash right after it: an aside, the verb perhaps after it
		}
		t := a.tokens[i]
		c := englishClass.get(t.hash)
		word := a.src[t.start:t.end]
		switch {
		case c&enClauseEnder != 0 && (i == k+1 || t.hash != hashThat):
			return false
		case c&enRelative != 0 || t.hash == hashThat:
			if i == k+1 {
				return true // undecided: the word stays a noun
			}
			relative = true
		case relative && a.finiteForm(i, c, word) || own == i-1 && a.verbGroupGoesOn(t, c, word):
			// The relative clause's own verb ("which recommended
			// cuts", "which was initially sold").
			relative, own = false, i
		case subjectPronouns.has(a.tokens[i-1].hash) && (c&enFinite != 0 || c&enVerb != 0 ||
			startsLower(word) && (c&enIrregular != 0 || lowerSuffix(word, "ed", 4) && c&enEdNoun == 0)):
			// A finite verb after a subject pronoun is another
			// clause's, which no comma marked off: "The latest
			// triumph adds to the three Grammys she won", "If
			// Solidere drops much lower I would".
			return false
		case a.tokens[i-1].hash == hashAnd || a.tokens[i-1].hash == hashOr:
			// A verb right after "and" is coordinated with the
			// word's own ("The virus grabs addresses and uses").
		case a.tokens[i-1].hash == hashTo && c&enFinite == 0:
			// A verb right after "to" is an infinitive, no finite
			// verb ("While Alitalia needs to restructure to bring").
		case a.finiteForm(i, c, word):
			if i > k+1 && a.participleBy(i, c, word) {
				continue // "Moments of Trials made by Raymond Depardon"
			}
			return true
		}
	}
	return false
}

// finiteForm reports whether a.tokens[i], on the lists c, can only be a
// finite verb, or a participle: an auxiliary, a modal, a past form, a
// listed verb, or a verb-or-noun after a plural, its subject ("Premiership
// teams face"). An -ed form after a hyphen is a compound adjective's
// ("last year's government-commissioned report").
func (a *analysis) finiteForm(i int, c uint32, word string) bool {
	return c&(enFinite|enVerb|enIrregular) != 0 && c&enVerbNoun == 0 ||
		startsLower(word) && lowerSuffix(word, "ed", 4) && c&enEdNoun == 0 && a.src[a.tokens[i-1].end:a.tokens[i].start] != "-" ||
		c&enVerbNoun != 0 && a.plural(a.tokens[i-1])
}

// verbGroupGoesOn reports whether t, on the lists c, goes on the verb
// before it: a participle, an adverb or "not" ("was not sold", "has been
// quietly dropped"), where an auxiliary or a modal starts another verb.
func (a *analysis) verbGroupGoesOn(t token, c uint32, word string) bool {
	return c&(enIrregular|enAdverb) != 0 || participleHashes.has(t.hash) || t.hash == hashNot || a.adverb(t, c) ||
		startsLower(word) && lowerSuffix(word, "ed", 4) && c&enEdNoun == 0
}

// participleHashes are the listed finite forms that are participles too.
var participleHashes = newHashList(`made told said thought`)

// participleBy reports whether a.tokens[i], a past form on the lists c
// after a content word, is a participle that describes that word: "by"
// follows, then a name or a determiner that opens a noun phrase ("owned
// by Sun", "made by the BBC"). After "by" a number or "a" measures a
// change a finite verb states ("rose by 5%", "fell by a third").
func (a *analysis) participleBy(i int, c uint32, word string) bool {
	past := c&enIrregular != 0 || a.tokens[i].hash == hashMade || lowerSuffix(word, "ed", 4) && c&enEdNoun == 0
	if !past || !a.linked(i-1) || a.tokens[i-1].term < 0 ||
		!a.linked(i) || a.tokens[i+1].hash != hashBy || !a.linked(i+1) {
		return false
	}
	next := a.tokens[i+2]
	w := a.src[next.start:next.end]
	if byDeterminers.has(next.hash) {
		return true
	}
	return englishClass.get(next.hash)&enFunction == 0 && !startsLower(w) && !isDigitByte(w[0])
}

// byDeterminers open, after a participle's "by", the noun phrase of its
// agent.
var byDeterminers = newHashList(`the its his her their this these those`)

var hashMade, hashBy = fnv32([]byte("made")), fnv32([]byte("by"))

// subjectPronouns are the pronouns that are a clause's subject: a finite
// verb after one is that clause's own.
var subjectPronouns = newHashList(`i he she we they it you`)

// afterContentWord reports whether a content word comes just before t, a
// space apart: t is not the first word of its run.
func (a *analysis) afterContentWord(t token) bool {
	k := a.tokenIndex(t)
	return a.linked(k-1) && a.tokens[k-1].term >= 0 && !a.hyphenBefore(t)
}

// followsVerbOpener reports whether t follows a word that makes it a
// verb: a modal, an auxiliary, "to", a pronoun or "who". Of an adverb, it
// says that the word after the adverb is a verb ("will however need",
// "doesn't yet incorporate", "they too face").
func (a *analysis) followsVerbOpener(t token) bool {
	k := a.tokenIndex(t)
	return a.linked(k-1) && a.classOf(a.tokens[k-1])&(enVerbOpener|enPronoun|enWho) != 0
}

// hashTo is the hash of "to", a verb opener that is a preposition too.
var hashTo = fnv32([]byte("to"))

// coordinatedVerb reports whether word, after "and" or "or" (conj), is a
// verb coordinated with the verb before the conjunction: a word after a
// modal or an auxiliary ("can spot and stop attacks"), a listed verb after
// "to" ("to reduce and strengthen"), or a gerund before a gerund ("using
// and trading files"). After "to" a word off the list may be a noun ("to
// school and university"), so it counts only as a gerund's partner.
func (a *analysis) coordinatedVerb(conj token, word string) bool {
	k := a.tokenIndex(conj)
	if gerund(word) && a.gerundBefore(k) {
		return true // "cutting corporate tax from 30% to 29% and offering income tax cuts"
	}
	if !a.linked(k-1) || a.tokens[k-1].term < 0 {
		return false
	}
	w := a.tokens[k-1]
	verb := a.src[w.start:w.end]
	if !startsLower(verb) {
		return false
	}
	c := englishClass.get(w.hash)
	if gerund(verb) && c&enIngNoun == 0 {
		return gerund(word)
	}

	if !a.linked(k - 2) {
		return false
	}
	opener := a.tokens[k-2]
	oc := a.classOf(opener)
	if oc&(enVerbOpener|enPronoun) == 0 {
		return false
	}
	return opener.hash != hashTo || c&enVerb != 0 || verbSuffix(verb, c)
}

// gerundBefore reports whether a gerund that is a verb, one off the list
// of those that name a thing and after no determiner, stands among the
// twelve words before a.tokens[k], "and" or "or", in its sentence and
// with no comma between: the gerund after the conjunction is then
// coordinated with it, a verb too ("taking Britain back and planning
// deep cuts").
func (a *analysis) gerundBefore(k int) bool {
	for i := k - 1; i > 0 && i >= k-12; i-- {
		if strings.ContainsAny(a.src[a.tokens[i].end:a.tokens[i+1].start], ".!?;:,\n\"“”()") {
			return false
		}
		t := a.tokens[i]
		word := a.src[t.start:t.end]
		if gerund(word) && startsLower(word) && englishClass.get(t.hash)&enIngNoun == 0 {
			return englishClass.get(a.tokens[i-1].hash)&enDeterminer == 0
		}
	}
	return false
}

// beforeContentWord reports whether a content word comes just after t, a
// space apart: t is not the last word of its run.
func (a *analysis) beforeContentWord(t token) bool {
	k := a.tokenIndex(t)
	return a.linked(k) && a.tokens[k+1].term >= 0 && !a.hyphenAfter(t)
}
