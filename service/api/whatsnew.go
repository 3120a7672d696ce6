package api

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// newsSince turns the sentences a diff found added or edited into the
// summarizer's changes, each with the kinds of the facts that changed in it
// (the diff's fact flags: numbers, money, quotes, corrections…), so that
// the summary ranks changed facts first.
func newsSince(res *diff.Result) []summarize.Change {
	facts := map[int][]string{}
	for _, f := range res.Facts {
		if f.NewSentence != nil {
			facts[*f.NewSentence] = append(facts[*f.NewSentence], string(f.Kind))
		}
	}
	var out []summarize.Change
	for _, c := range res.ChangedSentences() {
		old := ""
		if c.Status != diff.Added {
			old = cmp.Or(c.OldText, c.Text)
		}
		out = append(out, summarize.Change{Index: c.NewIndex, Start: c.NewStart, End: c.NewEnd, Text: c.Text, OldText: old, Facts: facts[c.NewIndex]})
	}
	return out
}

// summarySince summarizes only what revision to added or edited since
// revision since: what a newsletter that sent revision since has not said.
func (s *Server) summarySince(ctx context.Context, in *articleSummaryInput, to *service.Revision) (*summarize.Summary, error) {
	if in.Since > to.Number {
		return nil, newProblem(http.StatusBadRequest, fmt.Sprintf("since (%d) must not be after the revision summarized (%d)", in.Since, to.Number))
	}
	from, err := s.store.RevisionByNumber(ctx, to.ArticleID, in.Since)
	if err != nil {
		return nil, err
	}
	res, err := s.diff(ctx, "rev:"+from.ContentHash+":"+to.ContentHash, from.Title, to.Title, from.Body, to.Body)
	if err != nil {
		return nil, err
	}
	key := in.SummaryOptions.cacheKey("since:" + from.ContentHash + ":" + to.ContentHash)
	sum, err := s.summaries.Get(key, func() (*summarize.Summary, int64, error) {
		sum, err := summarize.Changes(newsSince(res.body), in.SummaryOptions.library())
		// Sentences are slices of the new revision's text.
		return sum, int64(len(to.Body)), err
	})
	if errors.Is(err, summarize.ErrInvalidOptions) {
		return nil, newProblem(http.StatusBadRequest, strings.TrimPrefix(err.Error(), summarize.ErrInvalidOptions.Error()+": "))
	}
	return sum, err
}
