package text_test

import (
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/text"
)

// TestSpeechVerbs checks the verbs of speech: every language has some,
// each form is one lowercase word listed once, only the forms that take
// the listener after them say so, and the caller's copy is its own.
func TestSpeechVerbs(t *testing.T) {
	for _, lang := range []string{"en", "de", "fr", "es", "it", "pt", "nl"} {
		vs := text.SpeechVerbs(lang)
		if len(vs) < 5 {
			t.Errorf("%s: only %d verbs of speech", lang, len(vs))
		}
		seen := map[string]bool{}
		for _, v := range vs {
			if v.Form == "" || strings.ToLower(v.Form) != v.Form || strings.ContainsAny(v.Form, " *") || seen[v.Form] {
				t.Errorf("%s: bad or repeated form %q", lang, v.Form)
			}
			seen[v.Form] = true
		}
		if len(text.AttributionWords(lang)) == 0 {
			t.Errorf("%s: no attribution words", lang)
		}
	}
	listener := map[string]bool{}
	for _, v := range text.SpeechVerbs("en") {
		listener[v.Form] = v.ToListener
	}
	for form, want := range map[string]bool{"said": false, "saying": false, "claimed": false, "told": true, "asked": true} {
		if got, ok := listener[form]; !ok || got != want {
			t.Errorf("en %q: listed %v, ToListener %v, want listed, %v", form, ok, got, want)
		}
	}
	if text.SpeechVerbs("xx") != nil || text.AttributionWords("xx") != nil {
		t.Error("an unknown language has verbs of speech")
	}
	vs := text.SpeechVerbs("en")
	vs[0].Form = "changed"
	if text.SpeechVerbs("en")[0].Form == "changed" {
		t.Error("SpeechVerbs returns its own slice")
	}
}
