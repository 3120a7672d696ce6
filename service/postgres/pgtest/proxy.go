package pgtest

import (
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

	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

// NewProxy starts a proxy in front of the server dsn names; it is cut when
// the test ends.
func NewProxy(t testing.TB, dsn string) *Proxy {
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
	p := &Proxy{ln: ln}
	p.DSN = WithParam(t, WithParam(t, WithParam(t, dsn, "host", host), "port", port), "connect_timeout", "2")
	go p.serve(net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port)))
	t.Cleanup(p.Cut)
	return p
}

func (p *Proxy) serve(target string) {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial("tcp", target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go func() { io.Copy(up, c); up.Close() }()
		go func() { io.Copy(c, up); c.Close() }()
	}
}

// Cut stops accepting connections and drops every open one.
func (p *Proxy) Cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}
