package summarize

import (
	"slices"
	"strings"
)

// Why a sentence is new to a reader of an earlier revision, the values of
// Sentence.Why in a summary of changes.
const (
	WhyAdded  = "added"
	WhyEdited = "edited"
	WhyFact   = "fact"
)

// FactCorrection is the fact kind of a correction notice, which ranks
// before every other fact and is never cut.
const FactCorrection = "correction"

// Change is one sentence of a new revision that a reader of an earlier one
// has not seen: added, or edited from OldText. Facts are the kinds of the
// facts that changed in it ("number", "money", "quote", "correction", …),
// as a diff finds them; the summarizer does not look for facts itself.
type Change struct {
	Index      int // the sentence's place in the new revision
	Start, End int // its byte offsets in the new revision
	Text       string
	OldText    string // "" for an added sentence
	Facts      []string
}

// maxCopyEditWords is the most words a copy edit may change: an edit of
// that few words and no fact ("its" for "it's", a name's spelling) is not
// news.
const maxCopyEditWords = 2

// Changes summarizes what is new in a revision: the changes, ranked with
// those whose facts changed first (a correction notice before any other
// fact), then by the summarizer's score of the sentence among the changes.
// Copy edits (no fact, at most two words changed) are left out. The length
// options apply to what is left; a correction notice is always whole, its
// sentences all kept. Each sentence says why it is new (Why, and Fact for
// a changed fact's kind); offsets and indexes are those of the new revision.
func Changes(changes []Change, opts Options) (*Summary, error) {
	opts, err := normalize(opts)
	if err != nil {
		return nil, err
	}
	news := newsOnly(changes)
	if len(news) == 0 {
		return &Summary{Algorithm: opts.Algorithm, Sentences: []Sentence{}, Keywords: []Keyword{}}, nil
	}
	joined, starts := joinChangeTexts(news)
	all := opts
	all.Sentences, all.Ratio, all.Words, all.Order = 0, 1, 0, OrderDocument
	sum, err := Summarize(joined, all)
	if err != nil {
		return nil, err
	}
	ranked := rankChanges(news, scoresByChange(sum, starts))
	picked := pickChanges(news, ranked, opts, sum.Language)
	out := &Summary{Algorithm: sum.Algorithm, Language: sum.Language, LanguageSource: sum.LanguageSource, Supported: sum.Supported,
		Detection: sum.Detection, Keywords: sum.Keywords, htmlKeywords: sum.htmlKeywords}
	for _, j := range picked {
		out.Sentences = append(out.Sentences, changeSentence(news[j], sum, starts[j]))
	}
	if opts.Order == OrderDocument {
		slices.SortFunc(out.Sentences, func(a, b Sentence) int { return a.Index - b.Index })
	}
	return out, nil
}

// newsOnly drops copy edits.
func newsOnly(changes []Change) []Change {
	var out []Change
	for _, c := range changes {
		if c.OldText != "" && len(c.Facts) == 0 && wordsChanged(c.OldText, c.Text) <= maxCopyEditWords {
			continue
		}
		out = append(out, c)
	}
	return out
}

// joinChangeTexts joins the sentences with blank lines, so that each stays
// a unit of its own, and returns where each starts.
func joinChangeTexts(news []Change) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(news))
	for i, c := range news {
		if i > 0 {
			b.WriteString("\n\n")
		}
		starts[i] = b.Len()
		b.WriteString(c.Text)
	}
	return b.String(), starts
}

// scoresByChange returns each change's best unit score in the summary of
// the joined text; a change that is not a sentence there scores 0.
func scoresByChange(sum *Summary, starts []int) []float64 {
	scores := make([]float64, len(starts))
	for _, s := range sum.Sentences {
		j := changeAt(starts, s.Start)
		scores[j] = max(scores[j], s.Score)
	}
	return scores
}

func changeAt(starts []int, off int) int {
	j := 0
	for j+1 < len(starts) && starts[j+1] <= off {
		j++
	}
	return j
}

// rankChanges orders the changes: corrections, then other facts, then the
// rest, each by score and then by place.
func rankChanges(news []Change, scores []float64) []int {
	order := make([]int, len(news))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := factRank(news[a]) - factRank(news[b]); d != 0 {
			return d
		}
		return byScoreDesc(scores[a], scores[b])
	})
	return order
}

// factRank puts changed values and quotes first (a new death toll is the
// news), correction notices next (they fix what the reader was told), then
// every other change.
func factRank(c Change) int {
	switch {
	case len(c.Facts) > 0 && !slices.Contains(c.Facts, FactCorrection):
		return 0
	case len(c.Facts) > 0:
		return 1
	}
	return 2
}

// pickChanges takes the ranked changes the length options ask for. A
// correction notice counts as one change and comes whole: with it come the
// changed sentences right after it that lean on it ("It is the Severn, not
// the Wye.").
func pickChanges(news []Change, ranked []int, opts Options, lang string) []int {
	k := DefaultSentences
	switch {
	case opts.Sentences > 0:
		k = opts.Sentences
	case opts.Ratio > 0:
		k = max(1, int(opts.Ratio*float64(len(news))+0.999999))
	}
	taken := make([]bool, len(news))
	var out []int
	units, words := 0, 0
	for _, j := range ranked {
		if taken[j] {
			continue
		}
		group := noticeOf(news, j, lang)
		w := 0
		for _, g := range group {
			w += countWords(news[g].Text)
		}
		if opts.Words > 0 && words+w > opts.Words && units > 0 || opts.Words == 0 && units >= k {
			continue
		}
		for _, g := range group {
			taken[g] = true
			out = append(out, g)
		}
		units, words = units+1, words+w
	}
	return out
}

// noticeOf returns change j with, for a correction notice, the changes
// that continue it.
func noticeOf(news []Change, j int, lang string) []int {
	group := []int{j}
	if !slices.Contains(news[j].Facts, FactCorrection) {
		return group
	}
	for g := j + 1; g < len(news) && news[g].Index == news[g-1].Index+1 && LeansOnPrevious(news[g].Text, lang); g++ {
		group = append(group, g)
	}
	return group
}

// changeSentence renders change c, which starts at start in the joined
// text, as a summary sentence of the new revision.
func changeSentence(c Change, sum *Summary, start int) Sentence {
	s := Sentence{Index: c.Index, Start: c.Start, End: c.End, Text: c.Text, Kind: KindSentence, Why: WhyAdded}
	for _, u := range sum.Sentences {
		if u.Start >= start && u.Start < start+len(c.Text) {
			s.Score = max(s.Score, u.Score)
		}
	}
	switch {
	case len(c.Facts) > 0:
		s.Why, s.Fact = WhyFact, c.Facts[0]
		if slices.Contains(c.Facts, FactCorrection) {
			s.Fact = FactCorrection
		}
	case c.OldText != "":
		s.Why = WhyEdited
	}
	return s
}

// wordsChanged counts the words of old and new outside their longest
// common subsequence of words: 1 for "it's" → "its", 2 for a word swapped.
// Sentences are short, so the quadratic table is small.
func wordsChanged(old, new string) int {
	a, b := strings.Fields(old), strings.Fields(new)
	if len(a)*len(b) > 1<<16 {
		return len(a) + len(b)
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	common := prev[len(b)]
	return max(len(a), len(b)) - common
}
