package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/sqlite"
)

// benchBody is a 5 KB article body, as in the HTTP benchmarks.
var benchBody = func() string {
	s := ""
	for i := 0; len(s) < 5000; i++ {
		s += fmt.Sprintf("Sentence %d of the story tells what the river did overnight. ", i)
	}
	return s
}()

// paragraphsBody is a 5 KB body of four-sentence paragraphs, as redline
// loadtest writes them; its drafts add a paragraph at the end.
var paragraphsBody = func() string {
	s := ""
	for i := 0; len(s) < 5000; i++ {
		if i > 0 && i%4 == 0 {
			s += "\n\n"
		} else if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("The river rose %d centimetres overnight and the old bridge was closed to traffic.", 10+i)
	}
	return s
}()

// BenchmarkRawSQLiteCommit is the baseline that group commit is measured
// against: one INSERT of a 5 KB row per transaction, from one writer, with
// the store's own settings (WAL, synchronous=FULL).
func BenchmarkRawSQLiteCommit(b *testing.B) {
	path := filepath.Join(b.TempDir(), "raw.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)&_txlock=immediate")
	if err != nil {
		b.Fatalf("open: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`); err != nil {
		b.Fatalf("create: %v", err)
	}
	ins, err := db.Prepare(`INSERT INTO rows (body) VALUES (?)`)
	if err != nil {
		b.Fatalf("prepare: %v", err)
	}
	for b.Loop() {
		tx, err := db.Begin()
		if err != nil {
			b.Fatalf("begin: %v", err)
		}
		if _, err := tx.Stmt(ins).Exec(benchBody); err != nil {
			b.Fatalf("insert: %v", err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatalf("commit: %v", err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
}

// BenchmarkPutRevision stores new revisions of 64 articles from 1 and 32
// writers; group commit should make 32 writers several times faster. It
// reports the process's CPU time a put (cpu-us/put) beside the rate. The
// webhooks case has 20 subscriptions, filtering on kinds, an article
// prefix and metadata, that want none of the writes: what matching every
// event against them costs. The others edit the end of one 5 KB paragraph;
// the paragraphs case adds a short paragraph to a body of many, as the
// HTTP load script does.
func BenchmarkPutRevision(b *testing.B) {
	onePara := func(i int64) string { return fmt.Sprintf("%s Edit %d.", benchBody, i) }
	paras := func(i int64) string {
		return fmt.Sprintf("%s\n\nUpdate %d: the water level was measured again.", paragraphsBody, i)
	}
	for _, tc := range []struct {
		name              string
		writers, webhooks int
		body              func(int64) string
	}{
		{"writers-1", 1, 0, onePara}, {"writers-32", 32, 0, onePara},
		{"writers-32-webhooks-20", 32, 20, onePara}, {"writers-32-paragraphs", 32, 0, paras},
	} {
		b.Run(tc.name, func(b *testing.B) {
			db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "put.db"))
			if err != nil {
				b.Fatalf("open: %v", err)
			}
			defer db.Close()
			subscribe(b, db, tc.webhooks)
			var n atomic.Int64
			var wg sync.WaitGroup
			latencies := make([][]time.Duration, tc.writers)
			cpu0, cpuOK := processCPU()
			b.ResetTimer()
			for w := 0; w < tc.writers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := n.Add(1); i <= int64(b.N); i = n.Add(1) {
						d := service.Draft{ArticleID: fmt.Sprintf("a%d", i%64), Title: "T", Body: tc.body(i)}
						start := time.Now()
						if _, _, err := db.PutRevision(context.Background(), d); err != nil {
							b.Errorf("put: %v", err)
						}
						latencies[w] = append(latencies[w], time.Since(start))
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "puts/s")
			all := slices.Concat(latencies...)
			slices.Sort(all)
			b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
			// CPU a put, the process's user and system time: what the
			// store spends, whatever the disk's fsyncs cost in waiting.
			if cpu1, ok := processCPU(); ok && cpuOK {
				b.ReportMetric(float64((cpu1-cpu0).Microseconds())/float64(b.N), "cpu-us/put")
			}
		})
	}
}

// subscribe creates n subscriptions for articles whose ids start with
// "sport-", which the benchmark's articles do not.
func subscribe(b *testing.B, db *sqlite.DB, n int) {
	b.Helper()
	now := time.Now()
	for k := range n {
		sub := &service.Subscription{ID: fmt.Sprintf("wh_%d", k), URL: "https://example.com/hook", Secret: "whsec_c2VjcmV0",
			Kinds: []service.EventKind{service.EventRevision}, ArticlePrefix: "sport-", CreatedAt: now, UpdatedAt: now}
		if k%2 == 0 {
			sub.Metadata = map[string]string{"desk": fmt.Sprintf("desk-%d", k)}
		}
		if err := db.CreateSubscription(context.Background(), sub); err != nil {
			b.Fatalf("subscribe: %v", err)
		}
	}
}
