package summarize

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// chooser returns a scratch set up as if analysis had found sentences of
// the given word counts, of which those in leaning lean on the one
// before, with no similarity links between them.
func chooser(words []int, leaning ...int) *scratch {
	s := &scratch{}
	for _, w := range words {
		s.a.info = append(s.a.info, sentenceInfo{words: w})
	}
	for _, i := range leaning {
		s.a.info[i].leans = true
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

// withOpenQuotes marks the sentences of s in open as leaving a quotation
// open.
func withOpenQuotes(s *scratch, open []int) *scratch {
	for _, i := range open {
		s.a.info[i].quoteOpen = true
	}
	return s
}

func TestBlockDoesNotEndInsideAQuotation(t *testing.T) {
	scores := []float64{0.4, 0.2, 0.9, 0.3, 0.1}
	ten := []int{10, 10, 10, 10, 10}
	tests := []struct {
		name          string
		k             int
		words         []int
		leaning, open []int
		want          []int
	}{
		// Without the open quotation, 0.9 is a pick of its own.
		{"closed", 2, ten, []int{3}, nil, []int{2, 0}},
		// Sentence 2 leaves open a quotation that 3 goes on with: it comes
		// as the block 2–3, worth (0.9+0.3)/2, which beats 0.4.
		{"open", 3, ten, []int{3}, []int{2}, []int{2, 3, 0}},
		// The k-th pick may still cut that block after its first sentence.
		{"open, cut", 1, ten, []int{3}, []int{2}, []int{2}},
		// A fragment cannot carry it, so 2 may end a block.
		{"open before a fragment", 2, []int{10, 10, 10, 2, 10}, []int{3}, []int{2}, []int{2, 0}},
		// Nor can a sentence that does not lean on it.
		{"open before one that stands alone", 2, ten, nil, []int{2}, []int{2, 0}},
		// Nor one whose own block would be too long: 3 leans back to 0.
		{"open, next block too long", 3, ten, []int{1, 2, 3}, []int{2}, []int{0, 1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := withOpenQuotes(chooser(tc.words, tc.leaning...), tc.open)
			got := s.choose(Options{Algorithm: TextRank}, scores, tc.k)
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

// naiveTopUp is the top-up as a scan of every block per pick: the
// reference topUp's heap must agree with.
func naiveTopUp(s *scratch, k int) {
	s.toppingUp = true
	defer func() { s.toppingUp = false }()
	for len(s.chosen) < k {
		if !s.takeBlock(s.bestBlock(func(int) bool { return true }), k, false) {
			break
		}
	}
	for len(s.chosen) < k {
		i := s.best(func(int) bool { return true })
		if i < 0 {
			break
		}
		s.take(i, s.priority(i))
	}
}

func TestTopUpAgreesWithAScanPerPick(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		n := 1 + rng.IntN(40)
		words := make([]int, n)
		scores := make([]float64, n)
		var dependent, open []int
		for i := range n {
			words[i] = 1 + rng.IntN(8)           // many fragments, so the top-up has work
			scores[i] = float64(rng.IntN(6)) / 5 // ties, so their order is tested
			if i > 0 && rng.IntN(3) == 0 {
				dependent = append(dependent, i)
			}
			if rng.IntN(5) == 0 {
				open = append(open, i)
			}
		}
		k := 1 + rng.IntN(n)
		got := append([]int(nil), withOpenQuotes(chooser(words, dependent...), open).choose(Options{Algorithm: TextRank}, scores, k)...)
		ref := withOpenQuotes(chooser(words, dependent...), open)
		ref.beginChoice(Options{Algorithm: TextRank}, scores)
		for len(ref.chosen) < k && ref.takeBlock(ref.next(), k, false) {
		}
		naiveTopUp(ref, k)
		if !reflect.DeepEqual(got, ref.chosen) {
			t.Fatalf("trial %d: words %v scores %v dependent %v open %v k %d: got %v, a scan per pick gives %v",
				trial, words, scores, dependent, open, k, got, ref.chosen)
		}
	}
}

func TestTopUpOfManyFragmentsIsEveryOne(t *testing.T) {
	n := 20000
	words := make([]int, n)
	scores := make([]float64, n)
	for i := range n {
		words[i], scores[i] = 1, float64(i%7)
	}
	got := chooser(words).choose(Options{Algorithm: TextRank}, scores, n)
	if len(got) != n {
		t.Fatalf("%d chosen, want %d", len(got), n)
	}
	for j := 1; j < n; j++ {
		if scores[got[j]] > scores[got[j-1]] || scores[got[j]] == scores[got[j-1]] && got[j] < got[j-1] {
			t.Fatalf("pick %d (%d, score %v) after %d (score %v): not best first", j, got[j], scores[got[j]], got[j-1], scores[got[j-1]])
		}
	}
}

func TestBlendFollowsTheShareAndThePickNumber(t *testing.T) {
	m := &Model{ShortShare: 0.2, LongShare: 0.4, ShortPicks: 3, LongPicks: 5}
	byShare := &Model{ShortShare: 0.2, LongShare: 0.4}
	tests := []struct {
		m       *Model
		pick, n int
		want    float64
	}{
		{m, 3, 100, 0},       // the short model's picks
		{m, 4, 100, 0.5},     // halfway by the pick number, share 0.04
		{m, 5, 100, 1},       // the long model's from LongPicks on
		{m, 2, 10, 0},        // share 0.2, pick 2
		{m, 3, 10, 0.5},      // share 0.3: the share's blend is the larger
		{byShare, 5, 100, 0}, // without LongPicks only the share counts
		{byShare, 30, 100, 0.5},
	}
	for _, tt := range tests {
		if got := tt.m.blend(tt.pick, tt.n); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%+v: blend(%d, %d) = %v, want %v", *tt.m, tt.pick, tt.n, got, tt.want)
		}
	}
}
