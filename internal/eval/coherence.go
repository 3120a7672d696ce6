package eval

import (
	"strings"
	"unicode"

	"github.com/redline-news/redline/summarize"
)

// readability flags what makes one summary read badly out of context.
type readability struct {
	dangling, orphaned, fragment, byline bool
	speakerless, unclosed                bool
}

// minWords is the length below which a summary sentence is a fragment
// ("team news .", "by john frost .").
const minWords = 4

// judge flags summary picked of article. A sentence is orphaned when it
// opens with a word that leans on the sentence before it
// (summarize.LeansOnPrevious: a pronoun, a connective, an anaphoric
// description) and that sentence of the article is not in the summary;
// the summary dangles when its first sentence in document order is
// orphaned. It is speakerless when a sentence goes on with the quotation
// of the sentence before it (summarize.ContinuesQuotation) without it, and
// unclosed when a sentence leaves a quotation open
// (summarize.LeavesQuotationOpen) and the article's next sentence, which
// goes on with it, is not in the summary. Selection avoids all three, the
// last two in short summaries only.
func judge(article, lang string, picked []summarize.Sentence) readability {
	units := summarize.Units(article, lang)
	prev := make(map[int]int, len(units)) // unit index → previous sentence's index, or -1
	next := make(map[int]int, len(units)) // unit index → next sentence's index, or -1
	last := -1
	for i, u := range units {
		prev[i], next[i] = last, -1
		if u.Kind == summarize.KindSentence {
			if last >= 0 {
				next[last] = i
			}
			last = i
		}
	}
	in := make(map[int]bool, len(picked))
	first := -1
	for _, s := range picked {
		in[s.Index] = true
		if first < 0 || s.Index < first {
			first = s.Index
		}
	}
	var r readability
	for _, s := range picked {
		if p := prev[s.Index]; p >= 0 && !in[p] {
			if summarize.LeansOnPrevious(s.Text, lang) {
				r.orphaned = true
				r.dangling = r.dangling || s.Index == first
			} else if summarize.ContinuesQuotation(units[p].Text, s.Text, lang) {
				r.speakerless = true
			}
		}
		if n := next[s.Index]; n >= 0 && !in[n] && summarize.LeavesQuotationOpen(s.Text) {
			r.unclosed = true
		}
		r.fragment = r.fragment || wordCount(s.Text) < minWords
		r.byline = r.byline || looksLikeByline(s.Text)
	}
	return r
}

// looksLikeByline is the evaluation's own test, independent of the
// segmenter's unit kinds: a short line opening with "by" and a name (not
// "By far the most useful gadget.", "By then…", "By 2020…") or ending with
// "reporter" or "for MailOnline", a publication stamp, or a time of day and date
// alone (the stamp of a tokenized byline block once "published :" is split
// off).
func looksLikeByline(s string) bool {
	l := strings.ToLower(s)
	if strings.Contains(l, "published :") || strings.Contains(l, "published:") || strings.HasPrefix(l, "updated") {
		return true
	}
	words := wordCount(l)
	if end := strings.TrimRight(l, " ."); words <= 8 && (strings.HasSuffix(end, " reporter") || strings.HasSuffix(end, " for mailonline")) {
		return true
	}
	return (strings.HasPrefix(l, "by ") && words <= 6 && byName(l[len("by "):])) || stampAlone(l)
}

// byName reports whether rest, what follows an opening "by", can begin a
// name: its first word is no number and none of notNames. A lone "by", as
// a tokenized byline block splits it ("by ."), counts.
func byName(rest string) bool {
	f := strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return len(f) == 0 || !notNames[f[0]] && !unicode.IsDigit(rune(f[0][0]))
}

// notNames are words that, right after an opening "by", begin a phrase
// rather than a name.
var notNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("a an the this that these those then now far contrast comparison all some most no") {
		m[w] = true
	}
	return m
}()

// stampAlone reports whether s is a time of day ("12:34") followed by at
// most a time zone and a date: "12:34 est , 3 march 2014 .".
func stampAlone(s string) bool {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ':' })
	if len(f) == 0 || len(f) > 7 || !strings.Contains(f[0], ":") || !unicode.IsDigit(rune(f[0][0])) {
		return false
	}
	for _, w := range f[1:] {
		if !unicode.IsDigit(rune(w[0])) && !stampWords[w] {
			return false
		}
	}
	return true
}

var stampWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("am pm gmt bst utc est edt pst pdt cet et on of the th st nd rd " +
		"monday tuesday wednesday thursday friday saturday sunday january february march april may june " +
		"july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec") {
		m[w] = true
	}
	return m
}()

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
