package web

import (
	"context"
	"strconv"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
)

// emptyHash is the content hash of revision 0, the empty text that the
// first revision is compared with.
var emptyHash = service.ContentHash("", "")

// compare returns the diff of two revisions' bodies, cached by their content
// hashes. A diff coarsened by its deadline is not kept.
func (p *Pages) compare(from, to *service.Revision) (*diff.Result, error) {
	key := from.ContentHash + ":" + to.ContentHash
	if r, ok := p.diffs.Get(key); ok {
		return r, nil
	}
	r, err := diff.Compare(from.Body, to.Body, diff.Options{})
	if err != nil {
		return nil, err
	}
	if !r.Degraded {
		p.diffs.Add(key, r)
	}
	return r, nil
}

// revisionChange returns the word counts of what revision n of an article
// changed since revision n-1. It is the one place the page gets them from:
// they are computed with diff and cached by article, number and time (a
// deleted and recreated article gets new times), until the store keeps
// them.
func (p *Pages) revisionChange(ctx context.Context, id string, n int, at int64) (diff.Stats, error) {
	key := id + "|" + strconv.Itoa(n) + "|" + strconv.FormatInt(at, 10)
	if st, ok := p.changes.Get(key); ok {
		return st, nil
	}
	from, to, err := p.revisionPair(ctx, id, n-1, n)
	if err != nil {
		return diff.Stats{}, err
	}
	r, err := p.compare(from, to)
	if err != nil {
		return diff.Stats{}, err
	}
	p.changes.Add(key, r.Stats)
	return r.Stats, nil
}

// revisionPair loads two revisions with their bodies; revision 0 is the
// empty text.
func (p *Pages) revisionPair(ctx context.Context, id string, from, to int) (*service.Revision, *service.Revision, error) {
	newRev, err := p.store.RevisionByNumber(ctx, id, to)
	if err != nil {
		return nil, nil, err
	}
	if from == 0 {
		return &service.Revision{ArticleID: id, ContentHash: emptyHash}, newRev, nil
	}
	oldRev, err := p.store.RevisionByNumber(ctx, id, from)
	return oldRev, newRev, err
}

// changeBar is the small bar that shows how much of a text a revision
// changed: the share of words added and removed, each at least a sliver
// when not zero, so that a one-word fix still shows.
type changeBar struct {
	Added, Removed int
	AddWidth       float64 // of 100
	DelWidth       float64
}

func newChangeBar(st diff.Stats) changeBar {
	total := float64(st.WordsAdded + st.WordsRemoved + st.WordsUnchanged)
	b := changeBar{Added: st.WordsAdded, Removed: st.WordsRemoved}
	if total == 0 {
		return b
	}
	b.AddWidth = sliver(float64(st.WordsAdded) / total * 100)
	b.DelWidth = sliver(float64(st.WordsRemoved) / total * 100)
	if sum := b.AddWidth + b.DelWidth; sum > 100 {
		b.AddWidth, b.DelWidth = b.AddWidth*100/sum, b.DelWidth*100/sum
	}
	return b
}

func sliver(w float64) float64 {
	if w > 0 && w < 3 {
		return 3
	}
	return w
}
