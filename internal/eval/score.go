package eval

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"github.com/redline-news/redline/internal/rouge"
	"github.com/redline-news/redline/summarize"
)

// Result is the mean ROUGE F1 of one summarizer over a data set, in percent,
// and the share of its summaries, in percent, that read badly: opening with
// a dangling reference, holding an orphaned one, holding a fragment of under
// four words, holding a byline, quoting without the sentence that names
// the speaker, leaving a quotation open.
type Result struct {
	Name                      string
	Rouge1, Rouge2, RougeLsum float64
	Dangling, Orphaned        float64
	Fragment, Byline          float64
	Speakerless, Unclosed     float64
	Items, Failed             int
}

// Summarizer turns an item into predicted summary sentences.
type Summarizer func(item Item) ([]summarize.Sentence, error)

// Algorithm summarizes with a summarize algorithm at the item's length k.
// A nil model keeps the built-in one.
func Algorithm(name string, model *summarize.Model) Summarizer {
	return func(item Item) ([]summarize.Sentence, error) {
		return summarizeK(item.Article, name, item.K, model)
	}
}

// LeadK takes the first k sentences whatever the item asks: Lead-3 on CNN/DM.
func LeadK(k int) Summarizer {
	return func(item Item) ([]summarize.Sentence, error) {
		return summarizeK(item.Article, summarize.Lead, k, nil)
	}
}

func summarizeK(article, algorithm string, k int, model *summarize.Model) ([]summarize.Sentence, error) {
	sum, err := summarize.Summarize(article, summarize.Options{
		Algorithm: algorithm, Sentences: min(k, summarize.MaxSentences), Model: model,
	})
	if err != nil {
		return nil, err
	}
	return sum.Sentences, nil
}

func texts(sents []summarize.Sentence) string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Text
	}
	return strings.Join(out, "\n")
}

// Evaluate runs fn over items on every core and returns the mean scores. The
// sums run in item order, so the result does not depend on scheduling.
func Evaluate(ctx context.Context, name string, items []Item, fn Summarizer) (Result, error) {
	scores := make([]rouge.Scores, len(items))
	flags := make([]readability, len(items))
	failed := make([]bool, len(items))
	err := parallel(ctx, len(items), func(i int) {
		pred, err := fn(items[i])
		if err != nil {
			failed[i] = true
			return
		}
		scores[i] = rouge.Compute(strings.Join(items[i].Reference, "\n"), texts(pred))
		flags[i] = judge(items[i].Article, "en", pred)
	})
	if err != nil {
		return Result{}, err
	}
	res := Result{Name: name, Items: len(items)}
	for i, s := range scores {
		if failed[i] {
			res.Failed++
		}
		res.Rouge1 += s.Rouge1.F1
		res.Rouge2 += s.Rouge2.F1
		res.RougeLsum += s.RougeLsum.F1
		res.Dangling += indicator(flags[i].dangling)
		res.Orphaned += indicator(flags[i].orphaned)
		res.Fragment += indicator(flags[i].fragment)
		res.Byline += indicator(flags[i].byline)
		res.Speakerless += indicator(flags[i].speakerless)
		res.Unclosed += indicator(flags[i].unclosed)
	}
	if n := float64(len(items)); n > 0 {
		res.Rouge1, res.Rouge2, res.RougeLsum = 100*res.Rouge1/n, 100*res.Rouge2/n, 100*res.RougeLsum/n
		res.Dangling, res.Orphaned = 100*res.Dangling/n, 100*res.Orphaned/n
		res.Fragment, res.Byline = 100*res.Fragment/n, 100*res.Byline/n
		res.Speakerless, res.Unclosed = 100*res.Speakerless/n, 100*res.Unclosed/n
	}
	return res, nil
}

// parallel calls fn(i) for every i below n on a pool of GOMAXPROCS workers
// and stops early when ctx is done.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	var err error
	for i := 0; i < n && err == nil; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
		}
	}
	close(next)
	wg.Wait()
	return err
}
