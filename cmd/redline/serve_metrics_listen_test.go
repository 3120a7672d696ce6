package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// startMetricsMain runs the service with /metrics on its own address.
func startMetricsMain(t *testing.T, idle time.Duration) *Main {
	t.Helper()
	m := NewMain()
	m.Config.Listen, m.Config.MetricsListen = "127.0.0.1:0", "127.0.0.1:0"
	m.Config.Store = "sqlite:" + filepath.Join(t.TempDir(), "redline.db")
	m.Config.IdleTimeout = idle
	m.Logger = slog.New(slog.DiscardHandler)
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

// closedByServer reads c until the server closes it, or fails the test
// after wait.
func closedByServer(t *testing.T, c net.Conn, wait time.Duration, what string) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(wait))
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("%s: still open after %v, want it closed by the server", what, wait)
	}
	if err != nil && !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("%s: got %v, want it closed", what, err)
	}
}

// TestMetricsListenerClosesIdleConnections: a scraper's keep-alive
// connection left idle is closed after --idle-timeout on the metrics
// address too, so that idle connections there cannot pile up.
func TestMetricsListenerClosesIdleConnections(t *testing.T) {
	m := startMetricsMain(t, 200*time.Millisecond)
	c, err := net.Dial("tcp", m.MetricsAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
	closedByServer(t, c, 20*time.Second, "an idle connection after a scrape")
}

// TestMetricsListenerCapsConnections: connections to the metrics address
// beyond its cap are closed as soon as they are accepted, and scrapes
// still work once others close.
func TestMetricsListenerCapsConnections(t *testing.T) {
	m := startMetricsMain(t, time.Minute)
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for i := 0; i < metricsMaxConns; i++ {
		c, err := net.Dial("tcp", m.MetricsAddr())
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	extra, err := net.Dial("tcp", m.MetricsAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	// Within less than the 10s after which net/http drops a connection that
	// sends no head: the cap closes it on accept.
	closedByServer(t, extra, 8*time.Second, fmt.Sprintf("connection %d", metricsMaxConns+1))
	for _, c := range held {
		c.Close()
	}
	held = nil
	var code int
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + m.MetricsAddr() + "/metrics"); err == nil {
			code = resp.StatusCode
			resp.Body.Close()
			break
		}
	}
	if code != http.StatusOK {
		t.Fatalf("scrape after the flood closed: got %d, want 200", code)
	}
}
