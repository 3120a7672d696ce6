package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
)

// Committed revisions reach the database file itself while the WAL is far
// below the committer's own checkpoint threshold: the background
// checkpointer copied them. An idle store runs no checkpoint.
func TestBackgroundCheckpointCopiesTheWAL(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t, "ckpt.db")
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	time.Sleep(300 * time.Millisecond)
	idleRuns := db.checkpoints.runs.Load()
	time.Sleep(300 * time.Millisecond)
	if got := db.checkpoints.runs.Load(); got != idleRuns {
		t.Fatalf("an idle store ran %d checkpoints", got-idleRuns)
	}
	before := size()
	body := strings.Repeat("The river rose overnight and the bridge was closed. ", 100) // about 5 KB
	const revisions = 40                                                                // about 120 pages, far below walAutoCheckpoint
	for i := range revisions {
		d := service.Draft{ArticleID: "a", Title: "Flood", Body: body + fmt.Sprint(i)}
		if _, _, err := db.PutRevision(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for size() < before+revisions*5000 {
		if time.Now().After(deadline) {
			t.Fatalf("the database file grew from %d to %d bytes: the WAL was not copied into it", before, size())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if db.checkpoints.runs.Load() == idleRuns {
		t.Fatal("no background checkpoint ran")
	}
}

// Under continuous writes, background checkpoints copy but cannot
// complete; once the WAL passes restartAfter pages, the committer completes
// one between two batches, the WAL starts over, and it stays far below the
// size at which the committer would checkpoint by itself. When the writes
// stop with a restart pending, the checkpointer completes it.
func TestLongWALStartsOverBetweenBatches(t *testing.T) {
	saved := restartAfter
	t.Cleanup(func() { restartAfter = saved }) // after the store's Close, which runs first
	restartAfter = 200                         // pages: about 60 revisions of 5 KB
	ctx := context.Background()
	db, path := openTemp(t, "restart.db")
	body := strings.Repeat("The river rose overnight and the bridge was closed. ", 100) // about 5 KB
	const writers, each = 8, 150                                                        // about 4,000 pages in all, 20 times restartAfter
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				d := service.Draft{ArticleID: fmt.Sprintf("a%d", w%4), Title: "Flood", Body: fmt.Sprintf("%s %d-%d", body, w, i)}
				if _, _, err := db.PutRevision(ctx, d); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := db.checkpoints.restarts.Load() - db.checkpoints.idleRestarts.Load(); n == 0 {
		t.Fatal("the committer never completed a checkpoint: the WAL never started over under load")
	}
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if pages := fi.Size() / 4096; pages > 10*int64(restartAfter) {
		t.Fatalf("the WAL grew to %d pages with restarts from %d", pages, restartAfter)
	}
	// A restart asked for with no write to come: the checkpointer
	// completes it itself.
	idle := db.checkpoints.idleRestarts.Load()
	db.checkpoints.restart.Store(true)
	deadline := time.Now().Add(10 * time.Second)
	for db.checkpoints.idleRestarts.Load() == idle || db.checkpoints.restart.Load() {
		if time.Now().After(deadline) {
			t.Fatal("a restart asked for while the committer was idle never completed")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Starting a file's write-out succeeds on the file systems the store runs
// on, so that checkpoints do spread their writing (a failure would only be
// logged).
func TestStartWriteout(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "w"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	if err := startWriteout(f); err != nil {
		t.Fatalf("start write-out: %v", err)
	}
}

// The committer completes a requested restart on its own connection: with
// every other connection of the pool held by readers, a batch still runs,
// and the WAL still starts over.
func TestCommitterRestartsWithThePoolHeld(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t, "held.db")
	if _, _, err := db.PutRevision(ctx, service.Draft{ArticleID: "a", Title: "Flood", Body: "The river rose."}); err != nil {
		t.Fatal(err) // the committer now holds its connection
	}
	var held []*sql.Conn
	t.Cleanup(func() {
		for _, c := range held {
			c.Close()
		}
	})
	for {
		cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		c, err := db.db.Conn(cctx)
		cancel()
		if err != nil {
			break
		}
		held = append(held, c)
	}
	if len(held) == 0 {
		t.Fatal("took no connection from the pool")
	}
	busy, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if err := db.db.PingContext(busy); err == nil {
		t.Fatal("the pool still has a free connection; the test needs it exhausted")
	}
	restarts := db.checkpoints.restarts.Load()
	db.checkpoints.restart.Store(true)
	wctx, wcancel := context.WithTimeout(ctx, 5*time.Second)
	defer wcancel()
	if err := db.writes.Do(wctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "SELECT 1")
		return err
	}); err != nil {
		t.Fatalf("a batch with the pool held: %v", err)
	}
	if db.checkpoints.restarts.Load() == restarts {
		t.Fatal("the committer did not complete the restart it was asked for")
	}
}
