package api

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/time/rate"

	"github.com/redline-news/redline/service/auth"
)

// Rate is a token bucket: PerSecond requests a second on average, with
// bursts of up to Burst. A zero PerSecond sets no limit.
type Rate struct {
	PerSecond float64
	Burst     int
}

// RateLimits bound how fast each client (its token, or its address when it
// sends none) may send reads and writes. Reads and writes have buckets of
// their own, so a burst of reads never blocks a write.
type RateLimits struct {
	Read, Write Rate

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// maxBuckets is how many clients are tracked before idle ones are dropped.
const maxBuckets = 100_000

func (r *RateLimits) rateFor(need auth.Scope) (string, Rate) {
	name, limit := "write", r.Write
	if need == auth.Read {
		name, limit = "read", r.Read
	}
	if limit.Burst < 1 {
		limit.Burst = max(1, int(math.Ceil(limit.PerSecond)))
	}
	return name, limit
}

// middleware answers 429 with Retry-After to a client over its rate, and
// tells every client its policy and what is left, as the IETF draft on
// RateLimit headers describes. A nil RateLimits limits nothing.
func (r *RateLimits) middleware(a Access) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if r == nil || openPaths[c.Path()] {
			return c.Next()
		}
		name, limit := r.rateFor(NeededScope(c.Method()))
		if limit.PerSecond <= 0 {
			return c.Next()
		}
		b := r.bucketFor(name+"|"+a.rateClient(c), limit, time.Now())
		return r.admit(c, b, name, limit)
	}
}

func (r *RateLimits) admit(c *fiber.Ctx, b *rate.Limiter, name string, limit Rate) error {
	now := time.Now()
	window := max(1, int(math.Ceil(float64(limit.Burst)/limit.PerSecond)))
	// The two headers are appended into one small buffer rather than made
	// with fmt.Sprintf: every limited request sends them.
	var buf [64]byte
	c.Response().Header.SetBytesV("RateLimit-Policy", rateHeader(buf[:0], name, "q", limit.Burst, "w", window))
	res := b.ReserveN(now, 1)
	if delay := res.DelayFrom(now); delay > 0 {
		res.CancelAt(now)
		wait := retryAfterSeconds(delay.Seconds())
		c.Set("RateLimit", fmt.Sprintf(`"%s";r=0;t=%s`, name, wait))
		return newProblem(http.StatusTooManyRequests,
			fmt.Sprintf("too many %s requests: the limit is %g a second with bursts of %d; retry after %s s", name, limit.PerSecond, limit.Burst, wait)).
			WithHeader(fiber.HeaderRetryAfter, wait)
	}
	left := int(b.TokensAt(now))
	refill := (float64(limit.Burst) - b.TokensAt(now)) / limit.PerSecond
	c.Response().Header.SetBytesV("RateLimit", rateHeader(buf[:0], name, "r", max(left, 0), "t", int(math.Ceil(refill))))
	return c.Next()
}

// rateHeader appends `"name";k1=v1;k2=v2` to b, the form of both RateLimit
// headers.
func rateHeader(b []byte, name, k1 string, v1 int, k2 string, v2 int) []byte {
	b = append(append(append(b, '"'), name...), `";`...)
	b = strconv.AppendInt(append(append(b, k1...), '='), int64(v1), 10)
	b = strconv.AppendInt(append(append(append(b, ';'), k2...), '='), int64(v2), 10)
	return b
}

func (r *RateLimits) bucketFor(key string, limit Rate, now time.Time) *rate.Limiter {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.buckets == nil {
		r.buckets = map[string]*bucket{}
	}
	if len(r.buckets) >= maxBuckets && now.Sub(r.swept) > time.Second {
		r.sweep(now)
	}
	b, ok := r.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Limit(limit.PerSecond), limit.Burst)}
		r.buckets[key] = b
	}
	b.seen = now
	return b.lim
}

// sweep forgets clients idle for a minute: their buckets are full again.
func (r *RateLimits) sweep(now time.Time) {
	r.swept = now
	for k, b := range r.buckets {
		if now.Sub(b.seen) > time.Minute {
			delete(r.buckets, k)
		}
	}
}
