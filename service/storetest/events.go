package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
)

// openEvents opens a store that must also keep the change feed.
func openEvents(t *testing.T, h Harness) (service.RevisionStore, service.EventStore) {
	t.Helper()
	s := open(t, h, newClock().Now)
	es, ok := s.(service.EventStore)
	if !ok {
		t.Skipf("%T does not implement service.EventStore yet", s)
	}
	return s, es
}

func kindsOf(events []service.Event) []service.EventKind {
	var kinds []service.EventKind
	for _, ev := range events {
		kinds = append(kinds, ev.Kind)
	}
	return kinds
}

func testEvents(t *testing.T, h Harness) {
	ctx := context.Background()
	s, es := openEvents(t, h)
	mustPut(t, s, draft("a", "First", "The river rose."))
	mustPut(t, s, draft("a", "First", "The river rose."))                       // unchanged: no event
	mustPut(t, s, draft("a", "Second", "The river fell and the town flooded.")) // 5 added, 1 removed
	_, _, err := s.PutRevision(ctx, service.Draft{ArticleID: "a", Title: "T", Body: "x", BaseRevisions: []int{1}})
	wantCode(t, err, service.EPRECONDITION) // a failed write: no event
	if err := s.DeleteArticle(ctx, "a"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	wantCode(t, s.DeleteArticle(ctx, "a"), service.ENOTFOUND)
	events, err := es.EventsSince(ctx, 0, 10)
	if err != nil {
		t.Fatalf("EventsSince: %v", err)
	}
	want := []service.EventKind{service.EventRevision, service.EventRevision, service.EventDeleted}
	if got := kindsOf(events); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("kinds: got %v, want %v", got, want)
	}
	wantEvent(t, events[0], 1, "First", 3, 0)
	wantEvent(t, events[1], 2, "Second", 5, 1)
	wantEvent(t, events[2], 2, "Second", 0, 0)
	for i := 1; i < len(events); i++ {
		if events[i].Seq <= events[i-1].Seq {
			t.Fatalf("seq: got %d after %d, want increasing", events[i].Seq, events[i-1].Seq)
		}
	}
	testEventPaging(t, es, events)
}

func wantEvent(t *testing.T, ev service.Event, rev int, title string, added, removed int) {
	t.Helper()
	if ev.ArticleID != "a" || ev.Revision != rev || ev.Title != title || ev.CreatedAt.IsZero() {
		t.Fatalf("event %d: got %+v, want article a revision %d titled %q", ev.Seq, ev, rev, title)
	}
	if ev.WordsAdded != added || ev.WordsRemoved != removed {
		t.Fatalf("event %d words: got +%d -%d, want +%d -%d", ev.Seq, ev.WordsAdded, ev.WordsRemoved, added, removed)
	}
}

func testEventPaging(t *testing.T, es service.EventStore, all []service.Event) {
	ctx := context.Background()
	page, err := es.EventsSince(ctx, all[0].Seq, 1)
	if err != nil || len(page) != 1 || page[0].Seq != all[1].Seq {
		t.Fatalf("page after %d: got %v (%v), want the event %d alone", all[0].Seq, page, err, all[1].Seq)
	}
	one, err := es.Event(ctx, all[2].Seq)
	if err != nil || one.Kind != service.EventDeleted {
		t.Fatalf("Event(%d): got %+v (%v), want the deletion", all[2].Seq, one, err)
	}
	_, err = es.Event(ctx, all[2].Seq+100)
	wantCode(t, err, service.ENOTFOUND)
	_, err = es.EventsSince(ctx, 0, service.MaxEventLimit+1)
	wantCode(t, err, service.EINVALID)
	_, err = es.EventsSince(ctx, -1, 1)
	wantCode(t, err, service.EINVALID)
}

func testWaitForEvents(t *testing.T, h Harness) {
	s, es := openEvents(t, h)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := es.WaitForEvents(ctx, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("wait with no event: got %v, want the context's deadline", err)
	}
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		done <- es.WaitForEvents(ctx, 0)
	}()
	mustPut(t, s, draft("a", "T", "Body."))
	if err := <-done; err != nil {
		t.Fatalf("wait for the put's event: got %v, want nil", err)
	}
	if err := es.WaitForEvents(context.Background(), 0); err != nil {
		t.Fatalf("wait after an existing event: got %v, want nil at once", err)
	}
}

func subscription(id string, mod func(*service.Subscription)) *service.Subscription {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	sub := &service.Subscription{ID: id, URL: "https://example.com/hook", Secret: "whsec_c2VjcmV0", CreatedAt: now, UpdatedAt: now}
	if mod != nil {
		mod(sub)
	}
	return sub
}

func testSubscriptions(t *testing.T, h Harness) {
	ctx := context.Background()
	_, es := openEvents(t, h)
	sub := subscription("wh_1", func(s *service.Subscription) {
		s.Kinds, s.ArticlePrefix, s.Metadata = []service.EventKind{service.EventRevision}, "metro-", map[string]string{"desk": "metro"}
	})
	if err := es.CreateSubscription(ctx, sub); err != nil {
		t.Fatalf("create: %v", err)
	}
	got, err := es.Subscription(ctx, "wh_1")
	if err != nil || got.URL != sub.URL || got.Secret != sub.Secret || got.ArticlePrefix != "metro-" ||
		len(got.Kinds) != 1 || got.Metadata["desk"] != "metro" || !got.CreatedAt.Equal(sub.CreatedAt) {
		t.Fatalf("read back: got %+v (%v), want %+v", got, err, sub)
	}
	got.Disabled, got.DisabledReason, got.URL = true, "gone", "https://example.org/new"
	if err := es.UpdateSubscription(ctx, got); err != nil {
		t.Fatalf("update: %v", err)
	}
	all, err := es.Subscriptions(ctx)
	if err != nil || len(all) != 1 || !all[0].Disabled || all[0].URL != "https://example.org/new" {
		t.Fatalf("list after update: got %+v (%v), want one disabled subscription", all, err)
	}
	wantCode(t, es.UpdateSubscription(ctx, subscription("wh_none", nil)), service.ENOTFOUND)
	if err := es.DeleteSubscription(ctx, "wh_1"); err != nil {
		t.Fatalf("delete: %v", err)
	}
	wantCode(t, es.DeleteSubscription(ctx, "wh_1"), service.ENOTFOUND)
	_, err = es.Subscription(ctx, "wh_1")
	wantCode(t, err, service.ENOTFOUND)
}

// testOutbox checks that a write queues one delivery per matching
// subscription, in its own transaction.
func testOutbox(t *testing.T, h Harness) {
	ctx := context.Background()
	s, es := openEvents(t, h)
	for _, sub := range []*service.Subscription{
		subscription("wh_all", nil),
		subscription("wh_metro", func(s *service.Subscription) { s.Metadata = map[string]string{"desk": "metro"} }),
		subscription("wh_sport", func(s *service.Subscription) { s.ArticlePrefix = "sport-" }),
		subscription("wh_off", func(s *service.Subscription) { s.Disabled = true }),
	} {
		if err := es.CreateSubscription(ctx, sub); err != nil {
			t.Fatalf("create %s: %v", sub.ID, err)
		}
	}
	d := draft("metro-1", "T", "Body.")
	d.Metadata = json.RawMessage(`{"desk":"metro"}`)
	mustPut(t, s, d)                              // wh_all, wh_metro
	mustPut(t, s, draft("sport-1", "T", "Body.")) // wh_all, wh_sport
	_, _, err := s.PutRevision(ctx, service.Draft{ArticleID: "x", Title: "T", Body: "B", MustExist: true})
	wantCode(t, err, service.EPRECONDITION) // rolled back: nothing queued
	n, err := es.PendingDeliveries(ctx)
	if err != nil || n != 4 {
		t.Fatalf("pending deliveries: got %d (%v), want 4", n, err)
	}
}

func testAttemptLog(t *testing.T, h Harness) {
	ctx := context.Background()
	_, es := openEvents(t, h)
	if err := es.CreateSubscription(ctx, subscription("wh_1", nil)); err != nil {
		t.Fatalf("create: %v", err)
	}
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := 1; i <= service.MaxAttemptLog+5; i++ {
		a := service.DeliveryAttempt{SubscriptionID: "wh_1", WebhookID: "msg_1_wh_1", Seq: 1, Attempt: i, At: at, Status: 500, Outcome: "failed"}
		if err := es.RecordAttempt(ctx, a); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	got, err := es.Attempts(ctx, "wh_1", service.MaxAttemptLog+10)
	if err != nil || len(got) != service.MaxAttemptLog || got[0].Attempt != service.MaxAttemptLog+5 {
		t.Fatalf("attempts: got %d, newest %v (%v), want %d, newest %d", len(got), got[0], err, service.MaxAttemptLog, service.MaxAttemptLog+5)
	}
	_, err = es.Attempts(ctx, "wh_none", 10)
	wantCode(t, err, service.ENOTFOUND)
}
