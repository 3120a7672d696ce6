package sqlite

import (
	"strconv"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"

	"github.com/redline-news/redline/service"
)

// metaCacheSize bounds each map of the meta cache: about 200 bytes an
// entry, so a few megabytes at most.
const metaCacheSize = 1 << 15

// latestCacheBytes bounds the latest revisions the cache keeps whole, their
// texts counted: what every PUT of an article reads to compare and diff the
// draft against.
const latestCacheBytes = 32 << 20

// metaCache remembers revisions' numbers and content hashes, so that the
// cache lookups of summaries and diffs, the hottest reads, need no query.
// It is exact because one process owns the database file and every write
// goes through the committer, which updates the cache after each commit in
// commit order. A read that missed may fill it only if no write committed
// while it read (gen), so it never puts back what a write replaced.
//
// It also keeps the latest revisions whole, up to latestCacheBytes,
// so that a PUT compares and diffs its draft against the latest revision
// without reading its body back from the file.
type metaCache struct {
	mu         sync.Mutex
	gen        uint64
	latest     *simplelru.LRU[string, service.RevisionMeta] // by article id
	numbered   *simplelru.LRU[string, service.RevisionMeta] // by id and number
	whole      *simplelru.LRU[string, *service.Revision]    // latest revision by article id
	wholeBytes int
}

func newMetaCache() *metaCache {
	c := &metaCache{}
	// NewLRU fails only for a size below 1.
	c.latest, _ = simplelru.NewLRU[string, service.RevisionMeta](metaCacheSize, nil)
	c.numbered, _ = simplelru.NewLRU[string, service.RevisionMeta](metaCacheSize, nil)
	c.whole, _ = simplelru.NewLRU(metaCacheSize, func(_ string, r *service.Revision) { c.wholeBytes -= revisionBytes(r) })
	return c
}

// revisionBytes is what a revision kept whole holds.
func revisionBytes(r *service.Revision) int {
	return 256 + len(r.ArticleID) + len(r.Title) + len(r.Body) + len(r.URL) + len(r.Metadata) + len(r.ContentHash)
}

// getLatest returns a copy of the latest revision of an article, whole, and
// the generation to pass to putLatest on a miss.
func (c *metaCache) getLatest(id string) (*service.Revision, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.whole.Get(id)
	if !ok {
		return nil, c.gen, false
	}
	cp := *r
	return &cp, c.gen, true
}

// putLatest keeps the latest revision a read found, unless a write
// committed since gen.
func (c *metaCache) putLatest(gen uint64, r *service.Revision) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.keepWhole(r)
	}
}

// keepWhole keeps a copy of r as its article's latest, under c.mu.
func (c *metaCache) keepWhole(r *service.Revision) {
	n := revisionBytes(r)
	if n > latestCacheBytes/8 {
		c.whole.Remove(r.ArticleID)
		return
	}
	if old, ok := c.whole.Peek(r.ArticleID); ok {
		c.wholeBytes -= revisionBytes(old) // Add replaces it without evicting
	}
	cp := *r
	c.whole.Add(r.ArticleID, &cp)
	c.wholeBytes += n
	for c.wholeBytes > latestCacheBytes {
		c.whole.RemoveOldest()
	}
}

func numberedKey(id string, n int) string { return id + "\x00" + strconv.Itoa(n) }

// get returns the meta of revision n (the latest when 0) and the
// generation to pass to put on a miss.
func (c *metaCache) get(id string, n int) (service.RevisionMeta, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n == 0 {
		m, ok := c.latest.Get(id)
		return m, c.gen, ok
	}
	m, ok := c.numbered.Get(numberedKey(id, n))
	return m, c.gen, ok
}

// put keeps what a read found, unless a write committed since gen.
func (c *metaCache) put(gen uint64, latest bool, m service.RevisionMeta) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if latest {
		c.latest.Add(m.ArticleID, m)
	}
	c.numbered.Add(numberedKey(m.ArticleID, m.Number), m)
}

// wrote records a committed revision, the article's new latest.
func (c *metaCache) wrote(r *service.Revision) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	m := service.RevisionMeta{ArticleID: r.ArticleID, Number: r.Number, ContentHash: r.ContentHash, CreatedAt: r.CreatedAt}
	c.latest.Add(r.ArticleID, m)
	c.numbered.Add(numberedKey(r.ArticleID, r.Number), m)
	c.keepWhole(r)
}

// deleted forgets an article. Its numbered entries are not indexed by
// article, and deletes are rare, so they all go.
func (c *metaCache) deleted(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.latest.Remove(id)
	c.whole.Remove(id)
	c.numbered.Purge()
}
