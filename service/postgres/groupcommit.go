package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service"
)

// batchTimeout bounds one group commit, so that a stuck server fails the
// waiting writers instead of holding them forever.
const batchTimeout = 30 * time.Second

// putRequest is one PutRevision call waiting for its batch to commit.
type putRequest struct {
	ctx    context.Context
	draft  service.Draft
	digest service.DraftDigest // hash and word count of the draft
	guess  *changeGuess        // nil: compute the change stats in the batch
	done   chan putResult
}

type putResult struct {
	rev     *service.Revision
	created bool
	err     error
}

// batchStats counts committed batches and the drafts in them, so that tests
// and operators can see that writes are grouped.
type batchStats struct {
	batches atomic.Int64
	drafts  atomic.Int64
}

// BatchStats reports how many batches the commit loop ran and how many
// drafts they held in all; drafts/batches is the average batch size.
func (s *DB) BatchStats() (batches, drafts int64) {
	return s.stats.batches.Load(), s.stats.drafts.Load()
}

// PutRevision stores d as the next revision of its article. Writes that
// arrive while a batch commits wait and then commit together in one
// transaction (one WAL flush); each is answered only once its batch has
// committed. See service.RevisionStore.
func (s *DB) PutRevision(ctx context.Context, d service.Draft) (*service.Revision, bool, error) {
	// The latest revision is read first, outside the batch: a draft that
	// repeats it is answered from that read without a write, and a new one
	// is diffed against it here rather than in the commit loop.
	latest, unchanged, err := service.ReadBeforeWrite(ctx, s.LatestRevision, d)
	if err != nil || unchanged {
		return latest, false, err
	}
	req := &putRequest{ctx: ctx, draft: d, digest: d.Digest(), guess: s.changes.Guess(latest, d), done: make(chan putResult, 1)}
	select {
	case s.queue <- req:
	case <-ctx.Done():
		return nil, false, ctx.Err()
	case <-s.closing:
		return nil, false, service.Errorf(service.EUNAVAILABLE, "the PostgreSQL store is closed")
	}
	res := <-req.done
	return res.rev, res.created, res.err
}

// commitLoop takes one waiting write, gathers the others waiting with it
// and commits them as one batch, until the store closes. One loop per
// store keeps the order of arrival across batches.
func (s *DB) commitLoop() {
	defer close(s.loopDone)
	for {
		select {
		case req := <-s.queue:
			s.commitBatch(s.gather(req))
		case <-s.closing:
			return
		}
	}
}

// gather returns first and every write already waiting, up to maxBatch.
func (s *DB) gather(first *putRequest) []*putRequest {
	batch := []*putRequest{first}
	for len(batch) < s.maxBatch {
		select {
		case req := <-s.queue:
			batch = append(batch, req)
		default:
			return batch
		}
	}
	return batch
}

// commitBatch writes a batch in one transaction and answers each request.
// Drafts are written in article order (stable, so one article's drafts
// keep their order of arrival), so that batches on different replicas
// take row locks in the same order and never deadlock. Each draft of a
// larger batch runs under its own savepoint: its failure undoes only its
// own writes.
func (s *DB) commitBatch(batch []*putRequest) {
	live := batch[:0:0]
	for _, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.done <- putResult{err: err}
			continue
		}
		live = append(live, req)
	}
	if len(live) == 0 {
		return
	}
	slices.SortStableFunc(live, func(a, b *putRequest) int { return strings.Compare(a.draft.ArticleID, b.draft.ArticleID) })
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	results := s.runBatch(ctx, live)
	for i, req := range live {
		if d, ok := results[i].err.(draftError); ok {
			results[i].err = d.error
		}
		req.done <- results[i]
	}
}

// runBatch returns one result per request, in order.
func (s *DB) runBatch(ctx context.Context, batch []*putRequest) []putResult {
	results := make([]putResult, len(batch))
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return failPending(results, storeError("begin", err))
	}
	defer tx.Rollback(ctx)
	if err := lockEvents(ctx, tx); err != nil {
		return failPending(results, err)
	}
	wrote := false
	for i, req := range batch {
		results[i] = s.putOne(ctx, tx, req, len(batch) > 1)
		if results[i].err != nil && len(batch) > 1 && !isDraftError(results[i].err) {
			return failPending(results, results[i].err)
		}
		wrote = wrote || results[i].created
	}
	s.stats.batches.Add(1)
	s.stats.drafts.Add(int64(len(batch)))
	if !wrote {
		return results
	}
	if err := tx.Commit(ctx); err != nil {
		return failPending(results, storeError("commit", err))
	}
	return results
}

// putOne writes one draft, under a savepoint when others share the
// transaction.
func (s *DB) putOne(ctx context.Context, tx pgx.Tx, req *putRequest, savepoint bool) putResult {
	rev, created, err := s.putInTx(ctx, tx, req, savepoint)
	if err == nil || !savepoint {
		return putResult{rev, created, err}
	}
	if _, rerr := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT draft; RELEASE SAVEPOINT draft`); rerr != nil {
		return putResult{err: fmt.Errorf("%w (and rolling back its savepoint failed: %w)", err, storeError("rollback to savepoint", rerr))}
	}
	return putResult{err: markDraftError(err)}
}

// draftError is a failure that its savepoint undid, so that the rest of the
// batch goes on.
type draftError struct{ error }

func (e draftError) Unwrap() error { return e.error }

func markDraftError(err error) error { return draftError{err} }

func isDraftError(err error) bool {
	_, ok := err.(draftError)
	return ok
}

// failPending fails the requests that have no answer yet, or would have
// written, when their transaction did not commit; refusals such as a failed
// precondition stay true.
func failPending(results []putResult, err error) []putResult {
	for i := range results {
		if results[i].err == nil {
			results[i] = putResult{err: err}
		}
	}
	return results
}
