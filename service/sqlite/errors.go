package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"

	"github.com/redline-news/redline/internal/groupcommit"
	"github.com/redline-news/redline/service"
)

// SQLite's primary result codes that say what kind of failure a write met.
const (
	sqliteBusy   = 5
	sqliteLocked = 6
	sqliteIOErr  = 10
	sqliteFull   = 13
)

// storeError turns SQLite's "disk full" into the domain code the API
// answers 507 for, and "busy", "locked", an I/O error or a closed store
// into the one it answers 503 for; other errors pass unchanged. Every
// method of the store, read or write, passes its error through it.
func (s *DB) storeError(err error) error {
	var se *sqlite.Error
	switch {
	case err == nil || service.ErrorCode(err) != service.EINTERNAL || errors.Is(err, context.Canceled):
		return err
	case s.closed.Load(), errors.Is(err, groupcommit.ErrClosed), errors.Is(err, sql.ErrConnDone),
		strings.Contains(err.Error(), "sql: database is closed"): // database/sql exports no error for it
		return &wrapped{service.Errorf(service.EUNAVAILABLE, "the store is closed"), err}
	case errors.Is(err, syscall.ENOSPC), errors.As(err, &se) && se.Code()&0xff == sqliteFull:
		return &wrapped{service.Errorf(service.ENOSPACE, "the store is out of space"), err}
	case errors.As(err, &se) && (se.Code()&0xff == sqliteBusy || se.Code()&0xff == sqliteLocked):
		return &wrapped{service.Errorf(service.EUNAVAILABLE, "the store is busy; retry shortly"), err}
	case errors.As(err, &se) && se.Code()&0xff == sqliteIOErr:
		return &wrapped{service.Errorf(service.EUNAVAILABLE, "the store cannot write to its file"), err}
	}
	return err
}

// wrapped is a domain error that keeps the driver's error for logs.
type wrapped struct {
	domain *service.Error
	cause  error
}

func (w *wrapped) Error() string   { return fmt.Sprintf("%v: %v", w.domain, w.cause) }
func (w *wrapped) Unwrap() []error { return []error{w.domain, w.cause} }

// minFreeBytes is the free space CheckWritable wants on the store's file
// system: room for a revision of the largest body, its WAL frames and index.
const minFreeBytes = 4 * service.MaxBodyBytes

// CheckWritable looks for free space on the store's file system and makes a
// small real write, so that readiness can tell when a store that was out of
// space can take writes again. It returns ENOSPACE or EUNAVAILABLE while it
// cannot.
func (s *DB) CheckWritable(ctx context.Context) error {
	var fs syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(s.path), &fs); err == nil && fs.Bavail*uint64(fs.Bsize) < minFreeBytes {
		return service.Errorf(service.ENOSPACE, "the store is out of space")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.storeError(fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE schema_migrations SET applied_at = applied_at + 0 WHERE version = (SELECT max(version) FROM schema_migrations)`); err != nil {
		return s.storeError(err)
	}
	return s.storeError(tx.Commit())
}
