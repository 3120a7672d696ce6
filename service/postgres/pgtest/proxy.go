package pgtest

import (
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Proxy forwards loopback TCP connections to the test PostgreSQL until it
// is cut, so that tests can make the database unreachable to a store
// without stopping PostgreSQL for everyone.
type Proxy struct {
	// DSN is the given DSN, pointed at the proxy.
	DSN string
	// Addr is the host and port the proxy listens on.
	Addr string

	first  func(packet []byte) bool
	target string
	ln     net.Listener
	wg     sync.WaitGroup // the accept loop and each connection's relay
	mu     sync.Mutex
	cut    bool
	conns  []net.Conn
}

// ProxyOption changes how a Proxy forwards connections.
type ProxyOption func(*Proxy)

// FirstPacket has the proxy read each client's first packet (a
// StartupMessage, or an SSLRequest, GSSENCRequest or CancelRequest) whole
// before it connects to the server, and hand it to keep: a packet that
// keep accepts goes on to the server in one write, and the rest of the
// connection is copied as it comes; one that keep refuses is never passed
// on, and the client's connection is closed. A client whose first packet
// does not arrive whole, or claims fewer than 8 or more than 64 KiB, is
// closed too. PgBouncer needs the one write: it drops a client whose
// startup packet comes in pieces ("client sent partial pkt in startup
// phase").
func FirstPacket(keep func(packet []byte) bool) ProxyOption {
	return func(p *Proxy) { p.first = keep }
}

// NewProxy starts a proxy in front of the server dsn names; it is cut when
// the test ends.
func NewProxy(t testing.TB, dsn string, opts ...ProxyOption) *Proxy {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	p := &Proxy{ln: ln, Addr: ln.Addr().String(), target: net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port))}
	for _, opt := range opts {
		opt(p)
	}
	p.DSN = WithParam(t, WithParam(t, WithParam(t, dsn, "host", host), "port", port), "connect_timeout", "2")
	p.wg.Add(1)
	go p.serve(ln)
	t.Cleanup(p.Cut)
	return p
}

func (p *Proxy) serve(ln net.Listener) {
	defer p.wg.Done()
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		if !p.track(c) {
			c.Close()
			return
		}
		p.wg.Add(1)
		go p.relay(c, p.target)
	}
}

// Restore forwards connections again, on the same address, after a Cut:
// the database comes back to a store that kept its DSN.
func (p *Proxy) Restore(t testing.TB) {
	t.Helper()
	ln, err := net.Listen("tcp", p.Addr)
	if err != nil {
		t.Fatalf("proxy restore on %s: %v", p.Addr, err)
	}
	p.mu.Lock()
	p.ln, p.cut = ln, false
	p.mu.Unlock()
	p.wg.Add(1)
	go p.serve(ln)
}

// track records c so that Cut closes it, and reports false, recording
// nothing, once the proxy is cut.
func (p *Proxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cut {
		return false
	}
	p.conns = append(p.conns, c)
	return true
}

// relay passes the client connection c on to target until either side
// closes, or the proxy is cut.
func (p *Proxy) relay(c net.Conn, target string) {
	defer p.wg.Done()
	defer c.Close()
	var first []byte
	if p.first != nil {
		var ok bool
		if first, ok = readFirstPacket(c); !ok || !p.first(first) {
			return
		}
	}
	up, err := net.Dial("tcp", target)
	if err != nil {
		return // the client sees its connection closed
	}
	defer up.Close()
	if !p.track(up) {
		return
	}
	if len(first) > 0 {
		if _, err := up.Write(first); err != nil {
			return
		}
	}
	done := make(chan struct{}, 2)
	go func() { io.Copy(up, c); done <- struct{}{} }()
	go func() { io.Copy(c, up); done <- struct{}{} }()
	<-done
	c.Close()
	up.Close()
	<-done
}

// readFirstPacket reads the packet a client opens with: a length of four
// bytes that counts itself, then the rest, of which the first four bytes
// are a protocol version or a request code.
func readFirstPacket(c net.Conn) ([]byte, bool) {
	var head [8]byte
	if _, err := io.ReadFull(c, head[:]); err != nil {
		return nil, false
	}
	n := binary.BigEndian.Uint32(head[:4])
	if n < 8 || n > 1<<16 {
		return nil, false
	}
	packet := make([]byte, n)
	copy(packet, head[:])
	if _, err := io.ReadFull(c, packet[8:]); err != nil {
		return nil, false
	}
	return packet, true
}

// Cut stops accepting connections, drops every open one, and returns once
// the proxy has stopped forwarding.
func (p *Proxy) Cut() {
	p.mu.Lock()
	p.ln.Close()
	p.cut = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
	p.mu.Unlock()
	p.wg.Wait()
}
