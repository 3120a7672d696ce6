package rouge_test

import (
	"math"
	"testing"

	"github.com/redline-news/redline/internal/rouge"
)

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"},
		{"cats", "cat"}, {"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"},
		{"bled", "bled"}, {"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"},
		{"troubled", "troubl"}, {"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"},
		{"falling", "fall"}, {"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"},
		{"filing", "file"}, {"happy", "happi"}, {"sky", "sky"}, {"relational", "relat"},
		{"conditional", "condit"}, {"rational", "ration"}, {"valenci", "valenc"},
		{"digitizer", "digit"}, {"conformabli", "conform"}, {"radicalli", "radic"},
		{"differentli", "differ"}, {"vileli", "vile"}, {"analogousli", "analog"},
		{"vietnamization", "vietnam"}, {"predication", "predic"}, {"operator", "oper"},
		{"feudalism", "feudal"}, {"decisiveness", "decis"}, {"hopefulness", "hope"},
		{"callousness", "callous"}, {"formaliti", "formal"}, {"sensitiviti", "sensit"},
		{"sensibiliti", "sensibl"}, {"triplicate", "triplic"}, {"formative", "form"},
		{"formalize", "formal"}, {"electriciti", "electr"}, {"electrical", "electr"},
		{"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"},
		{"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"},
		{"gyroscopic", "gyroscop"}, {"adjustable", "adjust"}, {"defensible", "defens"},
		{"irritant", "irrit"}, {"replacement", "replac"}, {"adjustment", "adjust"},
		{"dependent", "depend"}, {"adoption", "adopt"}, {"homologou", "homolog"},
		{"communism", "commun"}, {"activate", "activ"}, {"angulariti", "angular"},
		{"homologous", "homolog"}, {"effective", "effect"}, {"bowdlerize", "bowdler"},
		{"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"}, {"controll", "control"},
		{"roll", "roll"}, {"generalization", "gener"}, {"oscillators", "oscil"},
		{"generously", "gener"}, {"dying", "dy"}, {"enjoy", "enjoi"}, {"flies", "fli"},
		{"dies", "di"}, {"spied", "spi"}, {"geology", "geologi"}, {"running", "run"},
		{"proceed", "proce"}, {"news", "new"}, {"testing", "test"},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := rouge.Stem(tc.word); got != tc.want {
				t.Errorf("Stem(%q): got %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	got := rouge.Tokenize("The U.S. economy's GROWTH slowed -- 2.5% in Q3!")
	want := []string{"the", "u", "s", "economi", "s", "growth", "slow", "2", "5", "in", "q3"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}

// The expected values are those of rouge-score's own tests
// (rouge_scorer_test.py), with the target given first.
func TestCompute(t *testing.T) {
	tests := []struct {
		name, target, prediction string
		measure                  func(rouge.Scores) rouge.Score
		want                     rouge.Score
	}{
		{"rouge1 partial", "testing one two", "testing", r1, rouge.Score{Precision: 1, Recall: 1.0 / 3, F1: 0.5}},
		{"rouge1 empty prediction", "testing one two", "", r1, rouge.Score{}},
		{"rouge1 identical", "testing one two", "testing one two", r1, rouge.Score{Precision: 1, Recall: 1, F1: 1}},
		{"rouge2 partial", "testing one two", "testing one", r2, rouge.Score{Precision: 1, Recall: 0.5, F1: 2.0 / 3}},
		{"rouge2 no bigram", "testing one two", "testing", r2, rouge.Score{}},
		{"rougeLsum", "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", lsum, rouge.Score{Precision: 0.4, Recall: 0.8, F1: 0.8 / 1.5}},
		{"rougeLsum counts each token once", "w1 w2 w3 w4 w5\nw1", "w1 w2\nw1 w1", lsum, rouge.Score{Precision: 0.75, Recall: 0.5, F1: 0.6}},
		{"stemming matches inflections", "the cats were running", "a cat runs", r1, rouge.Score{Precision: 2.0 / 3, Recall: 0.5, F1: 4.0 / 7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.measure(rouge.Compute(tc.target, tc.prediction))
			if !near(got.Precision, tc.want.Precision) || !near(got.Recall, tc.want.Recall) || !near(got.F1, tc.want.F1) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func r1(s rouge.Scores) rouge.Score   { return s.Rouge1 }
func r2(s rouge.Scores) rouge.Score   { return s.Rouge2 }
func lsum(s rouge.Scores) rouge.Score { return s.RougeLsum }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
