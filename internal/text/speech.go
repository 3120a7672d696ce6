package text

import "strings"

// SpeechVerb is one inflected form of a verb of speech, the word that
// gives a quotation to its speaker ("said Jane Lee", "the mayor told
// reporters").
type SpeechVerb struct {
	Form string // the word, lower case: "said", "dijo"
	// ToListener is true when the words right after the verb name the
	// one spoken to, not the speaker: "told reporters", "asked the
	// mayor". A name after any other form ("said Jane Lee") is the
	// speaker's.
	ToListener bool
}

// speechVerbForms are, per language, the forms of the verbs of speech: the
// past, the present and, where a quotation follows them, the participle
// or infinitive. Forms that are as often nouns ("comment", "claim",
// "state") are left out, and so are those that are words of another
// sense more often than of speech.
// A form marked with a leading "*" takes the listener after it.
var speechVerbForms = map[string]string{
	"en": `said says say saying *told *tells *telling added adds *asked *asks explained explains wrote writes ` +
		`insisted insists claimed claims admitted admits warned warns stated states argued argues ` +
		`continued replied replies commented stressed declared announced`,
	"de": `sagte sagt sagten sagen gesagt erklärte erklärt erklärten meinte meint betonte betont fügte ` +
		`schrieb schreibt berichtete warnte`,
	"fr": `dit disent déclaré déclare affirmé affirme expliqué explique ajouté ajoute estime estimé souligné ` +
		`souligne indiqué indique confié raconte raconté`,
	"es": `dijo dijeron dice dicen afirmó afirma explicó explica declaró aseguró asegura señaló señala añadió indicó`,
	"it": `detto disse dice dicono spiegato spiega aggiunto aggiunge dichiarato affermato afferma sottolineato`,
	"pt": `disse disseram diz dizem afirmou afirma explicou explica declarou acrescentou contou`,
	"nl": `zei zegt zeggen zeiden verklaarde vertelde schreef`,
}

// attributionWords are, per language, the words other than verbs that
// give a quotation to a speaker: "according (to)", "selon", "laut",
// "aldus".
var attributionWords = map[string]string{
	"en": `according`,
	"de": `laut so`,
	"fr": `selon`,
	"es": `según`,
	"it": `secondo`,
	"pt": `segundo`,
	"nl": `volgens aldus`,
}

// parsedSpeechVerbs is speechVerbForms read into SpeechVerbs once.
var parsedSpeechVerbs = func() map[string][]SpeechVerb {
	m := map[string][]SpeechVerb{}
	for lang, forms := range speechVerbForms {
		for _, f := range strings.Fields(forms) {
			v := SpeechVerb{Form: strings.TrimPrefix(f, "*"), ToListener: strings.HasPrefix(f, "*")}
			m[lang] = append(m[lang], v)
		}
	}
	return m
}()

// SpeechVerbs returns the forms of the verbs of speech of language lang
// (an ISO 639-1 code: "en", "de", "fr", "es", "it", "pt", "nl"), in a
// fixed order; nil for a language it does not know. The slice is the
// caller's.
func SpeechVerbs(lang string) []SpeechVerb {
	vs := parsedSpeechVerbs[lang]
	if vs == nil {
		return nil
	}
	return append([]SpeechVerb(nil), vs...)
}

// AttributionWords returns the words of language lang other than verbs
// that give a quotation to a speaker ("according", "selon", "laut"), in
// a fixed order; nil for a language it does not know.
func AttributionWords(lang string) []string {
	if attributionWords[lang] == "" {
		return nil
	}
	return strings.Fields(attributionWords[lang])
}
