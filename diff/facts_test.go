package diff_test

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/redline-news/redline/diff"
)

// goldPair is one revision pair of testdata/facts-gold.jsonl with the facts
// a careful editor would flag.
type goldPair struct {
	ID    string     `json:"id"`
	Old   string     `json:"old"`
	New   string     `json:"new"`
	Facts []goldFact `json:"facts"`
}

type goldFact struct {
	Kind    diff.FactKind   `json:"kind"`
	Change  diff.FactChange `json:"change"`
	Old     string          `json:"old"`
	New     string          `json:"new"`
	Speaker string          `json:"speaker"`
}

func loadGold(t *testing.T, path string) []goldPair {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pairs []goldPair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var p goldPair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return pairs
}

// score counts true positives, false positives and false negatives.
type score struct{ tp, fp, fn int }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestFactsGold measures the changed facts against the gold file: a
// reported fact is right when its kind, change, old and new value all
// match a gold fact. It fails below the targets: precision 0.95 and recall
// 0.85 over all kinds, precision 0.9 for each kind, and speakers right for
// 0.8 of the quotes found.
func TestFactsGold(t *testing.T) {
	pairs := loadGold(t, "testdata/facts-gold.jsonl")
	if len(pairs) < 60 {
		t.Fatalf("got %d gold pairs, want at least 60", len(pairs))
	}
	scores, all, speakers, speakersRight := scoreFacts(t, pairs)
	for k, s := range scores {
		if s.tp+s.fn == 0 {
			t.Errorf("%s: the gold file has no %s fact", k, k)
		}
		if s.precision() < 0.9 {
			t.Errorf("%s: got precision %.3f, want at least 0.9", k, s.precision())
		}
	}
	if all.precision() < 0.95 || all.recall() < 0.85 {
		t.Errorf("got precision %.3f recall %.3f over all kinds, want at least 0.95 and 0.85", all.precision(), all.recall())
	}
	if ratio(speakersRight, speakers) < 0.8 {
		t.Errorf("got %d of %d speakers right, want at least 0.8", speakersRight, speakers)
	}
}

// TestFactsRealExcerpts measures the facts on sentence pairs taken from
// the dev revision pairs (testdata/facts-real.jsonl, each labelled by
// reading it, without looking at what Compare reports), which were not
// written knowing the rules. It reports precision and recall per kind and
// fails below the floors: the issue's targets for precision, over all
// kinds and for each kind, and a recall floor above the issue's.
func TestFactsRealExcerpts(t *testing.T) {
	pairs := loadGold(t, "testdata/facts-real.jsonl")
	if len(pairs) < 30 {
		t.Fatalf("got %d pairs, want at least 30", len(pairs))
	}
	scores, all, _, _ := scoreFacts(t, pairs)
	for k, s := range scores {
		if s.precision() < 0.9 {
			t.Errorf("%s: got precision %.3f, want at least 0.9", k, s.precision())
		}
	}
	if all.precision() < realPrecisionFloor || all.recall() < realRecallFloor {
		t.Errorf("got precision %.3f recall %.3f over all kinds, want at least %.2f and %.2f",
			all.precision(), all.recall(), realPrecisionFloor, realRecallFloor)
	}
}

// The floors of TestFactsRealExcerpts over all kinds. The scores were
// 0.625 and 0.857 before names, values written differently and stray
// quote marks were told apart.
const (
	realPrecisionFloor = 0.95
	realRecallFloor    = 0.9
)

// factKinds are the kinds scoreFacts reports, in order.
var factKinds = []diff.FactKind{diff.FactNumber, diff.FactMoney, diff.FactPercent, diff.FactDate, diff.FactTime,
	diff.FactQuote, diff.FactCorrection, diff.FactNegation}

// scoreFacts compares the facts Compare finds in each pair with the
// pair's labelled ones: a reported fact is right when its kind, change,
// old and new value all match a labelled one. It logs and returns the
// score per kind and over all kinds, and how many of the quotes found
// right have the labelled speaker.
func scoreFacts(t *testing.T, pairs []goldPair) (scores map[diff.FactKind]*score, all score, speakers, speakersRight int) {
	t.Helper()
	scores = map[diff.FactKind]*score{}
	for _, k := range factKinds {
		scores[k] = &score{}
	}
	for _, p := range pairs {
		r, err := diff.Compare(p.Old, p.New, diff.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		want := slices.Clone(p.Facts)
		for _, f := range r.Facts {
			sc := scores[f.Kind]
			if sc == nil {
				t.Fatalf("%s: unknown kind %q", p.ID, f.Kind)
			}
			k := slices.IndexFunc(want, func(g goldFact) bool {
				return g.Kind == f.Kind && g.Change == f.Change && g.Old == f.Old && g.New == f.New
			})
			if k < 0 {
				sc.fp++
				t.Logf("%s: got %s %s %q → %q, not labelled", p.ID, f.Kind, f.Change, f.Old, f.New)
				continue
			}
			sc.tp++
			if f.Kind == diff.FactQuote {
				speakers++
				if f.Speaker == want[k].Speaker {
					speakersRight++
				} else {
					t.Logf("%s: got speaker %q, want %q", p.ID, f.Speaker, want[k].Speaker)
				}
			}
			want = slices.Delete(want, k, k+1)
		}
		for _, g := range want {
			scores[g.Kind].fn++
			t.Logf("%s: missed %s %s %q → %q", p.ID, g.Kind, g.Change, g.Old, g.New)
		}
	}
	for _, k := range factKinds {
		s := scores[k]
		all.tp, all.fp, all.fn = all.tp+s.tp, all.fp+s.fp, all.fn+s.fn
		t.Logf("%-10s precision %.3f recall %.3f (tp %d fp %d fn %d)", k, s.precision(), s.recall(), s.tp, s.fp, s.fn)
	}
	t.Logf("all        precision %.3f recall %.3f (tp %d fp %d fn %d); speakers %d of %d", all.precision(), all.recall(),
		all.tp, all.fp, all.fn, speakersRight, speakers)
	return scores, all, speakers, speakersRight
}

func TestFactsFromTheIssue(t *testing.T) {
	tests := []factCase{
		{"commas", "They counted 1,000 votes.", "They counted 1000 votes.", ""},
		{"number words", "Five people were hurt.", "5 people were hurt.", ""},
		{"percent", "Prices rose 5 percent.", "Prices rose 5%.", ""},
		{"money scale", "It cost $2.5 million.", "It cost $2.5m.", ""},
		{"money", "It cost $2.5m.", "It cost $3m.", "money changed $2.5m→$3m"},
		{"toll", "At least 35 died.", "At least 50 died.", "number changed 35→50"},
		{"timestamp line", "Updated: 6:34 p.m.", "Updated: 7:02 p.m.", ""},
		{"french timestamp line", "Mis à jour : 18 h 34\n\nLe texte.", "Mis à jour : 19 h 02\n\nLe texte.", ""},
		{"german timestamp line", "Aktualisiert: 18:34 Uhr\n\nDer Text.", "Aktualisiert: 19:02 Uhr\n\nDer Text.", ""},
		{"spanish timestamp line", "Texto.\n\nActualizado: 18.34", "Texto.\n\nActualizado: 19.02", ""},
		{"reordered", "Rain fell on 3 towns.\n\nRoads shut at 9 a.m.", "Roads shut at 9 a.m.\n\nRain fell on 3 towns.", ""},
		{"punctuation and case", "the vote passed, 52 to 48.", "The vote passed 52 to 48.", ""},
		{"route 66", "Route 66 closed and 4 cars crashed.", "Route 66 closed and 6 cars crashed.", "number changed 4→6"},
	}
	runFactCases(t, tests)
}

// TestFactsNotValues: numbers in names and codes, values written another
// way and stray quote marks give no flag; a name that changed as a value
// does.
func TestFactsNotValues(t *testing.T) {
	tests := []factCase{
		{"name after a capital", "Police closed the road.", "Police closed the road. The Boeing 737 landed in Denver.", ""},
		{"name in a new clause", "The Colorado-based Level 3 is a provider.", "The Colorado-based Level 3 is a tier 1 provider.", ""},
		{"name glued", "Apple sold phones.", "Apple sold phones. The iPhone 15 and G7 talks were news.", ""},
		{"code with points", "The B.1.1.7 variant spread.", "The variant spread.", ""},
		{"name dropped", "That aircraft, a Cessna 150, hit trees.", "The Cessna hit trees.", ""},
		{"name changed", "The Cessna 150 crashed.", "The Cessna 172 crashed.", "number changed 150→172"},
		{"name changed after a word", "Flight 93 landed safely.", "Flight 94 landed safely.", "number changed 93→94"},
		{"count after a capital still counts", "Rallies were held.", "Rallies were held in Palestine two days later.", "number added →two"},
		{"count after a weekday", "Roads shut.", "Roads shut. Police said Tuesday 12 people were hurt.", "date added →Tuesday; number added →12"},
		{"age", "Smith, 35, was arrested.", "Smith, 36, was arrested.", "number changed 35→36"},
		{"name read one way, then another", "They jumped the eight lane 210 Freeway.", "They jumped the eight-lane 210 Freeway.", ""},
		{"date glued to a weekday", "Storms hit on ThursdayJanuary 18 2007 in Europe.", "Storms hit on Thursday, 18 January 2007 in Europe.", ""},
		{"year dropped", "It was announced on January 4, 2008.", "It was announced on January 4.", "date changed January 4, 2008→January 4"},
		{"one counts when it changes", "Only one case was found in the town.", "Two cases were found in the town.", "number changed one→Two"},
		{"one alone is no fact", "Rain fell.", "Rain fell. One case was found.", ""},
		{"a repeated value", "31 in Belgium and 1 in Italy.", "31 in Belgium, 1 in Italy and 1 in Austria.", "number added →1"},
		{"point between thousands", "He paid $ 30.000 for it.", "He paid $ 30,000 for it.", ""},
		{"time with a point", "The rally began at 6:30 p.m. sharp.", "The rally began at 6.30pm sharp.", ""},
		{"24-hour time", "The rally began at 6:30 p.m. sharp.", "The rally began at 18:30 sharp.", ""},
		{"four-digit time", "A raid began at 06:00 local time ( 09:00 ).", "A raid began at 0600 local time ( 0900 ).", ""},
		{"four-digit time changed", "The raid began at 0600 GMT.", "The raid began at 0700 GMT.", "time changed 0600→0700"},
		{"four digits are no time alone", "Rain fell.", "Rain fell on 1200 homes.", "number added →1200"},
		{"four digits before local time", "The raid began.", "The raid began at 2200 local time.", "time added →2200"},
		{"a year before local", "Rain fell.", "Rain fell before the 2005 local elections.", "number added →2005"},
		{"o'clock", "They met at five o'clock in the hall.", "They met at 5 o'clock in the hall.", ""},
		{"o'clock removed", "They flew out at five o'clock.", "They flew out, all 17 unhurt.", "number added →17; time removed five o'clock→"},
		{"abbreviated month", "The vote is on Dec. 1 in the capital.", "The vote is on December 1 in the capital.", ""},
		{"day first", "The vote is on December 1 in the capital.", "The vote is on 1 December in the capital.", ""},
		{"day in brackets", "Snow fell into Sunday.", "Snow fell into Sunday (20th).", "date added →20th"},
	}
	runFactCases(t, tests)
}

// A dash, a curly quote or an ellipsis past ASCII parts a number from the
// word before it and the word after it, as ASCII punctuation does.
func TestFactsBesidePunctuationPastASCII(t *testing.T) {
	tests := []factCase{
		{"en dash range", "Prices rose 2–3% last year.", "Prices rose 2–4% last year.", "percent changed 3%→4%"},
		{"en dash dates", "The festival runs 6–8 August.", "The festival runs 6–9 August.", "date changed 6–8 August→6–9 August"},
		{"hyphen dates with a year", "It ran 6-8 August 2021.", "It ran 6-9 August 2021.", "date changed 6-8 August 2021→6-9 August 2021"},
		{"a range from a day", "It ran on 8 August.", "It ran 6–8 August.", "date changed 8 August→6–8 August"},
		{"a range written out", "It ran 6–8 August.", "It ran 6 to 8 August.", ""},
		{"a score is no range", "They won 2-3 in August.", "They won 2-4 in August.", "number changed 3→4"},
		{"em dash before", "Officials said—30 people died.", "Officials said—40 people died.", "number changed 30→40"},
		{"ellipsis after", "It cost €30m… and more.", "It cost €40m… and more.", "money changed €30m→€40m"},
		{"ellipsis before", "The toll rose…30 people died.", "The toll rose…40 people died.", "number changed 30→40"},
		{"curly single quotes", "The ‘30 days’ rule.", "The ‘40 days’ rule.", "number changed 30→40"},
		{"letters past ASCII still glue", "The Straße30 sign.", "The Straße40 sign.", ""},
	}
	runFactCases(t, tests)
}

// TestFactsStrayQuoteMarks: a quotation needs its marks to pair up, or to
// open a quotation that runs to the end of the sentence.
func TestFactsStrayQuoteMarks(t *testing.T) {
	tests := []factCase{
		{"straight for curly", "“We will rebuild every home,” the mayor said.", "\"We will rebuild every home,\" the mayor said.", ""},
		{"mixed marks", "\"Some people may be happy with this, ” he told AP, “ but not the victims,\" he said.",
			"\"Some people may be happy with this, \" he told AP, \" but not the victims,\" he said.", ""},
		{"short open quote", "Besides the early-announced \"Wow!", "Besides the previously announced \"Wow!", ""},
		{"edit after a closing mark", "Brace!\", the pilot announced as the plane made a rough touchdown.",
			"Brace!\", the pilot announced as the plane made a touchdown.", ""},
		{"apostrophe", "\"[The bills failure to pass] calls into question the role.", "\"[The bill's failure to pass] calls into question the role.", ""},
		{"stray mark with spaces", "Trains ran hourly.", "Trains ran hourly. \" Services resumed at dawn in the north.", ""},
		{"stray mark before a quotation", "\" Stephens calls the winds \"some of the strongest winds in the world.\"",
			"Stephens calls the winds \"some of the strongest winds in the world.\"", ""},
		{"title", "Rain fell.", "Rain fell. The \"Blue Moon Music Festival\" was called off.", ""},
		{"quote still changes", "He said the \"plan is dead\" on Monday.", "He said the \"plan is very dead\" on Monday.", "quote changed plan is dead→plan is very dead"},
		{"open quotation of several sentences", "He said \"we will offer new help to the carers.", "He said \"we will offer new help to the careers.",
			"quote changed we will offer new help to the carers.→we will offer new help to the careers."},
		{"closing mark after an attribution", "Rain fell.", "Rain fell. We will not give up on this town,\" she said.", "quote added →We will not give up on this town"},
	}
	runFactCases(t, tests)
}

// factCase is a pair of texts and the facts wanted, each as "kind change
// old→new", joined by "; ".
type factCase struct{ name, old, new, want string }

func runFactCases(t *testing.T, tests []factCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			var got []string
			for _, f := range r.Facts {
				got = append(got, string(f.Kind)+" "+string(f.Change)+" "+f.Old+"→"+f.New)
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("got facts %q, want %q", g, tc.want)
			}
		})
	}
}

func TestFactsAreDeterministic(t *testing.T) {
	revs := floodStory(t)
	first := compareChecked(t, revs[0], revs[5]).Facts
	for range 5 {
		again := compareChecked(t, revs[0], revs[5]).Facts
		a, _ := json.Marshal(first)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("got facts %s, then %s", a, b)
		}
	}
	if len(first) == 0 {
		t.Fatal("got no facts for the whole story, want some")
	}
}

// TestNoFactsAgainstEmptyText: a first revision, compared with the empty
// text, changed no fact, though it holds values, quotes and a correction;
// a second one that adds the same values to a text does.
func TestNoFactsAgainstEmptyText(t *testing.T) {
	first := "At least 35 people died on Monday, officials said.\n\n" +
		"\"We will rebuild every home,\" Mayor Jane Smith said.\n\nCorrection: the toll was 34."
	for _, old := range []string{"", " \n\n\t"} {
		r, err := diff.Compare(old, first, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Facts) != 0 || r.Stats.FactsChanged != 0 {
			t.Errorf("against %q: got facts %v (facts_changed %d), want none", old, r.Facts, r.Stats.FactsChanged)
		}
		if r.Stats.SentencesAdded == 0 || r.Stats.WordsAdded == 0 {
			t.Errorf("against %q: the text should still read as added: %+v", old, r.Stats)
		}
	}
	r, err := diff.Compare("Rain fell.", "Rain fell.\n\n"+first, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Facts) == 0 {
		t.Error("values added to a text that had one gave no fact")
	}
	// Deleting everything still lists what went away.
	if r, _ := diff.Compare(first, "", diff.Options{}); len(r.Facts) == 0 {
		t.Error("removing every sentence gave no fact")
	}
}

// TestFactsInScriptsWithoutSpaces: Chinese and Japanese write a number
// against the words around it ("至少12人"), so a number there is a count,
// not a name glued to letters, and a changed toll is flagged as in any
// other language; a Latin letter glued to a number still makes it a name.
func TestFactsInScriptsWithoutSpaces(t *testing.T) {
	tests := []factCase{
		{"chinese toll", "事故造成至少12人死亡。", "事故造成至少18人死亡。", "number changed 12→18"},
		{"chinese count added", "列车脱轨。", "列车脱轨。列车上共有250名乘客。", "number added →250"},
		{"japanese toll", "少なくとも3人が死亡した。", "少なくとも4人が死亡した。", "number changed 3→4"},
		{"japanese hours", "火は5時間後に消し止められた。", "火は6時間後に消し止められた。", "number changed 5→6"},
		{"latin name in chinese", "峰会开幕。", "峰会开幕。G7领导人抵达。", ""},
		{"unchanged chinese", "至少12人死亡。", "至少12人死亡！", ""},
	}
	runFactCases(t, tests)
}

// TestFactsOfACorrectionNotice: the sentences that go on with a correction
// notice in its paragraph are the notice too, so their figures are not
// flagged again; a new paragraph after it is news of its own.
func TestFactsOfACorrectionNotice(t *testing.T) {
	story := "The train left the tracks near Lyon."
	tests := []factCase{
		{"notice in several sentences", story,
			story + "\n\nCorrection: An earlier version misstated the number of passengers. The train was carrying 250 passengers, not 300. It had left Lyon at 8:50 a.m.",
			"correction added →Correction: An earlier version misstated the number of passengers."},
		{"notice appended to a paragraph", story,
			story + " Correction: An earlier version misstated the toll. It was 12.",
			"correction added →Correction: An earlier version misstated the toll."},
		{"a new paragraph after the notice", story,
			story + "\n\nCorrection: An earlier version misstated the toll.\n\nAt least 18 people died.",
			"correction added →Correction: An earlier version misstated the toll.; number added →18"},
	}
	runFactCases(t, tests)
}

// TestSameParagraph: two sentences of the new text are in one paragraph
// when only white space without a blank line stands between them, in
// whichever ops it lies.
func TestSameParagraph(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []bool // for each pair of neighbouring new sentences
	}{
		{"one paragraph", "Rain fell.", "Rain fell. Roads flooded. Schools shut.", []bool{true, true}},
		{"blank line", "Rain fell.", "Rain fell.\n\nRoads flooded.\n \nSchools shut.", []bool{false, false}},
		{"line break", "Rain fell.", "Rain fell.\nRoads flooded.", []bool{true}},
		{"gap inserted", "Rain fell. Roads flooded.", "Rain fell.\n\nRoads flooded.", []bool{false}},
		{"gap kept around an edit", "Rain fell. Roads flooded.", "Heavy rain fell. Roads flooded badly.", []bool{true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			var sents []diff.SentenceChange
			for _, c := range r.Sentences {
				if c.NewIndex >= 0 && (len(sents) == 0 || sents[len(sents)-1].NewIndex != c.NewIndex) {
					sents = append(sents, c)
				}
			}
			var got []bool
			for i := 1; i < len(sents); i++ {
				got = append(got, r.SameParagraph(sents[i-1], sents[i]))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v (sentences %+v)", got, tc.want, sents)
			}
		})
	}
}

// TestFactsWithDecimalCommas: continental Europe writes decimals after a
// comma ("6,2", "2,5 Millionen", "5,2 %"); such a number changed is
// flagged whole, and written with a point on the other side it did not
// change. Three digits after a comma still group thousands.
func TestFactsWithDecimalCommas(t *testing.T) {
	tests := []factCase{
		{"magnitude", "Un terremoto de magnitud 6,2 sacudió México.", "Un terremoto de magnitud 6,4 sacudió México.", "number changed 6,2→6,4"},
		{"whole part changed", "Das Beben hatte die Stärke 6,2.", "Das Beben hatte die Stärke 7,2.", "number changed 6,2→7,2"},
		{"percent", "Le chômage atteint 5,2 % en mars.", "Le chômage atteint 5,4 % en mars.", "percent changed 5,2 %→5,4 %"},
		{"money", "Die Stadt zahlt €2,5 Millionen.", "Die Stadt zahlt €3,5 Millionen.", "money changed €2,5 Millionen→€3,5 Millionen"},
		{"money with its scale", "Die Stadt zahlt €2,5 Millionen.", "Die Stadt zahlt €2.5 million.", ""},
		{"point and comma agree", "The quake measured 6,2 on Monday.", "The quake measured 6.2 on Monday.", ""},
		{"thousands", "They counted 1,500 votes.", "They counted 1500 votes.", ""},
		{"a list stays numbers", "Rooms 4, 5 and 6 flooded.", "Rooms 4, 5 and 7 flooded.", "number changed 6→7"},
	}
	runFactCases(t, tests)
}

// TestFactsYearsBeforeAnEvent: a year that names what happened in it ("the
// 2021 season") is a date, as one after a preposition is; a count of
// things is still a number.
func TestFactsYearsBeforeAnEvent(t *testing.T) {
	tests := []factCase{
		{"season", "The club will change its name for the 2021 season.", "The club will change its name for the 2022 season.", "date changed 2021→2022"},
		{"election", "He lost the 2019 general election.", "He lost the 2017 general election.", "date changed 2019→2017"},
		{"world cup", "She played at the 2018 World Cup.", "She played at the 2014 World Cup.", "date changed 2018→2014"},
		{"a named event", "It recalled the 1970 October Crisis.", "It recalled the 1971 October Crisis.", "date changed 1970→1971"},
		{"a count before a name", "The camp held 2000 Syrians.", "The camp held 2500 Syrians.", "number changed 2000→2500"},
		{"a year read as a count on one side only", "It will not open before the 2011 rugby world cup.", "It will not open before the 2011 Rugby World Cup.", ""},
		{"a year that changed as it was read otherwise", "It will not open before the 2011 rugby world cup.", "It will not open before the 2015 Rugby World Cup.", "number removed 2011→; date added →2015"},
		{"a count", "The plant employs 2000 people.", "The plant employs 2500 people.", "number changed 2000→2500"},
		{"a count of events", "There were 1900 seasons of it.", "There were 1950 seasons of it.", "number changed 1900→1950"},
	}
	runFactCases(t, tests)
}

// TestFactsQuotesInOtherMarks: French and Spanish guillemets, German
// „…“ and Japanese 「…」 hold quotations as English marks do.
func TestFactsQuotesInOtherMarks(t *testing.T) {
	tests := []factCase{
		{"french", "« Nous ne reculerons pas », a déclaré la ministre.", "« Nous reculerons peut-être », a déclaré la ministre.",
			"quote changed Nous ne reculerons pas→Nous reculerons peut-être"},
		{"spanish", "«Estamos evaluando los daños», dijo el gobernador.", "«Estamos evaluando todos los daños», dijo el gobernador.",
			"quote changed Estamos evaluando los daños→Estamos evaluando todos los daños"},
		{"german", "„Wir tun alles für die Verletzten“, sagte der Minister.", "„Wir tun alles für die Opfer“, sagte der Minister.",
			"quote changed Wir tun alles für die Verletzten→Wir tun alles für die Opfer"},
		{"japanese", "「全力で消火にあたった」と消防署長は述べた。", "「全力で救助にあたった」と消防署長は述べた。",
			"quote changed 全力で消火にあたった→全力で救助にあたった"},
		{"german unchanged", "„Wir tun alles für die Verletzten“, sagte der Minister.", "„Wir tun alles für die Verletzten“, sagte Minister Klein.", ""},
	}
	runFactCases(t, tests)
}

// TestCorrectionNoticesInOtherLanguages: a correction notice is found in
// each language the segmenter knows, by its label or by the earlier
// version it speaks of, and its figures are not flagged again.
func TestCorrectionNoticesInOtherLanguages(t *testing.T) {
	story := "Le train a déraillé près de Lyon."
	notices := []string{
		"Rectificatif : une version précédente de cet article indiquait 300 passagers.",
		"Rectificatif\u00a0: le train transportait 250 passagers.",
		"Correction : le bilan est de 12 morts.",
		"Erratum : il s'agissait de la ligne 4.",
		"Précision : le maire n'a pas été entendu.",
		"Une version précédente de cet article indiquait 300 passagers.",
		"Cet article a été corrigé le 5 mars.",
		"Korrektur: In einer früheren Version hieß es, 300 Menschen seien verletzt worden.",
		"Berichtigung: Der Zug hatte 250 Fahrgäste.",
		"In einer früheren Version dieses Artikels hieß es, 300 Menschen seien verletzt worden.",
		"Fe de erratas: el tren llevaba 250 pasajeros.",
		"Corrección: el balance es de 12 muertos.",
		"Una versión anterior de este artículo decía 300 pasajeros.",
		"Rettifica: il treno trasportava 250 passeggeri.",
		"Correzione: il bilancio è di 12 morti.",
		"Una versione precedente di questo articolo indicava 300 passeggeri.",
		"Correção: o trem levava 250 passageiros.",
		"Errata: o balanço é de 12 mortos.",
		"Uma versão anterior desta reportagem dizia 300 passageiros.",
		"Correctie: de trein vervoerde 250 passagiers.",
		"Rectificatie: het dodental is 12.",
		"In een eerdere versie van dit artikel stond 300 passagiers.",
		"CORRECTION : LE BILAN EST DE 12 MORTS.",
		"*Rectificatif : le bilan est de 12 morts.*",
		"Dans une version précédente de cet article, nous indiquions 300 passagers.",
		"Numa versão anterior desta reportagem, o número era 300.",
		// In quotation marks a notice is still a notice, not a quote.
		"« Rectificatif : une version précédente indiquait 40 morts. »",
		"«\u00a0Rectificatif\u00a0: le bilan est de 30 morts.\u00a0»",
		"„Berichtigung: Der Zug hatte 250 Fahrgäste.“",
		"“Correction: the toll is 30.”",
	}
	var tests []factCase
	for _, n := range notices {
		tests = append(tests, factCase{n, story, story + "\n\n" + n, "correction added →" + n})
	}
	tests = append(tests,
		factCase{"a word of correcting is no notice", story, story + "\n\nLa correction de la voie a pris du temps.", ""},
		factCase{"no label without its colon", story, story + "\n\nRectificatif demandé par le maire.", ""},
		factCase{"a quotation is a quote", story, story + "\n\n« Rectificatif demandé par la ville depuis lundi », a dit le maire.",
			"quote added →Rectificatif demandé par la ville depuis lundi"},
		factCase{"a sentence edited into a notice in quotation marks", story + "\n\nLe bilan est de 40 morts.",
			story + "\n\n« Rectificatif : le bilan est de 30 morts. »", "correction added →« Rectificatif : le bilan est de 30 morts. »"},
	)
	runFactCases(t, tests)
}

// TestSpeakerChanged: a quotation whose words stayed while the
// attribution names someone else is a changed quote, with both speakers;
// a name that only grew, or an attribution on one side only, is not.
func TestSpeakerChanged(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"said after", "“We will rebuild,” said Mayor Lee.", "“We will rebuild,” said Governor Ortiz.",
			"quote: “We will rebuild” (Mayor Lee → Governor Ortiz)"},
		{"said before", "Mayor Lee said: \"We will rebuild every home.\"", "Governor Ortiz said: \"We will rebuild every home.\"",
			"quote: “We will rebuild every home.” (Mayor Lee → Governor Ortiz)"},
		{"the title", "\"We will rebuild every home,\" the mayor told reporters.", "\"We will rebuild every home,\" the governor told reporters.",
			"quote: “We will rebuild every home” (the mayor → the governor)"},
		{"quote and speaker changed", "“We will rebuild,” said Mayor Lee.", "“We will rebuild soon,” said Governor Ortiz.",
			"quote: “We will rebuild” → “We will rebuild soon” (Governor Ortiz)"},
		{"a name respaced", "“We will rebuild,” said Naty Key Zilberman.", "“We will rebuild,” said Naty Keyzilberman.", ""},
		{"a name that grew", "“We will rebuild,” said Lee.", "“We will rebuild,” said Mayor Jane Lee.", ""},
		{"a title named", "“We will rebuild,” the mayor said.", "“We will rebuild,” Mayor Lee said.", ""},
		{"a pronoun before", "“We will rebuild,” he said.", "“We will rebuild,” said Mayor Lee.", ""},
		{"same speaker, other words", "“We will rebuild,” said Mayor Lee on Monday.", "“We will rebuild,” said Mayor Lee on Tuesday.",
			"date: Monday → Tuesday"},
		{"progressive", "“We will rebuild,” the mayor is saying.", "“We will rebuild,” the governor is saying.",
			"quote: “We will rebuild” (the mayor → the governor)"},
		{"perfect", "“We will rebuild,” Mayor Lee had told reporters.", "“We will rebuild,” Governor Ortiz had told reporters.",
			"quote: “We will rebuild” (Mayor Lee → Governor Ortiz)"},
		{"same speaker, other tense", "“We will rebuild,” Mayor Lee said.", "“We will rebuild,” Mayor Lee has been saying.", ""},
		{"quote added after an auxiliary", "Rain fell.", "Rain fell. “We will rebuild every home,” the mayor was telling reporters.",
			"quote added: “We will rebuild every home” (the mayor)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			if got := strings.TrimSuffix(strings.TrimPrefix(diff.FactsLine(r.Facts), "facts: 1 changed: "), "\n"); got != tc.want && !(tc.want == "" && len(r.Facts) == 0) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	// The JSON names both speakers too.
	r := compareChecked(t, "“We will rebuild,” said Mayor Lee.", "“We will rebuild,” said Governor Ortiz.")
	if len(r.Facts) != 1 || r.Facts[0].OldSpeaker != "Mayor Lee" || r.Facts[0].Speaker != "Governor Ortiz" {
		t.Fatalf("got facts %+v, want one quote from Mayor Lee, now from Governor Ortiz", r.Facts)
	}
	b, err := json.Marshal(r.Facts[0])
	if err != nil || !strings.Contains(string(b), `"old_speaker":"Mayor Lee"`) || !strings.Contains(string(b), `"speaker":"Governor Ortiz"`) {
		t.Errorf("got JSON %s (%v), want old_speaker and speaker", b, err)
	}
}

// TestNumberWordsOfOtherLanguages: a count written in words in French,
// German, Spanish, Italian, Portuguese or Dutch is a value as "five" is,
// compounds and scales included; a word that is as often no number, or a
// capitalised one inside a sentence, is no fact on its own.
func TestNumberWordsOfOtherLanguages(t *testing.T) {
	tests := []factCase{
		{"french", "Il y a eu trois morts.", "Il y a eu cinq morts.", "number changed trois→cinq"},
		{"french at the start", "Trois morts ont été signalés.", "Cinq morts ont été signalés.", "number changed Trois→Cinq"},
		{"french hyphenated", "On compte soixante-dix-sept blessés.", "On compte quatre-vingt-dix-neuf blessés.",
			"number changed soixante-dix-sept→quatre-vingt-dix-neuf"},
		{"french et", "Il y a trente et un blessés.", "Il y a 31 blessés.", ""},
		{"french quatre-vingts", "Il y a quatre-vingts blessés.", "Il y a 80 blessés.", ""},
		{"french scale", "Le coût atteint trois millions.", "Le coût atteint trois milliards.", "number changed trois millions→trois milliards"},
		{"french cent", "Il y a deux-cents blessés.", "Il y a 200 blessés.", ""},
		{"german", "Es gab drei Tote.", "Es gab fünf Tote.", "number changed drei→fünf"},
		{"german compound", "Es gab dreiundzwanzig Tote.", "Es gab 23 Tote.", ""},
		{"german scale", "Der Schaden beträgt drei Millionen.", "Der Schaden beträgt drei Milliarden.",
			"number changed drei Millionen→drei Milliarden"},
		{"spanish", "Hubo tres muertos.", "Hubo veintitrés muertos.", "number changed tres→veintitrés"},
		{"spanish y", "Hubo treinta y dos muertos.", "Hubo 32 muertos.", ""},
		{"spanish mil millones", "Costó tres mil millones.", "Costó 3000000000.", ""},
		{"italian", "Ci sono stati tre morti.", "Ci sono stati ventitré morti.", "number changed tre→ventitré"},
		{"italian elided", "Ci sono stati ventotto morti.", "Ci sono stati 28 morti.", ""},
		{"portuguese", "Houve três mortos.", "Houve vinte e três mortos.", "number changed três→vinte e três"},
		{"dutch", "Er vielen drie doden.", "Er vielen drieëntwintig doden.", "number changed drie→drieëntwintig"},
		{"dutch en", "Er vielen vierentwintig doden.", "Er vielen 24 doden.", ""},
		{"the same value written two ways", "Es gab drei Tote.", "Es gab 3 Tote.", ""},
		{"weak word into a count", "Il y a eu neuf morts.", "Il y a eu dix morts.", "number changed neuf→dix"},
		{"weak word alone", "Le maire a visité le quartier.", "Le maire a visité le quartier. Un immeuble neuf a brûlé.", ""},
		{"a name inside a sentence", "Le chef Otto a parlé.", "Le chef Otto a parlé. Il a cité Tres Cantos.", ""},
		{"a name at the start", "The envoy spoke.", "The envoy spoke. Otto Warmbier was freed.", ""},
		{"english due", "The flight landed.", "The flight landed. It was due at the gate.", ""},
		{"english once", "The flight landed.", "The flight landed. It had once been late.", ""},
		{"dutch onze", "De trein vertrok.", "De trein vertrok. Onze reporter was erbij.", ""},
		{"an added count", "Le train a déraillé.", "Le train a déraillé. Sept personnes sont mortes.", "number added →Sept"},
		{"no sum of a range", "Il faut deux-trois jours.", "Il faut deux-trois semaines.", ""},
	}
	runFactCases(t, tests)
}

// TestScaleWordsOfOtherLanguages: a scale word of another language after
// digits or an English number word multiplies the number as its own
// language reads it, so that "3 milliards" → "3 millions" is a number
// changed and "six millions" is French 6,000,000; the same value written
// two ways is no fact.
func TestScaleWordsOfOtherLanguages(t *testing.T) {
	tests := []factCase{
		{"french", "Le projet coûtera 3 milliards, selon le ministère.", "Le projet coûtera 3 millions, selon le ministère.",
			"number changed 3 milliards→3 millions"},
		{"french decimals", "Le déficit atteint 3,5 milliards.", "Le déficit atteint 3,5 millions.", "number changed 3,5 milliards→3,5 millions"},
		{"french long scale", "La dette atteint 3 billions.", "La dette atteint 3 milliards.", "number changed 3 billions→3 milliards"},
		{"french six millions", "La région compte six millions d'habitants.", "La région compte six mille habitants.",
			"number changed six millions→six mille"},
		{"french six millions is 6 million", "La région compte six millions d'habitants.", "La région compte 6 million d'habitants.", ""},
		{"german", "Das Projekt kostet 3 Milliarden, sagte der Minister.", "Das Projekt kostet 3 Millionen, sagte der Minister.",
			"number changed 3 Milliarden→3 Millionen"},
		{"german abbreviated", "Das Projekt kostet 3 Mrd. Euro.", "Das Projekt kostet 3 Mio. Euro.", "number changed 3 Mrd→3 Mio"},
		{"german long scale", "Die Schulden betragen 2 Billionen.", "Die Schulden betragen 2 Milliarden.", "number changed 2 Billionen→2 Milliarden"},
		{"german as english", "Das Projekt kostet 3 Milliarden.", "Das Projekt kostet 3 billion.", ""},
		{"spanish", "El proyecto costará 3 mil millones, según el ministerio.", "El proyecto costará 3 millones, según el ministerio.",
			"number changed 3 mil millones→3 millones"},
		{"spanish mil", "Asistieron 3 mil personas.", "Asistieron 3.000 personas.", ""},
		{"spanish billones", "La deuda llega a 2 billones.", "La deuda llega a 2 mil millones.", "number changed 2 billones→2 mil millones"},
		{"italian", "Il progetto costerà 3 miliardi, secondo il ministero.", "Il progetto costerà 3 milioni, secondo il ministero.",
			"number changed 3 miliardi→3 milioni"},
		{"italian mila", "Hanno partecipato 3 mila persone.", "Hanno partecipato 4 mila persone.", "number changed 3 mila→4 mila"},
		{"portuguese", "O projeto vai custar 3 mil milhões, segundo o ministério.", "O projeto vai custar 3 milhões, segundo o ministério.",
			"number changed 3 mil milhões→3 milhões"},
		{"brazilian", "O projeto vai custar 3 bilhões.", "O projeto vai custar 3 mil milhões.", ""},
		{"dutch", "Het project kost 3 miljard, aldus het ministerie.", "Het project kost 3 miljoen, aldus het ministerie.",
			"number changed 3 miljard→3 miljoen"},
		{"german words", "Die Region hat sechs Millionen Einwohner.", "Die Region hat 6 Millionen Einwohner.", ""},
		{"spanish words", "La región tiene seis millones de habitantes.", "La región tiene seis mil habitantes.",
			"number changed seis millones→seis mil"},
		{"italian weak word with a scale", "La regione ha sei milioni di abitanti.", "La regione ha sette milioni di abitanti.",
			"number changed sei milioni→sette milioni"},
		{"portuguese words", "A região tem seis milhões de habitantes.", "A região tem 6 milhões de habitantes.", ""},
		{"dutch words", "De regio telt zes miljoen inwoners.", "De regio telt zes miljard inwoners.", "number changed zes miljoen→zes miljard"},
		{"french money", "Le projet coûtera €3 milliards.", "Le projet coûtera €3 millions.", "money changed €3 milliards→€3 millions"},
		{"german money as english", "Das Projekt kostet €3 Milliarden.", "Das Projekt kostet €3bn.", ""},
		{"no scale in a longer word", "Il y a 3 millionnaires.", "Il y a 4 millionnaires.", "number changed 3→4"},
	}
	runFactCases(t, tests)
}

// TestScaleWordsInCapitals: a scale word in capitals, as a headline sets
// it, is read as in lower case, its letters outside ASCII too ("MILHÕES",
// "MILLÓN"), and so is a number word before it; an edit of the scale word
// alone is a number changed.
func TestScaleWordsInCapitals(t *testing.T) {
	tests := []factCase{
		{"portuguese", "CUSTO SOBE PARA 3 MILHÕES", "CUSTO SOBE PARA 3 BILHÕES", "number changed 3 MILHÕES→3 BILHÕES"},
		{"portuguese mil milhões", "CUSTO SOBE PARA 3 MIL MILHÕES", "CUSTO SOBE PARA 3 BILHÕES", ""},
		{"portuguese singular", "DÍVIDA DE 1 MILHÃO", "DÍVIDA DE 2 MILHÕES", "number changed 1 MILHÃO→2 MILHÕES"},
		{"portuguese as lower case", "O projeto custa 3 MILHÕES.", "O projeto custa 3 milhões.", ""},
		{"portuguese words", "PROJETO CUSTA TRÊS MILHÕES", "PROJETO CUSTA QUATRO MILHÕES", "number changed TRÊS MILHÕES→QUATRO MILHÕES"},
		{"spanish", "EL PROYECTO COSTARÁ 1 MILLÓN", "EL PROYECTO COSTARÁ 3 MILLONES", "number changed 1 MILLÓN→3 MILLONES"},
		{"spanish mil millones", "COSTARÁ 3 MIL MILLONES", "COSTARÁ 3 MILLONES", "number changed 3 MIL MILLONES→3 MILLONES"},
		{"spanish billón", "DEUDA DE 2 BILLONES", "DEUDA DE 2 BILLÓN", ""},
		{"german", "PROJEKT KOSTET 3 MILLIARDEN", "PROJEKT KOSTET 3 MILLIONEN", "number changed 3 MILLIARDEN→3 MILLIONEN"},
		{"german words", "Drei Millionen Menschen leben dort.", "Vier Millionen Menschen leben dort.",
			"number changed Drei Millionen→Vier Millionen"},
		{"italian", "IL PROGETTO COSTERÀ 3 MILIARDI", "IL PROGETTO COSTERÀ 3 MILIONI", "number changed 3 MILIARDI→3 MILIONI"},
		{"french", "LE PROJET COÛTERA 3 MILLIARDS", "LE PROJET COÛTERA 3 MILLIONS", "number changed 3 MILLIARDS→3 MILLIONS"},
		{"dutch", "PROJECT KOST 3 MILJARD", "PROJECT KOST 3 MILJOEN", "number changed 3 MILJARD→3 MILJOEN"},
		{"a name stays a name", "Le chef Otto a parlé.", "Le chef Otto a parlé. Il a cité TRES CANTOS.", ""},
	}
	runFactCases(t, tests)
}
