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
	storetest.Run(t, harness)
}

// TestStaleChangeStatsInSmallBatches counts stale change stats again two
// revisions a transaction, so that the recount resumes after a batch
// inside one article's revisions and between articles.
func TestStaleChangeStatsInSmallBatches(t *testing.T) {
	defer sqlite.SetRestatBatch(2)()
	storetest.StaleChangeStats(t, harness)
}

var harness = storetest.Harness{
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
		return reopenAfter(t, s)
	},
	ReopenAfter: reopenAfter,
}

// reopenAfter closes s, runs stmts on its file with a connection of its
// own, and opens the file again.
func reopenAfter(t *testing.T, s service.RevisionStore, stmts ...string) service.RevisionStore {
	t.Helper()
	db := s.(*sqlite.DB)
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if len(stmts) > 0 {
		raw, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		for _, stmt := range stmts {
			if _, err := raw.Exec(stmt); err != nil {
				raw.Close()
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		raw.Close()
	}
	again, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	return again
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

// TestMigrationMovesBodies opens a database written before bodies had a
// table of their own (schema version 4) and checks that migration 0005
// keeps every revision whole, that writes go on from the latest number,
// and that deleting an article deletes its bodies.
func TestMigrationMovesBodies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v4.db")
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatalf("create: %v", err)
	}
	for v, name := range []string{"0001_init.sql", "0002_change_stats.sql", "0003_events.sql", "0004_revision_listing.sql"} {
		schema, err := os.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatalf("read migration: %v", err)
		}
		if _, err := raw.Exec(string(schema)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := raw.Exec(`INSERT INTO schema_migrations VALUES (?, ?, 0)`, v+1, "migrations/"+name); err != nil {
			t.Fatalf("record %s: %v", name, err)
		}
	}
	type old struct {
		article, title, body, url, metadata string
		number, words, added                int
	}
	olds := []old{
		{"a", "First", "Alpha beta.", "https://example.com/a", `{"desk":"city"}`, 1, 2, 2},
		{"a", "Second", "Alpha beta gamma, with \"quotes\" and ünïcödé.", "https://example.com/a", "", 2, 7, 5},
		{"b", "Other", "One body of b.", "", `{"n":1}`, 1, 4, 4},
	}
	for _, a := range []string{"a", "b"} {
		if _, err := raw.Exec(`INSERT INTO articles VALUES (?, 'T', '', ?, 0, 0)`, a, map[string]int{"a": 2, "b": 1}[a]); err != nil {
			t.Fatalf("article: %v", err)
		}
	}
	for _, o := range olds {
		var metadata any
		if o.metadata != "" {
			metadata = o.metadata
		}
		if _, err := raw.Exec(`INSERT INTO revisions (article_id, number, title, body, url, metadata, content_hash, words, words_added, words_removed, facts_changed, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)`, o.article, o.number, o.title, o.body, o.url, metadata,
			service.ContentHash(o.title, o.body), o.words, o.added, 1_700_000_000_000_000+o.number); err != nil {
			t.Fatalf("revision: %v", err)
		}
	}
	raw.Close()

	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	for _, o := range olds {
		rev, err := db.RevisionByNumber(ctx, o.article, o.number)
		if err != nil {
			t.Fatalf("revision %s/%d: %v", o.article, o.number, err)
		}
		if rev.Title != o.title || rev.Body != o.body || rev.URL != o.url || string(rev.Metadata) != o.metadata ||
			rev.ContentHash != service.ContentHash(o.title, o.body) || rev.Words != o.words || rev.Changes.WordsAdded != o.added ||
			rev.CreatedAt.UnixMicro() != 1_700_000_000_000_000+int64(o.number) {
			t.Errorf("revision %s/%d after migration: %+v, want %+v", o.article, o.number, rev, o)
		}
	}
	latest, err := db.LatestRevision(ctx, "a")
	if err != nil || latest.Number != 2 || latest.Body != olds[1].body {
		t.Fatalf("latest of a: %+v, %v", latest, err)
	}
	rev, _, err := db.PutRevision(ctx, service.Draft{ArticleID: "a", Title: "Third", Body: "Alpha beta gamma delta."})
	if err != nil || rev.Number != 3 {
		t.Fatalf("put after migration: %+v, %v", rev, err)
	}
	if got, err := db.RevisionByNumber(ctx, "a", 3); err != nil || got.Body != "Alpha beta gamma delta." {
		t.Fatalf("revision 3: %+v, %v", got, err)
	}
	if err := db.DeleteArticle(ctx, "a"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	db.Close()

	raw, err = sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer raw.Close()
	var bodies, revisions int
	if err := raw.QueryRow(`SELECT (SELECT count(*) FROM revision_bodies), (SELECT count(*) FROM revisions)`).Scan(&bodies, &revisions); err != nil {
		t.Fatalf("count: %v", err)
	}
	if bodies != 1 || revisions != 1 {
		t.Fatalf("after deleting a: %d bodies and %d revisions, want b's 1 and 1", bodies, revisions)
	}
	var orphans int
	if err := raw.QueryRow(`SELECT count(*) FROM revision_bodies WHERE id NOT IN (SELECT body_id FROM revisions)`).Scan(&orphans); err != nil || orphans != 0 {
		t.Fatalf("bodies without a revision: %d, %v", orphans, err)
	}
}

// TestMigrationRecountsWords stores revisions, gives them the counts that
// revisions stored before migration 6 have, and opens the file again: the
// migration counts them as the diff does, and leaves the others alone.
func TestMigrationRecountsWords(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "words.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	storetest.PutRecountBodies(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{storetest.OldWordCounts, `DELETE FROM schema_migrations WHERE version = 6`} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	raw.Close()

	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("migrate: %v", err)
	}
	defer db.Close()
	storetest.CheckRecountedWords(t, db)
}

// TestPingNoticesTheFileGone removes, then replaces, the database file
// under an open store. The store still reads and writes the file it
// opened, whose writes a restart would never see again, so Ping, which
// /readyz asks, must say the store cannot be used.
func TestPingNoticesTheFileGone(t *testing.T) {
	for _, tc := range []struct {
		name    string
		replace bool
	}{{"removed", false}, {"replaced", true}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "redline.db")
			db, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Ping(context.Background()); err != nil {
				t.Fatalf("ping of an open store: %v", err)
			}
			if err := os.Rename(path, path+".moved"); err != nil {
				t.Fatal(err)
			}
			if tc.replace {
				if err := os.WriteFile(path, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err = db.Ping(context.Background())
			if got := service.ErrorCode(err); got != service.EUNAVAILABLE {
				t.Fatalf("ping once the file is %s: got %v (code %q), want %s", tc.name, err, got, service.EUNAVAILABLE)
			}
		})
	}
}

// TestStaleChangeStatsLeaveNoIndex opens a file that a recount cut short
// left with its index of the change feed: the next open finishes the
// recount and drops the index, which every write would otherwise pay for.
func TestStaleChangeStatsLeaveNoIndex(t *testing.T) {
	s := harness.New(t, time.Now)
	want := storetest.PutRestatArticles(t, s)
	s = reopenAfter(t, s, storetest.RestatStaleSQL...)
	defer s.Close()
	storetest.CheckRestated(t, s, want)
	raw, err := sql.Open("sqlite", "file:"+s.(*sqlite.DB).Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'events_restat'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("events_restat after the recount: %d (%v), want none", n, err)
	}
}
