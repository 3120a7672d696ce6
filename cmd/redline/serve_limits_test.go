package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHelperServe is not a test: it is the service in a child process, for
// tests that change the process's limits. It runs only when asked to.
func TestHelperServe(t *testing.T) {
	args := os.Getenv("REDLINE_HELPER_SERVE")
	if args == "" {
		t.Skip("runs only as the child of a limits test")
	}
	if n, _ := strconv.Atoi(os.Getenv("REDLINE_HELPER_NOFILE")); n > 0 {
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}); err != nil {
			t.Fatalf("setrlimit: %v", err)
		}
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	stdio := Stdio{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	os.Exit(run(ctx, stdio, strings.Fields(args)))
}

type child struct {
	cmd  *exec.Cmd
	addr string
	done chan error
}

// startChild runs `redline serve` in a child process with the given
// descriptor limit (0: unchanged) and returns once it listens.
func startChild(t *testing.T, nofile int, args ...string) *child {
	t.Helper()
	store := "sqlite:" + filepath.Join(t.TempDir(), "redline.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperServe$")
	cmd.Env = append(os.Environ(), "REDLINE_HELPER_NOFILE="+strconv.Itoa(nofile),
		"REDLINE_HELPER_SERVE="+strings.Join(append([]string{"serve", "--listen", "127.0.0.1:0", "--store", store, "--log-format", "json", "--read-timeout", "30s", "--rate-read", "off", "--rate-write", "off"}, args...), " "))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, done: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "redline serving" {
				addr <- line.Addr
			}
		}
	}()
	go func() { c.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	})
	select {
	case c.addr = <-addr:
	case err := <-c.done:
		t.Fatalf("the service exited before listening: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("the service did not start")
	}
	return c
}

func (c *child) alive(t *testing.T) {
	t.Helper()
	select {
	case err := <-c.done:
		t.Fatalf("the service exited: %v", err)
	default:
	}
}

// livez asks /livez until it answers 200 or the deadline passes.
func (c *child) livez(t *testing.T, within time.Duration) {
	t.Helper()
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(within)
	for {
		resp, err := client.Get("http://" + c.addr + "/livez")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/livez did not answer within %v: %v", within, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestIdleConnectionFloodDoesNotStopTheService(t *testing.T) {
	const nofile = 256
	c := startChild(t, nofile, "--max-conns-per-ip", "0")
	var conns []net.Conn
	defer func() {
		for _, conn := range conns {
			conn.Close()
		}
	}()
	for i := 0; i < 3*nofile; i++ {
		conn, err := net.DialTimeout("tcp", c.addr, 2*time.Second)
		if err != nil {
			continue // the backlog is full: that is what a flood does
		}
		conns = append(conns, conn)
	}
	time.Sleep(500 * time.Millisecond)
	c.alive(t)
	for _, conn := range conns {
		conn.Close()
	}
	conns = nil
	c.livez(t, 15*time.Second)
	c.alive(t)
}

func rssKiB(t *testing.T, pid int) int {
	t.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("cannot read the child's memory use: %v", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	t.Fatal("no VmRSS in /proc status")
	return 0
}

func TestSlowBodiesDoNotReserveMemory(t *testing.T) {
	const conns = 1000
	c := startChild(t, 0, "--max-conns-per-ip", "0")
	c.livez(t, 5*time.Second)
	before := rssKiB(t, c.cmd.Process.Pid)
	head := "PUT /v1/articles/slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n"
	var open []net.Conn
	defer func() {
		for _, conn := range open {
			conn.Close()
		}
	}()
	for i := 0; i < conns; i++ {
		conn, err := net.DialTimeout("tcp", c.addr, 2*time.Second)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		open = append(open, conn)
		io.WriteString(conn, head+`{"title":"T","body":"`+strings.Repeat("x", 100-22))
	}
	time.Sleep(2 * time.Second)
	after := rssKiB(t, c.cmd.Process.Pid)
	t.Logf("RSS: %d MiB before, %d MiB with %d slow 2 MB bodies", before>>10, after>>10, conns)
	if grown := (after - before) >> 10; grown >= 200 {
		t.Fatalf("RSS grew by %d MiB, want less than 200 MiB", grown)
	}
	c.alive(t)
}
