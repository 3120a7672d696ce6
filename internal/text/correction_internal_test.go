package text

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestCorrectionCueAsContains checks the one-pass cue search against
// looking for each cue in turn.
func TestCorrectionCueAsContains(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	parts := append(slices.Clone(correctionCues), "o", "rrect", "Correction", "an earlier version", "x", " ", "é", "EDITOR")
	for k := 0; k < 100_000; k++ {
		var b strings.Builder
		for n := rng.Intn(5); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		want := slices.ContainsFunc(correctionCues, func(c string) bool { return strings.Contains(s, c) })
		if got := hasCorrectionCue(s); got != want {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	}
}

// TestCorrectionNoticesHaveCues checks that the cue search before the
// patterns rejects no notice they find: every label, in lower case,
// capitalised and in capitals, and each notice within a sentence and
// opening one.
func TestCorrectionNoticesHaveCues(t *testing.T) {
	var notices []string
	for _, l := range strings.Split(correctionLabels, "|") {
		l = strings.ReplaceAll(l, "['’]", "'")
		for _, form := range []string{l, strings.ToUpper(l[:1]) + l[1:], strings.ToUpper(l)} {
			notices = append(notices, form+": the toll was 12.", " "+form+"\u202f: x", form+" — x", "*"+form+"\u00a0: x*")
		}
	}
	notices = append(notices,
		"An earlier version of this story said 12.", "In an earlier version of this post, 12.", "This report was amended.",
		"We regret the error.", "We apologize for this error.",
		"Une version précédente de cet article disait 12.", "La précédente version de l'article disait 12.",
		"Dans une version précédente de cet article, 12.", "Cet article a été corrigé.", "Cet article a été rectifié.",
		"In einer früheren Fassung dieses Beitrags hieß es 12.", "Dieser Artikel wurde berichtigt.", "Dieser Text wurde korrigiert.",
		"Una versión anterior de esta nota decía 12.", "En una versión anterior de este artículo, 12.",
		"Esta información fue rectificada.", "Este artículo ha sido corregido.",
		"Una precedente versione di questo articolo diceva 12.", "In una versione precedente di questo articolo, 12.",
		"Questo articolo è stato rettificato.", "Questo articolo è stato corretto.",
		"Uma versão anterior deste texto dizia 12.", "Numa versão anterior desta reportagem, 12.",
		"Em uma versão anterior deste artigo, 12.", "Esta reportagem foi retificada.", "Este artigo foi corrigido.",
		"In een eerdere versie van dit bericht stond 12.", "Dit stuk is gecorrigeerd.")
	for _, n := range notices {
		if !englishCorrectionRE.MatchString(n) && !foreignCorrectionRE.MatchString(n) {
			t.Errorf("no correction pattern matches %q", n)
		}
		if !IsCorrection(n) {
			t.Errorf("IsCorrection(%q) = false, but a correction pattern matches", n)
		}
		if !englishOpeningRE.MatchString(n) && !foreignOpeningRE.MatchString(n) {
			t.Errorf("no opening pattern matches %q", n)
		}
		if !OpensCorrection(n) {
			t.Errorf("OpensCorrection(%q) = false, but an opening pattern matches", n)
		}
	}
}

// TestOpensCorrectionAsPattern checks OpensCorrection, which reads the
// first maxOpening bytes only after a cue, against the opening patterns
// on whole sentences made of notice parts and prose.
func TestOpensCorrectionAsPattern(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	parts := append(slices.Clone(correctionCues), "Correction: ", "Rectificatif\u00a0: ", "In ", "an earlier version of this article",
		"Dieser Artikel wurde korrigiert", "*", " ", "said 12, not 14", strings.Repeat("long prose ", 12), "é")
	matched := 0
	for k := 0; k < 50_000; k++ {
		var b strings.Builder
		for n := 1 + rng.Intn(5); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		want := englishOpeningRE.MatchString(s) || foreignOpeningRE.MatchString(s)
		if got := OpensCorrection(s); got != want {
			t.Fatalf("%q: got %v, the patterns give %v", s, got, want)
		}
		if want {
			matched++
			if !IsCorrection(s) {
				t.Fatalf("%q opens a notice, but IsCorrection is false", s)
			}
		}
	}
	if matched < 1000 {
		t.Errorf("only %d strings matched: the test proves little", matched)
	}
}
