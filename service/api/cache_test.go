package api

import (
	"strings"
	"sync"
	"testing"
)

// recordingObserver keeps what a cache reports, for the cache tests.
type recordingObserver struct {
	nopObserver
	mu        sync.Mutex
	evictions map[string]int
	entries   map[string]int
}

func newRecordingObserver() *recordingObserver {
	return &recordingObserver{evictions: map[string]int{}, entries: map[string]int{}}
}

func (o *recordingObserver) CacheEvicted(c string) { o.mu.Lock(); o.evictions[c]++; o.mu.Unlock() }
func (o *recordingObserver) SetCacheEntries(c string, n int) {
	o.mu.Lock()
	o.entries[c] = n
	o.mu.Unlock()
}

func TestResultCacheKeepsOnlyWhatItMay(t *testing.T) {
	tests := []struct {
		name     string
		keep     func(int) bool
		wantRuns int
	}{
		{"every value kept", nil, 1},
		{"value refused", func(v int) bool { return v != 7 }, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newResultCache(newCacheStore(1<<20, nopObserver{}), "test", "result", nil, tc.keep)
			runs := 0
			for i := 0; i < 3; i++ {
				v, err := c.get("k", func() (int, int64, error) { runs++; return 7, 0, nil })
				if err != nil || v != 7 {
					t.Fatalf("get: got %d, %v, want 7", v, err)
				}
			}
			if runs != tc.wantRuns {
				t.Fatalf("computations: got %d, want %d", runs, tc.wantRuns)
			}
		})
	}
}

func TestCacheIsBoundedInBytes(t *testing.T) {
	obs := newRecordingObserver()
	const limit = 64 << 10
	store := newCacheStore(limit, obs)
	sums := newResultCache[string](store, summaryCacheName, "result", nil, nil)
	diffs := newResultCache[[]byte](store, diffCacheName, "encoded", nil, nil)
	for i := 0; i < 40; i++ {
		k := strings.Repeat("k", i+1)
		sums.get(k, func() (string, int64, error) { return strings.Repeat("s", 4<<10), 0, nil })
		diffs.get(k, func() ([]byte, int64, error) { return make([]byte, 1<<10), 2 << 10, nil })
		if used := store.bytes(); used > limit {
			t.Fatalf("after %d puts: %d bytes held, want at most %d", i+1, used, limit)
		}
	}
	obs.mu.Lock()
	defer obs.mu.Unlock()
	if store.lru.Len() != obs.entries[summaryCacheName]+obs.entries[diffCacheName] {
		t.Fatalf("entries gauge: got %v, want a total of %d", obs.entries, store.lru.Len())
	}
	if obs.evictions[summaryCacheName] == 0 || obs.evictions[diffCacheName] == 0 {
		t.Fatalf("evictions: got %v, want some from each cache", obs.evictions)
	}
	// 80 values of 4 KiB or 3 KiB counted (with the retained bytes), in 64 KiB:
	// about a dozen fit.
	if n := store.lru.Len(); n < 10 || n > 20 {
		t.Fatalf("entries held: got %d, want 10 to 20", n)
	}
}

func TestCacheRefusesWhatCannotFit(t *testing.T) {
	store := newCacheStore(1<<20, nopObserver{})
	c := newResultCache[string](store, summaryCacheName, "result", nil, nil)
	runs := 0
	for i := 0; i < 2; i++ {
		c.get("huge", func() (string, int64, error) { runs++; return strings.Repeat("x", 2<<20), 0, nil })
	}
	if runs != 2 || store.bytes() != 0 {
		t.Fatalf("a value over the budget: got %d runs and %d bytes held, want 2 runs and none", runs, store.bytes())
	}
}

func TestDeepSizeCountsWhatAValueReaches(t *testing.T) {
	type op struct {
		Text string
		N    int
	}
	type result struct {
		ops   []op
		title *string
	}
	title := strings.Repeat("t", 100)
	r := &result{ops: []op{{Text: strings.Repeat("a", 1000)}, {Text: strings.Repeat("b", 500)}}, title: &title}
	got := deepSize(r)
	if min := int64(1000 + 500 + 100); got < min || got > min+200 {
		t.Fatalf("deep size: got %d, want a little over %d", got, min)
	}
}
