package metrics_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"

	"github.com/redline-news/redline/metrics"
)

// exercised returns a Metrics with every metric observed at least once,
// through a test app that has also served requests.
func exercised(t *testing.T) (*metrics.Metrics, string) {
	t.Helper()
	m := metrics.New(metrics.BuildInfo{Version: "1.2.3", Revision: "abc123"},
		metrics.WithStore("sqlite", "put_revision", "latest_revision", "count_articles"))
	m.TrackArticles(metrics.ArticleCounterFunc(func(context.Context) (int, error) { return 3, nil }))
	m.TrackBatches(batchCounts{batches: 2, writes: 5}, "sqlite")
	app := newApp(t, m)
	for _, path := range []string{"/v1/articles/a1", "/v1/articles/missing", "/v1/panic", "/nope"} {
		do(t, app, http.MethodGet, path).Body.Close()
	}
	exerciseDomain(m)
	return m, scrape(t, app)
}

func TestPromtoolCheckMetricsFindsNothing(t *testing.T) {
	tool := promtool(t)
	_, text := exercised(t)
	out, err := runTool(t, text, tool, "check", "metrics")
	if err != nil || strings.TrimSpace(out) != "" {
		t.Errorf("promtool check metrics: got %v and\n%s\nwant no error and no output", err, out)
	}
}

func TestGatherAndLintFindsNothing(t *testing.T) {
	m, _ := exercised(t)
	problems, err := testutil.GatherAndLint(m.Registry())
	if err != nil {
		t.Fatalf("lint: %v", err)
	}
	for _, p := range problems {
		t.Errorf("got problem %s: %s, want none", p.Metric, p.Text)
	}
}

func TestBuildInfoIsOneWithTheBinarysLabels(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "1.2.3", Revision: "abc123", GoVersion: "go1.26.0"})
	labels := map[string]string{"version": "1.2.3", "revision": "abc123", "goversion": "go1.26.0"}
	if got := value(t, m, "redline_build_info", labels); got != 1 {
		t.Errorf("got %v, want 1", got)
	}
}

func TestGoAndProcessCollectorsAreRegistered(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	for _, name := range []string{"go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes", "process_open_fds"} {
		t.Run(name, func(t *testing.T) {
			if find(t, m, name, nil) == nil {
				t.Errorf("got no %s, want it", name)
			}
		})
	}
}

// seriesCount counts the series of every Redline metric, one per label set.
func seriesCount(t *testing.T, m *metrics.Metrics) int {
	t.Helper()
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range families {
		if strings.HasPrefix(f.GetName(), "redline_") {
			n += len(f.GetMetric())
		}
	}
	return n
}

func TestSeriesDoNotGrowWithIDsOrUnknownPaths(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	app := newApp(t, m)
	warm := []string{"/v1/articles/a0", "/v1/articles/a0/diff", "/unknown/0"}
	for _, p := range warm {
		do(t, app, http.MethodGet, p).Body.Close()
	}
	before := seriesCount(t, m)
	for i := 1; i <= 1000; i++ {
		do(t, app, http.MethodGet, fmt.Sprintf("/v1/articles/a%d", i)).Body.Close()
		do(t, app, http.MethodGet, fmt.Sprintf("/unknown/%d", i)).Body.Close()
	}
	if after := seriesCount(t, m); after != before {
		t.Errorf("got %d series after 2,000 distinct paths, want %d as before", after, before)
	}
	labels := map[string]string{"method": "GET", "route": "/v1/articles/:id", "code": "200"}
	if got := value(t, m, "redline_http_requests_total", labels); got != 1001 {
		t.Errorf("redline_http_requests_total%v: got %v, want 1001", labels, got)
	}
}

func TestDomainHooks(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"}, metrics.WithStore("sqlite", "put_revision"))
	exerciseDomain(m)
	m.SummaryComputed("made-up", 1, 1, 0)
	m.CacheHit("made-up")
	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"redline_summaries_computed_total", map[string]string{"algorithm": "textrank"}, 1},
		{"redline_summaries_computed_total", map[string]string{"algorithm": "lead"}, 0},
		{"redline_summaries_computed_total", map[string]string{"algorithm": "lexrank"}, 0},
		{"redline_summaries_computed_total", map[string]string{"algorithm": metrics.Other}, 1},
		{"redline_summarize_duration_seconds", map[string]string{"algorithm": "textrank"}, 1},
		{"redline_diffs_computed_total", nil, 1},
		{"redline_diff_duration_seconds", nil, 1},
		{"redline_processed_words_total", map[string]string{"operation": "summarize"}, 801},
		{"redline_processed_words_total", map[string]string{"operation": "diff"}, 1600},
		{"redline_processed_bytes_total", map[string]string{"operation": "diff"}, 9600},
		{"redline_cache_hits_total", map[string]string{"cache": "summary"}, 1},
		{"redline_cache_hits_total", map[string]string{"cache": metrics.Other}, 1},
		{"redline_cache_misses_total", map[string]string{"cache": "diff"}, 1},
		{"redline_cache_evictions_total", map[string]string{"cache": "diff"}, 1},
		{"redline_cache_entries", map[string]string{"cache": "summary"}, 7},
		{"redline_revisions_stored_total", nil, 1},
		{"redline_unchanged_puts_total", nil, 1},
		{"redline_store_operation_duration_seconds", map[string]string{"operation": "put_revision", "backend": "sqlite"}, 2},
		{"redline_store_errors_total", map[string]string{"operation": "put_revision", "backend": "sqlite"}, 1},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.name, tc.labels), func(t *testing.T) {
			if got := value(t, m, tc.name, tc.labels); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestKnownLabelSetsStartAtZero(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"},
		metrics.WithAlgorithms("lead", "textrank", "lexrank", "learned"),
		metrics.WithStore("sqlite", "put_revision", "delete_article"),
		metrics.WithStore("postgres", "delete_article"))
	tests := []struct {
		name   string
		labels map[string]string
	}{
		{"redline_summaries_computed_total", map[string]string{"algorithm": "learned"}},
		{"redline_summarize_duration_seconds", map[string]string{"algorithm": "lexrank"}},
		{"redline_summaries_computed_total", map[string]string{"algorithm": "other"}},
		{"redline_summarize_duration_seconds", map[string]string{"algorithm": "other"}},
		{"redline_processed_words_total", map[string]string{"operation": "diff"}},
		{"redline_cache_misses_total", map[string]string{"cache": "summary"}},
		{"redline_cache_evictions_total", map[string]string{"cache": "diff"}},
		{"redline_cache_entries", map[string]string{"cache": "diff"}},
		{"redline_store_errors_total", map[string]string{"operation": "delete_article", "backend": "postgres"}},
		{"redline_store_operation_duration_seconds", map[string]string{"operation": "put_revision", "backend": "sqlite"}},
		{"redline_revisions_stored_total", nil},
		{"redline_unchanged_puts_total", nil},
		{"redline_diffs_computed_total", nil},
		{"redline_http_requests_in_flight", nil},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.name, tc.labels), func(t *testing.T) {
			if got := value(t, m, tc.name, tc.labels); got != 0 {
				t.Errorf("got %v, want 0", got)
			}
		})
	}
}

func TestArticlesGaugeAsksTheStore(t *testing.T) {
	tests := []struct {
		name    string
		count   int
		err     error
		present bool
	}{
		{"counted", 42, nil, true},
		{"store unreachable", 0, errors.New("connection refused"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := metrics.New(metrics.BuildInfo{Version: "test"})
			m.TrackArticles(metrics.ArticleCounterFunc(func(context.Context) (int, error) { return tc.count, tc.err }))
			s := articles(t, m)
			if got := s != nil; got != tc.present {
				t.Fatalf("series present: got %v, want %v", got, tc.present)
			}
			if s != nil && s.GetGauge().GetValue() != float64(tc.count) {
				t.Errorf("got %v, want %d", s.GetGauge().GetValue(), tc.count)
			}
		})
	}
}

// articles gathers redline_articles, tolerating nothing else failing.
func articles(t *testing.T, m *metrics.Metrics) *dto.Metric {
	t.Helper()
	return find(t, m, "redline_articles", nil)
}

// batchCounts is a store's group commit counters, fixed.
type batchCounts struct{ batches, writes int64 }

func (b batchCounts) BatchStats() (int64, int64) { return b.batches, b.writes }
