package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/redline-news/redline/service"
)

// batchState is what the committer carries from one draft of a batch to the
// next, in memory, for the transaction it was made in: the subscriptions,
// read once a batch, and the latest revision of each article a draft of the
// batch wrote or deleted. A batch holds the write lock from its first
// statement to its commit, so nothing it read can change under it but by
// its own drafts, which update it as they succeed. Only the committer's
// goroutine uses it, inside the batch's Work.
type batchState struct {
	tx *sql.Tx
	// subs are the subscriptions' stored filters, read by the batch's
	// first event; subsRead tells whether they were.
	subs     []service.StoredFilter
	subsRead bool
	// latest is each article's newest revision as this batch left it;
	// nil for an article it deleted.
	latest map[string]*service.Revision
}

// of returns the state of tx, starting it anew for a new transaction.
func (b *batchState) of(tx *sql.Tx) *batchState {
	if b.tx != tx {
		*b = batchState{tx: tx, latest: b.latest}
		clear(b.latest)
		if b.latest == nil {
			b.latest = map[string]*service.Revision{}
		}
	}
	return b
}

// batchLatestMeta returns the number, hash and time of an article's latest
// revision (nil when there is none): what an earlier draft of the batch
// left, else what the meta cache holds, else what the file holds. The
// cache is exact (see metaCache): every write goes through the committer,
// which updates it after each commit, before the next batch begins.
func (s *DB) batchLatestMeta(ctx context.Context, tx *sql.Tx, articleID string) (*service.Revision, error) {
	if rev, ok := s.batch.of(tx).latest[articleID]; ok {
		return rev, nil
	}
	if m, _, ok := s.meta.get(articleID, 0); ok {
		return &service.Revision{ArticleID: m.ArticleID, Number: m.Number, ContentHash: m.ContentHash, CreatedAt: m.CreatedAt}, nil
	}
	return latestMeta(ctx, s.in(tx), articleID)
}

// batchLatest returns an article's latest revision whole, from the batch or
// the cache when they hold it, else from the file.
func (s *DB) batchLatest(ctx context.Context, tx *sql.Tx, articleID string) (*service.Revision, error) {
	if rev, ok := s.batch.of(tx).latest[articleID]; ok {
		if rev == nil {
			return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
		}
		cp := *rev
		return &cp, nil
	}
	if rev, _, ok := s.meta.getLatest(articleID); ok {
		return rev, nil
	}
	return latestRevision(ctx, s.in(tx), articleID, true)
}

// wroteInBatch records rev as its article's latest for the rest of the
// batch; a nil rev with id records a deletion.
func (s *DB) wroteInBatch(tx *sql.Tx, articleID string, rev *service.Revision) {
	if rev != nil {
		cp := *rev // the caller gets rev once the batch commits
		rev = &cp
	}
	s.batch.of(tx).latest[articleID] = rev
}

// batchSubscriptions returns the subscriptions' stored filters, read in tx
// by the batch's first event, so that a subscription created before the
// batch began gets its events.
func (s *DB) batchSubscriptions(ctx context.Context, tx *sql.Tx) ([]service.StoredFilter, error) {
	b := s.batch.of(tx)
	if b.subsRead {
		return b.subs, nil
	}
	rows, err := s.in(tx).query(ctx, matchSubscriptionsSQL)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close()
	var subs []service.StoredFilter
	for rows.Next() {
		var fs service.StoredFilter
		if err := rows.Scan(&fs.ID, &fs.Kinds, &fs.ArticlePrefix, &fs.Metadata, &fs.Disabled); err != nil {
			return nil, fmt.Errorf("scan subscription: %w", err)
		}
		subs = append(subs, fs)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	b.subs, b.subsRead = subs, true
	return subs, nil
}

// inFlightDrafts knows, for each article, the draft queued last that is
// not yet answered. A draft that joins the queue behind another of its
// article will most likely be written right after it, so its changes are
// counted against that draft rather than against the latest revision,
// which the committer would otherwise find stale and count again itself,
// on the goroutine every writer waits for. The count is only a guess: the
// committer checks it was made against the revision before, and counts
// again when it was not (the draft before failed, or two drafts of one
// article were queued in another order than they were counted).
type inFlightDrafts struct {
	mu   sync.Mutex
	last map[string]*pendingWrite
}

// enter records w as its article's last draft and returns what to count
// it against: the draft before it in flight, else latest.
func (f *inFlightDrafts) enter(w *pendingWrite, latest *service.Revision) *service.Revision {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.last == nil {
		f.last = map[string]*pendingWrite{}
	}
	id := w.draft.ArticleID
	before := f.last[id]
	f.last[id] = w
	if before == nil {
		return latest
	}
	return &service.Revision{ArticleID: id, Title: before.draft.Title, Body: before.draft.Body,
		ContentHash: before.digest.ContentHash}
}

// leave forgets w once it is answered, unless a later draft took its place.
func (f *inFlightDrafts) leave(w *pendingWrite) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.last[w.draft.ArticleID] == w {
		delete(f.last, w.draft.ArticleID)
	}
}
