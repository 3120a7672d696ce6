package webhook_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/sqlite"
	"github.com/redline-news/redline/service/webhook"
)

// delivery is one request a test receiver got.
type delivery struct {
	header http.Header
	body   []byte
	at     time.Time
}

// receiver is an httptest server that answers with the given statuses in
// turn (200 once they run out) and records every request.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	statuses []int
	header   http.Header // added to every answer
	got      chan delivery
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	t.Helper()
	r := &receiver{statuses: statuses, header: http.Header{}, got: make(chan delivery, 100)}
	r.Server = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	status := http.StatusOK
	if len(r.statuses) > 0 {
		status, r.statuses = r.statuses[0], r.statuses[1:]
	}
	for k, v := range r.header {
		w.Header()[k] = v
	}
	r.mu.Unlock()
	r.got <- delivery{header: req.Header.Clone(), body: body, at: time.Now()}
	w.WriteHeader(status)
}

// next waits for the next delivery; a loaded machine gets a generous wait.
func (r *receiver) next(t *testing.T) delivery {
	t.Helper()
	select {
	case d := <-r.got:
		return d
	case <-time.After(30 * time.Second):
		t.Fatalf("no delivery within 30s")
		return delivery{}
	}
}

// none checks that no delivery arrives within wait.
func (r *receiver) none(t *testing.T, wait time.Duration) {
	t.Helper()
	select {
	case d := <-r.got:
		t.Fatalf("got a delivery %s, want none", d.body)
	case <-time.After(wait):
	}
}

func openStore(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() }) // after the worker's cleanup, which runs first
	return db
}

func startWorker(t *testing.T, db *sqlite.DB, mod func(*webhook.Config)) {
	t.Helper()
	cfg := webhook.Config{Events: db, AllowPrivate: true, PollInterval: 20 * time.Millisecond,
		Schedule: []time.Duration{100 * time.Millisecond, 100 * time.Millisecond, 100 * time.Millisecond},
		Logger:   slog.New(slog.DiscardHandler)}
	if mod != nil {
		mod(&cfg)
	}
	w, err := webhook.Start(context.Background(), db.QueueDriver(), cfg)
	if err != nil {
		t.Fatalf("start worker: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		w.Stop(ctx)
	})
}

func subscribe(t *testing.T, db *sqlite.DB, url string, mod func(*service.Subscription)) *service.Subscription {
	t.Helper()
	now := time.Now().UTC()
	sub := &service.Subscription{ID: "wh_" + filepath.Base(t.Name()) + url[len(url)-5:], URL: url, Secret: webhook.NewSecret(), CreatedAt: now, UpdatedAt: now}
	if mod != nil {
		mod(sub)
	}
	if err := db.CreateSubscription(context.Background(), sub); err != nil {
		t.Fatalf("subscribe: %v", err)
	}
	return sub
}

func put(t *testing.T, db *sqlite.DB, id, body, metadata string) {
	t.Helper()
	d := service.Draft{ArticleID: id, Title: "Title of " + id, Body: body}
	if metadata != "" {
		d.Metadata = json.RawMessage(metadata)
	}
	if _, _, err := db.PutRevision(context.Background(), d); err != nil {
		t.Fatalf("put %s: %v", id, err)
	}
}

func attemptsOf(t *testing.T, db *sqlite.DB, subID string) []service.DeliveryAttempt {
	t.Helper()
	a, err := db.Attempts(context.Background(), subID, 100)
	if err != nil {
		t.Fatalf("attempts: %v", err)
	}
	return a
}

// waitFor polls cond until it holds, for state the worker writes after the
// receiver has answered.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 30s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestDeliverySignatureVerifiesWithTheStandardLibrary(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	r := newReceiver(t)
	sub := subscribe(t, db, r.URL, nil)
	startWorker(t, db, func(c *webhook.Config) { c.BaseURL = "https://redline.example.com" })
	put(t, db, "story-1", "The river rose.", "")
	d := r.next(t)
	wh, err := standardwebhooks.NewWebhook(sub.Secret)
	if err != nil {
		t.Fatalf("library: %v", err)
	}
	if err := wh.Verify(d.body, d.header); err != nil {
		t.Fatalf("signature: got %v, want it to verify", err)
	}
	var p webhook.Payload
	if err := json.Unmarshal(d.body, &p); err != nil {
		t.Fatalf("payload: %v", err)
	}
	if p.Type != "article.revision" || p.Data.Event.ArticleID != "story-1" || p.Data.Event.Revision != 1 ||
		p.Data.Links.Diff != "https://redline.example.com/v1/articles/story-1/diff?from=0&to=1" {
		t.Fatalf("payload: got %s", d.body)
	}
	want := service.DeliveryJob{Seq: p.Data.Event.Seq, SubscriptionID: sub.ID}.WebhookID()
	if got := d.header.Get(webhook.HeaderID); got != want {
		t.Fatalf("webhook-id: got %q, want %q", got, want)
	}
	tampered := append([]byte(nil), d.body...)
	tampered[len(tampered)-2] ^= 1
	if err := wh.Verify(tampered, d.header); err == nil {
		t.Fatalf("tampered body: got a valid signature, want an error")
	}
}

func TestRetriesKeepTheWebhookID(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	r := newReceiver(t, 500, 500, 200)
	sub := subscribe(t, db, r.URL, nil)
	startWorker(t, db, nil)
	put(t, db, "a", "Body.", "")
	var ids []string
	for range 3 {
		ids = append(ids, r.next(t).header.Get(webhook.HeaderID))
	}
	if ids[0] == "" || ids[0] != ids[1] || ids[1] != ids[2] {
		t.Fatalf("webhook-ids: got %q, want one id three times", ids)
	}
	waitFor(t, "three attempts logged", func() bool { return len(attemptsOf(t, db, sub.ID)) == 3 })
	r.none(t, 500*time.Millisecond)
	a := attemptsOf(t, db, sub.ID)
	for i, want := range []string{webhook.OutcomeDelivered, webhook.OutcomeFailed, webhook.OutcomeFailed} {
		if a[i].Outcome != want || a[i].Attempt != 3-i {
			t.Fatalf("attempt log %d: got attempt %d %s, want attempt %d %s", i, a[i].Attempt, a[i].Outcome, 3-i, want)
		}
	}
	if a[1].Status != 500 || a[1].NextAttemptAt == nil {
		t.Fatalf("failed attempt: got status %d next %v, want 500 and a next attempt", a[1].Status, a[1].NextAttemptAt)
	}
}

func TestRetryAfterDelaysTheNextAttempt(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	r := newReceiver(t, 503)
	r.header.Set("Retry-After", "2")
	subscribe(t, db, r.URL, nil)
	startWorker(t, db, nil)
	put(t, db, "a", "Body.", "")
	first := r.next(t)
	second := r.next(t)
	if gap := second.at.Sub(first.at); gap < 2*time.Second {
		t.Fatalf("retry after Retry-After: 2 came after %v, want at least 2s", gap)
	}
}

func TestGoneDisablesTheSubscription(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	r := newReceiver(t, 410)
	sub := subscribe(t, db, r.URL, nil)
	startWorker(t, db, nil)
	put(t, db, "a", "Body.", "")
	r.next(t)
	waitFor(t, "subscription disabled", func() bool {
		s, err := db.Subscription(context.Background(), sub.ID)
		return err == nil && s.Disabled
	})
	put(t, db, "a", "Body, changed.", "")
	r.none(t, time.Second)
	if a := attemptsOf(t, db, sub.ID); len(a) != 1 || a[0].Outcome != webhook.OutcomeDisabled {
		t.Fatalf("attempt log: got %+v, want one attempt, disabled", a)
	}
}

func TestPrivateTargetIsRefusedWithoutTheFlag(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	r := newReceiver(t)
	sub := subscribe(t, db, r.URL, nil)
	startWorker(t, db, func(c *webhook.Config) { c.AllowPrivate = false })
	put(t, db, "a", "Body.", "")
	waitFor(t, "refused attempt logged", func() bool { return len(attemptsOf(t, db, sub.ID)) == 1 })
	if a := attemptsOf(t, db, sub.ID); a[0].Outcome != webhook.OutcomeRefused {
		t.Fatalf("attempt: got %+v, want refused", a[0])
	}
	r.none(t, 300*time.Millisecond)
}

func TestFiltersSendOnlyMatchingArticles(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	metro, sport := newReceiver(t), newReceiver(t)
	subscribe(t, db, metro.URL, func(s *service.Subscription) { s.Metadata = map[string]string{"desk": "metro"} })
	subscribe(t, db, sport.URL, func(s *service.Subscription) { s.ArticlePrefix = "sport-" })
	startWorker(t, db, nil)
	put(t, db, "city-1", "Body.", `{"desk":"metro"}`)
	put(t, db, "sport-1", "Body.", `{"desk":"sport"}`)
	put(t, db, "other-1", "Body.", `{"desk":"arts"}`)
	for _, tc := range []struct {
		r    *receiver
		want string
	}{{metro, "city-1"}, {sport, "sport-1"}} {
		var p webhook.Payload
		if err := json.Unmarshal(tc.r.next(t).body, &p); err != nil || p.Data.Event.ArticleID != tc.want {
			t.Fatalf("delivery: got %+v (%v), want article %s", p.Data.Event, err, tc.want)
		}
		tc.r.none(t, 300*time.Millisecond)
	}
}

// TestQueuedDeliverySurvivesARestart closes the store after a write whose
// delivery no worker has made (as when the process dies right after the
// commit), and checks that the reopened store delivers it once.
func TestQueuedDeliverySurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	db := openStore(t, path)
	r := newReceiver(t)
	sub := subscribe(t, db, r.URL, nil)
	put(t, db, "a", "Body.", "")
	if err := db.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	db = openStore(t, path)
	startWorker(t, db, nil)
	d := r.next(t)
	if got := d.header.Get(webhook.HeaderID); got != (service.DeliveryJob{Seq: 1, SubscriptionID: sub.ID}).WebhookID() {
		t.Fatalf("webhook-id: got %q", got)
	}
	r.none(t, time.Second)
	waitFor(t, "queue drained", func() bool {
		n, err := db.PendingDeliveries(context.Background())
		return err == nil && n == 0
	})
}

func TestStartRefusesARescueDelayShorterThanAnAttempt(t *testing.T) {
	for _, tc := range []struct {
		name    string
		timeout time.Duration
		rescue  time.Duration
		want    string
	}{
		{"default timeout", 10 * time.Second, 24 * time.Second, "25s"},
		{"short timeout", time.Second, 6 * time.Second, "7s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The check comes before the driver is used, so none is needed.
			_, err := webhook.Start[*sql.Tx](context.Background(), nil, webhook.Config{Timeout: tc.timeout, RescueAfter: tc.rescue})
			if service.ErrorCode(err) != service.EINVALID || !strings.Contains(service.ErrorMessage(err), "plus 5s ("+tc.want+")") {
				t.Fatalf("got %v, want an EINVALID error naming the least delay, %s", err, tc.want)
			}
		})
	}
}
