package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// statements keeps every query prepared once, so that SQLite parses each
// SQL string once per connection rather than once per call. Queries stay in
// plain strings next to the methods that run them; this only caches their
// prepared form, keyed by the SQL itself.
type statements struct {
	db *sql.DB
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

func newStatements(db *sql.DB) *statements {
	return &statements{db: db, m: map[string]*sql.Stmt{}}
}

// get returns the prepared form of query, preparing it on first use.
func (p *statements) get(ctx context.Context, query string) (*sql.Stmt, error) {
	p.mu.RLock()
	st := p.m[query]
	p.mu.RUnlock()
	if st != nil {
		return st, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if st = p.m[query]; st != nil {
		return st, nil
	}
	st, err := p.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	p.m[query] = st
	return st, nil
}

// close releases every prepared statement.
func (p *statements) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for q, st := range p.m {
		st.Close()
		delete(p.m, q)
	}
}

// txStatements keeps the prepared statements bound to the latest
// transaction they were asked for, which is the committer's batch: the
// drafts of one batch share them, rather than each binding every statement
// to the transaction anew. A statement bound to a transaction is closed
// with it, and is never handed out for another.
type txStatements struct {
	mu sync.Mutex
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

// get returns st bound to tx.
func (t *txStatements) get(ctx context.Context, tx *sql.Tx, query string, st *sql.Stmt) *sql.Stmt {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tx != tx {
		t.tx = tx
		clear(t.m)
	}
	if bound := t.m[query]; bound != nil {
		return bound
	}
	if t.m == nil {
		t.m = map[string]*sql.Stmt{}
	}
	bound := tx.StmtContext(ctx, st)
	t.m[query] = bound
	return bound
}

// runner runs prepared queries on the pool, or inside tx when it is set.
type runner struct {
	stmts *statements
	tx    *sql.Tx
	bound *txStatements // where statements bound to tx are kept
}

func (r runner) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	st, err := r.stmts.get(ctx, query)
	if err != nil || r.tx == nil {
		return st, err
	}
	return r.bound.get(ctx, r.tx, query, st), nil
}

// queryRow runs a query that returns at most one row.
func (r runner) queryRow(ctx context.Context, query string, args ...any) rowScanner {
	st, err := r.stmt(ctx, query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// query runs a query that returns rows.
func (r runner) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := r.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// exec runs a statement that returns no rows.
func (r runner) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := r.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// rowScanner is a *sql.Row, or the error of preparing its query.
type rowScanner interface {
	Scan(dest ...any) error
}

type errRow struct{ err error }

func (e errRow) Scan(...any) error { return e.err }

// QueryContext is query under the name *sql.DB and *sql.Tx give it, so that
// helpers written for either run prepared statements.
func (r runner) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return r.query(ctx, query, args...)
}
