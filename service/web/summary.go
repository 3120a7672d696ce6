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
// added or edited since an earlier one.
func (p *Pages) fillSummaries(ctx context.Context, v *articleView) error {
	opts := summarize.Options{Sentences: v.Params.Length}
	if v.Params.Unit == "words" {
		opts = summarize.Options{Words: v.Params.Length}
	}
	sum, err := p.summary(v.To.ContentHash, v.To.Body, opts)
	if err != nil {
		return err
	}
	v.Summary = sum
	if v.Params.Since == 0 {
		return nil
	}
	since, err := p.store.RevisionByNumber(ctx, v.ID, v.Params.Since)
	if err != nil {
		return err
	}
	r, err := p.compare(since, v.To)
	if err != nil {
		return err
	}
	v.Since, err = p.summarizeChanges(since.ContentHash+":"+v.To.ContentHash, r.ChangedSentences(), opts)
	if v.Since != nil {
		v.Since.Since = v.Params.Since
	}
	return err
}

// summary returns the cached summary of a text; a text with no sentence to
// pick has an empty one.
func (p *Pages) summary(hash, text string, opts summarize.Options) (*summaryView, error) {
	key := hash + "|" + strconv.Itoa(opts.Sentences) + "|" + strconv.Itoa(opts.Words)
	sum, err := p.summaries.Get(key, func() (*summarize.Summary, int64, error) {
		sum, err := summarize.Summarize(text, opts)
		// Sentences may be slices of text, which then stays in memory.
		return sum, int64(len(text)), err
	})
	if errors.Is(err, summarize.ErrEmptyText) {
		return &summaryView{}, nil
	}
	if err != nil {
		return nil, err
	}
	return &summaryView{Sentences: sum.Sentences}, nil
}

// summarizeChanges summarizes only the changed sentences, joined by blank
// lines so each stays a sentence of its own, and moves the offsets back onto
// the newer revision's text.
func (p *Pages) summarizeChanges(key string, changes []diff.SentenceChange, opts summarize.Options) (*summaryView, error) {
	if len(changes) == 0 {
		return &summaryView{}, nil
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
	sum, err := p.summary("since:"+key, b.String(), opts)
	if err != nil {
		return nil, err
	}
	out := &summaryView{Sentences: make([]summarize.Sentence, len(sum.Sentences))}
	for i, s := range sum.Sentences {
		j := 0
		for j+1 < len(starts) && starts[j+1] <= s.Start {
			j++
		}
		shift := changes[j].NewStart - starts[j]
		s.Start, s.End = s.Start+shift, s.End+shift
		out.Sentences[i] = s
	}
	return out, nil
}
