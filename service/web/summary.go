package web

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// maxReserveChars bounds the room kept for a summary not yet computed.
const maxReserveChars = 8000

// reserve returns stand-ins for the sentences of a summary of body (of the
// given number of words) not yet computed, for a length in sentences or a
// word budget: each as long as the text's sentences on average, counted by
// the marks that end them, so that it costs a scan of the text, not a
// summary, and made of the text's own words. The page sets them invisibly where the summary will stand, and
// the browser wraps them as it will wrap the sentences: the panel keeps the
// room they will take at whatever width, and what stands below it stays
// where it is when they arrive.
func reserve(body string, words int, unit string, length int) []string {
	sentences, chars := 0, 0
	prevEnd := false
	for _, r := range body {
		chars++
		if prevEnd && unicode.IsSpace(r) {
			sentences++
		}
		prevEnd = strings.ContainsRune(".!?…。！？", r) || (prevEnd && strings.ContainsRune("\"'”’»)]", r))
	}
	if prevEnd || sentences == 0 {
		sentences++
	}
	n := min(sentences, max(1, length))
	text := n * chars / sentences // characters of the summary
	if unit == "words" && words > 0 {
		// The longest summary within the budget leaves part of it unused:
		// a sentence that does not fit in what is left is not taken.
		budget := min(length, words) * 9 / 10
		n = min(sentences, max(1, (budget*sentences+words/2)/words))
		text = budget * chars / words
	}
	text = min(text, maxReserveChars)
	// The stand-ins are the text's own words, in turn, so that they are
	// as wide as the sentences will be.
	fields := strings.Fields(body)
	out := make([]string, n)
	w := 0
	for i := range out {
		var b strings.Builder
		for want := text / n; utf8.RuneCountInString(b.String()) < want-1 && len(fields) > 0; w++ {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(fields[w%len(fields)])
		}
		out[i] = b.String()
	}
	return out
}
