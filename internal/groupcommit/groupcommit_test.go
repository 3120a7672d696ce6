package groupcommit_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/redline-news/redline/internal/groupcommit"
)

// gatedSQL is a real SQLite store whose commits can be held back, so that
// tests decide which items share a batch without sleeping.
type gatedSQL struct {
	groupcommit.SQL
	gate      chan struct{} // when not nil, each Commit waits for a value
	failAfter error         // when set, Commit fails with it
	mu        sync.Mutex
	commits   int
	begins    int
}

func (g *gatedSQL) Begin(ctx context.Context) (*sql.Tx, error) {
	g.mu.Lock()
	g.begins++
	g.mu.Unlock()
	return g.SQL.Begin(ctx)
}

func (g *gatedSQL) Commit(ctx context.Context, tx *sql.Tx) error {
	if g.gate != nil {
		<-g.gate
	}
	g.mu.Lock()
	g.commits++
	g.mu.Unlock()
	if g.failAfter != nil {
		return g.failAfter
	}
	return g.SQL.Commit(ctx, tx)
}

func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "gc.db")+"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE)`); err != nil {
		t.Fatalf("create: %v", err)
	}
	return db
}

func insert(name string) groupcommit.Work[*sql.Tx] {
	return func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO items (name) VALUES (?)`, name)
		return err
	}
}

func names(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM items ORDER BY seq`)
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatalf("scan: %v", err)
		}
		got = append(got, n)
	}
	return got
}

// waitPending yields until n items wait for a batch.
func waitPending(b *groupcommit.Batcher[*sql.Tx], n int) {
	for b.Pending() < n {
		runtime.Gosched()
	}
}

// submitInOrder submits works one after another, each once the one before
// is queued, and returns the channels their errors arrive on.
func submitInOrder(b *groupcommit.Batcher[*sql.Tx], works ...groupcommit.Work[*sql.Tx]) []chan error {
	errs := make([]chan error, len(works))
	for i, w := range works {
		errs[i] = make(chan error, 1)
		go func() { errs[i] <- b.Do(context.Background(), w) }()
		waitPending(b, i+1)
	}
	return errs
}

// holdFirstBatch starts a batcher whose first commit waits on the gate, and
// submits item "first" so that everything submitted next queues behind it.
func holdFirstBatch(t *testing.T, db *sql.DB, g *gatedSQL, opts groupcommit.Options) (*groupcommit.Batcher[*sql.Tx], <-chan error) {
	t.Helper()
	g.gate = make(chan struct{})
	b := groupcommit.New[*sql.Tx](g, opts)
	t.Cleanup(b.Close)
	first := make(chan error, 1)
	ran := make(chan struct{})
	go func() {
		first <- b.Do(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
			close(ran)
			return insert("first")(ctx, tx)
		})
	}()
	<-ran
	return b, first
}

func TestConcurrentItemsShareOneCommitInArrivalOrder(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}}
	var batches []int
	var mu sync.Mutex
	b, first := holdFirstBatch(t, db, g, groupcommit.Options{OnBatch: func(n int, err error) {
		mu.Lock()
		batches = append(batches, n)
		mu.Unlock()
	}})
	const n = 10
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func(i int) { errs <- b.Do(context.Background(), insert(fmt.Sprintf("item-%d", i))) }(i)
		waitPending(b, i+1) // item i arrives before item i+1
	}
	g.gate <- struct{}{} // the first batch commits
	if err := <-first; err != nil {
		t.Fatalf("first: %v", err)
	}
	close(g.gate) // later commits pass
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Fatalf("item: %v", err)
		}
	}
	want := []string{"first"}
	for i := 0; i < n; i++ {
		want = append(want, fmt.Sprintf("item-%d", i))
	}
	if got := names(t, db); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("rows: got %v, want %v", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if fmt.Sprint(batches) != fmt.Sprint([]int{1, n}) {
		t.Fatalf("batch sizes: got %v, want [1 %d]", batches, n)
	}
}

func TestOneItemsFailureFailsOnlyThatItem(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}}
	b, first := holdFirstBatch(t, db, g, groupcommit.Options{})
	errBad := errors.New("precondition failed")
	works := []struct {
		name    string
		work    groupcommit.Work[*sql.Tx]
		wantErr bool
	}{
		{"a", insert("a"), false},
		{"duplicate of first", insert("first"), true}, // a UNIQUE constraint
		{"b", insert("b"), false},
		{"writes then fails", func(ctx context.Context, tx *sql.Tx) error {
			if err := insert("undone")(ctx, tx); err != nil {
				return err
			}
			return errBad
		}, true},
		{"c", insert("c"), false},
	}
	var ws []groupcommit.Work[*sql.Tx]
	for _, w := range works {
		ws = append(ws, w.work)
	}
	errs := submitInOrder(b, ws...)
	close(g.gate)
	<-first
	for i, w := range works {
		t.Run(w.name, func(t *testing.T) {
			if err := <-errs[i]; (err != nil) != w.wantErr {
				t.Fatalf("error: got %v, want error %v", err, w.wantErr)
			}
		})
	}
	if got, want := fmt.Sprint(names(t, db)), "[first a b c]"; got != want {
		t.Fatalf("rows: got %v, want %v", got, want)
	}
}

// An item that fails untouched leaves the batch as it is: the batch runs
// once, without savepoints, and commits everything else.
func TestUntouchedFailureKeepsTheBatch(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}}
	b, first := holdFirstBatch(t, db, g, groupcommit.Options{})
	errBad := errors.New("precondition failed")
	works := []struct {
		name    string
		work    groupcommit.Work[*sql.Tx]
		wantErr error
	}{
		{"a", insert("a"), nil},
		{"untouched", func(context.Context, *sql.Tx) error { return groupcommit.Untouched(errBad) }, errBad},
		{"b", insert("b"), nil},
	}
	var ws []groupcommit.Work[*sql.Tx]
	for _, w := range works {
		ws = append(ws, w.work)
	}
	errs := submitInOrder(b, ws...)
	close(g.gate)
	<-first
	for i, w := range works {
		t.Run(w.name, func(t *testing.T) {
			if err := <-errs[i]; err != w.wantErr {
				t.Fatalf("error: got %v, want %v", err, w.wantErr)
			}
		})
	}
	if got, want := fmt.Sprint(names(t, db)), "[first a b]"; got != want {
		t.Fatalf("rows: got %v, want %v", got, want)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.begins != 2 || g.commits != 2 {
		t.Fatalf("transactions: got %d begun and %d committed, want 2 and 2 (one a batch)", g.begins, g.commits)
	}
}

// A failure that may have written leaves nothing of its item and no second
// commit: the batch is run again with savepoints in a new transaction.
func TestFailureAfterWritesRunsTheBatchAgain(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}}
	b, first := holdFirstBatch(t, db, g, groupcommit.Options{})
	errBad := errors.New("failed after a write")
	runs := 0
	works := []groupcommit.Work[*sql.Tx]{
		func(ctx context.Context, tx *sql.Tx) error { runs++; return insert("a")(ctx, tx) },
		func(ctx context.Context, tx *sql.Tx) error {
			if err := insert("undone")(ctx, tx); err != nil {
				return err
			}
			return errBad
		},
		insert("b"),
	}
	errs := submitInOrder(b, works...)
	close(g.gate)
	<-first
	for i, want := range []error{nil, errBad, nil} {
		if err := <-errs[i]; err != want {
			t.Fatalf("item %d: got %v, want %v", i, err, want)
		}
	}
	if got, want := fmt.Sprint(names(t, db)), "[first a b]"; got != want {
		t.Fatalf("rows: got %v, want %v", got, want)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.begins != 3 || g.commits != 2 || runs != 2 {
		t.Fatalf("got %d begun, %d committed, item a run %d times; want 3, 2, 2", g.begins, g.commits, runs)
	}
}

func TestCallerReturnsOnlyAfterCommit(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}, gate: make(chan struct{})}
	b := groupcommit.New[*sql.Tx](g, groupcommit.Options{})
	defer b.Close()
	ran := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- b.Do(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
			defer close(ran)
			return insert("x")(ctx, tx)
		})
	}()
	<-ran
	select {
	case err := <-done:
		t.Fatalf("Do returned (%v) before its batch committed", err)
	default:
	}
	close(g.gate)
	if err := <-done; err != nil {
		t.Fatalf("Do: %v", err)
	}
	if got := names(t, db); len(got) != 1 {
		t.Fatalf("rows after commit: got %v, want [x]", got)
	}
}

func TestFailedCommitFailsTheWholeBatch(t *testing.T) {
	db := openDB(t)
	errDisk := errors.New("disk I/O error")
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}, failAfter: errDisk}
	b := groupcommit.New[*sql.Tx](g, groupcommit.Options{})
	defer b.Close()
	if err := b.Do(context.Background(), insert("lost")); !errors.Is(err, errDisk) {
		t.Fatalf("Do: got %v, want %v", err, errDisk)
	}
	if got := names(t, db); len(got) != 0 {
		t.Fatalf("rows after failed commit: got %v, want none", got)
	}
}

func TestCancelledWorkNeverRuns(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}}
	b, first := holdFirstBatch(t, db, g, groupcommit.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Do(ctx, insert("cancelled")) }()
	waitPending(b, 1)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Do: got %v, want context.Canceled", err)
	}
	close(g.gate)
	<-first
	if err := b.Do(context.Background(), insert("after")); err != nil {
		t.Fatalf("Do after: %v", err)
	}
	if got, want := fmt.Sprint(names(t, db)), "[first after]"; got != want {
		t.Fatalf("rows: got %v, want %v", got, want)
	}
}

func TestCloseFinishesPendingWorkThenRefuses(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}}
	b, first := holdFirstBatch(t, db, g, groupcommit.Options{})
	queued := make(chan error, 1)
	go func() { queued <- b.Do(context.Background(), insert("queued")) }()
	waitPending(b, 1)
	closed := make(chan struct{})
	go func() { b.Close(); close(closed) }()
	close(g.gate)
	<-closed
	if err := <-first; err != nil {
		t.Fatalf("first: %v", err)
	}
	if err := <-queued; err != nil {
		t.Fatalf("queued: %v", err)
	}
	if err := b.Do(context.Background(), insert("late")); !errors.Is(err, groupcommit.ErrClosed) {
		t.Fatalf("Do after Close: got %v, want ErrClosed", err)
	}
	if got, want := fmt.Sprint(names(t, db)), "[first queued]"; got != want {
		t.Fatalf("rows: got %v, want %v", got, want)
	}
}

func TestManyWritersAllCommit(t *testing.T) {
	db := openDB(t)
	var mu sync.Mutex
	batches := 0
	b := groupcommit.NewSQL(db, groupcommit.Options{MaxBatch: 8, OnBatch: func(n int, err error) {
		mu.Lock()
		batches++
		mu.Unlock()
		if n > 8 {
			t.Errorf("batch of %d items, want at most 8", n)
		}
	}})
	defer b.Close()
	const writers, each = 16, 10
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if err := b.Do(context.Background(), insert(fmt.Sprintf("w%d-%d", w, i))); err != nil {
					t.Errorf("Do: %v", err)
				}
			}
		}()
	}
	wg.Wait()
	if got := len(names(t, db)); got != writers*each {
		t.Fatalf("rows: got %d, want %d", got, writers*each)
	}
}

func TestCommittedRunsInArrivalOrderOnlyForCommittedWork(t *testing.T) {
	db := openDB(t)
	g := &gatedSQL{SQL: groupcommit.SQL{DB: db}}
	b, first := holdFirstBatch(t, db, g, groupcommit.Options{})
	var mu sync.Mutex
	var order []string
	note := func(name string) func() {
		return func() { mu.Lock(); order = append(order, name); mu.Unlock() }
	}
	names := []string{"a", "first", "b", "c"} // "first" is a duplicate: it fails
	errs := make(chan error, len(names))
	for i, n := range names {
		go func() { errs <- b.DoThen(context.Background(), insert(n), note(n)) }()
		waitPending(b, i+1)
	}
	close(g.gate)
	<-first
	for range names {
		<-errs
	}
	mu.Lock()
	defer mu.Unlock()
	if got, want := fmt.Sprint(order), "[a b c]"; got != want {
		t.Fatalf("committed callbacks: got %v, want %v", got, want)
	}
}

// BeforeBatch runs once before each batch, on the committer, never while a
// batch's work or commit runs.
func TestBeforeBatchRunsBetweenBatches(t *testing.T) {
	db := openDB(t)
	var mu sync.Mutex
	var inBatch bool
	var before, batches int
	var overlapped bool
	track := func(ctx context.Context, tx *sql.Tx) error {
		mu.Lock()
		inBatch = true
		mu.Unlock()
		return nil
	}
	b := groupcommit.NewSQL(db, groupcommit.Options{
		MaxBatch: 4,
		BeforeBatch: func() {
			mu.Lock()
			defer mu.Unlock()
			if inBatch {
				overlapped = true
			}
			before++
		},
		OnBatch: func(int, error) {
			mu.Lock()
			defer mu.Unlock()
			inBatch = false
			batches++
		},
	})
	const writers, each = 8, 10
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				if err := b.Do(context.Background(), func(ctx context.Context, tx *sql.Tx) error {
					if err := track(ctx, tx); err != nil {
						return err
					}
					return insert(fmt.Sprintf("w%d-%d", w, i))(ctx, tx)
				}); err != nil {
					t.Errorf("Do: %v", err)
				}
			}
		})
	}
	wg.Wait()
	b.Close()
	mu.Lock()
	defer mu.Unlock()
	if overlapped {
		t.Fatal("BeforeBatch ran while a batch's work had not finished")
	}
	if before != batches || batches == 0 {
		t.Fatalf("BeforeBatch ran %d times for %d batches", before, batches)
	}
}
