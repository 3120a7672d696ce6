package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"

	"github.com/redline-news/redline/service"
)

// DefaultSchedule is the delay before each retry of a failed delivery: eight
// attempts over about 28 hours, then the delivery is given up.
var DefaultSchedule = []time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour,
	5 * time.Hour, 10 * time.Hour, 10 * time.Hour}

// MaxRetries bounds a schedule: River queues a job with at most 25 attempts.
const MaxRetries = 24

// maxRetryAfter caps the wait a receiver's Retry-After may ask for.
const maxRetryAfter = 24 * time.Hour

// The outcomes of an attempt, the values of the metrics' outcome label.
const (
	OutcomeDelivered = "delivered" // a 2xx answer
	OutcomeFailed    = "failed"    // an error or another status; retried
	OutcomeGaveUp    = "gave_up"   // failed on the last scheduled attempt
	OutcomeDisabled  = "disabled"  // 410 Gone: the subscription is disabled
	OutcomeRefused   = "refused"   // the target is a private address
	OutcomeDropped   = "dropped"   // the subscription was disabled before
)

// Outcomes lists every outcome, so that metrics can export each from zero.
var Outcomes = []string{OutcomeDelivered, OutcomeFailed, OutcomeGaveUp, OutcomeDisabled, OutcomeRefused, OutcomeDropped}

// Observer is told of each attempt and of the queue's depth, so that they
// can be counted; *metrics.Metrics implements it.
type Observer interface {
	WebhookAttempted(outcome string, d time.Duration)
	SetWebhookQueueDepth(n int)
}

type nopObserver struct{}

func (nopObserver) WebhookAttempted(string, time.Duration) {}
func (nopObserver) SetWebhookQueueDepth(int)               {}

// Config is what the delivery worker needs; zero values get defaults.
type Config struct {
	Events    service.EventStore
	Describer Describer
	// BaseURL prefixes the payload's links, e.g. https://redline.example.com;
	// links are paths when it is empty.
	BaseURL string
	// Schedule is the delay before each retry; DefaultSchedule when nil.
	Schedule []time.Duration
	// Timeout bounds each attempt: connecting, sending and the answer's
	// headers.
	Timeout time.Duration
	// Concurrency bounds the deliveries in flight.
	Concurrency int
	// AllowPrivate lets deliveries reach loopback and private addresses,
	// for tests and closed networks.
	AllowPrivate bool
	// PollInterval is how often the worker looks for due deliveries.
	PollInterval time.Duration
	// RescueAfter is when a delivery whose worker died mid-attempt is
	// tried again.
	RescueAfter time.Duration
	Observer    Observer
	Logger      *slog.Logger
	Now         func() time.Time
}

func (c Config) withDefaults() Config {
	if c.Schedule == nil {
		c.Schedule = DefaultSchedule
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 8
	}
	if c.PollInterval <= 0 {
		c.PollInterval = time.Second
	}
	if c.RescueAfter <= 0 {
		c.RescueAfter = 5 * time.Minute
	}
	if c.Observer == nil {
		c.Observer = nopObserver{}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Worker works the delivery queue of one store.
type Worker[TTx any] struct {
	client *river.Client[TTx]
	stop   context.CancelFunc
	done   chan struct{}
}

// Start starts working the deliveries queued in the database driver
// reaches. Several replicas may work one PostgreSQL queue; each delivery
// is then made by one of them.
func Start[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], cfg Config) (*Worker[TTx], error) {
	cfg = cfg.withDefaults()
	if len(cfg.Schedule) > MaxRetries {
		return nil, service.Errorf(service.EINVALID, "a retry schedule has at most %d delays", MaxRetries)
	}
	if cfg.RescueAfter < jobTimeout(cfg.Timeout) {
		return nil, service.Errorf(service.EINVALID, "the rescue delay (%v) must be at least twice the attempt timeout plus 5s (%v)", cfg.RescueAfter, jobTimeout(cfg.Timeout))
	}
	d := &deliverer{cfg: cfg, client: newClient(cfg.AllowPrivate, cfg.Timeout)}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely[service.DeliveryJob](workers, d); err != nil {
		return nil, err
	}
	client, err := river.NewClient(driver, &river.Config{
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Concurrency}},
		Workers: workers, Logger: riverLogger(cfg.Logger),
		FetchPollInterval: cfg.PollInterval, FetchCooldown: min(cfg.PollInterval, 100*time.Millisecond),
		RescueStuckJobsAfter: cfg.RescueAfter, JobTimeout: d.jobTimeout(),
	})
	if err != nil {
		return nil, fmt.Errorf("webhook queue: %w", err)
	}
	// River cancels the attempts in flight when the context Start was given
	// ends, and serve's ends at SIGTERM: the worker outlives it, and Stop
	// ends it, letting those attempts finish.
	if err := client.Start(context.WithoutCancel(ctx)); err != nil {
		return nil, fmt.Errorf("start webhook queue: %w", err)
	}
	gaugeCtx, stop := context.WithCancel(context.Background())
	w := &Worker[TTx]{client: client, stop: stop, done: make(chan struct{})}
	go d.trackDepth(gaugeCtx, w.done)
	return w, nil
}

// riverLogger passes on River's warnings and errors only.
func riverLogger(l *slog.Logger) *slog.Logger {
	return slog.New(levelHandler{l.Handler(), slog.LevelWarn})
}

type levelHandler struct {
	slog.Handler
	min slog.Level
}

func (h levelHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

// Stop finishes the attempts in flight, or abandons them when ctx ends,
// and returns once none runs, so that the store may close. An abandoned
// attempt is made again later, with the same webhook-id.
func (w *Worker[TTx]) Stop(ctx context.Context) error {
	w.stop()
	<-w.done
	err := w.client.Stop(ctx)
	if err != nil {
		cancelCtx, cancel := context.WithTimeout(context.Background(), abandonWait)
		defer cancel()
		err = errors.Join(err, w.client.StopAndCancel(cancelCtx))
	}
	return err
}

// abandonWait bounds how long Stop waits for cut-off attempts to return.
const abandonWait = 5 * time.Second

// deliverer makes the attempts; River calls it once per attempt.
type deliverer struct {
	river.WorkerDefaults[service.DeliveryJob]
	cfg    Config
	client *http.Client
	// next holds, per job id, the time Work chose for the retry, which
	// NextRetry hands to River right after.
	next sync.Map
}

// jobTimeout leaves room for describing the revision beside the attempt.
func (d *deliverer) jobTimeout() time.Duration { return jobTimeout(d.cfg.Timeout) }

func jobTimeout(attempt time.Duration) time.Duration { return 2*attempt + 5*time.Second }

// MinRescueAfter is the shortest rescue delay Start accepts with the given
// attempt timeout: a job's own timeout, so that no attempt still running is
// made again.
func MinRescueAfter(attempt time.Duration) time.Duration { return jobTimeout(attempt) }

// Timeout is the time River gives one attempt, description included.
func (d *deliverer) Timeout(*river.Job[service.DeliveryJob]) time.Duration { return d.jobTimeout() }

// NextRetry returns the time Work chose: the schedule with jitter, or the
// receiver's Retry-After when later.
func (d *deliverer) NextRetry(job *river.Job[service.DeliveryJob]) time.Time {
	if t, ok := d.next.LoadAndDelete(job.ID); ok {
		return t.(time.Time)
	}
	return d.retryAt(job.Attempt, 0)
}

// retryAt is when to retry after the given attempt failed: its scheduled
// delay, give or take 10%, or retryAfter when that is later.
func (d *deliverer) retryAt(attempt int, retryAfter time.Duration) time.Time {
	delay := d.cfg.Schedule[min(attempt, len(d.cfg.Schedule))-1]
	jittered := time.Duration(float64(delay) * (0.9 + 0.2*rand.Float64()))
	return d.cfg.Now().Add(max(jittered, retryAfter))
}

// Work makes one attempt at a delivery.
func (d *deliverer) Work(ctx context.Context, job *river.Job[service.DeliveryJob]) error {
	sub, err := d.cfg.Events.Subscription(ctx, job.Args.SubscriptionID)
	if service.ErrorCode(err) == service.ENOTFOUND {
		return river.JobCancel(err) // deleted: its deliveries go with it
	} else if err != nil {
		return err
	}
	if sub.Disabled {
		d.record(ctx, job, result{outcome: OutcomeDropped, err: errors.New("the subscription is disabled")}, nil)
		return river.JobCancel(errors.New("subscription disabled"))
	}
	ev, err := d.cfg.Events.Event(ctx, job.Args.Seq)
	if err != nil {
		return err
	}
	body, err := buildPayload(ctx, d.cfg.Describer, d.cfg.BaseURL, ev)
	if err != nil {
		return err
	}
	res := d.send(ctx, sub, job.Args.WebhookID(), body)
	return d.settle(ctx, job, sub, res)
}

// result is what one attempt came to.
type result struct {
	status     int
	retryAfter time.Duration
	duration   time.Duration
	outcome    string
	err        error
}

// send posts body to the subscription's URL, signed for this attempt.
func (d *deliverer) send(ctx context.Context, sub *service.Subscription, id string, body []byte) result {
	ctx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
	defer cancel()
	at := d.cfg.Now()
	sig, err := Sign(sub.Secret, id, at, body)
	if err != nil {
		return result{outcome: OutcomeFailed, err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sub.URL, bytes.NewReader(body))
	if err != nil {
		return result{outcome: OutcomeFailed, err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Redline-Webhooks/1")
	req.Header.Set(HeaderID, id)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(at.Unix(), 10))
	req.Header.Set(HeaderSignature, sig)
	start := time.Now()
	resp, err := d.client.Do(req)
	res := result{duration: time.Since(start)}
	if err != nil {
		res.err = err
		return res
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	res.status, res.retryAfter = resp.StatusCode, parseRetryAfter(resp.Header.Get("Retry-After"), d.cfg.Now())
	return res
}

// parseRetryAfter reads seconds or an HTTP date; 0 when absent or bad.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return min(time.Duration(secs)*time.Second, maxRetryAfter)
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), maxRetryAfter)
	}
	return 0
}

// settle records the attempt and tells River what to do next: nothing
// after success, a retry after a failure, and no more attempts after a
// 410, a refused target or the last scheduled attempt.
func (d *deliverer) settle(ctx context.Context, job *river.Job[service.DeliveryJob], sub *service.Subscription, res result) error {
	switch {
	case res.err == nil && res.status >= 200 && res.status < 300:
		res.outcome = OutcomeDelivered
	case res.err == nil && res.status == http.StatusGone:
		res.outcome = OutcomeDisabled
		d.disable(ctx, sub)
	case errors.Is(res.err, ErrPrivateTarget):
		res.outcome = OutcomeRefused
	case job.Attempt > len(d.cfg.Schedule):
		res.outcome = OutcomeGaveUp
	default:
		res.outcome = OutcomeFailed
	}
	if res.err == nil && res.outcome != OutcomeDelivered {
		res.err = fmt.Errorf("the receiver answered %d", res.status)
	}
	var next *time.Time
	if res.outcome == OutcomeFailed {
		t := d.retryAt(job.Attempt, res.retryAfter)
		d.next.Store(job.ID, t)
		next = &t
	}
	d.record(ctx, job, res, next)
	d.cfg.Observer.WebhookAttempted(res.outcome, res.duration)
	switch res.outcome {
	case OutcomeDelivered:
		return nil
	case OutcomeFailed:
		return res.err
	default:
		return river.JobCancel(res.err)
	}
}

// disable stops new deliveries to a receiver that said it is gone.
func (d *deliverer) disable(ctx context.Context, sub *service.Subscription) {
	sub.Disabled, sub.DisabledReason, sub.UpdatedAt = true, "the receiver answered 410 Gone", d.cfg.Now()
	if err := d.cfg.Events.UpdateSubscription(ctx, sub); err != nil {
		d.cfg.Logger.Error("webhook: cannot disable subscription", "subscription", sub.ID, "error", err)
	}
}

func (d *deliverer) record(ctx context.Context, job *river.Job[service.DeliveryJob], res result, next *time.Time) {
	a := service.DeliveryAttempt{SubscriptionID: job.Args.SubscriptionID, WebhookID: job.Args.WebhookID(),
		Seq: job.Args.Seq, Attempt: job.Attempt, At: d.cfg.Now().UTC(), Status: res.status, Outcome: res.outcome,
		Duration: res.duration, NextAttemptAt: next}
	if res.err != nil {
		a.Error = truncate(res.err.Error(), 500)
	}
	// An attempt cut off by shutdown is recorded too: the store is still
	// open while Stop waits for it.
	recordCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), abandonWait)
	defer cancel()
	if err := d.cfg.Events.RecordAttempt(recordCtx, a); err != nil {
		d.cfg.Logger.Error("webhook: cannot record attempt", "webhook_id", a.WebhookID, "error", err)
	}
	level := slog.LevelInfo
	if res.outcome != OutcomeDelivered {
		level = slog.LevelWarn
	}
	d.cfg.Logger.Log(ctx, level, "webhook attempt", "webhook_id", a.WebhookID, "attempt", a.Attempt,
		"outcome", a.Outcome, "status", a.Status, "error", a.Error, "duration", res.duration)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// trackDepth updates the queue depth gauge until ctx ends.
func (d *deliverer) trackDepth(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(max(5*d.cfg.PollInterval, time.Second))
	defer t.Stop()
	for {
		if n, err := d.cfg.Events.PendingDeliveries(ctx); err == nil {
			d.cfg.Observer.SetWebhookQueueDepth(n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// ParseSchedule reads a retry schedule such as "5s,5m,30m".
func ParseSchedule(s string) ([]time.Duration, error) {
	var out []time.Duration
	for _, part := range strings.Split(s, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(part))
		if err != nil || d <= 0 {
			return nil, service.Errorf(service.EINVALID, "retry schedule %q must be positive durations separated by commas, such as 5s,5m,30m", s)
		}
		out = append(out, d)
	}
	if len(out) > MaxRetries {
		return nil, service.Errorf(service.EINVALID, "a retry schedule has at most %d delays", MaxRetries)
	}
	return out, nil
}
