package pgtest

import (
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"testing"
	"time"
)

// server is a TCP listener that stands in for PostgreSQL: each connection
// the proxy makes to it arrives on accepted.
type server struct {
	dsn      string
	accepted chan net.Conn
}

func newServer(t *testing.T) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &server{dsn: "postgres://" + ln.Addr().String() + "/test", accepted: make(chan net.Conn, 16)}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.accepted <- c
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		for {
			select {
			case c := <-s.accepted:
				c.Close()
			default:
				return
			}
		}
	})
	return s
}

// next is the next connection the proxy made to the server.
func (s *server) next(t *testing.T) net.Conn {
	t.Helper()
	select {
	case c := <-s.accepted:
		t.Cleanup(func() { c.Close() })
		c.SetDeadline(time.Now().Add(30 * time.Second))
		return c
	case <-time.After(30 * time.Second):
		t.Fatal("the proxy did not connect to the server")
		return nil
	}
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(30 * time.Second))
	return c
}

// packet is a client's first packet: its length, code, and body.
func packet(code uint32, body string) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	b = binary.BigEndian.AppendUint32(b, code)
	return append(b, body...)
}

const (
	protocol3 = 196608   // a StartupMessage's protocol version, 3.0
	cancel    = 80877102 // a CancelRequest's code
)

func write(t *testing.T, c net.Conn, b []byte) {
	t.Helper()
	if _, err := c.Write(b); err != nil {
		t.Fatal(err)
	}
}

func readFull(t *testing.T, c net.Conn, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := io.ReadFull(c, b); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestProxyStreams: without FirstPacket the proxy passes bytes on as they
// come, in both directions, without waiting for a whole packet.
func TestProxyStreams(t *testing.T) {
	s := newServer(t)
	p := NewProxy(t, s.dsn)
	c := dial(t, p.Addr)
	write(t, c, []byte{0, 0}) // the start of a length: not a packet yet
	up := s.next(t)
	if got := readFull(t, up, 2); !bytes.Equal(got, []byte{0, 0}) {
		t.Fatalf("server got %v, want the client's first two bytes", got)
	}
	write(t, up, []byte("N"))
	if got := readFull(t, c, 1); string(got) != "N" {
		t.Fatalf("client got %q, want the server's %q", got, "N")
	}
}

// TestFirstPacketGoesOnWhole: a startup packet that the client sends in
// pieces reaches the server in one read, and keep sees it whole; what
// follows is copied both ways.
func TestFirstPacketGoesOnWhole(t *testing.T) {
	s := newServer(t)
	startup := packet(protocol3, "user\x00postgres\x00database\x00test\x00\x00")
	seen := make(chan []byte, 1)
	p := NewProxy(t, s.dsn, FirstPacket(func(packet []byte) bool {
		seen <- bytes.Clone(packet)
		return true
	}))
	type read struct {
		up   net.Conn
		data []byte
		err  error
	}
	first := make(chan read, 1)
	go func() {
		// The server reads as soon as the proxy connects, so that a piece
		// forwarded on its own would come alone.
		up := <-s.accepted
		up.SetDeadline(time.Now().Add(30 * time.Second))
		buf := make([]byte, 1024)
		n, err := up.Read(buf)
		first <- read{up, buf[:n], err}
	}()
	c := dial(t, p.Addr)
	write(t, c, startup[:6])
	// Give a proxy that forwarded the piece at once the time to do so.
	time.Sleep(50 * time.Millisecond)
	write(t, c, startup[6:])
	var r read
	select {
	case r = <-first:
	case <-time.After(30 * time.Second):
		t.Fatal("the proxy did not pass the startup packet on")
	}
	up := r.up
	t.Cleanup(func() { up.Close() })
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !bytes.Equal(r.data, startup) {
		t.Fatalf("server's first read got %q, want the whole startup packet %q", r.data, startup)
	}
	select {
	case got := <-seen:
		if !bytes.Equal(got, startup) {
			t.Fatalf("keep saw %q, want %q", got, startup)
		}
	default:
		t.Fatal("the packet went on without keep seeing it")
	}
	write(t, c, []byte("Q"))
	if got := readFull(t, up, 1); string(got) != "Q" {
		t.Fatalf("server got %q after the startup packet, want %q", got, "Q")
	}
	write(t, up, []byte("R"))
	if got := readFull(t, c, 1); string(got) != "R" {
		t.Fatalf("client got %q, want %q", got, "R")
	}
}

// TestFirstPacketClosed: a packet keep refuses, or one whose length is
// less than its own eight bytes or more than 64 KiB, never reaches the
// server, and its client is closed; the next client, with a packet keep
// takes, is the first the server sees.
func TestFirstPacketClosed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		first []byte
	}{
		{"refused", packet(cancel, "12345678")},
		{"too short", []byte{0, 0, 0, 4, 0, 0, 0, 0}},
		{"too long", binary.BigEndian.AppendUint32([]byte{0, 1, 0, 1}, protocol3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			p := NewProxy(t, s.dsn, FirstPacket(func(packet []byte) bool {
				if len(packet) < 8 || len(packet) > 1<<16 {
					t.Errorf("keep was called for a malformed packet of %d bytes", len(packet))
				}
				return binary.BigEndian.Uint32(packet[4:8]) != cancel
			}))
			closed := dial(t, p.Addr)
			write(t, closed, tc.first)
			if n, err := closed.Read(make([]byte, 1)); err != io.EOF {
				t.Fatalf("client read %d bytes, %v; want its connection closed (EOF)", n, err)
			}
			startup := packet(protocol3, "user\x00postgres\x00\x00")
			write(t, dial(t, p.Addr), startup)
			if got := readFull(t, s.next(t), len(startup)); !bytes.Equal(got, startup) {
				t.Fatalf("server's first connection got %q, want the next client's %q", got, startup)
			}
		})
	}
}

// TestCut: Cut closes open connections at both ends and refuses new ones.
func TestCut(t *testing.T) {
	s := newServer(t)
	p := NewProxy(t, s.dsn)
	c := dial(t, p.Addr)
	write(t, c, []byte("x"))
	up := s.next(t)
	readFull(t, up, 1)
	p.Cut()
	if n, err := c.Read(make([]byte, 1)); err != io.EOF {
		t.Fatalf("client read %d bytes, %v after Cut; want EOF", n, err)
	}
	if n, err := up.Read(make([]byte, 1)); err != io.EOF {
		t.Fatalf("server read %d bytes, %v after Cut; want EOF", n, err)
	}
	if c, err := net.Dial("tcp", p.Addr); err == nil {
		c.Close()
		t.Fatal("the proxy accepted a connection after Cut")
	}
}
