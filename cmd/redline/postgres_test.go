package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/redline-news/redline/service/postgres/pgtest"
)

func TestServeOnPostgres(t *testing.T) {
	m := NewMain()
	m.Config.Listen = "127.0.0.1:0"
	m.Config.Store = pgtest.Schema(t)
	m.Config.StorePoolSize = 3
	m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	defer m.Close()
	if got := put(t, m, "pg", "Stored in PostgreSQL."); got != http.StatusCreated {
		t.Fatalf("put: got %d, want 201", got)
	}
	if got := put(t, m, "pg", "Stored in PostgreSQL."); got != http.StatusOK {
		t.Fatalf("identical put: got %d, want 200", got)
	}
	resp, err := http.Get("http://" + m.Addr() + "/readyz")
	if err != nil {
		t.Fatalf("readyz: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz: got %d, want 200", resp.StatusCode)
	}
}

func TestStorePoolSizeFlag(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    int
		wantErr bool
	}{
		{"default", nil, nil, 0, false},
		{"flag", []string{"--store-pool-size", "12"}, nil, 12, false},
		{"environment", nil, map[string]string{"REDLINE_STORE_POOL_SIZE": "7"}, 7, false},
		{"flag beats environment", []string{"--store-pool-size", "3"}, map[string]string{"REDLINE_STORE_POOL_SIZE": "7"}, 3, false},
		{"negative", []string{"--store-pool-size", "-1"}, nil, 0, true},
		{"too many", []string{"--store-pool-size", "5000"}, nil, 0, true},
		{"not a number", nil, map[string]string{"REDLINE_STORE_POOL_SIZE": "lots"}, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMain()
			err := m.parseFlags(tc.args, io.Discard, func(k string) string { return tc.env[k] })
			if (err != nil) != tc.wantErr {
				t.Fatalf("error: got %v, want error %v", err, tc.wantErr)
			}
			if err == nil && m.Config.StorePoolSize != tc.want {
				t.Fatalf("pool size: got %d, want %d", m.Config.StorePoolSize, tc.want)
			}
		})
	}
}

func TestRedactDSN(t *testing.T) {
	if got := redactDSN("postgres://app:secret@db:5432/redline"); got != "postgres://app:xxxxx@db:5432/redline" {
		t.Fatalf("got %q, want the password hidden", got)
	}
}

// TestReadyzFollowsPostgreSQL cuts the service off its database: /readyz,
// which pings it, must answer 503 and a PUT must fail with 503, not hang
// or claim success. Once the database is back /readyz must answer 200 by
// itself, before any write succeeds: a load balancer that gates on it
// sends none until then.
func TestReadyzFollowsPostgreSQL(t *testing.T) {
	proxy := pgtest.NewProxy(t, pgtest.Schema(t))
	m := NewMain()
	m.Config.Listen = "127.0.0.1:0"
	m.Config.Store = proxy.DSN
	m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	defer m.Close()
	if got := readyz(t, m); got != http.StatusOK {
		t.Fatalf("readyz with the database up: got %d, want 200", got)
	}
	proxy.Cut()
	if got := readyz(t, m); got != http.StatusServiceUnavailable {
		t.Fatalf("readyz with the database gone: got %d, want 503", got)
	}
	if got := put(t, m, "cut-off", "Written while the database is gone."); got != http.StatusServiceUnavailable {
		t.Fatalf("put with the database gone: got %d, want 503", got)
	}
	proxy.Restore(t)
	waitReady(t, m)
	if got := put(t, m, "back", "Written once the database is back."); got != http.StatusCreated {
		t.Fatalf("put with the database back: got %d, want 201", got)
	}
}

func readyz(t *testing.T, m *Main) int {
	t.Helper()
	resp, err := http.Get("http://" + m.Addr() + "/readyz")
	if err != nil {
		t.Fatalf("readyz: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
