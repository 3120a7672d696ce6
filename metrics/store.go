package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// storeMetrics time the store's operations and count their failures.
type storeMetrics struct {
	duration *prometheus.HistogramVec
	errors   *prometheus.CounterVec
}

// storeBuckets span 100 µs to about 3 s: an indexed SQLite read takes
// microseconds, a PostgreSQL write across a network milliseconds.
func storeBuckets() []float64 { return prometheus.ExponentialBuckets(0.0001, 2.5, 11) }

func newStoreMetrics(reg prometheus.Registerer, cfg config) *storeMetrics {
	s := &storeMetrics{
		duration: histogram(reg, "store_operation_duration_seconds",
			"Time taken by store operations, failed ones included, by operation and backend.",
			storeBuckets(), "operation", "backend"),
		errors: counterVec(reg, "store_errors_total",
			"Store operations that failed, by operation and backend.", "operation", "backend"),
	}
	for _, opBackend := range cfg.storeSeries {
		s.duration.WithLabelValues(opBackend[:]...)
		s.errors.WithLabelValues(opBackend[:]...)
	}
	return s
}

// ObserveStore records one store operation that took d. A non-nil err counts
// as a failure: pass nil for answers such as "not found" or "precondition
// failed", which are the store working. op and backend must come from a
// fixed set in the program (see WithStore), never from input.
func (m *Metrics) ObserveStore(op, backend string, d time.Duration, err error) {
	m.store.duration.WithLabelValues(op, backend).Observe(d.Seconds())
	if err != nil {
		m.store.errors.WithLabelValues(op, backend).Inc()
	}
}

// ArticleCounter counts the articles stored; service.RevisionStore is one.
type ArticleCounter interface {
	CountArticles(ctx context.Context) (int, error)
}

// ArticleCounterFunc lets a function be an ArticleCounter.
type ArticleCounterFunc func(ctx context.Context) (int, error)

// CountArticles calls f.
func (f ArticleCounterFunc) CountArticles(ctx context.Context) (int, error) { return f(ctx) }

// TrackArticles exports redline_articles by asking counter at each scrape,
// so that the gauge stays true across restarts, deletes and other replicas
// writing to the same store. Call it once.
func (m *Metrics) TrackArticles(counter ArticleCounter) {
	m.reg.MustRegister(&articlesCollector{
		counter: counter,
		timeout: m.cfg.articleWait,
		desc: prometheus.NewDesc(namespace+"_articles",
			"Articles in the store, as counted at scrape time.", nil, nil),
	})
}

// articlesCollector asks the store for its article count at each scrape.
type articlesCollector struct {
	counter ArticleCounter
	timeout time.Duration
	desc    *prometheus.Desc
}

// Describe sends the one descriptor of redline_articles.
func (a *articlesCollector) Describe(ch chan<- *prometheus.Desc) { ch <- a.desc }

// Collect counts the articles. When the store cannot answer it sends nothing
// rather than a wrong number or an error that would fail the whole scrape;
// the absent series and redline_store_errors_total tell the story.
func (a *articlesCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), a.timeout)
	defer cancel()
	n, err := a.counter.CountArticles(ctx)
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(a.desc, prometheus.GaugeValue, float64(n))
}

// BatchCounter reports a store's group commit: the transactions its
// committer has run and the writes they held in all, since it opened. Both
// stores are ones (sqlite.DB and postgres.DB).
type BatchCounter interface {
	BatchStats() (batches, writes int64)
}

// TrackBatches exports redline_store_commits_total and
// redline_store_committed_writes_total for backend, read from counter at
// each scrape: their rates' ratio is the writes a commit carries, so that
// a dashboard shows whether concurrent writers share their transactions
// and fsyncs. Call it once; backend must come from a fixed set in the
// program.
func (m *Metrics) TrackBatches(counter BatchCounter, backend string) {
	labels := prometheus.Labels{"backend": backend}
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Namespace: namespace, Name: "store_commits_total", ConstLabels: labels,
		Help: "Write transactions the store's group commit ran, each holding one or more writes, since the process started.",
	}, func() float64 { b, _ := counter.BatchStats(); return float64(b) }))
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Namespace: namespace, Name: "store_committed_writes_total", ConstLabels: labels,
		Help: "Writes (new revisions, deletions) the store's group commit ran in its transactions, since the process started.",
	}, func() float64 { _, w := counter.BatchStats(); return float64(w) }))
}
