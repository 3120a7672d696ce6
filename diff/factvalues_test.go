package diff

import (
	"math/big"
	"math/rand"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// TestMatchNumberAsPattern checks matchNumber against the pattern it
// stands for, on random strings of digits, separators, letters and scale
// words.
func TestMatchNumberAsPattern(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	parts := []string{"0", "1", "2", "5", "9", "12", "123", "1234", ",", ",", ".", ".", " ", "  ", "\t", "a", "x", "_", "%",
		" million", " Million", " millions", " thousand", " thouſand", " billion", " hundred", "bn", "-", "é", "’"}
	for k := 0; k < 200_000; k++ {
		var b strings.Builder
		b.WriteString(parts[rng.Intn(5)]) // a digit first
		for n := rng.Intn(8); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		w := b.String()
		if got, want := matchNumber(w), numberRE.FindStringSubmatchIndex(w); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, the pattern gives %v", w, got, want)
		}
	}
}

// TestAmountAsRational checks the shortcut for whole numbers in amount.
func TestAmountAsRational(t *testing.T) {
	for _, num := range []string{"0", "00", "007", "7", "0123", "2024", "1,000", "12.50", "0.5", "99999999999999999999999"} {
		for _, scale := range []string{"", " million", " thousand"} {
			r, _ := new(big.Rat).SetString(strings.ReplaceAll(num, ",", ""))
			if m, ok := scales[strings.TrimSpace(scale)]; ok {
				r.Mul(r, new(big.Rat).SetInt64(m))
			}
			if got, want := amount(num, scale), r.RatString(); got != want {
				t.Errorf("amount(%q, %q) = %q, want %q", num, scale, got, want)
			}
		}
	}
}

// TestMayBeHoldsWherePatternsMatch checks that each cheap test passes
// wherever its pattern matches, on random strings made of the pieces
// values are written with.
func TestMayBeHoldsWherePatternsMatch(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	matched := map[FactKind]int{}
	parts := []string{"1", "5", "12", "2024", "2024-03-05", "0", ":", ":30", ",", ".", " ", "\t", "of ", "st", "th", "nd",
		"March", "Jan.", "Sept.", "Monday", "am", "p.m.", "pm", " AM", "%", " percent", " per cent", " percentage points",
		"$", "US$", "£", "€", "USD ", " million", "m", "bn", " dollars", " pounds", " euros", " yen", "noon", "Midnight",
		"five", "twenty-one", "x", "a", "n", "e"}
	for k := 0; k < 300_000; k++ {
		var b strings.Builder
		for n := 1 + rng.Intn(6); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		w := b.String()
		if !canStartValue(w, 0) {
			continue
		}
		w = w[:min(len(w), maxValueBytes)]
		for _, p := range valuePatterns {
			if p.re.MatchString(w) {
				matched[p.kind]++
			}
			if p.re.MatchString(w) && !p.may(w) {
				t.Fatalf("%q: the %s pattern matches but its test fails", w, p.kind)
			}
		}
	}
	for _, k := range valueKinds {
		if matched[k] < 1000 {
			t.Errorf("only %d strings matched the %s pattern: the test proves little", matched[k], k)
		}
	}
}

// TestNegationCountDiffersAsFullCount checks the shortcut against counting
// the negations of both whole texts, on random edits of random sentences.
func TestNegationCountDiffersAsFullCount(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	parts := []string{"no", "No", "not", "never", "cannot", "don't", "isn’t", "can't", "won'T", "N'T", "'", "’", ".", ". ",
		" ", "  ", ",", "yes", "a", "n", "t", "know", "é", "no.", "No. 5"}
	gen := func(n int) string {
		var b strings.Builder
		for ; n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		return b.String()
	}
	for k := 0; k < 200_000; k++ {
		pre, suf := gen(rng.Intn(4)), gen(rng.Intn(4))
		old, new := pre+gen(rng.Intn(3))+suf, pre+gen(rng.Intn(3))+suf
		if got, want := negationCountDiffers(old, new), len(negations(old)) != len(negations(new)); got != want {
			t.Fatalf("%q → %q: got %v, counting all gives %v", old, new, got, want)
		}
	}
}

// TestFieldsAsStringsFields checks lastField and nextField against
// strings.Fields.
func TestFieldsAsStringsFields(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	parts := []string{"a", "Route", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "é", ",", "66"}
	for k := 0; k < 100_000; k++ {
		var b strings.Builder
		for n := rng.Intn(8); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		want := strings.Fields(s)
		last := ""
		if len(want) > 0 {
			last = want[len(want)-1]
		}
		if got := lastField(s); got != last {
			t.Fatalf("lastField(%q) = %q, want %q", s, got, last)
		}
		var got []string
		for rest := s; ; {
			var f string
			if f, rest = nextField(rest); f == "" {
				break
			}
			got = append(got, f)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("nextField over %q gives %q, want %q", s, got, want)
		}
	}
}

// TestMatchDateAsPattern checks the two halves of the date pattern against
// the whole, on random strings of the pieces dates are written with.
func TestMatchDateAsPattern(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	parts := []string{"1", "5", "12", "31", "2024", "123", "-", "-03", "-05", " ", ",", ", ", "st", "th", "nd", "of ",
		"March", "May", "Jan.", "Sept.", "Sep.", "Monday", "Sunday", "x", "a", "2024-03-05", "\t", "."}
	matched := 0
	for k := 0; k < 300_000; k++ {
		var b strings.Builder
		for n := 1 + rng.Intn(6); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		w := b.String()
		if !isASCIIDigit(w[0]) && (w[0] < 'A' || w[0] > 'Z') {
			continue
		}
		want := dateRE.FindStringSubmatchIndex(w)
		if got := matchDate(w); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, the pattern gives %v", w, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d strings matched: the test proves little", matched)
	}
}

// TestMayBeTimestampKeepsEveryMatch checks that the shortcut before
// timestampRE rejects no line the pattern matches.
func TestMayBeTimestampKeepsEveryMatch(t *testing.T) {
	lines := []string{"Updated: 6:34 p.m.", "  last updated 5 May", "\tPUBLISHED: today", "Posted 3pm",
		"First published: Monday", "modified: now", "Said: no", "", " ", "\r\nUpdated: x", "\u00a0Updated: x"}
	for _, l := range lines {
		if timestampRE.MatchString(l) && !mayBeTimestamp(l) {
			t.Errorf("mayBeTimestamp(%q) = false, but timestampRE matches", l)
		}
	}
	for _, c := range "lupfm" {
		for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
			if r >= utf8.RuneSelf {
				t.Errorf("%c folds to %U, outside ASCII", c, r)
			}
		}
	}
	for _, p := range loadPairs(t) {
		for _, l := range strings.Split(p.Old+"\n"+p.New, "\n") {
			if timestampRE.MatchString(l) && !mayBeTimestamp(l) {
				t.Errorf("mayBeTimestamp(%q) = false, but timestampRE matches", l)
			}
		}
	}
}

// TestEveryNumberWordIsFound checks that the cheap test of where a value
// can start lets every number word of the other languages through, and
// that each is read with its value, alone and with a scale after it.
func TestEveryNumberWordIsFound(t *testing.T) {
	words := map[string]int64{}
	for w, n := range foreignNumbers {
		words[w] = n
	}
	for w, n := range weakNumberWords {
		words[w] = n
	}
	for w, n := range words {
		if len(w) > maxSetWord {
			t.Errorf("%q is longer than maxSetWord", w)
		}
		forms := []string{w, strings.ToUpper(w[:1]) + w[1:]}
		if up := strings.ToUpper(w); strings.ToLower(up) == w { // not "DREISSIG"
			forms = append(forms, up)
		}
		for _, form := range forms {
			vs := findValues(form + " morts")
			if len(vs) != 1 || vs[0].key != strconv.FormatInt(n, 10) || vs[0].text != form {
				t.Errorf("findValues(%q) = %+v, want %q with key %d", form+" morts", vs, form, n)
			}
		}
		if n >= 1000 || wordValues[w] != 0 {
			continue // "six millions" is read as English "six"
		}
		vs := findValues("en tout " + w + " millions")
		if len(vs) != 1 || vs[0].key != strconv.FormatInt(n*1e6, 10) {
			t.Errorf("findValues(%q) = %+v, want key %d", "en tout "+w+" millions", vs, n*1e6)
		}
	}
	if len(words) < 300 {
		t.Errorf("got %d number words, want the compounds too", len(words))
	}
}

// TestSpeakerAsPatterns checks speaker, which starts the search of
// saidBeforeRE late and stops it early, against running the attribution
// patterns over the whole sentence, on the sentences of the dev pairs
// and the gold file and on made-up attributions.
func TestSpeakerAsPatterns(t *testing.T) {
	byPatterns := func(s string) string {
		if !hasSayingVerb(s) {
			return ""
		}
		bare := quoteRE.ReplaceAllString(s, " Q ")
		for _, m := range saidBeforeRE.FindAllStringSubmatchIndex(bare, -1) {
			if name := speakerBefore(strings.Fields(bare[m[2]:m[3]]), strings.TrimSpace(bare[m[3]:m[1]])); name != "" {
				return name
			}
		}
		for _, re := range []*regexp.Regexp{saidAfterRE, accordingToRE} {
			if m := re.FindStringSubmatch(bare); m != nil {
				if name := nameAfter(strings.Fields(m[1])); name != "" {
					return name
				}
			}
		}
		return ""
	}
	sentences := []string{"“We will rebuild,” said Mayor Lee.", "Mayor Lee said: \"We will.\"", "he said it was the mayor who said \"so we will\"",
		"The city's police chief, Jane O’Neil-Smith Jr. told reporters \"no\".", "A.B. C.D. E.F. G.H. I.J. K.L. M.N. said \"x y z\"",
		"a b c d e f g h said it", "x,said y", "\"Go now,\" she\tsaid.", "Q said said said", "tells tells", "They asked: \"Why?\""}
	texts := []string{}
	for _, p := range loadPairs(t) {
		texts = append(texts, p.Old, p.New)
	}
	var seg text.Segmenter
	for _, x := range texts {
		for _, s := range seg.Sentences(x) {
			if hasSayingVerb(s.Text) {
				sentences = append(sentences, s.Text)
			}
		}
	}
	for _, s := range sentences {
		if got, want := speaker(s), byPatterns(s); got != want {
			t.Errorf("speaker(%q) = %q, want %q", s, got, want)
		}
	}
	if len(sentences) < 1000 {
		t.Errorf("only %d sentences with a verb of saying: the test proves little", len(sentences))
	}
}

// TestEveryScaleWordIsFound checks that the cheap tests of foreignScaleAt
// (its first byte, maxScaleBytes) let every scale word through, in lower
// case, capitalised and in capitals, with its multiplier, and no longer
// word.
func TestEveryScaleWordIsFound(t *testing.T) {
	for w, want := range foreignScales {
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			s := "3 " + form + "."
			m, end, ok := foreignScaleAt(s, 1)
			if !ok || m != want || end != len(s)-1 {
				t.Errorf("%q: got %d, %d, %v, want %d, %d, true", s, m, end, ok, want, len(s)-1)
			}
			if _, _, ok := foreignScaleAt("3 "+form+"s.", 1); ok && foreignScales[w+"s"] == 0 {
				t.Errorf("%q: a longer word is read as a scale", form+"s")
			}
		}
	}
}

// TestSpeakerVerbs checks that speaker reads every English verb of speech
// of internal/text, in its inflections, and takes no reporter ("by
// Reuters") or listener ("told reporters") for the speaker.
func TestSpeakerVerbs(t *testing.T) {
	for s, want := range map[string]string{
		"“Votes were stolen,” Fujimori claimed.":                              "Fujimori",
		"“They push a lot,” Brose claimed in the interview.":                  "Brose",
		"Fujimori admitted that “votes were stolen”.":                         "Fujimori",
		"The mayor appeared, saying: “We will.”":                              "",
		"“It is over,” insisted Jane Lee.":                                    "Jane Lee",
		"“No,” Lee was quoted as saying by Reuters.":                          "",
		"“No,” she told Reuters.":                                             "",
		"“The authorities made preparations,” he was quoted as saying by AP.": "",
		// Auxiliaries before the verb are not the speaker's.
		"“We will rebuild,” the mayor is saying.":             "the mayor",
		"“We will rebuild,” the mayor was telling reporters.": "the mayor",
		"“We will rebuild,” the mayor has said.":              "the mayor",
		"“We will rebuild,” Mayor Lee had told reporters.":    "Mayor Lee",
		"“We will rebuild,” Mayor Lee has been saying.":       "Mayor Lee",
		"“We will rebuild,” Mayor Lee would have said.":       "Mayor Lee",
		"Mayor Lee is saying: “We will rebuild.”":             "Mayor Lee",
		"“We will rebuild,” he is saying.":                    "",
		"“We will rebuild,” Will said.":                       "Will",
		// A capitalised opener of the sentence is not the speaker's.
		"However Wall has admitted that “the plan failed”.": "Wall",
		"However Wall said that “the plan failed”.":         "Wall",
		"Later, Mayor Lee said: “We will rebuild.”":         "Mayor Lee",
		"But the mayor said: “We will rebuild.”":            "the mayor",
		// A passive gives the words to no one before the verb.
		"“Leave now,” Lee was told.":                    "",
		"“Leave now,” the officer was told.":            "",
		"“Leave now,” Lee had been told by the police.": "",
		"“It is over,” it is said.":                     "",
	} {
		if got := speaker(s); got != want {
			t.Errorf("speaker(%q) = %q, want %q", s, got, want)
		}
	}
	for _, v := range text.SpeechVerbs("en") {
		s := "“We will,” Mayor Lee " + v.Form + " on Monday."
		if got := speaker(s); got != "Mayor Lee" {
			t.Errorf("speaker(%q) = %q, want Mayor Lee", s, got)
		}
	}
}

// TestAttributionScansAsPatterns checks replaceQuotes and afterFirstForm
// against the patterns they stand for, on random strings of quote marks,
// verbs, word bytes and white space.
func TestAttributionScansAsPatterns(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	parts := []string{"said", "says", "say", "saying", "told", "according to", "according", "added", " ", "  ", "\n", "\t",
		"\"", "“", "”", "Lee", "x", "_", "é", ".", ",", "Q"}
	for k := 0; k < 100_000; k++ {
		var b strings.Builder
		for n := rng.Intn(10); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		if got, want := replaceQuotes(s), quoteRE.ReplaceAllString(s, " Q "); got != want {
			t.Fatalf("replaceQuotes(%q) = %q, want %q", s, got, want)
		}
		for _, c := range []struct {
			re    *regexp.Regexp
			forms []string
		}{{saidAfterRE, saidAfterVerbs}, {accordingToRE, []string{"according to"}}} {
			m := c.re.FindStringSubmatch(s)
			got, ok := afterFirstForm(s, c.forms)
			if ok != (m != nil) || ok && got != m[1] {
				t.Fatalf("afterFirstForm(%q) = %q, %v; want %q", s, got, ok, m)
			}
		}
	}
}

// TestCurrencyWordAsContainsFold checks hasCurrencyWord against
// containsFold for each of its words.
func TestCurrencyWordAsContainsFold(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	parts := []string{"dollars", "DOLLARS", "Pounds", "euros", "yen", "YEN", "doll", "pound", "euro", "ye", "d", "p", "e", "y", " ", "$", "3", "é", "D", "ars"}
	for k := 0; k < 50_000; k++ {
		var b strings.Builder
		for n := rng.Intn(6); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		w := b.String()
		want := containsFold(w, "dollars") || containsFold(w, "pounds") || containsFold(w, "euros") || containsFold(w, "yen")
		if got := hasCurrencyWord(w); got != want {
			t.Fatalf("hasCurrencyWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestHasSayingVerbAsContains checks hasSayingVerb against looking for
// each verb in turn, on random strings of verbs, their pieces and other
// bytes.
func TestHasSayingVerbAsContains(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	parts := []string{" ", "s", "sa", "sai", "d", "ay", "told", "to", "ld", "according", " to", "add", "ed", "x", "é", "\n"}
	parts = append(parts, sayingVerbs...)
	for k := 0; k < 50_000; k++ {
		var b strings.Builder
		for n := rng.Intn(6); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		want := false
		for _, v := range sayingVerbs {
			want = want || strings.Contains(s, v)
		}
		if got := hasSayingVerb(s); got != want {
			t.Fatalf("hasSayingVerb(%q) = %v, want %v", s, got, want)
		}
	}
}
