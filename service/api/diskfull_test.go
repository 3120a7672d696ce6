package api_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// smallDisk mounts an 8 MiB tmpfs for the test, or skips saying why not.
func smallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=8m"); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root and mount rights): %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// fill writes a file until the disk is full and returns its path.
func fill(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("fill: %v", err)
			}
			return path
		}
	}
}

func TestDiskFull(t *testing.T) {
	dir := smallDisk(t)
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
	filler := fill(t, dir)
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
