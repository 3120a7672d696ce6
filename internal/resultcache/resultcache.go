// Package resultcache keeps computed results (summaries, diffs and their
// rendered forms) in one least-recently-used list bounded by the bytes its
// entries hold, so that the API and the editors' page share one memory
// budget, whichever is in demand. Keys hold content hashes and options, so
// an entry never goes stale: stored revisions never change.
package resultcache

import (
	"math"
	"reflect"
	"strings"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// Names of the caches, as the Observer hears them. Every result belongs to
// one of them, whichever part of the service computed it.
const (
	Summary = "summary"
	Diff    = "diff"
	// Page holds what the editors' page derives for its list: change bars
	// and rendered rows.
	Page = "page"
)

// DefaultBytes is the budget of a store when none is given: 256 MiB.
const DefaultBytes = 256 << 20

// entryOverhead is what an entry costs beyond its value: the key, the map
// slot and the list element.
const entryOverhead = 160

// Observer is told how the caches are used, so that it can be counted;
// *metrics.Metrics implements it.
type Observer interface {
	CacheHit(cache string)
	CacheMiss(cache string)
	CacheEvicted(cache string)
	SetCacheEntries(cache string, n int)
}

type nopObserver struct{}

func (nopObserver) CacheHit(string)             {}
func (nopObserver) CacheMiss(string)            {}
func (nopObserver) CacheEvicted(string)         {}
func (nopObserver) SetCacheEntries(string, int) {}

// Store is the one list every Cache keeps its entries in. It is safe for
// concurrent use.
type Store struct {
	mu      sync.Mutex
	lru     *simplelru.LRU[string, entry]
	limit   int64
	used    int64
	entries map[string]int // entries held, by cache name
	obs     Observer
}

type entry struct {
	cache string
	value any
	size  int64
}

// New returns a store that holds at most limit bytes (DefaultBytes when
// limit is 0 or less) and tells obs, which may be nil, of its use.
func New(limit int64, obs Observer) *Store {
	if limit <= 0 {
		limit = DefaultBytes
	}
	if obs == nil {
		obs = nopObserver{}
	}
	s := &Store{limit: limit, entries: map[string]int{}, obs: obs}
	// The byte budget bounds the list; the count only has to be unreachable.
	// NewLRU fails only for a size below 1.
	s.lru, _ = simplelru.NewLRU(math.MaxInt32, s.evicted)
	return s
}

// evicted runs, under s.mu, for each entry RemoveOldest drops.
func (s *Store) evicted(_ string, e entry) {
	s.forget(e)
	s.obs.CacheEvicted(e.cache)
}

func (s *Store) forget(e entry) {
	s.used -= e.size
	s.entries[e.cache]--
	s.obs.SetCacheEntries(e.cache, s.entries[e.cache])
}

func (s *Store) get(key string) (any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.lru.Get(key)
	return e.value, ok
}

// add keeps value under key, evicting the least recently used entries until
// the budget holds. A value larger than the whole budget is not kept.
func (s *Store) add(cache, key string, value any, size int64) {
	size += int64(len(key)) + entryOverhead
	if size > s.limit {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.lru.Peek(key); ok {
		s.forget(old) // computed twice at once; the newer copy replaces it
	}
	s.lru.Add(key, entry{cache: cache, value: value, size: size})
	s.used += size
	s.entries[cache]++
	s.obs.SetCacheEntries(cache, s.entries[cache])
	for s.used > s.limit {
		s.lru.RemoveOldest()
	}
}

// Bytes returns the bytes the entries hold, as counted.
func (s *Store) Bytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.used
}

// Len returns the number of entries held.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lru.Len()
}

// Limit returns the store's budget in bytes.
func (s *Store) Limit() int64 { return s.limit }

// Cache is a typed view of a Store for one kind of result, reporting hits
// and misses under its cache's name.
type Cache[V any] struct {
	name   string
	prefix string
	store  *Store
	size   func(V) int64
	keep   func(V) bool
}

// For returns the view of store for results of one kind in the cache name
// (Summary, Diff or Page); kind keeps its keys apart from those of the other
// kinds in the same store, so two views of the same kind share entries.
// size returns the bytes a value holds (DeepSize when nil); keep, when set,
// says whether a computed value may be cached.
func For[V any](store *Store, name, kind string, size func(V) int64, keep func(V) bool) *Cache[V] {
	if size == nil {
		size = func(v V) int64 { return DeepSize(v) }
	}
	return &Cache[V]{name: name, prefix: name + "/" + kind + "\x00", store: store, size: size, keep: keep}
}

// Get returns the cached value for key, computing and caching it on a miss.
// Besides the value, compute returns the bytes it keeps alive without
// holding them itself (the input texts its strings may be slices of), so
// that they count against the budget. Errors are not cached: they are cheap
// to recompute and may be transient.
func (c *Cache[V]) Get(key string, compute func() (V, int64, error)) (V, error) {
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

// Cached returns the value held for key, if any, without computing it. A
// value found counts as a hit; one not found is not counted as a miss, for
// whoever then computes it through Get counts that.
func (c *Cache[V]) Cached(key string) (V, bool) {
	v, ok := c.store.get(c.prefix + key)
	if !ok {
		var zero V
		return zero, false
	}
	c.store.obs.CacheHit(c.name)
	return v.(V), true
}

// Purge drops every entry of the view's kind, leaving the other kinds'.
// It walks the whole store, so it is for benchmarks and tests that need a
// cold cache of one kind.
func (c *Cache[V]) Purge() {
	s := c.store
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range s.lru.Keys() {
		if strings.HasPrefix(k, c.prefix) {
			s.lru.Remove(k) // counted as evicted, by s.evicted
		}
	}
}

// DeepSize returns the bytes v holds: its own size and everything it
// reaches through pointers, slices, strings, maps and interfaces. A string
// is counted at its length even when it shares memory with another, so the
// count is an upper bound.
func DeepSize(v any) int64 {
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
