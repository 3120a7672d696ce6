package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgxlisten"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/internal/storekit"
)

var _ service.EventStore = (*DB)(nil)

// eventsChannel is the LISTEN/NOTIFY channel of new events; the payload is
// "schema:seq", so that stores in several schemas of one database (tests)
// wake only their own readers.
const eventsChannel = "redline_events"

// eventLock is the advisory lock that orders event writers, so that seqs
// become visible in increasing order.
const eventLock = 0x72646576 // "rdev"

// eventPoll is how often a waiting reader checks the newest seq anyway, in
// case a notification was lost while the listener reconnected.
const eventPoll = time.Second

// queueLock serializes River's migrations across replicas that start
// together.
const queueLock = 0x72647271 // "rdrq"

// migrateQueue creates River's tables while a transaction of its own holds
// a transaction-level advisory lock, so that replicas starting together
// migrate one at a time. River runs each of its migrations in a
// transaction of its own (one adds an enum value that a later statement
// uses, which one transaction cannot do), on the pool's other connections,
// so the lock cannot be taken in the migrations' transactions; it is held
// by the open transaction around them and released when that ends. A
// session lock would leak through PgBouncer in transaction mode: the lock
// and the unlock, each a transaction of its own, may run on two server
// connections, and the one that keeps the lock then blocks the next start.
// A transaction keeps its server connection to the end, there as here. The
// lock's connection is one of its own, outside the pool, which River's
// migrations use whole: a pool of one connection does not wait on itself.
func (s *DB) migrateQueue(ctx context.Context) error {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	lock, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer lock.Rollback(context.WithoutCancel(ctx)) // nothing to undo: it only held the lock
	if _, err := lock.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))`, queueLock); err != nil {
		return err
	}
	m, err := rivermigrate.New(riverpgxv5.New(s.pool), &rivermigrate.Config{Logger: discardLogger()})
	if err != nil {
		return err
	}
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

// openEvents makes the insert-only River client that queues deliveries and
// starts the listener that wakes feed readers.
func (s *DB) openEvents(ctx context.Context) error {
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(current_schema(), '')`).Scan(&s.schema); err != nil {
		return storeError("current schema", err)
	}
	var err error
	if s.jobs, err = river.NewClient(riverpgxv5.New(s.pool), &river.Config{Logger: discardLogger()}); err != nil {
		return fmt.Errorf("river client: %w", err)
	}
	s.watch = storekit.NewSeq()
	lctx, cancel := context.WithCancel(context.Background())
	s.stopListen = cancel
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) {
			return pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
		},
		ReconnectDelay: time.Second,
	}
	l.Handle(eventsChannel, pgxlisten.HandlerFunc(s.onNotification))
	s.listenDone = make(chan struct{})
	go func() { defer close(s.listenDone); _ = l.Listen(lctx) }()
	return nil
}

func (s *DB) onNotification(_ context.Context, n *pgconn.Notification, _ *pgx.Conn) error {
	schema, seq, ok := strings.Cut(n.Payload, ":")
	if !ok || schema != s.schema {
		return nil
	}
	if v, err := strconv.ParseInt(seq, 10, 64); err == nil {
		s.watch.Bump(v)
	}
	return nil
}

// QueueDriver returns the River driver of the store's pool, for the
// webhook worker; several replicas work one queue, each job once.
func (s *DB) QueueDriver() riverdriver.Driver[pgx.Tx] { return riverpgxv5.New(s.pool) }

// lockEvents takes the lock that orders event writers. Transactions that
// write events take it first, before any row lock, so that no two can each
// hold what the other waits for.
func lockEvents(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))`, eventLock); err != nil {
		return storeError("lock events", err)
	}
	return nil
}

// insertEvent writes ev, queues its deliveries and notifies the replicas'
// readers, all in tx: the notification is sent when tx commits.
func (s *DB) insertEvent(ctx context.Context, tx pgx.Tx, ev service.Event) error {
	err := tx.QueryRow(ctx, `
		INSERT INTO events (kind, article_id, revision, title, url, metadata, words_added, words_removed, facts, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq`,
		ev.Kind, ev.ArticleID, ev.Revision, ev.Title, ev.URL, nullableJSON(ev.Metadata),
		ev.WordsAdded, ev.WordsRemoved, ev.Facts, ev.CreatedAt).Scan(&ev.Seq)
	if err != nil {
		return storeError("insert event", err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_notify($1, current_schema() || ':' || $2)`, eventsChannel, strconv.FormatInt(ev.Seq, 10)); err != nil {
		return storeError("notify event", err)
	}
	return s.queueDeliveries(ctx, tx, &ev)
}

// insertDeletionEvent records the deletion of an article before its rows
// go; an article that does not exist gets no event.
func (s *DB) insertDeletionEvent(ctx context.Context, tx pgx.Tx, articleID string) error {
	latest, err := latestRevisionIn(ctx, tx, articleID)
	if service.ErrorCode(err) == service.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	return s.insertEvent(ctx, tx, service.NewDeletionEvent(latest, s.Now()))
}

func (s *DB) queueDeliveries(ctx context.Context, tx pgx.Tx, ev *service.Event) error {
	d, err := s.matchingJobs(ctx, tx, ev)
	if err != nil {
		return err
	}
	return storekit.QueueDeliveries(ctx, s.jobs, tx, d)
}

// matchSubscriptionsSQL reads what matching an event needs of every
// subscription, in the order Subscriptions lists them.
const matchSubscriptionsSQL = `SELECT id, kinds, article_prefix, metadata_filter, disabled
	FROM webhook_subscriptions ORDER BY created_at, id`

// matchingJobs gathers a delivery job for each subscription that wants ev,
// read inside tx so that a subscription created before the event commits
// gets it.
func (s *DB) matchingJobs(ctx context.Context, tx pgx.Tx, ev *service.Event) (*storekit.Deliveries, error) {
	rows, err := tx.Query(ctx, matchSubscriptionsSQL)
	if err != nil {
		return nil, storeError("list subscriptions", err)
	}
	defer rows.Close()
	d := storekit.NewDeliveries(s.matcher, ev)
	for rows.Next() {
		var fs service.StoredFilter
		if err := rows.Scan(&fs.ID, &fs.Kinds, &fs.ArticlePrefix, &fs.Metadata, &fs.Disabled); err != nil {
			return nil, storeError("scan subscription", err)
		}
		if err := d.Offer(fs); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, storeError("list subscriptions", err)
	}
	return d, nil
}

const eventColumns = `seq, kind, article_id, revision, title, url, metadata, words_added, words_removed, facts, created_at`

// EventsSince returns the events after since, oldest first.
func (s *DB) EventsSince(ctx context.Context, since int64, limit int) ([]service.Event, error) {
	if err := service.ValidateEventPage(since, &limit); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+eventColumns+` FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`, since, limit)
	if err != nil {
		return nil, storeError("list events", err)
	}
	defer rows.Close()
	return storekit.CollectRows(rows, scanListedEvent, func(err error) error { return storeError("list events", err) })
}

// scanListedEvent is scanEvent with the error a listing returns.
func scanListedEvent(scan func(dest ...any) error) (*service.Event, error) {
	ev, err := scanEvent(scan)
	if err != nil {
		return nil, storeError("scan event", err)
	}
	return ev, nil
}

// Event returns one event by its seq.
func (s *DB) Event(ctx context.Context, seq int64) (*service.Event, error) {
	ev, err := scanEvent(s.pool.QueryRow(ctx, `SELECT `+eventColumns+` FROM events WHERE seq = $1`, seq).Scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "event %d not found", seq)
	}
	if err != nil {
		return nil, storeError("read event", err)
	}
	return ev, nil
}

func scanEvent(scan func(dest ...any) error) (*service.Event, error) {
	var ev service.Event
	var metadata *string
	var facts *int32
	if err := scan(&ev.Seq, &ev.Kind, &ev.ArticleID, &ev.Revision, &ev.Title, &ev.URL, &metadata,
		&ev.WordsAdded, &ev.WordsRemoved, &facts, &ev.CreatedAt); err != nil {
		return nil, err
	}
	if metadata != nil {
		ev.Metadata = []byte(*metadata)
	}
	if facts != nil {
		n := int(*facts)
		ev.Facts = &n
	}
	ev.CreatedAt = ev.CreatedAt.UTC()
	return &ev, nil
}

func (s *DB) lastSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(max(seq), 0) FROM events`).Scan(&seq); err != nil {
		return 0, storeError("last event", err)
	}
	return seq, nil
}

// WaitForEvents returns once an event after after exists, written by this
// replica or another: LISTEN/NOTIFY wakes it, and a poll every second
// covers notifications lost while the listener reconnected.
func (s *DB) WaitForEvents(ctx context.Context, after int64) error {
	for {
		last, err := s.lastSeq(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		s.watch.Bump(last)
		if last > after {
			return nil
		}
		if err := s.waitNotified(ctx, after); err == nil || ctx.Err() != nil {
			return err
		}
	}
}

// waitNotified returns nil once the newest seq seen passes after,
// ctx.Err() when ctx ends, and errPoll after eventPoll.
func (s *DB) waitNotified(ctx context.Context, after int64) error {
	timer := time.NewTimer(eventPoll)
	defer timer.Stop()
	return storekit.WaitPast(ctx, s.watch, after, timer.C, errPoll)
}

// errPoll ends a wait after eventPoll, when WaitForEvents checks the table
// itself.
var errPoll = errors.New("poll the newest seq")

// latestRevisionIn reads an article's newest revision inside tx.
func latestRevisionIn(ctx context.Context, tx pgx.Tx, articleID string) (*service.Revision, error) {
	row := tx.QueryRow(ctx, `SELECT `+revisionColumns+` FROM revisions
		WHERE article_id = $1 AND number = (SELECT latest_revision FROM articles WHERE id = $1)`, articleID)
	rev, err := scanRevision(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return rev, storeError("latest revision", err)
}

// discardLogger keeps River's own logs out of the service's.
func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
