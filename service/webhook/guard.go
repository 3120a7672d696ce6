package webhook

import (
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/redline-news/redline/service"
)

// ErrPrivateTarget is returned for a delivery to an address the service
// must not reach on a subscriber's behalf.
var ErrPrivateTarget = errors.New("webhook target is a loopback, private, link-local or metadata address")

// extraBlocked are ranges that netip's predicates do not cover: carrier-grade
// NAT, "this network", and the IPv6 prefixes that embed IPv4 addresses.
var extraBlocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("2002::/16"),
}

// Blocked reports whether ip is an address a webhook must not reach:
// loopback, private, link-local (where cloud metadata services live),
// multicast, unspecified, or one of extraBlocked.
func Blocked(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, p := range extraBlocked {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// guardControl refuses, at dial time, a connection to a blocked address:
// the check sees the address actually dialled, so a name that resolves to
// a public address when checked and a private one when used (DNS
// rebinding) is still refused.
func guardControl(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return ErrPrivateTarget
	}
	if Blocked(ap.Addr()) {
		return ErrPrivateTarget
	}
	return nil
}

// newClient returns the HTTP client of deliveries: no proxy (which would
// hide the real target from the guard), no redirects followed, and the
// guard unless allowPrivate.
func newClient(allowPrivate bool, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = guardControl
	}
	transport := &http.Transport{
		Proxy: nil, DialContext: dialer.DialContext, ForceAttemptHTTP2: true,
		MaxIdleConns: 100, IdleConnTimeout: 90 * time.Second, TLSHandshakeTimeout: timeout,
		ResponseHeaderTimeout: timeout, MaxResponseHeaderBytes: 64 << 10,
	}
	return &http.Client{
		Transport:     transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// ValidateTarget returns EINVALID unless raw is an absolute http(s) URL
// without credentials, and, unless allowPrivate, one whose host is not a
// blocked literal address or localhost. Names are checked again when
// dialled.
func ValidateTarget(raw string, allowPrivate bool) error {
	if len(raw) > service.MaxURLBytes {
		return service.Errorf(service.EINVALID, "url must be at most %d bytes", service.MaxURLBytes)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return service.Errorf(service.EINVALID, "url must be an absolute http or https URL")
	}
	if u.User != nil {
		return service.Errorf(service.EINVALID, "url must not hold credentials; deliveries are signed instead")
	}
	if allowPrivate {
		return nil
	}
	host := strings.ToLower(u.Hostname())
	if ip, err := netip.ParseAddr(host); (err == nil && Blocked(ip)) || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return service.Errorf(service.EINVALID, "url %s points at a loopback, private, link-local or metadata address, which webhooks may not reach", raw)
	}
	return nil
}
