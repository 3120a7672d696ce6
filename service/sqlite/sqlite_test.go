package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/sqlite"
	"github.com/redline-news/redline/service/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		New: func(t *testing.T, now func() time.Time) service.RevisionStore {
			t.Helper()
			db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "redline.db"))
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			db.Now = now
			return db
		},
		Reopen: func(t *testing.T, s service.RevisionStore) service.RevisionStore {
			t.Helper()
			db := s.(*sqlite.DB)
			path := db.Path()
			if err := db.Close(); err != nil {
				t.Fatalf("close: %v", err)
			}
			again, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			return again
		},
	})
}

func TestMigrationsAreIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redline.db")
	for i := 0; i < 2; i++ {
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if err := db.Ping(context.Background()); err != nil {
			t.Fatalf("ping %d: %v", i, err)
		}
		db.Close()
	}
}

func TestOpenFailsClearly(t *testing.T) {
	_, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "missing-dir", "x", "redline.db"))
	if err == nil {
		t.Fatalf("open in a missing directory: got nil error, want one")
	}
}
