// Package rouge scores summaries with ROUGE-1, ROUGE-2 and summary-level
// ROUGE-Lsum exactly as Google's rouge-score package does with stemming on:
// lowercase, [a-z0-9]+ tokens, original Porter stemming of tokens longer than
// three characters, and F1 from precision and recall. Matching that method is
// what makes figures comparable with published ones.
package rouge

import (
	"strings"
)

// Score is one ROUGE measure: precision, recall and their harmonic mean.
type Score struct {
	Precision, Recall, F1 float64
}

// Scores holds the three measures that Redline reports.
type Scores struct {
	Rouge1, Rouge2, RougeLsum Score
}

// Tokenize lowercases text, keeps runs of [a-z0-9] and stems tokens longer
// than three characters, as rouge-score's tokenizer does.
func Tokenize(text string) []string {
	lower := strings.ToLower(text)
	var tokens []string
	start := -1
	for i := 0; i <= len(lower); i++ {
		if i < len(lower) && isAlnum(lower[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			tokens = append(tokens, stemToken(lower[start:i]))
			start = -1
		}
	}
	return tokens
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func stemToken(tok string) string {
	if len(tok) > 3 {
		return Stem(tok)
	}
	return tok
}

// Compute scores prediction against target. Both are plain text; for
// ROUGE-Lsum their lines are the sentences.
func Compute(target, prediction string) Scores {
	t, p := Tokenize(target), Tokenize(prediction)
	return Scores{
		Rouge1:    NGram(t, p, 1),
		Rouge2:    NGram(t, p, 2),
		RougeLsum: Lsum(sentenceTokens(target), sentenceTokens(prediction)),
	}
}

// sentenceTokens tokenizes each non-empty line of text.
func sentenceTokens(text string) [][]string {
	var out [][]string
	for line := range strings.SplitSeq(text, "\n") {
		if line != "" {
			out = append(out, Tokenize(line))
		}
	}
	return out
}

// fmeasure is the harmonic mean, zero when both inputs are zero.
func fmeasure(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func newScore(hits, targetCount, predictionCount int) Score {
	p := float64(hits) / float64(max(predictionCount, 1))
	r := float64(hits) / float64(max(targetCount, 1))
	return Score{Precision: p, Recall: r, F1: fmeasure(p, r)}
}

// NGram is ROUGE-N over token lists: clipped n-gram overlap counts.
func NGram(target, prediction []string, n int) Score {
	tc := ngramCounts(target, n)
	pc := ngramCounts(prediction, n)
	hits := 0
	for g, c := range pc {
		hits += min(c, tc[g])
	}
	return newScore(hits, max(len(target)-n+1, 0), max(len(prediction)-n+1, 0))
}

func ngramCounts(tokens []string, n int) map[string]int {
	counts := make(map[string]int, len(tokens))
	for i := 0; i+n <= len(tokens); i++ {
		counts[strings.Join(tokens[i:i+n], " ")]++
	}
	return counts
}
