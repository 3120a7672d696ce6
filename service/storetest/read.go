package storetest

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"

	"github.com/redline-news/redline/service"
)

func testRead(t *testing.T, h Harness) {
	ctx := context.Background()
	s := open(t, h, newClock().Now)
	for i := 1; i <= 3; i++ {
		mustPut(t, s, draft("read", fmt.Sprintf("Title %d", i), body(i)))
	}
	latest, err := s.LatestRevision(ctx, "read")
	if err != nil || latest.Number != 3 || latest.Body != body(3) {
		t.Fatalf("latest: got %+v (%v), want revision 3", latest, err)
	}
	second, err := s.RevisionByNumber(ctx, "read", 2)
	if err != nil || second.Body != body(2) || second.Title != "Title 2" {
		t.Fatalf("revision 2: got %+v (%v), want its body", second, err)
	}
	revs, err := s.Revisions(ctx, "read")
	if err != nil || len(revs) != 3 {
		t.Fatalf("revisions: got %d (%v), want 3", len(revs), err)
	}
	for i, r := range revs {
		if r.Number != i+1 || r.Body != "" || r.ContentHash == "" {
			t.Errorf("revisions[%d]: got number %d body %q hash %q, want number %d, no body, a hash", i, r.Number, r.Body, r.ContentHash, i+1)
		}
	}
	_, err = s.LatestRevision(ctx, "missing")
	wantCode(t, err, service.ENOTFOUND)
	_, err = s.RevisionByNumber(ctx, "read", 4)
	wantCode(t, err, service.ENOTFOUND)
	wantMessage(t, err, "article read has no revision 4; its latest is 3")
	_, err = s.RevisionByNumber(ctx, "missing", 1)
	wantCode(t, err, service.ENOTFOUND)
	wantMessage(t, err, "article missing not found")
	_, err = s.RevisionMeta(ctx, "read", 4)
	wantMessage(t, err, "article read has no revision 4; its latest is 3")
	_, err = s.RevisionMeta(ctx, "missing", 2)
	wantMessage(t, err, "article missing not found")
	_, err = s.Revisions(ctx, "missing")
	wantCode(t, err, service.ENOTFOUND)
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("ping: %v", err)
	}
}

func testList(t *testing.T, h Harness) {
	ctx := context.Background()
	c := newClock()
	s := open(t, h, c.Now)
	for i := 0; i < 7; i++ {
		mustPut(t, s, draft(fmt.Sprintf("a%d", i), "T", body(i)))
	}
	mustPut(t, s, draft("a2", "T", body(100))) // a2 becomes the newest update
	want := []string{"a2", "a6", "a5", "a4", "a3", "a1", "a0"}
	if got := listAll(t, s, 3); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("listing: got %v, want %v", got, want)
	}
	for _, bad := range []service.ListOptions{{Limit: -1}, {Limit: service.MaxListLimit + 1}, {Cursor: "!!"}} {
		_, err := s.ListArticles(ctx, bad)
		wantCode(t, err, service.EINVALID)
	}
}

// listAll follows cursors to the end and returns the ids in listing order.
func listAll(t *testing.T, s service.RevisionStore, limit int) []string {
	t.Helper()
	var ids []string
	opts := service.ListOptions{Limit: limit}
	for page := 0; page < 100; page++ {
		p, err := s.ListArticles(context.Background(), opts)
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		if len(p.Articles) > limit {
			t.Fatalf("page size: got %d, want at most %d", len(p.Articles), limit)
		}
		for _, a := range p.Articles {
			ids = append(ids, a.ID)
		}
		if p.NextCursor == "" {
			return ids
		}
		opts.Cursor = p.NextCursor
	}
	t.Fatalf("listing did not end after 100 pages")
	return nil
}

func testDelete(t *testing.T, h Harness) {
	ctx := context.Background()
	s := open(t, h, newClock().Now)
	mustPut(t, s, draft("gone", "T", body(1)))
	mustPut(t, s, draft("gone", "T", body(2)))
	mustPut(t, s, draft("kept", "T", body(1)))
	if err := s.DeleteArticle(ctx, "gone"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	_, err := s.RevisionByNumber(ctx, "gone", 1)
	wantCode(t, err, service.ENOTFOUND)
	wantCode(t, s.DeleteArticle(ctx, "gone"), service.ENOTFOUND)
	if n, _ := s.CountArticles(ctx); n != 1 {
		t.Errorf("count after delete: got %d, want 1", n)
	}
	if rev := mustPut(t, s, draft("gone", "T", body(3))); rev.Number != 1 {
		t.Errorf("recreated article: got revision %d, want 1", rev.Number)
	}
}

// testDeleteIfMatch checks a conditional delete: it deletes only an
// article at one of the revisions given, and otherwise deletes nothing, and
// writes no deletion event.
func testDeleteIfMatch(t *testing.T, h Harness) {
	ctx := context.Background()
	s, es := openEvents(t, h)
	mustPut(t, s, draft("cond", "T", body(1)))
	mustPut(t, s, draft("cond", "T", body(2)))
	before := lastSeq(t, es)
	wantCode(t, s.DeleteArticle(ctx, "cond", 1), service.EPRECONDITION)
	wantCode(t, s.DeleteArticle(ctx, "cond", 3, 4), service.EPRECONDITION)
	if rev, err := s.LatestRevision(ctx, "cond"); err != nil || rev.Number != 2 || rev.Body != body(2) {
		t.Fatalf("after refused deletes: got %+v, %v; want revision 2 kept", rev, err)
	}
	if seq := lastSeq(t, es); seq != before {
		t.Errorf("refused deletes wrote events: seq %d, want %d", seq, before)
	}
	wantCode(t, s.DeleteArticle(ctx, "missing", 1), service.EPRECONDITION)
	if err := s.DeleteArticle(ctx, "cond", 1, 2); err != nil {
		t.Fatalf("delete at revision 2: %v", err)
	}
	_, err := s.LatestRevision(ctx, "cond")
	wantCode(t, err, service.ENOTFOUND)
	if seq := lastSeq(t, es); seq != before+1 {
		t.Errorf("after the delete: seq %d, want %d (one deletion event)", seq, before+1)
	}
}

// lastSeq returns the newest event's sequence number, 0 when there is none.
func lastSeq(t *testing.T, es service.EventStore) int64 {
	t.Helper()
	page, err := es.EventsSince(context.Background(), 0, service.MaxEventLimit)
	if err != nil {
		t.Fatalf("events: %v", err)
	}
	if len(page) == 0 {
		return 0
	}
	return page[len(page)-1].Seq
}

// testConcurrentWriters has many writers race on one article and checks that
// the numbers come out 1..n with no gap and no duplicate.
func testConcurrentWriters(t *testing.T, h Harness) {
	const writers, each = 16, 8
	s := open(t, h, newClock().Now)
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, _, err := s.PutRevision(context.Background(), draft("hot", "T", fmt.Sprintf("writer %d edit %d", w, i)))
				errs <- err
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent put: %v", err)
		}
	}
	wantContiguous(t, s, "hot", writers*each)
	wantChangesFollowOrder(t, s, "hot", writers*each)
}

// wantChangesFollowOrder checks that each revision's stored change stats
// are those against the revision numbered before it, however the writers
// raced.
func wantChangesFollowOrder(t *testing.T, s service.RevisionStore, id string, n int) {
	t.Helper()
	prev := ""
	for i := 1; i <= n; i++ {
		rev := mustGet(t, s, id, i)
		want, err := service.ChangeStatsBetween(prev, rev.Body)
		if err != nil || rev.Changes != want {
			t.Fatalf("revision %d changes: got %+v, want %+v (%v)", i, rev.Changes, want, err)
		}
		prev = rev.Body
	}
}

func wantContiguous(t *testing.T, s service.RevisionStore, id string, n int) {
	t.Helper()
	revs, err := s.Revisions(context.Background(), id)
	if err != nil {
		t.Fatalf("revisions: %v", err)
	}
	nums := make([]int, len(revs))
	for i, r := range revs {
		nums[i] = r.Number
	}
	sort.Ints(nums)
	for i, got := range nums {
		if got != i+1 {
			t.Fatalf("revision numbers: got %v, want 1..%d", nums, n)
		}
	}
	if len(nums) != n {
		t.Fatalf("revision count: got %d, want %d", len(nums), n)
	}
}

func testRestart(t *testing.T, h Harness) {
	ctx := context.Background()
	s := h.New(t, newClock().Now)
	first := mustPut(t, s, draft("durable", "Kept", body(1)))
	mustPut(t, s, draft("durable", "Kept", body(2)))
	s = h.Reopen(t, s)
	t.Cleanup(func() { s.Close() })
	got, err := s.RevisionByNumber(ctx, "durable", 1)
	if err != nil || got.Body != first.Body || got.ContentHash != first.ContentHash || !got.CreatedAt.Equal(first.CreatedAt) {
		t.Fatalf("after restart: got %+v (%v), want %+v", got, err, first)
	}
	if rev := mustPut(t, s, draft("durable", "Kept", body(3))); rev.Number != 3 {
		t.Fatalf("after restart next revision: got %d, want 3", rev.Number)
	}
}

// testConcurrentFailures has writers whose preconditions cannot hold race
// writers whose drafts are fine: however the store groups them, only the
// failing drafts fail, and the others are all stored.
func testConcurrentFailures(t *testing.T, h Harness) {
	const writers = 16
	s := open(t, h, newClock().Now)
	mustPut(t, s, draft("mixed", "T", "The first body."))
	var wg sync.WaitGroup
	codes := make([]string, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			d := draft("mixed", "T", fmt.Sprintf("writer %d", w))
			if w%2 == 1 {
				d.BaseRevisions = []int{1000 + w}
			}
			_, _, err := s.PutRevision(context.Background(), d)
			codes[w] = service.ErrorCode(err)
		}(w)
	}
	wg.Wait()
	for w, code := range codes {
		want := ""
		if w%2 == 1 {
			want = service.EPRECONDITION
		}
		if code != want {
			t.Errorf("writer %d: got code %q, want %q", w, code, want)
		}
	}
	wantContiguous(t, s, "mixed", 1+writers/2)
}

func testRevisionMeta(t *testing.T, h Harness) {
	ctx := context.Background()
	s := open(t, h, newClock().Now)
	for i := 1; i <= 3; i++ {
		mustPut(t, s, draft("meta", fmt.Sprintf("Title %d", i), body(i)))
	}
	tests := []struct {
		name string
		n    int
		want int
	}{
		{"latest", 0, 3},
		{"first", 1, 1},
		{"second", 2, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := s.RevisionMeta(ctx, "meta", tc.n)
			if err != nil {
				t.Fatalf("meta: %v", err)
			}
			want := service.ContentHash(fmt.Sprintf("Title %d", tc.want), body(tc.want))
			if m.Number != tc.want || m.ContentHash != want || m.ArticleID != "meta" {
				t.Fatalf("meta: got %+v, want revision %d with hash %s", m, tc.want, want)
			}
			if rev, err := s.RevisionByNumber(ctx, "meta", tc.want); err != nil || !m.CreatedAt.Equal(rev.CreatedAt) {
				t.Fatalf("meta created_at: got %v, want the revision's %v (%v)", m.CreatedAt, rev.CreatedAt, err)
			}
		})
	}
	_, err := s.RevisionMeta(ctx, "meta", 4)
	wantCode(t, err, service.ENOTFOUND)
	_, err = s.RevisionMeta(ctx, "missing", 0)
	wantCode(t, err, service.ENOTFOUND)

	// What a lookup answers follows writes and deletes at once.
	mustPut(t, s, draft("meta", "Title 4", body(4)))
	if m, err := s.RevisionMeta(ctx, "meta", 0); err != nil || m.Number != 4 {
		t.Fatalf("latest after a put: got %+v (%v), want revision 4", m, err)
	}
	if err := s.DeleteArticle(ctx, "meta"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	for _, n := range []int{0, 2} {
		_, err := s.RevisionMeta(ctx, "meta", n)
		wantCode(t, err, service.ENOTFOUND)
	}
	mustPut(t, s, draft("meta", "Other", body(9)))
	if m, err := s.RevisionMeta(ctx, "meta", 1); err != nil || m.ContentHash != service.ContentHash("Other", body(9)) {
		t.Fatalf("revision 1 after the article was made again: got %+v (%v), want the new content's hash", m, err)
	}
	// Made again with the same text, revision 1 is another row: its time
	// tells it from the one before.
	before, _ := s.RevisionMeta(ctx, "meta", 1)
	if err := s.DeleteArticle(ctx, "meta"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	mustPut(t, s, draft("meta", "Other", body(9)))
	if m, err := s.RevisionMeta(ctx, "meta", 1); err != nil || m.ContentHash != before.ContentHash || m.CreatedAt.Equal(before.CreatedAt) {
		t.Fatalf("revision 1 made again with the same text: got %+v (%v), want the same hash at another time than %v", m, err, before.CreatedAt)
	}
}

func testListRevisions(t *testing.T, h Harness) {
	ctx := context.Background()
	s := open(t, h, newClock().Now)
	// Words only, then a number: the fact count comes from the diff too.
	bodies := []string{"Alpha beta gamma.", "Alpha beta gamma delta epsilon.", "Alpha gamma delta epsilon.", "Zeta.", "Zeta had 12 staff."}
	for _, b := range bodies {
		mustPut(t, s, draft("paged", "T", b))
	}
	want := []service.ChangeStats{{WordsAdded: 3}, {WordsAdded: 2}, {WordsRemoved: 1}, {WordsAdded: 1, WordsRemoved: 4},
		{WordsAdded: 3, FactsChanged: 1}}
	var got []service.Revision
	opts := service.RevisionListOptions{Limit: 3}
	for page := 0; page < 10; page++ {
		p, err := s.ListRevisions(ctx, "paged", opts)
		if err != nil {
			t.Fatalf("list revisions: %v", err)
		}
		if len(p.Revisions) > 3 {
			t.Fatalf("page size: got %d, want at most 3", len(p.Revisions))
		}
		got = append(got, p.Revisions...)
		if opts.Cursor = p.NextCursor; opts.Cursor == "" {
			break
		}
	}
	if len(got) != len(bodies) {
		t.Fatalf("revisions listed: got %d, want %d", len(got), len(bodies))
	}
	for i, r := range got {
		if r.Number != i+1 || r.Body != "" || r.Changes != want[i] {
			t.Errorf("revision %d: got number %d, body %q, changes %+v; want number %d, no body, changes %+v", i+1, r.Number, r.Body, r.Changes, i+1, want[i])
		}
	}
	if rev := mustGet(t, s, "paged", 2); rev.Changes != want[1] {
		t.Errorf("revision 2 read alone: got changes %+v, want %+v", rev.Changes, want[1])
	}
	_, err := s.ListRevisions(ctx, "missing", service.RevisionListOptions{})
	wantCode(t, err, service.ENOTFOUND)
	for _, bad := range []service.RevisionListOptions{{Limit: -1}, {Limit: service.MaxListLimit + 1}, {Cursor: "!!"}, {Cursor: "cmV2OjA"}} {
		_, err := s.ListRevisions(ctx, "paged", bad)
		wantCode(t, err, service.EINVALID)
	}
}

func mustGet(t *testing.T, s service.RevisionStore, id string, n int) *service.Revision {
	t.Helper()
	rev, err := s.RevisionByNumber(context.Background(), id, n)
	if err != nil {
		t.Fatalf("revision %d of %s: %v", n, id, err)
	}
	return rev
}
