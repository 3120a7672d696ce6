package groupcommit

import (
	"context"
	"database/sql"
	"sync"
)

// SQL is the Store of a database/sql pool. Every batch runs on the same
// connection, taken from the pool for the first batch and kept until Close:
// SQLite keeps a page cache per connection, which a writer that moved from
// connection to connection would read back from the file and the WAL. A
// connection that fails to begin is given back and another taken for the
// next batch. The savepoint statements are prepared once, not parsed again
// for every item.
type SQL struct {
	DB *sql.DB
	// TxOptions are passed to BeginTx; nil for the driver's defaults.
	TxOptions *sql.TxOptions

	mu    sync.Mutex
	stmts map[string]*sql.Stmt
	conn  *sql.Conn // only the committer's goroutine uses it
}

// NewSQL starts a batcher whose transactions run on db.
func NewSQL(db *sql.DB, opts Options) *Batcher[*sql.Tx] {
	return New[*sql.Tx](&SQL{DB: db}, opts)
}

// Conn returns the committer's connection, taken from the pool if the
// committer holds none yet. Call it only on the committer's goroutine: in
// Options.BeforeBatch, or in work (which has the transaction instead). What
// runs between batches on this connection needs no other connection of the
// pool, which readers may hold.
func (s *SQL) Conn(ctx context.Context) (*sql.Conn, error) {
	if s.conn == nil {
		conn, err := s.DB.Conn(ctx)
		if err != nil {
			return nil, err
		}
		s.conn = conn
	}
	return s.conn, nil
}

// Begin starts a transaction on the committer's connection.
func (s *SQL) Begin(ctx context.Context) (*sql.Tx, error) {
	if _, err := s.Conn(ctx); err != nil {
		return nil, err
	}
	tx, err := s.conn.BeginTx(ctx, s.TxOptions)
	if err != nil {
		_ = s.conn.Close()
		s.conn = nil
	}
	return tx, err
}

// Close gives the committer's connection back to the pool. The Batcher
// calls it once its last batch is done.
func (s *SQL) Close() error {
	if s.conn == nil {
		return nil
	}
	err := s.conn.Close()
	s.conn = nil
	return err
}

// Exec runs one statement in tx, prepared on first use.
func (s *SQL) Exec(ctx context.Context, tx *sql.Tx, statement string) error {
	st, err := s.prepared(ctx, statement)
	if err != nil {
		return err
	}
	_, err = tx.StmtContext(ctx, st).ExecContext(ctx)
	return err
}

func (s *SQL) prepared(ctx context.Context, statement string) (*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.stmts[statement]; st != nil {
		return st, nil
	}
	st, err := s.DB.PrepareContext(ctx, statement)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[statement] = st
	return st, nil
}

// Commit commits tx.
func (*SQL) Commit(_ context.Context, tx *sql.Tx) error { return tx.Commit() }

// Rollback rolls tx back; rolling back a finished transaction is not an error.
func (*SQL) Rollback(_ context.Context, tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && err != sql.ErrTxDone {
		return err
	}
	return nil
}
