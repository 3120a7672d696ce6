package storekit

import (
	"context"
	"fmt"

	"github.com/riverqueue/river"

	"github.com/redline-news/redline/service"
)

// Deliveries gathers the delivery jobs of one event: one for each
// subscription offered that wants it, in the order they are offered.
type Deliveries struct {
	matcher *service.SubscriptionMatcher
	match   *service.EventMatch
	seq     int64
	jobs    []river.InsertManyParams
}

// NewDeliveries returns the empty Deliveries of ev, whose Seq is set;
// matcher decodes the subscriptions' filters.
func NewDeliveries(matcher *service.SubscriptionMatcher, ev *service.Event) *Deliveries {
	return &Deliveries{matcher: matcher, match: service.NewEventMatch(ev), seq: ev.Seq}
}

// Offer adds a job for the subscription fs stands for when it wants the
// event; it fails only on filters it cannot decode.
func (d *Deliveries) Offer(fs service.StoredFilter) error {
	wants, err := d.matcher.Wants(d.match, fs)
	if err != nil {
		return err
	}
	if wants {
		d.jobs = append(d.jobs, river.InsertManyParams{Args: service.DeliveryJob{Seq: d.seq, SubscriptionID: fs.ID}})
	}
	return nil
}

// QueueDeliveries inserts d's jobs with client inside tx, the transaction
// that writes the event; with no job, or a nil d, it does nothing.
func QueueDeliveries[TTx any](ctx context.Context, client *river.Client[TTx], tx TTx, d *Deliveries) error {
	if d == nil || len(d.jobs) == 0 {
		return nil
	}
	if _, err := client.InsertManyTx(ctx, tx, d.jobs); err != nil {
		return fmt.Errorf("queue deliveries: %w", err)
	}
	return nil
}
