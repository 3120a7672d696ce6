package summarize

import (
	"math"
	"slices"
	"sort"
)

// graphWindow caps how far apart two sentences may be and still be linked.
// News articles are far shorter (the longest text the learned scorer was
// fitted on has 248 sentences), so every pair of their sentences that
// shares a term is linked, and their features mean what they meant in
// training.
const graphWindow = 400

// A longer text links each sentence only to its neighbourhood, narrower the
// longer the text, so that the graph holds at most about 2·graphPairs
// links (2·minWindow a sentence past 4,096 sentences) and a centrality
// means "central among the sentences around it": the window is
// graphPairs/n sentences each way, but never under minWindow nor over
// graphWindow. A text of up to 256 sentences (√graphPairs) thus links every
// pair, as in training, and the window narrows smoothly beyond.
const (
	graphPairs = 256 * 256
	minWindow  = 16
)

// window returns how far apart two of n sentences may be and be linked.
func window(n int) int {
	return max(minWindow, min(graphWindow, graphPairs/max(n, 1)))
}

// tolerance is the L1 change of the PageRank scores below which a ranking
// of n sentences has converged: 1e-6 for up to graphWindow sentences, and
// the same change per sentence beyond, since a total over more sentences
// takes more rounds to fall as far without the ranks changing.
func tolerance(n int) float64 {
	return 1e-6 * max(1, float64(n)/graphWindow)
}

// lexRankThreshold is the cosine below which LexRank drops a link (Erkan and
// Radev 2004 found 0.1 best).
const lexRankThreshold = 0.1

// damping is the PageRank damping factor both graph rankers use.
const damping = 0.85

// graphScratch holds the dense per-row accumulators for building the graph.
type graphScratch struct {
	dot      []float64
	over     []int32
	logWords []float64 // log of each sentence's word count
	// first and last bound the sentences the current row touched.
	first, last int32
}

// buildGraph links sentences that share a term, through the postings, so the
// work is the sum of squared document frequencies rather than n² times the
// vocabulary.
func (a *analysis) buildGraph(g *graphScratch) {
	n := len(a.sents)
	g.dot = resize(g.dot, n)
	g.over = resizeInt32(g.over, n)
	g.logWords = resize(g.logWords, n)
	for i := range n {
		g.logWords[i] = math.Log(float64(a.info[i].words))
	}
	a.edgeOff = append(a.edgeOff, 0)
	for i := range n {
		a.linkSentence(g, i)
		a.edgeOff = append(a.edgeOff, int32(len(a.edges)))
	}
}

func (a *analysis) linkSentence(g *graphScratch, i int) {
	info := &a.info[i]
	g.first, g.last = int32(len(a.sents)), -1
	w := window(len(a.sents))
	lo, hi := int32(i-w), int32(i+w)
	if lo < 0 && int(hi) >= len(a.sents) {
		a.linkAll(g, i)
		return
	}
	for _, tc := range a.termCounts[info.termsStart:info.termsEnd] {
		wi := float64(tc.count) * a.idf[tc.term]
		posts := a.postings[a.postOff[tc.term]:a.postOff[tc.term+1]]
		from := 0
		if lo > 0 { // only texts longer than the window need the search
			from = sort.Search(len(posts), func(k int) bool { return posts[k].sent >= lo })
		}
		for _, p := range posts[from:] {
			if p.sent > hi {
				break
			}
			if p.sent == int32(i) {
				continue
			}
			g.first, g.last = min(g.first, p.sent), max(g.last, p.sent)
			g.dot[p.sent] += wi * float64(p.weight)
			g.over[p.sent]++
		}
	}
	a.emitEdges(g, i)
}

// linkAll is linkSentence where the window holds every sentence, as in
// any news article: every posting is linked, and the span emitEdges scans
// is that of each term's postings, the first and the last, sentence i's
// own among them (its row stays empty, so the span is wider by nothing
// emitEdges would emit).
func (a *analysis) linkAll(g *graphScratch, i int) {
	info := &a.info[i]
	for _, tc := range a.termCounts[info.termsStart:info.termsEnd] {
		wi := float64(tc.count) * a.idf[tc.term]
		posts := a.postings[a.postOff[tc.term]:a.postOff[tc.term+1]]
		if len(posts) < 2 {
			continue // only sentence i uses the term
		}
		g.first, g.last = min(g.first, posts[0].sent), max(g.last, posts[len(posts)-1].sent)
		for _, p := range posts {
			if p.sent != int32(i) {
				g.dot[p.sent] += wi * float64(p.weight)
				g.over[p.sent]++
			}
		}
	}
	a.emitEdges(g, i)
}

// emitEdges turns the accumulated row of sentence i into edges, in sentence
// order so that everything downstream is deterministic. Scanning the
// touched span is cheaper than sorting the touched sentences: the span
// rarely holds many untouched ones.
func (a *analysis) emitEdges(g *graphScratch, i int) {
	normI, logI := a.info[i].norm, g.logWords[i]
	if g.first <= g.last {
		a.edges = slices.Grow(a.edges, int(g.last-g.first+1))
	}
	for j := g.first; j <= g.last; j++ {
		if g.over[j] == 0 {
			continue
		}
		normJ := a.info[j].norm
		cos := 0.0
		if normI > 0 && normJ > 0 {
			cos = g.dot[j] / (normI * normJ)
		}
		over := 0.0
		if den := logI + g.logWords[j]; den > 0 {
			over = float64(g.over[j]) / den
		}
		a.edges = append(a.edges, edge{to: j, cos: float32(cos), over: float32(over)})
		g.dot[j], g.over[j] = 0, 0
	}
}

// ranker holds one PageRank run's buffers: the score vectors, the
// sentences of non-zero out-weight with the span of their links, and the
// links of non-zero weight, the sentence each leads to and its weight in
// two slices, which a round reads with fewer instructions than a slice of
// pairs. The weights are an edge's float32 similarities or zero, kept as
// float64, which spares a round a conversion for every link, and the
// sentences as int, which a round reads with one load and no sign
// extension. A graph of at most smallGraph sentences, any news article,
// keeps them as bytes instead, and its score vectors hold room for
// smallGraph, so that a round adds along a link with no bounds check.
type ranker struct {
	scores, next []float64
	linkTo       []int
	linkSmall    []uint8 // linkTo of a small graph
	linkWeight   []float64
	sources      []rankSource // the sentences of out-weight above 0, in order
	dangling     []int32      // the sentences of out-weight 0, in order
	small        bool         // at most smallGraph sentences: linkSmall, not linkTo
}

// smallGraph is the most sentences a byte names.
const smallGraph = 256

// rankSource is one sentence that gives its score along links: to (or
// small) and weight are its links, linkTo[lo:hi] (linkSmall[lo:hi]) and
// linkWeight[lo:hi], and out their total weight.
type rankSource struct {
	to           []int
	small        []uint8
	weight       []float64
	sent, lo, hi int32
	out          float64
}

// rank runs PageRank over the sentence graph with the given edge weight and
// returns the stationary scores, which stay valid until r's next run. It
// stops when the scores move by less than tolerance(n) in total, or after
// 100 rounds.
func (a *analysis) rank(weight linkWeight, r *ranker) []float64 {
	n := len(a.sents)
	r.scores, r.next = resizeScores(r.scores, n), resizeScores(r.next, n)
	for i := range r.scores {
		r.scores[i] = 1 / float64(n)
	}
	a.weighLinks(weight, r)
	scores, next := r.scores, r.next
	tol := tolerance(n)
	for range 100 {
		if r.step(scores, next) < tol {
			return next
		}
		scores, next = next, scores
	}
	return scores
}

// resizeScores is resize for a score vector, with room for smallGraph
// scores whatever n.
func resizeScores(s []float64, n int) []float64 {
	if cap(s) < n || cap(s) < smallGraph {
		return make([]float64, n, max(n, smallGraph))
	}
	return resize(s, n)
}

// weighLinks fills r's links and sources. The weights are computed once
// rather than in every round, and links of weight zero are dropped since
// they add exactly nothing to a score. A source's links are sliced once
// every link is in place, so that a round reads them as they are.
func (a *analysis) weighLinks(weight linkWeight, r *ranker) {
	n := len(a.sents)
	r.small = n <= smallGraph
	// Every edge may be a link: the slices get room for all, and a link
	// is written at its place, with no append's test of capacity.
	edges := len(a.edges)
	r.linkWeight = slices.Grow(r.linkWeight[:0], edges)[:edges]
	if r.small {
		r.linkSmall = slices.Grow(r.linkSmall[:0], edges)[:edges]
	} else {
		r.linkTo = slices.Grow(r.linkTo[:0], edges)[:edges]
	}
	r.sources, r.dangling = r.sources[:0], r.dangling[:0]
	links := 0
	for i := range n {
		lo := links
		out := 0.0
		for _, e := range a.edges[a.edgeOff[i]:a.edgeOff[i+1]] {
			w := weight.of(e)
			out += w
			if w != 0 {
				if r.small {
					r.linkSmall[links] = uint8(e.to)
				} else {
					r.linkTo[links] = int(e.to)
				}
				r.linkWeight[links] = w
				links++
			}
		}
		if out == 0 {
			r.dangling = append(r.dangling, int32(i))
			continue
		}
		r.sources = append(r.sources, rankSource{sent: int32(i), lo: int32(lo), hi: int32(links), out: out})
	}
	for k := range r.sources {
		src := &r.sources[k]
		src.weight = r.linkWeight[src.lo:src.hi:src.hi]
		if r.small {
			src.small = r.linkSmall[src.lo:src.hi:src.hi]
		} else {
			src.to = r.linkTo[src.lo:src.hi:src.hi]
		}
	}
}

// step computes one PageRank round into next and returns the L1 change.
// It is the inner loop of every graph ranking: the slices it reads are
// taken once into locals, what is the same for every sentence is computed
// once, and each sentence's links are sliced before the first round, so
// that a round costs little more than its links. Each target's sum is built in
// the order of the sentences, as it always was.
func (r *ranker) step(scores, next []float64) float64 {
	n := float64(len(scores))
	next = next[:len(scores)]
	clear(next)
	dangling := 0.0
	for _, i := range r.dangling {
		dangling += scores[i]
	}
	if r.small {
		// A byte is below len(room), so the adds need no bounds check.
		room := next[:smallGraph]
		for k := range r.sources {
			src := &r.sources[k]
			s, out := scores[src.sent], src.out
			to, weight := src.small, src.weight
			weight = weight[:len(to)]
			for k, j := range to {
				room[j] += s * weight[k] / out
			}
		}
	} else {
		for k := range r.sources {
			src := &r.sources[k]
			s, out := scores[src.sent], src.out
			to, weight := src.to, src.weight
			weight = weight[:len(to)]
			for k, j := range to {
				next[j] += s * weight[k] / out
			}
		}
	}
	base, share := (1-damping)/n, dangling/n
	change := 0.0
	for i, s := range scores {
		v := base + damping*(next[i]+share)
		next[i] = v
		change += math.Abs(v - s)
	}
	return change
}

// linkWeight says which similarity of an edge a ranking weighs its link
// by: a value, not a function, so that weighing every edge makes no call.
type linkWeight uint8

const (
	lexRankWeight  linkWeight = iota // the tf-idf cosine, 0 below lexRankThreshold
	textRankWeight                   // the word overlap
)

// of returns e's weight.
func (w linkWeight) of(e edge) float64 {
	if w == textRankWeight {
		return float64(e.over)
	}
	if e.cos < lexRankThreshold {
		return 0
	}
	return float64(e.cos)
}

func resize(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}
