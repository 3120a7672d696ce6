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
		{"a verb made with -en", "Plans to strengthen company pensions.", []string{"Plans", "company pensions"}},
		{"a verb made with -ise", "Unions criticise pension reforms.", []string{"Unions", "pension reforms"}},
		{"a noun ending in -ise", "Small enterprise grants rose.", []string{"Small enterprise grants"}},
		{"an irregular past", "The rail broke at Hatfield.", []string{"rail", "Hatfield"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}
