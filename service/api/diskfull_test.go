package api_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/testdisk"
	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

func TestDiskFull(t *testing.T) {
	dir := testdisk.Small(t)
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "redline.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer store.Close()
	srv := api.NewServer(api.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	s := &testServer{url: "http://" + ln.Addr().String(), store: store}

	wantStatus(t, s.do(t, "PUT", "/v1/articles/kept", article("Kept", "This was stored before the disk filled.")), http.StatusCreated)
	filler := testdisk.Fill(t, dir)
	big := strings.Repeat("Words that need room on the disk. ", 20000)
	var r response
	for i := 0; i < 20; i++ {
		if r = s.do(t, "PUT", "/v1/articles/full", article("Full", big+string(rune('a'+i)))); r.status != http.StatusCreated {
			break
		}
	}
	wantProblem(t, r, http.StatusInsufficientStorage)
	if d := r.body["detail"].(string); d != "the store is out of space" {
		t.Fatalf("507 detail: got %q, want \"the store is out of space\"", d)
	}
	ready := s.do(t, "GET", "/readyz", "")
	wantProblem(t, ready, http.StatusServiceUnavailable)
	if d := ready.body["detail"].(string); !strings.Contains(d, "out of space") {
		t.Fatalf("readyz detail: got %q, want it to say the store is out of space", d)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.do(t, "GET", "/readyz", "").status != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatal("/readyz did not recover once space returned")
		}
		time.Sleep(50 * time.Millisecond)
	}
	wantStatus(t, s.do(t, "PUT", "/v1/articles/after", article("After", "Space came back.")), http.StatusCreated)
	if got := s.do(t, "GET", "/v1/articles/kept", ""); got.body["body"] != "This was stored before the disk filled." {
		t.Fatalf("an article stored before the disk filled: got %s", got.raw)
	}
}
