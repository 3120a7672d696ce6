package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/service/sqlite"
	"github.com/redline-news/redline/service/webhook"
)

// TestShutdownLetsAWebhookDeliveryInFlightFinish is a SIGTERM while a
// receiver is still answering a delivery: serve's context ends, Close
// runs, and the delivery must get its answer and be recorded once, not be
// cut off and sent again by the next start.
func TestShutdownLetsAWebhookDeliveryInFlightFinish(t *testing.T) {
	arrived, release := make(chan struct{}, 10), make(chan struct{})
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		arrived <- struct{}{}
		select {
		case <-release:
			w.WriteHeader(http.StatusNoContent)
		case <-r.Context().Done():
		}
	}))
	defer recv.Close()
	dir := t.TempDir()
	m := NewMain()
	m.Config.Listen = "127.0.0.1:0"
	m.Config.Store = "sqlite:" + filepath.Join(dir, "redline.db")
	m.Config.Feed.AllowPrivate = true
	m.Config.Feed.PollInterval = 20 * time.Millisecond
	m.Logger = slog.New(slog.DiscardHandler)
	ctx, signal := context.WithCancel(context.Background())
	defer signal()
	if err := m.Run(ctx); err != nil {
		t.Fatalf("run: %v", err)
	}
	resp, err := http.Post("http://"+m.Addr()+"/v1/webhooks", "application/json", strings.NewReader(`{"url":"`+recv.URL+`/hook"}`))
	if err != nil {
		t.Fatalf("subscribe: %v", err)
	}
	var sub struct{ ID string }
	err = json.NewDecoder(resp.Body).Decode(&sub)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("subscribe: got %d (%v), want 201", resp.StatusCode, err)
	}
	if code := put(t, m, "story", "The river rose."); code != http.StatusCreated {
		t.Fatalf("put: got %d, want 201", code)
	}
	select {
	case <-arrived:
	case <-time.After(30 * time.Second):
		t.Fatalf("no delivery within 30s")
	}
	signal()
	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	close(release)
	if err := <-closed; err != nil {
		t.Fatalf("close: %v", err)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "redline.db"))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	attempts, err := db.Attempts(context.Background(), sub.ID, 10)
	if err != nil {
		t.Fatalf("attempts: %v", err)
	}
	if len(attempts) != 1 || attempts[0].Outcome != webhook.OutcomeDelivered {
		t.Fatalf("attempts after shutdown: got %+v, want one, delivered", attempts)
	}
	if n, err := db.PendingDeliveries(context.Background()); err != nil || n != 0 {
		t.Fatalf("deliveries left queued: got %d (%v), want 0", n, err)
	}
}
