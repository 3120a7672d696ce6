package text

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A correction notice fixes what an earlier revision said: a label and a
// colon ("Correction:", "Rectificatif :", "Berichtigung:", "Fe de
// erratas:"), the earlier version it speaks of ("An earlier version of
// this article…", "Une version précédente de cet article…") or an article
// that says it was corrected ("Dieser Artikel wurde korrigiert."), in
// English, French, German, Spanish, Italian, Portuguese and Dutch.
//
// The English notices and those of the other languages have a pattern
// each: all of them in one pattern outgrow the backtracking matcher and
// run in the slower one. A pattern runs only where one of its cues stands
// (englishCues, foreignCues), and the cues of both are found in one pass.

// noticeLead is what may come before a notice's first word: white space,
// the no-break spaces French sets, emphasis, a bracket and an opening
// quotation mark, straight or typographic ("*Correction: …*", "«
// Rectificatif : … »", "„Berichtigung: …“"): a notice set in quotation
// marks is still a notice, not a quotation.
const noticeLead = `[\s\x{A0}\x{202F}*_"'(«»‹›“„‘‚]*`

// correctionLabels are the labels that open a correction notice, a
// clarification or an editor's note, in English, French, German,
// Spanish, Italian, Portuguese and Dutch.
const correctionLabels = `correction|clarification|editor['’]s note|` +
	`rectificatif|erratum|précision|note de la rédaction|` +
	`korrektur|berichtigung|richtigstellung|klarstellung|anmerkung der redaktion|` +
	`corrección|rectificación|fe de erratas|aclaración|nota del editor|nota de la redacción|` +
	`rettifica|correzione|errata corrige|precisazione|nota della redazione|` +
	`correção|retificação|errata|esclarecimento|nota do editor|nota da redação|` +
	`correctie|rectificatie|verduidelijking|noot van de redactie`

// englishLabels are the English ones; the English pattern allows only the
// white space \s matches before the colon.
const englishLabels = `correction|clarification|editor['’]s note`

// englishNotices are the English notices that need no label: the earlier
// version, the article that says it was corrected, the apology.
const englishNotices = `an earlier version of this (?:article|story|report|post)\b|` +
	`this (?:article|story|report|post) (?:has been|was) (?:corrected|amended|updated to correct)\b|` +
	`we (?:regret|apologi[sz]e for) (?:the|this) error\b`

// foreignNotices are those of the other languages.
const foreignNotices = `(?:une|la) (?:version précédente|précédente version) de (?:cet|l['’]) ?(?:article|texte)|` +
	`cet article a été (?:corrigé|rectifié)|` +
	`einer früheren (?:version|fassung) dieses (?:artikels|textes|beitrags)\b|` +
	`dieser (?:artikel|text|beitrag) wurde (?:korrigiert|berichtigt)\b|` +
	`una versión anterior de (?:este|esta) (?:artículo|nota|información|noticia)|` +
	`(?:este artículo|esta nota|esta información|esta noticia) (?:ha sido|fue) (?:corregid|rectificad)[oa]\b|` +
	`una (?:versione precedente|precedente versione) di questo articolo\b|` +
	`questo articolo è stato (?:corretto|rettificato)\b|` +
	`(?:uma|numa) versão anterior (?:deste|desta) (?:texto|artigo|reportagem|notícia)|` +
	`(?:este texto|este artigo|esta reportagem|esta notícia) foi (?:corrigid|retificad)[oa]\b|` +
	`een eerdere versie van dit (?:artikel|bericht|stuk)\b|` +
	`dit (?:artikel|bericht|stuk) is gecorrigeerd\b`

// noticeLeadIn is the preposition that may open a notice about an earlier
// version ("In an earlier version…", "In einer früheren Fassung…", "En
// una versión anterior…", "Dans une version précédente…", "Em uma versão
// anterior…").
const noticeLeadIn = `(?:(?:in|dans|en|em) )?`

var (
	// englishCorrectionRE and foreignCorrectionRE find a notice anywhere
	// in a sentence, a label only at its start.
	englishCorrectionRE = regexp.MustCompile(`(?i)^` + noticeLead + `(?:` + englishLabels + `)\s*[:—–-]|\b(?:` + englishNotices + `)`)
	foreignCorrectionRE = regexp.MustCompile(`(?i)^` + noticeLead + `(?:` + correctionLabels + `)[\s\x{A0}\x{202F}]*[:—–-]|` +
		`\b(?:` + foreignNotices + `)`)
	// englishOpeningRE and foreignOpeningRE find a notice that opens a
	// sentence.
	englishOpeningRE = regexp.MustCompile(`(?i)^` + noticeLead + `(?:(?:` + englishLabels + `)\s*[:—–-]|` +
		noticeLeadIn + `(?:` + englishNotices + `))`)
	foreignOpeningRE = regexp.MustCompile(`(?i)^` + noticeLead + `(?:(?:` + correctionLabels + `)[\s\x{A0}\x{202F}]*[:—–-]|` +
		noticeLeadIn + `(?:` + foreignNotices + `))`)
)

// IsCorrection reports whether sentence s is a correction notice or holds
// one: it opens with a label and its colon ("Correction:", "Rectificatif
// :", "Berichtigung:"), or it speaks of an earlier version of the article
// or says the article was corrected, wherever in s ("The story was
// changed; an earlier version of this article said 12.").
func IsCorrection(s string) bool {
	english, foreign := correctionCueGroups(s)
	return english && englishCorrectionRE.MatchString(s) || foreign && foreignCorrectionRE.MatchString(s)
}

// OpensCorrection reports whether sentence s opens a correction notice:
// as IsCorrection, but the notice must stand at the start of s, past white
// space, emphasis, quotes and a bracket, so that prose that merely speaks
// of a correction ("The newspaper said an earlier version of this article
// was wrong.") is none. Only the first openingWindow bytes of s are read.
func OpensCorrection(s string) bool {
	s = openingWindow(s)
	english, foreign := correctionCueGroups(s)
	return english && englishOpeningRE.MatchString(s) || foreign && foreignOpeningRE.MatchString(s)
}

// maxOpening bounds what OpensCorrection reads: the longest notice's
// opening words with its lead-in come to less than half of it.
const maxOpening = 160

// openingWindow returns the first maxOpening bytes of s, cut at the start
// of a character.
func openingWindow(s string) string {
	if len(s) <= maxOpening {
		return s
	}
	n := maxOpening
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// correctionCueGroups reports whether s holds one of englishCues and one
// of foreignCues, in one pass over s rather than one per cue.
func correctionCueGroups(s string) (english, foreign bool) {
	for i := 0; i+1 < len(s); i++ {
		if b := s[i+1]; cuePairs[s[i]][b>>6]&(1<<(b&63)) == 0 {
			continue // no cue starts with these two bytes, as at most places
		}
		for _, cue := range cuesByFirstByte[s[i]] {
			if strings.HasPrefix(s[i:], cue.text) {
				english, foreign = english || !cue.foreign, foreign || cue.foreign
			}
		}
		if english && foreign {
			break
		}
	}
	return english, foreign
}

// hasCorrectionCue reports whether s holds one of correctionCues.
func hasCorrectionCue(s string) bool {
	english, foreign := correctionCueGroups(s)
	return english || foreign
}

// cue is a correction cue and the pattern it calls for.
type cue struct {
	text    string
	foreign bool
}

// cuesByFirstByte lists correctionCues by their first byte.
var cuesByFirstByte = func() (t [256][]cue) {
	for i, c := range correctionCues {
		t[c[0]] = append(t[c[0]], cue{c, i >= len(englishCues)})
	}
	return t
}()

// cuePairs is the set of the first two bytes of correctionCues.
var cuePairs = func() (t [256][4]uint64) {
	for _, cue := range correctionCues {
		t[cue[0]][cue[1]>>6] |= 1 << (cue[1] & 63)
	}
	return t
}()

// englishCues are parts of every correction notice the English patterns
// find, in either case of their first letter.
var englishCues = []string{"orrect", "ORRECT", "larif", "LARIF", "arlier version", "ditor", "DITOR", "egret", "pologi", "mended"}

// foreignCues are parts of every notice the other languages' patterns
// find: each label in lower case, capitalised and in capitals, and each
// notice within a sentence (TestCorrectionNoticesHaveCues). Most start
// with two bytes that seldom stand together in English, so that few
// places of a sentence need a closer look.
var foreignCues = []string{"\u00a0:", "\u202f:", "ctif", "CTIF", "ificad", "ttif", "TTIF", "rrat", "RRAT", "écis", "ÉCIS",
	"zion", "ZION", "ção", "ÇÃO", "ctie", "CTIE", "aktion", "AKTION", "édact", "ÉDACT", "cción", "CCIÓN", "ota d", "OTA D",
	"ektur", "EKTUR", "htig", "HTIG", "rstell", "RSTELL", "claraci", "CLARACI", "sclare", "SCLARE", "duid", "DUID",
	"rrig", "rreg", "rrett", "écédent", "ione prec", "precedente vers", "ión anterior", "ão anterior", "rüher", "eerdere versie"}

// correctionCues are englishCues and foreignCues.
var correctionCues = append(slices.Clip(englishCues), foreignCues...)
