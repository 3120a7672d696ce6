package diff

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The number words of the other languages the segmenter knows (French,
// German, Spanish, Italian, Portuguese and Dutch), which a value is read
// from as from "five": "trois morts" → "cinq morts" is a number changed,
// and "drei" = "3". The diff does not know a text's language, so every
// list applies to every text, and words that are also common words of
// another of these languages are left out: "due" (Italian 2, English),
// "once" (Spanish 11, English), "onze" (French and Portuguese 11, Dutch
// "our") and the words for one, which are articles ("un", "ein", "uno",
// "um", "een"). "neuf" (French 9, and "new") and "sei" (Italian 6, and
// "you are") are weak, as "one" is: a fact only where they changed into
// or from a count. A capitalised word counts only at the start of a
// sentence, for "Otto" and "Cinco de Mayo" are names.
//
// Compounds are read as they are written: hyphenated in French
// ("vingt-deux", "soixante-dix-sept", "quatre-vingts"), in one word in
// German, Spanish, Italian and Dutch ("dreiundzwanzig", "veintitrés",
// "ventitré", "drieëntwintig"), and tens and units joined by "et", "y" or
// "e" ("trente et un", "treinta y dos", "vinte e três"). A scale word may
// follow ("trois millions", "drei Milliarden", "tres mil"), and one may
// follow digits and English number words too ("3 milliards", "3 mil
// millones", "six millions": French 6,000,000).

// numberWordLists are each language's number words by value, as words
// separated by spaces; the units 1 and 9 and the words only compounds
// use are in compoundWords.
var numberWordLists = map[int64]string{
	2:    "deux zwei dos dois duas twee",
	3:    "trois drei tres tre três drie",
	4:    "quatre vier cuatro quattro quatro",
	5:    "cinq fünf cinco cinque vijf",
	6:    "six sechs seis zes",
	7:    "sept sieben siete sette sete zeven",
	8:    "huit acht ocho otto oito",
	9:    "neun nueve nove negen",
	10:   "dix zehn diez dieci dez tien",
	11:   "elf undici",
	12:   "douze zwölf doce dodici twaalf",
	13:   "treize dreizehn trece tredici treze dertien",
	14:   "quatorze vierzehn catorce quattordici catorze veertien",
	15:   "quinze fünfzehn quince quindici vijftien",
	16:   "seize sechzehn dieciséis sedici dezesseis dezasseis zestien",
	17:   "siebzehn diecisiete diciassette dezessete dezassete zeventien",
	18:   "achtzehn dieciocho diciotto dezoito achttien",
	19:   "neunzehn diecinueve diciannove dezenove dezanove negentien",
	20:   "vingt zwanzig veinte venti vinte twintig",
	21:   "veintiuno veintiún",
	22:   "veintidós",
	23:   "veintitrés",
	24:   "veinticuatro",
	25:   "veinticinco",
	26:   "veintiséis",
	27:   "veintisiete",
	28:   "veintiocho",
	29:   "veintinueve",
	30:   "trente dreißig treinta trenta trinta dertig",
	40:   "quarante vierzig cuarenta quaranta quarenta veertig",
	50:   "cinquante fünfzig cincuenta cinquanta cinquenta vijftig",
	60:   "soixante sechzig sesenta sessanta sessenta zestig",
	70:   "siebzig setenta settanta zeventig",
	80:   "achtzig ochenta ottanta oitenta tachtig",
	90:   "neunzig noventa novanta negentig",
	100:  "hundert cien cento cem honderd",
	1000: "mille tausend mil duizend",
}

// weakNumberWords are number words that are as often other words; each
// is weak, as "one" is.
var weakNumberWords = map[string]int64{"neuf": 9, "sei": 6}

// compoundWords stand only inside a compound or after "et", "y" or "e":
// "vingt et un", "dix-neuf", "deux-cents", "vinte e um".
var compoundWords = map[string]int64{"un": 1, "une": 1, "uno": 1, "una": 1, "um": 1, "uma": 1, "neuf": 9, "sei": 6,
	"onze": 11, "cent": 100, "cents": 100, "vingts": 20}

// foreignScales multiply the number before them, each as its own
// language reads it: the long scale of continental Europe, where a
// billion is a million millions ("trois billions", "drei Billionen",
// "tres billones", "três biliões", "drie biljoen" are 3,000,000,000,000),
// except Brazil's "bilhão", which is a thousand millions. The English
// scale words are read by the English patterns, first: "3 billion" is
// 3,000,000,000 wherever it stands.
var foreignScales = map[string]int64{"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billions": 1e12,
	"millionen": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billionen": 1e12,
	"millón": 1e6, "millones": 1e6, "millardo": 1e9, "millardos": 1e9, "billón": 1e12, "billones": 1e12,
	"milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9, "mila": 1e3,
	"milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9, "bilião": 1e12, "biliões": 1e12,
	"miljoen": 1e6, "miljard": 1e9, "biljoen": 1e12, "mille": 1e3, "mil": 1e3,
	"tausend": 1e3, "duizend": 1e3}

// maxScaleBytes is the length of the longest of foreignScales.
const maxScaleBytes = len("milliarden")

// foreignScaleAt reads a scale word of foreignScales after the number
// that ends at s[end], past one space: its multiplier and where it ends.
// "mil millones" and "mil milhões" are a thousand millions. The first
// byte rules out most words before a letter is decoded.
func foreignScaleAt(s string, end int) (m int64, scaleEnd int, ok bool) {
	if end+1 >= len(s) || s[end] != ' ' {
		return 0, 0, false
	}
	switch s[end+1] | 0x20 {
	case 'm', 'b', 't', 'd':
	default:
		return 0, 0, false
	}
	se := letterEnd(s, end+1)
	if se-end-1 > maxScaleBytes {
		return 0, 0, false
	}
	var buf [maxScaleBytes]byte
	scale := appendFold(buf[:0], s[end+1:se]) // capitalised in German, all capitals in a headline; no string made
	if m, ok = foreignScales[string(scale)]; !ok {
		return 0, 0, false
	}
	if string(scale) == "mil" { // "tres mil millones", "três mil milhões", "TRES MIL MILLONES"
		if ne := letterEnd(s, se+1); se+1 < len(s) && s[se] == ' ' && ne-se-1 <= maxScaleBytes {
			var next [maxScaleBytes]byte
			if w := appendFold(next[:0], s[se+1:ne]); string(w) == "millones" || string(w) == "milhões" {
				return 1e9, ne, true
			}
		}
	}
	return m, se, true
}

// foreignNumbers holds every number word and one-word compound by value.
var foreignNumbers = func() map[string]int64 {
	m := map[string]int64{}
	for v, words := range numberWordLists {
		for _, w := range strings.Fields(words) {
			m[w] = v
		}
	}
	units := []string{"", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"}
	for t, tens := range []string{"zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"} {
		for u := 1; u <= 9; u++ {
			m[units[u]+"und"+tens] = int64(20 + 10*t + u) // dreiundzwanzig
		}
	}
	units = []string{"", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"}
	for t, tens := range []string{"twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"} {
		for u := 1; u <= 9; u++ {
			and := "en"
			if strings.HasSuffix(units[u], "e") {
				and = "ën" // tweeëntwintig
			}
			m[units[u]+and+tens] = int64(20 + 10*t + u)
		}
	}
	units = []string{"", "uno", "due", "tré", "quattro", "cinque", "sei", "sette", "otto", "nove"}
	for t, tens := range []string{"venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"} {
		for u := 1; u <= 9; u++ {
			stem := tens
			if units[u][0] == 'u' || units[u][0] == 'o' {
				stem = tens[:len(tens)-1] // ventuno, trentotto
			}
			m[stem+units[u]] = int64(20 + 10*t + u)
			if u == 3 {
				m[stem+"tre"] = int64(20 + 10*t + u) // ventitre, without its accent
			}
		}
	}
	return m
}()

// countTag is the tag of a weak number word ("neuf"), which pairs with a
// count on the other side of a sentence as "one" does.
const countTag = "#count"

// foreignKeys packs the words of foreignNumberWordSet, as valueKeys does.
var foreignKeys = packedKeys(foreignNumberWordSet)

// foreignNumberWordSet is the set of the words a foreign number starts
// with, for canStartValue and foreignNumber.
var foreignNumberWordSet = func() map[string]bool {
	m := map[string]bool{}
	for _, words := range []map[string]int64{foreignNumbers, weakNumberWords} {
		for w := range words {
			m[w] = true
		}
	}
	return m
}()

// letterEnd returns the end of the run of letters at s[i:], in any script,
// with the hyphens between them.
func letterEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '-' && i+1 < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLetter(next) {
				i += size
				continue
			}
		}
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i += size
	}
	return i
}

// foreignNumber reads a number written in the words of another language
// at s[i:], with a scale word after it: its value, and whether it is weak.
func foreignNumber(s string, i int) (value, bool) {
	end := letterEnd(s, i)
	word := s[i:end]
	head, _, _ := strings.Cut(word, "-")
	if !inWordSet(foreignKeys, foreignNumberWordSet, head) || !foreignCase(s, i, word) {
		return value{}, false
	}
	lower := strings.ToLower(word)
	n, weak, ok := foreignWordValue(lower)
	if !ok {
		return value{}, false
	}
	if n%10 == 0 && n >= 20 && n < 100 { // "trente et un", "treinta y dos"
		for _, and := range []string{" et ", " y ", " e "} {
			if rest := s[end:]; strings.HasPrefix(rest, and) {
				ue := letterEnd(s, end+len(and))
				unit := strings.ToLower(s[end+len(and) : ue])
				if u, ok := foreignUnit(unit); ok {
					n, end, weak = n+u, ue, false
				}
				break
			}
		}
	}
	if m, se, ok := foreignScaleAt(s, end); ok {
		n, end, weak = n*m, se, false
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return value{}, false
		}
	}
	v := value{kind: FactNumber, text: s[i:end], key: strconv.FormatInt(n, 10), start: i}
	if weak {
		v.weak, v.tag = true, countTag
	}
	return v, true
}

// foreignWordValue returns the value of one number word, or of a
// hyphenated French compound: parts that add up, each smaller than the
// one before ("soixante-dix-sept"), "quatre-vingt(s)" for 80, and "cent"
// or "mille" multiplying what stands before them ("deux-cents").
func foreignWordValue(w string) (n int64, weak, ok bool) {
	if n, ok := foreignNumbers[w]; ok {
		return n, false, true
	}
	if n, ok := weakNumberWords[w]; ok {
		return n, true, true
	}
	if !strings.Contains(w, "-") {
		return 0, false, false
	}
	w = strings.Replace(w, "quatre-vingts", "quatre-vingt", 1)
	if strings.HasPrefix(w, "quatre-vingt") {
		w = "\x00" + w[len("quatre-vingt"):] // 80, a part of its own
	}
	var total, cur, last int64 = 0, 0, 1 << 62
	for _, p := range strings.Split(w, "-") {
		var v int64
		switch {
		case p == "\x00":
			v = 80
		case p == "et":
			continue
		case p == "cent" || p == "cents":
			cur, last = max(cur, 1)*100, 100
			continue
		case p == "mille":
			total, cur, last = total+max(cur, 1)*1000, 0, 1000
			continue
		default:
			var found bool
			if v, found = foreignNumbers[p]; !found {
				if v, found = compoundWords[p]; !found {
					return 0, false, false
				}
			}
		}
		if v >= last {
			return 0, false, false // "deux-trois" is no number
		}
		cur, last = cur+v, v
	}
	return total + cur, false, total+cur > 0
}

// foreignUnit returns the value of a unit word after "et", "y" or "e".
func foreignUnit(w string) (int64, bool) {
	if n, ok := compoundWords[w]; ok && n < 10 {
		return n, true
	}
	if n, ok := foreignNumbers[w]; ok && n < 10 {
		return n, true
	}
	return 0, false
}

// foreignCase reports whether the number word at s[i:] is in lower case,
// capitalised at the start of the sentence and followed by a word in
// lower case, or followed by a scale word: a capitalised one inside it,
// or before another capitalised word, is a name ("Otto Warmbier", "Tres
// Cantos"), but one before a scale word, in any case, counts ("Drei
// Millionen", "TRÊS MILHÕES").
func foreignCase(s string, i int, word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return true
	}
	if _, _, ok := foreignScaleAt(s, i+len(word)); ok {
		return true
	}
	if strings.TrimLeft(s[:i], " \t\n\"'“„«‹([¿¡—–-") != "" {
		return false
	}
	next, _ := nextField(s[i+len(word):])
	return !isCapitalised(next)
}
