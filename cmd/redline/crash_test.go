package main

import (
	"database/sql"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/service/postgres/pgtest"
)

// TestCrashKeepsAcknowledgedWrites kills `redline serve` with SIGKILL
// several times while writers run, restarting it on the same data each
// time. Every PUT that was answered 2xx must be stored byte for byte, the
// numbers must run 1..N, and the store must open again without repair.
// This holds because a revision is acknowledged only after its commit is
// durable: synchronous=FULL in WAL mode for SQLite, synchronous_commit=on
// for PostgreSQL.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	bin := buildRedline(t)
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "redline.db")
		crashLoop(t, bin, "sqlite:"+path)
		wantSQLiteIntact(t, path)
	})
	t.Run("postgres", func(t *testing.T) {
		crashLoop(t, bin, pgtest.Schema(t))
	})
}

// crashArticles are the articles the crash writers share.
var crashArticles = []string{"crash-0", "crash-1", "crash-2"}

func crashLoop(t *testing.T, bin, store string) {
	const rounds = 4
	dir := t.TempDir()
	var addr atomic.Pointer[string]
	w := startCrashWriters(&addr)
	for round := 0; round < rounds; round++ {
		p := startProcess(t, bin, dir, store)
		addr.Store(&p.addr)
		w.waitForAcks(t, 20*(round+1), 10*time.Second)
		time.Sleep(time.Duration(50+round*40) * time.Millisecond)
		p.kill()
	}
	outcomes := w.stop()
	p := startProcess(t, bin, dir, store)
	client := &http.Client{Timeout: 10 * time.Second}
	stored := map[string]map[int]revisionJSON{}
	for _, id := range crashArticles {
		stored[id] = storedRevisions(t, client, p.addr, id)
	}
	wantAcknowledged(t, outcomes, stored)
	t.Logf("%d acknowledged writes over %d crashes, all stored", len(outcomes), rounds)
	p.stop(t)
}

// crashWriters PUT new bodies to whichever process is running, as fast as
// they can, and keep the answers that were 2xx. A PUT cut off by the crash
// has no answer: it may or may not be stored, and either is right.
type crashWriters struct {
	done  chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	acked []outcome
}

func startCrashWriters(addr *atomic.Pointer[string]) *crashWriters {
	const writers, maxPuts = 8, 2000
	w := &crashWriters{done: make(chan struct{})}
	for n := 0; n < writers; n++ {
		w.wg.Add(1)
		go func(n int) {
			defer w.wg.Done()
			client := &http.Client{Timeout: 5 * time.Second}
			for i := 0; i < maxPuts; i++ {
				select {
				case <-w.done:
					return
				default:
				}
				w.putOnce(client, addr.Load(), n, i)
			}
		}(n)
	}
	return w
}

func (w *crashWriters) putOnce(client *http.Client, addr *string, n, i int) {
	if addr == nil {
		time.Sleep(5 * time.Millisecond)
		return
	}
	id := crashArticles[(n+i)%len(crashArticles)]
	o, err := putRevision(client, *addr, id, fmt.Sprintf("Writer %d, put %d: %s", n, i, "résumé ✓"), "")
	if err != nil || o.status/100 != 2 {
		time.Sleep(5 * time.Millisecond) // the process is down or restarting
		return
	}
	w.mu.Lock()
	w.acked = append(w.acked, o)
	w.mu.Unlock()
}

// waitForAcks waits until at least n writes were acknowledged in all, so
// that every round kills a process that was taking writes.
func (w *crashWriters) waitForAcks(t *testing.T, n int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		w.mu.Lock()
		got := len(w.acked)
		w.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("fewer than %d writes were acknowledged within %v", n, limit)
}

func (w *crashWriters) stop() []outcome {
	close(w.done)
	w.wg.Wait()
	return w.acked
}

// wantSQLiteIntact checks the database file after the crashes, as the
// service would find it: integrity_check finds nothing to repair.
func wantSQLiteIntact(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&result); err != nil || result != "ok" {
		t.Fatalf("integrity_check after crashes: got %q (%v), want ok", result, err)
	}
}
