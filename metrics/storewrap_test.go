package metrics_test

import (
	"context"
	"path/filepath"
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
