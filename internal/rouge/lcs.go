package rouge

import "sort"

// Lsum is summary-level ROUGE-L: for each target sentence, the union of its
// longest common subsequences with every predicted sentence, with each token
// counted at most as often as it occurs on both sides.
func Lsum(target, prediction [][]string) Score {
	m, n := totalLen(target), totalLen(prediction)
	if m == 0 || n == 0 {
		return Score{}
	}
	tc, pc := tokenCounts(target), tokenCounts(prediction)
	hits := 0
	for _, ref := range target {
		for _, tok := range unionLCS(ref, prediction) {
			if tc[tok] > 0 && pc[tok] > 0 {
				hits++
				tc[tok]--
				pc[tok]--
			}
		}
	}
	return newScore(hits, m, n)
}

func totalLen(sents [][]string) int {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	return n
}

func tokenCounts(sents [][]string) map[string]int {
	counts := make(map[string]int)
	for _, s := range sents {
		for _, t := range s {
			counts[t]++
		}
	}
	return counts
}

// unionLCS returns the tokens of ref that lie on an LCS with any candidate,
// in ref order.
func unionLCS(ref []string, candidates [][]string) []string {
	seen := make(map[int]bool)
	for _, c := range candidates {
		for _, i := range lcsIndices(ref, c) {
			seen[i] = true
		}
	}
	idx := make([]int, 0, len(seen))
	for i := range seen {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = ref[i]
	}
	return out
}

// lcsIndices returns the positions in ref of one LCS of ref and can, chosen by
// the same backtracking as rouge-score so that ties resolve identically.
func lcsIndices(ref, can []string) []int {
	rows, cols := len(ref)+1, len(can)+1
	t := make([]int, rows*cols)
	for i := 1; i < rows; i++ {
		for j := 1; j < cols; j++ {
			switch {
			case ref[i-1] == can[j-1]:
				t[i*cols+j] = t[(i-1)*cols+j-1] + 1
			default:
				t[i*cols+j] = max(t[(i-1)*cols+j], t[i*cols+j-1])
			}
		}
	}
	var idx []int
	for i, j := len(ref), len(can); i > 0 && j > 0; {
		switch {
		case ref[i-1] == can[j-1]:
			idx = append(idx, i-1)
			i, j = i-1, j-1
		case t[i*cols+j-1] > t[(i-1)*cols+j]:
			j--
		default:
			i--
		}
	}
	for a, b := 0, len(idx)-1; a < b; a, b = a+1, b-1 {
		idx[a], idx[b] = idx[b], idx[a]
	}
	return idx
}
