package webhook_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/redline-news/redline/service/webhook"
)

// heldReceiver answers 204 only once the test releases it, and tells the
// test when a request arrives and when the sender gave up on one.
type heldReceiver struct {
	*httptest.Server
	arrived, abandoned, release chan struct{}
}

func newHeldReceiver(t *testing.T) *heldReceiver {
	t.Helper()
	r := &heldReceiver{arrived: make(chan struct{}, 10), abandoned: make(chan struct{}, 10), release: make(chan struct{})}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		// The server notices a client that hung up only once the body is read.
		_, _ = io.Copy(io.Discard, req.Body)
		r.arrived <- struct{}{}
		select {
		case <-r.release:
			w.WriteHeader(http.StatusNoContent)
		case <-req.Context().Done():
			r.abandoned <- struct{}{}
		}
	}))
	t.Cleanup(r.Close)
	return r
}

func waitOn(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: not within 30s", what)
	}
}

// TestStopLetsAnAttemptInFlightFinish is a SIGTERM during a delivery: the
// context serve started the worker with ends, and Stop, given time, must
// let the attempt in flight get its answer and record it, rather than cut
// it off so that the receiver sees it twice and the attempt goes unrecorded.
func TestStopLetsAnAttemptInFlightFinish(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	r := newHeldReceiver(t)
	sub := subscribe(t, db, r.URL, nil)
	ctx, signal := context.WithCancel(context.Background())
	defer signal()
	w, err := webhook.Start(ctx, db.QueueDriver(), webhook.Config{Events: db, AllowPrivate: true, PollInterval: 20 * time.Millisecond,
		Timeout: time.Minute, RescueAfter: 3 * time.Minute, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("start worker: %v", err)
	}
	put(t, db, "story-1", "The river rose.", "")
	waitOn(t, r.arrived, "delivery")
	signal()
	stopped := make(chan error, 1)
	go func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		stopped <- w.Stop(stopCtx)
	}()
	close(r.release)
	if err := <-stopped; err != nil {
		t.Fatalf("stop: got %v, want nil", err)
	}
	select {
	case <-r.abandoned:
		t.Fatalf("the attempt in flight was cut off, want it answered")
	default:
	}
	attempts := attemptsOf(t, db, sub.ID)
	if len(attempts) != 1 || attempts[0].Outcome != webhook.OutcomeDelivered {
		t.Fatalf("attempts: got %+v, want one, delivered", attempts)
	}
}

// TestStopAbandonsAnAttemptWhenItsTimeRunsOut: once the shutdown timeout
// ends, Stop cuts off the attempts still in flight before it returns, so
// that none goes on against a store about to close.
func TestStopAbandonsAnAttemptWhenItsTimeRunsOut(t *testing.T) {
	db := openStore(t, filepath.Join(t.TempDir(), "r.db"))
	r := newHeldReceiver(t)
	defer close(r.release)
	sub := subscribe(t, db, r.URL, nil)
	w, err := webhook.Start(context.Background(), db.QueueDriver(), webhook.Config{Events: db, AllowPrivate: true, PollInterval: 20 * time.Millisecond,
		Timeout: time.Minute, RescueAfter: 3 * time.Minute, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("start worker: %v", err)
	}
	put(t, db, "story-1", "The river rose.", "")
	waitOn(t, r.arrived, "delivery")
	stopCtx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.Stop(stopCtx); err == nil {
		t.Fatalf("stop with no time left: got nil, want the context's error")
	}
	waitOn(t, r.abandoned, "the attempt in flight cut off")
	attempts := attemptsOf(t, db, sub.ID)
	if len(attempts) != 1 || attempts[0].Outcome != webhook.OutcomeFailed || attempts[0].NextAttemptAt == nil {
		t.Fatalf("attempts: got %+v, want one, failed, with its retry", attempts)
	}
}
