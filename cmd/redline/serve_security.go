package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	"github.com/KimMachineGun/automemlimit/memlimit"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/auth"
)

// SecurityConfig is who may call the service and how much.
type SecurityConfig struct {
	// TokensFile holds one `SCOPE TOKEN` a line; empty leaves the API open.
	TokensFile string
	// PublicRead lets reads through without a token.
	PublicRead bool
	// MetricsToken, when set, is the bearer token /metrics needs.
	MetricsToken   string
	CORSOrigins    []string
	TrustedProxies []netip.Prefix
	// ReadRate and WriteRate bound each client's requests; zero: no limit.
	ReadRate, WriteRate api.Rate
	// MaxConns and MaxConnsPerIP cap open connections; 0 derives MaxConns
	// from the descriptor limit.
	MaxConns, MaxConnsPerIP int
}

// The default rate limits of serve, per client: an editor's desk or a
// publishing system stays well inside them, and a runaway script or a
// flood from one address is slowed before it costs the others. Load tests
// and benchmarks, which send far more from one address, pass off.
const (
	DefaultReadRate  = "100/s:200"
	DefaultWriteRate = "20/s:40"
)

// securityFlags holds the raw flag values that need parsing.
type securityFlags struct {
	cors, proxies, readRate, writeRate string
	// publicReadEnv is REDLINE_PUBLIC_READ as set, checked by apply.
	publicReadEnv string
}

// flags registers the security flags, with REDLINE_* environment defaults.
func (c *SecurityConfig) flags(fs *flag.FlagSet, getenv func(string) string) *securityFlags {
	f := &securityFlags{publicReadEnv: getenv("REDLINE_PUBLIC_READ")}
	publicRead, _ := strconv.ParseBool(f.publicReadEnv)
	fs.StringVar(&c.TokensFile, "api-tokens-file", envOr(getenv, "REDLINE_API_TOKENS_FILE", c.TokensFile), "`FILE` of SCOPE TOKEN lines (scopes read, write, admin; TOKEN or sha256:HEX); re-read on SIGHUP (env REDLINE_API_TOKENS_FILE)")
	fs.BoolVar(&c.PublicRead, "public-read", publicRead, "let reads through without a token (env REDLINE_PUBLIC_READ=true)")
	fs.StringVar(&c.MetricsToken, "metrics-token", envOr(getenv, "REDLINE_METRICS_TOKEN", c.MetricsToken), "bearer token /metrics needs (env REDLINE_METRICS_TOKEN)")
	fs.StringVar(&f.cors, "cors-origins", envOr(getenv, "REDLINE_CORS_ORIGINS", ""), "comma-separated origins browsers may call the API from; empty: CORS off (env REDLINE_CORS_ORIGINS)")
	fs.StringVar(&f.proxies, "trusted-proxies", envOr(getenv, "REDLINE_TRUSTED_PROXIES", ""), "comma-separated addresses or CIDRs whose X-Forwarded-For is believed (env REDLINE_TRUSTED_PROXIES)")
	fs.StringVar(&f.readRate, "rate-read", envOr(getenv, "REDLINE_RATE_READ", DefaultReadRate), "reads each client (its token, else its address) may send: RATE/s:BURST, or off (env REDLINE_RATE_READ)")
	fs.StringVar(&f.writeRate, "rate-write", envOr(getenv, "REDLINE_RATE_WRITE", DefaultWriteRate), "writes each client may send, in a bucket of their own: RATE/s:BURST, or off (env REDLINE_RATE_WRITE)")
	fs.IntVar(&c.MaxConns, "max-conns", c.MaxConns, "most open connections; 0: 90% of the descriptor limit less a reserve")
	fs.IntVar(&c.MaxConnsPerIP, "max-conns-per-ip", 256, "most open connections from one address other than a trusted proxy; 0: no cap")
	return f
}

// apply parses the raw flag values into c.
func (f *securityFlags) apply(c *SecurityConfig) error {
	var err error
	// A value that is neither true nor false would leave reads closed while
	// the operator believes them open, or the reverse.
	if _, perr := strconv.ParseBool(f.publicReadEnv); f.publicReadEnv != "" && perr != nil {
		return fmt.Errorf("REDLINE_PUBLIC_READ %.20q must be true or false", f.publicReadEnv)
	}
	// The metrics token guards what the tokens file's tokens guard, with
	// the same floor against guessing.
	if c.MetricsToken != "" && len(c.MetricsToken) < auth.MinTokenLength {
		return fmt.Errorf("--metrics-token must be at least %d characters (openssl rand -hex 24 makes one)", auth.MinTokenLength)
	}
	c.CORSOrigins = splitList(f.cors)
	for _, origin := range c.CORSOrigins {
		if !isOrigin(origin) {
			return fmt.Errorf("--cors-origins: %q must be an origin as browsers send it, scheme://host[:port] in lower case such as https://desk.example (no path, no trailing slash, no wildcard)", origin)
		}
	}
	if c.TrustedProxies, err = parsePrefixes(splitList(f.proxies)); err != nil {
		return err
	}
	if c.ReadRate, err = parseRate("rate-read", f.readRate); err != nil {
		return err
	}
	if c.WriteRate, err = parseRate("rate-write", f.writeRate); err != nil {
		return err
	}
	if c.MaxConns < 0 || c.MaxConnsPerIP < 0 {
		return fmt.Errorf("--max-conns and --max-conns-per-ip must not be negative")
	}
	return nil
}

// isOrigin tells whether s is an http or https origin serialized as a
// browser sends it in Origin, which the API compares byte for byte: any
// other spelling (a trailing slash, a path, capitals) would never match,
// and CORS would stay off without a word.
func isOrigin(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		u.Scheme+"://"+u.Host == s && strings.ToLower(s) == s
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func parsePrefixes(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			addr, aerr := netip.ParseAddr(s)
			if aerr != nil {
				return nil, fmt.Errorf("--trusted-proxies: %q is neither an address nor a CIDR", s)
			}
			p = netip.PrefixFrom(addr.Unmap(), addr.Unmap().BitLen())
		}
		out = append(out, p)
	}
	return out, nil
}

// parseRate reads RATE/s:BURST, such as 20/s:40, or off.
func parseRate(name, s string) (api.Rate, error) {
	if s == "off" || s == "0" {
		return api.Rate{}, nil
	}
	bad := fmt.Errorf("--%s %q must be RATE/s:BURST such as 20/s:40, or off", name, s)
	rateS, burstS, _ := strings.Cut(s, ":")
	perSec, ok := strings.CutSuffix(rateS, "/s")
	r, err := strconv.ParseFloat(perSec, 64)
	if !ok || err != nil || r <= 0 || r > 1e6 {
		return api.Rate{}, bad
	}
	burst := int(r)
	if burstS != "" {
		if burst, err = strconv.Atoi(burstS); err != nil || burst < 1 || burst > 1e6 {
			return api.Rate{}, bad
		}
	}
	return api.Rate{PerSecond: r, Burst: max(burst, 1)}, nil
}

func (c SecurityConfig) rateLimits() *api.RateLimits {
	if c.ReadRate.PerSecond == 0 && c.WriteRate.PerSecond == 0 {
		return nil
	}
	return &api.RateLimits{Read: c.ReadRate, Write: c.WriteRate}
}

// access loads the tokens and starts reloading them on SIGHUP.
func (m *Main) access(ctx context.Context) (api.Access, error) {
	sec := m.Config.Security
	a := api.Access{PublicRead: sec.PublicRead, MetricsToken: sec.MetricsToken, TrustedProxies: sec.TrustedProxies}
	if sec.TokensFile == "" {
		return a, nil
	}
	tokens, err := auth.Load(sec.TokensFile)
	if err != nil {
		return a, err
	}
	m.tokens, a.Tokens = tokens, tokens
	reloadCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	m.stopReload = cancel
	tokens.ReloadOnHangup(reloadCtx, m.Logger)
	m.Logger.Info("API tokens loaded; re-read on SIGHUP", "tokens", tokens.Len(), "public_read", sec.PublicRead)
	return a, nil
}

// warnIfOpen says, at start, when anyone who reaches the port may write.
func (m *Main) warnIfOpen() {
	if m.tokens != nil {
		return
	}
	if host, _, err := net.SplitHostPort(m.Addr()); err == nil {
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			m.Logger.Info("no API tokens: reads and writes are open to this machine only")
			return
		}
	}
	m.Logger.Warn("no API tokens and listening beyond loopback: anyone who reaches this port may read, overwrite and delete every article; set --api-tokens-file", "addr", m.Addr())
}

// metricsAuth guards the separate metrics listener with the metrics token,
// when one is set.
func (m *Main) metricsAuth(h http.Handler) http.Handler {
	want := m.Config.Security.MetricsToken
	if want == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, tok, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		if !strings.EqualFold(scheme, "Bearer") || !auth.Equal(strings.TrimSpace(tok), want) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="redline"`)
			w.Header().Set("Content-Type", "application/problem+json")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"type":"urn:redline:problem:unauthorized","title":"Unauthorized","status":401,"detail":"/metrics needs the metrics token: Authorization: Bearer TOKEN"}`)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// fdReserve is how many descriptors are kept for the store, logs and the
// metrics listener when the connection cap is derived from the limit.
const fdReserve = 64

// connLimits derives the connection caps from the descriptor limit.
func connLimits(c SecurityConfig, logger *slog.Logger) api.ConnLimits {
	limits := api.ConnLimits{Max: c.MaxConns, PerIP: c.MaxConnsPerIP, Proxies: c.TrustedProxies}
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return limits
	}
	ceiling := max(int(min(rl.Cur, 1<<30))*9/10-fdReserve, 16)
	if limits.Max == 0 || limits.Max > ceiling {
		if limits.Max > ceiling {
			logger.Warn("--max-conns is above what the descriptor limit allows; lowered", "max_conns", ceiling, "nofile", rl.Cur)
		}
		limits.Max = ceiling
	}
	return limits
}

// defaultGOGC is the collector's target when GOGC is unset: the heap may
// grow to three times what is live, not twice, between collections. Each
// PUT leaves behind a few copies of its body (read, decoded, diffed,
// encoded), and at 32 writers the collector ran twice as often as with
// this value for a few percent of the CPU; GOMEMLIMIT, from the container
// when unset, still makes it collect sooner as the heap nears the limit.
const defaultGOGC = 200

// setProcessLimits raises the soft descriptor limit to the hard one, sets
// GOMEMLIMIT from the container's memory limit when it is unset, so that
// the garbage collector works harder before the kernel kills the process,
// and sets GOGC to defaultGOGC when it is unset.
func setProcessLimits(logger *slog.Logger) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err == nil && rl.Cur < rl.Max {
		rl.Cur = rl.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
			logger.Warn("cannot raise the descriptor limit", "error", err)
		}
	}
	// Set leaves a GOMEMLIMIT from the environment alone, and sets 90% of
	// the cgroup's limit otherwise; outside a container it does nothing.
	limit, err := memlimit.Set(memlimit.WithLogger(logger), memlimit.WithProvider(memlimit.FromCgroup))
	if err == nil {
		logMemoryLimit(logger, limit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGOGC)
	}
}

// logMemoryLimit says which GOMEMLIMIT came from the container. Without a
// cgroup limit memlimit sets math.MaxInt64, which is no limit at all and
// is not worth a line that claims the container set it.
func logMemoryLimit(logger *slog.Logger, limit int64) {
	if limit > 0 && limit < math.MaxInt64 {
		logger.Info("memory limit set from the container's", "gomemlimit", limit)
	}
}
