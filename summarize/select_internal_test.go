package summarize

import (
	"reflect"
	"testing"
)

// chooser returns a scratch set up as if analysis had found sentences of
// the given word counts, of which those in dependent lean on the one
// before, with no similarity links between them.
func chooser(words []int, dependent ...int) *scratch {
	s := &scratch{}
	for _, w := range words {
		s.a.info = append(s.a.info, sentenceInfo{words: w})
	}
	for _, i := range dependent {
		s.a.info[i].dependent = true
	}
	s.a.edgeOff = make([]int32, len(words)+1)
	return s
}

func TestDependentSentenceComesWithWhatItLeansOn(t *testing.T) {
	scores := []float64{0.5, 0.2, 0.95, 0.4, 0.3}
	ten := []int{10, 10, 10, 10, 10}
	tests := []struct {
		name      string
		k         int
		scores    []float64
		words     []int
		dependent []int
		want      []int
	}{
		// (0.2+0.95)/2 beats 0.5: the pair is one pick, in document order.
		{"pair", 2, scores, ten, []int{2}, []int{1, 2}},
		// A shorter summary is cut after the antecedent, which stands alone.
		{"pair cut", 1, scores, ten, []int{2}, []int{1}},
		{"pair then rest", 4, scores, ten, []int{2}, []int{1, 2, 0, 3}},
		// (0.5+0.2+0.95)/3 beats 0.4 and comes whole.
		{"chain", 3, scores, ten, []int{1, 2}, []int{0, 1, 2}},
		// A fragment cannot carry a sentence that leans on it.
		{"fragment antecedent", 2, scores, []int{10, 2, 10, 10, 10}, []int{2}, []int{0, 3}},
		// Four sentences leaning back are more than one pick may take.
		{"too long", 2, []float64{0.3, 0.2, 0.1, 0.99, 0.4}, ten, []int{1, 2, 3}, []int{4, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := chooser(tc.words, tc.dependent...)
			got := s.choose(Options{Algorithm: TextRank}, tc.scores, tc.k)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestBlockSentencesShareTheBlockScore(t *testing.T) {
	s := chooser([]int{10, 10, 10}, 2)
	chosen := s.choose(Options{Algorithm: TextRank}, []float64{0.5, 0.2, 0.95}, 2)
	if !reflect.DeepEqual(chosen, []int{1, 2}) {
		t.Fatalf("got %v, want [1 2]", chosen)
	}
	if a, b := s.pickScore[1], s.pickScore[2]; a != b || a != (0.2+0.95)/2 {
		t.Errorf("got scores %v and %v, want both %v", a, b, (0.2+0.95)/2)
	}
}

func TestLeadIgnoresBlocks(t *testing.T) {
	s := chooser([]int{10, 10, 10}, 1)
	if got := s.choose(Options{Algorithm: Lead}, []float64{0.9, 0.1, 0.5}, 2); !reflect.DeepEqual(got, []int{0, 2}) {
		t.Errorf("got %v, want [0 2]", got)
	}
}
