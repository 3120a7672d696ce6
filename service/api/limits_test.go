package api_test

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/redline-news/redline/service/api"
)

func TestBodyOverLimitReachesGoClient(t *testing.T) {
	s := startServer(t, 64<<10)
	body := bytes.Repeat([]byte("x"), 4<<20)
	for _, expect := range []bool{false, true} {
		for i := 0; i < 20; i++ {
			req, _ := http.NewRequest("PUT", s.url+"/v1/articles/big", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if expect {
				req.Header.Set("Expect", "100-continue")
			}
			client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Second}}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("expect %v, try %d: got %v, want a 413", expect, i, err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("expect %v, try %d: got %d, want 413", expect, i, resp.StatusCode)
			}
		}
	}
}

// pythonClients sends a body over the limit with each of Python's clients,
// with and without Expect: 100-continue, and prints how many read the 413.
const pythonClients = `
import http.client, sys, urllib.request, urllib.error
url, port = sys.argv[1], int(sys.argv[2])
body = b'x' * (4 << 20)
def via_http_client(expect):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    h = {"Content-Type": "application/json"}
    if expect: h["Expect"] = "100-continue"
    c.request("PUT", "/v1/articles/big", body, h)
    return c.getresponse().status
def via_urllib(expect):
    try:
        urllib.request.urlopen(urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/json"}), timeout=10)
    except urllib.error.HTTPError as e:
        return e.code
def via_requests(expect):
    import requests
    return requests.put(url, data=body, headers={"Content-Type": "application/json"}, timeout=10).status_code
for name, f in (("http.client", via_http_client), ("urllib", via_urllib), ("requests", via_requests)):
    for expect in (False, True):
        if expect and name != "http.client":
            continue
        try:
            codes = [f(expect) for _ in range(5)]
        except ImportError:
            print(name, "missing"); continue
        except Exception as e:
            codes = [repr(e)]
        print(name, expect, codes)
`

func TestBodyOverLimitReachesPythonClients(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("python3 is missing; .ci/run installs it")
		}
		t.Skip("python3 is not installed")
	}
	s := startServer(t, 64<<10)
	port := s.url[strings.LastIndex(s.url, ":")+1:]
	out, err := exec.Command(python, "-c", pythonClients, s.url+"/v1/articles/big", port).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v: %s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasSuffix(line, "missing") && os.Getenv("CI") == "" {
			t.Logf("%s: skipped", line)
			continue
		}
		if !strings.HasSuffix(line, "[413, 413, 413, 413, 413]") {
			t.Errorf("got %s, want five 413s", line)
		}
	}
}

// flakyListener fails to accept as a process out of descriptors does, a
// few times, before accepting again.
type flakyListener struct {
	net.Listener
	failures atomic.Int32
}

func (l *flakyListener) Accept() (net.Conn, error) {
	if l.failures.Add(-1) >= 0 {
		return nil, &net.OpError{Op: "accept", Net: "tcp", Err: os.NewSyscallError("accept4", syscall.EMFILE)}
	}
	return l.Listener.Accept()
}

func TestAcceptErrorsDoNotStopTheListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	flaky := &flakyListener{Listener: ln}
	flaky.failures.Store(5)
	limited := api.LimitListener(flaky, api.ConnLimits{Max: 2}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	defer limited.Close()
	accepted := acceptAll(limited, 4)
	var clients []net.Conn
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
	}
	first, second := <-accepted, <-accepted
	// The third is over the cap: the listener closes it at once.
	clients[2].SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := clients[2].Read(make([]byte, 1)); !errors.Is(err, io.EOF) && !isReset(err) {
		t.Fatalf("connection over the cap: got %v, want it closed", err)
	}
	first.Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	select {
	case <-accepted:
	case <-time.After(5 * time.Second):
		t.Fatal("a freed slot was not reused")
	}
	second.Close()
	limited.Close()
	if _, ok := <-accepted; ok {
		t.Fatal("Accept went on after Close")
	}
}

func isReset(err error) bool { return errors.Is(err, syscall.ECONNRESET) }

// TestPerIPCapSparesTrustedProxies: behind a load balancer every client
// arrives from the proxy's address, so the per-address cap would refuse the
// proxy's connections, and with them every client's, once it holds that
// many; a proxy is held to the overall cap only.
func TestPerIPCapSparesTrustedProxies(t *testing.T) {
	for _, tc := range []struct {
		name     string
		proxies  []netip.Prefix
		admitted int
	}{
		{"any client", nil, 2},
		{"a trusted proxy", []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}, 3},
		{"a proxy elsewhere", []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			limited := api.LimitListener(ln, api.ConnLimits{Max: 3, PerIP: 2, Proxies: tc.proxies}, slog.New(slog.DiscardHandler))
			defer limited.Close()
			accepted := acceptAll(limited, 8)
			// One more than the overall cap: it holds for proxies too. Each
			// connection is either handed to the server or closed on accept,
			// and the test waits for whichever comes before the next.
			var admitted int
			for i := 0; i < 4; i++ {
				c, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close()
				closed := make(chan struct{})
				go func() {
					if _, err := c.Read(make([]byte, 1)); errors.Is(err, io.EOF) || isReset(err) {
						close(closed)
					}
				}()
				select {
				case <-accepted:
					admitted++
				case <-closed:
				case <-time.After(10 * time.Second):
					t.Fatalf("connection %d: neither accepted nor closed within 10s", i+1)
				}
			}
			if admitted != tc.admitted {
				t.Fatalf("connections kept open from 127.0.0.1: got %d, want %d", admitted, tc.admitted)
			}
		})
	}
}

// acceptAll hands every connection ln accepts to the channel it returns,
// buffered for n, and closes the channel when Accept fails.
func acceptAll(ln net.Listener, n int) <-chan net.Conn {
	accepted := make(chan net.Conn, n)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				close(accepted)
				return
			}
			accepted <- c
		}
	}()
	return accepted
}

// TestRefusedHeadIsReadBeforeTheClose sends a head far over the limit, and
// goes on sending it after the server has answered: the client must be able
// to finish writing and then read the 431. Closing a socket that still holds
// unread bytes resets the connection, which fails the client's write (an
// HTTP client then reports the reset, not the answer) and can destroy an
// answer not read yet, so the server drains what comes before it closes.
func TestRefusedHeadIsReadBeforeTheClose(t *testing.T) {
	s := startServer(t, 1<<20)
	for i := range 20 {
		c, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		c.SetDeadline(time.Now().Add(10 * time.Second))
		sent := make(chan error, 1)
		go func() {
			head := "GET /v1/articles/seed HTTP/1.1\r\nHost: x\r\nX-Padding: " + strings.Repeat("p", 16<<20) + "\r\n\r\n"
			_, err := io.WriteString(c, head)
			sent <- err
		}()
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			c.Close()
			t.Fatalf("try %d: read the answer: %v", i, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("try %d: got status %d, want 431", i, resp.StatusCode)
		}
		if err := <-sent; err != nil {
			t.Errorf("try %d: the rest of the head was refused: %v", i, err)
		}
		c.Close()
	}
}
