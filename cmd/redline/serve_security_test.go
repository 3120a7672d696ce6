package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redline-news/redline/service/api"
)

func putWith(t *testing.T, m *Main, token string) int {
	t.Helper()
	req, _ := http.NewRequest("PUT", "http://"+m.Addr()+"/v1/articles/t", strings.NewReader(`{"title":"T","body":"B."}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("put: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeTokensReloadOnHangup(t *testing.T) {
	dir := t.TempDir()
	tokensFile := filepath.Join(dir, "tokens")
	if err := os.WriteFile(tokensFile, []byte("write first-token-0123456789\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := NewMain()
	m.Config.Listen, m.Config.Store = "127.0.0.1:0", "sqlite:"+filepath.Join(dir, "redline.db")
	m.Config.Security.TokensFile = tokensFile
	m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	defer m.Close()
	if got := putWith(t, m, "second-token-0123456789"); got != http.StatusUnauthorized {
		t.Fatalf("unknown token: got %d, want 401", got)
	}
	if got := putWith(t, m, "first-token-0123456789"); got != http.StatusCreated {
		t.Fatalf("write token: got %d, want 201", got)
	}
	if err := os.WriteFile(tokensFile, []byte("write second-token-0123456789\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	for i := 0; putWith(t, m, "second-token-0123456789") == http.StatusUnauthorized; i++ {
		if i > 100 {
			t.Fatal("the new token is still refused after SIGHUP")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := putWith(t, m, "first-token-0123456789"); got != http.StatusUnauthorized {
		t.Fatalf("removed token after reload: got %d, want 401", got)
	}
}

// TestServeRateLimitsOnByDefault checks that serve limits each client's
// reads and writes unless told otherwise, and that off turns them off.
func TestServeRateLimitsOnByDefault(t *testing.T) {
	m := NewMain()
	if err := m.parseFlags(nil, io.Discard, func(string) string { return "" }); err != nil {
		t.Fatalf("parse: %v", err)
	}
	sec := m.Config.Security
	if sec.ReadRate != (api.Rate{PerSecond: 100, Burst: 200}) || sec.WriteRate != (api.Rate{PerSecond: 20, Burst: 40}) || sec.rateLimits() == nil {
		t.Fatalf("default rates: got read %+v write %+v, want 100/s:200 and 20/s:40", sec.ReadRate, sec.WriteRate)
	}
	m = NewMain()
	if err := m.parseFlags([]string{"--rate-read", "off", "--rate-write", "off"}, io.Discard, func(string) string { return "" }); err != nil {
		t.Fatalf("parse: %v", err)
	}
	if m.Config.Security.rateLimits() != nil {
		t.Fatalf("rates off: got %+v, want no limits", m.Config.Security.rateLimits())
	}
}

func TestServeSecurityFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"good", []string{"--rate-read", "50/s:100", "--rate-write", "off", "--trusted-proxies", "10.0.0.0/8,192.168.1.1", "--cors-origins", "https://desk.example"}, ""},
		{"bad rate", []string{"--rate-read", "fast"}, "RATE/s:BURST"},
		{"bad proxy", []string{"--trusted-proxies", "nowhere"}, "neither an address nor a CIDR"},
		{"wildcard origin", []string{"--cors-origins", "*"}, "no wildcard"},
		// Browsers send Origin as scheme://host[:port], and the API compares
		// it byte for byte: these would never match, and CORS stay off.
		{"origin with a trailing slash", []string{"--cors-origins", "https://desk.example/"}, "no trailing slash"},
		{"origin with a path", []string{"--cors-origins", "https://desk.example/app"}, "no path"},
		{"origin in capitals", []string{"--cors-origins", "https://Desk.example"}, "lower case"},
		{"origin of another scheme", []string{"--cors-origins", "ftp://desk.example"}, "scheme://host"},
		// Tokens in the file need 16 characters; the metrics token too.
		{"short metrics token", []string{"--metrics-token", "short"}, "at least 16 characters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMain()
			err := m.parseFlags(tc.args, io.Discard, func(string) string { return "" })
			if tc.wantErr == "" {
				if err != nil || m.Config.Security.ReadRate.Burst != 100 || len(m.Config.Security.TrustedProxies) != 2 {
					t.Fatalf("got %v %+v, want the flags parsed", err, m.Config.Security)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("got %v, want an error containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestLogMemoryLimitOnlyForARealLimit(t *testing.T) {
	for _, tc := range []struct {
		name   string
		limit  int64
		logged bool
	}{
		{"container limit", 900 << 20, true},
		{"no limit", math.MaxInt64, false},
		{"unset", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			logMemoryLimit(slog.New(slog.NewTextHandler(&buf, nil)), tc.limit)
			if got := strings.Contains(buf.String(), "memory limit set"); got != tc.logged {
				t.Fatalf("limit %d: got log %q, want a line: %v", tc.limit, buf.String(), tc.logged)
			}
		})
	}
}

// TestServePublicReadFromTheEnvironment: REDLINE_PUBLIC_READ takes what
// --public-read takes, and anything else stops serve rather than leave
// reads closed, or open, against what the operator meant.
func TestServePublicReadFromTheEnvironment(t *testing.T) {
	for _, tc := range []struct {
		env     string
		want    bool
		wantErr bool
	}{
		{"", false, false},
		{"true", true, false},
		{"1", true, false},
		{"TRUE", true, false},
		{"false", false, false},
		{"0", false, false},
		{"yes", false, true},
		{"maybe", false, true},
	} {
		t.Run(tc.env, func(t *testing.T) {
			m := NewMain()
			err := m.parseFlags(nil, io.Discard, func(k string) string {
				if k == "REDLINE_PUBLIC_READ" {
					return tc.env
				}
				return ""
			})
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), "REDLINE_PUBLIC_READ") {
					t.Fatalf("REDLINE_PUBLIC_READ=%s: got %v, want an error naming the variable", tc.env, err)
				}
				return
			}
			if err != nil || m.Config.Security.PublicRead != tc.want {
				t.Fatalf("REDLINE_PUBLIC_READ=%s: got %v (%v), want %v", tc.env, m.Config.Security.PublicRead, err, tc.want)
			}
		})
	}
}

// TestConnLimitsSpareTheTrustedProxies: the per-address connection cap
// leaves out the proxies --trusted-proxies names, whose connections carry
// every client's requests.
func TestConnLimitsSpareTheTrustedProxies(t *testing.T) {
	m := NewMain()
	if err := m.parseFlags([]string{"--trusted-proxies", "172.28.0.0/24"}, io.Discard, func(string) string { return "" }); err != nil {
		t.Fatalf("parse: %v", err)
	}
	limits := connLimits(m.Config.Security, slog.New(slog.DiscardHandler))
	if limits.PerIP != 256 || len(limits.Proxies) != 1 || limits.Proxies[0].String() != "172.28.0.0/24" {
		t.Fatalf("connection limits: got %+v, want 256 per address with 172.28.0.0/24 spared", limits)
	}
}
