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
		{"a base verb after a plural", "Food companies pay supermarkets for shelf space. The food trade agreed.", []string{"Food companies", "supermarkets", "shelf space", "food trade"}},
		{"a base verb after a plural, the sentence's end", "Credit curbs will continue, state media report.", []string{"Credit curbs", "state media"}},
		{"a compound whose verb follows", "The oil prices in London rose sharply.", []string{"oil prices", "London"}},
		{"a verb that is as often a noun after a name, before its plural object", "Analysts said Marks & Spencer cut prices sharply on Monday.", []string{"Analysts", "Marks & Spencer", "prices", "Monday"}},
		{"the same after a name of two words", "Analysts said Manchester United hold talks today.", []string{"Analysts", "Manchester United", "talks"}},
		{"a noun that is as often a verb after a determiner and a name", "Analysts said the Verizon offer makes no provision.", []string{"Analysts", "Verizon offer", "provision"}},
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
		{"a name in capitals, not a pronoun", "A US defence and telecommunications company was fined.", []string{"US defence", "telecommunications company"}},
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

// A subject after a preposition or a verb of saying, a name before an -s
// form, a capitalized plural the text writes in lowercase too, a verb
// after a noun's "that" and gerunds coordinated with a verb are read as a
// clause's parts, while the noun phrases of the same shapes stay whole.
func TestEnglishKeyPhraseClauseReadings(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a subject after a preposition", "Research by Dr Nielsen shows that people like it.", []string{"Research", "Dr Nielsen", "people"}},
		{"a title before its name", "Sir Alex Ferguson praised the team.", []string{"Sir Alex Ferguson", "team"}},
		{"a title whose name reads as an adverb", "the stands honour sir curtly ambrose . sir curtly was joined by sir viv .", []string{"stands", "ambrose", "sir viv"}},
		{"a compound after a preposition, its verb later", "The report on world trade talks was published.", []string{"report", "world trade talks"}},
		{"a compound after a preposition, before a comma", "Competition between online music services, of which there are many, grew.", []string{"Competition", "online music services"}},
		{"a compound after a preposition, before a dash", "Thousands of flat panel screens - LCDs and plasma screens - have been sold.", []string{"flat panel screens", "LCDs", "plasma screens"}},
		{"a name before an -s form and an adjective", "Mercedes faces fierce competition from rivals.", []string{"Mercedes", "fierce competition", "rivals"}},
		{"a name before an -s form and a noun", "Juninho deserves respect.", []string{"Juninho", "respect"}},
		{"a determiner's noun before an -s form", "The album follows single releases.", []string{"album", "single releases"}},
		{"a verb after help, an -s form", "A weak dollar helps boost exports.", []string{"weak dollar", "exports"}},
		{"a capitalized plural written in lowercase too", "Podcasts attract listeners. Many podcasts are free.", []string{"podcasts", "listeners", "free"}},
		{"a capitalized plural never written in lowercase", "Wales coach Mike Ruddock named his team.", []string{"Wales coach", "Mike Ruddock", "team"}},
		{"a subject after a verb's that", "He said that prices rise in winter.", []string{"prices", "winter"}},
		{"a subject after a verb of saying", "I suggest the BBC concentrates on the issues.", []string{"BBC", "issues"}},
		{"a subject after a verb of thinking", "Hodgson believes a winter break carries many advantages.", []string{"Hodgson", "winter break", "advantages"}},
		{"a speaker after a verb of saying", `"We won," said England sevens coach Mike Friday.`, []string{"England sevens coach", "Mike Friday"}},
		{"an object after a verb", "He will claim the AAAs title in June.", []string{"AAAs title", "June"}},
		{"an -s verb before a verb after and", "The Windows virus grabs contact lists and uses them.", []string{"Windows virus", "contact lists"}},
		{"an -s verb after a noun's that", "Software that turns colours into notes.", []string{"Software", "colours", "notes"}},
		{"a base verb after a noun's that", "Tribes that use phones.", []string{"Tribes", "phones"}},
		{"a gerund coordinated with an earlier gerund", "He backed cutting corporate tax from 30% to 29% and offering income tax cuts.", []string{"corporate tax", "income tax cuts"}},
		{"a gerund that describes a plural subject", "Dating services attract singles.", []string{"Dating services", "singles"}},
		{"a flat adverb after a gerund", "It will not stop me from working hard on fitness.", []string{"working", "fitness"}},
		{"a plural subject before two prepositions", "The talks on the future of Gibraltar begin on Monday.", []string{"talks", "future", "Gibraltar", "Monday"}},
		{"a plural subject before a preposition, its verb before that", "EU regulations on state aid stipulate that governments may help.", []string{"EU regulations", "state aid", "governments"}},
		{"a compound after a plural and a preposition", "Fears over the interest rate rise grew.", []string{"Fears", "interest rate rise"}},
		{"a singular subject before two prepositions", "Research by Dr Nielsen of Cambridge shows that people like it.", []string{"Research", "Dr Nielsen", "Cambridge", "people"}},
		{"a verb of saying after an aside", "James Humphreys, ex-head of corporate communications, says the strategy shows frustration.", []string{"James Humphreys", "ex-head", "corporate communications", "strategy", "frustration"}},
		{"an -s verb after a clause opener, an infinitive later", "While Alitalia needs to restructure to bring itself back, rivals complain.", []string{"Alitalia", "rivals"}},
		{"an -s verb after a name, before how", "Mr Blair recalls how Bill Clinton advised him.", []string{"Blair", "Bill Clinton"}},
		{"a plural before how", "Critics raised questions over how the money was spent.", []string{"Critics", "questions", "money"}},
		{"a verb of saying after a quotation", `"We won," said the union officials.`, []string{"union officials"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}

// A noun's "that" before a plural and its verb, "which" after a plural,
// a gerund after a determiner's noun, and ordinals after a noun read as a
// clause's parts, while the noun phrases of the same shapes stay whole.
func TestEnglishKeyPhraseRelativesAndParticiples(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a plural subject after a noun's that", "The fact that prices rise worries him.", []string{"fact", "prices"}},
		{"a plural subject before a modal", "Fears that costs will grow worried investors.", []string{"Fears", "costs", "investors"}},
		{"an -s verb after a noun's that, before its object", "Software that turns colours into notes.", []string{"Software", "colours", "notes"}},
		{"a base verb after which and a plural", "Banks offer services which permit modern banking principles.", []string{"Banks", "services", "modern banking principles"}},
		{"a base verb after a comma, which and a plural", "The rules, which govern computer-based inventions, were passed.", []string{"rules", "computer-based inventions"}},
		{"which as a determiner", "In which case the firm loses money.", []string{"firm", "money"}},
		{"a gerund after a determiner's noun", "It features the singer talking about his career.", []string{"singer", "career"}},
		{"a gerund after a determiner's compound", "There is a new chief executive coming in.", []string{"chief executive"}},
		{"a gerund after a determiner's noun, before an adverb", "IBM will sell it with the chip starting later this year.", []string{"IBM", "chip"}},
		{"a gerund noun after an adjective", "She lost her highest ranking at the Open.", []string{"highest ranking", "Open"}},
		{"a gerund noun before of", "The legal unwinding of its debts began.", []string{"legal unwinding", "debts"}},
		{"a trade's gerund before an adjective and its noun", "It joined the Opens in offering equal prize money.", []string{"Opens", "equal prize money"}},
		{"a trade's gerund before a noun", "The marketing material costs rose.", []string{"marketing material costs"}},
		{"a comparative after a noun", "Heavy stockpiles could force prices lower.", []string{"Heavy stockpiles", "prices"}},
		{"a comparative before a noun", "They paid higher prices.", []string{"higher prices"}},
		{"an adjective that follows its noun", "Costs are making firms wary of listings.", []string{"Costs", "firms", "listings"}},
		{"thanks to", "Profits soared thanks to its acquisition.", []string{"Profits", "acquisition"}},
		{"due to", "It recalled Xbox consoles due to the fault.", []string{"Xbox consoles", "fault"}},
		{"a base verb after a plural, before why", "These nominations show why the investment was made.", []string{"nominations", "investment"}},
		{"a plural noun before why", "There are good reasons why the investment was made.", []string{"good reasons", "investment"}},
		{"a verb after which and an adverb", "Boxes which automatically record programmes sold well.", []string{"Boxes", "programmes"}},
		{"a verb after help and an adverb after a modal", "It might also help register students.", []string{"students"}},
		{"a verb after a noun's that and a quotation mark", `They form "tribes" that use phones.`, []string{"tribes", "phones"}},
		{"give and know as verbs", "High-definition gives incredible pictures. O'Connor knows that.", []string{"High-definition", "incredible pictures", "O'Connor"}},
		{"a listed gerund after a plural, before a preposition", "It heads a coalition of firms working on schemes.", []string{"coalition", "firms", "schemes"}},
		{"a listed gerund after a singular, before a preposition", "Government spending on schools rose.", []string{"Government spending", "schools"}},
		{"a participle that is a noun too, after a plural", "The number of films shot in the UK fell.", []string{"number", "films", "UK"}},
		{"an ordinal after a noun", "It ranked the UK third in its index.", []string{"UK", "index"}},
		{"an ordinal before a noun", "They won the fourth quarter easily.", []string{"fourth quarter"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}

// Subjects across three prepositions, clauses that a subject pronoun's
// own verb goes on after, gerunds before the adjective of their object,
// two-word prepositions before a noun, and names joined by an ampersand.
func TestEnglishKeyPhraseLongSubjectsAndJoins(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a singular subject before three prepositions", "Research by the team at the University of Leeds shows that people like it.", []string{"Research", "team", "University", "Leeds", "people"}},
		{"an -s verb whose clause goes on to another subject's verb", "The latest triumph adds to the three Grammys she won in 2002.", []string{"latest triumph", "Grammys"}},
		{"an -s verb after a clause opener, another clause after it with no comma", "If Solidere drops much lower I would sell.", []string{"Solidere"}},
		{"a compound whose own verb follows a pronoun's", "The plan Ford unveiled was dropped.", []string{"plan Ford"}},
		{"a trade's gerund before new and its noun", "He is developing new comedy shows.", []string{"comedy shows"}},
		{"a participle before its noun", "Developing countries want help.", []string{"Developing countries", "help"}},
		{"an -s verb after a determiner's noun, before former", "The register shows former leader William Hague earning more.", []string{"register", "leader William Hague"}},
		{"a subject after a quantity and three prepositions", "Two days of talks on the future of Gibraltar begin at the residence.", []string{"talks", "future", "Gibraltar", "residence"}},
		{"due to as an infinitive after be", "Clijsters was also due to marry fellow tennis star Lleyton Hewitt.", []string{"Clijsters", "fellow tennis star", "Lleyton Hewitt"}},
		{"an -s verb before an adverb, another clause's verb later", "The industry depends heavily on word of mouth, with most staff recruited that way.", []string{"industry", "word", "mouth", "staff", "way"}},
		{"close to", "It will be sold, sources close to the talks said.", []string{"sources", "talks"}},
		{"due to before a compound", "The match was called off due to safety concerns.", []string{"match", "safety concerns"}},
		{"according to before a compound", "The figures rose, according to police sources.", []string{"figures", "police sources"}},
		{"names joined by an ampersand", "Tom & Jerry met the mayor. Marks & Spencer and Procter & Gamble gained.", []string{"Tom & Jerry", "mayor", "Marks & Spencer", "Procter & Gamble"}},
		{"an ampersand between lowercase words", "It sold fish & chips.", []string{"fish", "chips"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}

// A relative clause after an -s form's object has its own verb, and a
// participle before "by" and its agent is no finite verb: the -s form is
// the clause's verb. A compound whose verb follows the relative clause, or
// whose verb states a change "by" measures, stays whole.
func TestEnglishKeyPhraseRelativeClausesAndAgents(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"an -s verb before its object's relative clause", "The offer follows media speculation which grew in March.", []string{"offer", "media speculation", "March"}},
		{"an -s verb before a relative clause with an auxiliary and an adverb", "The protein stops blood which is slowly thinned.", []string{"protein", "blood"}},
		{"an -s verb before a participle and its agent", "The Sun Grid relies on Solaris, the operating system owned by Sun.", []string{"Sun Grid", "Solaris", "operating system", "Sun"}},
		{"an -s verb before a participle and a determiner's agent", "The festival opens with a film made by the director.", []string{"festival", "film", "director"}},
		{"an -s verb before a hyphenated adjective in -ed", "The technology works through government-funded research.", []string{"technology", "government-funded research"}},
		{"a compound whose verb follows a relative clause", "The bank accounts of Yukos which were frozen will stay shut.", []string{"bank accounts", "Yukos"}},
		{"a compound whose verb follows a relative clause after a preposition", "The news reports on the deal that she denied were false.", []string{"news reports", "deal", "false"}},
		{"a compound before a relative clause right after it", "The games console which sold well has been recalled.", []string{"games console"}},
		{"a compound whose verb states a change by a number", "The retail sales in London rose by 5%.", []string{"retail sales", "London"}},
		{"a compound whose verb states a change by a share", "The console sales in Japan fell by a third.", []string{"console sales", "Japan", "third"}},
		{"an -s verb after a comma, before an adverb in -ly", "For all its size, the game runs surprisingly well.", []string{"size", "game"}},
		{"a plural after a preposition, before an adverb and its verb", "A number of the anti-gay protesters proudly shared photos.", []string{"number", "anti-gay protesters", "photos"}},
		{"a compound after a comma, before its verb", "For all its size, the games consoles sold well.", []string{"size", "games consoles"}},
		{"an -s verb after a comma that ends an opening phrase", "During the video, the detective shouts at the driver.", []string{"video", "detective", "driver"}},
		{"a compound after an opening phrase, before its verb", "In London, the oil prices in shops rose sharply.", []string{"London", "oil prices", "shops"}},
		{"a lowercase name in s after an opening phrase, before a singular auxiliary", "throughout his five years, garnett spears was forced to move.", []string{"garnett spears"}},
		{"an -s verb after an opening phrase with no comma", "On infected machines the virus tries to disable the software.", []string{"virus", "software"}},
		{"a compound after an opening phrase with no comma, before its verb", "On Monday the bank accounts were frozen.", []string{"Monday", "bank accounts"}},
		{"a gerund's object after an opening preposition", "On viewing the security cameras, he said it was gone.", []string{"security cameras"}},
		{"a compound whose finite past form precedes by and a name", "The election campaign in Ohio was won by Bush.", []string{"election campaign", "Ohio", "Bush"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, "en", tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}

// In French, Spanish, Italian and Portuguese a word after a masculine
// singular noun that ends as a singular present does is its verb, where
// an adjective that ends so stays; a Dutch noun in -ie before a verb that
// ends its clause is that verb's subject.
func TestOtherKeyPhraseSingularPresents(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Le prix augmente en France.", []string{"prix", "France"}},
		{"fr", "Le taux reste faible.", []string{"taux", "faible"}},
		{"fr", "Le parti socialiste gagne du terrain.", []string{"parti socialiste", "terrain"}},
		{"fr", "La politique agricole change.", []string{"politique agricole change"}},
		{"fr", "Le secteur agricole souffre.", []string{"secteur agricole souffre"}},
		{"es", "El plan aumenta en marzo.", []string{"plan", "marzo"}},
		{"es", "Votos para el partido socialista.", []string{"Votos", "partido socialista"}},
		{"it", "Il piano aumenta in aprile.", []string{"piano", "aprile"}},
		{"pt", "O plano aumenta em abril.", []string{"plano", "abril"}},
		{"nl", "Hij zei dat de politie verhoogt.", []string{"politie"}},
		{"nl", "Het werd de grote begroting.", []string{"grote begroting"}},
	}
	for _, tc := range tests {
		t.Run(tc.lang+" "+tc.text, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, tc.lang, tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}

// A name's number is a piece of it, and so is the "cent" of "12 per
// cent": a key phrase leaves out an occurrence that would cut it, where a
// number that counts or measures what follows it stays apart.
func TestKeyPhraseNumbersUncut(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "He hosts BBC Radio 1 DJ Trevor Nelson's show.", []string{"show"}},
		{"en", "Doom 3 has sold well.", nil},
		{"en", "He won the Birmingham Grand Prix 10 days ago at odds of 4/9.", []string{"Birmingham Grand Prix", "odds"}},
		{"en", "Halo 2, released in November, sold.", []string{"November"}},
		{"en", "Rates rose to 12 per cent.", []string{"Rates"}},
		{"en", "Banks lifted interest rates 0.25% in March.", []string{"Banks", "interest rates", "March"}},
		{"en", "He sold Fiat 1.55bn euros of bonds.", []string{"Fiat", "bonds"}},
		{"en", "it showed furious 7 . fans came .", []string{"fans"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			if got, want := sortedKeyPhrases(t, tc.lang, tc.text), sorted(tc.want); !slices.Equal(got, want) {
				t.Errorf("%q: got key phrases %q, want %q", tc.text, got, want)
			}
		})
	}
}
