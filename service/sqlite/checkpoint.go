package sqlite

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// checkpointEvery is how often the background checkpointer looks for
// committed writes to copy from the WAL into the database file. The
// commits beside a checkpoint take longer the more it copies, as the WAL's
// sync then waits on the disk behind the file's copied pages. Copying
// every 25 ms keeps that delay to a few milliseconds: with 32 writers, the
// slowest 1% of commits took 11–12 ms when checkpoints ran every 100 ms,
// and under 8 ms every 25 ms (docs/BENCHMARKS.md).
var checkpointEvery = 25 * time.Millisecond

// walAutoCheckpoint is the WAL size, in pages, at which the committing
// connection checkpoints itself. The background checkpointer has by then
// copied nearly every frame, so the committer only finishes the last ones
// and lets the next transaction restart the WAL from its start.
const walAutoCheckpoint = 4000

// checkpointer runs PASSIVE checkpoints on a connection of its own while
// writes arrive. SQLite's automatic checkpoint runs inside the commit that
// crosses the threshold, so every writer in that batch, and every writer
// queued behind it, waits for a thousand pages to be copied and the
// database file to be synced. A PASSIVE checkpoint takes no lock that a
// writer needs: the committer keeps committing while frames are copied.
// Durability does not depend on it: a commit is durable once its WAL
// frames are synced (synchronous=FULL), before any checkpoint.
type checkpointer struct {
	db      *sql.DB
	commits *atomic.Int64 // drafts committed; a change means work to copy
	runs    atomic.Int64  // checkpoints run, for tests
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
}

func startCheckpointer(db *sql.DB, commits *atomic.Int64) *checkpointer {
	c := &checkpointer{db: db, commits: commits, stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer close(c.done)
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	last := c.commits.Load()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		}
		if n := c.commits.Load(); n != last {
			last = n
			c.checkpoint()
		}
	}
}

func (c *checkpointer) checkpoint() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	defer c.runs.Add(1)
	var busy, logPages, copied int
	if err := c.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logPages, &copied); err != nil {
		slog.Debug("background checkpoint failed", "err", err)
	}
}

// close stops the checkpointer and waits for a checkpoint in progress. It
// may be called more than once.
func (c *checkpointer) close() {
	c.once.Do(func() { close(c.stop) })
	<-c.done
}
