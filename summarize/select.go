package summarize

import (
	"container/heap"
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
	return s.learnedScores(model)
}

// learnedScores computes every sentence's logit under the two models and
// returns the short model's scores; the ranking blends the two pick by pick.
func (s *scratch) learnedScores(m *Model) []float64 {
	a := &s.a
	n := len(a.sents)
	st := a.stats(s)
	s.feats = resize(s.feats, n*NumFeatures)
	a.features(st, s.feats)
	s.zShort, s.zLong, s.scores = resize(s.zShort, n), resize(s.zLong, n), resize(s.scores, n)
	for i := range n {
		x := s.feats[i*NumFeatures : (i+1)*NumFeatures]
		s.zShort[i], s.zLong[i] = dot(m.Short, x), dot(m.Long, x)
		s.scores[i] = logistic(s.zShort[i])
	}
	s.model = m
	return s.scores
}

// blend returns how much the long-summary model counts for the pick-th
// pick (from 1) of n candidates: by the share pick/n, 0 at or below
// ShortShare, 1 at or above LongShare, linear between; and, when LongPicks
// is set, at least as much by the pick's number, 0 at or below ShortPicks,
// 1 at or above LongPicks.
func (m *Model) blend(pick, n int) float64 {
	g := ramp(float64(pick)/float64(n), m.ShortShare, m.LongShare)
	if m.LongPicks > 0 {
		g = math.Max(g, ramp(float64(pick), m.ShortPicks, m.LongPicks))
	}
	return g
}

// Blend returns how much the long-summary model counts for the pick-th
// pick (from 1) of a text of n candidate sentences, between 0 and 1. Two
// models that blend alike at every pick up to k choose the same k
// sentences of a text.
func (m *Model) Blend(pick, n int) float64 { return m.blend(pick, n) }

// ramp is 0 at or below lo, 1 at or above hi, linear between.
func ramp(x, lo, hi float64) float64 {
	return math.Max(0, math.Min(1, (x-lo)/(hi-lo)))
}

func dot(w, x []float64) float64 {
	sum := 0.0
	for i := range min(len(w), len(x)) {
		sum += w[i] * x[i]
	}
	return sum
}

func logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// minSentenceWords is the length below which a sentence is a fragment
// ("girl ?", "married !"): picked only when nothing longer is left.
const minSentenceWords = 4

// quotePicks is how many picks keep quotations whole (quotesNow): the
// default summary's three sentences, the picks the learned short model
// makes.
const quotePicks = 3

// maxBlock is the most sentences one pick may take: a sentence that leans
// on the one before it comes with it as a block, and with the one before
// that if it leans back too, up to a sentence that stands alone.
const maxBlock = 3

// choose picks the sentences of the summary in rank order; no pick depends
// on k, so the summary of k sentences is that of k−1 plus one. The learned
// algorithm puts the lede (the first sentence of four words or more)
// first, since news is written to be read from the top, unless a word
// budget too small for it forces otherwise, and blends its two models by
// the share the pick reaches. Every algorithm but lead picks blocks: a
// sentence that leans on the sentence before it (LeansOnSentence) comes
// with the sentences it leans on, back to one that stands alone or follows
// a chosen one, and the block is worth the mean score of its sentences, so
// that it competes for the places it takes with as many sentences that
// stand alone. A block is taken in document order and the k-th pick may
// cut it after any sentence, which still leaves every chosen sentence with
// what it leans on. Fragments are passed over, and for the learned
// algorithm near-duplicates too. What was passed over tops the summary up,
// best first, when nothing else is left; a word budget is not topped up,
// since it asks for the best that fits, not for filler.
func (s *scratch) choose(opts Options, scores []float64, k int) []int {
	s.beginChoice(opts, scores)
	if opts.Algorithm == Learned {
		if lede := s.lede(); lede >= 0 && s.fits(lede) {
			s.take(lede, s.priority(lede))
		}
	}
	words := opts.Words > 0
	for len(s.chosen) < k || words {
		if s.settled() {
			// From here on no score or rule changes from pick to pick, so
			// one ordering serves every remaining pick.
			s.heapPicks(k, words, func(i int) bool { return s.eligible(i, math.Inf(1)) })
			break
		}
		if !s.takeBlock(s.next(), k, words) {
			break
		}
	}
	if !words && len(s.chosen) < k {
		s.topUp(k)
	}
	if len(s.chosen) == 0 { // nothing fits: an empty summary of a text helps no one
		s.wordsLeft = -1
		i := s.best(func(int) bool { return true })
		s.take(i, s.priority(i))
	}
	return s.chosen
}

// settled reports whether the next picks all see the same scores and the
// same rules: the algorithm's own scores, or the learned long model alone,
// past the share where the redundancy limit stops, and past the picks that
// keep quotations whole.
func (s *scratch) settled() bool {
	return (!s.learned || s.blend() == 1) && !s.quotesNow()
}

// topUp fills the summary up to k sentences with what was passed over:
// first the blocks, best first, then single sentences, best first. Scores
// are those of the first top-up pick.
func (s *scratch) topUp(k int) {
	s.toppingUp = true
	defer func() { s.toppingUp = false }()
	s.heapPicks(k, false, func(int) bool { return true })
	if len(s.chosen) >= k {
		return
	}
	s.order = s.order[:0]
	for i := range s.base {
		if !s.chosenSet[i] {
			s.order = append(s.order, i)
		}
	}
	slices.SortStableFunc(s.order, func(p, q int) int { return byScoreDesc(s.prio[p], s.prio[q]) })
	for _, i := range s.order {
		if len(s.chosen) >= k {
			break
		}
		s.take(i, s.prio[i])
	}
}

// heapPicks takes blocks whose sentences ok accepts, best first, the
// earliest among equals, until k sentences are chosen or, for a word
// budget, until nothing left fits, as repeated calls of bestBlock would
// while scores and ok stay as they are at the first pick. One heap serves
// every pick, so a long text costs n log n rather than a scan of every
// sentence per pick: only a block that ends within maxBlock sentences
// after a taken one can change, so only those are scored again, and a
// block that does not fit a word budget never will.
func (s *scratch) heapPicks(k int, words bool, ok func(int) bool) {
	g := s.blend()
	n := len(s.base)
	s.prio = resize(s.prio, n)
	for i := range n {
		s.prio[i] = s.priorityAt(i, g)
	}
	s.version = resizeInts(s.version, n)
	h := blockHeap(s.blocks[:0])
	defer func() { s.blocks = h[:0] }()
	push := func(i int) {
		s.version[i]++
		if s.chosenSet[i] || !ok(i) {
			return
		}
		c := s.blockStart(i)
		if c < 0 {
			return
		}
		sum := 0.0
		for j := c; j <= i; j++ {
			if j < i && !ok(j) {
				return
			}
			sum += s.prio[j]
		}
		h = append(h, heapBlock{block{c, i, sum / float64(i-c+1)}, s.version[i]})
		heap.Fix(&h, len(h)-1)
	}
	for i := range n {
		push(i)
	}
	for (words || len(s.chosen) < k) && h.Len() > 0 {
		e := heap.Pop(&h).(heapBlock)
		if e.version != s.version[e.last] || s.chosenSet[e.last] {
			continue
		}
		if s.wordsLeft >= 0 && s.blockWords(e.block) > s.wordsLeft {
			continue // the budget only shrinks
		}
		s.takeBlock(e.block, k, words)
		for i := e.last + 1; i < min(n, e.last+1+maxBlock); i++ {
			push(i)
		}
	}
}

// blockWords is the number of words of b's sentences.
func (s *scratch) blockWords(b block) int {
	w := 0
	for i := b.first; i <= b.last; i++ {
		w += s.a.info[i].words
	}
	return w
}

// heapBlock is a block in the top-up's heap, with the version of its last
// sentence's entry when it was pushed.
type heapBlock struct {
	block
	version int
}

// blockHeap orders blocks best first, the earliest among equals, as
// bestBlock picks them.
type blockHeap []heapBlock

func (h blockHeap) Len() int { return len(h) }
func (h blockHeap) Less(a, b int) bool {
	if h[a].score != h[b].score {
		return h[a].score > h[b].score
	}
	return h[a].last < h[b].last
}
func (h blockHeap) Swap(a, b int) { h[a], h[b] = h[b], h[a] }
func (h *blockHeap) Push(x any)   { *h = append(*h, x.(heapBlock)) }
func (h *blockHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// block is the run of sentences first..last that one pick takes, and its
// score, the mean of theirs.
type block struct {
	first, last int
	score       float64
}

// takeBlock takes the sentences of b in order while fewer than k are
// chosen (or, for a word budget, all of them) and reports whether b held
// any.
func (s *scratch) takeBlock(b block, k int, words bool) bool {
	if b.first < 0 {
		return false
	}
	for i := b.first; i <= b.last && (words || len(s.chosen) < k); i++ {
		s.take(i, b.score)
	}
	return true
}

func (s *scratch) beginChoice(opts Options, scores []float64) {
	n := len(scores)
	s.base = scores
	s.learned = opts.Algorithm == Learned
	s.coherent = opts.Algorithm != Lead
	s.limit = math.Inf(1)
	if s.learned {
		s.limit = redundancyLimit
	}
	s.chosen = s.chosen[:0]
	s.maxSim = resize(s.maxSim, n)
	clear(s.maxSim)
	s.chosenSet = resizeBools(s.chosenSet, n)
	s.passed = resizeBools(s.passed, n)
	s.pickScore = resize(s.pickScore, n)
	s.wordsLeft = -1
	if opts.Words > 0 {
		s.wordsLeft = opts.Words
	}
}

// lede returns the first sentence long enough not to be a fragment, or -1.
func (s *scratch) lede() int {
	for i, info := range s.a.info {
		if info.words >= minSentenceWords {
			return i
		}
	}
	return -1
}

// fits reports whether sentence i fits what is left of a word budget.
func (s *scratch) fits(i int) bool {
	return s.wordsLeft < 0 || s.a.info[i].words <= s.wordsLeft
}

// blockStart returns the first sentence of the block that sentence i
// brings: i itself if it stands alone, follows a chosen sentence, or the
// algorithm ignores coherence; else the sentences before it back to one
// that does. It is -1 when that takes more than maxBlock sentences or runs
// into the start of the text, and when i leaves open a quotation that the
// next sentence goes on with (opensQuoteFor): i then comes in that
// sentence's block, so that a block does not end inside a quotation.
func (s *scratch) blockStart(i int) int {
	if s.coherent && s.quotesNow() && s.a.info[i].quoteOpen && s.opensQuoteFor(i+1) {
		return -1
	}
	return s.leanStart(i)
}

// quotesNow reports whether the next pick keeps quotations whole: a
// sentence that goes on with a quotation comes with the sentence before
// it, and a block does not end inside one. That holds for the first
// quotePicks picks, whatever the algorithm and the text: a newsletter's
// few sentences must never quote someone they do not name, while a long
// digest (40% of a BBC article) holds the speaker's sentence more often
// than not, and its references copy many a quotation's second sentence
// without its first. The pick's number, not the length asked, decides, so
// that the k-sentence summary is still the (k−1)-sentence one plus one.
// The top-up, which fills a summary with what was passed over once
// candidates run out, keeps them whole no longer: it fills with the best
// that is left, and one ordering serves all its picks.
func (s *scratch) quotesNow() bool { return !s.toppingUp && len(s.chosen) < quotePicks }

// leansNow reports whether sentence c needs the one before it at the next
// pick: by its first word always, by its quotation marks while quotesNow.
func (s *scratch) leansNow(c int, quotes bool) bool {
	return s.a.info[c].dependent || quotes && s.a.info[c].leans
}

// leanStart is blockStart without the quotation left open.
func (s *scratch) leanStart(i int) int {
	c := i
	quotes := s.quotesNow()
	for s.coherent && s.leansNow(c, quotes) && !s.chosenSet[c-1] {
		c--
		if i-c >= maxBlock {
			return -1
		}
	}
	return c
}

// opensQuoteFor reports whether sentence j, unchosen, goes on with the
// quotation the one before it leaves open and can bring it: it leans on
// it, is no fragment, and its own block is not too long. When it cannot,
// the sentence before it may end a block.
func (s *scratch) opensQuoteFor(j int) bool {
	return j < len(s.base) && !s.chosenSet[j] && s.leansNow(j, true) &&
		s.a.info[j].words >= minSentenceWords && s.leanStart(j) >= 0
}

// priority is sentence i's score for the next pick: the blend of the two
// learned models at the share that pick reaches, or the algorithm's score.
func (s *scratch) priority(i int) float64 { return s.priorityAt(i, s.blend()) }

// priorityAt is priority with the long model's weight g at the next pick.
func (s *scratch) priorityAt(i int, g float64) float64 {
	if g == 0 {
		return s.base[i] // the algorithm's score, for learned the short model's
	}
	return logistic((1-g)*s.zShort[i] + g*s.zLong[i])
}

// blend is the weight of the long model at the next pick.
func (s *scratch) blend() float64 {
	if !s.learned {
		return 0
	}
	return s.model.blend(len(s.chosen)+1, len(s.base))
}

// next returns the best block that may be picked now, or one with first
// -1. Fragments are passed over for good, since they never grow, and so
// are near-duplicates, since choosing more only makes a sentence more
// redundant.
func (s *scratch) next() block {
	limit := s.limitNow()
	return s.bestBlock(func(i int) bool { return s.eligible(i, limit) })
}

// bestBlock returns the block with the highest score whose sentences all
// fit together and that ok accepts, the earliest among equals.
func (s *scratch) bestBlock(ok func(int) bool) block {
	best := block{-1, -1, math.Inf(-1)}
	s.eachBlock(ok, func(b block) {
		if best.first < 0 || b.score > best.score {
			best = b
		}
	})
	return best
}

// eachBlock calls f with each block whose sentences all fit together and
// that ok accepts, in document order of their last sentence.
func (s *scratch) eachBlock(ok func(int) bool, f func(block)) {
	g := s.blend()
	for i := range s.base {
		if s.chosenSet[i] || !ok(i) {
			continue
		}
		c := s.blockStart(i)
		if c < 0 {
			continue
		}
		sum, words, good := 0.0, 0, true
		for j := c; j <= i && good; j++ {
			sum += s.priorityAt(j, g)
			words += s.a.info[j].words
			good = j == i || ok(j)
		}
		if !good || (s.wordsLeft >= 0 && words > s.wordsLeft) {
			continue
		}
		f(block{c, i, sum / float64(i-c+1)})
	}
}

// eligible reports whether sentence i may be picked under the redundancy
// limit of the next pick, coherence aside; fragments are passed over for
// good.
func (s *scratch) eligible(i int, limit float64) bool {
	if s.chosenSet[i] || s.passed[i] {
		return false
	}
	if s.a.info[i].words < minSentenceWords {
		s.passed[i] = true
		return false
	}
	return s.maxSim[i] <= limit
}

// limitNow is the redundancy limit of the next pick: short summaries
// cannot afford to say a thing twice, long ones legitimately come back to
// a subject.
func (s *scratch) limitNow() float64 {
	if s.blend() >= 0.5 {
		return math.Inf(1)
	}
	return s.limit
}

// best returns the unchosen sentence that fits and that ok accepts with the
// highest priority, the earliest among equals, or -1.
func (s *scratch) best(ok func(int) bool) int {
	g := s.blend()
	best, top := -1, math.Inf(-1)
	for i := range s.base {
		if s.chosenSet[i] || !s.fits(i) || !ok(i) {
			continue
		}
		if p := s.priorityAt(i, g); best < 0 || p > top {
			best, top = i, p
		}
	}
	return best
}

// take chooses sentence i with score and records how similar every other
// one is to it.
func (s *scratch) take(i int, score float64) {
	s.pickScore[i] = score
	s.chosen = append(s.chosen, i)
	s.chosenSet[i] = true
	a := &s.a
	if s.wordsLeft >= 0 {
		s.wordsLeft -= a.info[i].words
	}
	for _, e := range a.edges[a.edgeOff[i]:a.edgeOff[i+1]] {
		s.maxSim[e.to] = math.Max(s.maxSim[e.to], float64(e.cos))
	}
}

func resizeBools(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// arrange puts chosen sentences in the order opts ask for, into dst's
// memory.
func arrange(dst, chosen []int, order string) []int {
	out := append(dst[:0], chosen...)
	if order == OrderDocument {
		slices.Sort(out)
	}
	return out
}
