package metrics_test

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/redline-news/redline/metrics"
	"github.com/redline-news/redline/service/webhook"
)

func TestWebhookHooks(t *testing.T) {
	m := metrics.New(metrics.BuildInfo{Version: "test"})
	var _ webhook.Observer = m
	if n := testutil.CollectAndCount(m.Registry(), "redline_webhook_deliveries_total"); n != len(webhook.Outcomes) {
		t.Fatalf("outcome series before any attempt: got %d, want one per outcome (%d)", n, len(webhook.Outcomes))
	}
	for _, o := range webhook.Outcomes { // the webhook package's names are the label's
		if got := value(t, m, "redline_webhook_deliveries_total", map[string]string{"outcome": o}); got != 0 {
			t.Fatalf("deliveries{outcome=%q} at start: got %v, want 0", o, got)
		}
	}
	m.WebhookAttempted(webhook.OutcomeDelivered, 30*time.Millisecond)
	m.WebhookAttempted(webhook.OutcomeFailed, 2*time.Second)
	m.WebhookAttempted("made-up", 0)
	m.SetWebhookQueueDepth(7)
	for _, tc := range []struct {
		outcome string
		want    float64
	}{{webhook.OutcomeDelivered, 1}, {webhook.OutcomeFailed, 1}, {metrics.Other, 1}, {webhook.OutcomeGaveUp, 0}} {
		if got := value(t, m, "redline_webhook_deliveries_total", map[string]string{"outcome": tc.outcome}); got != tc.want {
			t.Errorf("deliveries{outcome=%q}: got %v, want %v", tc.outcome, got, tc.want)
		}
	}
	if got := value(t, m, "redline_webhook_queue_depth", nil); got != 7 {
		t.Errorf("queue depth: got %v, want 7", got)
	}
	h := find(t, m, "redline_webhook_delivery_duration_seconds", nil).GetHistogram()
	if h.GetSampleCount() != 2 {
		t.Errorf("latency samples: got %d, want 2 (the attempt without a request is not timed)", h.GetSampleCount())
	}
}
