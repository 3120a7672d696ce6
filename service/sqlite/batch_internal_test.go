package sqlite

import (
	"context"
	"database/sql"
	"runtime"
	"testing"

	"github.com/redline-news/redline/internal/groupcommit"
	"github.com/redline-news/redline/service"
)

// heldSQL is the committer's store whose first Begin waits for release, so
// that a test queues the drafts of the next batch behind it.
type heldSQL struct {
	groupcommit.SQL
	entered, release chan struct{}
	begins           int
}

func (h *heldSQL) Begin(ctx context.Context) (*sql.Tx, error) {
	if h.begins++; h.begins == 1 {
		close(h.entered)
		<-h.release
	}
	return h.SQL.Begin(ctx)
}

// The drafts of one batch see what the earlier ones wrote: a deletion, a
// first revision and a second whose pre-batch count was made against the
// deleted article and is made again against the first.
func TestBatchCarriesItsDraftsWrites(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t, "batch.db")
	put := func(body string) (*service.Revision, bool, error) {
		return db.PutRevision(ctx, service.Draft{ArticleID: "a", Title: "T", Body: body})
	}
	if _, _, err := put("The old story, deleted soon."); err != nil {
		t.Fatal(err)
	}
	db.writes.Close()
	held := &heldSQL{SQL: groupcommit.SQL{DB: db.db}, entered: make(chan struct{}), release: make(chan struct{})}
	db.writes = groupcommit.New[*sql.Tx](held, groupcommit.Options{})

	first := make(chan error, 1)
	go func() {
		_, _, err := db.PutRevision(ctx, service.Draft{ArticleID: "other", Title: "T", Body: "Another story."})
		first <- err
	}()
	<-held.entered
	deleted := make(chan error, 1)
	go func() { deleted <- db.DeleteArticle(ctx, "a") }()
	waitPending(db.writes, 1)
	bodies := []string{"The new story begins.", "The new story begins. It goes on."}
	type result struct {
		rev *service.Revision
		err error
	}
	puts := make([]chan result, len(bodies))
	for i, body := range bodies {
		puts[i] = make(chan result, 1)
		go func() { rev, _, err := put(body); puts[i] <- result{rev, err} }()
		waitPending(db.writes, i+2)
	}
	close(held.release)
	if err := <-first; err != nil {
		t.Fatalf("first batch: %v", err)
	}
	if err := <-deleted; err != nil {
		t.Fatalf("delete: %v", err)
	}
	for i, body := range bodies {
		r := <-puts[i]
		if r.err != nil {
			t.Fatalf("put %d: %v", i, r.err)
		}
		stored, err := db.RevisionByNumber(ctx, "a", i+1)
		if err != nil {
			t.Fatalf("revision %d: %v", i+1, err)
		}
		prev := ""
		if i > 0 {
			prev = bodies[i-1]
		}
		want, err := service.ChangeStatsBetween(prev, body)
		if err != nil {
			t.Fatal(err)
		}
		if r.rev.Number != i+1 || stored.Body != body || stored.Changes != want {
			t.Fatalf("put %d: got number %d, body %q, changes %+v; want %d, %q, %+v",
				i, r.rev.Number, stored.Body, stored.Changes, i+1, body, want)
		}
	}
	if held.begins != 2 {
		t.Fatalf("transactions begun: got %d, want 2 (the delete and both puts in one)", held.begins)
	}
}

func waitPending(b *groupcommit.Batcher[*sql.Tx], n int) {
	for b.Pending() < n {
		runtime.Gosched()
	}
}
