package summarize_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/summarize"
)

// langTexts are the same short news story in each language of
// testdata/lang, by file name: the seven supported languages and others
// the summarizer must name but has no stop words or stemmer for.
var langTexts = []string{"en", "de", "fr", "es", "it", "pt", "nl", "sv", "af", "pl", "tr", "ru", "zh", "ja", "ar", "hi"}

func langText(t *testing.T, code string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/lang/" + code + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(data))
}

func TestDetectsEveryLanguage(t *testing.T) {
	for _, code := range langTexts {
		t.Run(code, func(t *testing.T) {
			text := langText(t, code)
			sum := mustSummarize(t, text, summarize.Options{Sentences: 2})
			supported := slices.Contains(summarize.Languages(), code)
			if sum.Language != code || sum.LanguageSource != summarize.SourceDetected || sum.Supported != supported {
				t.Errorf("got language %q from %q, supported %v; want %q detected, supported %v (detection %+v)",
					sum.Language, sum.LanguageSource, sum.Supported, code, supported, sum.Detection)
			}
			if sum.Detection == nil || !sum.Detection.Reliable || sum.Detection.Language != code {
				t.Errorf("got detection %+v, want a reliable %q", sum.Detection, code)
			}
			if len(sum.Sentences) != 2 {
				t.Errorf("got %d sentences, want 2: %+v", len(sum.Sentences), sum.Sentences)
			}
			if len(sum.Keywords) == 0 {
				t.Error("got no keywords")
			}
			checkOffsets(t, text, sum)
		})
	}
}

// TestDetectLanguage checks what DetectLanguage says of texts in related
// languages: Afrikaans writes most of Dutch's stop words, Swedish shares
// many words with Danish and Norwegian, and the detector must still tell
// each apart, reliably; a text of fewer than 12 letters is never reliable,
// whatever the detector's confidence.
func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
		reliable         bool
	}{
		{"nl", langText(t, "nl"), "nl", true},
		{"af", langText(t, "af"), "af", true},
		{"sv", langText(t, "sv"), "sv", true},
		{"de", langText(t, "de"), "de", true},
		{"ru", langText(t, "ru"), "ru", true},
		{"zh", langText(t, "zh"), "zh", true},
		{"few letters", "漢字を", "ja", false},
		{"no letters", "123 — 456!", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := summarize.DetectLanguage(tc.text)
			if d.Language != tc.want || d.Reliable != tc.reliable {
				t.Errorf("got %+v, want %q, reliable %v", d, tc.want, tc.reliable)
			}
			if tc.reliable && d.Confidence < 0.8 {
				t.Errorf("got confidence %v, want at least 0.8 for a reliable answer", d.Confidence)
			}
		})
	}
}

// TestISO6391Codes checks that languages the detector's own table gives no
// ISO 639-1 code, though they have one, are named by it.
func TestISO6391Codes(t *testing.T) {
	persian := "شورای شهر روز دوشنبه پس از ماه\u200cها بحث بودجه جدید را تصویب کرد. " +
		"این طرح هزینه\u200cهای مدارس را ده درصد افزایش می\u200cدهد و بهای بلیت اتوبوس را ثابت نگه می\u200cدارد."
	if d := summarize.DetectLanguage(persian); d.Language != "fa" || !d.Reliable {
		t.Errorf("Persian: got %+v, want a reliable fa", d)
	}
}

func TestShortTextFallsBack(t *testing.T) {
	for _, text := range []string{"Hello.", "Ja!", "OK, thanks."} {
		sum := mustSummarize(t, text, summarize.Options{})
		if sum.Language != summarize.DefaultLanguage || sum.LanguageSource != summarize.SourceDefault || sum.Detection == nil || sum.Detection.Reliable {
			t.Errorf("%q: got %q from %q (detection %+v), want the default %q, unreliable", text, sum.Language, sum.LanguageSource, sum.Detection, summarize.DefaultLanguage)
		}
		sum = mustSummarize(t, text, summarize.Options{FallbackLanguage: "de"})
		if sum.Language != "de" || sum.LanguageSource != summarize.SourceFallback || !sum.Supported {
			t.Errorf("%q: got %q from %q, want the fallback de", text, sum.Language, sum.LanguageSource)
		}
		sum = mustSummarize(t, text, summarize.Options{DefaultLanguage: "fr"})
		if sum.Language != "fr" || sum.LanguageSource != summarize.SourceDefault {
			t.Errorf("%q: got %q from %q, want the caller's default fr", text, sum.Language, sum.LanguageSource)
		}
		sum = mustSummarize(t, text, summarize.Options{DefaultLanguage: "fr", FallbackLanguage: "de"})
		if sum.Language != "de" || sum.LanguageSource != summarize.SourceFallback {
			t.Errorf("%q: got %q from %q, want the request's fallback de over the default", text, sum.Language, sum.LanguageSource)
		}
		sum = mustSummarize(t, text, summarize.Options{FallbackLanguage: "sv"})
		if sum.Language != "sv" || sum.LanguageSource != summarize.SourceFallback || sum.Supported {
			t.Errorf("%q: got %q from %q supported %v, want the fallback sv, unsupported", text, sum.Language, sum.LanguageSource, sum.Supported)
		}
	}
}

func TestUnknownDefaultLanguageIsRefused(t *testing.T) {
	if _, err := summarize.Summarize("Hello there.", summarize.Options{DefaultLanguage: "xx"}); !errors.Is(err, summarize.ErrInvalidOptions) {
		t.Errorf("default language xx: got %v, want ErrInvalidOptions", err)
	}
}

func TestRequestedLanguageWins(t *testing.T) {
	text := langText(t, "sv")
	sum := mustSummarize(t, text, summarize.Options{Language: "de"})
	if sum.Language != "de" || sum.LanguageSource != summarize.SourceRequested || sum.Detection != nil || !sum.Supported {
		t.Errorf("got %q from %q (detection %+v), want de as requested, with no detection", sum.Language, sum.LanguageSource, sum.Detection)
	}
	sum = mustSummarize(t, langText(t, "en"), summarize.Options{Language: "ru"})
	if sum.Language != "ru" || sum.LanguageSource != summarize.SourceRequested || sum.Supported {
		t.Errorf("got %q from %q supported %v, want ru as requested, unsupported", sum.Language, sum.LanguageSource, sum.Supported)
	}
	for _, code := range []string{"xx", "EN", "english", "zz"} {
		for _, opts := range []summarize.Options{{Language: code}, {FallbackLanguage: code}} {
			_, err := summarize.Summarize(text, opts)
			if !errors.Is(err, summarize.ErrInvalidOptions) || !strings.Contains(err.Error(), code) {
				t.Errorf("%+v: got %v, want an invalid-options error naming %q", opts, err, code)
			}
		}
	}
	if known := summarize.KnownLanguages(); !slices.Contains(known, "sv") || !slices.Contains(known, "zh") || !slices.Contains(known, "fa") || !slices.IsSorted(known) {
		t.Errorf("KnownLanguages() = %v, want sorted with sv, zh and fa", known)
	}
}

// TestUnsupportedLanguageIsNeutral checks that a language without stop
// words and a stemmer keeps every word as a content word: English stop
// words end key phrases only when the text is taken as English.
func TestUnsupportedLanguageIsNeutral(t *testing.T) {
	text := "The cats are running. The cats are running home. The cats are here."
	keywords := func(lang string) []string {
		var out []string
		for _, k := range mustSummarize(t, text, summarize.Options{Language: lang, Keywords: 20}).Keywords {
			out = append(out, k.Text)
		}
		return out
	}
	if sv := keywords("sv"); !slices.Contains(sv, "The cats are") || slices.Contains(sv, "cats") {
		t.Errorf("as Swedish, got keywords %q, want %q and no lone %q: no stop words", sv, "The cats are", "cats")
	}
	if en := keywords("en"); !slices.Contains(en, "cats") || slices.Contains(en, "The cats are") {
		t.Errorf("as English, got keywords %q, want %q alone: stop words removed", en, "cats")
	}
}

// TestDetectionReadsOnWhenTheStartMisleads checks the two reads of
// detection: a start whose first quarter KB is all Han reads as Chinese,
// which no stop words support, so the whole sample is read and names the
// Japanese the rest of it is in; a plain English start decides at once.
func TestDetectionReadsOnWhenTheStartMisleads(t *testing.T) {
	han := strings.Repeat("東京都知事選挙開票速報結果発表", 7) // 315 bytes of Han only
	kana := strings.Repeat("きょうはとてもいいてんきですね。わたしはがっこうへいきます。", 4)
	tests := []struct {
		name, text, want string
	}{
		{"Han first, kana after", han + kana, "ja"},
		{"English", strings.Repeat("The council approved the budget after a long debate on Tuesday night. ", 8), "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := summarize.DetectLanguage(tc.text); got.Language != tc.want {
				t.Errorf("got %+v, want %s", got, tc.want)
			}
		})
	}
}
