package groupcommit

import (
	"context"
	"database/sql"
	"sync"
)

// SQL is the Store of a database/sql pool. Each batch takes one connection
// from the pool for the length of its transaction. The savepoint
// statements are prepared once, not parsed again for every item.
type SQL struct {
	DB *sql.DB
	// TxOptions are passed to BeginTx; nil for the driver's defaults.
	TxOptions *sql.TxOptions

	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// NewSQL starts a batcher whose transactions run on db.
func NewSQL(db *sql.DB, opts Options) *Batcher[*sql.Tx] {
	return New[*sql.Tx](&SQL{DB: db}, opts)
}

// Begin starts a transaction.
func (s *SQL) Begin(ctx context.Context) (*sql.Tx, error) { return s.DB.BeginTx(ctx, s.TxOptions) }

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
