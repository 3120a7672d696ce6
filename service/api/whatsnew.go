package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

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
		sum, err := summarize.Changes(service.NewsSince(res.body), s.summarizeOptions(in.SummaryOptions))
		// Sentences are slices of the new revision's text.
		return sum, int64(len(to.Body)), err
	})
	if errors.Is(err, summarize.ErrInvalidOptions) {
		return nil, newProblem(http.StatusBadRequest, strings.TrimPrefix(err.Error(), summarize.ErrInvalidOptions.Error()+": "))
	}
	return sum, err
}
