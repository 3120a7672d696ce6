package summarize_test

import (
	"slices"
	"testing"
)

// A clause's subject and its verb make no key phrase, where a noun
// compound of the same shape, whose verb comes later, stays whole.
func TestEnglishKeyPhraseSubjectVerbs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"an -s verb after a singular, the clause's only verb", "The festival opens with the French film.", []string{"festival", "French film"}},
		{"an -s verb after a clause opener and a determiner", "It will end when their strict father returns after a long absence.", []string{"strict father", "long absence"}},
		{"an -s verb before an infinitive", "The airline needs to negotiate other pay cuts.", []string{"airline", "pay cuts"}},
		{"an -s verb after a name, before a singular auxiliary", "Yugansk, which Yukos claims was illegally sold, fetched less.", []string{"Yugansk", "Yukos"}},
		{"an -s verb after a name, before that", "Yukos claims that the sale was a sham.", []string{"Yukos", "sale", "sham"}},
		{"a base verb after a plural", "Food companies pay supermarkets for shelf space.", []string{"Food companies", "supermarkets", "shelf space"}},
		{"a base verb after a plural, the sentence's end", "Credit curbs will continue, state media report.", []string{"Credit curbs", "state media"}},
		{"a compound whose verb follows", "The oil prices in London rose sharply.", []string{"oil prices", "London"}},
		{"a compound before a plural auxiliary", "News reports were denied.", []string{"News reports"}},
		{"a compound before a modal", "The bank accounts of Yukos will stay frozen.", []string{"bank accounts", "Yukos"}},
		{"a compound that is an object", "Bailiffs froze the bank accounts of Yukos.", []string{"Bailiffs", "bank accounts", "Yukos"}},
		{"a compound with a plural modifier", "The games console has sold well.", []string{"games console"}},
		{"a compound in a possessive", "The firm's sales growth slowed.", []string{"firm", "sales growth"}},
		{"a plural compound after an adjective", "Ministers unveiled fresh attempts to cut taxes.", []string{"Ministers", "fresh attempts", "taxes"}},
		{"an -s verb before an adverb", "The growth falls well short of forecasts.", []string{"growth", "short", "forecasts"}},
		{"an -s verb in a clause that a comma ends", "Blair will act when Parliament returns from its break, the editor has learned.", []string{"Blair", "Parliament", "break", "editor"}},
		{"a subject after a hyphenated modifier", "The long-running festival begins on Wednesday.", []string{"long-running festival", "Wednesday"}},
		{"a base verb after a plural acronym", "PVRs record TV programmes.", []string{"PVRs", "TV programmes"}},
		{"a name opening a sentence", "Wales international Williams signed.", []string{"Wales international Williams"}},
		{"a plural role before a name", "He joined league rivals Arsenal.", []string{"league rivals Arsenal"}},
		{"a base verb after an acronym's plural", "Women MPs endure sexist abuse.", []string{"Women MPs", "sexist abuse"}},
		{"a base verb after a quantifier and a plural", "Of course, both prisoners confess.", []string{"course", "prisoners"}},
		{"a compound before a relative clause", "Shochiku film studios, which was founded in 1895, will be honoured.", []string{"Shochiku film studios"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}

// Participles and flat adverbs after a noun, gerunds after an adverb or
// "be", verbs after a modal and an adverb, and verbs made with -ise, -ify
// or -en are verbs or adverbs there, while the same words before a noun
// stay.
func TestEnglishKeyPhraseVerbForms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a participle after its subject", "Shoppers stayed away, with prices falling.", []string{"Shoppers", "prices"}},
		{"a participle before its noun", "Rising oil prices hurt airlines.", []string{"Rising oil prices", "airlines"}},
		{"a listed gerund after an adverb", "The firm is already planning cuts.", []string{"firm", "cuts"}},
		{"a listed gerund after be", "The shares were trading at a discount.", []string{"shares", "discount"}},
		{"a listed gerund as a noun", "Investment banking grew. The planning rules changed.", []string{"Investment banking", "planning rules"}},
		{"a flat adverb after a noun", "It could buy Fiat outright.", []string{"Fiat"}},
		{"a flat adjective before a noun", "He called early elections.", []string{"early elections"}},
		{"a verb after a modal and an adverb", "Investors will however need government approval.", []string{"Investors", "government approval"}},
		{"a verb after n't and an adverb", "It doesn't yet incorporate web searching.", []string{"web searching"}},
		{"a verb after a pronoun and an adverb", "They too face heavy pressure.", []string{"heavy pressure"}},
		{"a verb made with -en", "It would cut costs, strengthen company pensions.", []string{"costs", "company pensions"}},
		{"a verb made with -ise", "Unions criticise pension reforms.", []string{"Unions", "pension reforms"}},
		{"a noun ending in -ise", "Small enterprise grants rose.", []string{"Small enterprise grants"}},
		{"a name in capitals, not a pronoun", "A US defence and telecommunications company was fined.", []string{"defence", "telecommunications company"}},
		{"an irregular past", "The rail broke at Hatfield.", []string{"rail", "Hatfield"}},
		{"a verb after help", "Cheaper imports could help drive export demand.", []string{"Cheaper imports", "export demand"}},
		{"help as a noun", "Musicians need more government help.", []string{"Musicians", "government help"}},
		{"a verb after a modal and only", "Greene could only finish second.", []string{"Greene", "second"}},
		{"a verb coordinated with a verb after a modal", "Firms can spot and stop net attacks.", []string{"Firms", "net attacks"}},
		{"a gerund coordinated with a gerund", "He warned against using and trading illegal files.", []string{"illegal files"}},
		{"nouns coordinated after to", "He went to school and university abroad.", []string{"university"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}
