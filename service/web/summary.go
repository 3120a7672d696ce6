package web

import (
	"context"
	"errors"
	"strconv"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// summaryView is a summary of the shown revision: sentences with their byte
// offsets in its text, which the page's script marks when clicked.
type summaryView struct {
	Sentences []summarize.Sentence
	Since     int
}

// fillSummaries summarizes the newer revision and, when asked, what it
// added or edited since an earlier one. Unless compute is set it only
// takes what the cache holds, and reports false when something is missing.
func (p *Pages) fillSummaries(ctx context.Context, v *articleView, compute bool) (bool, error) {
	opts := summarize.Options{Sentences: v.Params.Length, DefaultLanguage: p.language}
	if v.Params.Unit == "words" {
		opts = summarize.Options{Words: v.Params.Length, DefaultLanguage: p.language}
	}
	sum, err := p.summary(v.To.ContentHash, v.To.Body, opts, compute)
	if sum == nil || err != nil {
		return false, err
	}
	v.Summary = sum
	if v.Params.Since == 0 {
		return true, nil
	}
	since, err := p.store.RevisionByNumber(ctx, v.ID, v.Params.Since)
	if err != nil {
		return false, err
	}
	key := "since:" + since.ContentHash + ":" + v.To.ContentHash
	if !compute {
		v.Since, err = p.summary(key, "", opts, false)
	} else {
		var r *diff.Result
		if r, err = p.compare(since, v.To); err != nil {
			return false, err
		}
		v.Since, err = p.summarizeChanges(key, r, v.To.Body, opts)
	}
	if v.Since == nil || err != nil {
		return false, err
	}
	v.Since.Since = v.Params.Since
	return true, nil
}

// summary returns the cached summary of a text, computing it when compute
// is set; a text with no sentence to pick has an empty one. It returns nil
// when the summary is neither cached nor to be computed.
func (p *Pages) summary(hash, text string, opts summarize.Options, compute bool) (*summaryView, error) {
	key := summaryKey(hash, opts)
	if !compute {
		sum, ok := p.summaries.Cached(key)
		if !ok {
			return nil, nil
		}
		return &summaryView{Sentences: sum.Sentences}, nil
	}
	sum, err := p.summaries.Get(key, func() (*summarize.Summary, int64, error) {
		sum, err := summarize.Summarize(text, opts)
		// Sentences may be slices of text, which then stays in memory.
		return sum, int64(len(text)), err
	})
	if errors.Is(err, summarize.ErrEmptyText) {
		return &summaryView{}, nil // not cached: cheap to find again
	}
	if err != nil {
		return nil, err
	}
	return &summaryView{Sentences: sum.Sentences}, nil
}

// summarizeChanges summarizes what the newer revision added or edited, as
// the API's summary?since=N does: changed facts first, copy edits left out.
// Offsets are in the newer revision's text.
func (p *Pages) summarizeChanges(key string, res *diff.Result, newText string, opts summarize.Options) (*summaryView, error) {
	sum, err := p.summaries.Get(summaryKey(key, opts), func() (*summarize.Summary, int64, error) {
		sum, err := summarize.Changes(service.NewsSince(res), opts)
		if errors.Is(err, summarize.ErrEmptyText) {
			return &summarize.Summary{}, 0, nil
		}
		// Sentences are slices of the newer revision's text.
		return sum, int64(len(newText)), err
	})
	if err != nil {
		return nil, err
	}
	return &summaryView{Sentences: sum.Sentences}, nil
}

// summaryKey names a summary of the text with the given key (a content
// hash) and options in the cache.
func summaryKey(key string, opts summarize.Options) string {
	return key + "|" + strconv.Itoa(opts.Sentences) + "|" + strconv.Itoa(opts.Words)
}
