package summarize

import (
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// quoteShape is what the quotation marks of one sentence say about it,
// read on its own: every sentence is scanned afresh, so a quotation whose
// marks are unbalanced in one sentence does not run on through the rest of
// the text.
type quoteShape struct {
	quotes bool // it holds a quotation mark
	// closesFirst: a closing double mark comes before any it opens, so it
	// ends a quotation opened before it ("He must be playing regularly.").
	closesFirst bool
	// endsOpen: a quotation it opens is still open at its end, so the
	// next sentence goes on with it.
	endsOpen bool
	// whole: it opens with a quotation mark and is quoted to its end,
	// whether or not the mark closes there: no word of its own lies
	// outside the quotation, so it names no speaker.
	whole bool
	// digits: it holds an ASCII digit; marked: it holds one of the
	// quotation marks the learned scorer's quote feature counts (see
	// countedMark), whatever its role. The same pass that reads the
	// marks' roles finds them.
	digits, marked bool
}

// Quotation marks fall in two families, double and single, each with its
// own depth, so that an apostrophe does not close a double quotation. A
// mark's role is fixed for some („ and ‚ always open, and so do two
// backticks, while two apostrophes always close) and
// read from its neighbours for the others: after a space and before a word
// it opens, after a word and before a space or punctuation it closes, and
// otherwise it takes its usual role (“ « ‹ ‘ open, ” » › close, " and '
// toggle). This serves English “…” and ‘…’, German „…“, ‚…‘ and »…«,
// French « … », and the doubled backticks and apostrophes of tokenized
// text alike.
const (
	roleNone = iota
	roleOpen
	roleClose
	roleToggle
)

// quoteMark returns the family (double or not), default role (negated
// when fixed, whatever the neighbours) and length of the quotation mark at
// s[i], or length 0 if there is none.
func quoteMark(s string, i int) (double bool, role, n int) {
	switch c := s[i]; c {
	case '"':
		return true, roleToggle, 1
	case '`':
		if i+1 < len(s) && s[i+1] == '`' {
			return true, -roleOpen, 2 // fixed: tokenized text spaces it on both sides
		}
		return false, -roleOpen, 1
	case '\'':
		if i+1 < len(s) && s[i+1] == '\'' {
			return true, -roleClose, 2
		}
		return false, roleToggle, 1
	case 0xc2:
		if i+1 < len(s) {
			switch s[i+1] {
			case 0xab: // «
				return true, roleOpen, 2
			case 0xbb: // »
				return true, roleClose, 2
			}
		}
	case 0xe2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x9c: // “
				return true, roleOpen, 3
			case 0x9d: // ”
				return true, roleClose, 3
			case 0x9e: // „
				return true, -roleOpen, 3
			case 0x98: // ‘
				return false, roleOpen, 3
			case 0x99: // ’
				return false, roleClose, 3
			case 0x9a: // ‚
				return false, -roleOpen, 3
			case 0xb9: // ‹
				return false, roleOpen, 3
			case 0xba: // ›
				return false, roleClose, 3
			}
		}
	}
	return false, roleNone, 0
}

// markRole decides whether the mark s[i:i+n], of default role def (a
// negative role is fixed), opens or closes, from the runes around it and
// from whether its family is open. A single mark between two letters is an
// apostrophe (“don’t”), as is a ' that would open before a clitic
// (tokenized "it 's", "do n't") or after a word ending in s (tokenized
// "players ' union"); a single mark that would close nothing is one too
// ("the players’ union"). It returns roleNone for them.
func markRole(s string, i, n int, double bool, def int, open bool) int {
	if def < 0 {
		return -def
	}
	before, after := rune(' '), rune(' ')
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	wordBefore, wordAfter := isWordRune(before), isWordRune(after)
	if !double && wordBefore && wordAfter {
		return roleNone
	}
	openSide := unicode.IsSpace(before) || isOpenPunct(before)
	closeSide := unicode.IsSpace(after) || !wordAfter && !isOpenPunct(after)
	role := def
	switch {
	case openSide && !closeSide:
		role = roleOpen
	case !openSide && closeSide:
		role = roleClose
	case role == roleToggle && open:
		role = roleClose
	case role == roleToggle:
		role = roleOpen
	}
	switch {
	case double:
		return role
	case role == roleClose && !open:
		return roleNone
	case role == roleOpen && s[i] == '\'' && (wordAfter && isClitic(s[i+n:]) || !wordAfter && endsInS(s[:i])):
		return roleNone
	}
	return role
}

// isOpenPunct reports whether r may stand right before an opening
// quotation mark without a space: brackets, dashes and other quotation
// marks.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '-', '\u2013', '\u2014', '"', '\'', '`', '\u201c', '\u201e', '\u2018', '\u201a', '\u00ab', '\u00bb', '\u2039':
		return true
	}
	return false
}

// isClitic reports whether s, what follows an apostrophe, opens with an
// English clitic and then ends the word: "s", "re", "ve", "ll", "d", "m",
// "t".
func isClitic(s string) bool {
	for _, c := range []string{"s", "re", "ve", "ll", "d", "m", "t", "S", "RE", "VE", "LL", "D", "M", "T"} {
		if len(s) >= len(c) && s[:len(c)] == c {
			if len(s) == len(c) {
				return true
			}
			r, _ := utf8.DecodeRuneInString(s[len(c):])
			if !isWordRune(r) {
				return true
			}
		}
	}
	return false
}

// endsInS reports whether s, less trailing spaces, ends in a word ending
// in s: the possessive of a plural ("players '").
func endsInS(s string) bool {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return len(s) > 0 && (s[len(s)-1] == 's' || s[len(s)-1] == 'S')
}

// quoteLead marks the bytes that may begin a quotation mark, and
// quoteOrDigit those and the digits, where a scan that has not met a digit
// yet stops.
// A marked byte holds 1, so that the scan tests eight bytes with one
// branch.
var quoteLead, quoteOrDigit = leadBytes()

func leadBytes() (lead, orDigit [256]uint8) {
	for _, c := range []byte{'"', '`', '\'', 0xc2, 0xe2} {
		lead[c], orDigit[c] = 1, 1
	}
	for c := '0'; c <= '9'; c++ {
		orDigit[c] = 1
	}
	return lead, orDigit
}

// skipUnmarked returns the first index from i of a byte of s that stop
// marks, or len(s): eight bytes a step, then one.
func skipUnmarked(s string, i int, stop *[256]uint8) int {
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		if stop[b[0]]|stop[b[1]]|stop[b[2]]|stop[b[3]]|stop[b[4]]|stop[b[5]]|stop[b[6]]|stop[b[7]] != 0 {
			break
		}
	}
	for i < len(s) && stop[s[i]] == 0 {
		i++
	}
	return i
}

// countedMark reports whether the quotation mark m is one that the learned
// scorer's quote feature counts: the straight double quote, backticks, two
// apostrophes, “ and ”, the marks of the texts it was trained on.
func countedMark(m string) bool {
	switch m {
	case `"`, "`", "``", "''", "\u201c", "\u201d":
		return true
	}
	return false
}

// scanQuotes returns the quote shape of s and, when speech is not nil,
// whether a word outside its quotations, lowercased, is in speech.
func scanQuotes(s string, speech map[string]bool) (sh quoteShape, said bool) {
	var depth [2]int // single, double
	first := true    // nothing but spaces yet
	closedWhole := false
	var buf [24]byte
	w := buf[:0]
	stop := &quoteOrDigit // what the fast scan stops at: a digit only until one is found
	for i := 0; i < len(s); {
		if !first && !closedWhole && speech == nil {
			i = skipUnmarked(s, i, stop) // most of a text: nothing to learn from it
			if i == len(s) {
				break
			}
			if c := s[i]; '0' <= c && c <= '9' {
				sh.digits, stop = true, &quoteLead
				i++
				continue
			}
		}
		double, def, n := quoteMark(s, i)
		if n == 0 {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if '0' <= r && r <= '9' {
				sh.digits, stop = true, &quoteLead
			}
			switch {
			case isWordRune(r):
				if closedWhole {
					sh.whole, closedWhole = false, false // words of its own after the quotation
				}
				if speech != nil && depth[0]+depth[1] == 0 && len(w)+utf8.UTFMax <= cap(w) {
					w = utf8.AppendRune(w, unicode.ToLower(r))
				}
			case len(w) > 0:
				said, w = said || speech[string(w)], w[:0]
			}
			first = first && unicode.IsSpace(r)
			i += size
			continue
		}
		if len(w) > 0 {
			said, w = said || speech[string(w)], w[:0]
		}
		sh.marked = sh.marked || countedMark(s[i:i+n])
		f := 0
		if double {
			f = 1
		}
		switch markRole(s, i, n, double, def, depth[f] > 0) {
		case roleOpen:
			sh.quotes = true
			sh.whole = sh.whole || first
			depth[f]++
		case roleClose:
			sh.quotes = true
			if depth[f] == 0 {
				sh.closesFirst = true // only a double mark closes what is not open
				break
			}
			depth[f]--
			closedWhole = closedWhole || sh.whole && depth[0]+depth[1] == 0
		}
		first = false
		i += n
	}
	said = said || len(w) > 0 && speech[string(w)]
	sh.endsOpen = depth[0]+depth[1] > 0
	return sh, said
}

// speechWords are, per language, the words that give a quotation to a
// speaker outside it: verbs of saying ("said X", "X told") and "according
// to" and its kin, as internal/text lists them.
var speechWords = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, lang := range knownCodes {
		set := map[string]bool{}
		for _, v := range text.SpeechVerbs(lang) {
			set[v.Form] = true
		}
		for _, w := range text.AttributionWords(lang) {
			set[w] = true
		}
		if len(set) > 0 {
			m[lang] = set
		}
	}
	return m
}()

// namesSpeaker reports whether s quotes someone and gives the quotation to
// a speaker with a word of speech outside it ("he told Uefa's official
// website", "said Suhas Naik").
func namesSpeaker(s, lang string) bool {
	set := speechWords[lang]
	if set == nil {
		return false
	}
	sh, said := scanQuotes(s, set)
	return sh.quotes && said
}

// ContinuesQuotation reports whether sentence s, in language lang, goes on
// with a quotation of prev, the sentence before it, so that it needs prev
// to be read: prev opens a quotation it does not close; s closes one it
// did not open; or s is wholly a quotation, with no attribution of its
// own, after a sentence that quotes and names its speaker (“…,” he told
// reporters. “…”) or is wholly a quotation too. An unknown language has no
// words of speech, so only the marks tell.
func ContinuesQuotation(prev, s, lang string) bool {
	ps, _ := scanQuotes(prev, nil)
	ss, _ := scanQuotes(s, nil)
	return continuesQuote(ps, ss, prev, lang)
}

// continuesQuote is ContinuesQuotation from the two sentences' shapes.
func continuesQuote(ps, ss quoteShape, prev, lang string) bool {
	if ps.endsOpen || ss.closesFirst {
		return true
	}
	return ss.whole && ps.quotes && (ps.whole || namesSpeaker(prev, lang))
}

// LeavesQuotationOpen reports whether sentence s opens a quotation that it
// does not close, so that the sentence after it goes on with it
// (ContinuesQuotation).
func LeavesQuotationOpen(s string) bool {
	sh, _ := scanQuotes(s, nil)
	return sh.endsOpen
}

// LeansOnSentence reports whether sentence s, in language lang, needs
// prev, the sentence before it, to be read: it opens with a word that
// leans on it (LeansOnPrevious) or goes on with its quotation
// (ContinuesQuotation). Selection brings prev with s, or passes s over.
func LeansOnSentence(prev, s, lang string) bool {
	return LeansOnPrevious(s, lang) || ContinuesQuotation(prev, s, lang)
}
