package api

import (
	"math"
	"reflect"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// Names of the caches, as the Observer hears them.
const (
	summaryCacheName = "summary"
	diffCacheName    = "diff"
)

// DefaultCacheBytes bounds the summary and diff caches together.
const DefaultCacheBytes = 256 << 20

// entryOverhead is what an entry costs beyond its value: the key, the map
// slot and the list element.
const entryOverhead = 160

// cacheStore is one least-recently-used list shared by every result cache
// and bounded by the bytes its entries hold, so that one budget covers
// summaries, diffs and their encoded forms together, whichever is in demand.
// Keys hold content hashes and options, so an entry never goes stale:
// stored revisions never change.
type cacheStore struct {
	mu      sync.Mutex
	lru     *simplelru.LRU[string, cacheEntry]
	limit   int64
	used    int64
	entries map[string]int // entries held, by cache name
	obs     Observer
}

type cacheEntry struct {
	cache string
	value any
	size  int64
}

func newCacheStore(limit int64, obs Observer) *cacheStore {
	c := &cacheStore{limit: limit, entries: map[string]int{}, obs: obs}
	// The byte budget bounds the list; the count only has to be unreachable.
	// NewLRU fails only for a size below 1.
	c.lru, _ = simplelru.NewLRU(math.MaxInt32, c.evicted)
	return c
}

// evicted runs, under c.mu, for each entry RemoveOldest drops.
func (c *cacheStore) evicted(_ string, e cacheEntry) {
	c.forget(e)
	c.obs.CacheEvicted(e.cache)
}

func (c *cacheStore) forget(e cacheEntry) {
	c.used -= e.size
	c.entries[e.cache]--
	c.obs.SetCacheEntries(e.cache, c.entries[e.cache])
}

func (c *cacheStore) get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.lru.Get(key)
	return e.value, ok
}

// add keeps value under key, evicting the least recently used entries until
// the budget holds. A value larger than the whole budget is not kept.
func (c *cacheStore) add(cache, key string, value any, size int64) {
	size += int64(len(key)) + entryOverhead
	if size > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.lru.Peek(key); ok {
		c.forget(old) // computed twice at once; the newer copy replaces it
	}
	c.lru.Add(key, cacheEntry{cache: cache, value: value, size: size})
	c.used += size
	c.entries[cache]++
	c.obs.SetCacheEntries(cache, c.entries[cache])
	for c.used > c.limit {
		c.lru.RemoveOldest()
	}
}

// bytes returns the bytes the entries hold, as counted.
func (c *cacheStore) bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// resultCache is a typed view of the shared store for one kind of result,
// reporting hits and misses under its cache's name.
type resultCache[V any] struct {
	name   string
	prefix string
	store  *cacheStore
	// size returns the bytes v holds.
	size func(V) int64
	// keep, when set, says whether a computed value may be cached.
	keep func(V) bool
}

// newResultCache returns the view of store for results of one kind; kind
// keeps its keys apart from the other kinds of the same cache.
func newResultCache[V any](store *cacheStore, name, kind string, size func(V) int64, keep func(V) bool) *resultCache[V] {
	if size == nil {
		size = func(v V) int64 { return deepSize(v) }
	}
	return &resultCache[V]{name: name, prefix: name + "/" + kind + "\x00", store: store, size: size, keep: keep}
}

// get returns the cached value for key, computing and caching it on a miss.
// Besides the value, compute returns the bytes it keeps alive without
// holding them itself (the input texts its strings may be slices of), so
// that they count against the budget. Errors are not cached: they are cheap
// to recompute and may be transient.
func (c *resultCache[V]) get(key string, compute func() (V, int64, error)) (V, error) {
	key = c.prefix + key
	if v, ok := c.store.get(key); ok {
		c.store.obs.CacheHit(c.name)
		return v.(V), nil
	}
	c.store.obs.CacheMiss(c.name)
	v, retained, err := compute()
	if err != nil || (c.keep != nil && !c.keep(v)) {
		return v, err
	}
	c.store.add(c.name, key, v, c.size(v)+retained)
	return v, nil
}

// deepSize returns the bytes v holds: its own size and everything it
// reaches through pointers, slices, strings, maps and interfaces. A string
// is counted at its length even when it shares memory with another, so the
// count is an upper bound.
func deepSize(v any) int64 {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return 0
	}
	return int64(rv.Type().Size()) + heapSize(rv, map[uintptr]bool{})
}

// heapSize returns what v reaches beyond its inline size.
func heapSize(v reflect.Value, seen map[uintptr]bool) int64 {
	switch v.Kind() {
	case reflect.String:
		return int64(v.Len())
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		return int64(v.Elem().Type().Size()) + heapSize(v.Elem(), seen)
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return int64(v.Elem().Type().Size()) + heapSize(v.Elem(), seen)
	case reflect.Slice:
		if v.IsNil() || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		n := int64(v.Cap()) * int64(v.Type().Elem().Size())
		for i := 0; i < v.Len(); i++ {
			n += heapSize(v.Index(i), seen)
		}
		return n
	case reflect.Array:
		var n int64
		for i := 0; i < v.Len(); i++ {
			n += heapSize(v.Index(i), seen)
		}
		return n
	case reflect.Struct:
		var n int64
		for i := 0; i < v.NumField(); i++ {
			n += heapSize(v.Field(i), seen)
		}
		return n
	case reflect.Map:
		return mapSize(v, seen)
	}
	return 0
}

func mapSize(v reflect.Value, seen map[uintptr]bool) int64 {
	if v.IsNil() {
		return 0
	}
	slot := int64(v.Type().Key().Size() + v.Type().Elem().Size() + 8)
	n := int64(v.Len()) * slot
	it := v.MapRange()
	for it.Next() {
		n += heapSize(it.Key(), seen) + heapSize(it.Value(), seen)
	}
	return n
}
