package metrics

import (
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// WebhookOutcomes are the outcome label's values, one per way an attempt
// to deliver a webhook can end; the webhook package names the same.
var WebhookOutcomes = []string{"delivered", "failed", "gave_up", "disabled", "refused", "dropped"}

// webhookMetrics count webhook delivery attempts and the queue behind them.
type webhookMetrics struct {
	deliveries *prometheus.CounterVec
	duration   prometheus.Observer
	queue      prometheus.Gauge
}

// deliveryBuckets span 5 ms to about 20 s: a receiver on the same network
// answers in milliseconds, a slow one runs into the attempt's timeout.
func deliveryBuckets() []float64 { return prometheus.ExponentialBuckets(0.005, 2.5, 10) }

func newWebhookMetrics(reg prometheus.Registerer) *webhookMetrics {
	w := &webhookMetrics{
		deliveries: counterVec(reg, "webhook_deliveries_total", "Webhook delivery attempts, by outcome (delivered, failed, gave_up, disabled, refused, dropped).", "outcome"),
		duration:   histogram(reg, "webhook_delivery_duration_seconds", "Time from sending a webhook to its receiver's answer.", deliveryBuckets()).WithLabelValues(),
		queue: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Name: "webhook_queue_depth",
			Help: "Webhook deliveries queued and not yet made or given up."}),
	}
	reg.MustRegister(w.queue)
	for _, o := range WebhookOutcomes {
		w.deliveries.WithLabelValues(o)
	}
	return w
}

// WebhookAttempted records one delivery attempt that ended with outcome
// and whose request took d (zero when none was sent).
func (m *Metrics) WebhookAttempted(outcome string, d time.Duration) {
	if !slices.Contains(WebhookOutcomes, outcome) {
		outcome = Other
	}
	m.webhooks.deliveries.WithLabelValues(outcome).Inc()
	if d > 0 {
		m.webhooks.duration.Observe(d.Seconds())
	}
}

// SetWebhookQueueDepth records how many deliveries are queued now.
func (m *Metrics) SetWebhookQueueDepth(n int) { m.webhooks.queue.Set(float64(n)) }
