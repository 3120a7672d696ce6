package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/redline-news/redline/internal/loadtext"
	"github.com/valyala/fasthttp"
	"golang.org/x/term"
)

func init() {
	register("loadtest", "drive a running server with a mix of writes, summaries and diffs", runLoadtest)
}

// The operations a load test mixes.
const (
	opPut       = "put"
	opSummary   = "summary"
	opDiff      = "diff"
	opSummarize = "summarize"
)

var loadOps = []string{opPut, opSummary, opDiff, opSummarize}

// Bounds on a load test, so that a typo cannot flood a server for hours.
const (
	maxLoadConcurrency = 1024
	maxLoadDuration    = time.Hour
	maxLoadSamples     = 2_000_000 // latencies kept per operation
)

// loadConfig is what one load test does.
type loadConfig struct {
	base        *url.URL // scheme and host:port: the only address ever dialled
	concurrency int
	duration    time.Duration
	requests    int64 // 0: until duration ends
	weights     map[string]int
	articles    int
	bodyBytes   int
	timeout     time.Duration
	token       string
	jsonOut     bool
}

func runLoadtest(ctx context.Context, stdio Stdio, args []string) error {
	cfg, err := parseLoadFlags(args, stdio.Stderr)
	if err != nil {
		return err
	}
	lt := newLoadTest(cfg)
	if err := lt.prepare(ctx); err != nil {
		return fmt.Errorf("prepare articles on %s: %w", cfg.base.Host, err)
	}
	lt.start = time.Now()
	stop := startProgress(stdio.Stderr, lt)
	report := lt.run(ctx)
	stop()
	if cfg.jsonOut {
		enc := json.NewEncoder(stdio.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	report.print(stdio.Stdout)
	return nil
}

func parseLoadFlags(args []string, stderr io.Writer) (loadConfig, error) {
	cfg := loadConfig{}
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the server: host:port or http://host:port; no other address is ever contacted")
	fs.IntVar(&cfg.concurrency, "concurrency", 16, fmt.Sprintf("requests in flight at once (1 to %d)", maxLoadConcurrency))
	fs.DurationVar(&cfg.duration, "duration", 10*time.Second, "how long to run (at most 1h)")
	fs.Int64Var(&cfg.requests, "requests", 0, "stop after this many requests (0: when --duration ends)")
	mix := fs.String("mix", "put=1,summary=4,diff=4,summarize=1", "relative weights of put, summary, diff and summarize")
	fs.IntVar(&cfg.articles, "articles", 64, "distinct articles to spread the requests over (1 to 100000)")
	fs.IntVar(&cfg.bodyBytes, "body-bytes", 5000, "approximate size of each article body (100 to 1000000)")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "time allowed for one request")
	fs.StringVar(&cfg.token, "token", os.Getenv("REDLINE_TOKEN"), "bearer token to send, if the server requires one (env REDLINE_TOKEN)")
	fs.BoolVar(&cfg.jsonOut, "json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, usageError{fmt.Sprintf("loadtest takes no arguments, got %q", fs.Args())}
	}
	var err error
	if cfg.base, err = parseLoadAddr(*addr); err != nil {
		return cfg, err
	}
	if cfg.weights, err = parseMix(*mix); err != nil {
		return cfg, err
	}
	return cfg, cfg.check()
}

// parseLoadAddr accepts host:port or an http URL with no path, with a port
// from 1 to 65535: a port no server can listen on is a bad flag, not a
// failure to reach the server.
func parseLoadAddr(addr string) (*url.URL, error) {
	raw := addr
	if !strings.Contains(addr, "://") {
		addr = "http://" + addr
	}
	u, err := url.Parse(addr)
	if err != nil || u.Scheme != "http" || u.Hostname() == "" || strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || !validPort(u.Port()) {
		return nil, usageError{fmt.Sprintf("--addr %q must be host:port or http://host:port, with a port from 1 to 65535", raw)}
	}
	if u.User != nil || u.Fragment != "" {
		// Neither would be sent: say so rather than drop it, and do not
		// repeat a password.
		return nil, usageError{fmt.Sprintf("--addr %q must be host:port or http://host:port, without a user name or a #fragment (pass a token with --token)", u.Redacted())}
	}
	return &url.URL{Scheme: "http", Host: u.Host}, nil
}

func validPort(port string) bool {
	n, err := strconv.Atoi(port)
	return err == nil && n >= 1 && n <= 65535
}

// parseMix reads "put=1,summary=4": each operation's share of requests.
func parseMix(mix string) (map[string]int, error) {
	w := map[string]int{}
	total := 0
	for _, part := range strings.Split(mix, ",") {
		name, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(val)
		if !ok || err != nil || n < 0 || n > 1000 || !slices.Contains(loadOps, name) {
			return nil, usageError{fmt.Sprintf("--mix %q: each part must be OP=WEIGHT, OP one of %s and WEIGHT 0 to 1000", mix, strings.Join(loadOps, ", "))}
		}
		w[name] = n
		total += n
	}
	if total == 0 {
		return nil, usageError{fmt.Sprintf("--mix %q gives every operation weight 0", mix)}
	}
	return w, nil
}

func (c loadConfig) check() error {
	switch {
	case c.concurrency < 1 || c.concurrency > maxLoadConcurrency:
		return usageError{fmt.Sprintf("--concurrency %d must be between 1 and %d", c.concurrency, maxLoadConcurrency)}
	case c.duration <= 0 || c.duration > maxLoadDuration:
		return usageError{fmt.Sprintf("--duration %v must be positive and at most %v", c.duration, maxLoadDuration)}
	case c.requests < 0:
		return usageError{fmt.Sprintf("--requests %d must not be negative", c.requests)}
	case c.articles < 1 || c.articles > 100_000:
		return usageError{fmt.Sprintf("--articles %d must be between 1 and 100000", c.articles)}
	case c.bodyBytes < 100 || c.bodyBytes > 1_000_000:
		return usageError{fmt.Sprintf("--body-bytes %d must be between 100 and 1000000", c.bodyBytes)}
	case c.timeout <= 0:
		return usageError{fmt.Sprintf("--timeout %v must be positive", c.timeout)}
	}
	return nil
}

// pinnedClient sends every request to base's host and port whatever the
// request's URL says, uses no proxy from the environment and follows no
// redirect, so that the load goes to the address given and nowhere else.
// It is fasthttp's client, which spends a fraction of the CPU net/http's
// does on each request: the load script shares the machine's cores with
// the server it measures.
func pinnedClient(base *url.URL, concurrency int, timeout time.Duration) *fasthttp.HostClient {
	var host string
	if base != nil {
		host = base.Host
	}
	return &fasthttp.HostClient{
		Addr: host,
		Dial: func(string) (net.Conn, error) {
			return net.DialTimeout("tcp", host, timeout)
		},
		MaxConns:                 concurrency,
		MaxIdleConnDuration:      30 * time.Second,
		ReadTimeout:              timeout,
		WriteTimeout:             timeout,
		NoDefaultUserAgentHeader: true,
		DisablePathNormalizing:   true,
	}
}

// loadTest is one run: its client, its articles and what it has seen.
type loadTest struct {
	cfg    loadConfig
	client *fasthttp.HostClient
	text   string // the article text every body is made from
	// putHead and summarizeBody are encoded once, so that the client spends
	// its share of the CPU sending, not encoding the same text again.
	putHead       []byte // a PUT body up to the edit that makes it new
	summarizeBody []byte
	choices       []string
	sent          atomic.Int64 // requests started, to stop at cfg.requests
	done          atomic.Int64 // requests finished, for the progress line
	failed        atomic.Int64 // requests that got no answer or a 5xx
	edits         atomic.Int64 // makes each PUT's body new
	start         time.Time
}

func newLoadTest(cfg loadConfig) *loadTest {
	lt := &loadTest{cfg: cfg, client: pinnedClient(cfg.base, cfg.concurrency, cfg.timeout), text: loadtext.Text(cfg.bodyBytes)}
	lt.putHead, _ = json.Marshal(struct {
		Title string `json:"title"`
		Body  string `json:"body"`
	}{loadTitle, lt.text})
	lt.putHead = lt.putHead[:bytes.LastIndexByte(lt.putHead, '"')] // the open body string
	lt.summarizeBody, _ = json.Marshal(map[string]any{"text": lt.text, "sentences": 3})
	for _, op := range loadOps {
		for i := 0; i < cfg.weights[op]; i++ {
			lt.choices = append(lt.choices, op)
		}
	}
	return lt
}

func (lt *loadTest) articleID(k int) string { return "loadtest-" + strconv.Itoa(k) }

// prepare gives every article two revisions, so that summaries and diffs
// find something from the first request.
func (lt *loadTest) prepare(ctx context.Context) error {
	for k := 0; k < lt.cfg.articles; k++ {
		for i := 0; i < 2; i++ {
			status, err := lt.put(ctx, k)
			if err != nil {
				return err
			}
			if status >= 300 {
				return fmt.Errorf("PUT %s: status %d%s", lt.articleID(k), status, prepareHint(status))
			}
		}
	}
	return nil
}

// prepareHint says what to change when the server refuses the PUTs that
// prepare the articles: its rate limits, or its tokens.
func prepareHint(status int) string {
	switch status {
	case http.StatusTooManyRequests:
		return "; the server limits each client's writes: run it with --rate-write off (or a higher rate) to load-test it"
	case http.StatusUnauthorized, http.StatusForbidden:
		return "; the server needs a write token: pass it with --token"
	}
	return ""
}

// put stores a new revision of article k: the text with one edit that no
// earlier PUT made.
func (lt *loadTest) put(ctx context.Context, k int) (int, error) {
	return lt.do(ctx, http.MethodPut, "/v1/articles/"+lt.articleID(k), lt.putBody(lt.edits.Add(1)))
}

const loadTitle = "Floods close the old bridge"

// putBody is the JSON of a PUT whose body is the text and the paragraph
// of edit; JSON-encoded, that paragraph needs no escape but its newlines.
func (lt *loadTest) putBody(edit int64) []byte {
	b := make([]byte, 0, len(lt.putHead)+64)
	b = append(b, lt.putHead...)
	b = append(b, `\n\nUpdate `...)
	b = strconv.AppendInt(b, edit, 10)
	return append(b, `: the water level was measured again."}`...)
}

// do sends one request and reads the whole answer, within the request
// timeout and the run's deadline, whichever comes first.
func (lt *loadTest) do(ctx context.Context, method, path string, body []byte) (int, error) {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.Header.SetMethod(method)
	req.SetRequestURI(lt.cfg.base.String() + path)
	if body != nil {
		req.Header.SetContentType("application/json")
		req.SetBodyRaw(body)
	}
	if lt.cfg.token != "" {
		req.Header.Set("Authorization", "Bearer "+lt.cfg.token)
	}
	deadline := time.Now().Add(lt.cfg.timeout)
	runEnd, ok := ctx.Deadline()
	if ok && runEnd.Before(deadline) {
		deadline = runEnd
	}
	err := lt.client.DoDeadline(req, resp, deadline)
	switch {
	case errors.Is(err, fasthttp.ErrTimeout) && deadline.Equal(runEnd):
		return 0, fmt.Errorf("the run ended mid-request: %w", context.DeadlineExceeded)
	case err != nil:
		return 0, err
	}
	return resp.StatusCode(), nil
}

// one sends one request of operation op.
func (lt *loadTest) one(ctx context.Context, op string, rng *rand.Rand) (int, error) {
	k := rng.IntN(lt.cfg.articles)
	switch op {
	case opPut:
		return lt.put(ctx, k)
	case opSummary:
		return lt.do(ctx, http.MethodGet, "/v1/articles/"+lt.articleID(k)+"/summary", nil)
	case opDiff:
		return lt.do(ctx, http.MethodGet, "/v1/articles/"+lt.articleID(k)+"/diff", nil)
	default:
		return lt.do(ctx, http.MethodPost, "/v1/summarize", lt.summarizeBody)
	}
}

// opStats is what one worker saw of one operation.
type opStats struct {
	latencies []time.Duration
	statuses  map[int]int
	errors    map[string]int
}

type workerStats map[string]*opStats

func (w workerStats) record(op string, d time.Duration, status int, err error) {
	s := w[op]
	if s == nil {
		s = &opStats{statuses: map[int]int{}, errors: map[string]int{}}
		w[op] = s
	}
	if len(s.latencies) < maxLoadSamples {
		s.latencies = append(s.latencies, d)
	}
	if err != nil {
		s.errors[errorKind(err)]++
		return
	}
	s.statuses[status]++
}

// errorKind names an error without the parts that vary per request.
func errorKind(err error) string {
	var nerr net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &nerr) && nerr.Timeout():
		return "timeout"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, fasthttp.ErrConnectionClosed):
		return "connection closed"
	case strings.Contains(err.Error(), "connection refused"):
		return "connection refused"
	case strings.Contains(err.Error(), "connection reset"):
		return "connection reset"
	}
	return err.Error()
}

// run sends requests from cfg.concurrency workers until the duration ends,
// the request count is reached or ctx is cancelled.
func (lt *loadTest) run(ctx context.Context) *loadReport {
	ctx, cancel := context.WithTimeout(ctx, lt.cfg.duration)
	defer cancel()
	if lt.start.IsZero() {
		lt.start = time.Now()
	}
	results := make([]workerStats, lt.cfg.concurrency)
	var wg sync.WaitGroup
	for w := range results {
		results[w] = workerStats{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			lt.work(ctx, results[w], rand.New(rand.NewPCG(uint64(w), uint64(lt.start.UnixNano()))))
		}()
	}
	wg.Wait()
	return newLoadReport(lt.cfg, results, time.Since(lt.start))
}

func (lt *loadTest) work(ctx context.Context, stats workerStats, rng *rand.Rand) {
	for ctx.Err() == nil {
		if lt.cfg.requests > 0 && lt.sent.Add(1) > lt.cfg.requests {
			return
		}
		op := lt.choices[rng.IntN(len(lt.choices))]
		start := time.Now()
		status, err := lt.one(ctx, op, rng)
		if err != nil && (ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded)) {
			return // the run ended mid-request: not the server's failure
		}
		stats.record(op, time.Since(start), status, err)
		lt.done.Add(1)
		if err != nil || status >= 500 {
			lt.failed.Add(1)
		}
	}
}

// loadReport is the outcome of a load test, as printed and as JSON.
type loadReport struct {
	Target      string               `json:"target"`
	Concurrency int                  `json:"concurrency"`
	Seconds     float64              `json:"seconds"`
	Requests    int                  `json:"requests"`
	PerSecond   float64              `json:"requests_per_second"`
	Failures    int                  `json:"failures"`
	Operations  map[string]*opReport `json:"operations"`
}

// opReport sums up one operation; latencies are in milliseconds.
type opReport struct {
	Requests  int            `json:"requests"`
	PerSecond float64        `json:"requests_per_second"`
	P50       float64        `json:"p50_ms"`
	P99       float64        `json:"p99_ms"`
	Max       float64        `json:"max_ms"`
	Statuses  map[string]int `json:"statuses"`
	Errors    map[string]int `json:"errors,omitempty"`
}

func newLoadReport(cfg loadConfig, workers []workerStats, elapsed time.Duration) *loadReport {
	r := &loadReport{Target: cfg.base.String(), Concurrency: cfg.concurrency, Seconds: elapsed.Seconds(), Operations: map[string]*opReport{}}
	for _, op := range loadOps {
		merged := &opStats{statuses: map[int]int{}, errors: map[string]int{}}
		for _, w := range workers {
			if s := w[op]; s != nil {
				merged.latencies = append(merged.latencies, s.latencies...)
				for k, v := range s.statuses {
					merged.statuses[k] += v
				}
				for k, v := range s.errors {
					merged.errors[k] += v
				}
			}
		}
		if len(merged.latencies) == 0 && len(merged.errors) == 0 {
			continue
		}
		o := summarizeOp(merged, elapsed)
		r.Operations[op] = o
		r.Requests += o.Requests
		r.Failures += failures(merged)
	}
	r.PerSecond = float64(r.Requests) / elapsed.Seconds()
	return r
}

func summarizeOp(s *opStats, elapsed time.Duration) *opReport {
	o := &opReport{Statuses: map[string]int{}, Errors: s.errors}
	for code, n := range s.statuses {
		o.Statuses[strconv.Itoa(code)] = n
		o.Requests += n
	}
	for _, n := range s.errors {
		o.Requests += n
	}
	if len(o.Errors) == 0 {
		o.Errors = nil
	}
	o.PerSecond = float64(o.Requests) / elapsed.Seconds()
	slices.Sort(s.latencies)
	o.P50, o.P99 = millis(quantile(s.latencies, 0.50)), millis(quantile(s.latencies, 0.99))
	if len(s.latencies) > 0 {
		o.Max = millis(s.latencies[len(s.latencies)-1])
	}
	return o
}

func failures(s *opStats) int {
	n := 0
	for code, c := range s.statuses {
		if code >= 500 {
			n += c
		}
	}
	for _, c := range s.errors {
		n += c
	}
	return n
}

// quantile returns the q-quantile of sorted durations (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (r *loadReport) print(w io.Writer) {
	fmt.Fprintf(w, "%s, %d concurrent, %.1fs: %d requests, %.1f/s, %d failed\n\n",
		r.Target, r.Concurrency, r.Seconds, r.Requests, r.PerSecond, r.Failures)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\trequests\treq/s\tp50 ms\tp99 ms\tmax ms\tstatuses\terrors\t")
	for _, op := range loadOps {
		o := r.Operations[op]
		if o == nil {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%s\t%s\t\n", op, o.Requests, o.PerSecond, o.P50, o.P99, o.Max, counts(o.Statuses), counts(o.Errors))
	}
	tw.Flush()
	if r.rateLimited() {
		fmt.Fprintln(w, "\nThe server answered 429: it limits each client's rate, and this load comes from one. "+
			"To measure the service rather than its limits, run it with --rate-read off --rate-write off (or higher rates).")
	}
}

// rateLimited reports whether any request got 429 Too Many Requests.
func (r *loadReport) rateLimited() bool {
	for _, o := range r.Operations {
		if o != nil && o.Statuses["429"] > 0 {
			return true
		}
	}
	return false
}

// counts prints a map as "201:40 412:2", sorted by key.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "-"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s:%d", k, m[k])
	}
	return strings.Join(parts, " ")
}

// startProgress draws a live line on a terminal's stderr until stop is
// called; elsewhere it draws nothing, so that pipes and logs stay clean.
func startProgress(stderr io.Writer, lt *loadTest) (stop func()) {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				fmt.Fprintln(f)
				return
			case <-tick.C:
				elapsed := time.Since(lt.start).Seconds()
				n := lt.done.Load()
				fmt.Fprintf(f, "\r%6.1fs  %d requests  %.0f/s  %d failed ", elapsed, n, float64(n)/elapsed, lt.failed.Load())
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
