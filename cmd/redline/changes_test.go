package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
)

// syncBuffer is a bytes.Buffer that a command writes while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 30s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestChangesCommandPrintsAndFollows(t *testing.T) {
	m := startMain(t, t.TempDir())
	defer m.Close()
	put(t, m, "a", "First.")
	var out bytes.Buffer
	err := runChanges(context.Background(), Stdio{Stdout: &out, Stderr: io.Discard}, []string{"--server", "http://" + m.Addr()})
	if err != nil || !regexp.MustCompile(`^1\t\S+\trevision\s*\ta@1\t\+1 -0\tT\n$`).MatchString(out.String()) {
		t.Fatalf("changes: got %q (%v), want one line for a@1", out.String(), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var follow syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- runChanges(ctx, Stdio{Stdout: &follow, Stderr: io.Discard}, []string{"--follow", "--since", "1", "--server", "http://" + m.Addr()})
	}()
	put(t, m, "a", "Second.")
	put(t, m, "b", "Third.")
	waitUntil(t, "two followed events", func() bool { return strings.Count(follow.String(), "\n") == 2 })
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("follow: got %v, want nil after Ctrl-C", err)
	}
	if lines := strings.Split(follow.String(), "\n"); !strings.Contains(lines[0], "a@2") || !strings.Contains(lines[1], "b@1") {
		t.Fatalf("follow: got %q, want a@2 then b@1", follow.String())
	}
}

// TestChangesCommandSendsToken checks that redline changes reads the feed
// of a service with tokens and no public reads, listing and following,
// with --token or REDLINE_TOKEN, and says why without one.
func TestChangesCommandSendsToken(t *testing.T) {
	const token = "read-token-0123456789"
	dir := t.TempDir()
	tokensFile := filepath.Join(dir, "tokens")
	if err := os.WriteFile(tokensFile, []byte("write "+token+"\n"), 0o600); err != nil {
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
	if got := putWith(t, m, token); got != http.StatusCreated {
		t.Fatalf("put: got %d, want 201", got)
	}
	server := "http://" + m.Addr()
	cases := []struct {
		name, env string
		args      []string
		wantErr   string
	}{
		{"no token", "", []string{"--server", server}, "401"},
		{"no token, follow", "", []string{"--server", server, "--follow"}, "401"},
		{"flag", "", []string{"--server", server, "--token", token}, ""},
		{"environment", token, []string{"--server", server}, ""},
		{"flag, follow", "", []string{"--server", server, "--token", token, "--follow"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("REDLINE_TOKEN", tc.env)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var out syncBuffer
			done := make(chan error, 1)
			go func() { done <- runChanges(ctx, Stdio{Stdout: &out, Stderr: io.Discard}, tc.args) }()
			if tc.wantErr != "" {
				if err := <-done; err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got error %v, want one naming %s", err, tc.wantErr)
				}
				return
			}
			waitUntil(t, "the event line", func() bool { return strings.Contains(out.String(), "t@1") })
			// Without --follow the command ends once it has listed
			// everything; cancelling it then could cut its last page
			// short. Only a follow is stopped.
			if slices.Contains(tc.args, "--follow") {
				cancel()
			}
			if err := <-done; err != nil {
				t.Fatalf("got error %v, want nil", err)
			}
		})
	}
}

func TestChangesCommandRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--server", "ftp://x"}, {"--since", "-1"}, {"extra"}} {
		err := runChanges(context.Background(), Stdio{Stdout: io.Discard, Stderr: io.Discard}, args)
		if _, ok := err.(usageError); !ok {
			t.Errorf("changes %q: got %v, want a usage error", args, err)
		}
	}
	for _, args := range [][]string{{"--webhook-retry-schedule", "5s,soon"}, {"--webhook-concurrency", "0"}, {"--public-url", "example.com"}, {"--feed-heartbeat", "0s"},
		{"--webhook-rescue-after", "24s"}, {"--webhook-timeout", "1m", "--webhook-rescue-after", "1m"},
		{"--store", "mysql://u:secret@db/news"}, {"--store", "sqlite:"}, {"--store", "redline.db"}} {
		m := NewMain()
		if _, ok := m.parseFlags(args, io.Discard, func(string) string { return "" }).(usageError); !ok {
			t.Errorf("serve %q: want a usage error", args)
		}
	}
}

// TestServeProcess is not a test: run with REDLINE_SERVE_ARGS set, it is
// the service, so that a test can kill it with SIGKILL.
func TestServeProcess(t *testing.T) {
	args := os.Getenv("REDLINE_SERVE_ARGS")
	if args == "" {
		t.Skip("runs only as the subprocess of TestKilledBeforeDeliveryDeliversAfterRestart")
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	if err := runServe(ctx, Stdio{Stdout: os.Stdout, Stderr: os.Stderr}, strings.Fields(args)); err != nil {
		t.Fatal(err)
	}
}

// serveProcess starts the service in a subprocess and returns it with its
// address.
func serveProcess(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeProcess$")
	cmd.Env = append(os.Environ(), "REDLINE_SERVE_ARGS="+strings.Join(append([]string{"--listen", "127.0.0.1:0"}, args...), " "))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start: %v", err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := regexp.MustCompile(`addr=(127\.0\.0\.1:\d+)`).FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		return cmd, a
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the service did not start within 60s")
		return nil, ""
	}
}

func request(t *testing.T, method, url, body string) map[string]any {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: got %d %v", method, url, resp.StatusCode, out)
	}
	return out
}

// TestKilledBeforeDeliveryDeliversAfterRestart kills the service with
// SIGKILL after it acknowledged a write and before its worker took the
// delivery (its poll interval is an hour), then restarts it: the delivery
// is made once, with the webhook-id it was queued with.
func TestKilledBeforeDeliveryDeliversAfterRestart(t *testing.T) {
	type hit struct {
		header http.Header
		body   []byte
	}
	hits := make(chan hit, 10)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		hits <- hit{r.Header.Clone(), b}
	}))
	defer recv.Close()
	// The worker looks for jobs shortly after a write of its own process
	// (River's fetch after a local insert), so on a loaded machine the kill
	// may come after the delivery: such a try proves nothing and is made
	// again on a fresh store, up to 5 times.
	var store string
	var sub map[string]any
	var cmd *exec.Cmd
	for try := 1; ; try++ {
		store = "sqlite:" + filepath.Join(t.TempDir(), "redline.db")
		var addr string
		cmd, addr = serveProcess(t, "--store", store, "--webhook-allow-private", "--webhook-poll-interval", "1h")
		sub = request(t, "POST", "http://"+addr+"/v1/webhooks", `{"url":"`+recv.URL+`"}`)
		request(t, "PUT", "http://"+addr+"/v1/articles/a", `{"title":"T","body":"Body."}`)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("kill: %v", err)
		}
		cmd.Wait()
		select {
		case h := <-hits:
			if try == 5 {
				t.Fatalf("delivered before the kill in 5 tries (%s); the test needs the worker idle", h.body)
			}
			continue
		default:
		}
		break
	}
	// Had the worker taken the job just before the kill, River rescues it
	// after --webhook-rescue-after; either way it is delivered once.
	cmd, _ = serveProcess(t, "--store", store, "--webhook-allow-private", "--webhook-poll-interval", "50ms",
		"--webhook-timeout", "1s", "--webhook-rescue-after", "10s")
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	var h hit
	select {
	case h = <-hits:
	case <-time.After(120 * time.Second):
		t.Fatalf("not delivered within 120s of the restart")
	}
	wh, _ := standardwebhooks.NewWebhook(sub["secret"].(string))
	if err := wh.Verify(h.body, h.header); err != nil {
		t.Fatalf("signature: %v", err)
	}
	if got, want := h.header.Get("webhook-id"), "msg_1_"+sub["id"].(string); got != want {
		t.Fatalf("webhook-id: got %q, want %q", got, want)
	}
	select {
	case again := <-hits:
		t.Fatalf("delivered twice: %s", again.body)
	case <-time.After(2 * time.Second):
	}
}

// TestServeRefusesUnknownStore checks that a --store naming no store exits
// 2, as a bad flag does, with a message that does not echo the value, which
// may hold a password.
func TestServeRefusesUnknownStore(t *testing.T) {
	for _, store := range []string{"mysql://u:secret@db/news", "sqlite:", "redline.db"} {
		t.Run(store, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(context.Background(), Stdio{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr},
				[]string{"serve", "--listen", "127.0.0.1:0", "--store", store})
			if code != 2 || !strings.Contains(stderr.String(), "--store") || strings.Contains(stderr.String(), "secret") {
				t.Fatalf("got exit %d and %q, want 2 and a message about --store without the value", code, stderr.String())
			}
		})
	}
}
