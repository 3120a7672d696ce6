package postgres_test

import (
	"context"
	"fmt"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/postgres"
	"github.com/redline-news/redline/service/postgres/pgtest"
	"github.com/redline-news/redline/service/storetest"
)

// harness opens stores in fresh schemas; params are added to each DSN.
func harness(params map[string]string) storetest.Harness {
	return harnessFrom(func(t *testing.T) string {
		dsn := pgtest.Schema(t)
		for k, v := range params {
			dsn = pgtest.WithParam(t, dsn, k, v)
		}
		return dsn
	})
}

// harnessFrom opens each store on a fresh database that newDSN names.
func harnessFrom(newDSN func(t *testing.T) string) storetest.Harness {
	var mu sync.Mutex
	dsns := map[service.RevisionStore]string{}
	return storetest.Harness{
		New: func(t *testing.T, now func() time.Time) service.RevisionStore {
			t.Helper()
			dsn := newDSN(t)
			db := open(t, dsn)
			db.Now = now
			mu.Lock()
			dsns[db] = dsn
			mu.Unlock()
			return db
		},
		Reopen: func(t *testing.T, s service.RevisionStore) service.RevisionStore {
			t.Helper()
			mu.Lock()
			dsn := dsns[s]
			mu.Unlock()
			if err := s.Close(); err != nil {
				t.Fatalf("close: %v", err)
			}
			return open(t, dsn)
		},
		ReopenAfter: func(t *testing.T, s service.RevisionStore, stmts ...string) service.RevisionStore {
			t.Helper()
			mu.Lock()
			dsn := dsns[s]
			mu.Unlock()
			if err := s.Close(); err != nil {
				t.Fatalf("close: %v", err)
			}
			for _, stmt := range stmts {
				execDirect(t, dsn, stmt)
			}
			again := open(t, dsn)
			mu.Lock()
			dsns[again] = dsn
			mu.Unlock()
			return again
		},
	}
}

func open(t *testing.T, dsn string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 4})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, harness(nil))
}

// TestConformanceWithoutPreparedStatements runs the suite in the exec mode
// that PgBouncer's transaction pooling needs, where no statement outlives
// its round trip.
func TestConformanceWithoutPreparedStatements(t *testing.T) {
	for _, mode := range []string{"exec", "simple_protocol"} {
		t.Run(mode, func(t *testing.T) {
			storetest.Run(t, harness(map[string]string{"default_query_exec_mode": mode}))
		})
	}
}

// TestMigrationsUnderConcurrentStarts opens many stores on one empty schema
// at once, as replicas that start together do: the advisory lock must let
// each migration run exactly once.
func TestMigrationsUnderConcurrentStarts(t *testing.T) {
	dsn := pgtest.Schema(t)
	const replicas = 6
	var wg sync.WaitGroup
	errs := make(chan error, replicas)
	for i := 0; i < replicas; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 2})
			if err == nil {
				err = db.Close()
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent open: %v", err)
		}
	}
	var versions, distinct int
	query(t, dsn, `SELECT count(*), count(DISTINCT version) FROM schema_migrations`, &versions, &distinct)
	if versions == 0 || versions != distinct {
		t.Fatalf("schema_migrations: got %d rows for %d versions, want one row per version", versions, distinct)
	}
}

func query(t *testing.T, dsn, sql string, dest ...any) {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(context.Background())
	if err := conn.QueryRow(context.Background(), sql).Scan(dest...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// TestGroupCommit has many writers put at once and checks that their writes
// shared transactions, and that every one of them was stored in order.
func TestGroupCommit(t *testing.T) {
	db := open(t, pgtest.Schema(t))
	defer db.Close()
	const writers, each = 32, 4
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			id := fmt.Sprintf("writer-%d", w%8)
			for i := 0; i < each; i++ {
				_, _, err := db.PutRevision(context.Background(), service.Draft{ArticleID: id, Title: "T", Body: fmt.Sprintf("writer %d edit %d", w, i)})
				errs <- err
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("put: %v", err)
		}
	}
	batches, drafts := db.BatchStats()
	t.Logf("%d drafts in %d transactions", drafts, batches)
	if drafts != writers*each || batches >= drafts {
		t.Fatalf("group commit: got %d drafts in %d transactions, want %d drafts in fewer transactions", drafts, batches, writers*each)
	}
	for a := 0; a < 8; a++ {
		revs, err := db.Revisions(context.Background(), fmt.Sprintf("writer-%d", a))
		if err != nil || len(revs) != writers/8*each {
			t.Fatalf("writer-%d: got %d revisions (%v), want %d", a, len(revs), err, writers/8*each)
		}
		for i, r := range revs {
			if r.Number != i+1 {
				t.Fatalf("writer-%d revision %d: got number %d, want %d", a, i, r.Number, i+1)
			}
		}
	}
}

func TestNULBytesAreRefusedClearly(t *testing.T) {
	db := open(t, pgtest.Schema(t))
	defer db.Close()
	_, _, err := db.PutRevision(context.Background(), service.Draft{ArticleID: "nul", Title: "T", Body: "a\x00b"})
	if got := service.ErrorCode(err); got != service.EINVALID {
		t.Fatalf("body with NUL: got code %q (%v), want %q", got, err, service.EINVALID)
	}
}

func TestUnreachableIsUnavailable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = postgres.Open(ctx, "postgres://postgres@"+addr+"/test?sslmode=disable&connect_timeout=2", postgres.Options{})
	if got := service.ErrorCode(err); got != service.EUNAVAILABLE {
		t.Fatalf("open with no server: got code %q (%v), want %q", got, err, service.EUNAVAILABLE)
	}
}

// TestPingFailsWhenTheServerGoesAway talks to PostgreSQL through a proxy
// and then cuts it: Ping, which /readyz uses, must say EUNAVAILABLE.
func TestPingFailsWhenTheServerGoesAway(t *testing.T) {
	dsn := pgtest.Schema(t)
	proxy := pgtest.NewProxy(t, dsn)
	db := open(t, proxy.DSN)
	defer db.Close()
	if err := db.Ping(context.Background()); err != nil {
		t.Fatalf("ping through the proxy: %v", err)
	}
	proxy.Cut()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if got := service.ErrorCode(db.Ping(ctx)); got != service.EUNAVAILABLE {
		t.Fatalf("ping with the server gone: got code %q, want %q", got, service.EUNAVAILABLE)
	}
	_, err := db.LatestRevision(ctx, "any")
	if got := service.ErrorCode(err); got != service.EUNAVAILABLE {
		t.Fatalf("read with the server gone: got code %q (%v), want %q", got, err, service.EUNAVAILABLE)
	}
}

// TestMigrationRecountsWords is the SQLite store's test of the same name,
// for migration 4 here: revisions counted before it by runs of letters are
// counted again as the diff counts them.
func TestMigrationRecountsWords(t *testing.T) {
	dsn := pgtest.Schema(t)
	db := open(t, dsn)
	storetest.PutRecountBodies(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	execDirect(t, dsn, storetest.OldWordCounts)
	execDirect(t, dsn, `DELETE FROM schema_migrations WHERE version = 4`)

	db = open(t, dsn)
	defer db.Close()
	storetest.CheckRecountedWords(t, db)
}

// TestStaleChangeStatsInSmallBatches counts stale change stats again two
// revisions a transaction, so that the recount resumes after a batch
// inside one article's revisions and between articles.
func TestStaleChangeStatsInSmallBatches(t *testing.T) {
	defer postgres.SetRestatBatch(2)()
	storetest.StaleChangeStats(t, harness(nil))
}

// staleRestatSchema stores the recount's articles in a fresh schema, then
// writes their change stats back as an older version had counted them, and
// returns the schema's DSN and what the recount must give.
func staleRestatSchema(t *testing.T) (string, storetest.StoreSnapshot) {
	t.Helper()
	dsn := pgtest.Schema(t)
	db := open(t, dsn)
	want := storetest.PutRestatArticles(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range storetest.RestatStaleSQL {
		execDirect(t, dsn, stmt)
	}
	return dsn, want
}

// TestReplicasRecountChangeStatsTogether opens three replicas at once on
// revisions with stale change stats, one revision a batch: they share the
// recount under the advisory lock, and none opens before it is done, so
// that each gives the figures counted now from its first answer.
func TestReplicasRecountChangeStatsTogether(t *testing.T) {
	defer postgres.SetRestatBatch(1)()
	dsn, want := staleRestatSchema(t)
	const n = 3
	stores := make([]*postgres.DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 2})
		}()
	}
	wg.Wait()
	for i, s := range stores {
		if errs[i] != nil {
			t.Fatalf("replica %d: open: %v", i, errs[i])
		}
		defer s.Close()
	}
	for _, s := range stores {
		storetest.CheckRestated(t, s, want)
	}
}

// TestStaleChangeStatsLeaveNoIndex is the SQLite store's test of the same
// name: the index a recount cut short left is gone once the next open has
// finished the recount.
func TestStaleChangeStatsLeaveNoIndex(t *testing.T) {
	dsn, want := staleRestatSchema(t)
	db := open(t, dsn)
	defer db.Close()
	storetest.CheckRestated(t, db, want)
	var n int
	query(t, dsn, `SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'events_restat'`, &n)
	if n != 0 {
		t.Fatalf("events_restat after the recount: %d, want none", n)
	}
}
