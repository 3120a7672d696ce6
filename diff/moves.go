package diff

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/redline-news/redline/internal/text"
)

// Near-identical sentences count as moved when they share at least this
// share of their words (Dice coefficient) and have at least minMoveWords.
const (
	moveSimilarity = 0.75
	minMoveWords   = 4
	// maxMovePairs bounds the near-identical search, which compares every
	// removed sentence with every added one.
	maxMovePairs = 40_000
)

// matchMoves pairs removed old sentences with added new ones that carry the
// same text, or nearly the same: a paragraph that moved reads as a move, not
// as a deletion plus an insertion. It returns old index -> new index.
func matchMoves(os, ns []text.Sentence, oPart, nPart []int) map[int]int {
	removed, added := orphans(oPart), orphans(nPart)
	moved := make(map[int]int)
	if len(removed) == 0 || len(added) == 0 {
		return moved
	}
	byText := make(map[string][]int, len(removed))
	for _, i := range removed {
		byText[os[i].Text] = append(byText[os[i].Text], i)
	}
	var left []int
	for _, j := range added {
		if is := byText[ns[j].Text]; len(is) > 0 {
			moved[is[0]], byText[ns[j].Text] = j, is[1:]
			continue
		}
		left = append(left, j)
	}
	matchNear(os, ns, unmatched(removed, moved), left, moved)
	return moved
}

// orphans returns the indexes of sentences without a partner.
func orphans(part []int) []int {
	var out []int
	for i, p := range part {
		if p < 0 {
			out = append(out, i)
		}
	}
	return out
}

func unmatched(removed []int, moved map[int]int) []int {
	var out []int
	for _, i := range removed {
		if _, ok := moved[i]; !ok {
			out = append(out, i)
		}
	}
	return out
}

// matchNear pairs each added sentence with the most similar removed one,
// greedily, when they are similar enough.
func matchNear(os, ns []text.Sentence, removed, added []int, moved map[int]int) {
	if len(removed) == 0 || len(added) == 0 || len(removed)*len(added) > maxMovePairs {
		return
	}
	seed := maphash.MakeSeed()
	bags := make([][]uint64, len(removed))
	for k, i := range removed {
		bags[k] = wordBag(seed, os[i].Text)
	}
	taken := make([]bool, len(removed))
	for _, j := range added {
		bag := wordBag(seed, ns[j].Text)
		best, bestSim := -1, moveSimilarity
		for k := range removed {
			if sim := dice(bag, bags[k]); !taken[k] && sim >= bestSim {
				best, bestSim = k, sim
			}
		}
		if best >= 0 {
			taken[best] = true
			moved[removed[best]] = j
		}
	}
}

// wordBag returns the sorted hashes of the words of s, lowercased.
func wordBag(seed maphash.Seed, s string) []uint64 {
	var bag []uint64
	for _, t := range tokenize(s, 0, nil) {
		if t.kind == kindWord {
			bag = append(bag, maphash.String(seed, strings.ToLower(s[t.start:t.end])))
		}
	}
	slices.Sort(bag)
	return bag
}

// dice returns 2|a∩b| / (|a|+|b|) for sorted multisets, 0 when either is
// too short to tell a move from a coincidence.
func dice(a, b []uint64) float64 {
	if len(a) < minMoveWords || len(b) < minMoveWords {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common, i, j = common+1, i+1, j+1
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
