package service

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// EventKind says what happened to an article.
type EventKind string

// The kinds of event the change feed carries.
const (
	EventRevision EventKind = "revision"
	EventDeleted  EventKind = "deleted"
)

// EventKinds lists every kind, in the order documentation shows them.
var EventKinds = []EventKind{EventRevision, EventDeleted}

// Limits on the change feed.
const (
	DefaultEventLimit = 100
	MaxEventLimit     = 1000
)

// Event is one entry of the change feed: a stored revision or a deletion.
// Seq is global and increasing, so a reader resumes after the last one seen.
type Event struct {
	Seq       int64           `json:"seq"`
	Kind      EventKind       `json:"kind"`
	ArticleID string          `json:"article_id"`
	Revision  int             `json:"revision"`
	Title     string          `json:"title"`
	URL       string          `json:"url,omitempty"`
	Metadata  json.RawMessage `json:"metadata,omitempty"`
	CreatedAt time.Time       `json:"created_at"`
	// WordsAdded and WordsRemoved compare the revision with the one before
	// (revision 1: with the empty text); zero for a deletion.
	WordsAdded   int `json:"words_added"`
	WordsRemoved int `json:"words_removed"`
	// Facts is the count of facts the revision changed, as the diff reports
	// them; nil for a deletion.
	Facts *int `json:"facts,omitempty"`
}

// NewRevisionEvent is the event of storing rev, whose Changes the store
// has filled in against the revision before it. Stores call it inside the
// write's transaction.
func NewRevisionEvent(rev *Revision) Event {
	return Event{Kind: EventRevision, ArticleID: rev.ArticleID, Revision: rev.Number, Title: rev.Title,
		URL: rev.URL, Metadata: rev.Metadata, CreatedAt: rev.CreatedAt,
		WordsAdded: rev.Changes.WordsAdded, WordsRemoved: rev.Changes.WordsRemoved, Facts: &rev.Changes.FactsChanged}
}

// NewDeletionEvent is the event of deleting the article whose latest
// revision is latest, at time now.
func NewDeletionEvent(latest *Revision, now time.Time) Event {
	return Event{Kind: EventDeleted, ArticleID: latest.ArticleID, Revision: latest.Number, Title: latest.Title,
		URL: latest.URL, Metadata: latest.Metadata, CreatedAt: now.UTC().Truncate(time.Microsecond)}
}

// EventStore keeps the change feed and the webhook subscriptions. The
// events are written by RevisionStore's PutRevision and DeleteArticle in
// the same transaction as the change, with one delivery job per matching
// subscription, so that neither can be lost.
type EventStore interface {
	// EventsSince returns at most limit events with seq > since, oldest
	// first. Returns EINVALID for a negative since or a limit out of range.
	EventsSince(ctx context.Context, since int64, limit int) ([]Event, error)

	// Event returns the event seq, or ENOTFOUND.
	Event(ctx context.Context, seq int64) (*Event, error)

	// WaitForEvents returns nil as soon as an event with seq > after
	// exists, even one written by another process or replica, and
	// ctx.Err() when ctx ends first.
	WaitForEvents(ctx context.Context, after int64) error

	// CreateSubscription stores sub, which must have its id and secret.
	CreateSubscription(ctx context.Context, sub *Subscription) error

	// Subscription returns one subscription, or ENOTFOUND.
	Subscription(ctx context.Context, id string) (*Subscription, error)

	// Subscriptions returns every subscription, oldest first.
	Subscriptions(ctx context.Context) ([]Subscription, error)

	// UpdateSubscription replaces the stored fields of sub, or returns
	// ENOTFOUND.
	UpdateSubscription(ctx context.Context, sub *Subscription) error

	// DeleteSubscription removes a subscription and its attempt log, or
	// returns ENOTFOUND. Deliveries still queued for it are dropped.
	DeleteSubscription(ctx context.Context, id string) error

	// RecordAttempt appends one delivery attempt to its subscription's log,
	// which keeps the latest MaxAttemptLog attempts.
	RecordAttempt(ctx context.Context, a DeliveryAttempt) error

	// Attempts returns at most limit of a subscription's latest attempts,
	// newest first.
	Attempts(ctx context.Context, subscriptionID string, limit int) ([]DeliveryAttempt, error)

	// PendingDeliveries counts the deliveries not yet made or given up.
	PendingDeliveries(ctx context.Context) (int, error)
}

// ValidateEventPage checks a feed request's since and limit, applying the
// default limit.
func ValidateEventPage(since int64, limit *int) error {
	if since < 0 {
		return Errorf(EINVALID, "since must not be negative")
	}
	if *limit == 0 {
		*limit = DefaultEventLimit
	}
	if *limit < 1 || *limit > MaxEventLimit {
		return Errorf(EINVALID, "limit must be between 1 and %d", MaxEventLimit)
	}
	return nil
}

// MaxAttemptLog is how many attempts a subscription's log keeps.
const MaxAttemptLog = 100

// Limits on subscriptions.
const (
	MaxSubscriptions   = 1000
	MaxFilterPairs     = 10
	MaxFilterValueSize = 200
)

// CheckSubscriptionRoom returns ETOOLARGE when a store that holds n
// subscriptions has no room for another.
func CheckSubscriptionRoom(n int) error {
	if n >= MaxSubscriptions {
		return Errorf(ETOOLARGE, "there are already %d subscriptions, the limit", MaxSubscriptions)
	}
	return nil
}

// Subscription is a webhook: where to send which events, and the secret
// that signs them.
type Subscription struct {
	ID  string
	URL string
	// Kinds are the event kinds sent; empty means all.
	Kinds []EventKind
	// ArticlePrefix, when set, sends only events of articles whose id
	// starts with it.
	ArticlePrefix string
	// Metadata, when set, sends only events of articles whose metadata
	// holds every key with the given value (desk=metro).
	Metadata map[string]string
	// Secret is "whsec_" and the base64 of the signing key.
	Secret string
	// Disabled subscriptions get no new deliveries; DisabledReason says why
	// (the receiver answered 410 Gone, or an operator paused it).
	Disabled       bool
	DisabledReason string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Matches reports whether ev is one the subscription wants.
func (s *Subscription) Matches(ev *Event) bool {
	return NewEventMatch(ev).Wants(s)
}

// matchesKindAndPrefix applies the filters that need no decoding.
func (s *Subscription) matchesKindAndPrefix(ev *Event) bool {
	if s.Disabled || (len(s.Kinds) > 0 && !containsKind(s.Kinds, ev.Kind)) {
		return false
	}
	return strings.HasPrefix(ev.ArticleID, s.ArticlePrefix)
}

func containsKind(kinds []EventKind, k EventKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// metadataValue is how a filter sees a metadata value: a string as itself,
// anything else as its JSON (so desk=metro and count=3 both match).
func metadataValue(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// DeliveryJob is one event to deliver to one subscription. Stores queue it
// in the transaction that writes the event; its Kind names the queue's
// worker.
type DeliveryJob struct {
	Seq            int64  `json:"seq"`
	SubscriptionID string `json:"subscription_id"`
}

// Kind names the job for the queue.
func (DeliveryJob) Kind() string { return "webhook_delivery" }

// WebhookID is the delivery's Standard Webhooks message id: the same on
// every retry, so that receivers can drop duplicates.
func (j DeliveryJob) WebhookID() string {
	return "msg_" + strconv.FormatInt(j.Seq, 10) + "_" + j.SubscriptionID
}

// DeliveryAttempt is one try at delivering an event to a subscription.
type DeliveryAttempt struct {
	SubscriptionID string        `json:"-"`
	WebhookID      string        `json:"webhook_id"`
	Seq            int64         `json:"seq"`
	Attempt        int           `json:"attempt"`
	At             time.Time     `json:"at"`
	Status         int           `json:"status,omitempty"`
	Outcome        string        `json:"outcome"`
	Error          string        `json:"error,omitempty"`
	Duration       time.Duration `json:"-"`
	// NextAttemptAt is when the delivery is tried again; nil when it is
	// done or given up.
	NextAttemptAt *time.Time `json:"next_attempt_at,omitempty"`
}
