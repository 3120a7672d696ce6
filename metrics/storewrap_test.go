package metrics_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/redline-news/redline/metrics"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/sqlite"
)

// openStore returns a real SQLite store in a temporary directory, wrapped.
func openStore(t *testing.T, m *metrics.Metrics) *metrics.Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "redline.db"))
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	return m.InstrumentStore(db, "sqlite")
}

func TestInstrumentedStoreTimesOperationsAndCountsFailures(t *testing.T) {
	ctx := context.Background()
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	store := openStore(t, m)
	m.TrackArticles(store)
	draft := service.Draft{ArticleID: "a1", Title: "Budget", Body: "The budget passed."}
	for range 2 {
		if _, _, err := store.PutRevision(ctx, draft); err != nil {
			t.Fatalf("put: %v", err)
		}
	}
	if _, err := store.LatestRevision(ctx, "missing"); service.ErrorCode(err) != service.ENOTFOUND {
		t.Fatalf("latest of a missing article: got %v, want ENOTFOUND", err)
	}
	if got := value(t, m, "redline_articles", nil); got != 1 {
		t.Errorf("redline_articles: got %v, want 1", got)
	}
	store.Close()
	if _, err := store.Revisions(ctx, "a1"); err == nil {
		t.Fatal("revisions on a closed store: got no error, want one")
	}
	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"redline_store_operation_duration_seconds", map[string]string{"operation": "put_revision", "backend": "sqlite"}, 2},
		{"redline_store_operation_duration_seconds", map[string]string{"operation": "latest_revision", "backend": "sqlite"}, 1},
		{"redline_store_errors_total", map[string]string{"operation": "latest_revision", "backend": "sqlite"}, 0},
		{"redline_store_errors_total", map[string]string{"operation": "revisions", "backend": "sqlite"}, 1},
		{"redline_store_errors_total", map[string]string{"operation": "ping", "backend": "sqlite"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name+labelString(tc.labels), func(t *testing.T) {
			if got := value(t, m, tc.name, tc.labels); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func labelString(labels map[string]string) string {
	if labels == nil {
		return ""
	}
	return "{" + labels["operation"] + "}"
}

// The group commit's counters are the store's: concurrent writes that
// share transactions show as fewer commits than writes.
func TestTrackBatchesCountsTheStoresCommits(t *testing.T) {
	ctx := context.Background()
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "redline.db"))
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	defer db.Close()
	m.TrackBatches(db, "sqlite")
	const writes = 24
	var wg sync.WaitGroup
	for i := range writes {
		wg.Go(func() {
			d := service.Draft{ArticleID: fmt.Sprintf("a%d", i%6), Title: "Budget", Body: fmt.Sprintf("The budget passed, %d to 3.", i)}
			if _, _, err := db.PutRevision(ctx, d); err != nil {
				t.Errorf("put: %v", err)
			}
		})
	}
	wg.Wait()
	labels := map[string]string{"backend": "sqlite"}
	batches, drafts := db.BatchStats()
	if got := value(t, m, "redline_store_committed_writes_total", labels); got != writes || int64(got) != drafts {
		t.Errorf("redline_store_committed_writes_total: got %v, want %d (the store counts %d)", got, writes, drafts)
	}
	if got := value(t, m, "redline_store_commits_total", labels); got < 1 || got > writes || int64(got) != batches {
		t.Errorf("redline_store_commits_total: got %v, want 1 to %d, as the store counts (%d)", got, writes, batches)
	}
}
