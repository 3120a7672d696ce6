package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says what a unit of a text is. The segmenter splits faithfully, so a
// headline, a byline or a "Read more" link comes out as a unit of its own;
// Kind tells a summarizer which units are prose worth picking.
type Kind uint8

// The kinds of unit. Every rule is in Classify's doc comment.
const (
	KindSentence    Kind = iota // prose
	KindHeading                 // a headline or a section label
	KindByline                  // "By Jane Smith"
	KindDateline                // "LONDON (Reuters) -", "Tuesday 3 March 2015"
	KindTimestamp               // "Updated: 6:34 p.m."
	KindCaption                 // "Photo: …", "… (pictured) …"
	KindBoilerplate             // "Scroll down for video", "Read more", "Team news"
)

var kindNames = [...]string{"sentence", "heading", "byline", "dateline", "timestamp", "caption", "boilerplate"}

// String returns the kind's name as the API spells it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Classify returns the kind of each of sents, which must be units of src in
// order, as Sentences returns them. The word lists cover every supported
// language at once, so classification needs no language. The rules, first
// match wins:
//
//   - timestamp: opens with "Updated", "Last updated", "Published", "Posted"
//     (or "Aktualisiert", "Stand:", "Mis à jour", "Publié", "Actualizado",
//     "Publicado", "Aggiornato", "Atualizado", "Bijgewerkt") and has at most
//     12 words, or is a bare time of day ("6:34 p.m. ET"), or one word, a
//     colon and a time of day, with at most a date after it, in any
//     language ("Aktualizacja: 14:20");
//   - byline: opens with "By", "Von", "Par", "Por", "Di" or "Door" and a name
//     (not "By the time…", nor a weekday or month: "By Tuesday night…"),
//     in at most 7 words (12 without a final stop: "By Maria Keller and
//     Omar Haddad, Staff Reporters"); or holds "Reporting by",
//     "Editing by", "Additional reporting"; or, on a line of its own,
//     credits a contributor in at most 20 words ("… contributed to this
//     report", "… contributed reporting"), or closes its paragraph with
//     such a credit on the line of the sentences before it ("cnn 's ralph
//     ellis contributed to this report .");
//   - caption: opens with a label such as "Photo:", "Picture:", "Image:",
//     "Video:", "Credit:", "Foto:", "Bild:"; or opens with a short label and
//     a colon and says "pictured" ("In mourning: Scott (pictured) is…"),
//     or opens with "Pictured", or is "Source:" and at most five words. A
//     prose sentence with "(pictured)" and no label stays a sentence: some
//     papers write it into their ledes. On a line of its own, also a credit
//     line of at most 10 words: one that opens with "Photo by", "Picture
//     by", "Foto von"…, holds "©", or is or ends with a picture agency
//     ("Getty Images", "AFP/Getty Images", "John Smith/AP") or opens with
//     one and a slash ("AP Photo/Emrah Gurel"); wherever it stands, such a
//     credit in brackets ("(AP Photo/Emrah Gurel)"); and a caption
//     that places people in the picture (", left,", "(right)", "from
//     left", "(links)", "(à gauche)", "(izquierda)"…) in at most 40 words;
//     and the sentences before a labelled credit that ends their line,
//     in at most 40 words on a line of their own ("Rescuers carry a
//     survivor. (Photo: Jean Martin/AFP)");
//   - boilerplate: opens with a phrase such as "Scroll down", "Read more",
//     "Click here", "Team news", "Follow us", "Share this", "Sign up",
//     "Advertisement", "Lesen Sie auch", "Lire aussi", "Lee también",
//     "Leggi anche", "Leia também", "Lees ook", "All rights reserved", or
//     "Copyright" and a year or "©", in at most 12 words, or holds "click
//     here" in at most 15; or, inside a
//     paragraph, holds "©" in at most 10 words (a copyright notice);
//   - dateline, on a line of its own: a date ("Tuesday, 3 March 2015": only
//     weekdays, months and numbers) or a place in capitals with an optional
//     agency and dash ("LONDON (Reuters) -") before the first sentence of
//     the text (lower down, "WINNERS (six times)" is a heading); and,
//     opening a paragraph that goes on, a place and a full stop before
//     the first sentence ("Berlin. Die Bundesregierung hat…");
//   - heading: on a line of its own, at most 20 words, not a list item,
//     and no final stop, question or exclamation mark, colon or semicolon,
//     whatever closing quotes or brackets follow it: a headline or a
//     section label ("Administration", "UKIP MEP attacked German
//     'empire'", "Ireland v USA (Sat)", "Le maire dénonce une
//     « trahison »"; but "„Wir gewinnen.“" is a sentence); and a
//     headline that ends like a sentence, with a question or exclamation
//     mark or an ellipsis ("Could rivalry overshadow election?",
//     "¿Quién ganará?"), in at most 10 words on a line of its own, when
//     it opens the text, after at most a section label (a heading of one
//     or two words), a byline, a dateline or a timestamp, and more of the
//     text follows, whether the whole text is given or only its last
//     units (the units before them are read from src). Further down,
//     such a line is prose: a rhetorical question, a reader's comment, a
//     question put to someone. And, wherever it stands, a label in
//     capitals of two to ten words that does not end with a stop ("KEY
//     MATCH STATS", "WHO WAS OSCAR?");
//   - sentence: everything else.
func Classify(src string, sents []Sentence) []Kind {
	return AppendKinds(nil, src, sents)
}

// AppendKinds appends the kinds of sents to dst, as Classify returns them,
// letting a caller reuse one buffer across documents.
func AppendKinds(dst []Kind, src string, sents []Sentence) []Kind {
	return appendKinds(dst, src, sents, true, false)
}

// ClassifyPart returns the kinds of sents, units of src in order, when src
// is a part of a longer text, as a diff's entry is: opens says whether src
// opens that text, and goesOn whether more of the text follows src. A
// question headline ("Could rivalry overshadow election?") that is the
// last unit of src is then a heading when src opens the text and the text
// goes on; when src does not open the text, a sentence stands before it,
// as far as the rules that ask tell.
func ClassifyPart(src string, sents []Sentence, opens, goesOn bool) []Kind {
	return appendKinds(nil, src, sents, opens, goesOn)
}

func appendKinds(dst []Kind, src string, sents []Sentence, opens, goesOn bool) []Kind {
	base := len(dst)
	for _, s := range sents {
		dst = append(dst, classify(src, s))
	}
	h := head{src: src, done: !opens, long: !opens}
	if len(sents) > 0 {
		h.first = sents[0].Start
	}
	markTopHeadline(dst[base:], &h, sents, goesOn)
	markLateDatelines(dst[base:], &h, sents)
	markCredited(dst[base:], src, sents)
	return dst
}

// maxHead is the most bytes of text before the first unit a caller
// classifies that Classify segments and classifies too, to know whether
// those units open the text: a section label, a byline, a dateline and a
// time stamp take far fewer, so a longer stretch holds prose.
const maxHead = 1000

// head is what stands before the first unit given to Classify, which may
// be the last units of a text alone: the units of the text before it,
// segmented and classified when a rule asks, at most maxHead bytes.
type head struct {
	src   string
	first int // where the first given unit starts
	done  bool
	long  bool // more than maxHead bytes of text, or a part of a text that does not open it
	units []Sentence
	kinds []Kind
}

// before returns the units before the first given one and their kinds,
// and false when more than maxHead bytes of text stand there.
func (h *head) before() ([]Sentence, []Kind, bool) {
	if !h.done {
		h.done = true
		switch pre := h.src[:h.first]; {
		case strings.TrimSpace(pre) == "":
		case len(pre) > maxHead:
			h.long = true
		default:
			h.units = english.AppendSentences(nil, h.src, Span{0, h.first})
			h.kinds = AppendKinds(nil, h.src, h.units)
		}
	}
	return h.units, h.kinds, !h.long
}

// hasSentence reports whether a sentence stands before the first given
// unit: whether the text has begun.
func (h *head) hasSentence() bool {
	_, kinds, ok := h.before()
	return !ok || slices.Contains(kinds, KindSentence)
}

// maxLabelWords is the most words of a section label ("Administration",
// "World news"), which may stand above a headline; a longer heading is a
// headline ("Blair faces revolt"), below which the text begins.
const maxLabelWords = 2

// maxAskingHeadline is the most words of a headline that ends like a
// sentence ("Could rivalry overshadow election?"). Headlines run to about
// ten words; a lone question at the top that is longer is a lede ("So
// what is the gap between Labour and the Tories nowadays?").
const maxAskingHeadline = 10

// markTopHeadline makes a heading of the unit that opens the text when it
// is a headline that ends like a sentence: with a question or exclamation
// mark or an ellipsis, in at most maxAskingHeadline words on a line of its
// own, with more of the text after it. Only a section label, a byline, a
// dateline, a timestamp and the like may stand before it, and only white
// space before the first unit, since a caller may classify the last units
// of a text alone. Only there does the position tell a headline from a
// question in prose, which a one-line paragraph of a body mostly is.
func markTopHeadline(kinds []Kind, h *head, sents []Sentence, goesOn bool) {
	last := len(sents) - 1 // the text must go on after the headline
	if goesOn {
		last = len(sents)
	}
	if last < 1 {
		return
	}
	pre, preKinds, ok := h.before()
	if !ok {
		return
	}
	for i, k := range preKinds {
		if !mayStandAboveHeadline(k, pre[i]) {
			return
		}
	}
	for i, s := range sents[:last] {
		if kinds[i] == KindSentence {
			if asksLikeHeadline(h.src, s) {
				kinds[i] = KindHeading
			}
			return
		}
		if !mayStandAboveHeadline(kinds[i], s) {
			return
		}
	}
}

// mayStandAboveHeadline reports whether a unit of kind k may stand above a
// headline: anything but a sentence and a heading longer than a section
// label, a headline below which the text begins.
func mayStandAboveHeadline(k Kind, s Sentence) bool {
	return k != KindSentence && (k != KindHeading || wordCount(s.Text, maxLabelWords+1) <= maxLabelWords)
}

// markLateDatelines makes a place in capitals with an agency, a dateline
// by its words, a heading or a sentence when a sentence of the text stands
// before it: a dateline stands before the lede, and a line such as
// "WINNERS (six times)" or "FATAL FORCE (MACROSPACE)" lower down is a label.
func markLateDatelines(kinds []Kind, h *head, sents []Sentence) {
	begun := -1 // unknown until a place dateline asks
	for i, s := range sents {
		switch kinds[i] {
		case KindSentence:
			begun = 1
		case KindDateline:
			if onlyDateWords(s.Text) {
				continue
			}
			if begun < 0 {
				begun = 0
				if h.hasSentence() {
					begun = 1
				}
			}
			if begun == 1 {
				kinds[i] = KindSentence
				if words := wordCount(s.Text, 21); words <= 20 && !endsLikeSentence(s.Text) && !isListItem(s.Text) {
					kinds[i] = KindHeading
				}
			}
		}
	}
}

// asksLikeHeadline reports whether s, a sentence, stands on a line of its
// own and ends with a question or exclamation mark or an ellipsis, in at
// most maxAskingHeadline words.
func asksLikeHeadline(src string, s Sentence) bool {
	if !ownLine(src, s) || isListItem(s.Text) {
		return false
	}
	if words := wordCount(s.Text, maxAskingHeadline+1); words == 0 || words > maxAskingHeadline {
		return false
	}
	body, mark := finalMark(s.Text)
	return strings.ContainsRune("?!…？！؟", mark) || mark == '.' && strings.HasSuffix(body, "..")
}

// markCredited makes captions of the sentences that share a line with the
// picture credit that ends it ("Rescuers carry a survivor from the
// wreckage. (Photo: Jean Martin/AFP)"): a caption and its credit, as many
// pages write them, in at most 40 words before the credit on a line of
// their own.
func markCredited(kinds []Kind, src string, sents []Sentence) {
	for i, s := range sents {
		if kinds[i] != KindCaption || i == 0 || !endsLine(src, s) || !isCredit(s.Text) {
			continue
		}
		j, words := i, 0
		for j > 0 && kinds[j-1] == KindSentence && words <= 40 && !strings.Contains(src[sents[j-1].End:sents[j].Start], "\n") {
			j--
			words += wordCount(sents[j].Text, 41)
		}
		if j < i && words <= 40 && startsLine(src, sents[j]) {
			for k := j; k < i; k++ {
				kinds[k] = KindCaption
			}
		}
	}
}

// isCredit reports whether s, a caption unit, is a picture credit: a
// labelled one in brackets ("(Photo: Jean Martin)"), or one of at most 10
// words that opens like one ("Photo by"), holds "©" or names an agency.
func isCredit(s string) bool {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(strings.TrimRight(s, "."), ")") {
		return true
	}
	head := strings.TrimLeft(s, "\"'`([-–—•* \t")
	return wordCount(s, 11) <= 10 && (hasAnyPrefix(head, creditOpeners) || strings.Contains(s, "©") || endsWithAgency(s) || opensWithAgency(s))
}

// unitHead returns unit s without the quotes, brackets, dashes and list
// marks that may open it, and its words up to 21: what the kinds by
// words are judged on.
func unitHead(s string) (head string, words int) {
	return strings.TrimLeft(s, "\"'`([-–—•* \t"), wordCount(s, 21)
}

func classify(src string, s Sentence) Kind {
	head, words := unitHead(s.Text)
	if k := kindByWords(head, s.Text, words); k != KindSentence {
		return k
	}
	if afterLoneBy(src, s, words) {
		return KindByline
	}
	if !ownLine(src, s) {
		if endsParagraph(src, s) && (endsWithCredit(s.Text) || words <= 20 && containsFold(s.Text, "contributed reporting")) {
			// "cnn 's jason hanna and ray sanchez contributed to this
			// report ." closing a text written on one line.
			return KindByline
		}
		if isCapsLabel(s.Text, words) {
			return KindHeading // "KEY MATCH STATS" after the last sentence of its line
		}
		if words <= 10 && strings.Contains(s.Text, "©") {
			return KindBoilerplate // "©2015 The Hollywood Reporter." at the end of a story
		}
		if startsLine(src, s) && isPlaceWithStop(s.Text, words) {
			return KindDateline // "Berlin. Die Bundesregierung hat…"
		}
		return KindSentence
	}
	switch {
	case words <= 20 && creditsContributor(s.Text):
		return KindByline
	case isUnlabelledCaption(head, s.Text, words):
		return KindCaption
	case isDateline(s.Text, words):
		return KindDateline
	case words > 0 && words <= 20 && !endsLikeSentence(s.Text) && !isListItem(s.Text):
		return KindHeading
	case isCapsLabel(s.Text, words):
		return KindHeading // "WHO WAS OSCAR?"
	}
	return KindSentence
}

// maxCapsLabel is the most words of a label set in capitals.
const maxCapsLabel = 10

// isCapsLabel reports whether s is a label set in capitals, wherever it
// stands: two to maxCapsLabel words, no lowercase letter, not opening
// with a quote or a list marker, and not ending with a stop ("KEY MATCH
// STATS", "WHO WAS OSCAR?", "HEAD TO HEAD"). Pages that lose the line
// breaks around their subheadings leave such a label on the line of the
// sentence before or after it; prose is not written in capitals, and a
// shouted quotation opens with its quote mark.
func isCapsLabel(s string, words int) bool {
	if words < 2 || words > maxCapsLabel || isListItem(s) || strings.ContainsAny(s[:1], "\"'`“‘„«»‚‹›") {
		return false
	}
	if _, mark := finalMark(s); mark == '.' || mark == ',' || mark == ';' {
		return false
	}
	upper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// kindByWords returns the kind the words of unit s make it, wherever it
// stands: a timestamp, a byline, a labelled caption, boilerplate, or else
// a sentence.
func kindByWords(head, s string, words int) Kind {
	switch {
	case isTimestamp(head, s, words):
		return KindTimestamp
	case isByline(head, s, words):
		return KindByline
	case isCaption(head, s):
		return KindCaption
	case isBoilerplate(head, s, words), isFactsBox(head):
		return KindBoilerplate
	}
	return KindSentence
}

// factsLabels label the lines of a match report's facts box, in the
// languages of the segmenter: the substitutes, scorers, bookings, the
// referee and the attendance.
var factsLabels = []string{
	"subs", "subs not used", "substitutes", "substitutes not used", "unused substitutes", "goals", "scorers",
	"goalscorers", "scorer", "booked", "bookings", "sent off", "dismissed", "referee", "attendance",
	"man of the match", "star man", "line-up", "line-ups", "lineups", "starting line-up", "starting xi",
	"tore", "torschützen", "gelbe karten", "rote karte", "schiedsrichter", "zuschauer", "aufstellung", "einwechslungen",
	"buts", "buteurs", "avertissements", "expulsion", "arbitre", "spectateurs", "remplaçants",
	"goles", "goleadores", "tarjetas", "árbitro", "espectadores", "alineaciones", "suplentes",
	"reti", "marcatori", "ammoniti", "espulsi", "arbitro", "spettatori", "formazioni", "panchina",
	"golos", "gols", "marcadores", "cartões", "público", "escalações", "suplentes não utilizados",
	"doelpunten", "scheidsrechter", "toeschouwers", "gele kaarten", "opstellingen", "wissels",
}

// isFactsBox reports whether s is a line of a match report's facts box,
// which lists and does not tell: a label of such a box (factsLabels), or a
// team's name and its formation, then a colon and a list of names and
// figures, none of more than four words once what is in brackets is left
// out ("Subs not used: Cech, Filipe Luis, Drogba.", "Referee: Mark
// Clattenburg (Middlesex)", "Chelsea (4-2-3-1): Courtois; Ivanovic,
// Terry…", "booked : matic , terry ."). A team's line needs five names;
// a label of the box is enough for one, but not for a sentence after it
// ("Goals: the club wants more of them.").
func isFactsBox(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || colon > 48 {
		return false
	}
	label, least := strings.TrimSpace(s[:colon]), 1
	if team, ok := cutFormation(label); ok {
		label, least = team, 5
	} else if !isFactsLabel(label) {
		return false
	}
	if n := wordCount(label, 6); n == 0 || n > 5 {
		return false
	}
	return shortList(s[colon+1:], least)
}

// cutFormation returns label without the formation in brackets that ends
// it ("Chelsea (4-2-3-1)", "chelsea ( 4-3-3 )"): digits joined by
// hyphens, three or four of them.
func cutFormation(label string) (string, bool) {
	open := strings.LastIndexByte(label, '(')
	if open <= 0 || !strings.HasSuffix(label, ")") {
		return "", false
	}
	f := strings.TrimSpace(label[open+1 : len(label)-1])
	digits := 0
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case isDigit(c) && (i == 0 || f[i-1] == '-'):
			digits++
		case c == '-' && i > 0 && isDigit(f[i-1]) && i+1 < len(f):
		default:
			return "", false
		}
	}
	if digits < 3 || digits > 4 {
		return "", false
	}
	return strings.TrimSpace(label[:open]), true
}

// shortList reports whether s, what follows a facts box's label, is a list
// of at least least items separated by commas or semicolons, each of one
// to four words once brackets are left out, and of at most 40 items.
func shortList(s string, least int) bool {
	items, words, depth, start := 0, 0, 0, 0
	end := func(i int) bool {
		if words = wordCountOutside(s[start:i]); words > 4 {
			return false
		}
		if words > 0 {
			items++
		}
		start = i + 1
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',', ';':
			if depth == 0 && !end(i) {
				return false
			}
		}
	}
	return end(len(s)) && items >= least && items <= 40
}

// wordCountOutside counts the words of s outside brackets.
func wordCountOutside(s string) int {
	n, depth := 0, 0
	for start := 0; start < len(s); {
		i := strings.IndexAny(s[start:], "()")
		if i < 0 {
			i = len(s) - start
		}
		if depth == 0 {
			n += wordCount(s[start:start+i], 6)
		}
		if start+i < len(s) {
			if s[start+i] == '(' {
				depth++
			} else if depth > 0 {
				depth--
			}
		}
		start += i + 1
	}
	return n
}

// factsLabelSet is factsLabels as a set.
var factsLabelSet = func() map[string]bool {
	m := make(map[string]bool, len(factsLabels))
	for _, l := range factsLabels {
		m[l] = true
	}
	return m
}()

// isFactsLabel reports whether label is one of factsLabels, case aside and
// however spaced; it allocates nothing.
func isFactsLabel(label string) bool {
	var buf [64]byte
	b, space := buf[:0], false
	for _, r := range label {
		if r == ' ' || r == '\t' {
			space = len(b) > 0
			continue
		}
		if len(b)+utf8.UTFMax+1 > len(buf) {
			return false // longer than any label
		}
		if space {
			b, space = append(b, ' '), false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return factsLabelSet[string(b)]
}

// IsTimestamp reports whether KindOf(s) is KindTimestamp ("Updated: 6:34
// p.m.", "Mis à jour : 18 h 34"), without the other kinds' tests.
func IsTimestamp(s string) bool {
	head, words := unitHead(s)
	return isTimestamp(head, s, words)
}

// KindOf returns the kind of the unit s by its words alone, as Classify
// finds it wherever it stands ("Updated: 6:34 p.m.", "By Jane Smith",
// "Photo: …", "Read more"), for a caller that has the unit without its
// text around it; the kinds that depend on a line of its own (heading,
// dateline, a credit or caption without a label) are KindSentence here.
func KindOf(s string) Kind {
	head, words := unitHead(s)
	if k := kindByWords(head, s, words); k != KindSentence {
		return k
	}
	if words <= 20 && creditsContributor(s) {
		// Classify asks for a line of its own, which such a credit has
		// wherever a text has lines; a unit judged without its text is
		// taken to have one.
		return KindByline
	}
	return KindSentence
}

// hasPrefixFold reports whether s begins with the lowercase prefix, ASCII
// letters compared without case; it allocates nothing, since every unit of
// every text goes through it.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := s[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// containsFold reports whether s holds the lowercase sub, ASCII letters
// compared without case.
func containsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	// Look only where the rarest byte of sub stands, in either case, so
	// that strings.IndexByte skips the rest of s.
	k := 0
	for i := range len(sub) {
		if byteRank[sub[i]] < byteRank[sub[k]] {
			k = i
		}
	}
	c := sub[k]
	if containsFoldAt(s, sub, k, c) {
		return true
	}
	return isLowerASCII(c) && containsFoldAt(s, sub, k, c-('a'-'A'))
}

// containsFoldAt reports whether s holds sub, ASCII letters compared without
// case, at a place where the byte c of s stands for sub[k].
func containsFoldAt(s, sub string, k int, c byte) bool {
	for i := k; i < len(s); {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		start := i + j - k
		if start+len(sub) > len(s) {
			return false
		}
		if hasPrefixFold(s[start:], sub) {
			return true
		}
		i += j + 1
	}
	return false
}

// byteRank orders bytes from rare to common in prose, roughly: letters by
// their frequency in English, then the space; other bytes count as rare.
var byteRank = func() (r [256]uint8) {
	const common = "zqxjkvbpygfwmucldrhsnioate " // rare first
	for i := range len(common) {
		r[common[i]] = uint8(i + 1)
	}
	return r
}()

// wordCount counts runs of letters and digits in s, stopping at limit.
// Every unit's kind asks it, so a run of ASCII bytes, a word's or the gap
// between two words, is skipped in a loop of its own.
func wordCount(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if alnumASCII[c] {
				if !in {
					if n++; n >= limit {
						return n
					}
					in = true
				}
				for i < len(s) && asciiClass[s[i]] == asciiWord {
					i++
				}
			} else {
				in = false
				for i < len(s) && asciiClass[s[i]] == asciiGap {
					i++
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			if n++; n >= limit {
				return n
			}
		}
		in = w
		i += size
	}
	return n
}

// asciiClass tells the ASCII letters and digits (asciiWord) from the other
// ASCII bytes (asciiGap); a byte past ASCII is neither.
var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		t[c] = asciiGap
		if alnumASCII[c] {
			t[c] = asciiWord
		}
	}
	return t
}()

const (
	asciiGap  = 1
	asciiWord = 2
)

// alnumASCII marks the ASCII letters and digits.
var alnumASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range byte(utf8.RuneSelf) {
		t[c] = isLetterASCII(c) || isDigit(c)
	}
	return t
}()

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	return false
}

// longestPrefix returns the length of the longest of prefixes that s opens
// with, ASCII letters compared without case, or 0.
func longestPrefix(s string, prefixes []string) int {
	n := 0
	for _, p := range prefixes {
		if len(p) > n && hasPrefixFold(s, p) {
			n = len(p)
		}
	}
	return n
}

var timestampPrefixes = []string{"updated", "last updated", "published", "posted", "last modified", "aktualisiert",
	"stand:", "zuletzt aktualisiert", "veröffentlicht", "mis à jour", "publié", "actualizado", "publicado",
	"aggiornato", "pubblicato", "atualizado", "bijgewerkt", "gepubliceerd"}

func isTimestamp(head, s string, words int) bool {
	if words <= 12 {
		if p := longestPrefix(head, timestampPrefixes); p > 0 {
			// "Updated" opens a sentence too ("Updated figures show…"):
			// a stamp is followed by a colon or a number. The label may
			// be two words ("Last modified on 3 March").
			rest := strings.TrimLeft(head[p:], " \t")
			return rest == "" || rest[0] == ':' || isDigit(rest[0]) || hasDigitSoon(rest)
		}
	}
	if isRelativeStamp(s, words) {
		return true // "3 hours ago", as news pages stamp a story
	}
	// A time of day alone ("6:34 p.m. ET"), or with only a date after it
	// ("12:34 EST, 3 March 2014", as the stamps of a tokenized byline block
	// read once their "Published:" is split off): no prose is made of that.
	if isClockTime(head) {
		return words <= 4 || words <= 8 && onlyDateWords(s)
	}
	return isLabelledClock(head, words)
}

// agoUnits are the units of a relative time stamp ("3 hours ago").
var agoUnits = wordsOf("sec secs second seconds min mins minute minutes hr hrs hour hours day days week weeks month months year years")

// isRelativeStamp reports whether s, of words words, is a relative time
// stamp and nothing else: a number (or "a", "an"), a unit of time and
// "ago", after at most a stamp's label ("Published 3 hours ago", "2 days
// ago"). Prose that says how long ago goes on around it.
func isRelativeStamp(s string, words int) bool {
	if words < 3 || words > 5 {
		return false
	}
	f := strings.Fields(strings.ToLower(strings.TrimRight(s, ".")))
	if len(f) < 3 || f[len(f)-1] != "ago" || !agoUnits[f[len(f)-2]] {
		return false
	}
	n := f[len(f)-3]
	if n != "a" && n != "an" && (n == "" || strings.IndexFunc(n, notDigit) >= 0) {
		return false
	}
	return len(f) == 3 || longestPrefix(strings.Join(f[:len(f)-3], " "), timestampPrefixes) > 0
}

func notDigit(r rune) bool { return r < '0' || r > '9' }

// isLabelledClock reports whether head is one word, a colon and a time of
// day, with at most a date after it: the stamp of a language whose word
// for "Updated" is not listed ("Aktualizacja: 14:20").
func isLabelledClock(head string, words int) bool {
	if words > 8 || strings.IndexByte(head, ':') < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(head)
	end := wordEnd(head)
	if !unicode.IsLetter(r) || end >= len(head) || head[end] != ':' {
		return false
	}
	rest := strings.TrimLeft(head[end+1:], " \t")
	return isClockTime(rest) && (words <= 4 || onlyDateWords(rest))
}

// wordEnd returns where the first word of s (after skipped openers) ends,
// for a label of one or two words.
func wordEnd(s string) int {
	i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) })
	if i < 0 {
		return len(s)
	}
	j := strings.IndexFunc(s[i:], func(r rune) bool { return !unicode.IsLetter(r) })
	if j < 0 {
		return len(s)
	}
	return i + j
}

// hasDigitSoon reports whether a digit appears in the first few bytes of s
// ("at 6:34", "on 3 March").
func hasDigitSoon(s string) bool {
	for i := 0; i < len(s) && i < 12; i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// isClockTime matches "6:34", "6:34 p.m." and "18.30 uhr" at the start of s.
func isClockTime(s string) bool {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i >= 1 && i <= 2 && i+2 < len(s) && (s[i] == ':' || s[i] == '.') && isDigit(s[i+1]) && isDigit(s[i+2])
}

var bylinePrefixes = []string{"by ", "von ", "par ", "por ", "di ", "door "}

// bylineStoppers are words after "By" that show a sentence, not a name.
var bylineStoppers = wordsOf("the a an then now this that that's these those contrast comparison far law " +
	"day night noon midday early late mid the end midnight tomorrow next last way all some most le la les el los las il lo de der die das den")

// bylineTimes are the weekdays and months, after which "By" opens a
// deadline ("By Tuesday night, 48 were dead."), not a name. April, May and
// June are also given names, so after them a capitalised word still makes
// a byline ("By May Chen").
var bylineTimes = wordsOf("monday tuesday wednesday thursday friday saturday sunday " +
	"january february march july august september october november december")

var bylineNameMonths = wordsOf("april may june")

func isByline(head, s string, words int) bool {
	if bylineTooLong(s, words) || !hasAnyPrefix(head, bylinePrefixes) {
		return words <= 20 && (containsFold(head, "reporting by") || containsFold(head, "editing by"))
	}
	second, rest := bylineWord(head[strings.IndexByte(head, ' ')+1:])
	if second == "" || isDigit(second[0]) {
		return false
	}
	lower := strings.ToLower(second)
	if bylineNameMonths[lower] {
		third, _ := bylineWord(rest)
		return third != "" && isUpperASCII(third[0])
	}
	return !bylineStoppers[lower] && !bylineTimes[lower]
}

// creditsContributor reports whether s credits a contributor, as wire
// stories end ("Suzan Fraser in Ankara contributed to this report.",
// "Omar Haddad contributed reporting.").
func creditsContributor(s string) bool {
	i := strings.Index(s, "contributed ")
	if i < 0 {
		return false
	}
	rest := s[i+len("contributed "):]
	return hasPrefixFold(rest, "reporting") || hasPrefixFold(rest, "to this report") || hasPrefixFold(rest, "to this story") ||
		hasPrefixFold(rest, "to this article") // not "to this effort"
}

// endsWithCredit reports whether s ends with the words that credit its
// contributors ("… and Christie Bear contributed to this report."), however
// many names stand before them.
func endsWithCredit(s string) bool {
	body, _ := finalMark(s)
	body = strings.TrimRight(strings.TrimRight(body, "."), " ")
	return len(body) >= len("contributed to this report") && hasPrefixFold(body[len(body)-len("contributed to this report"):], "contributed to this report")
}

// endsParagraph reports whether only white space stands between s and the
// next blank line or the end of the text.
func endsParagraph(src string, s Sentence) bool {
	j := s.End
	for lines := 0; ; j++ {
		if j == len(src) {
			return true
		}
		switch src[j] {
		case '\n':
			if lines++; lines == 2 {
				return true
			}
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
}

// bylineTooLong reports whether unit s has too many words for a byline: more
// than 7, or, when it ends without a stop as a line of names does ("By
// Maria Keller and Omar Haddad, Staff Reporters"), more than 12.
func bylineTooLong(s string, words int) bool {
	return words > 12 || words > 7 && endsLikeSentence(s)
}

// bylineWord returns the first word of s, past spaces and stops, and what
// follows it.
func bylineWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " .")
	if end := strings.IndexAny(s, " ,.;:"); end >= 0 {
		return s[:end], s[end:]
	}
	return s, ""
}

// afterLoneBy reports whether s is a name that follows a unit of a lone
// "By", as a tokenized byline block splits it ("by . daily mail reporter
// and associated press reporter ."), or that lone "By" itself.
func afterLoneBy(src string, s Sentence, words int) bool {
	if words > 7 {
		return false
	}
	if loneBy(s.Text) {
		return true
	}
	before := strings.TrimRight(src[:s.Start], " \t\r\n")
	before = strings.TrimRight(strings.TrimSuffix(before, "."), " \t")
	if len(before) < 2 || !hasPrefixFold(before[len(before)-2:], "by") {
		return false
	}
	// "By" is a unit of its own: the text starts or a unit ends before it.
	rest := strings.TrimRight(before[:len(before)-2], " \t\r\n")
	return rest == "" || strings.ContainsAny(rest[len(rest)-1:], ".!?|")
}

// loneBy reports whether s is the word "By" alone, with at most a stop and
// spaces around it.
func loneBy(s string) bool {
	s = strings.Trim(s, " \t\r\n.")
	return len(s) == 2 && hasPrefixFold(s, "by")
}

var captionLabels = []string{"photo", "picture", "image", "video", "credit", "caption", "foto", "bild", "imagen",
	"immagine", "afbeelding", "illustration", "graphic"}

// pageCaptionLabels open the caption and credit lines that news pages
// set under a picture or a video, with a comma or nothing after them: BBC
// pages write "Image source, Getty Images", "Image caption, …", "Media
// caption, …", and once wrote "Image copyright Reuters".
var pageCaptionLabels = []string{"image source", "image caption", "image copyright", "media caption",
	"video caption", "picture source", "picture caption"}

func isCaption(head, s string) bool {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(strings.TrimRight(s, "."), ")") && opensWithAgency(s) {
		return true // "(AP Photo/Emrah Gurel)"
	}
	for _, l := range pageCaptionLabels {
		if hasPrefixFold(head, l) && (len(head) == len(l) || strings.ContainsRune(", :", rune(head[len(l)]))) {
			return true // "Image caption, Rescue workers…", "Image source, Getty Images"
		}
	}
	for _, l := range captionLabels {
		if hasPrefixFold(head, l) {
			rest := strings.TrimLeft(head[len(l):], "sgraph ") // photos, photograph, pictures
			if strings.HasPrefix(rest, ":") {
				return true
			}
		}
	}
	if opensWithWord(head, "pictured") || isSourceCredit(head) {
		return true
	}
	return labelled(s) && (strings.Contains(s, "pictured") || strings.Contains(s, "Pictured") || pointsAtPicture(s) || placesPeople(s))
}

// pictureWords are what a caption's "this" points at: the picture beside
// it ("Tragedy: this photo, taken at the time of his rescue, shows…",
// "Extremely busy: a reader sent in this picture of queuing…").
var pictureWords = []string{"this picture", "this photo", "this image", "this snap", "this selfie", "this still",
	"these pictures", "these photos", "these images"}

// pointsAtPicture reports whether the text after the label of s, which
// labelled has found, points at its picture, and is no quotation: "Ms
// Davison insisted: 'at the time of taking this photo…'" is a sentence.
func pointsAtPicture(s string) bool {
	rest := strings.TrimLeft(s[strings.IndexByte(s, ':')+1:], " \t")
	if rest == "" || strings.ContainsAny(rest[:1], "\"'`“‘„«‹") {
		return false
	}
	for _, w := range pictureWords {
		if containsFold(rest, w) {
			return true
		}
	}
	return false
}

// opensWithWord reports whether head opens with the lowercase word w, in
// any case, and no letter or digit after it: a caption opens with
// "Pictured" ("Pictured, friends and family at his funeral.", "Pictured
// is a still image from the video."), which prose does not.
func opensWithWord(head, w string) bool {
	if !hasPrefixFold(head, w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(head[len(w):])
	return !isLetterOrDigit(r) || r == utf8.RuneError
}

// sourceLabels open the credit of a chart or a table: "Source: NHS
// Choices", "Quelle: Destatis", "Fuente: INE".
var sourceLabels = []string{"source", "sources", "quelle", "quellen", "fuente", "fuentes", "fonte", "fonti", "bron", "bronnen"}

// isSourceCredit reports whether head is a source label, a colon and at
// most five words more: the credit of a chart. A longer unit after
// "Sources:" is prose that names who said it ("Sources: Dr Brandt was
// devastated…").
func isSourceCredit(head string) bool {
	for _, l := range sourceLabels {
		if hasPrefixFold(head, l) {
			rest := strings.TrimLeft(head[len(l):], " ")
			if strings.HasPrefix(rest, ":") {
				if n := wordCount(rest, 7); n >= 1 && n <= 5 {
					return true
				}
			}
		}
	}
	return false
}

// pictureAgencies are the agencies and libraries picture credits name.
var pictureAgencies = []string{"getty images", "getty", "afp", "reuters", "ap", "ap photo", "associated press",
	"epa", "epa-efe", "efe", "pa", "pa wire", "pa images", "pa media", "shutterstock", "rex", "rex features",
	"alamy", "corbis", "bloomberg", "dpa", "picture alliance", "picture-alliance", "imago", "ansa", "anp",
	"belga", "keystone", "xinhua", "anadolu", "sipa", "abaca", "zuma", "ullstein bild"}

// creditOpeners open a picture credit that has no colon.
var creditOpeners = []string{"photo by", "photos by", "photograph by", "photographs by", "picture by",
	"pictures by", "image by", "images by", "foto von", "fotos von", "bild von", "photo de", "photos de",
	"foto de", "fotos de", "foto di", "foto van", "courtesy of"}

// placingMarks are the words a caption uses to place people in the
// picture, in the supported languages.
var placingMarks = []string{", left,", ", right,", ", centre,", ", center,", ", second left,", ", second right,",
	"(left)", "(right)", "(centre)", "(center)", "from left", "left to right", "(l-r)", "(l to r)",
	"(links)", "(rechts)", "(mitte)", "von links", "(à gauche)", "(à droite)", "(au centre)", "de gauche à droite",
	"(izquierda)", "(derecha)", "(a la izquierda)", "(a la derecha)", "(a sinistra)", "(a destra)",
	"(al centro)", "(à esquerda)", "(à direita)", "(ao centro)"}

// tokenizedPlacingMarks are placingMarks' brackets as tokenized text
// spaces them ("( left )").
var tokenizedPlacingMarks = []string{"( left )", "( right )", "( centre )", "( center )", "( second left )",
	"( second right )", "( front )", "( back )"}

// placesPeople reports whether a labelled unit places people in its
// picture ("Manhunt: police are searching for Ulrike Berger (left) and…").
func placesPeople(s string) bool {
	return hasPlacingMark(s, true)
}

// bracketPlacingMarks are the placingMarks that open with a bracket or a
// comma, phrasePlacingMarks the others ("from left").
var bracketPlacingMarks, phrasePlacingMarks = func() (bracket, phrase []string) {
	for _, m := range placingMarks {
		if m[0] == '(' || m[0] == ',' {
			bracket = append(bracket, m)
		} else {
			phrase = append(phrase, m)
		}
	}
	return bracket, phrase
}()

// hasPlacingMark reports whether s holds one of placingMarks (ASCII letters
// compared without case), or, when tokenized, one of
// tokenizedPlacingMarks. Most marks open with a bracket or a comma, so
// those are tried only where s holds one, in one pass.
func hasPlacingMark(s string, tokenized bool) bool {
	for i := 0; i < len(s); i++ {
		j := strings.IndexAny(s[i:], "(,")
		if j < 0 {
			break
		}
		i += j
		if hasAnyPrefix(s[i:], bracketPlacingMarks) || tokenized && hasAnyPrefix(s[i:], tokenizedPlacingMarks) {
			return true
		}
	}
	for _, m := range phrasePlacingMarks {
		if containsFold(s, m) {
			return true
		}
	}
	return false
}

// isUnlabelledCaption reports whether s, a unit on a line of its own, is a
// picture credit or a caption that names who stands where.
func isUnlabelledCaption(head, s string, words int) bool {
	if words == 0 {
		return false
	}
	if words <= 10 && (hasAnyPrefix(head, creditOpeners) || strings.Contains(s, "©") || endsWithAgency(s) || opensWithAgency(s)) {
		return true
	}
	if words > 40 {
		return false
	}
	return hasPlacingMark(s, false)
}

// endsWithAgency reports whether s is a picture agency's name or ends with
// one after a slash ("AFP/Getty Images", "John Smith/AP"), brackets and a
// final stop aside.
func endsWithAgency(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ").")
	s = strings.TrimLeft(s, "(")
	for _, a := range pictureAgencies {
		if len(s) < len(a) || !hasPrefixFold(s[len(s)-len(a):], a) {
			continue
		}
		rest := strings.TrimRight(s[:len(s)-len(a)], " ")
		if rest == "" || strings.HasSuffix(rest, "/") {
			return true
		}
	}
	return false
}

// opensWithAgency reports whether s, brackets aside, opens with a picture
// agency's name and a slash before the photographer's ("AP Photo/Emrah
// Gurel", "(Reuters/Umit Bektas)"), as wire captions credit.
func opensWithAgency(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "(")
	for _, a := range pictureAgencies {
		if hasPrefixFold(s, a) && strings.HasPrefix(strings.TrimLeft(s[len(a):], " "), "/") {
			return true
		}
	}
	return false
}

// labelled reports whether s opens with a label of one to four words and a
// colon, as picture captions do ("In mourning: Scott is pictured…").
func labelled(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 40 || i+1 < len(s) && isDigit(s[i+1]) {
		return false
	}
	n := wordCount(s[:i], 6)
	return n >= 1 && n <= 4 && !strings.ContainsAny(s[:i], ",.\"'")
}

var boilerplatePrefixes = []string{"scroll down", "read more", "click here", "team news", "follow us", "follow @",
	"share this", "sign up", "advertisement", "watch the video", "watch video", "see below for video", "see the video below", "related:", "related articles",
	"subscribe", "see also", "lesen sie auch", "mehr zum thema", "lire aussi", "à lire aussi", "voir aussi",
	"À lire aussi", "lee también", "leer más", "leggi anche", "leia também", "leia mais", "lees ook", "lees meer",
	"all rights reserved", "media playback is unsupported", "media playback is not supported", "related topics",
	"more on this story", "share this with"}

// pageChrome are the controls of a news page that a copied text keeps, as
// whole units: "Share", "close panel".
var pageChrome = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split("share|close panel|copy link|print|print this page|comments|view comments", "|") {
		m[p] = true
	}
	return m
}()

func isBoilerplate(head, s string, words int) bool {
	if words <= 12 && (hasAnyPrefix(head, boilerplatePrefixes) || isCopyright(head)) {
		return true
	}
	if words <= 3 && pageChrome[strings.ToLower(strings.Trim(s, " \t.:"))] {
		return true
	}
	return words <= 15 && containsFold(s, "click here")
}

// isCopyright reports whether head opens a copyright notice: "Copyright"
// and a year or "©" ("Copyright 2026 The Associated Press."), which
// "Copyright law…" is not.
func isCopyright(head string) bool {
	if !hasPrefixFold(head, "copyright ") {
		return false
	}
	rest := strings.TrimLeft(head[len("copyright "):], " ")
	return rest != "" && (isDigit(rest[0]) || strings.HasPrefix(rest, "©") || strings.HasPrefix(rest, "(c)"))
}

// ownLine reports whether s starts a line and ends one.
func ownLine(src string, s Sentence) bool {
	return startsLine(src, s) && endsLine(src, s)
}

// startsLine reports whether only spaces stand between s and the start of
// its line.
func startsLine(src string, s Sentence) bool {
	i := s.Start
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	return i == 0 || src[i-1] == '\n'
}

// endsLine reports whether only spaces stand between s and the end of its
// line.
func endsLine(src string, s Sentence) bool {
	j := s.End
	for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
		j++
	}
	return j == len(src) || src[j] == '\n'
}

// endsLikeSentence reports whether s ends with a stop, a question or
// exclamation mark, a colon or a semicolon, before any closing quotes or
// brackets: "He won." and "„Wir gewinnen.“" do, "German 'empire'" and
// "Ireland v USA (Sat)" do not.
func endsLikeSentence(s string) bool {
	_, mark := finalMark(s)
	return strings.ContainsRune(".!?…:;。！？؟।", mark)
}

// closers are the quotes and brackets that may close a unit after its
// final mark, in the quoting styles of the supported languages: “…” and
// "…", „…“ and ‚…‘, « … » and »…«, ‹…›.
const closers = "\"'`”’“‘»«›‹)]"

// finalMark returns s without the closing quotes, brackets and spaces at
// its end, and the last rune before them (0 for none): the mark that ends
// its words.
func finalMark(s string) (string, rune) {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if r != ' ' && r != '\u00a0' && r != '\u202f' && !strings.ContainsRune(closers, r) {
			return s, r
		}
		s = s[:len(s)-size]
	}
	return s, 0
}

// isListItem reports whether s opens with a bullet or a list marker.
func isListItem(s string) bool {
	if bulletLen(s) > 0 || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") {
		return true
	}
	tok, _, _ := strings.Cut(s, " ")
	_, ok := parseMarker(tok)
	return ok
}

var dateWords = wordsOf("monday tuesday wednesday thursday friday saturday sunday " +
	"january february march april may june july august september october november december " +
	"jan feb mar apr jun jul aug sep sept oct nov dec of the th st nd rd " +
	"montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober dezember " +
	"lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre le " +
	"lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre de " +
	"gmt bst utc est edt cet cest et pt")

// isDateline reports whether s is a date alone or a place in capitals with
// an optional news agency.
func isDateline(s string, words int) bool {
	if words == 0 || words > 8 {
		return false
	}
	return onlyDateWords(s) || placeAndAgency(s)
}

// onlyDateWords reports whether s holds words and all of them are
// numbers or dateWords. It allocates nothing for ASCII words, since every
// line of its own of every text is asked.
func onlyDateWords(s string) bool {
	letters := false
	for {
		i := strings.IndexFunc(s, isLetterOrDigit)
		if i < 0 {
			return letters
		}
		s = s[i:]
		j := strings.IndexFunc(s, notLetterOrDigit)
		if j < 0 {
			j = len(s)
		}
		f := s[:j]
		s = s[j:]
		if isDigit(f[0]) {
			continue
		}
		if !isDateWord(f) {
			return false
		}
		letters = true
	}
}

func isLetterOrDigit(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func notLetterOrDigit(r rune) bool { return !isLetterOrDigit(r) }

// isDateWord reports whether the word w is one of dateWords, whatever its
// case, lowering an ASCII word in a buffer on the stack.
func isDateWord(w string) bool {
	var buf [16]byte // longer than any date word
	if len(w) > len(buf) {
		return false
	}
	for i := range len(w) {
		c := w[i]
		if c >= utf8.RuneSelf {
			return dateWords[strings.ToLower(w)]
		}
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return dateWords[string(buf[:len(w)])]
}

// placeAndAgency matches "LONDON (Reuters) -" and "WASHINGTON, D.C. —".
func placeAndAgency(s string) bool {
	place, agency, _ := strings.Cut(s, "(")
	place = strings.TrimRight(place, " ,-–—")
	if place == "" || changesInUpperCase(place) || strings.IndexFunc(place, unicode.IsLetter) < 0 {
		return false
	}
	dash := strings.TrimRight(s, " ") != strings.TrimRight(s, " -–—")
	agency = strings.TrimRight(agency, " -–—")
	if agency == "" {
		return dash // a bare word in capitals is a heading
	}
	return strings.HasSuffix(agency, ")")
}

// maxPlaceWords is the most words of a place that opens a paragraph with
// a full stop, as a dateline ("Frankfurt am Main.").
const maxPlaceWords = 4

// placeParticles are the lowercase words a place name may hold.
var placeParticles = wordsOf("am an im der de del la le sur upon on")

// notPlaces are capitalised words that make a sentence of their own at the
// start of a paragraph: answers and interjections, not places.
var notPlaces = wordsOf("yes no ok okay thanks right exactly indeed sure well so why what how now " +
	"ja nein danke genau gut also oui non merci bien voilà sí gracias bueno claro vale grazie bene certo " +
	"sim não obrigado nee bedankt goed")

// isPlaceWithStop reports whether s, a unit of words words that opens a
// paragraph going on after it, is a place and a full stop, the dateline
// of many German and some other papers: "Berlin.", "Frankfurt am Main.",
// "Baden-Baden.". Only before the text's first sentence is it a dateline
// (markLateDatelines makes a later one a sentence again).
func isPlaceWithStop(s string, words int) bool {
	body, ok := strings.CutSuffix(s, ".")
	if !ok || words == 0 || words > maxPlaceWords || strings.HasSuffix(body, ".") {
		return false
	}
	for i, w := range strings.Fields(body) {
		lower := strings.ToLower(w)
		if i > 0 && placeParticles[lower] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || notPlaces[lower] || strings.IndexFunc(w, notPlaceRune) >= 0 {
			return false
		}
	}
	return true
}

// notPlaceRune reports whether r has no place in a place name's word:
// anything but letters, hyphens, apostrophes and a slash ("Frankfurt/Main").
func notPlaceRune(r rune) bool {
	return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '/'
}

// changesInUpperCase reports whether strings.ToUpper(s) != s without
// building the upper-case copy: whether s holds a rune that has an upper
// case of its own, or a byte that is not UTF-8 (which ToUpper replaces).
func changesInUpperCase(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.ToUpper(r) != r {
			return true
		}
		i += size
	}
	return false
}

func wordsOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
