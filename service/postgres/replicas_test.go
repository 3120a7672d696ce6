package postgres_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/postgres"
	"github.com/redline-news/redline/service/postgres/pgtest"
	"github.com/redline-news/redline/service/webhook"
)

// replicas opens two stores on one schema, as two replicas of the service
// would.
func replicas(t *testing.T) (*postgres.DB, *postgres.DB) {
	t.Helper()
	dsn := pgtest.Schema(t)
	a, b := open(t, dsn), open(t, dsn)
	t.Cleanup(func() { a.Close(); b.Close() })
	return a, b
}

func TestEventReachesTheOtherReplicasWaiter(t *testing.T) {
	a, b := replicas(t)
	woke := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		woke <- b.WaitForEvents(ctx, 0)
	}()
	time.Sleep(200 * time.Millisecond) // let the waiter start; if it has not, it sees the event at once
	if _, _, err := a.PutRevision(context.Background(), service.Draft{ArticleID: "x", Title: "T", Body: "Body."}); err != nil {
		t.Fatalf("put on replica a: %v", err)
	}
	if err := <-woke; err != nil {
		t.Fatalf("replica b's waiter: got %v, want woken by replica a's event", err)
	}
	events, err := b.EventsSince(context.Background(), 0, 10)
	if err != nil || len(events) != 1 || events[0].ArticleID != "x" {
		t.Fatalf("replica b's feed: got %+v (%v), want replica a's event", events, err)
	}
}

// TestTwoReplicasDeliverEachEventOnce runs a delivery worker on each
// replica against one queue: every event reaches the receiver once.
func TestTwoReplicasDeliverEachEventOnce(t *testing.T) {
	a, b := replicas(t)
	var mu sync.Mutex
	got := map[string]int{}
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		got[r.Header.Get(webhook.HeaderID)]++
		mu.Unlock()
	}))
	defer recv.Close()
	now := time.Now().UTC()
	if err := a.CreateSubscription(context.Background(), &service.Subscription{ID: "wh_1", URL: recv.URL,
		Secret: webhook.NewSecret(), CreatedAt: now, UpdatedAt: now}); err != nil {
		t.Fatalf("subscribe: %v", err)
	}
	for _, db := range []*postgres.DB{a, b} {
		w, err := webhook.Start(context.Background(), db.QueueDriver(), webhook.Config{Events: db, AllowPrivate: true,
			PollInterval: 50 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatalf("worker: %v", err)
		}
		defer w.Stop(context.Background())
	}
	const n = 20
	for i := range n {
		db := []*postgres.DB{a, b}[i%2]
		if _, _, err := db.PutRevision(context.Background(), service.Draft{ArticleID: "x", Title: "T", Body: "Body " + string(rune('a'+i)) + "."}); err != nil {
			t.Fatalf("put %d: %v", i, err)
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		mu.Lock()
		distinct := len(got)
		mu.Unlock()
		if distinct == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("deliveries: got %d distinct webhook-ids, want %d", distinct, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // a duplicate would come now
	mu.Lock()
	defer mu.Unlock()
	for id, count := range got {
		if count != 1 {
			t.Errorf("webhook-id %s: delivered %d times, want once", id, count)
		}
	}
}
