package api

import (
	lru "github.com/hashicorp/golang-lru/v2"
)

// Names of the caches, as the Observer hears them.
const (
	summaryCacheName = "summary"
	diffCacheName    = "diff"
)

// resultCache is a bounded LRU of computed results that reports its hits,
// misses, evictions and size to the observer. Keys hold content hashes and
// options, so an entry never goes stale: stored revisions never change.
type resultCache[V any] struct {
	name string
	lru  *lru.Cache[string, V]
	obs  Observer
	// keep, when set, says whether a computed value may be cached.
	keep func(V) bool
}

func newResultCache[V any](name string, size int, obs Observer, keep func(V) bool) *resultCache[V] {
	c := &resultCache[V]{name: name, obs: obs, keep: keep}
	// lru.NewWithEvict fails only for a size below 1, which callers never pass.
	c.lru, _ = lru.NewWithEvict(max(size, 1), func(string, V) { obs.CacheEvicted(name) })
	return c
}

// get returns the cached value for key, computing and caching it on a miss.
// Errors are not cached: they are cheap to recompute and may be transient.
func (c *resultCache[V]) get(key string, compute func() (V, error)) (V, error) {
	if v, ok := c.lru.Get(key); ok {
		c.obs.CacheHit(c.name)
		return v, nil
	}
	c.obs.CacheMiss(c.name)
	v, err := compute()
	if err != nil || (c.keep != nil && !c.keep(v)) {
		return v, err
	}
	c.lru.Add(key, v)
	c.obs.SetCacheEntries(c.name, c.lru.Len())
	return v, nil
}
