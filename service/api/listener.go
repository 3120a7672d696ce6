package api

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"
)

// ConnLimits caps the connections a listener keeps open, so that a flood of
// idle connections cannot use up the process's file descriptors.
type ConnLimits struct {
	// Max is the most connections open at once; 0 sets no cap.
	Max int
	// PerIP is the most connections open at once from one client address;
	// 0 sets no cap.
	PerIP int
	// Proxies are exempt from PerIP (not from Max): behind a load balancer
	// every client arrives from its address, and the cap would refuse the
	// proxy's connections, and so every client's, once the proxy holds PerIP.
	Proxies []netip.Prefix
}

// Bounds on draining the rest of a refused body before closing, and on
// waiting after a failed accept.
const (
	lingerBytes   = 64 << 20
	lingerTime    = 10 * time.Second
	maxAcceptWait = time.Second
)

// LimitListener wraps ln so that connections beyond the limits are closed
// as soon as they are accepted, and so that a failure to accept (such as
// EMFILE when descriptors run out) never stops the server: Accept waits,
// longer each time, and tries again. Only closing ln ends Accept.
func LimitListener(ln net.Listener, limits ConnLimits, logger *slog.Logger) net.Listener {
	return &limitListener{Listener: ln, limits: limits, logger: logger, perIP: map[string]int{}}
}

type limitListener struct {
	net.Listener
	limits ConnLimits
	logger *slog.Logger

	mu        sync.Mutex
	open      int
	perIP     map[string]int
	lastWarn  time.Time
	refused   atomic.Int64
	acceptErr atomic.Int64
}

func (l *limitListener) Accept() (net.Conn, error) {
	wait := 5 * time.Millisecond
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) || errors.Is(err, io.EOF) {
				return nil, err
			}
			l.acceptErr.Add(1)
			l.warn("cannot accept connections; retrying", "error", err)
			time.Sleep(wait)
			wait = min(2*wait, maxAcceptWait)
			continue
		}
		wait = 5 * time.Millisecond
		if lc := l.admit(c); lc != nil {
			return lc, nil
		}
		l.refused.Add(1)
		c.Close()
	}
}

// admit counts c against the limits, or returns nil when it is over them.
func (l *limitListener) admit(c net.Conn) *limitConn {
	ip := hostOf(c.RemoteAddr())
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.limits.Max > 0 && l.open >= l.limits.Max {
		l.warnLocked("connection refused: too many open connections", "max", l.limits.Max)
		return nil
	}
	if l.limits.PerIP > 0 && l.perIP[ip] >= l.limits.PerIP && !l.isProxy(c.RemoteAddr()) {
		l.warnLocked("connection refused: too many open connections from one address", "remote", ip, "max_per_ip", l.limits.PerIP)
		return nil
	}
	l.open++
	l.perIP[ip]++
	return &limitConn{Conn: c, release: func() { l.release(ip) }}
}

func (l *limitListener) isProxy(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return false
	}
	ip, ok := netip.AddrFromSlice(ta.IP)
	if !ok {
		return false
	}
	ip = ip.Unmap()
	for _, p := range l.limits.Proxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func (l *limitListener) release(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.open--
	if l.perIP[ip]--; l.perIP[ip] <= 0 {
		delete(l.perIP, ip)
	}
}

// warn logs at most once every ten seconds, so that a flood does not also
// flood the log.
func (l *limitListener) warn(msg string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.warnLocked(msg, args...)
}

func (l *limitListener) warnLocked(msg string, args ...any) {
	if time.Since(l.lastWarn) < 10*time.Second {
		return
	}
	l.lastWarn = time.Now()
	l.logger.Warn(msg, append(args, "refused_total", l.refused.Load(), "accept_errors_total", l.acceptErr.Load())...)
}

func hostOf(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok {
		return ta.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// limitConn gives its slot back when closed. After a 413 it closes
// gracefully: it stops sending, reads and discards what the client still
// sends (bounded in bytes and time), then closes, so that the client reads
// the answer instead of a reset.
type limitConn struct {
	net.Conn
	release func()
	linger  atomic.Bool
	once    sync.Once
}

func (c *limitConn) lingerOnClose() { c.linger.Store(true) }

// Close closes the connection once; after a refused body the close happens
// in the background.
func (c *limitConn) Close() error {
	var err error
	c.once.Do(func() {
		if c.linger.Load() {
			go c.drainAndClose()
			return
		}
		err = c.Conn.Close()
		c.release()
	})
	return err
}

func (c *limitConn) drainAndClose() {
	defer c.release()
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	}
	_ = c.Conn.SetReadDeadline(time.Now().Add(lingerTime))
	_, _ = io.CopyN(io.Discard, c.Conn, lingerBytes)
	_ = c.Conn.Close()
}
