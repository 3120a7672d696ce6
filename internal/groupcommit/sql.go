package groupcommit

import (
	"context"
	"database/sql"
)

// SQL is the Store of a database/sql pool. Each batch takes one connection
// from the pool for the length of its transaction.
type SQL struct {
	DB *sql.DB
	// TxOptions are passed to BeginTx; nil for the driver's defaults.
	TxOptions *sql.TxOptions
}

// NewSQL starts a batcher whose transactions run on db.
func NewSQL(db *sql.DB, opts Options) *Batcher[*sql.Tx] {
	return New[*sql.Tx](SQL{DB: db}, opts)
}

// Begin starts a transaction.
func (s SQL) Begin(ctx context.Context) (*sql.Tx, error) { return s.DB.BeginTx(ctx, s.TxOptions) }

// Exec runs one statement in tx.
func (s SQL) Exec(ctx context.Context, tx *sql.Tx, statement string) error {
	_, err := tx.ExecContext(ctx, statement)
	return err
}

// Commit commits tx.
func (SQL) Commit(_ context.Context, tx *sql.Tx) error { return tx.Commit() }

// Rollback rolls tx back; rolling back a finished transaction is not an error.
func (SQL) Rollback(_ context.Context, tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && err != sql.ErrTxDone {
		return err
	}
	return nil
}
