package diff

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// FactKind says what sort of fact changed.
type FactKind string

// The kinds of fact: values (number, money, percent, date, time), direct
// quotations, correction notices and negations.
const (
	FactNumber     FactKind = "number"
	FactMoney      FactKind = "money"
	FactPercent    FactKind = "percent"
	FactDate       FactKind = "date"
	FactTime       FactKind = "time"
	FactQuote      FactKind = "quote"
	FactCorrection FactKind = "correction"
	FactNegation   FactKind = "negation"
)

// FactChange says whether a fact changed, appeared or went away.
type FactChange string

// The changes a fact can undergo.
const (
	FactChanged FactChange = "changed"
	FactAdded   FactChange = "added"
	FactRemoved FactChange = "removed"
)

// Fact is one fact that changed between the texts: what an editor or a
// newsletter wants to see first in an update.
type Fact struct {
	Kind   FactKind   `json:"kind"`
	Change FactChange `json:"change"`
	// Old and New are the fact as written in each text; the side where it
	// does not exist is empty.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// OldSentence and NewSentence are the indexes of the sentences that
	// hold it, as in SentenceChange, or nil for a sentence added (no old
	// one) or removed (no new one). A value added to or removed from an
	// edited sentence has both.
	OldSentence *int `json:"old_sentence,omitempty"`
	NewSentence *int `json:"new_sentence,omitempty"`
	// Speaker is, for a quote, who the sentence says spoke it, where an
	// attribution ("said", "told", "according to", "added") names them.
	Speaker string `json:"speaker,omitempty"`
	// OldSpeaker is, for a quote whose words stayed but whose speaker
	// changed, who the old sentence said spoke it; Speaker is the new one.
	OldSpeaker string `json:"old_speaker,omitempty"`
	key        string // what the value compares by, for cancelPassedOn
}

// findFacts lists the facts that changed, in the order of the sentence
// changes: for sentences paired in both texts (edited, or moved and
// edited), the values, quotes and negations that differ; for added and
// removed sentences, the values and quotes they hold, and for added ones a
// correction notice. Unchanged sentences, moves without an edit and
// timestamp lines ("Updated: 6:34 p.m.") give none. Values that only
// passed from one sentence to another, as in a split or a merge, cancel
// out.
//
// A correction notice is the fact, and its own figures are not news: nor
// are those of the added sentences that go on with it in its paragraph of
// new ("Correction: An earlier version misstated the toll. It was 12.").
//
// Past the deadline it stops and reports degraded: the facts found so far
// are right, but later ones are missing.
//
// Values, when not nil, serves and keeps the values of edited sentences.
func findFacts(changes []SentenceChange, new string, deadline time.Time, values *SplitCache) (facts []Fact, degraded bool) {
	facts = []Fact{} // never null in JSON
	notice := -1     // where the correction notice being read ends in new
	for k, c := range changes {
		if k%64 == 63 && time.Now().After(deadline) {
			return cancelPassedOn(facts), true
		}
		if c.Status == Removed {
			facts = appendAlone(facts, c.Text, FactRemoved, intp(c.OldIndex), nil)
			continue
		}
		if c.Status == Added && notice >= 0 && sameParagraph(new, notice, c.NewStart) {
			notice = c.NewEnd
			continue
		}
		n := len(facts)
		switch {
		case c.Status == Unchanged, c.Status == Moved && c.Ops == nil:
		case c.Status == Added:
			facts = appendAlone(facts, c.Text, FactAdded, nil, intp(c.NewIndex))
		default:
			facts = appendPaired(facts, c, values)
		}
		notice = -1
		if len(facts) > n && facts[n].Kind == FactCorrection {
			notice = c.NewEnd
		}
	}
	return cancelPassedOn(facts), false
}

// sameParagraph reports whether new[end:start], between two sentences, is
// white space within a paragraph: no blank line.
func sameParagraph(new string, end, start int) bool {
	if end > start || start > len(new) {
		return false
	}
	return inParagraph(new[end:start], 0) >= 0
}

// inParagraph adds the line breaks of gap, a stretch of text between two
// sentences, to breaks, the count of those before it in the same stretch,
// and returns the sum, or -1 when the stretch holds more than white space
// or a blank line: the sentences are not in one paragraph.
func inParagraph(gap string, breaks int) int {
	if strings.TrimSpace(gap) != "" {
		return -1
	}
	if breaks += strings.Count(gap, "\n"); breaks > 1 {
		return -1
	}
	return breaks
}

func intp(i int) *int { return &i }

// appendAlone appends the facts of a sentence that only one text has.
func appendAlone(facts []Fact, s string, change FactChange, oldIdx, newIdx *int) []Fact {
	if isTimestampLine(s) {
		return facts
	}
	mk := func(k FactKind, v string) Fact {
		f := Fact{Kind: k, Change: change, OldSentence: oldIdx, NewSentence: newIdx}
		if change == FactAdded {
			f.New = v
		} else {
			f.Old = v
		}
		return f
	}
	if text.IsCorrection(s) {
		if change == FactAdded {
			facts = append(facts, mk(FactCorrection, s))
		}
		return facts // the notice is the fact; its own figures are not news
	}
	for _, v := range findValues(s) {
		if v.weak {
			continue // a name or "one": no fact on its own
		}
		f := mk(v.kind, v.text)
		f.key = v.key
		facts = append(facts, f)
	}
	who, found := "", false
	for _, q := range findQuotes(s) {
		if !found {
			who, found = speaker(s), true
		}
		f := mk(FactQuote, q)
		f.Speaker, f.key = who, quoteKey(q)
		facts = append(facts, f)
	}
	return facts
}

// appendPaired appends the facts that differ between the two sides of a
// sentence found in both texts. Values, when not nil, serves the values
// of the old side and keeps those of the new one.
func appendPaired(facts []Fact, c SentenceChange, values *SplitCache) []Fact {
	old, new := c.OldText, c.Text
	if old == "" || isTimestampLine(old) && isTimestampLine(new) || canonicallyEqual(old, new) {
		return facts // a time stamp, or the same words respelt (see canon.go)
	}
	oi, ni := intp(c.OldIndex), intp(c.NewIndex)
	if text.IsCorrection(new) && !text.IsCorrection(old) {
		return append(facts, Fact{Kind: FactCorrection, Change: FactAdded, New: new, OldSentence: oi, NewSentence: ni})
	}
	if c.Ops == nil || valueTouched(c.Ops) {
		ov, nv := values.findValues(old, false), values.findValues(new, true)
		os, ns := sides{old, ov}, sides{new, nv}
		for _, k := range valueKinds {
			facts = appendValueChanges(facts, k, ofKind(ov, k), ofKind(nv, k), os, ns, oi, ni)
		}
	}
	if oq, nq := findQuotes(old), findQuotes(new); len(oq)+len(nq) > 0 {
		n := len(facts)
		if !slices.Equal(oq, nq) {
			facts = appendQuoteChanges(facts, quoteKeys(oq), quoteKeys(nq), old, new, oi, ni)
		}
		switch {
		case len(facts) > n: // a quote changed: who says it now
			who := speaker(new)
			for k := n; k < len(facts); k++ {
				facts[k].Speaker = who
			}
		case len(oq) > 0 && len(oq) == len(nq) && attributionTouched(c.Ops, old, new):
			facts = appendSpeakerChange(facts, oq[0], nq[0], old, new, oi, ni)
		}
	}
	return appendNegation(facts, old, new, oi, ni)
}

// appendSpeakerChange flags the quotations of a sentence, which did not
// change, as a changed quote when the attribution names someone else:
// "“We will rebuild,” said Mayor Lee." → "… said Governor Ortiz.". Who
// speaks is part of what a quotation says. One fact stands for all the
// quotations of the sentence, since one attribution names their speaker;
// it carries both quotations as written (the same words) and the new
// speaker, and its summary (String) names the old one too.
// A speaker on one side only (a pronoun or no attribution on the other)
// or a name that keeps the other's words ("Lee" → "Mayor Jane Lee") is no
// change of person.
func appendSpeakerChange(facts []Fact, oq, nq, old, new string, oi, ni *int) []Fact {
	was, is := speaker(old), speaker(new)
	if was == "" || is == "" || sameSpeaker(was, is) {
		return facts
	}
	return append(facts, Fact{Kind: FactQuote, Change: FactChanged, Old: oq, New: nq,
		OldSentence: oi, NewSentence: ni, Speaker: is, OldSpeaker: was})
}

// attributionReach is how far from a verb of saying, in bytes, the
// attribution patterns read a name: six words before it, or a title and a
// name after it.
const attributionReach = 80

// attributionTouched reports whether both sides of a sentence hold a verb
// of saying and an edit of ops (nil: the whole sentence) that may name
// someone lies within attributionReach of one on its side: only then can
// the speaker have changed, and the attribution, which is slow to read,
// is looked for. A name is capitalised, or follows "the" ("the mayor");
// see mayName.
func attributionTouched(ops []Op, old, new string) bool {
	if !hasSayingVerb(old) || !hasSayingVerb(new) {
		return false
	}
	if ops == nil {
		return true
	}
	near := func(s string, lo, hi int) bool {
		for _, v := range sayingVerbs {
			for from := 0; from < len(s); {
				k := strings.Index(s[from:], v)
				if k < 0 {
					break
				}
				k += from
				if lo < k+len(v)+attributionReach && hi > k-attributionReach {
					return true
				}
				from = k + len(v)
			}
		}
		return false
	}
	for _, op := range ops {
		switch {
		case op.Op == Insert && mayName(new, op.NewStart, op.NewEnd) && near(new, op.NewStart, op.NewEnd):
			return true
		case op.Op == Delete && mayName(old, op.OldStart, op.OldEnd) && near(old, op.OldStart, op.OldEnd):
			return true
		}
	}
	return false
}

// mayName reports whether the edited text s[lo:hi] may be part of a
// speaker's name: it holds letters, and a capital letter among them or
// "the" among the four words before it. An edit of punctuation or white
// space names no one else.
func mayName(s string, lo, hi int) bool {
	letters := false
	for _, r := range s[lo:hi] {
		if unicode.IsUpper(r) {
			return true
		}
		letters = letters || unicode.IsLetter(r)
	}
	if !letters {
		return false
	}
	head := s[:lo]
	for k := 0; k < 4; k++ {
		w := lastField(head)
		if w == "" {
			break
		}
		if strings.EqualFold(w, "the") {
			return true
		}
		head = strings.TrimRightFunc(head, unicode.IsSpace)
		head = head[:len(head)-len(w)]
	}
	return false
}

// sameSpeaker reports whether two attributions name the same person: the
// words of one, without case and "the", all stand in the other ("Lee"
// and "Mayor Lee", "the mayor" and "Mayor Lee"; not "Mayor Lee" and
// "Governor Lee"), or their letters are the same and only spaces or
// punctuation between them changed ("Naty Key Zilberman" and "Naty
// Keyzilberman").
func sameSpeaker(a, b string) bool {
	letters := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, canonical(s))
	}
	if letters(a) == letters(b) {
		return true
	}
	within := func(a, b string) bool {
		bw := strings.Fields(strings.ToLower(b))
		for _, w := range strings.Fields(strings.ToLower(a)) {
			if w != "the" && !slices.Contains(bw, w) {
				return false
			}
		}
		return true
	}
	return within(a, b) || within(b, a)
}

// keyed is a fact's text as written and the key it is compared by, with
// what value says of a weak number and a second key.
type keyed struct {
	text, key, alt, tag string
	weak                bool
}

func ofKind(vs []value, k FactKind) []keyed {
	var out []keyed
	for _, v := range vs {
		if v.kind == k {
			out = append(out, keyed{text: v.text, key: v.key, alt: v.alt, tag: v.tag, weak: v.weak})
		}
	}
	return out
}

func quoteKeys(qs []string) []keyed {
	out := make([]keyed, len(qs))
	for i, q := range qs {
		out[i] = keyed{text: q, key: quoteKey(q)}
	}
	return out
}

// sides is the text of one side of a sentence and all the values read in
// it.
type sides struct {
	text   string
	values []value
}

// appendValueChanges compares the values of one kind in the two sides of
// a sentence. A value found on both sides, even written differently or
// read as a name on one side, gives no fact. The values left are paired in
// order as changed; of the rest, one whose digits and words the other side
// holds, where that side read no value of its key, gives no fact either:
// it is there, only not read as the same value ("ThursdayJanuary 18 2007"
// → "Thursday, 18 January 2007"). The others are added or removed. A weak
// value (a name, "one") counts only where it pairs with another: a name
// with a name after the same word ("Route 66" → "Route 67"), "one" with a
// count ("one case" → "two cases").
func appendValueChanges(facts []Fact, k FactKind, old, new []keyed, os, ns sides, oi, ni *int) []Fact {
	if len(old)+len(new) == 0 {
		return facts // most kinds are on neither side
	}
	gone, came := minus(old, new), minus(new, old)
	if len(gone)+len(came) == 0 {
		return facts
	}
	gs, gw := splitWeak(gone) // strong and weak, gone and came
	cs, cw := splitWeak(came)
	mk := func(c FactChange, o, n string) Fact {
		return Fact{Kind: k, Change: c, Old: o, New: n, OldSentence: oi, NewSentence: ni}
	}
	for len(gs) > 0 && len(cs) > 0 {
		facts, gs, cs = append(facts, mk(FactChanged, gs[0].text, cs[0].text)), gs[1:], cs[1:]
	}
	gs, cs = notWritten(gs, ns), notWritten(cs, os)
	gs, cs = yearsReadOtherwise(gs, k, ns), yearsReadOtherwise(cs, k, os)
	// A count left on one side pairs with a weak "one" on the other.
	pairOne := func(strong, weak []keyed, changed func(s, w keyed) Fact) ([]keyed, []keyed) {
		for len(strong) > 0 {
			j := slices.IndexFunc(weak, func(w keyed) bool { return w.tag == "" && w.key == "1" || w.tag == countTag })
			if j < 0 {
				break
			}
			facts = append(facts, changed(strong[0], weak[j]))
			strong, weak = strong[1:], slices.Delete(weak, j, j+1)
		}
		return strong, weak
	}
	gs, cw = pairOne(gs, cw, func(s, w keyed) Fact { return mk(FactChanged, s.text, w.text) })
	cs, gw = pairOne(cs, gw, func(s, w keyed) Fact { return mk(FactChanged, w.text, s.text) })
	for _, g := range gw { // a name that changed after the same word
		if g.tag == "" {
			continue
		}
		if j := slices.IndexFunc(cw, func(c keyed) bool { return c.tag == g.tag }); j >= 0 {
			facts = append(facts, mk(FactChanged, g.text, cw[j].text))
			cw = slices.Delete(cw, j, j+1)
		}
	}
	for _, g := range gs {
		f := mk(FactRemoved, g.text, "")
		f.key = g.key
		facts = append(facts, f)
	}
	for _, c := range cs {
		f := mk(FactAdded, "", c.text)
		f.key = c.key
		facts = append(facts, f)
	}
	return facts
}

// splitWeak moves the weak values of xs, which it owns, to a slice of
// their own, and returns the strong ones in place.
func splitWeak(xs []keyed) (strong, weak []keyed) {
	n := 0
	for _, x := range xs {
		if x.weak {
			weak = append(weak, x)
		} else {
			xs[n] = x
			n++
		}
	}
	return xs[:n], weak
}

// yearsReadOtherwise drops the years of kind k (a number or a date) that
// the other side holds as the other kind: "the 2011 rugby world cup" →
// "the 2011 Rugby World Cup" reads a count on one side and a date on the
// other, and changes neither.
func yearsReadOtherwise(vs []keyed, k FactKind, other sides) []keyed {
	if k != FactNumber && k != FactDate {
		return vs
	}
	out := vs[:0] // vs is owned
	for _, v := range vs {
		if !isYear(v.text) || !slices.ContainsFunc(other.values, func(o value) bool {
			return o.text == v.text && o.kind != k && (o.kind == FactNumber || o.kind == FactDate)
		}) {
			out = append(out, v)
		}
	}
	return out
}

// notWritten drops the values whose key the other side did not read but
// whose digit runs, and words of three letters or more, all stand in its
// text.
func notWritten(vs []keyed, other sides) []keyed {
	out := vs[:0] // vs is owned
	for _, v := range vs {
		if slices.ContainsFunc(other.values, func(o value) bool { return o.key == v.key }) || !writtenIn(v.text, other.text) {
			out = append(out, v)
		}
	}
	return out
}

// writtenIn reports whether each digit run of v stands in text between
// non-digits, and each of its words of three letters or more stands in it.
func writtenIn(v, text string) bool {
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case isASCIIDigit(c):
			j := i + numberRun(v[i:])
			if !hasDigitRun(text, v[i:j]) {
				return false
			}
			i = j
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			j := i
			for j < len(v) && (v[j] >= 'A' && v[j] <= 'Z' || v[j] >= 'a' && v[j] <= 'z') {
				j++
			}
			if j-i >= 3 && !strings.Contains(text, v[i:j]) {
				return false
			}
			i = j
		default:
			i++
		}
	}
	return true
}

// numberRun returns the length of the number w starts with: digits, and
// points or commas between digits.
func numberRun(w string) int {
	n := leadingDigits(w)
	for n+1 < len(w) && (w[n] == '.' || w[n] == ',') && isASCIIDigit(w[n+1]) {
		n += 1 + leadingDigits(w[n+1:])
	}
	return n
}

// hasDigitRun reports whether text holds the number d as a whole, not
// inside a longer one.
func hasDigitRun(text, d string) bool {
	for from := 0; ; {
		k := strings.Index(text[from:], d)
		if k < 0 {
			return false
		}
		k += from
		if k == 0 || k > 0 && !isASCIIDigit(text[k-1]) && !(k > 1 && (text[k-1] == '.' || text[k-1] == ',') && isASCIIDigit(text[k-2])) {
			if e := k + len(d); e == len(text) || e < len(text) && numberRun(text[e-1:]) == 1 {
				return true
			}
		}
		from = k + 1
	}
}

// appendQuoteChanges compares the quotations of the two sides of a
// sentence. A quotation whose words stand in a row in the other side gives
// no fact: only its quote marks changed, or a stray mark made it look
// like one.
func appendQuoteChanges(facts []Fact, old, new []keyed, oldText, newText string, oi, ni *int) []Fact {
	gone, came := minus(old, new), minus(new, old)
	if len(gone)+len(came) == 0 {
		return facts
	}
	var keys [2]string // of the old and the new sentence, made when needed
	in := func(q keyed, side int) bool {
		if keys[side] == "" {
			keys[side] = " " + quoteKey([2]string{oldText, newText}[side])
		}
		return strings.Contains(keys[side], " "+q.key)
	}
	const ok, nk = 0, 1
	for i := range max(len(gone), len(came)) {
		f := Fact{Kind: FactQuote, OldSentence: oi, NewSentence: ni}
		switch {
		case i < len(gone) && i < len(came):
			g, c := in(gone[i], nk), in(came[i], ok)
			switch {
			case g && c:
				continue
			case g && !strings.Contains(" "+came[i].key, " "+gone[i].key), c && !strings.Contains(" "+gone[i].key, " "+came[i].key):
				// One of them stands in the other side's text and is not
				// part of the other quotation: only the other changed.
				if g {
					f.Change, f.New, f.key = FactAdded, came[i].text, came[i].key
				} else {
					f.Change, f.Old, f.key = FactRemoved, gone[i].text, gone[i].key
				}
			default:
				f.Change, f.Old, f.New = FactChanged, gone[i].text, came[i].text
			}
		case i < len(gone):
			if in(gone[i], nk) {
				continue
			}
			f.Change, f.Old, f.key = FactRemoved, gone[i].text, gone[i].key
		default:
			if in(came[i], ok) {
				continue
			}
			f.Change, f.New, f.key = FactAdded, came[i].text, came[i].key
		}
		facts = append(facts, f)
	}
	return facts
}

// minus returns the items of a whose keys b lacks, as multisets.
// A number with a second key (see value.alt) matches by either.
func minus(a, b []keyed) []keyed {
	if len(b) <= minusScanMax {
		return minusScan(a, b)
	}
	return minusCount(a, b)
}

// minusCount is minus, counting the keys of b in maps.
func minusCount(a, b []keyed) []keyed {
	left := make(map[string]int, len(b))
	for _, x := range b {
		left[x.key]++
	}
	var out []keyed
	for _, x := range a {
		if left[x.key] > 0 {
			left[x.key]--
			continue
		}
		out = append(out, x)
	}
	if len(out) == 0 {
		return out
	}
	var alts map[string]int // b's second keys, for a's first ones
	for _, x := range b {
		if x.alt != "" {
			if alts == nil {
				alts = map[string]int{}
			}
			alts[x.alt]++
		}
	}
	kept := out[:0]
	for _, x := range out {
		switch {
		case x.alt != "" && left[x.alt] > 0:
			left[x.alt]--
		case alts[x.key] > 0:
			alts[x.key]--
		default:
			kept = append(kept, x)
		}
	}
	return kept
}

// minusScanMax is the most items of b for which minus compares keys one
// by one rather than counting them in maps: a sentence holds few values.
const minusScanMax = 8

// minusScan is minus for a short b: an item of b, once it matched an item
// of a, is marked used, as the maps' counts are decremented.
func minusScan(a, b []keyed) []keyed {
	var used [minusScanMax]bool // by key, in the first pass and by a's second key after
	var out []keyed
	for _, x := range a {
		if j := unusedKey(b, used[:len(b)], x.key, false); j >= 0 {
			used[j] = true
			continue
		}
		out = append(out, x)
	}
	if len(out) == 0 {
		return out
	}
	var usedAlt [minusScanMax]bool // b's second keys, for a's first ones
	kept := out[:0]
	for _, x := range out {
		if x.alt != "" {
			if j := unusedKey(b, used[:len(b)], x.alt, false); j >= 0 {
				used[j] = true
				continue
			}
		}
		if j := unusedKey(b, usedAlt[:len(b)], x.key, true); j >= 0 {
			usedAlt[j] = true
			continue
		}
		kept = append(kept, x)
	}
	return kept
}

// unusedKey returns the first item of b not marked in used whose key, or
// second key when alt is set, is k; -1 if there is none. A second key is
// never "".
func unusedKey(b []keyed, used []bool, k string, alt bool) int {
	for j := range b {
		bk := b[j].key
		if alt {
			if bk = b[j].alt; bk == "" {
				continue
			}
		}
		if !used[j] && bk == k {
			return j
		}
	}
	return -1
}

// appendNegation flags a negation added to or removed from a sentence.
func appendNegation(facts []Fact, old, new string, oi, ni *int) []Fact {
	if !negationCountDiffers(old, new) {
		return facts
	}
	on, nn := negations(old), negations(new)
	switch {
	case len(nn) > len(on):
		return append(facts, Fact{Kind: FactNegation, Change: FactAdded, New: extra(nn, on), OldSentence: oi, NewSentence: ni})
	case len(on) > len(nn):
		return append(facts, Fact{Kind: FactNegation, Change: FactRemoved, Old: extra(on, nn), OldSentence: oi, NewSentence: ni})
	}
	return facts
}

// negationCountDiffers reports whether old and new hold different numbers
// of negations, counting only in the stretch where they differ: the words
// of their common start and end, each a run of the bytes negations reads
// as a word, are in both and count the same. The stretch is widened to the
// runs it cuts and to the one that ends where it starts, and keeps the
// byte after its last run, which the "No." test reads.
func negationCountDiffers(old, new string) bool {
	p := commonPrefix(old, new)
	q := commonSuffix(old[p:], new[p:])
	lo := p
	for lo > 0 && isNegationRunByte(old[lo-1]) {
		lo--
	}
	oe, ne := len(old)-q, len(new)-q
	for q > 0 && isNegationRunByte(old[oe]) {
		oe, ne, q = oe+1, ne+1, q-1
	}
	if q > 0 { // the byte after the last run, for the "No." test
		oe, ne = oe+1, ne+1
	}
	return len(negations(old[lo:oe])) != len(negations(new[lo:ne]))
}

// isNegationRunByte reports whether negations reads c as part of a word.
func isNegationRunByte(c byte) bool { return isWordByte(c) || c == '\'' }

// extra returns the first word of a that b has fewer of.
func extra(a, b []string) string {
	left := map[string]int{}
	for _, w := range b {
		left[strings.ToLower(w)]++
	}
	for _, w := range a {
		if left[strings.ToLower(w)] == 0 {
			return w
		}
		left[strings.ToLower(w)]--
	}
	return a[0]
}

// cancelPassedOn drops an added and a removed fact of the same kind and
// value found in different sentences: the value passed from one sentence
// to another, as when a sentence is split or merged, and did not change.
func cancelPassedOn(facts []Fact) []Fact {
	type slot struct {
		kind FactKind
		key  string
	}
	keyOf := func(f Fact) slot { return slot{f.Kind, f.key} }
	removed := map[slot][]int{}
	for i, f := range facts {
		if f.Change == FactRemoved && f.key != "" {
			removed[keyOf(f)] = append(removed[keyOf(f)], i)
		}
	}
	drop := make([]bool, len(facts))
	for i, f := range facts {
		if f.Change != FactAdded || f.key == "" {
			continue
		}
		if is := removed[keyOf(f)]; len(is) > 0 {
			drop[i], drop[is[0]] = true, true
			removed[keyOf(f)] = is[1:]
		}
	}
	out := facts[:0]
	for i, f := range facts {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return slices.Clip(out)
}

// String sums the fact up in a few words, as the text form's summary line
// and the HTML badges show it: "number: 35 → 50", "quote added: “We will
// rebuild” (the mayor)", "quote: “We will rebuild” (Mayor Lee → Governor
// Ortiz)".
func (f Fact) String() string {
	head := string(f.Kind)
	if f.Change != FactChanged {
		head += " " + string(f.Change)
	}
	val := func(s string) string {
		if f.Kind == FactQuote {
			return "“" + s + "”"
		}
		return s
	}
	var body string
	switch {
	case f.OldSpeaker != "": // the words stayed, the speaker changed
		body = val(f.New)
	case f.Change == FactChanged:
		body = val(f.Old) + " → " + val(f.New)
	case f.Change == FactAdded:
		body = val(f.New)
	default:
		body = val(f.Old)
	}
	switch {
	case f.OldSpeaker != "":
		body += " (" + f.OldSpeaker + " → " + f.Speaker + ")"
	case f.Speaker != "":
		body += " (" + f.Speaker + ")"
	}
	return head + ": " + body
}

// FactsLine is the one-line summary of facts that the text form of a diff
// ends with: "facts: 2 changed: number: 35 → 50; negation added: not", or
// "facts: none changed".
func FactsLine(facts []Fact) string {
	if len(facts) == 0 {
		return "facts: none changed\n"
	}
	parts := make([]string, len(facts))
	for i, f := range facts {
		parts[i] = f.String()
	}
	return "facts: " + strconv.Itoa(len(facts)) + " changed: " + strings.Join(parts, "; ") + "\n"
}

// valueTouched reports whether the edit ops of a sentence change a word a
// value is made of (a digit, a currency, a month or weekday, a number,
// scale or unit word): when none is, the two sides hold the same values
// and need not be searched.
func valueTouched(ops []Op) bool {
	for _, op := range ops {
		if op.Op == Equal {
			continue
		}
		t := op.Text
		for i := 0; i < len(t); i = nextWordStart(t, i) {
			if canStartValue(t, i) {
				return true
			}
			if isWordByte(t[i]) && !wordBefore(t, i) {
				e := wordEnd(t, i)
				var buf [16]byte
				w := buf[:0]
				if e < len(t) && t[e] >= utf8.RuneSelf {
					e = letterEnd(t, i)       // "millón", "milhões"
					w = appendFold(w, t[i:e]) // "MILLÓN", "MILHÕES"
				} else {
					w = appendLower(w, t[i:e])
				}
				if valueWords[string(w)] || foreignScales[string(w)] != 0 {
					return true
				}
			}
		}
	}
	return false
}

// valueWords complete a value without starting one, as do foreignScales.
var valueWords = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true,
	"mn": true, "bn": true, "tn": true, "m": true, "k": true, "percent": true, "per": true, "cent": true,
	"percentage": true, "point": true, "points": true, "dollars": true, "pounds": true, "euros": true, "yen": true,
	"am": true, "pm": true, "of": true}
