package summarize

import (
	"math"
	"slices"
)

// featureNames names the sentence signals the learned scorer reads, in the
// order of its weights. None depends on the requested length, so a
// sentence's score does not either, and a longer summary only adds
// sentences. The paragraph features are 0 for a text of one paragraph: a
// text without paragraph breaks (the CNN/DM corpus, a pasted lede) says
// nothing about paragraphs, and must not teach the scorer that every
// sentence opens one.
var featureNames = []string{
	"bias", "position", "inverse_position", "first", "second", "third",
	"paragraph_first", "paragraph_position", "log_words", "short", "long",
	"centroid", "lexrank", "lexrank_rank", "textrank", "textrank_rank",
	"first_similarity", "max_similarity", "digits", "quote", "dependent_start",
	"shared_terms", "term_weight", "log_sentences",
	"frequency_sum", "frequency_mean", "log_content",
	"inv_x_centroid", "inv_x_log_words", "inv_x_log_sentences", "words_x_freq",
	"elsewhere_frequency",
}

// NumFeatures is how many features the learned scorer reads a sentence.
const NumFeatures = 32

// FeatureNames returns the names of the learned scorer's features in order.
func FeatureNames() []string { return append([]string(nil), featureNames...) }

// docStats holds the document-level signals that features read.
type docStats struct {
	lexRank, textRank   []float64
	lexOrder, textOrder []int // rank of each sentence, 0 = best
	centroid, firstSim  []float64
	maxSim, shared      []float64
	termWeight          []float64
	freqSum, freqMean   []float64
	freqRest            []float64
	order               []int // rankOrder's sorting buffer
}

// features writes the feature vectors of every sentence into dst (n rows of
// NumFeatures).
func (a *analysis) features(st *docStats, dst []float64) {
	n := len(a.sents)
	for i := range n {
		a.sentenceFeatures(st, i, dst[i*NumFeatures:(i+1)*NumFeatures])
	}
}

func (a *analysis) sentenceFeatures(st *docStats, i int, x []float64) {
	n := float64(len(a.sents))
	info := a.info[i]
	pos := 0.0
	if n > 1 {
		pos = float64(i) / (n - 1)
	}
	inv := 1 / float64(i+1)
	x[0], x[1], x[2] = 1, pos, inv
	x[3], x[4], x[5] = indicator(i == 0), indicator(i == 1), indicator(i == 2)
	if a.numParas > 1 {
		x[6] = indicator(info.paraFirst)
		x[7] = float64(info.paragraph) / float64(a.numParas)
	} else {
		x[6], x[7] = 0, 0
	}
	x[8], x[9], x[10] = math.Log1p(float64(info.words)), indicator(info.words < 8), indicator(info.words > 40)
	x[11], x[12], x[13] = st.centroid[i], st.lexRank[i]*n, float64(st.lexOrder[i])/n
	x[14], x[15] = st.textRank[i]*n, float64(st.textOrder[i])/n
	x[16], x[17] = st.firstSim[i], st.maxSim[i]
	x[18], x[19] = indicator(info.digits), indicator(info.quote)
	x[20] = indicator(info.dependent)
	x[21], x[22], x[23] = st.shared[i], st.termWeight[i], math.Log(n)
	x[24], x[25], x[26] = st.freqSum[i], st.freqMean[i], math.Log1p(float64(info.termsEnd-info.termsStart))
	x[27], x[28], x[29], x[30] = inv*x[11], inv*x[8], inv*x[23], x[8]*x[25]
	x[31] = st.freqRest[i]
}

func indicator(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// stats computes the graph ranks and similarity signals of the document.
func (a *analysis) stats(s *scratch) *docStats {
	st := &s.stats
	st.lexRank = a.rank(lexRankWeight, &s.rank)
	st.lexRank = append(s.lexCopy[:0], st.lexRank...)
	s.lexCopy = st.lexRank
	st.textRank = a.rank(textRankWeight, &s.rank)
	st.order = byScore(st.lexRank, st.order)
	st.lexOrder = rankOrder(st.order, st.lexOrder)
	st.order = byScore(st.textRank, st.order)
	st.textOrder = rankOrder(st.order, st.textOrder)
	a.similarities(st)
	a.centroidSimilarity(st, s)
	a.frequencies(st)
	return st
}

// rankOrder returns each sentence's place in idx, the sentences sorted by
// score (byScore).
func rankOrder(idx []int, out []int) []int {
	out = resizeInts(out, len(idx))
	for place, i := range idx {
		out[i] = place
	}
	return out
}

// byScore returns sentence indices sorted by score, best first, ties by
// position.
//
// Up to insertionSorted scores, none NaN, which orders them strictly,
// it sorts by insertion, the comparison inline: a stable sort, so the
// order is the one slices.SortStableFunc gives, for the instructions of
// the calls alone that its comparison function takes.
func byScore(scores []float64, idx []int) []int {
	idx = resizeInts(idx, len(scores))
	for i := range idx {
		idx[i] = i
	}
	if len(scores) > insertionSorted || slices.ContainsFunc(scores, math.IsNaN) {
		slices.SortStableFunc(idx, func(p, q int) int { return byScoreDesc(scores[p], scores[q]) })
		return idx
	}
	for i := 1; i < len(idx); i++ {
		v, sv := idx[i], scores[i]
		j := i
		for ; j > 0 && sv > scores[idx[j-1]]; j-- {
			idx[j] = idx[j-1]
		}
		idx[j] = v
	}
	return idx
}

// insertionSorted is the most scores byScore sorts by insertion.
const insertionSorted = 64

// byScoreDesc orders higher scores first; it treats incomparable values as
// equal, as a less function built on > does.
func byScoreDesc(x, y float64) int {
	switch {
	case x > y:
		return -1
	case x < y:
		return 1
	}
	return 0
}

func resizeInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// similarities fills firstSim, maxSim and shared from the graph's edges.
func (a *analysis) similarities(st *docStats) {
	n := len(a.sents)
	st.firstSim, st.maxSim, st.shared = resize(st.firstSim, n), resize(st.maxSim, n), resize(st.shared, n)
	for _, e := range a.edges[a.edgeOff[0]:a.edgeOff[1]] {
		st.firstSim[e.to] = float64(e.cos)
	}
	if n > 0 {
		st.firstSim[0] = 1
	}
	for i := range n {
		m := st.maxSim[i]
		for _, e := range a.edges[a.edgeOff[i]:a.edgeOff[i+1]] {
			m = max(m, float64(e.cos)) // as math.Max, inlined
		}
		st.maxSim[i] = m
	}
	for i, info := range a.info {
		st.shared[i] = a.sharedTerms(info)
	}
}

// sharedTerms is the share of a sentence's terms that other sentences use.
func (a *analysis) sharedTerms(info sentenceInfo) float64 {
	terms := a.termCounts[info.termsStart:info.termsEnd]
	if len(terms) == 0 {
		return 0
	}
	shared := 0
	for _, tc := range terms {
		if a.df[tc.term] > 1 {
			shared++
		}
	}
	return float64(shared) / float64(len(terms))
}

// centroidSimilarity fills the cosine of each sentence with the document's
// tf-idf centroid and the mean document frequency of its terms.
func (a *analysis) centroidSimilarity(st *docStats, s *scratch) {
	n := len(a.sents)
	c := resize(s.centroid, len(a.df))
	s.centroid = c
	for t := range c {
		c[t] = float64(a.tf[t]) * a.idf[t]
	}
	norm := 0.0
	for _, v := range c {
		norm += v * v
	}
	norm = math.Sqrt(norm)
	st.centroid, st.termWeight = resize(st.centroid, n), resize(st.termWeight, n)
	for i, info := range a.info {
		st.centroid[i], st.termWeight[i] = a.centroidOf(info, c, norm)
	}
}

func (a *analysis) centroidOf(info sentenceInfo, c []float64, norm float64) (cos, weight float64) {
	terms := a.termCounts[info.termsStart:info.termsEnd]
	if len(terms) == 0 || info.norm == 0 || norm == 0 {
		return 0, 0
	}
	dot, df := 0.0, 0.0
	for _, tc := range terms {
		dot += float64(tc.count) * a.idf[tc.term] * c[tc.term]
		df += float64(a.df[tc.term])
	}
	return dot / (info.norm * norm), df / float64(len(terms)) / float64(len(a.sents))
}

// frequencies fills each sentence's sum and mean of its content words'
// frequencies in the text, relative to the most frequent term (Luhn's
// measure of how much of the text's vocabulary a sentence carries), and the
// same mean counting only the other sentences' uses: how much the rest of
// the text repeats its words.
func (a *analysis) frequencies(st *docStats) {
	n := len(a.sents)
	st.freqSum, st.freqMean, st.freqRest = resize(st.freqSum, n), resize(st.freqMean, n), resize(st.freqRest, n)
	clear(st.freqMean)
	clear(st.freqRest)
	top := int32(1)
	for _, f := range a.tf {
		top = max(top, f)
	}
	for i, info := range a.info {
		sum, rest, words := 0.0, 0.0, 0
		for _, tc := range a.termCounts[info.termsStart:info.termsEnd] {
			sum += float64(tc.count) * float64(a.tf[tc.term])
			rest += float64(tc.count) * float64(a.tf[tc.term]-tc.count)
			words += int(tc.count)
		}
		sum /= float64(top)
		st.freqSum[i] = sum
		if words > 0 {
			st.freqMean[i] = sum / float64(words)
			st.freqRest[i] = rest / float64(top) / float64(words)
		}
	}
}
