package resultcache

import (
	"strings"
	"sync"
	"testing"
)

// recordingObserver keeps what a store reports.
type recordingObserver struct {
	mu                 sync.Mutex
	hits, misses       map[string]int
	evictions, entries map[string]int
}

func newRecordingObserver() *recordingObserver {
	return &recordingObserver{hits: map[string]int{}, misses: map[string]int{}, evictions: map[string]int{}, entries: map[string]int{}}
}

func (o *recordingObserver) CacheHit(c string)     { o.mu.Lock(); o.hits[c]++; o.mu.Unlock() }
func (o *recordingObserver) CacheMiss(c string)    { o.mu.Lock(); o.misses[c]++; o.mu.Unlock() }
func (o *recordingObserver) CacheEvicted(c string) { o.mu.Lock(); o.evictions[c]++; o.mu.Unlock() }
func (o *recordingObserver) SetCacheEntries(c string, n int) {
	o.mu.Lock()
	o.entries[c] = n
	o.mu.Unlock()
}

func TestCacheKeepsOnlyWhatItMay(t *testing.T) {
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
			c := For(New(1<<20, nil), "test", "result", nil, tc.keep)
			runs := 0
			for i := 0; i < 3; i++ {
				v, err := c.Get("k", func() (int, int64, error) { runs++; return 7, 0, nil })
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
	store := New(limit, obs)
	sums := For[string](store, Summary, "result", nil, nil)
	diffs := For[[]byte](store, Diff, "encoded", nil, nil)
	for i := 0; i < 40; i++ {
		k := strings.Repeat("k", i+1)
		sums.Get(k, func() (string, int64, error) { return strings.Repeat("s", 4<<10), 0, nil })
		diffs.Get(k, func() ([]byte, int64, error) { return make([]byte, 1<<10), 2 << 10, nil })
		if used := store.Bytes(); used > limit {
			t.Fatalf("after %d puts: %d bytes held, want at most %d", i+1, used, limit)
		}
	}
	obs.mu.Lock()
	defer obs.mu.Unlock()
	if store.Len() != obs.entries[Summary]+obs.entries[Diff] {
		t.Fatalf("entries gauge: got %v, want a total of %d", obs.entries, store.Len())
	}
	if obs.evictions[Summary] == 0 || obs.evictions[Diff] == 0 {
		t.Fatalf("evictions: got %v, want some from each cache", obs.evictions)
	}
	// 80 values of 4 KiB or 3 KiB counted (with the retained bytes), in 64 KiB:
	// about a dozen fit.
	if n := store.Len(); n < 10 || n > 20 {
		t.Fatalf("entries held: got %d, want 10 to 20", n)
	}
}

// Two users of one store (the API and the page) share its budget: what one
// adds pushes out what the other added least recently.
func TestViewsOfOneStoreShareItsBudget(t *testing.T) {
	store := New(32<<10, nil)
	api := For[string](store, Summary, "api", nil, nil)
	page := For[string](store, Summary, "page", nil, nil)
	api.Get("a", func() (string, int64, error) { return strings.Repeat("a", 20<<10), 0, nil })
	page.Get("a", func() (string, int64, error) { return strings.Repeat("p", 20<<10), 0, nil })
	if _, ok := api.Cached("a"); ok {
		t.Fatal("the older entry of another view survived a budget it no longer fits")
	}
	if v, ok := page.Cached("a"); !ok || v[0] != 'p' {
		t.Fatalf("the newer entry: got %.1q, %v, want the page's own", v, ok)
	}
}

func TestCachedCountsHitsOnly(t *testing.T) {
	obs := newRecordingObserver()
	c := For[int](New(1<<20, obs), Diff, "result", nil, nil)
	if _, ok := c.Cached("k"); ok {
		t.Fatal("Cached found a value never added")
	}
	c.Get("k", func() (int, int64, error) { return 3, 0, nil })
	if v, ok := c.Cached("k"); !ok || v != 3 {
		t.Fatalf("Cached: got %d, %v, want 3, true", v, ok)
	}
	obs.mu.Lock()
	defer obs.mu.Unlock()
	if obs.hits[Diff] != 1 || obs.misses[Diff] != 1 {
		t.Fatalf("hits and misses: got %d and %d, want 1 and 1 (the miss from Get)", obs.hits[Diff], obs.misses[Diff])
	}
}

func TestCacheRefusesWhatCannotFit(t *testing.T) {
	store := New(1<<20, nil)
	c := For[string](store, Summary, "result", nil, nil)
	runs := 0
	for i := 0; i < 2; i++ {
		c.Get("huge", func() (string, int64, error) { runs++; return strings.Repeat("x", 2<<20), 0, nil })
	}
	if runs != 2 || store.Bytes() != 0 {
		t.Fatalf("a value over the budget: got %d runs and %d bytes held, want 2 runs and none", runs, store.Bytes())
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
	got := DeepSize(r)
	if min := int64(1000 + 500 + 100); got < min || got > min+200 {
		t.Fatalf("deep size: got %d, want a little over %d", got, min)
	}
}

func TestPurgeDropsOneKindOnly(t *testing.T) {
	store := New(1<<20, nil)
	a := For[string](store, Diff, "a", nil, nil)
	b := For[string](store, Diff, "b", nil, nil)
	a.Get("k", func() (string, int64, error) { return "from a", 0, nil })
	b.Get("k", func() (string, int64, error) { return "from b", 0, nil })
	a.Purge()
	if _, ok := a.Cached("k"); ok {
		t.Fatal("a purged kind still holds its entry")
	}
	if v, ok := b.Cached("k"); !ok || v != "from b" {
		t.Fatalf("the other kind: got %q, %v, want its entry kept", v, ok)
	}
	if store.Len() != 1 || store.Bytes() != DeepSize("from b")+int64(len(b.prefix)+1)+entryOverhead {
		t.Fatalf("after the purge: %d entries, %d bytes, want the one left and its bytes", store.Len(), store.Bytes())
	}
}
