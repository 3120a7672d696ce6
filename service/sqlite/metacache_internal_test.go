package sqlite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redline-news/redline/service"
)

// TestLatestCacheCountsBytes checks that the latest revisions kept whole
// stay within their byte budget, that replacing an article's latest
// revision counts only the new one, and that a read that raced a write
// does not put back what the write replaced.
func TestLatestCacheCountsBytes(t *testing.T) {
	c := newMetaCache()
	body := strings.Repeat("x", 100<<10)
	for i := 0; i < 1000; i++ {
		c.wrote(&service.Revision{ArticleID: fmt.Sprint("a", i%600), Number: i/600 + 1, Body: body})
	}
	total := 0
	for _, id := range c.whole.Keys() {
		r, _ := c.whole.Peek(id)
		total += revisionBytes(r)
	}
	if c.wholeBytes != total || total > latestCacheBytes || c.whole.Len() == 0 {
		t.Fatalf("counted %d bytes, held %d in %d entries; want them equal, within %d", c.wholeBytes, total, c.whole.Len(), latestCacheBytes)
	}
	if r, _, ok := c.getLatest("a399"); !ok || r.Number != 2 {
		t.Fatalf("latest of a399: got %+v %v, want revision 2", r, ok)
	}

	_, gen, _ := c.getLatest("b")
	c.wrote(&service.Revision{ArticleID: "b", Number: 2})
	c.putLatest(gen, &service.Revision{ArticleID: "b", Number: 1})
	if r, _, _ := c.getLatest("b"); r == nil || r.Number != 2 {
		t.Fatalf("latest of b after a stale fill: got %+v, want revision 2", r)
	}
	c.deleted("b")
	if _, _, ok := c.getLatest("b"); ok {
		t.Fatal("latest of b after its deletion: still cached")
	}
}
