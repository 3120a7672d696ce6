package summarize

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// referenceOpeners are, per language, the words that make a sentence lean on
// the one before it when they open it: personal and demonstrative pronouns
// and connectives. Out of context such a sentence reads as a riddle ("He was
// accompanied by…", "But the plan…").
var referenceOpeners = map[string]string{
	"en": `he she it they his her their its him them we our us this these those that such both another others ` +
		`but and or nor however so yet also still then meanwhile instead moreover furthermore besides thus therefore ` +
		`hence nevertheless nonetheless otherwise though although whereas indeed later afterwards earlier`,
	"de": `er sie es ihr ihre sein seine ihm ihn ihnen dies diese dieser dieses das dort aber doch jedoch auch ` +
		`dann danach trotzdem deshalb daher außerdem zudem allerdings stattdessen`,
	"fr": `il elle ils elles lui leur leurs son sa ses ce cette ces cela mais et pourtant cependant donc ` +
		`ensuite puis alors aussi toutefois néanmoins`,
	"es": `él ella ellos ellas su sus este esta estos estas eso esto pero y también además ` +
		`luego entonces después así`,
	"it": `lui lei loro suo sua suoi sue questo questa questi queste ciò ma e però tuttavia anche inoltre ` +
		`poi quindi dunque`,
	"pt": `ele ela eles elas seu sua seus suas este esta estes estas isso isto mas e porém contudo também ` +
		`além depois então assim`,
	"nl": `hij zij ze het zijn haar hun dit deze dat die maar en toch echter ook daarna dan bovendien daarom`,
}

// anaphoricNouns are English nouns that, after "the", refer back to someone
// already named ("the pair", "the former"); "the 39-year-old" is matched by
// its form.
var anaphoricNouns = wordSet(`former latter pair couple duo trio same two three four`)

var openerSets = func() map[string]map[string]bool {
	m := make(map[string]map[string]bool, len(referenceOpeners))
	for lang, words := range referenceOpeners {
		m[lang] = wordSet(words)
	}
	return m
}()

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// LeansOnPrevious reports whether sentence s, in language lang, opens with a
// pronoun, a connective or an anaphoric description ("the 26-year-old"), so
// that it needs the sentence before it to be understood. Opening quotes and
// brackets are looked past. An unknown language has no such words.
func LeansOnPrevious(s, lang string) bool { return leansOnPrevious(s, lang, openerSets[lang]) }

// leansOnPrevious is LeansOnPrevious with lang's openers, set, looked up
// once for all the sentences of a text.
func leansOnPrevious(s, lang string, set map[string]bool) bool {
	var buf [24]byte
	first, rest := nextWord(s)
	if len(first) > len(buf) {
		return false
	}
	if !isASCII(first) {
		return set[strings.ToLower(first)] // "Él", "Ihre": rare enough to allocate
	}
	if lang == "en" && first == "US" {
		return false // the country: "US officials said…"
	}
	w := lowerInto(buf[:0], first)
	if set[string(w)] {
		return true
	}
	if lang != "en" {
		return false
	}
	if len(first) == 3 && hasFold(first, "the") {
		second, _ := nextWord(rest)
		if len(second) > len(buf) {
			return isAgeDescription(strings.ToLower(second))
		}
		w := lowerInto(buf[:0], second)
		return anaphoricNouns[string(w)] || bytes.HasSuffix(w, []byte("-year-old")) || bytes.HasSuffix(w, []byte("-month-old"))
	}
	if quantifiers[string(w)] {
		second, _ := nextWord(rest)
		return len(second) <= len(buf) && pronounFollowers[string(lowerInto(buf[:0], second))]
	}
	if tails, ok := connectivePhrases[string(w)]; ok {
		return opensWithPhrase(rest, tails)
	}
	return false
}

// quantifiers are English words that are pronouns when no noun follows
// them ("Many of them", "Some were"), and pronounFollowers the words after
// which they must be: "of", auxiliaries, modals and verbs of saying. "Many
// people" is not matched; "Many buy it" is missed, since telling a verb
// from a noun after them needs a part-of-speech signal.
var (
	quantifiers      = wordSet(`many some most several few all none each neither either`)
	pronounFollowers = wordSet(`of are were was is be been have has had will would could can may might must ` +
		`should shall do did does said say says told also still too`)
)

// connectivePhrases are English connectives of more than one word, by their
// first word: the rest of each, which must follow it ("As a result, …").
var connectivePhrases = map[string][][]string{
	"as":      {{"a", "result"}, {"such"}},
	"in":      {{"addition"}, {"contrast"}, {"turn"}, {"response"}, {"fact"}, {"particular"}, {"other", "words"}},
	"for":     {{"example"}, {"instance"}},
	"on":      {{"the", "other", "hand"}},
	"at":      {{"the", "same", "time"}},
	"by":      {{"contrast"}},
	"even":    {{"so"}},
	"after":   {{"that"}, {"this"}},
	"because": {{"of", "this"}, {"of", "that"}},
	"despite": {{"this"}, {"that"}},
	"of":      {{"course"}},
}

// opensWithPhrase reports whether s opens with the words of one of tails,
// case aside, whole words each: "In fact, …" but not "In factories …".
func opensWithPhrase(s string, tails [][]string) bool {
	for _, tail := range tails {
		rest, ok := s, true
		for _, want := range tail {
			var w string
			w, rest = nextWord(rest)
			if !strings.EqualFold(w, want) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// selfNouns are what "This" names when a sentence speaks of the text it
// is in ("This article has been corrected…", "This story was updated…"),
// which leans on no sentence before it.
var selfNouns = wordSet(`article story report page post version`)

// firstPerson are the English openers that, inside a quotation, refer to
// its speaker rather than to the sentence before.
var firstPerson = wordSet(`we our us`)

// leansForContext reports whether sentence s needs the one before it as
// context in a summary of changes: as LeansOnPrevious, except that a
// first-person quotation given to a named speaker in s itself ("We heard a
// roar," said Ayse Demir.) refers to that speaker, and a "This" that names
// the text itself ("This article has been corrected…") points at nothing
// before it, nor does a correction notice in any language
// (text.OpensCorrection: "Dieser Artikel wurde korrigiert…"). Selection
// keeps LeansOnSentence, whose first-word test the shipped weights were
// trained on, so such a sentence still brings the one before it when
// picked.
func leansForContext(s, lang string) bool {
	if !LeansOnPrevious(s, lang) || text.OpensCorrection(s) {
		return false
	}
	if lang != "en" {
		return true
	}
	first, rest := nextWord(s)
	switch first = strings.ToLower(first); {
	case first == "this":
		second, _ := nextWord(rest)
		return !selfNouns[strings.ToLower(second)]
	case firstPerson[first]:
		return !quoteNamesSpeaker(s)
	}
	return true
}

// attributionVerbs and speakerPronouns tell a quotation's attribution ("said
// Ayse Demir", "the mayor told reporters") from one that names nobody ("she
// said").
var (
	attributionVerbs = func() map[string]bool {
		m := map[string]bool{}
		for _, v := range text.SpeechVerbs("en") {
			m[v.Form] = true
		}
		return m
	}()
	speakerPronouns = wordSet(`he she they we i it`)
)

// quoteNamesSpeaker reports whether s opens with a quotation that an
// attribution after it gives to a named speaker: “We heard a roar,” said
// Ayse Demir. Its "we" is that speaker's, so it stands on its own.
func quoteNamesSpeaker(s string) bool {
	s = strings.TrimLeft(s, " \t")
	open := 0
	for _, q := range []string{"``", "\"", "\u201c", "'", "\u2018"} {
		if strings.HasPrefix(s, q) {
			open = len(q)
			break
		}
	}
	if open == 0 {
		return false
	}
	end := strings.IndexAny(s[open:], "\"\u201d")
	if alt := strings.Index(s[open:], "''"); alt >= 0 && (end < 0 || alt < end) {
		end = alt
	}
	if end < 0 {
		return false
	}
	rest := s[open+end+1:]
	for i := 0; i < 5; i++ {
		var w string
		w, rest = nextWord(rest)
		w = strings.ToLower(w)
		switch {
		case w == "":
			return false
		case attributionVerbs[w]:
			next, _ := nextWord(rest)
			return i > 0 || next != "" && !speakerPronouns[strings.ToLower(next)]
		case speakerPronouns[w]:
			return false
		}
	}
	return false
}

// lowerInto appends w to dst with ASCII letters lowercased; map lookups
// with string(…) of it allocate nothing.
func lowerInto(dst []byte, w string) []byte {
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func hasFold(w, lower string) bool { return strings.EqualFold(w, lower) }

func isASCII(w string) bool {
	for i := range len(w) {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nextWord returns the first word of s, and what follows it. A word is a
// run of letters, digits and hyphens; anything before it (quotes, brackets,
// dashes) is skipped.
//
// An ASCII byte, nearly every byte of a text, is judged without decoding
// it: its letters and digits are unicode's.
func nextWord(s string) (word, rest string) {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if isASCIIWord(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += n
	}
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if !isASCIIWord(c) && c != '-' {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			break
		}
		j += n
	}
	return s[i:j], s[j:]
}

// isAgeDescription matches "39-year-old" and "two-year-old".
func isAgeDescription(w string) bool {
	return strings.HasSuffix(w, "-year-old") || strings.HasSuffix(w, "-month-old")
}

// countWords counts the words of s as a summary's word budget counts them
// (forEachWord): runs of letters, digits and marks, with each Han, Hiragana
// or Katakana character a word of its own, so that a budget of "what's new"
// holds as much Chinese or Japanese text as a summary's does.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case isIdeograph(r):
			n, in = n+1, false
		case isWordRune(r):
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}
