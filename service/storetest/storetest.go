// Package storetest is the conformance suite that every service.RevisionStore
// implementation runs, so that all backends behave the same.
package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
)

// Harness tells the suite how to make stores of one backend.
type Harness struct {
	// New returns an empty store whose clock is now; the suite closes it.
	New func(t *testing.T, now func() time.Time) service.RevisionStore
	// Reopen closes s and opens the same data again, as a restart would.
	Reopen func(t *testing.T, s service.RevisionStore) service.RevisionStore
	// ReopenAfter closes s, runs each statement directly on its data, as
	// an older version of the service would have written it, and opens
	// the same data again. The statements are SQL both stores read alike.
	ReopenAfter func(t *testing.T, s service.RevisionStore, stmts ...string) service.RevisionStore
}

// Run runs the whole suite against the backend h makes.
func Run(t *testing.T, h Harness) {
	t.Run("Put", func(t *testing.T) { testPut(t, h) })
	t.Run("Preconditions", func(t *testing.T) { testPreconditions(t, h) })
	t.Run("InvalidDrafts", func(t *testing.T) { testInvalidDrafts(t, h) })
	t.Run("Read", func(t *testing.T) { testRead(t, h) })
	t.Run("RevisionMeta", func(t *testing.T) { testRevisionMeta(t, h) })
	t.Run("List", func(t *testing.T) { testList(t, h) })
	t.Run("Search", func(t *testing.T) { testSearch(t, h) })
	t.Run("ListRevisions", func(t *testing.T) { testListRevisions(t, h) })
	t.Run("Delete", func(t *testing.T) { testDelete(t, h) })
	t.Run("DeleteIfMatch", func(t *testing.T) { testDeleteIfMatch(t, h) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, h) })
	t.Run("ConcurrentFailures", func(t *testing.T) { testConcurrentFailures(t, h) })
	t.Run("Restart", func(t *testing.T) { testRestart(t, h) })
	t.Run("StaleChangeStats", func(t *testing.T) { StaleChangeStats(t, h) })
	t.Run("Events", func(t *testing.T) { testEvents(t, h) })
	t.Run("WaitForEvents", func(t *testing.T) { testWaitForEvents(t, h) })
	t.Run("Subscriptions", func(t *testing.T) { testSubscriptions(t, h) })
	t.Run("Outbox", func(t *testing.T) { testOutbox(t, h) })
	t.Run("AttemptLog", func(t *testing.T) { testAttemptLog(t, h) })
	t.Run("ClosedStore", func(t *testing.T) { testClosedStore(t, h) })
}

// clock is a controllable time source that advances a millisecond a call,
// so that every write gets a distinct, predictable time.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock {
	return &clock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Millisecond)
	return c.now
}

func (c *clock) Freeze() func() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	at := c.now
	return func() time.Time { return at }
}

func open(t *testing.T, h Harness, now func() time.Time) service.RevisionStore {
	t.Helper()
	s := h.New(t, now)
	t.Cleanup(func() { s.Close() })
	return s
}

func draft(id, title, body string) service.Draft {
	return service.Draft{ArticleID: id, Title: title, Body: body}
}

func mustPut(t *testing.T, s service.RevisionStore, d service.Draft) *service.Revision {
	t.Helper()
	rev, _, err := s.PutRevision(context.Background(), d)
	if err != nil {
		t.Fatalf("PutRevision(%s): %v", d.ArticleID, err)
	}
	return rev
}

// wantMessage fails unless err's message, as a client reads it, is msg.
func wantMessage(t *testing.T, err error, msg string) {
	t.Helper()
	if got := service.ErrorMessage(err); got != msg {
		t.Fatalf("error message: got %q (%v), want %q", got, err, msg)
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := service.ErrorCode(err); got != code {
		t.Fatalf("error code: got %q (%v), want %q", got, err, code)
	}
}

func body(i int) string {
	return fmt.Sprintf("Paragraph number %d of the story.", i)
}
