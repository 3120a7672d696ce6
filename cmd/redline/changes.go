package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/postgres"
	"github.com/redline-news/redline/service/sqlite"
	"github.com/redline-news/redline/service/webhook"
)

func init() {
	register("changes", "print the change feed of a running service, one line per event", runChanges)
}

// FeedConfig is the configuration of the change feed and the webhooks.
type FeedConfig struct {
	// Heartbeat is the longest a change stream stays silent.
	Heartbeat time.Duration
	// PublicURL prefixes the links in webhook payloads.
	PublicURL string
	// Schedule is the delay before each retry of a failed delivery.
	Schedule []time.Duration
	// AttemptTimeout bounds each delivery attempt.
	AttemptTimeout time.Duration
	// Concurrency bounds the deliveries in flight.
	Concurrency int
	// AllowPrivate lets webhooks reach loopback and private addresses.
	AllowPrivate bool
	// PollInterval is how often the delivery worker looks for due work.
	PollInterval time.Duration
	// RescueAfter is when an attempt cut off by a crash is made again.
	RescueAfter time.Duration
}

func defaultFeedConfig() FeedConfig {
	return FeedConfig{Heartbeat: 15 * time.Second, Schedule: webhook.DefaultSchedule, AttemptTimeout: 10 * time.Second,
		Concurrency: 8, PollInterval: time.Second, RescueAfter: 5 * time.Minute}
}

func (f *FeedConfig) addFlags(fs *flag.FlagSet, getenv func(string) string) *string {
	schedule := fs.String("webhook-retry-schedule", formatSchedule(f.Schedule), "delays before each retry of a failed webhook delivery")
	fs.DurationVar(&f.Heartbeat, "feed-heartbeat", f.Heartbeat, "longest silence of a change stream before a heartbeat comment (at most 15s is advised)")
	fs.StringVar(&f.PublicURL, "public-url", envOr(getenv, "REDLINE_PUBLIC_URL", f.PublicURL), "URL the service is reached at, for the links in webhook payloads (env REDLINE_PUBLIC_URL)")
	fs.DurationVar(&f.AttemptTimeout, "webhook-timeout", f.AttemptTimeout, "time one webhook delivery attempt may take")
	fs.IntVar(&f.Concurrency, "webhook-concurrency", f.Concurrency, "webhook deliveries in flight at once (1 to 1000)")
	fs.BoolVar(&f.AllowPrivate, "webhook-allow-private", f.AllowPrivate, "let webhooks reach loopback, private and link-local addresses")
	fs.DurationVar(&f.PollInterval, "webhook-poll-interval", f.PollInterval, "how often the delivery worker looks for due deliveries")
	fs.DurationVar(&f.RescueAfter, "webhook-rescue-after", f.RescueAfter, "when a delivery attempt cut off by a crash is made again")
	return schedule
}

func (f *FeedConfig) check(schedule string) error {
	s, err := webhook.ParseSchedule(schedule)
	if err != nil {
		return usageError{"--webhook-retry-schedule: " + service.ErrorMessage(err)}
	}
	f.Schedule = s
	for name, d := range map[string]time.Duration{"feed-heartbeat": f.Heartbeat, "webhook-timeout": f.AttemptTimeout, "webhook-poll-interval": f.PollInterval,
		"webhook-rescue-after": f.RescueAfter} {
		if d <= 0 {
			return usageError{fmt.Sprintf("--%s must be a positive duration such as 10s, not %v", name, d)}
		}
	}
	if least := webhook.MinRescueAfter(f.AttemptTimeout); f.RescueAfter < least {
		return usageError{fmt.Sprintf("--webhook-rescue-after %v must be at least twice --webhook-timeout plus 5s (%v)", f.RescueAfter, least)}
	}
	if f.Concurrency < 1 || f.Concurrency > 1000 {
		return usageError{fmt.Sprintf("--webhook-concurrency %d must be between 1 and 1000", f.Concurrency)}
	}
	if f.PublicURL != "" {
		if u, err := url.Parse(f.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usageError{fmt.Sprintf("--public-url %q must be an absolute http or https URL", f.PublicURL)}
		}
	}
	return nil
}

func formatSchedule(s []time.Duration) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = d.String()
	}
	return strings.Join(parts, ",")
}

func (f FeedConfig) feedOptions() api.FeedOptions { return api.FeedOptions{Heartbeat: f.Heartbeat} }

func (f FeedConfig) webhookOptions() api.WebhookOptions {
	return api.WebhookOptions{AllowPrivate: f.AllowPrivate}
}

// events returns the store's change feed, or nil for a store without one.
func events(store service.RevisionStore) service.EventStore {
	es, _ := store.(service.EventStore)
	return es
}

// stopper is a running delivery worker.
type stopper interface {
	Stop(ctx context.Context) error
}

// startWebhooks starts the delivery worker of the store's queue. On
// PostgreSQL every replica runs one; River gives each job to one of them.
func (m *Main) startWebhooks(ctx context.Context, store service.RevisionStore) error {
	var w stopper
	var err error
	switch db := store.(type) {
	case *sqlite.DB:
		w, err = webhook.Start(ctx, db.QueueDriver(), m.webhookConfig(db))
	case *postgres.DB:
		w, err = webhook.Start(ctx, db.QueueDriver(), m.webhookConfig(db))
	default:
		return nil
	}
	if err != nil {
		return fmt.Errorf("start webhook deliveries: %w", err)
	}
	m.webhooks = w
	return nil
}

func (m *Main) webhookConfig(events service.EventStore) webhook.Config {
	f := m.Config.Feed
	return webhook.Config{
		Events: events, Describer: m.server, BaseURL: f.PublicURL, Schedule: f.Schedule, Timeout: f.AttemptTimeout,
		Concurrency: f.Concurrency, AllowPrivate: f.AllowPrivate, PollInterval: f.PollInterval,
		RescueAfter: f.RescueAfter, Observer: m.Metrics, Logger: m.Logger,
	}
}

// stopWebhooks lets attempts in flight finish until ctx is done.
func (m *Main) stopWebhooks(ctx context.Context) error {
	err := m.webhooks.Stop(ctx)
	m.webhooks = nil
	return err
}

// changesOptions are the flags of redline changes.
type changesOptions struct {
	server string
	token  string
	since  int64
	follow bool
}

func runChanges(ctx context.Context, stdio Stdio, args []string) error {
	var o changesOptions
	fs := flag.NewFlagSet("changes", flag.ContinueOnError)
	fs.SetOutput(stdio.Stderr)
	fs.StringVar(&o.server, "server", envOr(os.Getenv, "REDLINE_SERVER", "http://127.0.0.1:8080"), "the service's URL (env REDLINE_SERVER)")
	fs.StringVar(&o.token, "token", os.Getenv("REDLINE_TOKEN"), "bearer token to send, if the service requires one for reads (env REDLINE_TOKEN)")
	fs.Int64Var(&o.since, "since", 0, "print the events after this seq")
	fs.BoolVar(&o.follow, "follow", false, "keep printing events as they come, reconnecting when the connection drops")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("changes takes no arguments, got %q", fs.Args())}
	}
	if u, err := url.Parse(o.server); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usageError{fmt.Sprintf("--server %q must be an http or https URL such as http://127.0.0.1:8080", o.server)}
	}
	if o.since < 0 {
		return usageError{"--since must not be negative"}
	}
	o.server = strings.TrimSuffix(o.server, "/")
	if o.follow {
		return followChanges(ctx, stdio.Stdout, o)
	}
	return listChanges(ctx, stdio.Stdout, o)
}

// listChanges prints every event after since, page by page, and returns.
func listChanges(ctx context.Context, w io.Writer, o changesOptions) error {
	for {
		var page api.ChangesBody
		if err := getChangesJSON(ctx, o, &page); err != nil {
			return err
		}
		for _, ev := range page.Events {
			printEvent(w, ev)
		}
		if len(page.Events) == 0 {
			return nil
		}
		o.since = page.Next
	}
}

// getChangesJSON reads the page of events after o.since.
func getChangesJSON(ctx context.Context, o changesOptions, v any) error {
	req, err := newChangesRequest(ctx, o, "/v1/changes?limit=1000&since="+strconv.FormatInt(o.since, 10))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("cannot reach the service: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return problemError(resp)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// newChangesRequest is a GET of path on the service, with the token when
// one was given: a service with tokens and no public reads refuses the
// feed without one.
func newChangesRequest(ctx context.Context, o changesOptions, path string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, o.server+path, nil)
	if err != nil {
		return nil, err
	}
	if o.token != "" {
		req.Header.Set("Authorization", "Bearer "+o.token)
	}
	return req, nil
}

// problemError turns a problem+json answer into a message.
func problemError(resp *http.Response) error {
	var p struct {
		Detail string `json:"detail"`
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if json.Unmarshal(body, &p) == nil && p.Detail != "" {
		return fmt.Errorf("%s: %s", resp.Status, p.Detail)
	}
	return fmt.Errorf("the service answered %s", resp.Status)
}

// followChanges streams the feed and reconnects after the last event seen
// until ctx ends (Ctrl-C).
func followChanges(ctx context.Context, w io.Writer, o changesOptions) error {
	backoff := time.Second
	for ctx.Err() == nil {
		got, err := streamOnce(ctx, w, &o)
		if ctx.Err() != nil {
			return nil
		}
		var fatal fatalError
		if errors.As(err, &fatal) {
			return fatal.err
		}
		if got {
			backoff = time.Second
		}
		select {
		case <-ctx.Done():
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 30*time.Second)
	}
	return nil
}

// fatalError is a refusal that reconnecting would not change.
type fatalError struct{ err error }

func (e fatalError) Error() string { return e.err.Error() }

// streamOnce reads one stream until it ends, printing events and
// advancing o.since; it reports whether any event came.
func streamOnce(ctx context.Context, w io.Writer, o *changesOptions) (bool, error) {
	req, err := newChangesRequest(ctx, *o, "/v1/changes")
	if err != nil {
		return false, fatalError{err}
	}
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Last-Event-ID", strconv.FormatInt(o.since, 10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 && resp.StatusCode < 500 {
		return false, fatalError{problemError(resp)}
	} else if resp.StatusCode != http.StatusOK {
		return false, problemError(resp)
	}
	got := false
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		var ev service.Event
		if !ok || json.Unmarshal([]byte(data), &ev) != nil {
			continue
		}
		printEvent(w, ev)
		o.since, got = ev.Seq, true
	}
	return got, sc.Err()
}

// printEvent writes one line: seq, time, kind, article and revision, the
// words added and removed, and the title.
func printEvent(w io.Writer, ev service.Event) {
	fmt.Fprintf(w, "%d\t%s\t%-8s\t%s@%d\t+%d -%d\t%s\n", ev.Seq, ev.CreatedAt.Format(time.RFC3339), ev.Kind,
		ev.ArticleID, ev.Revision, ev.WordsAdded, ev.WordsRemoved, ev.Title)
}
