package api

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// newText is the text of the sentences added or edited since an earlier
// revision, joined by blank lines so that each stays a sentence of its own,
// with where each came from in the new revision.
type newText struct {
	text    string
	starts  []int // start of each sentence in text
	changes []diff.SentenceChange
}

func joinChanges(changes []diff.SentenceChange) newText {
	var b strings.Builder
	nt := newText{changes: changes, starts: make([]int, len(changes))}
	for i, c := range changes {
		if i > 0 {
			b.WriteString("\n\n")
		}
		nt.starts[i] = b.Len()
		b.WriteString(c.Text)
	}
	nt.text = b.String()
	return nt
}

// remap moves a summary of nt.text onto the new revision: offsets and
// indexes become those of the revision's own sentences.
func (nt newText) remap(sum *summarize.Summary) *summarize.Summary {
	out := *sum
	out.Sentences = make([]summarize.Sentence, len(sum.Sentences))
	for i, s := range sum.Sentences {
		j := nt.changeAt(s.Start)
		c := nt.changes[j]
		s.Start, s.End = c.NewStart+s.Start-nt.starts[j], c.NewStart+s.End-nt.starts[j]
		s.Index = c.NewIndex
		out.Sentences[i] = s
	}
	return &out
}

// changeAt returns the changed sentence that covers offset off of nt.text.
func (nt newText) changeAt(off int) int {
	j := 0
	for j+1 < len(nt.starts) && nt.starts[j+1] <= off {
		j++
	}
	return j
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
	changes := res.body.ChangedSentences()
	if len(changes) == 0 {
		algorithm := cmp.Or(in.Algorithm, summarize.DefaultAlgorithm)
		return &summarize.Summary{Algorithm: algorithm, Sentences: []summarize.Sentence{}, Keywords: []summarize.Keyword{}}, nil
	}
	nt := joinChanges(changes)
	sum, err := s.summary(ctx, "since:"+from.ContentHash+":"+to.ContentHash, nt.text, in.SummaryOptions)
	if err != nil {
		return nil, err
	}
	return nt.remap(sum), nil
}
