package eval

import (
	"strings"

	"github.com/redline-news/redline/internal/rouge"
	"github.com/redline-news/redline/summarize"
)

// labels marks the sentences a good summary of item would take: for an
// extractive reference, the sentences it copies; otherwise the greedy ROUGE
// oracle's choice.
func labels(item Item, sents []summarize.Sentence) []bool {
	if item.Extractive {
		ref := make(map[string]bool, len(item.Reference))
		for _, r := range item.Reference {
			ref[r] = true
		}
		out := make([]bool, len(sents))
		for i, s := range sents {
			out[i] = ref[s.Text]
		}
		return out
	}
	return greedyOracle(strings.Join(item.Reference, "\n"), sents, item.K)
}

// ngramSet counts unigrams and bigrams of stemmed ROUGE tokens.
type ngramSet struct {
	uni, bi map[string]int
	nUni    int
	nBi     int
}

func newNgramSet() *ngramSet {
	return &ngramSet{uni: map[string]int{}, bi: map[string]int{}}
}

func (g *ngramSet) add(tokens []string) {
	for i, t := range tokens {
		g.uni[t]++
		if i > 0 {
			g.bi[tokens[i-1]+" "+t]++
		}
	}
	g.nUni += len(tokens)
	g.nBi += max(len(tokens)-1, 0)
}

// greedyOracle adds, up to k times, the sentence that most raises the mean
// of ROUGE-1 and ROUGE-2 F1 against the reference, stopping when none does;
// ties go to the earlier sentence.
func greedyOracle(reference string, sents []summarize.Sentence, k int) []bool {
	ref := newNgramSet()
	ref.add(rouge.Tokenize(reference))
	toks := make([][]string, len(sents))
	for i, s := range sents {
		toks[i] = rouge.Tokenize(s.Text)
	}
	chosen := make([]bool, len(sents))
	var picked [][]string
	best := 0.0
	for range k {
		pick := -1
		for i := range sents {
			if chosen[i] {
				continue
			}
			if sc := oracleScore(ref, append(picked, toks[i])); sc > best {
				best, pick = sc, i
			}
		}
		if pick < 0 {
			break
		}
		chosen[pick] = true
		picked = append(picked, toks[pick])
	}
	return chosen
}

func oracleScore(ref *ngramSet, sents [][]string) float64 {
	cand := newNgramSet()
	for _, s := range sents {
		cand.add(s)
	}
	return (overlapF1(ref.uni, cand.uni, ref.nUni, cand.nUni) + overlapF1(ref.bi, cand.bi, ref.nBi, cand.nBi)) / 2
}

func overlapF1(ref, cand map[string]int, nRef, nCand int) float64 {
	hits := 0
	for g, c := range cand {
		hits += min(c, ref[g])
	}
	if hits == 0 {
		return 0
	}
	p, r := float64(hits)/float64(nCand), float64(hits)/float64(nRef)
	return 2 * p * r / (p + r)
}
