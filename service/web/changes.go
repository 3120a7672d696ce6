package web

import (
	"context"
	"html/template"
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
	return p.diffs.Get(from.ContentHash+":"+to.ContentHash, func() (*diff.Result, int64, error) {
		r, err := diff.Compare(from.Body, to.Body, diff.Options{})
		// The result's texts may be slices of the bodies, which then stay.
		return r, int64(len(from.Body) + len(to.Body)), err
	})
}

// listChange returns the bar of what an article's latest revision changed.
// The store keeps each revision's counts; the bar is cached by article,
// revision and time (a deleted and recreated article gets new times), so a
// list of unchanged articles reads no revision at all.
func (p *Pages) listChange(ctx context.Context, a service.Article) (changeBar, error) {
	key := a.ID + "|" + strconv.Itoa(a.LatestRevision) + "|" + strconv.FormatInt(a.UpdatedAt.UnixMicro(), 10)
	return p.changes.Get(key, func() (changeBar, int64, error) {
		revs, err := p.store.Revisions(ctx, a.ID)
		if err != nil {
			return changeBar{}, 0, err
		}
		return newChangeBar(&revs[len(revs)-1]), 0, nil
	})
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
// changed: the share of words added and removed, from the counts the store
// keeps, each at least a sliver when not zero, so that a one-word fix still
// shows.
type changeBar struct {
	Added, Removed int
	Facts          int     // facts changed: numbers, quotes, corrections…
	AddWidth       float64 // of 100
	DelWidth       float64
}

func newChangeBar(rev *service.Revision) changeBar {
	st := rev.Changes
	b := changeBar{Added: st.WordsAdded, Removed: st.WordsRemoved, Facts: st.FactsChanged}
	// The words of both sides: the new text's, plus those it lost.
	total := float64(max(rev.Words, st.WordsAdded) + st.WordsRemoved)
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

// HTML renders the bar as an SVG (widths are attributes, which the
// Content-Security-Policy allows, unlike inline styles) and the counts
// beside it. It holds only numbers, so it needs no escaping; it is written
// here, not in a template, because the list shows it on every row.
func (b changeBar) HTML() template.HTML {
	add, del := strconv.FormatFloat(b.AddWidth, 'f', 1, 64), strconv.FormatFloat(b.DelWidth, 'f', 1, 64)
	return template.HTML(`<svg class="rl-bar" viewBox="0 0 100 8" preserveAspectRatio="none" width="100" height="8" role="img" aria-label="` +
		plural(b.Added, "word") + ` added, ` + strconv.Itoa(b.Removed) + ` removed"><rect class="rl-bar-track" width="100" height="8"/>` +
		`<rect class="rl-bar-add" width="` + add + `" height="8"/><rect class="rl-bar-del" x="` + add + `" width="` + del + `" height="8"/></svg> ` +
		string(b.CountsHTML()))
}

// CountsHTML renders "+12 −3 words", and "2 facts" when facts changed.
func (b changeBar) CountsHTML() template.HTML {
	h := `<span class="counts"><span class="count-add">+` + strconv.Itoa(b.Added) + `</span> <span class="count-del">−` +
		strconv.Itoa(b.Removed) + `</span> words</span>`
	if b.Facts > 0 {
		h += ` <span class="fact-count">` + plural(b.Facts, "fact") + `</span>`
	}
	return template.HTML(h)
}

func sliver(w float64) float64 {
	if w > 0 && w < 3 {
		return 3
	}
	return w
}
