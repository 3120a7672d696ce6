// Package groupcommit commits many small writes in few transactions. Callers
// submit work; one committer runs everything that arrived while the previous
// batch was committing in one transaction, so that N concurrent writers pay
// for one commit (one fsync) rather than N. One item's failure undoes and
// fails only that item, and each caller returns only once its batch has
// committed. Items run in the order they arrived.
//
// A batch first runs without savepoints, which cost statements and, in
// SQLite, a copy of every page an item changes. An item that fails having
// written nothing says so with Untouched, and the batch goes on. Any other
// failure may have left part of the item's writes in the transaction, so
// the batch is rolled back and run again, each item inside a savepoint of
// its own; nothing of the first run was committed.
//
// The package knows nothing of any one database: a Store says how to begin,
// commit and roll back a transaction and how to run a savepoint statement,
// and, if it has a Close method, the batcher calls it when it stops.
// NewSQL adapts a database/sql pool.
package groupcommit

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// ErrClosed is returned for work submitted after Close.
var ErrClosed = errors.New("groupcommit: the batcher is closed")

// DefaultMaxBatch bounds how many items one transaction holds when
// Options.MaxBatch is zero: enough to amortize a commit, few enough that a
// batch's latency stays that of a handful of statements.
const DefaultMaxBatch = 256

// Store is what the batcher needs of a database to group items into one
// transaction. Exec runs the SAVEPOINT, RELEASE and ROLLBACK TO statements
// that isolate each item; SQLite and PostgreSQL spell them the same way.
// A Store that also has a Close() error method is closed when the batcher
// stops.
type Store[Tx any] interface {
	Begin(ctx context.Context) (Tx, error)
	Exec(ctx context.Context, tx Tx, statement string) error
	Commit(ctx context.Context, tx Tx) error
	Rollback(ctx context.Context, tx Tx) error
}

// Work is one caller's part of a batch. It runs in the batch's transaction,
// after the items that arrived before it, and sees what they wrote. It must
// not commit or roll back tx. Its context carries the caller's values but is
// never cancelled, because cancelling a statement inside a shared
// transaction may abort the whole transaction.
type Work[Tx any] func(ctx context.Context, tx Tx) error

// Untouched marks err as the failure of a Work that wrote nothing in its
// transaction (a precondition checked before any write, say), so that the
// batch needs no savepoint to undo it. The caller gets err itself. Only
// errors of the caller's own making qualify: a failed statement may have
// changed the transaction, or in PostgreSQL aborted it.
func Untouched(err error) error {
	if err == nil {
		return nil
	}
	return untouchedError{err}
}

type untouchedError struct{ err error }

func (e untouchedError) Error() string { return e.err.Error() }
func (e untouchedError) Unwrap() error { return e.err }

// Options tune a Batcher.
type Options struct {
	// MaxBatch bounds the items of one transaction; DefaultMaxBatch if 0.
	MaxBatch int
	// OnBatch, when set, is told the size of every batch committed or
	// failed, for metrics and tests.
	OnBatch func(items int, err error)
	// BeforeBatch, when set, runs on the committer's goroutine before each
	// batch begins: between two commits, while no work of the batcher
	// writes. It is the place for what must not overlap a write, such as
	// completing a checkpoint. It must be quick and must not submit work.
	BeforeBatch func()
}

// Batcher collects work and commits it in batches, from one goroutine.
type Batcher[Tx any] struct {
	store Store[Tx]
	opts  Options

	mu      sync.Mutex
	pending []*item[Tx]
	closed  bool
	wake    chan struct{}
	done    chan struct{}
}

// item states: an item may be abandoned by its caller only before it starts.
const (
	waiting int32 = iota
	started
	abandoned
)

type item[Tx any] struct {
	ctx       context.Context
	work      Work[Tx]
	committed func()
	state     atomic.Int32
	result    chan error
}

// New starts a batcher over store. Close stops it.
func New[Tx any](store Store[Tx], opts Options) *Batcher[Tx] {
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = DefaultMaxBatch
	}
	b := &Batcher[Tx]{store: store, opts: opts, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go b.loop()
	return b
}

// Do runs work in the next batch and returns once that batch has committed:
// nil then means the work is durable. It returns the work's own error (its
// savepoint was rolled back, the rest of the batch is unaffected), the
// batch's error when the transaction as a whole failed, or ctx's error when
// ctx ended before the work started (the work then never runs).
func (b *Batcher[Tx]) Do(ctx context.Context, work Work[Tx]) error {
	return b.DoThen(ctx, work, nil)
}

// DoThen is Do with committed, which the committer calls once the batch
// has committed and the work succeeded, before any caller of the batch
// returns, in the order the work arrived. It is the place to update what
// must follow the order of commits, such as a cache of what is stored; it
// must be quick and must not submit work.
func (b *Batcher[Tx]) DoThen(ctx context.Context, work Work[Tx], committed func()) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	it := &item[Tx]{ctx: ctx, work: work, committed: committed, result: make(chan error, 1)}
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return ErrClosed
	}
	b.pending = append(b.pending, it)
	b.mu.Unlock()
	b.signal()
	select {
	case err := <-it.result:
		return err
	case <-ctx.Done():
		if it.state.CompareAndSwap(waiting, abandoned) {
			return ctx.Err()
		}
		// Too late to withdraw: the work is in a transaction; wait for its
		// outcome so that the caller never misses a committed write.
		return <-it.result
	}
}

// Pending returns how many items wait for a batch: a queue depth for
// metrics, and a way for tests to order their submissions without sleeping.
func (b *Batcher[Tx]) Pending() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.pending)
}

func (b *Batcher[Tx]) signal() {
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// Close lets the pending work finish, then stops the committer. Work
// submitted afterwards gets ErrClosed.
func (b *Batcher[Tx]) Close() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		<-b.done
		return
	}
	b.closed = true
	b.mu.Unlock()
	b.signal()
	<-b.done
}

func (b *Batcher[Tx]) loop() {
	defer close(b.done)
	if c, ok := b.store.(interface{ Close() error }); ok {
		defer c.Close()
	}
	for range b.wake {
		for {
			batch, closed := b.take()
			if len(batch) > 0 {
				b.run(batch)
				continue
			}
			if closed {
				return
			}
			break
		}
	}
}

// take removes up to MaxBatch of the pending items, oldest first.
func (b *Batcher[Tx]) take() ([]*item[Tx], bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := min(len(b.pending), b.opts.MaxBatch)
	batch := b.pending[:n:n]
	b.pending = b.pending[n:]
	if len(b.pending) == 0 {
		b.pending = nil
	}
	return batch, b.closed
}

// run commits one batch and answers each of its callers.
func (b *Batcher[Tx]) run(batch []*item[Tx]) {
	if b.opts.BeforeBatch != nil {
		b.opts.BeforeBatch()
	}
	results, ran, err := b.runTx(batch)
	if b.opts.OnBatch != nil {
		b.opts.OnBatch(ran, err)
	}
	if err == nil {
		for i, it := range batch {
			if results[i] == nil && it.committed != nil {
				it.committed()
			}
		}
	}
	for i, it := range batch {
		switch {
		case results[i] == errSkipped:
			continue // abandoned by its caller, who has already returned
		case err != nil && results[i] == nil:
			it.result <- err
		default:
			it.result <- results[i]
		}
	}
}

var errSkipped = errors.New("groupcommit: skipped")

// runTx runs the batch in one transaction and returns each item's own error
// (errSkipped for abandoned ones), how many items ran, and the error of the
// transaction as a whole.
func (b *Batcher[Tx]) runTx(batch []*item[Tx]) ([]error, int, error) {
	results := make([]error, len(batch))
	ran := 0
	for i, it := range batch {
		if !it.state.CompareAndSwap(waiting, started) {
			results[i] = errSkipped
		} else {
			ran++
		}
	}
	if ran == 0 {
		return results, 0, nil
	}
	ctx := context.Background()
	tx, err := b.store.Begin(ctx)
	if err != nil {
		return results, ran, fmt.Errorf("begin: %w", err)
	}
	clean, ok := b.runPlain(tx, batch, results)
	if !clean {
		if err := b.store.Rollback(ctx, tx); err != nil {
			return results, ran, fmt.Errorf("roll back: %w", err)
		}
		if ran == 1 {
			// The item's failure rolled back the whole transaction,
			// which was the item alone.
			return results, ran, nil
		}
		return b.runWithSavepoints(ctx, batch, results, ran)
	}
	if !ok {
		// Every item failed untouched: there is nothing to commit.
		return results, ran, b.store.Rollback(ctx, tx)
	}
	if err := b.store.Commit(ctx, tx); err != nil {
		_ = b.store.Rollback(ctx, tx)
		return results, ran, fmt.Errorf("commit: %w", err)
	}
	return results, ran, nil
}

// runPlain runs the batch's items in tx without savepoints. clean is false
// when an item failed other than Untouched, which may have left some of its
// writes in tx; the run stops there. ok tells whether any item succeeded.
func (b *Batcher[Tx]) runPlain(tx Tx, batch []*item[Tx], results []error) (clean, ok bool) {
	for i, it := range batch {
		if results[i] == errSkipped {
			continue
		}
		err := it.work(context.WithoutCancel(it.ctx), tx)
		u, untouched := err.(untouchedError)
		switch {
		case err == nil:
			ok = true
		case untouched:
			results[i] = u.err
		default:
			results[i] = err
			return false, ok
		}
	}
	return true, ok
}

// runWithSavepoints runs the batch again in a new transaction, each item in
// a savepoint of its own, after a run without them failed.
func (b *Batcher[Tx]) runWithSavepoints(ctx context.Context, batch []*item[Tx], results []error, ran int) ([]error, int, error) {
	tx, err := b.store.Begin(ctx)
	if err != nil {
		return results, ran, fmt.Errorf("begin: %w", err)
	}
	for i, it := range batch {
		if results[i] == errSkipped {
			continue
		}
		if results[i], err = b.runItem(ctx, tx, it); err != nil {
			_ = b.store.Rollback(ctx, tx)
			return results, ran, err
		}
	}
	if err := b.store.Commit(ctx, tx); err != nil {
		_ = b.store.Rollback(ctx, tx)
		return results, ran, fmt.Errorf("commit: %w", err)
	}
	return results, ran, nil
}

// runItem runs one item inside a savepoint. The first error is the item's
// own; the second is a failure of the transaction, which dooms the batch.
func (b *Batcher[Tx]) runItem(ctx context.Context, tx Tx, it *item[Tx]) (error, error) {
	if err := b.store.Exec(ctx, tx, "SAVEPOINT groupcommit_item"); err != nil {
		return nil, fmt.Errorf("savepoint: %w", err)
	}
	werr := it.work(context.WithoutCancel(it.ctx), tx)
	if u, untouched := werr.(untouchedError); untouched {
		werr = u.err
	}
	if werr == nil {
		if err := b.store.Exec(ctx, tx, "RELEASE SAVEPOINT groupcommit_item"); err != nil {
			return nil, fmt.Errorf("release savepoint: %w", err)
		}
		return nil, nil
	}
	if err := b.store.Exec(ctx, tx, "ROLLBACK TO SAVEPOINT groupcommit_item"); err != nil {
		return werr, fmt.Errorf("roll back to savepoint after %v: %w", werr, err)
	}
	if err := b.store.Exec(ctx, tx, "RELEASE SAVEPOINT groupcommit_item"); err != nil {
		return werr, fmt.Errorf("release savepoint: %w", err)
	}
	return werr, nil
}
