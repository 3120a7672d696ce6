package summarize

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/redline-news/redline/internal/text"
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
	// Before holds the sentences right before this one in the new
	// revision, nearest last, at most MaxContext of them, changed or not:
	// what it may lean on ("He said…" after an unchanged "The governor
	// spoke."). A summary of changes shows those it leans on and that are
	// not news themselves with it, as context.
	Before []Context
	// Continues is set when the sentence goes on right after the change
	// before it, in the same paragraph (white space between them, no
	// blank line). The sentences that continue a correction notice are
	// part of it ("Correction: … misstated the toll. It was 12.").
	Continues bool
}

// Context is a sentence of the new revision that is not news (unchanged,
// or a copy edit) and that a change leans on, shown with the change so that it reads on its own: its byte offsets
// in the new revision and its text.
type Context struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// MaxContext is the most unchanged sentences a change brings with it: with
// the change itself, the most sentences one pick of a summary takes.
const MaxContext = maxBlock - 1

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
// A change that leans on unchanged sentences before it (Change.Before)
// brings them as its Context, which a word budget counts.
func Changes(changes []Change, opts Options) (*Summary, error) {
	opts, err := normalize(opts)
	if err != nil {
		return nil, err
	}
	news := newsOnly(changes)
	if len(news) == 0 {
		// Nothing to detect a language in: the request's, the fallback
		// or the default, as for a text too short to tell.
		var a analysis
		a.defaultLang = opts.DefaultLanguage
		a.chooseLanguage(opts.Language, opts.FallbackLanguage)
		return &Summary{Algorithm: opts.Algorithm, Language: a.lang, LanguageSource: a.source, Supported: Supported(a.lang),
			Sentences: []Sentence{}, Keywords: []Keyword{}}, nil
	}
	joined, starts := joinChangeTexts(news)
	all := opts
	all.Sentences, all.Ratio, all.Words, all.Order = 0, 1, 0, OrderDocument
	sum, err := Summarize(joined, all)
	if err != nil {
		return nil, err
	}
	contexts := contextsOf(news, sum.Language)
	picked := pickChanges(news, contexts, rankBlocks(news, blocksOf(news, sum.Language), scoresByChange(sum, starts)), opts)
	out := &Summary{Algorithm: sum.Algorithm, Language: sum.Language, LanguageSource: sum.LanguageSource, Supported: sum.Supported,
		Detection: sum.Detection, Keywords: sum.Keywords, listKeywords: sum.listKeywords}
	for _, j := range picked {
		s := changeSentence(news[j], sum, starts[j])
		s.Context = contexts[j]
		out.Sentences = append(out.Sentences, s)
	}
	if opts.Order == OrderDocument {
		slices.SortFunc(out.Sentences, func(a, b Sentence) int { return a.Index - b.Index })
	}
	return out, nil
}

// newsOnly drops copy edits, and the units that are no prose by their
// words (a byline, a time stamp, a labelled caption, boilerplate), whatever
// changed in them.
func newsOnly(changes []Change) []Change {
	var out []Change
	for _, c := range changes {
		if c.OldText != "" && len(c.Facts) == 0 && wordsChanged(c.OldText, c.Text) <= maxCopyEditWords {
			continue
		}
		if text.KindOf(c.Text) != text.KindSentence {
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

// blocksOf groups the changes into the units a summary of changes takes
// whole, in document order: a change that leans on the sentence before it
// ("It struck on Monday.", "He said…"), when that sentence is a change too,
// joins its block, so that no change comes without what it refers to. A
// correction notice is such a block: its first sentence and those that
// continue it, leaning on it or going on in its paragraph. A notice opens
// a block of its own, whatever its first word ("Dieser Artikel wurde
// korrigiert…", "Este artículo ha sido corregido…" speak of the article,
// not of the sentence before).
func blocksOf(news []Change, lang string) [][]int {
	var blocks [][]int
	for j := range news {
		if j > 0 && news[j].Index == news[j-1].Index+1 {
			last := len(blocks) - 1
			notice := news[j].Continues && slices.Contains(news[blocks[last][0]].Facts, FactCorrection)
			if notice || !text.OpensCorrection(news[j].Text) && LeansOnPrevious(news[j].Text, lang) {
				blocks[last] = append(blocks[last], j)
				continue
			}
		}
		blocks = append(blocks, []int{j})
	}
	return blocks
}

// contextsOf returns, for each change, the sentences before it that it
// needs and that are not news themselves (by its first word, or because it
// goes on with a quotation the one before it opens or attributes): none
// when it stands alone or
// follows a change that is news (blocksOf joins those), else the sentence
// before it (unchanged, or a copy edit), and the one before that too when
// that one leans on its own predecessor, up to MaxContext. A change that
// is news ends the context, and so does MaxContext.
func contextsOf(news []Change, lang string) [][]Context {
	isNews := make(map[int]bool, len(news))
	for _, c := range news {
		isNews[c.Start] = true
	}
	out := make([][]Context, len(news))
	for j, c := range news {
		before := c.Before[max(0, len(c.Before)-MaxContext):]
		n := 0
		for cur := c.Text; n < len(before) && !isNews[before[len(before)-1-n].Start]; n++ {
			prev := before[len(before)-1-n].Text
			if !leansForContext(cur, lang) && !ContinuesQuotation(prev, cur, lang) {
				break
			}
			cur = prev
		}
		if n > 0 {
			out[j] = before[len(before)-n:]
		}
	}
	return out
}

// rankBlocks orders the blocks: changed values and quotes first (a new
// death toll is the news), correction notices next (they fix what the
// reader was told), then changes whose only changed facts are times and
// dates (a meeting moved to Tuesday), then every other change, each by
// its best sentence's score and then by place. A block ranks as its best
// sentence, but a correction notice ranks as a notice, whatever values
// its sentences hold.
func rankBlocks(news []Change, blocks [][]int, scores []float64) [][]int {
	rank := make([]int, len(blocks))
	best := make([]float64, len(blocks))
	for b, block := range blocks {
		rank[b] = 3
		for _, j := range block {
			rank[b] = min(rank[b], factRank(news[j]))
			best[b] = max(best[b], scores[j])
		}
		if slices.Contains(news[block[0]].Facts, FactCorrection) {
			rank[b] = 1
		}
	}
	order := make([]int, len(blocks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := rank[a] - rank[b]; d != 0 {
			return d
		}
		return byScoreDesc(best[a], best[b])
	})
	ranked := make([][]int, len(order))
	for i, b := range order {
		ranked[i] = blocks[b]
	}
	return ranked
}

// factRank is 0 for a change with a changed value or quote, 1 for a
// correction notice's first sentence, 2 for a change whose changed facts
// are all times and dates, 3 for any other change: the rank of the fact
// that names it (leadingFact).
func factRank(c Change) int {
	if len(c.Facts) == 0 {
		return 3
	}
	switch leadingFact(c.Facts) {
	case FactCorrection:
		return 1
	case "date", "time":
		return 2
	}
	return 0
}

// pickChanges takes the ranked blocks the length options ask for, each
// counting as one change; a word budget counts their context too.
func pickChanges(news []Change, contexts [][]Context, ranked [][]int, opts Options) []int {
	k := DefaultSentences
	switch {
	case opts.Sentences > 0:
		k = opts.Sentences
	case opts.Ratio > 0:
		k = max(1, int(opts.Ratio*float64(len(news))+0.999999))
	}
	var out []int
	units, words := 0, 0
	for _, block := range ranked {
		w := 0
		for _, j := range block {
			w += countWords(news[j].Text)
			for _, c := range contexts[j] {
				w += countWords(c.Text)
			}
		}
		if opts.Words > 0 && words+w > opts.Words && units > 0 || opts.Words == 0 && units >= k {
			continue
		}
		out = append(out, block...)
		units, words = units+1, words+w
	}
	return out
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
		s.Why, s.Fact = WhyFact, leadingFact(c.Facts)
	case c.OldText != "":
		s.Why = WhyEdited
	}
	return s
}

// factOrder ranks the kinds of fact a sentence may hold, the one that
// names why it is new first: a correction notice; a turned statement
// ("not guilty" → "guilty"); a changed count, sum or rate (the new death
// toll of "On 20 August, gunmen… killing 16 people"); a quotation; and
// last the time and the date that most new sentences of a developing
// story carry.
var factOrder = []string{FactCorrection, "negation", "number", "money", "percent", "quote", "time", "date"}

// leadingFact returns the kind among facts that factOrder ranks first, or
// the first of facts when it ranks none (a kind added later).
func leadingFact(facts []string) string {
	best, rank := facts[0], len(factOrder)
	for _, f := range facts {
		if i := slices.Index(factOrder, f); i >= 0 && i < rank {
			best, rank = f, i
		}
	}
	return best
}

// wordsChanged counts the words of old and new outside their longest
// common subsequence of words: 1 for "it's" → "its", 2 for a word swapped.
// Sentences are short, so the quadratic table is small.
func wordsChanged(old, new string) int {
	a, b := editWords(nfc(old)), editWords(nfc(new))
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

// nfc returns s in Normalization Form C, so that a word respelt with
// combining accents ("e" and U+0301 for "é") counts as the same word, as
// the diff counts it: s itself when it is already.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// editWords splits s into the words an edit is counted in: the fields
// between spaces, with each ideograph or kana a word of its own, as
// countWords counts them, since Chinese and Japanese put no spaces between
// words ("当局表示，救援工作正在进行。" is not one word).
func editWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		start := 0
		for i, r := range f {
			if isIdeograph(r) {
				if start < i {
					out = append(out, f[start:i])
				}
				start = i + utf8.RuneLen(r)
				out = append(out, f[i:start])
			}
		}
		if start < len(f) {
			out = append(out, f[start:])
		}
	}
	return out
}
