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

// revisionChange returns the word counts of what revision rev changed
// since the one before it, prevHash being that one's content hash. It is
// the one place the page gets them from: until the store keeps them, they
// come from diff, cached by article, number and time (a deleted and
// recreated article gets new times); a diff already cached by content is
// used without loading the bodies, and a first revision added all its words.
func (p *Pages) revisionChange(ctx context.Context, rev *service.Revision, prevHash string) (diff.Stats, error) {
	key := rev.ArticleID + "|" + strconv.Itoa(rev.Number) + "|" + strconv.FormatInt(rev.CreatedAt.UnixMicro(), 10)
	if st, ok := p.changes.Get(key); ok {
		return st, nil
	}
	if rev.Number == 1 {
		st := diff.Stats{WordsAdded: rev.Words}
		p.changes.Add(key, st)
		return st, nil
	}
	r, ok := p.diffs.Get(prevHash + ":" + rev.ContentHash)
	if !ok {
		from, to, err := p.revisionPair(ctx, rev.ArticleID, rev.Number-1, rev.Number)
		if err != nil {
			return diff.Stats{}, err
		}
		if r, err = p.compare(from, to); err != nil {
			return diff.Stats{}, err
		}
	}
	p.changes.Add(key, r.Stats)
	return r.Stats, nil
}

// listChange returns what an article's latest revision changed, for the
// list's bar: cached, it costs no store read; otherwise the two revisions'
// hashes find a cached diff before any text is loaded.
func (p *Pages) listChange(ctx context.Context, a service.Article) (diff.Stats, error) {
	key := a.ID + "|" + strconv.Itoa(a.LatestRevision) + "|" + strconv.FormatInt(a.UpdatedAt.UnixMicro(), 10)
	if st, ok := p.changes.Get(key); ok {
		return st, nil
	}
	if a.LatestRevision == 1 {
		revs, err := p.store.Revisions(ctx, a.ID)
		if err != nil {
			return diff.Stats{}, err
		}
		return p.revisionChange(ctx, &revs[0], emptyHash)
	}
	prev, err := p.store.RevisionMeta(ctx, a.ID, a.LatestRevision-1)
	if err != nil {
		return diff.Stats{}, err
	}
	latest, err := p.store.RevisionMeta(ctx, a.ID, a.LatestRevision)
	if err != nil {
		return diff.Stats{}, err
	}
	rev := &service.Revision{ArticleID: a.ID, Number: latest.Number, ContentHash: latest.ContentHash, CreatedAt: a.UpdatedAt}
	return p.revisionChange(ctx, rev, prev.ContentHash)
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

// CountsHTML renders "+12 −3 words".
func (b changeBar) CountsHTML() template.HTML {
	return template.HTML(`<span class="counts"><span class="count-add">+` + strconv.Itoa(b.Added) + `</span> <span class="count-del">−` +
		strconv.Itoa(b.Removed) + `</span> words</span>`)
}

func sliver(w float64) float64 {
	if w > 0 && w < 3 {
		return 3
	}
	return w
}
