package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/service/postgres/pgtest"
)

// BenchmarkPutThroughput drives the real service over loopback HTTP with
// 1, 4, 16 and 64 concurrent writers, each PUT a new revision of one of 16
// articles, on each store. It reports PUTs per second and the p99 latency.
func BenchmarkPutThroughput(b *testing.B) {
	stores := map[string]func(b *testing.B) string{
		"sqlite":   func(b *testing.B) string { return "sqlite:" + filepath.Join(b.TempDir(), "redline.db") },
		"postgres": func(b *testing.B) string { return pgtest.Schema(b) },
	}
	for _, name := range []string{"sqlite", "postgres"} {
		for _, writers := range []int{1, 4, 16, 64} {
			b.Run(fmt.Sprintf("%s/writers=%d", name, writers), func(b *testing.B) {
				m := NewMain()
				m.Config.Listen = "127.0.0.1:0"
				m.Config.Store = stores[name](b)
				m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
				if err := m.Run(context.Background()); err != nil {
					b.Fatalf("run: %v", err)
				}
				defer m.Close()
				benchmarkPuts(b, m.Addr(), writers)
				if db, ok := m.store.(interface{ BatchStats() (int64, int64) }); ok {
					batches, drafts := db.BatchStats()
					b.ReportMetric(float64(drafts)/float64(max(batches, 1)), "puts/commit")
				}
			})
		}
	}
}

func benchmarkPuts(b *testing.B, addr string, writers int) {
	transport := &http.Transport{MaxIdleConnsPerHost: writers}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	var next atomic.Int64
	latencies := make([][]time.Duration, writers)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := next.Add(1); i <= int64(b.N); i = next.Add(1) {
				t0 := time.Now()
				o, err := putRevision(client, addr, fmt.Sprintf("bench-%d", i%16), fmt.Sprintf("Benchmark body %d of writer %d.", i, w), "")
				if err != nil || o.status != http.StatusCreated {
					b.Errorf("put: status %d, %v", o.status, err)
					return
				}
				latencies[w] = append(latencies[w], time.Since(t0))
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "puts/s")
	b.ReportMetric(float64(percentile(latencies, 0.99).Microseconds())/1000, "p99-ms")
}

func percentile(groups [][]time.Duration, p float64) time.Duration {
	var all []time.Duration
	for _, g := range groups {
		all = append(all, g...)
	}
	if len(all) == 0 {
		return 0
	}
	slices.Sort(all)
	return all[int(float64(len(all)-1)*p)]
}
