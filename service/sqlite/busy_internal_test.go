package sqlite

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
)

// A write that meets another process's lock past the busy timeout fails as
// unavailable, which the API answers 503 with Retry-After, and stores
// nothing; once the lock goes, the same write succeeds.
func TestBusyStoreIsUnavailable(t *testing.T) {
	saved := busyTimeout
	busyTimeout = 100 * time.Millisecond
	t.Cleanup(func() { busyTimeout = saved })
	ctx := context.Background()
	db, path := openTemp(t, "busy.db")
	draft := service.Draft{ArticleID: "a", Title: "Title", Body: "The first text of the story."}
	if _, _, err := db.PutRevision(ctx, draft); err != nil {
		t.Fatal(err)
	}

	// Another process holds the write lock.
	other, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	draft.Body = "The second text of the story, while the store is locked."
	_, _, err = db.PutRevision(ctx, draft)
	if code := service.ErrorCode(err); code != service.EUNAVAILABLE {
		t.Fatalf("write under another's lock: got %v (code %q), want %s", err, code, service.EUNAVAILABLE)
	}
	// Reads still work in WAL mode, and the failed write left nothing.
	latest, err := db.LatestRevision(ctx, "a")
	if err != nil || latest.Number != 1 {
		t.Fatalf("latest while locked: %+v, %v; want revision 1", latest, err)
	}

	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	rev, _, err := db.PutRevision(ctx, draft)
	if err != nil || rev.Number != 2 {
		t.Fatalf("write once the lock is gone: %+v, %v; want revision 2", rev, err)
	}
}
