package api_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/postgres"
	"github.com/redline-news/redline/service/postgres/pgtest"
)

// startReplica serves the API from a PostgreSQL store on dsn, as one
// replica of several.
func startReplica(t *testing.T, dsn string) *testServer {
	t.Helper()
	store, err := postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 4})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	srv := api.NewServer(api.Config{Store: store, Events: store, Version: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Feed: api.FeedOptions{Heartbeat: time.Second}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		store.Close()
	})
	return &testServer{url: "http://" + ln.Addr().String()}
}

func TestStreamOnOneReplicaHearsWritesThroughAnother(t *testing.T) {
	dsn := pgtest.Schema(t)
	a, b := startReplica(t, dsn), startReplica(t, dsn)
	stream := openStream(t, b, "")
	stream.next(t, "retry:")
	start := time.Now()
	wantStatus(t, a.do(t, "PUT", "/v1/articles/x", article("X", "Body.")), http.StatusCreated)
	if got := stream.next(t, "id:"); got != "id: 1" {
		t.Fatalf("replica b's stream: got %q, want id: 1", got)
	}
	t.Logf("an event written through replica a reached replica b's stream after %v", time.Since(start))
	poll := getChanges(t, b, "?since=0&wait=5s")
	if len(poll.Events) != 1 || poll.Events[0].ArticleID != "x" {
		t.Fatalf("replica b's long poll: got %+v, want replica a's event", poll)
	}
}
