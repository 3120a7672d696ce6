package sqlite

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
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

// restartAfter is the WAL size, in pages, from which the checkpointer has
// the WAL start over from its beginning, so that it stops growing. See
// checkpointer.
var restartAfter = 4000

// walAutoCheckpoint is the WAL size, in pages, at which the committing
// connection checkpoints itself: a safety net, in case the checkpointer
// falls behind, at four times restartAfter. It never comes into play while
// the checkpointer keeps up.
const walAutoCheckpoint = 16000

// checkpointer copies the WAL into the database file while writes arrive,
// and has the WAL start over once it is long, without making the writers
// wait for the copy or for the file's sync.
//
// Every checkpointEvery, it runs a PASSIVE checkpoint on a connection of
// its own. A PASSIVE checkpoint takes no lock that a writer needs: the
// committer keeps committing while frames are copied. While writes keep
// arriving, each such checkpoint copies what was committed before it
// began and leaves the rest, so the WAL cannot start over: SQLite restarts
// a WAL only once every frame in it is in the file, and syncs the file
// first. Left to itself, SQLite does this in the commit that finds the WAL
// at its autocheckpoint size, on the committer, which every writer waits
// for: it copies what is left and syncs every page copied since the last
// restart, about a WAL's worth. At 32 writers that took 3.5–12 ms, five
// times a second, and those stalls were the slowest 1% of PUTs
// (docs/BENCHMARKS.md).
//
// So after each checkpoint the checkpointer has the kernel start writing
// the copied pages out (startWriteout, which waits for nothing), and once a
// checkpoint leaves the WAL at restartAfter pages or more, it syncs the
// file itself, off the committer (by then little is left to write), copies
// what was committed meanwhile, and asks the committer to finish. Before its next
// batch the committer runs one more PASSIVE checkpoint, which, with no
// write beside it, copies the last frames, syncs the few pages copied since
// the checkpointer's sync, and completes; the next commit starts the WAL
// over. Durability does not depend on any of this: a commit is durable once
// its WAL frames are synced (synchronous=FULL), before any checkpoint, and
// SQLite itself syncs the file before it lets the WAL be reused.
type checkpointer struct {
	db      *sql.DB
	commits *atomic.Int64 // drafts committed; a change means work to copy
	// file is the checkpointer's own descriptor of the database file, to
	// sync it; nil when it could not be opened (the committer's checkpoint
	// then syncs everything). Closing any descriptor of a file drops the
	// POSIX locks the process holds on it, SQLite's among them, so it is
	// closed only after every connection of the store is (release).
	file *os.File
	// restart asks the committer to complete a checkpoint before its
	// next batch; set by the checkpointer, cleared by the committer.
	restart atomic.Bool
	runs    atomic.Int64 // background checkpoints run, for tests
	// restarts counts the checkpoints completed on request, by the
	// committer and by the checkpointer while the committer was idle.
	restarts, idleRestarts atomic.Int64
	stop                   chan struct{}
	done                   chan struct{}
	once                   sync.Once
}

// startCheckpointer checkpoints db, the database file at path.
func startCheckpointer(db *sql.DB, path string, commits *atomic.Int64) *checkpointer {
	c := &checkpointer{db: db, commits: commits, stop: make(chan struct{}), done: make(chan struct{})}
	if f, err := os.Open(path); err != nil {
		slog.Warn("the checkpointer cannot open the database file to sync it; commits will sync it when the WAL starts over", "path", path, "err", err)
	} else {
		c.file = f
	}
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
		n := c.commits.Load()
		switch {
		case c.restart.Load():
			if n == last {
				// No batch since the last look: the committer may
				// stay idle, and nothing writes beside this one.
				if c.finishRestart(c.db) {
					c.idleRestarts.Add(1)
				}
			}
		case n != last:
			c.checkpoint()
		}
		last = n
	}
}

// checkpoint copies what is committed and, when the WAL is long, prepares
// its restart and asks the committer for it.
func (c *checkpointer) checkpoint() {
	defer c.runs.Add(1)
	logPages, _, err := c.passive(c.db)
	if err != nil {
		return
	}
	if c.file != nil {
		// Start writing what was just copied now, not all at once in
		// the sync before the WAL starts over.
		if err := startWriteout(c.file); err != nil {
			slog.Debug("starting the database file's write-out failed", "err", err)
		}
	}
	if logPages < restartAfter {
		return
	}
	if c.file != nil {
		if err := c.file.Sync(); err != nil {
			slog.Debug("syncing the database file before the WAL starts over failed", "err", err)
		}
		if _, _, err := c.passive(c.db); err != nil {
			return
		}
	}
	c.restart.Store(true)
}

// finishRestart runs on the committer between batches (and on the
// checkpointer when the committer is idle): when asked, it completes a
// checkpoint, so that the next commit starts the WAL over. It tries once
// per request. A checkpoint that cannot complete (a write outside the
// committer, such as the delivery queue's, came in beside it) leaves the
// WAL long, and the checkpointer asks again after its next checkpoint:
// the committer, which every writer waits for, never runs a checkpoint
// batch after batch.
func (c *checkpointer) finishRestart(on querier) (done bool) {
	if !c.restart.Load() {
		return false
	}
	defer c.restart.Store(false)
	if _, complete, err := c.passive(on); err != nil || !complete {
		return false
	}
	c.restarts.Add(1)
	return true
}

// querier is a pool or one of its connections.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// passive runs a PASSIVE checkpoint on q and returns the WAL's size in
// pages and whether all of it is now in the file.
func (*checkpointer) passive(q querier) (logPages int, complete bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var busy, copied int
	if err := q.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logPages, &copied); err != nil {
		slog.Debug("checkpoint failed", "err", err)
		return 0, false, err
	}
	return logPages, busy == 0 && copied == logPages, nil
}

// close stops the checkpointer and waits for a checkpoint in progress. It
// may be called more than once. The database's connections may still be
// open: release then closes the checkpointer's descriptor of the file.
func (c *checkpointer) close() {
	c.once.Do(func() { close(c.stop) })
	<-c.done
}

// release closes the checkpointer's own descriptor of the database file;
// call it once every connection to the file is closed.
func (c *checkpointer) release() error {
	f := c.file
	c.file = nil
	if f == nil {
		return nil
	}
	return f.Close()
}
