package diff

import (
	"bytes"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// value is a number, sum of money, percentage, date or time found in a
// sentence: its kind, its text as written and the key it compares by, so
// that "1,000" and "1000", "five" and "5", "5 percent" and "5%", "$2.5
// million" and "$2.5m" are one value.
type value struct {
	kind      FactKind
	text, key string
	start     int
	// alt is a second key for a number whose separators read either way:
	// "30.000" is 30 with decimals or 30,000 written the continental way.
	alt string
	// weak marks a number that is likely no count: part of a name or a
	// code ("Level 3", "Cessna 150", "B.1.1.7", "tier 1"), or the word
	// "one". It is no fact on its own, only where it changed into or from
	// another value in a sentence found in both texts; tag is, for a name,
	// the word before it, which a changed name keeps ("Route 66" → "Route
	// 67").
	weak bool
	tag  string
}

// valueKinds are the kinds findValues reports, in the order facts list them.
var valueKinds = []FactKind{FactNumber, FactMoney, FactPercent, FactDate, FactTime}

// The patterns below are read-only after package initialization.
const (
	numPat   = `\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+|,\d{1,2}\b)?`
	wordPat  = `(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`
	scalePat = `(?:\s(?:hundred|thousand|million|billion|trillion))`
	monthPat = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)`
	ordPat   = `(?:st|nd|rd|th)?`
)

var (
	timeRE = regexp.MustCompile(`^(?i:(\d{1,2})(?:[:.]([0-5]\d))?\s?([ap])\.?m\b\.?|([01]?\d|2[0-3]):([0-5]\d)\b|(noon|midnight)\b)`)
	dateRE = regexp.MustCompile(`^(?:(` + monthPat + `)\s(\d{1,2})` + ordPat + `(?:,?\s(\d{4}))?\b|` +
		`(\d{1,2})` + ordPat + `\s(?:of\s)?(` + monthPat + `)(?:,?\s(\d{4}))?|` +
		`(` + monthPat + `)\s(\d{4})\b|` +
		`(\d{4})-(\d{2})-(\d{2})\b|` +
		`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)`)
	// dateRE has too many instructions for the backtracking matcher,
	// which is far faster than the other one on short text; so a date is
	// matched by one of two halves of it, chosen by its first byte. Each
	// keeps dateRE's groups, the alternatives that cannot start with that
	// byte reduced to groups that fail at once.
	dateWordRE = regexp.MustCompile(`^(?:(` + monthPat + `)\s(\d{1,2})` + ordPat + `(?:,?\s(\d{4}))?\b|` +
		`(\d)()()|` +
		`(` + monthPat + `)\s(\d{4})\b|` +
		`(\d)()()|` +
		`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)`)
	dateDigitRE = regexp.MustCompile(`^(?:([A-Z])()()|` +
		`(\d{1,2})` + ordPat + `\s(?:of\s)?(` + monthPat + `)(?:,?\s(\d{4}))?|` +
		`([A-Z])()|` +
		`(\d{4})-(\d{2})-(\d{2})\b|` +
		`([A-Z]))`)
	moneyRE = regexp.MustCompile(`^(?i:(US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|\b(?:USD|EUR|GBP)\s?)\s?(` + numPat + `)((?:\s?(?:hundred|thousand|million|billion|trillion|mn|bn|tn)|m|k)\b)?|` +
		`(` + numPat + `|` + wordPat + `)(` + scalePat + `)?\s((?:US\s)?dollars|pounds|euros|yen)\b)`)
	percentRE = regexp.MustCompile(`^(?i:(` + numPat + `|` + wordPat + `)\s?(%|\\%|\s?percent\b|\sper\scent\b|\spercentage\spoints?\b))`)
	numberRE  = regexp.MustCompile(`^(?i:(` + numPat + `|` + wordPat + `)(` + scalePat + `)?\b)`)
)

// findValues returns the values of s in the order they appear. Times,
// dates, money and percentages are looked for first, and a number inside
// one of them is not a number of its own; nor is a number that is part of
// a name: "Route 66", "COVID-19", "Boeing 737", "G7", "10 Downing Street".
//
// Each pattern is tried only where a value can start (a digit, a currency
// sign or code, a month, weekday or number word), anchored there, so a
// sentence costs a scan and a few short matches rather than a search of
// every pattern through it.
func findValues(s string) []value {
	var out []value
	for i := 0; i < len(s); {
		// Most bytes are spaces, punctuation or letters of words that no
		// value starts with: those are passed over as canStartValue and
		// nextWordStart would, without calling them.
		switch c := s[i]; {
		case c < utf8.RuneSelf && !isWordByte(c) && c != '$':
			i++
			continue
		case c < utf8.RuneSelf && c > '9' && !startLetters[c]:
			for i < len(s) && isWordByte(s[i]) && (s[i] < 0xC0 || !spacelessAt(s, i) && !punctAt(s, i)) {
				i++
			}
			continue
		}
		if !canStartValue(s, i) {
			i = nextWordStart(s, i)
			continue
		}
		v, ok := valueAt(s, i)
		if !ok {
			i = nextWordStart(s, i)
			continue
		}
		out = append(out, v)
		i = v.start + len(v.text)
	}
	return out
}

// valueAt tries each kind of value anchored at s[i:], times first.
func valueAt(s string, i int) (value, bool) {
	w := s[i:min(len(s), i+maxValueBytes)]
	try := func(k FactKind, re *regexp.Regexp, key func(string, []int) string) (value, bool) {
		var m []int
		switch {
		case k == FactNumber && isASCIIDigit(w[0]):
			m = matchNumber(w)
		case k == FactDate:
			m = matchDate(w)
		default:
			m = re.FindStringSubmatchIndex(w)
		}
		if m == nil || !endsValue(w, m[1]) {
			return value{}, false
		}
		if k := key(w, m); k != "" {
			return value{text: w[m[0]:m[1]], key: k, start: i}, true
		}
		return value{}, false
	}
	if v, ok := clockTime(s, i, w); ok {
		return v, true
	}
	if v, ok := dayInBrackets(s, i, w); ok {
		return v, true
	}
	if v, ok := dayRange(i, w); ok {
		return v, true
	}
	for _, p := range valuePatterns {
		if !p.may(w) {
			continue
		}
		if v, ok := try(p.kind, p.re, p.key); ok {
			v.kind = p.kind
			if sv, ok := withForeignScale(s, v); ok {
				sv.alt = dotGroupedKey(sv)
				return sv, true
			}
			if p.kind == FactNumber {
				if v, ok := oClock(s, v); ok {
					return v, true
				}
				if tag, ok := partOfName(s, i, i+len(v.text)); ok {
					v.weak, v.tag = true, tag
					return v, true
				}
				if isYear(v.text) && (afterPreposition(s, i) || beforeEvent(s, i, i+len(v.text))) {
					v.kind, v.key = FactDate, v.text
				}
			}
			if p.kind == FactNumber || p.kind == FactMoney {
				v.alt = dotGroupedKey(v)
			}
			return v, true
		}
	}
	if !isASCIIDigit(w[0]) {
		if v, ok := foreignNumber(s, i); ok {
			if tag, ok := partOfName(s, i, i+len(v.text)); ok && !v.weak {
				v.weak, v.tag = true, tag
			}
			return v, true
		}
	}
	if v, ok := weakOne(s, i); ok {
		return v, true
	}
	return value{}, false
}

// withForeignScale extends number v, in digits or English words and with
// no English scale word, with the scale word of another language that
// follows it, read as that language reads it: "3 milliards" and "3
// Milliarden" are 3,000,000,000, "3 mil millones" too, "six millions" (a
// French six) 6,000,000. A sum after its currency sign takes one too:
// "€3 milliards".
func withForeignScale(s string, v value) (value, bool) {
	m, end, ok := foreignScaleAt(s, v.start+len(v.text))
	if !ok {
		return v, false // as after nearly every number: no rational to make
	}
	var r *big.Rat
	cur := ""
	switch {
	case v.kind == FactNumber && strings.IndexFunc(v.text, unicode.IsSpace) < 0:
		r, ok = parseNumber(v.text)
	case v.kind == FactMoney && isASCIIDigit(v.text[len(v.text)-1]):
		var a string
		if cur, a, ok = strings.Cut(v.key, " "); ok {
			r, ok = new(big.Rat).SetString(a)
		}
		cur += " "
	default:
		ok = false
	}
	if !ok {
		return v, false
	}
	v.text, v.key = s[v.start:end], cur+r.Mul(r, new(big.Rat).SetInt64(m)).RatString()
	return v, true
}

// clockTime reads a 24-hour time written as four digits, "0600" or "1830
// GMT": one that starts with a zero, or one followed by a word that only
// follows a time.
func clockTime(s string, i int, w string) (value, bool) {
	if leadingDigits(w) != 4 || !wordBoundaryAt(w, 4) || i > 0 && s[i-1] == '.' {
		return value{}, false
	}
	h, m := int(w[0]-'0')*10+int(w[1]-'0'), int(w[2]-'0')*10+int(w[3]-'0')
	if h > 23 || m > 59 {
		return value{}, false
	}
	if w[0] != '0' {
		next, rest := nextField(w[4:])
		after, _ := nextField(rest)
		if !clockWords[strings.TrimRight(next, ".,;:)")] && !(next == "local" && strings.HasPrefix(after, "time")) {
			return value{}, false // "2005 local elections" is a year
		}
	}
	return value{kind: FactTime, text: w[:4], key: w[:2] + ":" + w[2:4], start: i}, true
}

// dayInBrackets reads an ordinal day of the month in brackets, as a
// date is given after "Sunday" or "this evening": "(20th)".
func dayInBrackets(s string, i int, w string) (value, bool) {
	d := leadingDigits(w)
	if i == 0 || s[i-1] != '(' || d == 0 || d > 2 || len(w) < d+3 || w[d+2] != ')' {
		return value{}, false
	}
	switch w[d : d+2] {
	case "st", "nd", "rd", "th":
	default:
		return value{}, false
	}
	if n, _ := strconv.Atoi(w[:d]); n < 1 || n > 31 {
		return value{}, false
	}
	return value{kind: FactDate, text: w[:d+2], key: "day " + strings.TrimLeft(w[:d], "0"), start: i}, true
}

// dayRange reads a range of days of one month as one date: "6–8
// August", "6-8 August 2021", "6 – 8 August". Read as a number and a
// date, a range that grew by a day ("6–8 August" to "6–9 August") gave
// "8 August → 9 August", which says less than the range does.
func dayRange(i int, w string) (value, bool) {
	d := leadingDigits(w)
	if d == 0 || d > 2 {
		return value{}, false
	}
	p := d
	if p < len(w) && w[p] == ' ' {
		p++
	}
	switch {
	case strings.HasPrefix(w[p:], "-"):
		p++
	case strings.HasPrefix(w[p:], "–"):
		p += len("–")
	default:
		return value{}, false
	}
	if p < len(w) && w[p] == ' ' {
		p++
	}
	if e := leadingDigits(w[p:]); e == 0 || e > 2 {
		return value{}, false
	}
	m := dateDigitRE.FindStringSubmatchIndex(w[p:])
	if m == nil || m[8] < 0 && m[10] < 0 || !endsValue(w, p+m[1]) {
		return value{}, false // the second day must open a date: "8 August"
	}
	key := dateKey(w[p:], m)
	if key == "" {
		return value{}, false
	}
	first, _ := strconv.Atoi(w[:d])
	return value{kind: FactDate, text: w[:p+m[1]], key: "from " + strconv.Itoa(first) + " to " + key, start: i}, true
}

// clockWords follow a time written as four digits.
var clockWords = map[string]bool{"hrs": true, "hours": true, "GMT": true, "UTC": true, "BST": true, "CET": true,
	"CEST": true, "EST": true, "EDT": true, "PST": true, "PDT": true, "Zulu": true}

// oClock makes a number followed by "o'clock" a time.
func oClock(s string, v value) (value, bool) {
	end := v.start + len(v.text)
	rest := s[end:]
	for _, tail := range []string{" o'clock", " o’clock"} {
		if strings.HasPrefix(rest, tail) {
			n, ok := parseNumber(v.text)
			if !ok || !n.IsInt() || n.Num().Int64() < 1 || n.Num().Int64() > 12 {
				return value{}, false
			}
			v.kind, v.text, v.key = FactTime, s[v.start:end+len(tail)], "o'clock "+n.Num().String()
			return v, true
		}
	}
	return value{}, false
}

// dotGroupedKey returns, for a number written with points between groups
// of three digits ("30.000", "1.250.000"), the key it has when the points
// separate thousands, or "".
func dotGroupedKey(v value) string {
	if strings.IndexByte(v.text, '.') < 0 {
		return ""
	}
	lo := strings.IndexFunc(v.text, func(r rune) bool { return r >= '0' && r <= '9' })
	if lo < 0 {
		return ""
	}
	hi := lo
	for hi < len(v.text) && (isASCIIDigit(v.text[hi]) || v.text[hi] == '.' && hi+1 < len(v.text) && isASCIIDigit(v.text[hi+1])) {
		hi++
	}
	run := v.text[lo:hi]
	first := strings.IndexByte(run, '.')
	if first < 0 || first > 3 {
		return ""
	}
	for g := run[first:]; g != ""; g = g[4:] { // ".ddd" groups
		if len(g) < 4 || g[0] != '.' || leadingDigits(g[1:4]) != 3 {
			return ""
		}
	}
	t := v.text[:lo] + strings.ReplaceAll(run, ".", ",") + v.text[hi:]
	if w, ok := valueAt(t, 0); ok && w.kind == v.kind && len(w.text) == len(t) {
		return w.key
	}
	return ""
}

// weakOne reads the word "one" as a weak number where a noun follows it
// ("one case"), not in "one of", "one who", "no one".
func weakOne(s string, i int) (value, bool) {
	if !hasPrefixFold(s[i:], "one ") {
		return value{}, false
	}
	next, _ := nextField(s[i+4:])
	if next == "" || !unicode.IsLower(rune(next[0])) || oneFollowers[next] || strings.EqualFold(lastField(s[:i]), "no") {
		return value{}, false
	}
	return value{kind: FactNumber, text: s[i : i+3], key: "1", start: i, weak: true}, true
}

// oneFollowers are words after which "one" is a pronoun, not a count.
var oneFollowers = map[string]bool{"of": true, "who": true, "that": true, "which": true, "another": true, "day": true,
	"way": true, "is": true, "was": true, "has": true, "had": true, "will": true, "would": true, "can": true, "could": true,
	"in": true, "to": true, "and": true, "or": true}

// maxValueBytes bounds the text a value can span.
const maxValueBytes = 48

// valuePatterns are tried in order at each place a value can start.
var valuePatterns = []struct {
	kind FactKind
	may  func(w string) bool // false where the pattern cannot match: a cheap test run first
	re   *regexp.Regexp
	key  func(string, []int) string
}{
	{FactTime, mayBeTime, timeRE, timeKey},
	{FactDate, mayBeDate, dateRE, dateKey},
	{FactMoney, mayBeMoney, moneyRE, moneyKey},
	{FactPercent, mayBePercent, percentRE, percentKey},
	{FactNumber, mayBeNumber, numberRE, func(s string, m []int) string { return amount(sub(s, m, 1), sub(s, m, 2)) }},
}

// The mayBe tests below each hold wherever their pattern matches at the
// start of w, and fail for most of the places a value can start where it
// does not, so that the pattern, which is far slower to fail, runs less.

// mayBeTime: a time is one or two digits followed by a colon, "a" or "p"
// (after an optional space, and optional minutes after a point), or
// "noon" or "midnight".
func mayBeTime(w string) bool {
	d := leadingDigits(w)
	if d == 0 {
		return hasPrefixFold(w, "noon") || hasPrefixFold(w, "midnight")
	}
	if d > 2 || d == len(w) {
		return false
	}
	j := d
	if w[d] == ':' || w[d] == '.' { // minutes: [0-5]\d
		if !(d+2 < len(w) && w[d+1] >= '0' && w[d+1] <= '5' && isASCIIDigit(w[d+2])) {
			return false
		}
		if w[d] == ':' {
			return true
		}
		j = d + 3 // "6.30pm": a point only before "am" or "pm"
		if j == len(w) {
			return false
		}
	}
	// \s?[ap]\.?m
	if reSpace(w[j]) {
		j++
	}
	if j >= len(w) || w[j]|0x20 != 'a' && w[j]|0x20 != 'p' {
		return false
	}
	if j++; j < len(w) && w[j] == '.' {
		j++
	}
	return j < len(w) && w[j]|0x20 == 'm'
}

// mayBeDate: a date starts with a capital (a month or a weekday), four
// digits and a hyphen, or a day of one or two digits followed by white
// space or an ordinal suffix; the date pattern is case-sensitive.
func mayBeDate(w string) bool {
	d := leadingDigits(w)
	switch {
	case d == 0:
		return startsWithMonthOrDay(w)
	case d == 4:
		return len(w) > 4 && w[4] == '-'
	case d > 2 || d == len(w):
		return false
	}
	// A day: an optional ordinal suffix, white space, an optional "of",
	// then a month, which starts with one of "JFMASOND".
	j := d
	if len(w) >= j+2 && (w[j:j+2] == "st" || w[j:j+2] == "nd" || w[j:j+2] == "rd" || w[j:j+2] == "th") {
		j += 2
	}
	if j+1 >= len(w) || !reSpace(w[j]) {
		return false
	}
	j++
	if strings.HasPrefix(w[j:], "of") && j+3 < len(w) && reSpace(w[j+2]) && strings.IndexByte("JFMASOND", w[j+3]) >= 0 {
		return true
	}
	return strings.IndexByte("JFMASOND", w[j]) >= 0
}

// matchDate matches dateRE at the start of w with the half of it that
// can match there.
func matchDate(w string) []int {
	if isASCIIDigit(w[0]) {
		return dateDigitRE.FindStringSubmatchIndex(w)
	}
	return dateWordRE.FindStringSubmatchIndex(w)
}

// matchNumber matches numberRE at the start of w, which starts with a
// digit, as the pattern does but without its backtracking: it returns the
// submatch indexes FindStringSubmatchIndex would, or nil. Where a scale
// word might hold a letter that only Unicode case folding makes ASCII
// ("thouſand"), it leaves the match to the pattern.
func matchNumber(w string) []int {
	d := leadingDigits(w)
	// \d{1,3}(?:,\d{3})+ comes first: it can only take all of at most three
	// leading digits, then as many groups as there are, or one fewer, after
	// which a comma ends the number.
	if d <= 3 {
		groups := 0
		for p := d + 4*groups; p+4 <= len(w) && w[p] == ',' && leadingDigits(w[p+1:p+4]) == 3; p = d + 4*groups {
			groups++
		}
		if groups > 0 {
			m, fallback := numberTail(w, d+4*groups, false)
			if fallback {
				return numberRE.FindStringSubmatchIndex(w)
			}
			if m != nil {
				return m
			}
			if groups > 1 {
				m, _ := numberTail(w, d+4*(groups-1), false)
				return m
			}
		}
	}
	// \d+: fewer digits would end between two digits, which is no word
	// boundary.
	m, fallback := numberTail(w, d, true)
	if fallback {
		return numberRE.FindStringSubmatchIndex(w)
	}
	return m
}

// numberTail matches what may follow the integer part w[:p] of a number:
// decimals, then a scale word, each taken if the match can end after them
// at a word boundary. CommaDecimal, for an integer part without thousands
// commas, also takes one or two decimals after a comma, as continental
// Europe writes them ("6,2"). fallback asks for the pattern instead.
func numberTail(w string, p int, commaDecimal bool) (m []int, fallback bool) {
	if p+1 < len(w) && w[p] == '.' && isASCIIDigit(w[p+1]) {
		q := p + 1 + leadingDigits(w[p+1:])
		if m, fallback := numberScale(w, q); fallback || m != nil {
			return m, fallback
		}
	}
	if commaDecimal && p+1 < len(w) && w[p] == ',' {
		if k := leadingDigits(w[p+1:]); (k == 1 || k == 2) && wordBoundaryAt(w, p+1+k) {
			return numberScale(w, p+1+k)
		}
	}
	return numberScale(w, p)
}

// numberScale matches an optional scale word after the number w[:e].
func numberScale(w string, e int) (m []int, fallback bool) {
	if e+1 < len(w) && reSpace(w[e]) {
		rest := w[e+1:]
		for _, sc := range []string{"hundred", "thousand", "million", "billion", "trillion"} {
			if hasPrefixFold(rest, sc) {
				if f := e + 1 + len(sc); wordBoundaryAt(w, f) {
					return []int{0, f, 0, e, e, f}, false
				}
				break
			}
		}
		if hasPrefixFold(rest, "thou") && len(rest) > 4 && rest[4] >= utf8.RuneSelf {
			return nil, true
		}
	}
	if wordBoundaryAt(w, e) {
		return []int{0, e, 0, e, -1, -1}, false
	}
	return nil, false
}

// wordBoundaryAt reports whether \b holds at w[p] after a word byte.
func wordBoundaryAt(w string, p int) bool {
	return p == len(w) || !(asciiWord[w[p]&0x7f] && w[p] < utf8.RuneSelf)
}

// monthsAndDays are the names a date can start with, spelt as dateRE does.
var monthsAndDays = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.",
	"Nov.", "Dec.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

func startsWithMonthOrDay(w string) bool {
	if w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, m := range monthsAndDays {
		if strings.HasPrefix(w, m) {
			return true
		}
	}
	return false
}

// mayBeNumber: a number starts with a digit or a number word of wordPat,
// which has no "one".
func mayBeNumber(w string) bool {
	if isASCIIDigit(w[0]) {
		return true
	}
	var buf [16]byte
	word := appendLower(buf[:0], w[:wordEnd(w, 0)])
	if k := bytes.IndexByte(word, '-'); k >= 0 {
		word = word[:k]
	}
	return string(word) != "one" && wordValues[string(word)] != 0
}

// mayBeMoney: a sum starts with a currency sign or code, or names its
// currency in words after the amount.
func mayBeMoney(w string) bool {
	if w[0] == '$' || w[0] >= utf8.RuneSelf {
		return true
	}
	if !isASCIIDigit(w[0]) {
		for _, code := range []string{"us", "a$", "c$", "nz", "hk", "usd", "eur", "gbp"} {
			if hasPrefixFold(w, code) {
				return true
			}
		}
	}
	return hasCurrencyWord(w)
}

// hasCurrencyWord reports whether w holds "dollars", "pounds", "euros" or
// "yen" in any case, as containsFold would for each, in one pass.
func hasCurrencyWord(w string) bool {
	for i := 0; i < len(w); i++ {
		var word string
		switch w[i] | 0x20 {
		case 'd':
			word = "dollars"
		case 'p':
			word = "pounds"
		case 'e':
			word = "euros"
		case 'y':
			word = "yen"
		default:
			continue
		}
		if i+len(word) <= len(w) && asciiEqualFold(w[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// mayBePercent: a percentage has a "%" (or "\\%", as some wiki sources
// escape it) or a "per" after its amount.
func mayBePercent(w string) bool {
	if !isASCIIDigit(w[0]) {
		return strings.IndexByte(w, '%') >= 0 || containsFold(w, "per")
	}
	// The amount takes all of the digits, commas and points it starts
	// with, or the next byte would be none of white space, "%" and "p";
	// then come at most two spaces.
	j := 0
	for j < len(w) && (isASCIIDigit(w[j]) || w[j] == ',' || w[j] == '.') {
		j++
	}
	for k := 0; k < 2 && j < len(w) && reSpace(w[j]); k++ {
		j++
	}
	return j < len(w) && (w[j] == '%' || hasPrefixFold(w[j:], "per") || w[j] == '\\' && j+1 < len(w) && w[j+1] == '%')
}

// leadingDigits returns the number of ASCII digits w starts with.
func leadingDigits(w string) int {
	d := 0
	for d < len(w) && isASCIIDigit(w[d]) {
		d++
	}
	return d
}

// reSpace reports whether c is white space as \s matches it.
func reSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// hasPrefixFold reports whether s starts with the lowercase ASCII prefix,
// in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && asciiEqualFold(s[:len(prefix)], prefix)
}

// containsFold reports whether s holds the lowercase ASCII word sub, in
// any case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0] && asciiEqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// asciiEqualFold compares s with the lowercase ASCII lower, ignoring the
// case of s's ASCII letters.
func asciiEqualFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// canStartValue reports whether a value can start at s[i]: at the start of
// a word (or a currency sign) that is a digit, a currency, a month, a
// weekday, a number word, "noon" or "midnight".
func canStartValue(s string, i int) bool {
	c := s[i]
	if wordBefore(s, i) {
		return false
	}
	switch {
	case c >= '0' && c <= '9', c == '$':
		return true
	case c >= utf8.RuneSelf:
		return strings.HasPrefix(s[i:], "£") || strings.HasPrefix(s[i:], "€") || strings.HasPrefix(s[i:], "¥")
	case !isWordByte(c):
		return false
	}
	if !startLetters[c] {
		return false
	}
	word := s[i:wordEnd(s, i)]
	if inWordSet(startKeys, startWords, word) {
		return true
	}
	if e := i + len(word); e < len(s) && s[e] >= utf8.RuneSelf {
		word = s[i:letterEnd(s, i)] // "fünf", "três"
	}
	if k := strings.IndexByte(word, '-'); k >= 0 {
		word = word[:k]
	}
	return inWordSet(valueKeys, valueWordSet, word)
}

// startKeys and valueKeys hold the words of startWords and wordValues of
// up to 8 bytes, in lower case and in capitals, packed into a number,
// which is faster to look up than a string for every word of a text.
var startKeys, valueKeys = packedKeys(startWords), packedKeys(valueWordSet)

func packedKeys(words map[string]bool) map[uint64]bool {
	m := make(map[uint64]bool, len(words))
	for w := range words {
		// packLower lowers only ASCII letters: "TRÊS" needs a key of its own.
		for _, form := range []string{w, strings.ToUpper(w)} {
			if len(form) <= 8 {
				m[packLower(form)] = true
			}
		}
	}
	return m
}

// packLower packs the ASCII word w of at most 8 bytes, lowercased, into a
// number; no letter is zero, so words of different lengths differ.
func packLower(w string) uint64 {
	var k uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		k = k<<8 | uint64(c)
	}
	return k
}

// inWordSet reports whether the word w, lowercased, is in words, whose
// words of up to 8 bytes are packed in keys, in lower case and in
// capitals ("três", "TRÊS"). A longer word not found that holds a letter
// outside ASCII is lowercased as Unicode does it and looked up again:
// "DIECISÉIS" is "dieciséis".
func inWordSet(keys map[uint64]bool, words map[string]bool, w string) bool {
	if len(w) <= 8 {
		return keys[packLower(w)]
	}
	return len(w) <= maxSetWord && inLongWords(words, w)
}

// inLongWords is inWordSet for a word of more than 8 bytes.
func inLongWords(words map[string]bool, w string) bool {
	var buf [maxSetWord]byte
	var high byte // every byte of w ORed: its top bit is set outside ASCII
	for i := 0; i < len(w); i++ {
		c := w[i]
		high |= c
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if words[string(buf[:len(w)])] {
		return true
	}
	return high >= utf8.RuneSelf && words[string(appendFold(buf[:0], w))]
}

// maxSetWord is the length in bytes of the longest word of the word sets
// ("siebenunddreißig"), or more (TestEveryNumberWordIsFound).
const maxSetWord = 24

// appendLower appends s, ASCII letters lowercased, to b.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// appendFold appends s, lowercased, to b: ASCII letters byte by byte, and
// from its first byte outside ASCII on, each letter as Unicode lowercases
// it, so that a word in capitals reads as in lower case ("MILHÕES" as
// "milhões", "MILLÓN" as "millón").
func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return b
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// startLetters holds the first letters, in either case, of startWords and
// valueWordSet.
var startLetters = func() (t [utf8.RuneSelf]bool) {
	for _, m := range []map[string]bool{startWords, valueWordSet} {
		for w := range m {
			t[w[0]], t[w[0]-'a'+'A'] = true, true
		}
	}
	return t
}()

// valueWordSet is the set of the keys of wordValues and of the number
// words of the other languages.
var valueWordSet = func() map[string]bool {
	m := make(map[string]bool, len(wordValues)+len(foreignNumberWordSet))
	for w := range wordValues {
		m[w] = true
	}
	for w := range foreignNumberWordSet {
		m[w] = true
	}
	return m
}()

// startWords are the words other than numbers a value can start with.
var startWords = map[string]bool{"noon": true, "midnight": true, "usd": true, "eur": true, "gbp": true, "us": true,
	"a": true, "c": true, "nz": true, "hk": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// wordEnd returns the end of the run of letters, digits and hyphens at i.
func wordEnd(s string, i int) int {
	for i < len(s) && (isWordByte(s[i]) && s[i] < utf8.RuneSelf || s[i] == '-') {
		i++
	}
	return i
}

// nextWordStart returns the position after the token at i. A letter of
// a script written without spaces is a token of its own.
func nextWordStart(s string, i int) int {
	if isWordByte(s[i]) && !spacelessAt(s, i) && !punctAt(s, i) {
		// spacelessAt and punctAt are false below 0xC0, tested first for
		// they are not inlined.
		for i < len(s) && isWordByte(s[i]) && (s[i] < 0xC0 || !spacelessAt(s, i) && !punctAt(s, i)) {
			i++
		}
		return i
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}

// endsValue reports whether a match ending at w[end] does not cut a word.
func endsValue(w string, end int) bool {
	return end == len(w) || !isWordByte(w[end]) || w[end-1] == '.' || spacelessAt(w, end) || punctAt(w, end)
}

// punctAt reports whether s[i:] starts with a rune past ASCII that is no
// letter, digit or mark: a dash, a curly quote, an ellipsis, a per-mille
// sign. isWordByte takes every byte past ASCII for a letter's, and such a
// rune parts words as ASCII punctuation does: "2–3%", "6–8 August",
// "said—30", "‘30 days’", "€30m…".
func punctAt(s string, i int) bool {
	if s[i] < 0xC0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
}

// spacelessAt reports whether s[i:] starts with a letter of a script
// written without spaces between words (Han, kana, Thai: each a word of
// its own, as CountWords counts them). A number written against one
// ("至少12人", "5時間後") is a count among words, not glued into a name.
func spacelessAt(s string, i int) bool {
	if s[i] < 0xE0 { // those scripts' letters take three or four bytes
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isSingleRuneWord(r)
}

// wordBefore reports whether s[i] goes on a word that runs into it: a
// word byte stands before it, and not the last byte of a letter of a
// script written without spaces.
func wordBefore(s string, i int) bool {
	if i == 0 || !isWordByte(s[i-1]) {
		return false
	}
	if s[i-1] >= 0xC0 || s[i-1] < utf8.RuneSelf {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !isSingleRuneWord(r)
}

func isYear(t string) bool {
	if len(t) != 4 {
		return false
	}
	n, err := strconv.Atoi(t)
	return err == nil && n >= 1800 && n <= 2099
}

// afterPreposition reports whether the word before s[i] is one that puts
// a year on its own ("in 2019", "since 2015").
func afterPreposition(s string, i int) bool {
	w := lastField(s[max(0, i-12):i])
	return w != "" && yearPrepositions[strings.ToLower(w)]
}

// beforeEvent reports whether the year s[i:end] comes before a word that
// names what happened in it ("the 2021 season", "the 2020 election"), or
// between "the" and a name ("the 1970 October Crisis", "the 2018 World
// Cup"): a count of those ("the 2000 seasons", "2000 Syrians") is not
// written so.
func beforeEvent(s string, i, end int) bool {
	w, _ := nextField(s[end:])
	w = strings.TrimRight(w, ".,;:!?)'’\"")
	if eventNouns[strings.ToLower(w)] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	before := lastField(s[max(0, i-8):i])
	return unicode.IsUpper(r) && (before == "the" || before == "The")
}

var eventNouns = map[string]bool{"season": true, "election": true, "elections": true, "campaign": true, "census": true,
	"budget": true, "olympics": true, "olympic": true, "games": true, "tournament": true, "championship": true,
	"championships": true, "crisis": true, "referendum": true, "summit": true, "edition": true, "festival": true,
	"final": true, "general": true, "presidential": true, "midterm": true, "midterms": true}

var yearPrepositions = map[string]bool{"in": true, "since": true, "until": true, "by": true, "from": true, "before": true,
	"after": true, "of": true, "early": true, "late": true, "mid-": true, "to": true, "between": true, "and": true}

// sub returns submatch k of m in s, or "".
func sub(s string, m []int, k int) string {
	if m[2*k] < 0 {
		return ""
	}
	return s[m[2*k]:m[2*k+1]]
}

// amount normalises a number and an optional scale word ("2.5",
// " million") to an exact rational, written in lowest terms.
func amount(num, scale string) string {
	if scale == "" && num != "" && leadingDigits(num) == len(num) {
		// A whole number, the most common value: its digits are its key.
		if t := strings.TrimLeft(num, "0"); t != "" {
			return t
		}
		return "0"
	}
	r, ok := parseNumber(num)
	if !ok {
		return ""
	}
	if m, ok := scales[strings.ToLower(strings.TrimSpace(scale))]; ok {
		r.Mul(r, new(big.Rat).SetInt64(m))
	}
	return r.RatString()
}

var scales = map[string]int64{"": 1, "hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
	"billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}

var wordValues = map[string]int64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "one": 1}

// parseNumber reads digits with optional thousands commas and decimals
// (after a point, or one or two after a comma: "6,2" is 6.2), or an
// English number word from two to ninety-nine.
func parseNumber(s string) (*big.Rat, bool) {
	s = strings.ToLower(s)
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		if i := strings.LastIndexByte(s, ','); i >= 0 && len(s)-i-1 < 3 {
			s = s[:i] + "." + s[i+1:]
		}
		return new(big.Rat).SetString(strings.ReplaceAll(s, ",", ""))
	}
	tens, units, _ := strings.Cut(s, "-")
	n, ok := wordValues[tens]
	if units != "" {
		u, ok2 := wordValues[units]
		n, ok = n+u, ok && ok2
	}
	return new(big.Rat).SetInt64(n), ok
}

// timeKey writes a time as 24-hour "HH:MM".
func timeKey(s string, m []int) string {
	switch {
	case m[12] >= 0:
		if strings.EqualFold(sub(s, m, 6), "noon") {
			return "12:00"
		}
		return "00:00"
	case m[8] >= 0:
		h, _ := strconv.Atoi(sub(s, m, 4))
		return twoDigits(h) + ":" + sub(s, m, 5)
	}
	h, _ := strconv.Atoi(sub(s, m, 1))
	if h < 1 || h > 12 {
		return ""
	}
	mins := cmpOr(sub(s, m, 2), "00")
	h %= 12
	if strings.EqualFold(sub(s, m, 3), "p") {
		h += 12
	}
	return twoDigits(h) + ":" + mins
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// dateKey writes a date as "Y-M-D", "M-D", "Y-M" or a weekday; a year
// alone is found as a number after "in", "since"… (see valueAt).
func dateKey(s string, m []int) string {
	switch {
	case m[2] >= 0: // March 5, 2024
		return joinDate(sub(s, m, 3), month(sub(s, m, 1)), sub(s, m, 2))
	case m[8] >= 0: // 5 March 2024
		return joinDate(sub(s, m, 6), month(sub(s, m, 5)), sub(s, m, 4))
	case m[14] >= 0: // March 2024
		return sub(s, m, 8) + "-" + month(sub(s, m, 7))
	case m[18] >= 0: // 2024-03-05
		return joinDate(sub(s, m, 9), strings.TrimLeft(sub(s, m, 10), "0"), sub(s, m, 11))
	}
	return strings.ToLower(sub(s, m, 12))
}

func joinDate(year, month, day string) string {
	d := strings.TrimLeft(day, "0")
	if year == "" {
		return month + "-" + d
	}
	return year + "-" + month + "-" + d
}

// month returns the number of a month name or abbreviation.
func month(name string) string {
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(strings.ToLower(name), m) {
			return strconv.Itoa(i + 1)
		}
	}
	return ""
}

// moneyKey writes a sum as a currency code and an exact amount.
func moneyKey(s string, m []int) string {
	if m[2] >= 0 {
		cur := currencies[strings.ToUpper(strings.TrimSpace(sub(s, m, 1)))]
		a := amount(sub(s, m, 2), sub(s, m, 3))
		if a == "" {
			return ""
		}
		return cur + " " + a
	}
	a := amount(sub(s, m, 4), sub(s, m, 5))
	if a == "" {
		return ""
	}
	return currencies[strings.ToUpper(sub(s, m, 6))] + " " + a
}

var currencies = map[string]string{"$": "USD", "US$": "USD", "USD": "USD", "DOLLARS": "USD", "US DOLLARS": "USD",
	"A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "£": "GBP", "GBP": "GBP", "POUNDS": "GBP",
	"€": "EUR", "EUR": "EUR", "EUROS": "EUR", "¥": "JPY", "YEN": "JPY"}

// percentKey writes a percentage as an exact amount with "%", or "pp"
// for percentage points, which are not the same thing.
func percentKey(s string, m []int) string {
	a := amount(sub(s, m, 1), "")
	if a == "" {
		return ""
	}
	if strings.Contains(strings.ToLower(sub(s, m, 2)), "point") {
		return a + "pp"
	}
	return a + "%"
}

// nameWords are words that a number after them names rather than counts.
var nameWords = map[string]bool{"route": true, "highway": true, "interstate": true, "flight": true, "boeing": true,
	"airbus": true, "apollo": true, "chapter": true, "section": true, "article": true, "room": true, "gate": true,
	"platform": true, "bus": true, "no.": true, "number": true, "channel": true, "line": true, "proposition": true,
	"prop.": true, "amendment": true, "title": true, "ward": true, "district": true, "precinct": true, "unit": true,
	"terminal": true, "pier": true, "exit": true, "suite": true, "building": true, "track": true, "model": true,
	"version": true, "series": true, "level": true, "stage": true, "phase": true, "game": true, "week": true,
	"round": true, "act": true, "resolution": true, "bill": true, "rule": true, "form": true, "category": true,
	"grade": true, "class": true, "lane": true, "pier no.": true, "windows": true, "iphone": true, "galaxy": true,
	"tier": true, "cycle": true, "page": true, "paragraph": true, "clause": true, "episode": true, "season": true,
	"volume": true, "vol.": true, "runway": true, "sector": true, "zone": true, "block": true, "floor": true,
	"seat": true, "row": true, "car": true, "train": true, "type": true, "mark": true, "part": true,
	"f-": true, "mig-": true, "su-": true, "covid-": true}

// streetWords follow a house number in an address.
var streetWords = []string{"Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Lane", "Boulevard", "Blvd.", "Drive", "Place", "Square"}

// partOfName reports whether the number at s[lo:hi] is part of a name or
// a code rather than a count, and gives the word before it as its tag: a
// number glued to letters ("G7", "5G", "COVID-19", "B.1.1.7"), after a
// capitalised word inside the sentence ("Boeing 737", "Level 3", "a Cessna
// 150") or a word such as "route" or "tier", or a house number.
func partOfName(s string, lo, hi int) (tag string, ok bool) {
	before, _ := utf8.DecodeLastRuneInString(s[:lo])
	after, _ := utf8.DecodeRuneInString(s[hi:])
	if gluedLetter(after) || gluedLetter(before) || after == '-' && hi+1 < len(s) && isASCIIDigit(s[hi+1]) {
		return "", true
	}
	if (before == '-' || before == '.') && lo >= 2 {
		prev, _ := utf8.DecodeLastRuneInString(s[:lo-1])
		if unicode.IsLetter(prev) || before == '.' && isASCIIDigit(s[lo-2]) {
			return "", true
		}
	}
	if after == '.' && hi+1 < len(s) && isASCIIDigit(s[hi+1]) { // "1.1" of "B.1.1.7"
		return "", true
	}
	if before == '#' {
		return "", true
	}
	w := lastField(s[:lo])
	if w != "" && nameWords[strings.ToLower(w)] {
		return strings.ToLower(w), true
	}
	if isASCIIDigit(s[lo]) && nameHead(s[:lo], w) {
		return w, true
	}
	rest := s[hi:]
	for k := 0; k < 3; k++ {
		var w string
		if w, rest = nextField(rest); w == "" {
			break
		}
		if slices.Contains(streetWords, strings.TrimRight(w, ",")) {
			return "", k > 0
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			break
		}
	}
	return "", false
}

// gluedLetter reports whether r, right before or after a number, glues it
// into a name: a letter, but not one of a script written without spaces,
// where every number stands against letters.
func gluedLetter(r rune) bool {
	return unicode.IsLetter(r) && !isSingleRuneWord(r)
}

// nameHead reports whether w, the word right before a number at the end
// of head, is a capitalised word inside the sentence, all letters, that is
// not a word a count can follow ("In", "About", a weekday or a month):
// "Boeing 737", "Level 3".
func nameHead(head, w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || countHeads[w] || slices.Contains(monthsAndDays, w) {
		return false // "said Tuesday 12 people were hurt"
	}
	for i := 1; i < len(w); i++ {
		if !(w[i] >= 'a' && w[i] <= 'z' || w[i] >= 'A' && w[i] <= 'Z') {
			return false
		}
	}
	rest := strings.TrimRightFunc(head[:len(strings.TrimRightFunc(head, unicode.IsSpace))-len(w)], unicode.IsSpace)
	if rest == "" || strings.ContainsRune(".!?:\"“”(—–-", rune(rest[len(rest)-1])) {
		return false // the sentence, a clause or a quotation starts with w
	}
	return true
}

// countHeads are capitalised words that a count, a year or a day can
// follow.
var countHeads = map[string]bool{"In": true, "On": true, "At": true, "By": true, "About": true, "Over": true,
	"Nearly": true, "Some": true, "All": true, "The": true, "And": true, "Of": true, "To": true, "From": true,
	"Since": true, "Until": true, "For": true, "With": true, "Only": true, "Around": true, "Almost": true,
	"Least": true, "Than": true, "Top": true, "Kills": true, "Killed": true, "Dead": true, "Dies": true, "Hurt": true,
	"Injured": true, "Wins": true, "Win": true, "Up": true, "Down": true, "To-": true, "Jan": true, "Feb": true,
	"Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Aged": true}

// lastField returns the last of strings.Fields(s), or "", without
// splitting all of s.
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	return s[start:end]
}

// nextField returns the first of strings.Fields(s), or "", and what
// follows it.
func nextField(s string) (field, rest string) {
	start := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	end := strings.IndexFunc(s[start:], unicode.IsSpace)
	if end < 0 {
		return s[start:], ""
	}
	return s[start : start+end], s[start+end:]
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// quoteRE is what replaceQuotes removes from a sentence before its
// speaker is looked for; the tests hold the one to the other.
var quoteRE = regexp.MustCompile(`“([^”]*)”?|"([^"]*)"?`)

// findQuotes returns the direct quotations of s, without their quote marks
// and a trailing comma, of three words or more (a quoted word or two is a
// title or a scare quote, not a quotation), and not a title in capitals
// ("2008 Young Designers Competition"). Straight and typographic marks
// pair alike; a straight mark opens where it follows a space or starts
// the sentence and closes where a space or punctuation follows it. A mark
// left open runs to the end of the sentence, as a quotation of several
// sentences does, unless another opens before it closes or it stands
// with space on both sides: then it was a stray mark. A closing mark with no opening one closes a quotation that
// began in an earlier sentence only where an attribution follows it
// (`We will not give up," she said.`).
func findQuotes(s string) []string {
	if strings.IndexByte(s, '"') < 0 && !hasTypographicQuote(s) {
		return nil
	}
	var out []string
	add := func(q string) {
		q = strings.TrimRight(strings.TrimSpace(q), ", ")
		if CountWords(q) >= 3 && !isTitle(q) {
			out = append(out, q)
		}
	}
	open := -1 // where the open quotation's text starts
	opener := rune(0)
	marks := 0      // marks seen
	unsure := false // whether the open mark had space on both sides or none
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '"' && !isTypographicQuote(r) {
			i += size
			continue
		}
		marks++
		// “ opens in English and closes German „…“.
		opens := r == '“' && !(open >= 0 && opener == '„') || r == '«' || r == '„' || r == '「' || r == '『'
		if r == '"' {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			spaceBefore := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–/", prev)
			spaceAfter := i+size == len(s) || unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)]}—–", next)
			switch {
			case spaceBefore && !spaceAfter:
				opens = true
			case !spaceBefore && spaceAfter:
				opens = false
			default:
				opens = open < 0
			}
			unsure = opens && spaceBefore == spaceAfter
		} else if opens {
			unsure = false
		}
		switch {
		case opens:
			open, opener = i+size, r
		case open >= 0:
			add(s[open:i])
			open = -1
		case marks == 1 && hasSayingVerb(s[i+size:]):
			add(s[:i])
		}
		i += size
	}
	if open >= 0 && !unsure { // a lone mark with space on both sides is stray
		add(s[open:])
	}
	return out
}

// isTypographicQuote reports whether r is a quote mark other than the
// straight one: English “ ”, French and Spanish « », German „ (which “
// closes) and Japanese 「」『』.
func isTypographicQuote(r rune) bool {
	switch r {
	case '“', '”', '«', '»', '„', '「', '」', '『', '』':
		return true
	}
	return false
}

// hasTypographicQuote reports whether s holds a mark isTypographicQuote
// knows: all but « and » start with byte 0xE2 or 0xE3, those with 0xC2.
// Runs of ASCII, which hold none, are passed over 8 bytes at a time.
func hasTypographicQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		for i+8 <= len(s) && load64(s, i)&highBits == 0 {
			i += 8
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c == 0xE2 || c == 0xE3 || c == 0xC2 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); isTypographicQuote(r) {
				return true
			}
		}
	}
	return false
}

// titleSmallWords may stand in lower case inside a title.
var titleSmallWords = map[string]bool{"of": true, "the": true, "and": true, "a": true, "an": true, "in": true,
	"on": true, "for": true, "to": true, "at": true, "de": true, "or": true}

// isTitle reports whether every word of q is capitalised, a number or a
// small word: a name or a title in quote marks, not something said.
func isTitle(q string) bool {
	capitals := 0
	for rest := q; rest != ""; {
		var w string
		if w, rest = nextField(rest); w == "" {
			break
		}
		w = strings.Trim(w, ".,;:!?'’()[]")
		if w == "" || titleSmallWords[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capitals++
		case unicode.IsDigit(r) || !unicode.IsLetter(r):
		default:
			return false
		}
	}
	return capitals > 0
}

// quoteKey is what quotes compare by: their words in Normalization Form
// C, lowercased, apostrophes dropped, so that punctuation, case, white
// space and normalization edits give no flag.
func quoteKey(q string) string {
	if !isNFC(q) {
		q = canonical(q)
	}
	if strings.ContainsAny(q, "'’") {
		q = apostrophes.Replace(q)
	}
	var b strings.Builder
	b.Grow(len(q))
	for _, t := range tokenize(q, 0, nil) {
		if t.kind == kindWord {
			b.WriteString(strings.ToLower(q[t.start:t.end]))
			b.WriteByte(' ')
		}
	}
	return b.String()
}

var apostrophes = strings.NewReplacer("'", "", "’", "")

// The attribution patterns, built from the English verbs of speech of
// internal/text: a name before any of them ("the mayor said", "Lee told
// reporters"), after one that does not take the listener after it ("said
// Jane Lee", not "told reporters"), or after "according to". Speaker
// matches the last two with afterFirstForm, which the tests hold to them.
var (
	saidAfterRE   = regexp.MustCompile(`\b(?:` + verbAlternation(false) + `)\s+(.*)`)
	saidBeforeRE  = regexp.MustCompile(`((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+(?:` + verbAlternation(true) + `)\b`)
	accordingToRE = regexp.MustCompile(`\baccording to\s+(.*)`)
)

// verbAlternation returns the English verbs of speech as alternatives of
// a pattern, those that take the listener after them only when
// toListener.
func verbAlternation(toListener bool) string {
	var forms []string
	for _, v := range text.SpeechVerbs("en") {
		if toListener || !v.ToListener {
			forms = append(forms, regexp.QuoteMeta(v.Form))
		}
	}
	return strings.Join(forms, "|")
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true, "who": true,
	"He": true, "She": true, "They": true, "It": true, "We": true, "I": true, "You": true, "Who": true}

// speaker returns who s says spoke its quotation: the name before "said"
// or "told" ("The mayor said", "Jane Smith told reporters"), after "said"
// or "added" ("said Jane Smith"), or after "according to"; "" when only a
// pronoun or nothing names them.
func speaker(s string) string {
	if !hasSayingVerb(s) {
		return ""
	}
	bare := replaceQuotes(s)
	// The matches of saidBeforeRE in turn, as FindAllStringSubmatch would
	// give them, until one names someone; each is looked for only in the
	// few words before the next verb, where it must lie, for the pattern
	// is slow to scan a long sentence.
	for from, after := 0, 0; ; {
		q, end := saidBeforeWindow(bare, after)
		if q < 0 {
			break
		}
		q = max(q, from)
		m := saidBeforeRE.FindStringSubmatchIndex(bare[q:end])
		if m == nil {
			after = end // that verb ends no match: look after it
			continue
		}
		verb := strings.TrimSpace(bare[q+m[3] : q+m[1]])
		if name := speakerBefore(strings.Fields(bare[q+m[2]:q+m[3]]), verb); name != "" {
			return name
		}
		from, after = q+m[1], q+m[1]
	}
	for _, forms := range [][]string{saidAfterVerbs, {"according to"}} {
		if rest, ok := afterFirstForm(bare, forms); ok {
			if name := nameAfter(strings.Fields(rest)); name != "" {
				return name
			}
		}
	}
	return ""
}

// saidAfterVerbs are the alternatives of saidAfterRE, in its order.
var saidAfterVerbs = func() []string {
	var forms []string
	for _, v := range text.SpeechVerbs("en") {
		if !v.ToListener {
			forms = append(forms, v.Form)
		}
	}
	return forms
}()

// afterFirstForm finds what `\b(?:form1|form2|…)\s+(.*)` finds in s, as
// saidAfterRE and accordingToRE did, without the regexp, which is slow to
// scan a long sentence: the leftmost place where a form starts at a word
// boundary and white space follows it, the form listed first where two
// start there. It returns the submatch, the rest of the line after that
// white space, and whether there was a match. The forms start with an
// ASCII letter, so the boundary is where no ASCII word byte precedes.
func afterFirstForm(s string, forms []string) (string, bool) {
	k, kf := -1, ""
	for _, f := range forms {
		for at := 0; at < len(s) && (k < 0 || at <= k); {
			i := strings.Index(s[at:], f)
			if i < 0 {
				break
			}
			i += at
			if k >= 0 && i >= k {
				break // a form listed earlier starts there or sooner
			}
			if (i == 0 || !isASCIIWordByte(s[i-1])) && i+len(f) < len(s) && reSpace(s[i+len(f)]) {
				k, kf = i, f
				break
			}
			at = i + 1
		}
	}
	if k < 0 {
		return "", false
	}
	q := k + len(kf)
	for q < len(s) && reSpace(s[q]) {
		q++
	}
	rest := s[q:]
	if e := strings.IndexByte(rest, '\n'); e >= 0 {
		rest = rest[:e]
	}
	return rest, true
}

// isASCIIWordByte reports whether c is one of the bytes of the regexp
// class \w.
func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// replaceQuotes returns quoteRE.ReplaceAllString(s, " Q ") without the
// regexp, whose every search of a sentence without a quote mark tries
// each of its bytes: each quotation, from its opening mark (“ or ") to
// the first closing one after it (” or ") or else to the end of s,
// becomes " Q ".
func replaceQuotes(s string) string {
	i := strings.IndexAny(s, "\"“")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		b.WriteString(" Q ")
		open, closing := `"`, `"`
		if s[i] != '"' {
			open, closing = "“", "”"
		}
		s = s[i+len(open):]
		j := strings.Index(s, closing)
		if j < 0 {
			return b.String()
		}
		s = s[j+len(closing):]
		i = strings.IndexAny(s, "\"“")
	}
	b.WriteString(s)
	return b.String()
}

// saidBeforeVerbs are the verbs saidBeforeRE ends with.
var saidBeforeVerbs = func() []string {
	var forms []string
	for _, v := range text.SpeechVerbs("en") {
		forms = append(forms, v.Form)
	}
	return forms
}()

// saidBeforeWindow returns the stretch s[q:end] that holds the first
// match of saidBeforeRE ending at the first verb at or after from that
// white space precedes, if there is one: the pattern is up to six runs of
// the bytes [\w'’.-] apart by white space, then white space and the verb,
// and the rune after the verb, which \b reads. q is -1 when no verb is
// left. No match starts before q: one that ended at a later verb and
// started sooner would reach this verb in fewer words, and end there.
func saidBeforeWindow(s string, from int) (q, end int) {
	k, kv := -1, "" // the first verb after white space
	for _, v := range saidBeforeVerbs {
		for at := from; at < len(s) && (k < 0 || at < k); {
			i := strings.Index(s[at:], v)
			if i < 0 {
				break
			}
			if i += at; i > 0 && reSpace(s[i-1]) {
				if k < 0 || i < k || i == k && len(v) > len(kv) { // "saying", not "say"
					k, kv = i, v
				}
				break
			}
			at = i + 1
		}
	}
	if k < 0 {
		return -1, 0
	}
	end = k + len(kv)
	if end < len(s) {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	q = k
	for n := 0; n < 6; n++ {
		i := q
		for i > 0 && reSpace(s[i-1]) {
			i--
		}
		if i == q && n > 0 {
			break // a run of word bytes needs white space before the next
		}
		j := i
		for j > 0 {
			switch {
			case saidWordByte(s[j-1]):
				j--
				continue
			case j >= 3 && s[j-3:j] == "’":
				j -= 3
				continue
			}
			break
		}
		if j == i {
			break
		}
		q = j
	}
	return q, end
}

// saidWordByte reports whether c is one of the ASCII bytes of [\w'.-].
func saidWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '\'' || c == '.' || c == '-'
}

// sayingVerbs are the words one of which every attribution pattern needs,
// as the patterns spell them.
var sayingVerbs = append(slices.Clip(saidBeforeVerbs), "according to")

// hasSayingVerb reports whether s holds a verb of saying: without one no
// attribution pattern can match, and the patterns are slow to fail. It
// reads s once, trying at each byte only the verbs that start with it,
// rather than searching s for each of the forty verbs in turn.
func hasSayingVerb(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		for _, v := range sayingVerbsByFirst[s[i]] {
			if s[i+1] == v[1] && strings.HasPrefix(s[i:], v) {
				return true
			}
		}
	}
	return false
}

// sayingVerbsByFirst lists sayingVerbs by their first byte.
var sayingVerbsByFirst = func() (t [256][]string) {
	for _, v := range sayingVerbs {
		t[v[0]] = append(t[v[0]], v)
	}
	return t
}()

// speakerBefore takes the name in ws, the words before verb, a verb of
// saying, as nameBefore does, past the auxiliaries that stand between a
// speaker and the verb: "the mayor is saying", "was telling", "has said",
// "had told", "has been saying", "would have said". A form of "be" before
// any form but the -ing one makes the verb passive, and the one before it
// no speaker: "Lee was told", "it is said".
func speakerBefore(ws []string, verb string) string {
	k := len(ws)
	if k > 0 && beForms[ws[k-1]] {
		if !strings.HasSuffix(verb, "ing") || ws[k-1] == "being" {
			return ""
		}
		k-- // "is saying", "has been telling"
	}
	if k > 0 && haveForms[ws[k-1]] {
		k-- // "has said", "will have told"
	}
	if k > 0 && modalVerbs[ws[k-1]] {
		k-- // "will say", "would have said", "did say"
	}
	if k == 0 {
		return ""
	}
	return nameBefore(ws[:k])
}

// beForms, haveForms and modalVerbs are the English auxiliaries, in lower
// case only: "Will" and "May" are names as often.
var (
	beForms    = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}
	haveForms  = map[string]bool{"has": true, "have": true, "had": true}
	modalVerbs = map[string]bool{"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true,
		"may": true, "might": true, "must": true, "do": true, "does": true, "did": true}
)

// nameBefore takes the name that ends right before a verb of saying: the
// run of capitalised words before it, or "the" and the words after it
// ("the mayor"); a pronoun is no name.
func nameBefore(ws []string) string {
	k := len(ws)
	for k > 0 && isCapitalised(ws[k-1]) && !strings.HasSuffix(ws[k-1], ",") && ws[k-1] != "Q" {
		k--
	}
	if k == len(ws) { // no capitalised run: "the mayor", "the city's police chief"
		for k = len(ws) - 1; !strings.EqualFold(ws[k], "the"); k-- {
			if k == 0 || strings.HasSuffix(ws[k-1], ",") || ws[k-1] == "Q" || len(ws)-k >= 4 {
				return ""
			}
		}
	}
	if k > 0 && strings.EqualFold(ws[k-1], "the") {
		k--
	}
	// A connective or an adverb of time that opens the sentence is
	// capitalised there, and is no part of the name after it ("However
	// Wall has admitted…", "Later Mayor Lee said…").
	for k < len(ws)-1 && (k == 0 || strings.HasSuffix(ws[k-1], ",")) && sentenceOpeners[strings.ToLower(strings.TrimSuffix(ws[k], ","))] {
		k++
	}
	name := strings.Join(ws[k:], " ")
	if pronouns[name] {
		return ""
	}
	return name
}

// sentenceOpeners are English connectives and adverbs of time that open
// a sentence before its subject, with or without a comma.
var sentenceOpeners = map[string]bool{"however": true, "but": true, "and": true, "yet": true, "still": true,
	"meanwhile": true, "also": true, "now": true, "then": true, "later": true, "earlier": true, "instead": true,
	"separately": true, "previously": true, "today": true, "yesterday": true, "so": true, "finally": true}

// connectors may sit inside a name ("Secretary of State").
var connectors = map[string]bool{"of": true, "for": true, "de": true, "van": true, "von": true, "al": true, "bin": true, "and": false}

// stopWords end a name found after a verb of saying.
var stopWords = map[string]bool{"on": true, "in": true, "at": true, "that": true, "after": true, "before": true, "during": true,
	"when": true, "as": true, "while": true, "to": true, "from": true, "and": true, "but": true, "who": true, "Q": true, "in a": true}

// nameAfter takes the name that starts right after a verb of saying: "the"
// and the words after it, or a run of capitalised words, up to a
// preposition or the end of the clause.
func nameAfter(ws []string) string {
	if len(ws) > 0 && ws[0] == "by" {
		return "" // who reports the words: "quoted as saying by Reuters"
	}
	var out []string
	lead := 0 // a lowercase title before a name: "union leader Tom Reed"
	for lead < len(ws) && lead < 2 && !isCapitalised(ws[lead]) && !stopWords[ws[lead]] && !strings.EqualFold(ws[lead], "the") {
		lead++
	}
	if lead > 0 && (lead == len(ws) || !isCapitalised(ws[lead])) {
		return ""
	}
	out, ws = append(out, ws[:lead]...), ws[lead:]
	for i, w := range ws {
		bare := strings.TrimRight(w, ".,;:!?")
		switch {
		case i == 0 && !isCapitalised(w) && !strings.EqualFold(bare, "the"):
			return ""
		case stopWords[bare] || pronouns[bare] && i == 0:
			return strings.Join(out, " ")
		case !isCapitalised(w) && !connectors[bare] && !strings.EqualFold(out0(out), "the") && i > 0:
			return strings.Join(trimConnectors(out), " ")
		}
		out = append(out, bare)
		if bare != w && !isInitial(w) { // the clause or the sentence ends here
			break
		}
	}
	return strings.Join(trimConnectors(out), " ")
}

func out0(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}

func trimConnectors(ws []string) []string {
	for len(ws) > 0 && connectors[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// isInitial reports whether w is an initial such as "J.".
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// negations returns the negating words of s: not, no, never, cannot and
// words ending in n't; "No." before a number is an abbreviation.
func negations(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isWordByte(s[j]) || s[j] == '\'' || strings.HasPrefix(s[j:], "’")) {
			if s[j] >= utf8.RuneSelf {
				_, size := utf8.DecodeRuneInString(s[j:])
				j += size
				continue
			}
			j++
		}
		w := s[i:j]
		if isNegation(w) && !(strings.EqualFold(w, "no") && strings.HasPrefix(s[j:], ".")) {
			out = append(out, w)
		}
		i = j
	}
	return out
}

func isNegation(w string) bool {
	switch len(w) {
	case 2, 3, 5, 6:
		if strings.EqualFold(w, "no") || strings.EqualFold(w, "not") || strings.EqualFold(w, "never") || strings.EqualFold(w, "cannot") {
			return true
		}
	}
	return len(w) > 3 && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "N'T") || strings.HasSuffix(w, "n’t"))
}

var timestampRE = regexp.MustCompile(`(?i)^\s*(?:last\s+)?(?:updated|published|posted|first published|modified)\b[\s:]`)

// isTimestampLine reports whether s is only a time stamp such as
// "Updated: 6:34 p.m.", whose change is no news, in English or as the
// segmenter knows them in the other languages ("Mis à jour : 18 h 34",
// "Aktualisiert: 18:34 Uhr").
func isTimestampLine(s string) bool {
	return mayBeTimestamp(s) && timestampRE.MatchString(s) && CountWords(s) <= 12 || text.IsTimestamp(s)
}

// mayBeTimestamp reports whether s, past the white space \s matches,
// starts with a letter that starts one of timestampRE's words: none of
// l, u, p, f and m has a case fold outside ASCII, so it rejects only what
// the pattern would, and most sentences at their first byte.
func mayBeTimestamp(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if i == len(s) {
		return false
	}
	switch s[i] | 0x20 {
	case 'l', 'u', 'p', 'f', 'm':
		return true
	}
	return false
}
