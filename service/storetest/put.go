package storetest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/redline-news/redline/service"
)

func testPut(t *testing.T, h Harness) {
	ctx := context.Background()
	c := newClock()
	s := open(t, h, c.Now)
	d := draft("story-1", "Floods close the bridge", "The river rose overnight. The bridge is shut.")
	d.URL = "https://news.example/story-1"
	d.Metadata = json.RawMessage(`{"desk":"metro"}`)

	rev, created, err := s.PutRevision(ctx, d)
	if err != nil || !created {
		t.Fatalf("first put: got created=%v err=%v, want created", created, err)
	}
	wantRevision(t, rev, 1, d)

	batchesBefore := batchStats(s)
	again, created, err := s.PutRevision(ctx, d)
	if err != nil || created || again.Number != 1 {
		t.Fatalf("identical put: got rev %d created=%v err=%v, want rev 1 not created", again.Number, created, err)
	}
	if after := batchStats(s); after != batchesBefore {
		t.Errorf("identical put: the committer ran %d writes for it, want none: it is answered from a read", after-batchesBefore)
	}
	if !again.CreatedAt.Equal(rev.CreatedAt) {
		t.Errorf("identical put created_at: got %v, want %v", again.CreatedAt, rev.CreatedAt)
	}

	d.Metadata = json.RawMessage(`{"desk":"national"}`)
	if same, created, _ := s.PutRevision(ctx, d); created || same.Number != 1 {
		t.Errorf("metadata-only change: got rev %d created=%v, want rev 1 not created", same.Number, created)
	}

	for i, change := range []func(*service.Draft){
		func(d *service.Draft) { d.Body += " Traffic is diverted." },
		func(d *service.Draft) { d.Title = "Floods close two bridges" },
	} {
		change(&d)
		next, created, err := s.PutRevision(ctx, d)
		if err != nil || !created {
			t.Fatalf("change %d: got created=%v err=%v, want created", i, created, err)
		}
		wantRevision(t, next, i+2, d)
	}
}

// batchStats is the count of writes a store's committer has run, for a
// store that reports it (both do), else 0.
func batchStats(s service.RevisionStore) int64 {
	if b, ok := s.(interface {
		BatchStats() (batches, drafts int64)
	}); ok {
		_, drafts := b.BatchStats()
		return drafts
	}
	return 0
}

func wantRevision(t *testing.T, rev *service.Revision, n int, d service.Draft) {
	t.Helper()
	if rev.Number != n || rev.ArticleID != d.ArticleID || rev.Title != d.Title || rev.Body != d.Body || rev.URL != d.URL {
		t.Fatalf("revision: got %d %q %q %q, want %d %q %q %q", rev.Number, rev.ArticleID, rev.Title, rev.Body, n, d.ArticleID, d.Title, d.Body)
	}
	if want := service.ContentHash(d.Title, d.Body); rev.ContentHash != want {
		t.Errorf("content hash: got %s, want %s", rev.ContentHash, want)
	}
	if want := len(strings.Fields(d.Body)); rev.Words != want {
		t.Errorf("words: got %d, want %d", rev.Words, want)
	}
	if rev.CreatedAt.IsZero() {
		t.Errorf("created_at is zero")
	}
}

func testPreconditions(t *testing.T, h Harness) {
	ctx := context.Background()
	s := open(t, h, newClock().Now)
	d := draft("cond", "Title", "First body.")
	d.BaseRevisions = []int{1}
	_, _, err := s.PutRevision(ctx, d)
	wantCode(t, err, service.EPRECONDITION)
	d.BaseRevisions, d.MustExist = nil, true
	_, _, err = s.PutRevision(ctx, d)
	wantCode(t, err, service.EPRECONDITION)
	d.MustExist = false
	mustPut(t, s, d)

	tests := []struct {
		name         string
		base         []int
		mustNotExist bool
		mustExist    bool
		code         string
	}{
		{"stale base", []int{7}, false, false, service.EPRECONDITION},
		{"must not exist", nil, true, false, service.EPRECONDITION},
		{"stale bases with must exist", []int{3, 4}, false, true, service.EPRECONDITION},
		{"current base among others", []int{5, 1}, false, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := draft("cond", "Title", "Body for "+tc.name)
			d.BaseRevisions, d.MustNotExist, d.MustExist = tc.base, tc.mustNotExist, tc.mustExist
			_, _, err := s.PutRevision(ctx, d)
			wantCode(t, err, tc.code)
		})
	}
	revs, err := s.Revisions(ctx, "cond")
	if err != nil || len(revs) != 2 {
		t.Fatalf("after preconditions: got %d revisions (%v), want 2: a failed precondition must not write", len(revs), err)
	}
}

func testInvalidDrafts(t *testing.T, h Harness) {
	s := open(t, h, newClock().Now)
	tests := []struct {
		name  string
		draft service.Draft
	}{
		{"empty id", draft("", "T", "B")},
		{"slash in id", draft("a/b", "T", "B")},
		{"space in id", draft("a b", "T", "B")},
		{"long id", draft(strings.Repeat("x", 201), "T", "B")},
		{"empty title", draft("ok", " ", "B")},
		{"newline in title", draft("ok", "a\nb", "B")},
		{"empty body", draft("ok", "T", " \n ")},
		{"invalid utf-8", draft("ok", "T", "bad \xff byte")},
		{"relative url", service.Draft{ArticleID: "ok", Title: "T", Body: "B", URL: "/x"}},
		{"metadata not object", service.Draft{ArticleID: "ok", Title: "T", Body: "B", Metadata: []byte(`[1]`)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := s.PutRevision(context.Background(), tc.draft)
			wantCode(t, err, service.EINVALID)
		})
	}
	n, err := s.CountArticles(context.Background())
	if err != nil || n != 0 {
		t.Fatalf("articles after invalid drafts: got %d (%v), want 0", n, err)
	}
}
