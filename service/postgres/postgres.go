// Package postgres stores revisions in PostgreSQL, so that several stateless
// replicas can share one database. It uses pgx with a connection pool,
// applies its embedded migrations under an advisory lock, numbers revisions
// under a row lock on the article, and commits concurrent writes together.
package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/internal/storekit"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Backend names this store in metrics and logs.
const Backend = "postgres"

// migrationLock is the first key of the advisory lock that migrations hold;
// the second is a hash of the schema, so that stores in different schemas
// of one database do not wait for each other.
const migrationLock = 0x72646c6e // "rdln"

// Options tune a store beyond what its DSN says.
type Options struct {
	// MaxConns, when above zero, caps the connection pool and overrides the
	// DSN's pool_max_conns; otherwise the DSN's value or pgxpool's default
	// (the greater of 4 and the number of CPUs) holds.
	MaxConns int32
	// MaxBatch bounds how many drafts one group commit holds (default 64).
	MaxBatch int
}

// DB is a service.RevisionStore kept in PostgreSQL.
type DB struct {
	pool *pgxpool.Pool
	// Now returns the current time; tests replace it to control time.
	Now func() time.Time

	queue     chan *putRequest
	closing   chan struct{}
	loopDone  chan struct{}
	closeOnce sync.Once
	maxBatch  int
	stats     batchStats
	changes   *service.ChangeCounter       // counts each draft's changes
	matcher   *service.SubscriptionMatcher // decodes the subscriptions' filters for each event

	jobs       *river.Client[pgx.Tx] // queues webhook deliveries
	watch      *storekit.Seq         // wakes feed readers
	schema     string                // the notifications' schema
	stopListen context.CancelFunc
	listenDone chan struct{}
}

var _ service.RevisionStore = (*DB)(nil)

// Open connects to the database dsn names (a postgres:// URL or key=value
// string, with pgx's parameters such as pool_max_conns and
// default_query_exec_mode) and applies any migrations it lacks. The tables
// live in the first schema of the connection's search_path.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, service.Errorf(service.EINVALID, "the PostgreSQL store's DSN is malformed: %v", redact(err))
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, storeError("open", err)
	}
	s := &DB{pool: pool, Now: time.Now, queue: make(chan *putRequest), closing: make(chan struct{}),
		loopDone: make(chan struct{}), maxBatch: opts.MaxBatch, changes: service.NewChangeCounter(),
		matcher: service.NewSubscriptionMatcher()}
	if s.maxBatch <= 0 {
		s.maxBatch = 64
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, openError(err)
	}
	if err := s.restatChanges(ctx); err != nil {
		pool.Close()
		return nil, openError(err)
	}
	if err := s.openEvents(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	go s.commitLoop()
	return s, nil
}

// openError says why the store could not be opened, with the server's own
// words: whoever starts a replica needs them to fix a wrong host, role or
// database. pgconn's messages never hold the password.
func openError(err error) error {
	mapped := storeError("migrate", err)
	if service.ErrorCode(mapped) == service.EUNAVAILABLE {
		return service.Errorf(service.EUNAVAILABLE, "the PostgreSQL store cannot be reached: %v", err)
	}
	return mapped
}

// redact keeps a parse error's message but not the DSN, which may hold a
// password.
func redact(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

// Close stops taking writes, waits for the batch being committed, and
// closes the pool.
func (s *DB) Close() error {
	s.closeOnce.Do(func() {
		close(s.closing)
		<-s.loopDone
		s.stopListen()
		<-s.listenDone
		s.pool.Close()
	})
	return nil
}

// Ping returns EUNAVAILABLE when the database cannot be reached.
func (s *DB) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return unavailable("ping", err)
	}
	return nil
}

// CheckWritable makes a small real write, so that readiness can tell when a
// database whose writes failed (unreachable, out of space, read-only after
// a failover) takes them again. It rewrites the newest migration's row
// with the value it holds.
func (s *DB) CheckWritable(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `UPDATE schema_migrations SET applied_at = applied_at
		WHERE version = (SELECT max(version) FROM schema_migrations)`)
	return storeError("check writable", err)
}

// underMigrationLock runs f in a transaction that holds the migrations'
// advisory lock, and commits.
func (s *DB) underMigrationLock(ctx context.Context, f func(tx pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))`, migrationLock); err != nil {
		return err
	}
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// migrate applies, in order and in one transaction, the embedded migrations
// whose versions are not yet recorded. The transaction holds an advisory
// lock, so replicas that start together apply each migration once; a
// transaction-level lock also works through PgBouncer in transaction mode.
func (s *DB) migrate(ctx context.Context) error {
	if err := s.underMigrationLock(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`); err != nil {
			return err
		}
		applied, err := appliedVersions(ctx, tx)
		if err != nil {
			return err
		}
		return s.applyMissing(ctx, tx, applied)
	}); err != nil {
		return err
	}
	return s.migrateQueue(ctx)
}

// goSteps are the parts of migrations that SQL cannot do, run after the
// migration's SQL in the same transaction, by version.
var goSteps = map[int]func(ctx context.Context, tx pgx.Tx) error{
	4: recountWords,
}

// recountWords counts the words of every stored body as revisions count
// them now (diff.CountWords) and corrects the revisions counted otherwise,
// reading one body at a time.
func recountWords(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT article_id, number, words, body FROM revisions`)
	if err != nil {
		return fmt.Errorf("read revisions: %w", err)
	}
	type fix struct {
		articleID    string
		number, word int
	}
	var fixes []fix
	var f fix
	var stored int
	var body string
	_, err = pgx.ForEachRow(rows, []any{&f.articleID, &f.number, &stored, &body}, func() error {
		if n := diff.CountWords(body); n != stored {
			f.word = n
			fixes = append(fixes, f)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read revisions: %w", err)
	}
	for _, f := range fixes {
		if _, err := tx.Exec(ctx, `UPDATE revisions SET words = $1 WHERE article_id = $2 AND number = $3`,
			f.word, f.articleID, f.number); err != nil {
			return fmt.Errorf("store word count: %w", err)
		}
	}
	return nil
}

func appliedVersions(ctx context.Context, tx pgx.Tx) (map[int]bool, error) {
	rows, err := tx.Query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil, err
	}
	applied := make(map[int]bool, len(versions))
	for _, v := range versions {
		applied[int(v)] = true
	}
	return applied, nil
}

func (s *DB) applyMissing(ctx context.Context, tx pgx.Tx, applied map[int]bool) error {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		version, err := storekit.MigrationVersion(name)
		if err != nil {
			return err
		}
		if applied[version] {
			continue
		}
		body, err := migrationFS.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(body)); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if step := goSteps[version]; step != nil {
			if err := step(ctx, tx); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
			version, name, s.Now().UTC()); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}
