package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/redline-news/redline/service"
)

// restatDrafts are the writes of the stale change stats test, in order:
// facts that change (numbers, a date, a quote), an article left alone,
// and one deleted and written again, whose first life's events keep their
// figures.
var restatDrafts = []service.Draft{
	draft("facts", "Flood", "The river rose 3 metres on Monday. The town was calm."),
	draft("facts", "Flood", "The river rose 5 metres on Tuesday. The town was calm."),
	draft("facts", "Flood", `The river rose 5 metres on Tuesday. The mayor said "we are not ready".`),
	draft("done", "Done", "Paragraph one."),
	draft("done", "Done", "Paragraph one, longer now."),
	draft("again", "Again", "The first life of this article had these seven words."),
	draft("again", "Again", "The first life had 2 revisions."),
}

// restatAgain is the one revision of "again" after its deletion, shorter
// than its first life's revision 1, so that its figures differ from those.
var restatAgain = draft("again", "Again", "A new life.")

// RestatStaleSQL gives every revision but those of "done" (done before a
// run was cut short) and their events the stats an older version counted,
// as that version kept them (stats version 0), and leaves the index a run
// cut short would have left. Each statement reads the same in both
// stores' SQL.
var RestatStaleSQL = []string{
	`UPDATE revisions SET words_added = words_added + 7, words_removed = 99, facts_changed = facts_changed + 3,
		stats_version = 0 WHERE article_id <> 'done'`,
	`UPDATE events SET words_added = words_added + 7, words_removed = 99, facts = facts + 3
		WHERE kind = 'revision' AND article_id <> 'done'
		AND NOT (article_id = 'again' AND seq < (SELECT max(seq) FROM events WHERE kind = 'deleted'))`,
	`CREATE INDEX events_restat ON events (article_id, revision)`,
}

// restatDoneSQL gives the revisions of "done" figures no count gives,
// keeping their version: an open that counted anything kept with the
// current version again would undo them.
const restatDoneSQL = `UPDATE revisions SET facts_changed = 42 WHERE article_id = 'done'`

// StoreSnapshot is everything a reader can see of a store's revisions and
// change feed.
type StoreSnapshot struct {
	Revisions map[string][]service.Revision // with bodies
	Events    []service.Event
}

// Snapshot reads what a reader can see of the stale change stats test's
// articles and of the change feed.
func Snapshot(t *testing.T, s service.RevisionStore) StoreSnapshot {
	t.Helper()
	ctx := context.Background()
	snap := StoreSnapshot{Revisions: map[string][]service.Revision{}}
	for _, id := range []string{"facts", "done", "again"} {
		page, err := s.ListRevisions(ctx, id, service.RevisionListOptions{Limit: service.MaxListLimit})
		if err != nil {
			t.Fatalf("list revisions of %s: %v", id, err)
		}
		for _, listed := range page.Revisions {
			rev, err := s.RevisionByNumber(ctx, id, listed.Number)
			if err != nil {
				t.Fatalf("revision %d of %s: %v", listed.Number, id, err)
			}
			if rev.Changes != listed.Changes {
				t.Fatalf("revision %d of %s: read with stats %+v, listed with %+v", listed.Number, id, rev.Changes, listed.Changes)
			}
			snap.Revisions[id] = append(snap.Revisions[id], *rev)
		}
	}
	es, ok := s.(service.EventStore)
	if !ok {
		t.Fatalf("%T does not keep the change feed", s)
	}
	events, err := es.EventsSince(ctx, 0, service.MaxEventLimit)
	if err != nil {
		t.Fatalf("EventsSince: %v", err)
	}
	snap.Events = events
	return snap
}

// StaleChangeStats stores revisions, gives most of them and their events
// the stats an older version of the counting rules kept, and opens the
// store again: every figure comes out as the store counted it when it
// wrote the revision, and nothing else changes. A second open counts
// nothing again. It runs within Run, and alone for a store's tests that
// change its batch size.
func StaleChangeStats(t *testing.T, h Harness) {
	if h.ReopenAfter == nil {
		t.Fatal("the harness has no ReopenAfter")
	}
	s := h.New(t, newClock().Now)
	t.Cleanup(func() { s.Close() }) // the store open last
	want := PutRestatArticles(t, s)

	s = h.ReopenAfter(t, s, RestatStaleSQL...)
	CheckRestated(t, s, want)

	s = h.ReopenAfter(t, s, restatDoneSQL)
	for _, rev := range Snapshot(t, s).Revisions["done"] {
		if rev.Changes.FactsChanged != 42 {
			t.Fatalf("revision %d of done counted again by a second open: facts %d, want 42 as kept",
				rev.Number, rev.Changes.FactsChanged)
		}
	}
}

// PutRestatArticles writes the stale change stats test's articles to s,
// which must also keep the change feed, and returns what a reader sees of
// them: the figures every open after RestatStaleSQL must give again.
func PutRestatArticles(t *testing.T, s service.RevisionStore) StoreSnapshot {
	t.Helper()
	for _, d := range restatDrafts {
		mustPut(t, s, d)
	}
	if err := s.DeleteArticle(context.Background(), "again"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	mustPut(t, s, restatAgain)
	want := Snapshot(t, s)
	checkCountedNow(t, want)
	return want
}

// CheckRestated checks that s gives what PutRestatArticles returned.
func CheckRestated(t *testing.T, s service.RevisionStore, want StoreSnapshot) {
	t.Helper()
	if got := Snapshot(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the recount:\ngot  %+v\nwant %+v", got, want)
	}
}

// checkCountedNow checks that snap's figures are ChangeStatsBetween's,
// and that some revision changed facts, which the test needs to mean
// anything.
func checkCountedNow(t *testing.T, snap StoreSnapshot) {
	t.Helper()
	facts := 0
	for id, revs := range snap.Revisions {
		prev := ""
		for _, rev := range revs {
			want, err := service.ChangeStatsBetween(prev, rev.Body)
			if err != nil {
				t.Fatal(err)
			}
			if rev.Changes != want {
				t.Fatalf("revision %d of %s as written: stats %+v, want %+v", rev.Number, id, rev.Changes, want)
			}
			facts += rev.Changes.FactsChanged
			prev = rev.Body
		}
	}
	if facts == 0 {
		t.Fatal("no revision of the test changed a fact")
	}
}
