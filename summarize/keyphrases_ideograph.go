package summarize

import (
	"hash/fnv"
	"unicode"
	"unicode/utf8"
)

// Key phrases of scripts written without spaces (Chinese, Japanese). Each
// character is a word of its own (see appendRune), and nothing tells where
// a word ends, so cutting a run of characters into pieces of three cuts
// words ("同比增" of "同比增长"). Instead a key phrase is a string of two to
// maxIdeographPhrase characters that the text repeats, and that is not
// only ever seen inside one longer repeated string: the closed repeats of
// the text, a word or a name that the text keeps coming back to ("统计局",
// "国内生产总值"). A text that repeats no such string has no ideographic key
// phrases: better none than pieces of words.

// maxIdeographPhrase is the most characters of an ideographic key phrase.
const maxIdeographPhrase = 8

// ideographEdges are Chinese characters that work as function words and so
// start or end no key phrase: particles, the commonest prepositions,
// conjunctions and adverbs, "this" and "that".
var ideographEdges = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的了是在和与及也都将对为把被从向等而并或就说这那其之于以还又但着过很" {
		m[r] = true
	}
	return m
}()

// ideographRun is a run of ideographic tokens, as indexes into a.tokens.
type ideographRun struct{ from, to int }

// isIdeographToken reports whether t is one character of a script written
// without spaces.
func (a *analysis) isIdeographToken(t token) bool {
	r, _ := utf8.DecodeRuneInString(a.src[t.start:t.end])
	return isIdeograph(r)
}

// ideographRuns splits toks[i:j], a run of content words, into its runs of
// ideographic characters (appended to runs, as indexes into a.tokens,
// whose first token is toks[0] at index base) and calls other with each
// stretch in between, which the other key phrase rules take.
func (a *analysis) ideographRuns(runs []ideographRun, toks []token, base, i, j int, other func(i, j int)) []ideographRun {
	for i < j {
		k := i
		ideo := a.isIdeographToken(toks[i])
		for k < j && a.isIdeographToken(toks[k]) == ideo {
			k++
		}
		if ideo {
			runs = append(runs, ideographRun{base + i, base + k})
		} else {
			other(i, k)
		}
		i = k
	}
	return runs
}

// ideographEdge reports whether the phrase text may not start or end with
// the rune r: a function character, or any kana of the Japanese syllabary
// that writes particles and endings (hiragana).
func ideographEdge(r rune) bool {
	return ideographEdges[r] || unicode.Is(unicode.Hiragana, r)
}

// validIdeographPhrase reports whether g neither starts nor ends on a
// function character or a hiragana.
func validIdeographPhrase(g string) bool {
	first, _ := utf8.DecodeRuneInString(g)
	last, _ := utf8.DecodeLastRuneInString(g)
	return !ideographEdge(first) && !ideographEdge(last)
}

// hasIdeograph reports whether a token of toks is an ideographic
// character; a token that opens with an ASCII byte is judged by that byte.
func (a *analysis) hasIdeograph(toks []token) bool {
	for _, t := range toks {
		if a.src[t.start] >= utf8.RuneSelf && a.isIdeographToken(t) {
			return true
		}
	}
	return false
}

// addIdeographPhrases adds the closed repeats of runs as key phrases, one
// use for each time the text holds them.
func (a *analysis) addIdeographPhrases(runs []ideographRun) {
	if len(runs) == 0 {
		return
	}
	gram := func(k, n int) string { return a.src[a.tokens[k].start:a.tokens[k+n-1].end] }
	counts := map[string]int{}
	for _, r := range runs {
		for k := r.from; k < r.to; k++ {
			for n := 2; n <= maxIdeographPhrase && k+n <= r.to; n++ {
				counts[gram(k, n)]++
			}
		}
	}
	// A repeat seen only ever inside one longer repeat is that one's piece.
	absorbed := map[string]bool{}
	for _, r := range runs {
		for k := r.from; k < r.to; k++ {
			for n := 3; n <= maxIdeographPhrase && k+n <= r.to; n++ {
				h := gram(k, n)
				c := counts[h]
				if c < 2 {
					break
				}
				if !validIdeographPhrase(h) {
					continue // "统计局的" absorbs no "统计局"
				}
				if counts[gram(k, n-1)] == c {
					absorbed[gram(k, n-1)] = true
				}
				if counts[gram(k+1, n-1)] == c {
					absorbed[gram(k+1, n-1)] = true
				}
			}
		}
	}
	for _, r := range runs {
		for k := r.from; k < r.to; k++ {
			for n := 2; n <= maxIdeographPhrase && k+n <= r.to; n++ {
				g := gram(k, n)
				if counts[g] < 2 {
					break
				}
				if !absorbed[g] && validIdeographPhrase(g) {
					a.addIdeographPhrase(a.tokens[k:k+n], g)
				}
			}
		}
	}
}

// addIdeographPhrase counts one use of the phrase g, the characters toks,
// found by its text: a key of its terms, as addPhrase packs them, holds
// only three.
func (a *analysis) addIdeographPhrase(toks []token, g string) {
	h := fnv.New64a()
	h.Write([]byte(g))
	key := h.Sum64() | 1<<63 // addPhrase's keys of three terms leave the top bit clear
	weight := 0.0
	for _, t := range toks {
		weight += float64(a.tf[t.term])
	}
	k, _ := a.phrases.add(key, toks[0].start, toks[len(toks)-1].end, weight)
	a.phrases.list[k].count++
}
