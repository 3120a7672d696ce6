package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// openTemp opens a store in a file name of a fresh directory, closed when
// the test ends, and returns it with the file's path.
func openTemp(t *testing.T, name string) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}
