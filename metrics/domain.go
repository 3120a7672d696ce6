package metrics

import (
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// domainMetrics count the work of the summarizers, the differ, their caches
// and the revisions written.
type domainMetrics struct {
	summaries       *prometheus.CounterVec
	summaryDuration *prometheus.HistogramVec
	diffs           prometheus.Counter
	diffDuration    prometheus.Observer
	words           *prometheus.CounterVec
	bytes           *prometheus.CounterVec
	cacheHits       *prometheus.CounterVec
	cacheMisses     *prometheus.CounterVec
	cacheEvictions  *prometheus.CounterVec
	cacheEntries    *prometheus.GaugeVec
	revisions       prometheus.Counter
	unchanged       prometheus.Counter
	algorithms      []string
}

// computeBuckets span 100 µs to about 13 s: a lead summary of a short text
// takes microseconds, a graph ranking of a long one seconds.
func computeBuckets() []float64 { return prometheus.ExponentialBuckets(0.0001, 4, 9) }

func counterVec(reg prometheus.Registerer, name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help}, labels)
	reg.MustRegister(c)
	return c
}

func counter(reg prometheus.Registerer, name, help string) prometheus.Counter {
	c := prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help})
	reg.MustRegister(c)
	return c
}

func newDomainMetrics(reg prometheus.Registerer, cfg config) *domainMetrics {
	d := &domainMetrics{
		summaries:       counterVec(reg, "summaries_computed_total", "Summaries computed (not served from the cache), by algorithm.", "algorithm"),
		summaryDuration: histogram(reg, "summarize_duration_seconds", "Time to compute one summary, by algorithm.", computeBuckets(), "algorithm"),
		diffs:           counter(reg, "diffs_computed_total", "Word diffs computed (not served from the cache)."),
		diffDuration:    histogram(reg, "diff_duration_seconds", "Time to compute one word diff.", computeBuckets()).WithLabelValues(),
		words:           counterVec(reg, "processed_words_total", "Words of input processed, by operation (summarize, diff).", "operation"),
		bytes:           counterVec(reg, "processed_bytes_total", "Bytes of input processed, by operation (summarize, diff).", "operation"),
		cacheHits:       counterVec(reg, "cache_hits_total", "Lookups answered from a cache, by cache (summary, diff, page, revision).", "cache"),
		cacheMisses:     counterVec(reg, "cache_misses_total", "Lookups that a cache could not answer, by cache (summary, diff, page, revision).", "cache"),
		cacheEvictions:  counterVec(reg, "cache_evictions_total", "Entries evicted to make room, by cache (summary, diff, page, revision).", "cache"),
		revisions:       counter(reg, "revisions_stored_total", "Revisions written to the store."),
		unchanged:       counter(reg, "unchanged_puts_total", "PUTs skipped because their title and body equalled the latest revision's."),
		algorithms:      cfg.algorithms,
	}
	d.cacheEntries = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: namespace, Name: "cache_entries", Help: "Entries held now, by cache (summary, diff, page, revision).",
	}, []string{"cache"})
	reg.MustRegister(d.cacheEntries)
	d.zero()
	return d
}

// zero exports every algorithm (and "other", which the README lists and a
// dashboard may sum), operation and cache from the start.
func (d *domainMetrics) zero() {
	for _, a := range append(slices.Clip(d.algorithms), Other) {
		d.summaries.WithLabelValues(a)
		d.summaryDuration.WithLabelValues(a)
	}
	for _, op := range []string{OperationSummary, OperationDiff} {
		d.words.WithLabelValues(op)
		d.bytes.WithLabelValues(op)
	}
	for _, c := range []string{CacheSummary, CacheDiff, CachePage, CacheRevision} {
		d.cacheHits.WithLabelValues(c)
		d.cacheMisses.WithLabelValues(c)
		d.cacheEvictions.WithLabelValues(c)
		d.cacheEntries.WithLabelValues(c)
	}
}

// algorithm bounds the algorithm label to the names New was given.
func (d *domainMetrics) algorithm(name string) string {
	if slices.Contains(d.algorithms, name) {
		return name
	}
	return Other
}

// cacheName bounds the cache label to the known caches.
func cacheName(name string) string {
	if name == CacheSummary || name == CacheDiff || name == CachePage || name == CacheRevision {
		return name
	}
	return Other
}

// SummaryComputed records one summary computed by algorithm from a text of
// the given words and bytes, which took d. Call it only for summaries
// actually computed, not for cache hits.
func (m *Metrics) SummaryComputed(algorithm string, words, bytes int, d time.Duration) {
	a := m.domain.algorithm(algorithm)
	m.domain.summaries.WithLabelValues(a).Inc()
	m.domain.summaryDuration.WithLabelValues(a).Observe(d.Seconds())
	m.processed(OperationSummary, words, bytes)
}

// DiffComputed records one word diff computed over texts of the given words
// and bytes together, which took d. Call it only for diffs actually
// computed, not for cache hits.
func (m *Metrics) DiffComputed(words, bytes int, d time.Duration) {
	m.domain.diffs.Inc()
	m.domain.diffDuration.Observe(d.Seconds())
	m.processed(OperationDiff, words, bytes)
}

func (m *Metrics) processed(op string, words, bytes int) {
	m.domain.words.WithLabelValues(op).Add(float64(max(words, 0)))
	m.domain.bytes.WithLabelValues(op).Add(float64(max(bytes, 0)))
}

// CacheHit records a lookup that cache (CacheSummary, CacheDiff, CachePage or CacheRevision) answered.
func (m *Metrics) CacheHit(cache string) { m.domain.cacheHits.WithLabelValues(cacheName(cache)).Inc() }

// CacheMiss records a lookup that cache could not answer.
func (m *Metrics) CacheMiss(cache string) {
	m.domain.cacheMisses.WithLabelValues(cacheName(cache)).Inc()
}

// CacheEvicted records one entry evicted from cache to make room.
func (m *Metrics) CacheEvicted(cache string) {
	m.domain.cacheEvictions.WithLabelValues(cacheName(cache)).Inc()
}

// SetCacheEntries records that cache now holds n entries.
func (m *Metrics) SetCacheEntries(cache string, n int) {
	m.domain.cacheEntries.WithLabelValues(cacheName(cache)).Set(float64(n))
}

// RevisionStored records one new revision written to the store.
func (m *Metrics) RevisionStored() { m.domain.revisions.Inc() }

// UnchangedPutSkipped records one PUT whose content equalled the latest
// revision's, so that no revision was written.
func (m *Metrics) UnchangedPutSkipped() { m.domain.unchanged.Inc() }
