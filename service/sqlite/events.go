package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/internal/storekit"
)

var _ service.EventStore = (*DB)(nil)

// EventPollInterval is how often a waiting feed reader's poller looks for
// new events; it bounds the latency of a long poll or stream.
const EventPollInterval = 50 * time.Millisecond

// openQueue creates River's tables, if missing, and an insert-only River
// client: the store only queues deliveries, inside its own transactions;
// the webhook worker works them.
func (s *DB) openQueue(ctx context.Context) error {
	m, err := rivermigrate.New(riversqlite.New(s.db), &rivermigrate.Config{Logger: discardLogger()})
	if err != nil {
		return fmt.Errorf("river migrator: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	s.jobs, err = river.NewClient(riversqlite.New(s.db), &river.Config{Logger: discardLogger()})
	if err != nil {
		return fmt.Errorf("river client: %w", err)
	}
	return nil
}

// QueueDriver returns the River driver of the store's database, for the
// webhook worker that works the deliveries this store queues.
func (s *DB) QueueDriver() riverdriver.Driver[*sql.Tx] {
	return riversqlite.New(s.db)
}

// insertEvent writes ev and queues one delivery job per subscription that
// wants it, inside the transaction of the change ev describes.
func (s *DB) insertEvent(ctx context.Context, tx *sql.Tx, ev service.Event) error {
	res, err := s.in(tx).exec(ctx, `
		INSERT INTO events (kind, article_id, revision, title, url, metadata, words_added, words_removed, facts, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ev.Kind, ev.ArticleID, ev.Revision, ev.Title, ev.URL, nullableJSON(ev.Metadata),
		ev.WordsAdded, ev.WordsRemoved, ev.Facts, ev.CreatedAt.UnixMicro())
	if err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	if ev.Seq, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	return s.queueDeliveries(ctx, tx, &ev)
}

// insertDeletionEvent records the deletion of an article before its rows
// go; an article that does not exist gets no event.
func (s *DB) insertDeletionEvent(ctx context.Context, tx *sql.Tx, articleID string) error {
	latest, err := latestRevision(ctx, s.in(tx), articleID, false)
	if service.ErrorCode(err) == service.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	return s.insertEvent(ctx, tx, service.NewDeletionEvent(latest, s.Now()))
}

// matchSubscriptionsSQL reads what matching an event needs of every
// subscription, in the order Subscriptions lists them.
const matchSubscriptionsSQL = `SELECT id, kinds, article_prefix, metadata_filter, disabled
	FROM webhook_subscriptions ORDER BY created_at, id`

func (s *DB) queueDeliveries(ctx context.Context, tx *sql.Tx, ev *service.Event) error {
	d, err := s.matchingJobs(ctx, tx, ev)
	if err != nil {
		return err
	}
	return storekit.QueueDeliveries(ctx, s.jobs, tx, d)
}

// matchingJobs gathers a delivery job for each subscription that wants ev,
// read inside tx (once a batch) so that a subscription created before the
// event commits gets it; nil when there is no subscription.
func (s *DB) matchingJobs(ctx context.Context, tx *sql.Tx, ev *service.Event) (*storekit.Deliveries, error) {
	subs, err := s.batchSubscriptions(ctx, tx)
	if err != nil || len(subs) == 0 {
		return nil, err
	}
	d := storekit.NewDeliveries(s.matcher, ev)
	for _, fs := range subs {
		if err := d.Offer(fs); err != nil {
			return nil, err
		}
	}
	return d, nil
}

const eventColumns = `seq, kind, article_id, revision, title, url, metadata, words_added, words_removed, facts, created_at`

// EventsSince returns the events after since, oldest first.
func (s *DB) EventsSince(ctx context.Context, since int64, limit int) (_ []service.Event, err error) {
	defer func() { err = s.storeError(err) }()
	if err := service.ValidateEventPage(since, &limit); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events WHERE seq > ? ORDER BY seq LIMIT ?`, since, limit)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	return storekit.CollectRows(rows, scanEvent, storekit.Prefix("list events"))
}

// Event returns one event by its seq.
func (s *DB) Event(ctx context.Context, seq int64) (_ *service.Event, err error) {
	defer func() { err = s.storeError(err) }()
	ev, err := scanEvent(s.db.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events WHERE seq = ?`, seq).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "event %d not found", seq)
	}
	return ev, err
}

func scanEvent(scan func(dest ...any) error) (*service.Event, error) {
	var ev service.Event
	var metadata sql.NullString
	var facts sql.NullInt64
	var at int64
	if err := scan(&ev.Seq, &ev.Kind, &ev.ArticleID, &ev.Revision, &ev.Title, &ev.URL, &metadata,
		&ev.WordsAdded, &ev.WordsRemoved, &facts, &at); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("scan event: %w", err)
	}
	if metadata.Valid {
		ev.Metadata = []byte(metadata.String)
	}
	if facts.Valid {
		n := int(facts.Int64)
		ev.Facts = &n
	}
	ev.CreatedAt = time.UnixMicro(at).UTC()
	return &ev, nil
}

// lastSeq returns the newest event's seq, 0 when there is none.
func (s *DB) lastSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM events`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("last event: %w", err)
	}
	return seq, nil
}

// WaitForEvents returns once an event after after exists. One poller per
// store serves every waiter, and runs only while someone waits; polling
// (rather than a signal from the writer) also sees events that another
// process wrote to the same file.
func (s *DB) WaitForEvents(ctx context.Context, after int64) (err error) {
	defer func() { err = s.storeError(err) }()
	last, err := s.lastSeq(ctx)
	if err != nil || last > after {
		return err
	}
	return s.watch.wait(ctx, after)
}

// watcher wakes waiting feed readers when the newest seq grows, polling
// for it only while someone waits.
type watcher struct {
	poll     func(ctx context.Context) (int64, error)
	interval time.Duration
	seq      *storekit.Seq

	mu      sync.Mutex
	waiters int
	running bool // a poller goroutine is on
	closed  chan struct{}
}

func newWatcher(poll func(context.Context) (int64, error), interval time.Duration) *watcher {
	return &watcher{poll: poll, interval: interval, seq: storekit.NewSeq(), closed: make(chan struct{})}
}

func (w *watcher) wait(ctx context.Context, after int64) error {
	w.mu.Lock()
	w.waiters++
	if !w.running {
		w.running = true
		go w.run()
	}
	w.mu.Unlock()
	defer w.leave()
	return storekit.WaitPast(ctx, w.seq, after, w.closed, service.Errorf(service.EUNAVAILABLE, "the store is closed"))
}

func (w *watcher) leave() {
	w.mu.Lock()
	w.waiters--
	w.mu.Unlock()
}

// run polls until nobody waits any more or the store closes.
func (w *watcher) run() {
	t := time.NewTicker(w.interval)
	defer t.Stop()
	for {
		w.check()
		select {
		case <-w.closed:
			w.mu.Lock()
			w.running = false
			w.mu.Unlock()
			return
		case <-t.C:
		}
		if w.stopIfIdle() {
			return
		}
	}
}

func (w *watcher) stopIfIdle() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.waiters == 0 {
		w.running = false
	}
	return !w.running
}

// check reads the newest seq and wakes the waiters when it grew.
func (w *watcher) check() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	last, err := w.poll(ctx)
	if err != nil {
		return // the store closing or busy: the next tick tries again
	}
	w.seq.Bump(last)
}

func (w *watcher) close() {
	select {
	case <-w.closed:
	default:
		close(w.closed)
	}
}

// discardLogger keeps River's own logs out of the service's: failures
// reach the service through its return values and the attempt log.
func discardLogger() *slog.Logger {
	return slog.New(slog.DiscardHandler)
}
