package main

import (
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/testdisk"
)

// TestReadyzRecoversAfterDiskFull fills the disk under a served SQLite
// store: /readyz must answer 503 while writes fail and 200 again by itself
// once space returns, without a write getting through first. Behind a
// load balancer that gates on /readyz no write would reach it.
func TestReadyzRecoversAfterDiskFull(t *testing.T) {
	dir := testdisk.Small(t)
	m := startMain(t, dir)
	defer m.Close()
	filler := testdisk.Fill(t, dir)
	big := strings.Repeat("Words that need room on the disk. ", 20000)
	got := 0
	for i := 0; i < 20; i++ {
		if got = put(t, m, "full", big+string(rune('a'+i))); got != http.StatusCreated {
			break
		}
	}
	if got != http.StatusInsufficientStorage {
		t.Fatalf("put on a full disk: got %d, want 507", got)
	}
	if got := readyz(t, m); got != http.StatusServiceUnavailable {
		t.Fatalf("readyz on a full disk: got %d, want 503", got)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	waitReady(t, m)
}

// waitReady polls /readyz until it answers 200, for at most 10 s.
func waitReady(t *testing.T, m *Main) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := readyz(t, m)
		if got == http.StatusOK {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz once the store recovered: got %d, want 200 without a write first", got)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
