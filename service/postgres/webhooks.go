package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/internal/storekit"
)

// rowsQueryer is what both the pool and a transaction offer for many rows.
type rowsQueryer interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

const subscriptionColumns = `id, url, kinds, article_prefix, metadata_filter, secret, disabled, disabled_reason, created_at, updated_at`

// CreateSubscription stores a new subscription.
func (s *DB) CreateSubscription(ctx context.Context, sub *service.Subscription) error {
	kinds, filter, err := service.EncodeFilters(sub)
	if err != nil {
		return err
	}
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM webhook_subscriptions`).Scan(&n); err != nil {
		return fmt.Errorf("count subscriptions: %w", err)
	}
	if err := service.CheckSubscriptionRoom(n); err != nil {
		return err
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO webhook_subscriptions (`+subscriptionColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, sub.ID, sub.URL, kinds, sub.ArticlePrefix, filter, sub.Secret,
		sub.Disabled, sub.DisabledReason, sub.CreatedAt, sub.UpdatedAt)
	if err != nil {
		return fmt.Errorf("insert subscription: %w", err)
	}
	return nil
}

// Subscription returns one subscription.
func (s *DB) Subscription(ctx context.Context, id string) (*service.Subscription, error) {
	row := s.pool.QueryRow(ctx, `SELECT `+subscriptionColumns+` FROM webhook_subscriptions WHERE id = $1`, id)
	sub, err := scanSubscription(row.Scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "webhook %s not found", id)
	}
	return sub, err
}

// Subscriptions returns every subscription, oldest first.
func (s *DB) Subscriptions(ctx context.Context) ([]service.Subscription, error) {
	return subscriptions(ctx, s.pool)
}

func subscriptions(ctx context.Context, q rowsQueryer) ([]service.Subscription, error) {
	rows, err := q.Query(ctx, `SELECT `+subscriptionColumns+` FROM webhook_subscriptions ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close()
	return storekit.CollectRows(rows, scanSubscription, storekit.Prefix("list subscriptions"))
}

func scanSubscription(scan func(dest ...any) error) (*service.Subscription, error) {
	var sub service.Subscription
	var kinds, filter string
	if err := scan(&sub.ID, &sub.URL, &kinds, &sub.ArticlePrefix, &filter, &sub.Secret, &sub.Disabled,
		&sub.DisabledReason, &sub.CreatedAt, &sub.UpdatedAt); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("scan subscription: %w", err)
	}
	if err := service.DecodeFilters(&sub, kinds, filter); err != nil {
		return nil, err
	}
	sub.CreatedAt, sub.UpdatedAt = sub.CreatedAt.UTC(), sub.UpdatedAt.UTC()
	return &sub, nil
}

// UpdateSubscription replaces a subscription's fields but its id, secret
// and creation time.
func (s *DB) UpdateSubscription(ctx context.Context, sub *service.Subscription) error {
	kinds, filter, err := service.EncodeFilters(sub)
	if err != nil {
		return err
	}
	res, err := s.pool.Exec(ctx, `UPDATE webhook_subscriptions SET url = $1, kinds = $2, article_prefix = $3,
		metadata_filter = $4, disabled = $5, disabled_reason = $6, updated_at = $7 WHERE id = $8`,
		sub.URL, kinds, sub.ArticlePrefix, filter, sub.Disabled, sub.DisabledReason, sub.UpdatedAt, sub.ID)
	if err != nil {
		return fmt.Errorf("update subscription: %w", err)
	}
	return expectOneRow(res, sub.ID)
}

func expectOneRow(res pgconn.CommandTag, id string) error {
	if res.RowsAffected() == 0 {
		return service.Errorf(service.ENOTFOUND, "webhook %s not found", id)
	}
	return nil
}

// DeleteSubscription removes a subscription; its attempt log goes with it
// (ON DELETE CASCADE) and the worker drops its queued deliveries.
func (s *DB) DeleteSubscription(ctx context.Context, id string) error {
	res, err := s.pool.Exec(ctx, `DELETE FROM webhook_subscriptions WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete subscription: %w", err)
	}
	return expectOneRow(res, id)
}

// RecordAttempt appends an attempt and trims the log to its latest
// service.MaxAttemptLog rows. An attempt for a subscription deleted
// meanwhile is dropped.
func (s *DB) RecordAttempt(ctx context.Context, a service.DeliveryAttempt) error {
	if _, err := s.pool.Exec(ctx, `
		INSERT INTO webhook_attempts (subscription_id, webhook_id, seq, attempt, at, status, outcome, error, duration_us, next_attempt_at)
		SELECT id, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM webhook_subscriptions WHERE id = $10`,
		a.WebhookID, a.Seq, a.Attempt, a.At, a.Status, a.Outcome, a.Error, a.Duration.Microseconds(), a.NextAttemptAt,
		a.SubscriptionID); err != nil {
		return fmt.Errorf("record attempt: %w", err)
	}
	if _, err := s.pool.Exec(ctx, `DELETE FROM webhook_attempts WHERE subscription_id = $1 AND id <= (
		SELECT id FROM webhook_attempts WHERE subscription_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`,
		a.SubscriptionID, service.MaxAttemptLog); err != nil {
		return fmt.Errorf("trim attempts: %w", err)
	}
	return nil
}

// Attempts returns a subscription's latest attempts, newest first.
func (s *DB) Attempts(ctx context.Context, subscriptionID string, limit int) ([]service.DeliveryAttempt, error) {
	if _, err := s.Subscription(ctx, subscriptionID); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `
		SELECT subscription_id, webhook_id, seq, attempt, at, status, outcome, error, duration_us, next_attempt_at
		FROM webhook_attempts WHERE subscription_id = $1 ORDER BY id DESC LIMIT $2`, subscriptionID, limit)
	if err != nil {
		return nil, fmt.Errorf("list attempts: %w", err)
	}
	defer rows.Close()
	attempts := []service.DeliveryAttempt{}
	for rows.Next() {
		var a service.DeliveryAttempt
		var dur int64
		if err := rows.Scan(&a.SubscriptionID, &a.WebhookID, &a.Seq, &a.Attempt, &a.At, &a.Status, &a.Outcome,
			&a.Error, &dur, &a.NextAttemptAt); err != nil {
			return nil, fmt.Errorf("scan attempt: %w", err)
		}
		a.At, a.Duration = a.At.UTC(), time.Duration(dur)*time.Microsecond
		if a.NextAttemptAt != nil {
			t := a.NextAttemptAt.UTC()
			a.NextAttemptAt = &t
		}
		attempts = append(attempts, a)
	}
	return attempts, rows.Err()
}

// PendingDeliveries counts the delivery jobs River has not finished.
func (s *DB) PendingDeliveries(ctx context.Context) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = $1
		AND state IN ('available', 'pending', 'retryable', 'running', 'scheduled')`, service.DeliveryJob{}.Kind()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count pending deliveries: %w", err)
	}
	return n, nil
}
