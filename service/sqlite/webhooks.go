package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/internal/storekit"
)

// rowsQueryer is what both *sql.DB and *sql.Tx offer for many rows.
type rowsQueryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

const subscriptionColumns = `id, url, kinds, article_prefix, metadata_filter, secret, disabled, disabled_reason, created_at, updated_at`

// CreateSubscription stores a new subscription.
func (s *DB) CreateSubscription(ctx context.Context, sub *service.Subscription) (err error) {
	defer func() { err = s.storeError(err) }()
	kinds, filter, err := service.EncodeFilters(sub)
	if err != nil {
		return err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM webhook_subscriptions`).Scan(&n); err != nil {
		return fmt.Errorf("count subscriptions: %w", err)
	}
	if err := service.CheckSubscriptionRoom(n); err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO webhook_subscriptions (`+subscriptionColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, sub.ID, sub.URL, kinds, sub.ArticlePrefix, filter, sub.Secret,
		sub.Disabled, sub.DisabledReason, sub.CreatedAt.UnixMicro(), sub.UpdatedAt.UnixMicro())
	if err != nil {
		return fmt.Errorf("insert subscription: %w", err)
	}
	return nil
}

// Subscription returns one subscription.
func (s *DB) Subscription(ctx context.Context, id string) (_ *service.Subscription, err error) {
	defer func() { err = s.storeError(err) }()
	row := s.db.QueryRowContext(ctx, `SELECT `+subscriptionColumns+` FROM webhook_subscriptions WHERE id = ?`, id)
	sub, err := scanSubscription(row.Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "webhook %s not found", id)
	}
	return sub, err
}

// Subscriptions returns every subscription, oldest first.
func (s *DB) Subscriptions(ctx context.Context) (_ []service.Subscription, err error) {
	defer func() { err = s.storeError(err) }()
	return subscriptions(ctx, s.db)
}

func subscriptions(ctx context.Context, q rowsQueryer) ([]service.Subscription, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM webhook_subscriptions ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close()
	return storekit.CollectRows(rows, scanSubscription, storekit.Prefix("list subscriptions"))
}

func scanSubscription(scan func(dest ...any) error) (*service.Subscription, error) {
	var sub service.Subscription
	var kinds, filter string
	var created, updated int64
	if err := scan(&sub.ID, &sub.URL, &kinds, &sub.ArticlePrefix, &filter, &sub.Secret, &sub.Disabled,
		&sub.DisabledReason, &created, &updated); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("scan subscription: %w", err)
	}
	if err := service.DecodeFilters(&sub, kinds, filter); err != nil {
		return nil, err
	}
	sub.CreatedAt, sub.UpdatedAt = time.UnixMicro(created).UTC(), time.UnixMicro(updated).UTC()
	return &sub, nil
}

// UpdateSubscription replaces a subscription's fields but its id, secret
// and creation time.
func (s *DB) UpdateSubscription(ctx context.Context, sub *service.Subscription) (err error) {
	defer func() { err = s.storeError(err) }()
	kinds, filter, err := service.EncodeFilters(sub)
	if err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `UPDATE webhook_subscriptions SET url = ?, kinds = ?, article_prefix = ?,
		metadata_filter = ?, disabled = ?, disabled_reason = ?, updated_at = ? WHERE id = ?`,
		sub.URL, kinds, sub.ArticlePrefix, filter, sub.Disabled, sub.DisabledReason, sub.UpdatedAt.UnixMicro(), sub.ID)
	if err != nil {
		return fmt.Errorf("update subscription: %w", err)
	}
	return expectOneRow(res, sub.ID)
}

func expectOneRow(res sql.Result, id string) error {
	if n, _ := res.RowsAffected(); n == 0 {
		return service.Errorf(service.ENOTFOUND, "webhook %s not found", id)
	}
	return nil
}

// DeleteSubscription removes a subscription; its attempt log goes with it
// (ON DELETE CASCADE) and the worker drops its queued deliveries.
func (s *DB) DeleteSubscription(ctx context.Context, id string) (err error) {
	defer func() { err = s.storeError(err) }()
	res, err := s.db.ExecContext(ctx, `DELETE FROM webhook_subscriptions WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete subscription: %w", err)
	}
	return expectOneRow(res, id)
}

// RecordAttempt appends an attempt and trims the log to its latest
// service.MaxAttemptLog rows. An attempt for a subscription deleted
// meanwhile is dropped.
func (s *DB) RecordAttempt(ctx context.Context, a service.DeliveryAttempt) (err error) {
	defer func() { err = s.storeError(err) }()
	var next any
	if a.NextAttemptAt != nil {
		next = a.NextAttemptAt.UnixMicro()
	}
	if _, err := s.db.ExecContext(ctx, `
		INSERT INTO webhook_attempts (subscription_id, webhook_id, seq, attempt, at, status, outcome, error, duration_us, next_attempt_at)
		SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM webhook_subscriptions WHERE id = ?`,
		a.WebhookID, a.Seq, a.Attempt, a.At.UnixMicro(), a.Status, a.Outcome, a.Error, a.Duration.Microseconds(), next,
		a.SubscriptionID); err != nil {
		return fmt.Errorf("record attempt: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM webhook_attempts WHERE subscription_id = ? AND id <= (
		SELECT id FROM webhook_attempts WHERE subscription_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
		a.SubscriptionID, a.SubscriptionID, service.MaxAttemptLog); err != nil {
		return fmt.Errorf("trim attempts: %w", err)
	}
	return nil
}

// Attempts returns a subscription's latest attempts, newest first.
func (s *DB) Attempts(ctx context.Context, subscriptionID string, limit int) (_ []service.DeliveryAttempt, err error) {
	defer func() { err = s.storeError(err) }()
	if _, err := s.Subscription(ctx, subscriptionID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT subscription_id, webhook_id, seq, attempt, at, status, outcome, error, duration_us, next_attempt_at
		FROM webhook_attempts WHERE subscription_id = ? ORDER BY id DESC LIMIT ?`, subscriptionID, limit)
	if err != nil {
		return nil, fmt.Errorf("list attempts: %w", err)
	}
	defer rows.Close()
	attempts := []service.DeliveryAttempt{}
	for rows.Next() {
		var a service.DeliveryAttempt
		var at, dur int64
		var next sql.NullInt64
		if err := rows.Scan(&a.SubscriptionID, &a.WebhookID, &a.Seq, &a.Attempt, &at, &a.Status, &a.Outcome,
			&a.Error, &dur, &next); err != nil {
			return nil, fmt.Errorf("scan attempt: %w", err)
		}
		a.At, a.Duration = time.UnixMicro(at).UTC(), time.Duration(dur)*time.Microsecond
		if next.Valid {
			t := time.UnixMicro(next.Int64).UTC()
			a.NextAttemptAt = &t
		}
		attempts = append(attempts, a)
	}
	return attempts, rows.Err()
}

// PendingDeliveries counts the delivery jobs River has not finished.
func (s *DB) PendingDeliveries(ctx context.Context) (_ int, err error) {
	defer func() { err = s.storeError(err) }()
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE kind = ?
		AND state IN ('available', 'pending', 'retryable', 'running', 'scheduled')`, service.DeliveryJob{}.Kind()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count pending deliveries: %w", err)
	}
	return n, nil
}
