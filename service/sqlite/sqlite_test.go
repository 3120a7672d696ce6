package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
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

// TestMigrationFillsChangeStats opens a database written before revisions
// kept their change stats and checks that migration 0002 computes them.
func TestMigrationFillsChangeStats(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	schema, err := os.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatalf("read migration: %v", err)
	}
	bodies := []string{"Alpha beta gamma.", "Alpha beta gamma delta.", "Alpha beta gamma delta rose to 12."}
	stmts := []string{string(schema),
		`CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, 'migrations/0001_init.sql', 0)`,
		`INSERT INTO articles VALUES ('old', 'T', '', 3, 0, 0)`}
	for i, b := range bodies {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO revisions (article_id, number, title, body, content_hash, words, created_at)
			VALUES ('old', %d, 'T', '%s', '%s', 0, 0)`, i+1, b, service.ContentHash("T", b)))
	}
	for _, q := range stmts {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	page, err := db.ListRevisions(context.Background(), "old", service.RevisionListOptions{})
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	want := []service.ChangeStats{{WordsAdded: 3}, {WordsAdded: 1}, {WordsAdded: 3, FactsChanged: 1}}
	for i, r := range page.Revisions {
		if r.Changes != want[i] {
			t.Errorf("revision %d: got %+v, want %+v", r.Number, r.Changes, want[i])
		}
	}
	if len(page.Revisions) != len(want) {
		t.Fatalf("revisions: got %d, want %d", len(page.Revisions), len(want))
	}
}

// BenchmarkListRevisions pages through all of the revisions of an article
// with 300 and of one with 3,000, 5 KB bodies each, both in every
// iteration, so that the two are measured under the same load, each from a
// collected heap so that neither pays for the other's garbage. The listing
// reads stored stats from an index, so 3,000 revisions should cost at most
// 10 times 300: ratio-fastest compares each size's fastest iteration, which
// a busy machine disturbs least; ratio-mean compares their total times.
func BenchmarkListRevisions(b *testing.B) {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "list.db"))
	if err != nil {
		b.Fatalf("open: %v", err)
	}
	defer db.Close()
	fillRevisions(b, db, "short", 300, benchBody)
	fillRevisions(b, db, "long", 3000, benchBody)
	listAll := func(id string, want int) time.Duration {
		start := time.Now()
		opts := service.RevisionListOptions{Limit: service.MaxListLimit}
		got := 0
		for {
			page, err := db.ListRevisions(context.Background(), id, opts)
			if err != nil {
				b.Fatalf("list: %v", err)
			}
			got += len(page.Revisions)
			if opts.Cursor = page.NextCursor; opts.Cursor == "" {
				break
			}
		}
		if got != want {
			b.Fatalf("%s: listed %d revisions, want %d", id, got, want)
		}
		return time.Since(start)
	}
	fastest := [2]time.Duration{time.Hour, time.Hour}
	var total [2]time.Duration
	for b.Loop() {
		runtime.GC()
		d0 := listAll("short", 300)
		runtime.GC()
		d := [2]time.Duration{d0, listAll("long", 3000)}
		for i := range d {
			fastest[i], total[i] = min(fastest[i], d[i]), total[i]+d[i]
		}
	}
	b.ReportMetric(float64(fastest[0].Microseconds()), "µs/list-300")
	b.ReportMetric(float64(fastest[1].Microseconds()), "µs/list-3000")
	b.ReportMetric(float64(fastest[1])/float64(fastest[0]), "ratio-fastest")
	b.ReportMetric(float64(total[1])/float64(total[0]), "ratio-mean")
}

// fillRevisions stores n revisions of one article from 32 writers, so that
// group commit batches them.
func fillRevisions(b *testing.B, db *sqlite.DB, id string, n int, text string) {
	b.Helper()
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 32; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := service.Draft{ArticleID: id, Title: "T", Body: fmt.Sprintf("%s Edit %d of a story that keeps changing.", text, i)}
				if _, _, err := db.PutRevision(context.Background(), d); err != nil {
					b.Errorf("put: %v", err)
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
