package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// decide reports whether the sentence ends after the token [ts, te), and
// where scanning goes on: past te when a spaced ellipsis (". . .") or a run
// of bare stops follows.
func (b *block) decide(ts, te int) (next int, end bool) {
	core := trimClosers(b.src, ts, te)
	rs := stopRunStart(b.src, ts, core)
	word := b.src[skipOpeners(b.src, ts, rs):rs]
	switch run := b.src[rs:core]; {
	case run == "":
		return te, false
	case strings.ContainsAny(run, "!?"):
		return b.afterExclamation(word, core < te, te)
	case run != ".":
		return te, b.afterEllipsis(b.src[ts:rs], run, te)
	case word == "" && b.bareAbbrev(te):
		return te, false
	case word == "":
		return b.afterBareStop(te)
	}
	return b.afterStop(word, te)
}

// afterExclamation decides for a run of ! and ?, which ends a sentence
// unless a lowercase word goes on with it ("Yahoo! in") or a verb of speech
// reports it. closed says whether a quotation closed right after the run.
func (b *block) afterExclamation(word string, closed bool, te int) (int, bool) {
	te = b.bareStopRun(te) // "ha ! ! !" in tokenized text
	return te, (word == "" || !b.peek(te).lower()) && !b.speechFollows(closed, te)
}

// afterStop decides for a word and a single stop, which lone stops may
// follow as a spaced ellipsis.
func (b *block) afterStop(word string, te int) (int, bool) {
	k, runEnd := b.bareStops(te)
	switch {
	case k == 0:
		return te, b.afterWord(word, te)
	case k == 3 && b.peek(runEnd).class == capital:
		return te, true // "compounds. . . . The": the ellipsis opens the next sentence
	}
	return runEnd, !b.peek(runEnd).lower()
}

// afterEllipsis decides for "...", "…" and longer runs of stops. Three dots
// mark an omission and end a sentence only before a capital; four are an
// ellipsis plus a stop. An omission in brackets ("[...]") never ends one.
func (b *block) afterEllipsis(before, run string, te int) bool {
	if strings.HasSuffix(before, "[") || strings.HasSuffix(before, "(") {
		return false
	}
	next := b.peek(te)
	if strings.Count(run, ".") >= 4 {
		return !next.lower()
	}
	return next.class == capital && !b.titleAcross(before, te)
}

// titleAcross reports whether an ellipsis between before (the word it
// follows) and the words after te sits inside a title, as in "I'm A
// Celebrity... Get Me Out Of Here", "Later... With Jools Holland" or
// "Stardust... The Great American Songbook": the word before it is
// capitalized and so are the two words after it. A sentence after an
// ellipsis rarely opens with two capitalized words after a capitalized
// one ("…in London... The city was" breaks: "city" is lowercase), and a
// second word "I" ("London... Then I left") opens a sentence.
func (b *block) titleAcross(before string, te int) bool {
	w := before[skipOpeners(before, 0, len(before)):]
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
		return false
	}
	i := skipSpace(b.src, te, b.end)
	for n := 0; n < 2; n++ {
		if i == b.end {
			return false
		}
		r, _ := utf8.DecodeRuneInString(b.src[i:b.end])
		if !unicode.IsUpper(r) {
			return false
		}
		j := tokenEnd(b.src, i, b.end)
		if n == 1 && isFirstPerson(b.src[i:j]) {
			return false
		}
		i = skipSpace(b.src, j, b.end)
	}
	return true
}

// isFirstPerson reports whether word is "I", alone, before a comma or in a
// contraction ("I'm", "I’ll"): a capitalized word that a sentence's second
// word often is, where a title's rarely is.
func isFirstPerson(word string) bool {
	if word == "" || word[0] != 'I' {
		return false
	}
	rest := word[1:]
	return rest == "" || rest[0] == ',' || rest[0] == '\'' || strings.HasPrefix(rest, "’")
}

// afterBareStop decides for a stop standing alone, as tokenized text writes
// every stop. A run of three such stops is a spaced ellipsis inside the
// sentence; a run of four ends it.
func (b *block) afterBareStop(te int) (int, bool) {
	k, runEnd := b.bareStops(te)
	switch k {
	case 0:
		return te, true
	case 2:
		return runEnd, false
	}
	return runEnd, !b.peek(runEnd).lower()
}

// bareStops counts the tokens after from that are a lone stop, and returns
// where the last one ends.
func (b *block) bareStops(from int) (k, end int) {
	end = from
	for {
		ts := skipSpace(b.src, end, b.end)
		te := tokenEnd(b.src, ts, b.end)
		if ts == te || b.src[ts] != '.' || trimClosers(b.src, ts+1, te) != ts+1 {
			return k, end
		}
		k, end = k+1, te
	}
}

// bareStopRun returns the end of the tokens after from that hold only stops.
func (b *block) bareStopRun(from int) int {
	for {
		ts := skipSpace(b.src, from, b.end)
		te := tokenEnd(b.src, ts, b.end)
		if ts == te || stopRunStart(b.src, ts, te) != ts {
			return from
		}
		from = te
	}
}

// afterWord decides for a word followed by a single stop, where the question
// is whether the stop ends the sentence or an abbreviation.
func (b *block) afterWord(word string, te int) bool {
	next := b.peek(te)
	if next.lower() {
		return false
	}
	if kind, ok := b.lang.abbrev(word); ok && !(kind == title && isUpperWord(word)) {
		// "MS." in capitals is a name (multiple sclerosis), not "Ms.".
		return b.afterAbbrev(kind, next)
	}
	switch {
	case isInitial(word):
		return b.afterInitial(word, next)
	case len(word) == 1 && isLowerASCII(word[0]), isOrdinal(word) && next.ordinalNoun:
		return false
	case isDottedAbbrev(word), b.lang.ordinals && isOrdinal(word):
		return b.afterAbbrev(plain, next)
	}
	return true
}

// afterAbbrev decides for an abbreviation of the given kind followed by a
// word that is not lowercase.
func (b *block) afterAbbrev(kind abbrevKind, next lookahead) bool {
	switch kind {
	case title:
		return false
	case timeOfDay:
		// "At 5 a.m. Mr. Smith": a sentence cannot be that short; and
		// "at 3 p.m. Friday" goes on with the day.
		return !next.dateWord && b.tokensBefore(b.cur, 3) >= 3
	case terminal:
		return next.class == capital
	case numeric:
		return next.class != number
	}
	return next.class == capital && next.starter
}

// afterInitial decides for a single capital letter and a stop. Before a name
// or another initial it is an initial ("J. R. R. Tolkien", "Albert I.
// Jones"); before a word that usually opens a sentence it is a letter ending
// one ("World War I. But"), and so is the pronoun after a lowercase word
// ("you and I. Did").
func (b *block) afterInitial(word string, next lookahead) bool {
	prev := b.previous()
	prev = prev[:trimClosers(prev, 0, len(prev))]
	if strings.HasSuffix(prev, ".") || next.class != capital || next.initial {
		return false
	}
	return next.starter || word == "I" && startsLower(prev)
}

// bareAbbrev reports whether a lone stop belongs to the abbreviation before
// it, which tokenized text sometimes splits off ("cpl . justin", "no . 1").
func (b *block) bareAbbrev(te int) bool {
	kind, ok := b.lang.abbrev(b.previous())
	return ok && (kind == title || kind == numeric && b.peek(te).class == number)
}

// speechFollows reports whether a quotation closes at i, or closed already,
// and a verb of speech follows as the first or second word, as in a quoted
// question followed by "he said"; the sentence then goes on after the
// quotation.
func (b *block) speechFollows(closed bool, i int) bool {
	words := 0
	for range 4 {
		ts := skipSpace(b.src, i, b.end)
		te := tokenEnd(b.src, ts, b.end)
		tok := b.src[ts:te]
		switch {
		case ts == te:
			return false
		case isClosingToken(tok) || tok == "'" || tok == "\"":
			closed = true
		case !closed:
			return false
		case isSpeechVerb(tok):
			return true
		default:
			// The verb comes first ("said Smith") or after the speaker
			// ("he said"); later, the words are a new sentence.
			if words++; words == 2 {
				return false
			}
		}
		i = te
	}
	return false
}

// speechVerbs are the verbs that report a quotation, in English and, in the
// forms that follow a quotation, in the other languages.
var speechVerbs = [...]string{"said", "says", "asked", "asks", "added", "told", "wrote", "shouted",
	"screamed", "yelled", "replied", "explained", "continued", "insisted", "cried", "whispered", "exclaimed",
	"dit", "dit-il", "dit-elle", "a-t-il", "a-t-elle", "sagte", "fragte", "dijo", "preguntó", "disse", "zei", "vroeg"}

func isSpeechVerb(tok string) bool {
	tok = tok[:trimClosers(tok, 0, len(tok))]
	tok = strings.TrimRight(tok, ".,;:!?")
	for _, v := range speechVerbs {
		if strings.EqualFold(tok, v) {
			return true
		}
	}
	return false
}
