package storetest

import (
	"context"
	"testing"

	"github.com/redline-news/redline/service"
)

// testClosedStore checks that a store that can no longer be reached says
// so: every read and write of a closed store fails with EUNAVAILABLE, which
// the API answers 503 with Retry-After, never an internal error.
func testClosedStore(t *testing.T, h Harness) {
	ctx := context.Background()
	s := open(t, h, newClock().Now)
	d := draft("closed-1", "Floods close the bridge", "The river rose overnight.")
	mustPut(t, s, d)
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	changed := d
	changed.Body += " The bridge is shut."
	calls := map[string]func() error{
		"PutRevision new":  func() error { _, _, err := s.PutRevision(ctx, changed); return err },
		"PutRevision same": func() error { _, _, err := s.PutRevision(ctx, d); return err },
		"LatestRevision":   func() error { _, err := s.LatestRevision(ctx, d.ArticleID); return err },
		"RevisionByNumber": func() error { _, err := s.RevisionByNumber(ctx, d.ArticleID, 1); return err },
		"Revisions":        func() error { _, err := s.Revisions(ctx, d.ArticleID); return err },
		"ListRevisions": func() error {
			_, err := s.ListRevisions(ctx, d.ArticleID, service.RevisionListOptions{})
			return err
		},
		"ListArticles":  func() error { _, err := s.ListArticles(ctx, service.ListOptions{}); return err },
		"CountArticles": func() error { _, err := s.CountArticles(ctx); return err },
		"DeleteArticle": func() error { return s.DeleteArticle(ctx, d.ArticleID) },
		"Ping":          func() error { return s.Ping(ctx) },
	}
	for name, call := range calls {
		if err := call(); service.ErrorCode(err) != service.EUNAVAILABLE {
			t.Errorf("%s on a closed store: got %v (code %q), want %s", name, err, service.ErrorCode(err), service.EUNAVAILABLE)
		}
	}
}
