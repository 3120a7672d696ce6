package web

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/redline-news/redline/diff"
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
	opts := summarize.Options{Sentences: v.Params.Length}
	if v.Params.Unit == "words" {
		opts = summarize.Options{Words: v.Params.Length}
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
		v.Since, err = p.summarizeChanges(key, r.ChangedSentences(), opts)
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

// summarizeChanges summarizes only the changed sentences, joined by blank
// lines so each stays a sentence of its own, and moves the offsets back onto
// the newer revision's text. The cache keeps the moved offsets, under the
// key that a view taking only cached summaries looks for.
func (p *Pages) summarizeChanges(key string, changes []diff.SentenceChange, opts summarize.Options) (*summaryView, error) {
	sum, err := p.summaries.Get(summaryKey(key, opts), func() (*summarize.Summary, int64, error) {
		if len(changes) == 0 {
			return &summarize.Summary{}, 0, nil
		}
		var b strings.Builder
		starts := make([]int, len(changes))
		for i, c := range changes {
			if i > 0 {
				b.WriteString("\n\n")
			}
			starts[i] = b.Len()
			b.WriteString(c.Text)
		}
		sum, err := summarize.Summarize(b.String(), opts)
		if errors.Is(err, summarize.ErrEmptyText) {
			return &summarize.Summary{}, 0, nil
		}
		if err != nil {
			return nil, 0, err
		}
		moved := *sum
		moved.Sentences = make([]summarize.Sentence, len(sum.Sentences))
		for i, s := range sum.Sentences {
			j := 0
			for j+1 < len(starts) && starts[j+1] <= s.Start {
				j++
			}
			shift := changes[j].NewStart - starts[j]
			s.Start, s.End = s.Start+shift, s.End+shift
			moved.Sentences[i] = s
		}
		return &moved, int64(b.Len()), nil
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
