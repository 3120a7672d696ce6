// Package sqlite stores revisions in an embedded SQLite database file, the
// default store: one file, no server, durable on every acknowledged write.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"time"

	"github.com/riverqueue/river"

	"github.com/redline-news/redline/internal/groupcommit"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/internal/storekit"
	_ "modernc.org/sqlite" // registers the CGO-free "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Backend names this store in metrics and logs.
const Backend = "sqlite"

// maxConns bounds the pool: readers run in parallel beside the one writer.
const maxConns = 16

// DB is a service.RevisionStore kept in one SQLite file.
type DB struct {
	db   *sql.DB
	path string
	// file is the database file as opened: Ping tells when the path no
	// longer names it.
	file os.FileInfo
	// writes commits PutRevision and DeleteArticle calls in batches.
	writes *groupcommit.Batcher[*sql.Tx]
	stmts  *statements
	// txStmts are the statements bound to the committer's transaction.
	txStmts txStatements
	// batch carries what the committer's drafts of one batch share.
	batch batchState
	meta  *metaCache
	// changes counts each draft's changes against the revision before.
	changes *service.ChangeCounter
	// inFlight is the draft of each article queued last, not yet answered.
	inFlight inFlightDrafts
	// matcher decodes the subscriptions' filters for each event written.
	matcher *service.SubscriptionMatcher
	// batches and drafts count the committer's batches and the writes in
	// them (see BatchStats).
	batches, drafts atomic.Int64
	closed          atomic.Bool // set by Close: errors then say the store is closed
	// Now returns the current time; tests replace it to control time.
	Now func() time.Time

	checkpoints *checkpointer          // copies the WAL into the file beside the committer
	jobs        *river.Client[*sql.Tx] // queues webhook deliveries
	watch       *watcher               // wakes feed readers
}

var _ service.RevisionStore = (*DB)(nil)

// Open opens (creating if needed) the database at path and applies any
// migrations it lacks. WAL lets readers run beside the writer;
// synchronous=FULL makes a commit durable before it is acknowledged; and
// _txlock=immediate takes the write lock when a transaction begins, so two
// writers never both read the same latest revision number.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, service.Errorf(service.EINVALID, "the sqlite store needs a file path, as in sqlite:redline.db")
	}
	if info, err := os.Stat(filepath.Dir(path)); err != nil || !info.IsDir() {
		return nil, service.Errorf(service.EINVALID, "the directory of the sqlite store %s does not exist", path)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// Keep every connection open: a connection closed for being idle is
	// reopened on the next burst, re-running its pragmas and re-preparing
	// every statement (database/sql keeps only 2 idle by default).
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s := &DB{db: db, path: path, Now: time.Now, stmts: newStatements(db), meta: newMetaCache(), changes: service.NewChangeCounter(),
		matcher: service.NewSubscriptionMatcher()}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate sqlite %s: %w", path, err)
	}
	if err := s.restatChanges(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	if s.file, err = os.Stat(path); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	s.checkpoints = startCheckpointer(db, path, &s.drafts)
	committer := &groupcommit.SQL{DB: db}
	s.writes = groupcommit.New[*sql.Tx](committer, groupcommit.Options{
		OnBatch: func(items int, _ error) {
			s.batches.Add(1)
			s.drafts.Add(int64(items))
		},
		// The committer completes a restart on its own connection, so
		// that it never waits for the pool, which readers may hold.
		BeforeBatch: func() {
			if !s.checkpoints.restart.Load() {
				return
			}
			if conn, err := committer.Conn(context.Background()); err == nil {
				s.checkpoints.finishRestart(conn)
			}
		},
	})
	if err := s.openQueue(ctx); err != nil {
		s.writes.Close()
		s.checkpoints.close()
		db.Close()
		s.checkpoints.release()
		return nil, fmt.Errorf("open delivery queue in sqlite %s: %w", path, err)
	}
	s.watch = newWatcher(s.lastSeq, EventPollInterval)
	return s, nil
}

// busyTimeout is how long a statement waits for another connection's or
// process's lock before the store answers that it is busy.
var busyTimeout = 10 * time.Second

func dsn(path string) string {
	q := url.Values{}
	busy := fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds())
	auto := fmt.Sprintf("wal_autocheckpoint(%d)", walAutoCheckpoint)
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", busy, "foreign_keys(1)", auto} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Close finishes the writes already submitted, then closes the database;
// WAL content is checkpointed into the file.
func (s *DB) Close() error {
	s.closed.Store(true)
	s.watch.close()
	s.writes.Close()
	s.checkpoints.close()
	s.stmts.close()
	err := s.db.Close()
	if rerr := s.checkpoints.release(); err == nil {
		err = rerr
	}
	return err
}

// pool runs prepared statements outside any transaction.
func (s *DB) pool() runner { return runner{stmts: s.stmts} }

// in runs prepared statements inside tx.
func (s *DB) in(tx *sql.Tx) runner { return runner{stmts: s.stmts, tx: tx, bound: &s.txStmts} }

// Ping returns EUNAVAILABLE when the database file cannot be read, or when
// its path no longer names the file opened (removed, or replaced by
// another): the store would go on using the file it holds open, and what
// it wrote there would be gone at the next start.
func (s *DB) Ping(ctx context.Context) error {
	if info, err := os.Stat(s.path); err != nil || !os.SameFile(info, s.file) {
		return service.Errorf(service.EUNAVAILABLE, "sqlite store %s was removed or replaced while open; put it back or restart the service", s.path)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		return service.Errorf(service.EUNAVAILABLE, "sqlite store %s cannot be read", s.path)
	}
	return nil
}

// migrate applies, in order and each in its own transaction, the embedded
// migrations whose versions are not yet recorded.
func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := s.migrateOne(ctx, name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func (s *DB) migrateOne(ctx context.Context, name string) error {
	version, err := storekit.MigrationVersion(name)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var applied int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&applied); err != nil || applied > 0 {
		return err
	}
	body, err := migrationFS.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if step := goSteps[version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		version, name, s.Now().UnixMicro()); err != nil {
		return err
	}
	return tx.Commit()
}

// BatchStats reports how many batches the committer ran and how many writes
// they held in all; drafts/batches is the average batch size.
func (s *DB) BatchStats() (batches, drafts int64) {
	return s.batches.Load(), s.drafts.Load()
}

// Path returns the database file's path.
func (s *DB) Path() string { return s.path }
