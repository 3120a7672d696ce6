package summarize

import (
	"math"
	"slices"
)

// redundancyLimit is the tf-idf cosine above which the learned algorithm
// skips a sentence too close to one already chosen: repeating a point costs
// a summary more than it gains.
const redundancyLimit = 0.3

// score returns each sentence's score under the chosen algorithm.
func (s *scratch) score(opts Options) []float64 {
	a := &s.a
	n := len(a.sents)
	switch opts.Algorithm {
	case Lead:
		s.scores = resize(s.scores, n)
		for i := range s.scores {
			s.scores[i] = 1 - float64(i)/float64(n)
		}
		return s.scores
	case TextRank:
		return a.rank(textRankWeight, &s.rank)
	case LexRank:
		return a.rank(lexRankWeight, &s.rank)
	}
	model := opts.Model
	if model == nil {
		model = &builtinModel
	}
	return s.learnedScores(opts.length(a), model)
}

// learnedScores applies the learned model to every sentence.
func (s *scratch) learnedScores(k int, m *Model) []float64 {
	a := &s.a
	n := len(a.sents)
	st := a.stats(s)
	s.feats = resize(s.feats, n*NumFeatures)
	a.features(st, k, s.feats)
	s.scores = resize(s.scores, n)
	g := m.blend(float64(k) / float64(n))
	s.blend = g
	for i := range n {
		x := s.feats[i*NumFeatures : (i+1)*NumFeatures]
		s.scores[i] = logistic((1-g)*dot(m.Short, x) + g*dot(m.Long, x))
	}
	return s.scores
}

// blend returns how much the long-summary model counts for a share: 0 at
// or below ShortShare, 1 at or above LongShare, linear between.
func (m *Model) blend(share float64) float64 {
	return math.Max(0, math.Min(1, (share-m.ShortShare)/(m.LongShare-m.ShortShare)))
}

func dot(w, x []float64) float64 {
	sum := 0.0
	for i := range min(len(w), len(x)) {
		sum += w[i] * x[i]
	}
	return sum
}

func logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// choose picks the sentences of the summary: best first, skipping near
// duplicates for the learned algorithm, then topping up from the skipped
// ones if the text runs out of distinct sentences.
func (s *scratch) choose(opts Options, scores []float64, k int) []int {
	s.order = byScore(scores, s.order)
	s.chosen, s.skipped = s.chosen[:0], s.skipped[:0]
	s.trigrams = s.trigrams[:0]
	s.maxSim = resize(s.maxSim, len(scores))
	limit := math.Inf(1)
	s.blockTrigrams = false
	if opts.Algorithm == Learned {
		limit = redundancyLimit
		s.blockTrigrams = s.blend < 0.5
	}
	if opts.Words > 0 {
		return s.chooseWords(opts.Words, limit)
	}
	for _, i := range s.order {
		if len(s.chosen) == k {
			break
		}
		if s.maxSim[i] > limit || s.repeatsTrigram(i) {
			s.skipped = append(s.skipped, i)
			continue
		}
		s.take(i)
	}
	for _, i := range s.skipped {
		if len(s.chosen) == k {
			break
		}
		s.chosen = append(s.chosen, i)
	}
	return s.chosen
}

// take chooses sentence i and records how similar every other one is to it.
func (s *scratch) take(i int) {
	s.chosen = append(s.chosen, i)
	a := &s.a
	if s.blockTrigrams {
		s.trigrams = appendTrigrams(s.trigrams, a.tokens[a.info[i].tokensStart:a.info[i].tokensEnd])
	}
	for _, e := range a.edges[a.edgeOff[i]:a.edgeOff[i+1]] {
		s.maxSim[e.to] = math.Max(s.maxSim[e.to], float64(e.cos))
	}
}

// chooseWords fills a word budget greedily in rank order, skipping sentences
// that do not fit; if none fits, the best sentence alone is returned, since
// an empty summary of a non-empty text helps no one.
func (s *scratch) chooseWords(budget int, limit float64) []int {
	left := budget
	for _, i := range s.order {
		w := s.a.info[i].words
		if w > left || s.maxSim[i] > limit {
			continue
		}
		s.take(i)
		left -= w
	}
	if len(s.chosen) == 0 {
		s.chosen = append(s.chosen, s.order[0])
	}
	return s.chosen
}

// arrange puts chosen sentences in the order opts ask for.
func arrange(chosen []int, order string) []int {
	out := slices.Clone(chosen)
	if order == OrderDocument {
		slices.Sort(out)
	}
	return out
}

// repeatsTrigram reports whether, under trigram blocking, sentence i repeats
// a word trigram of a chosen sentence. Short summaries cannot afford to say
// one thing twice; long ones legitimately reuse phrases, so they skip this.
func (s *scratch) repeatsTrigram(i int) bool {
	if !s.blockTrigrams || len(s.trigrams) == 0 {
		return false
	}
	a := &s.a
	s.candidate = appendTrigrams(s.candidate[:0], a.tokens[a.info[i].tokensStart:a.info[i].tokensEnd])
	for _, t := range s.candidate {
		if slices.Contains(s.trigrams, t) {
			return true
		}
	}
	return false
}

func appendTrigrams(dst []uint64, toks []token) []uint64 {
	for j := 2; j < len(toks); j++ {
		h := uint64(toks[j-2].hash)*1000003 ^ uint64(toks[j-1].hash)*31 ^ uint64(toks[j].hash)
		dst = append(dst, h)
	}
	return dst
}
