package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/service"
)

// PutRevision stores d as the next revision of its article. See
// service.RevisionStore.
func (s *DB) PutRevision(ctx context.Context, d service.Draft) (_ *service.Revision, _ bool, err error) {
	defer func() { err = s.storeError(err) }()
	if err := d.Validate(); err != nil {
		return nil, false, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, false, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	latest, err := latestRevision(ctx, tx, d.ArticleID, true)
	if err != nil && service.ErrorCode(err) != service.ENOTFOUND {
		return nil, false, err
	}
	if err := d.CheckPreconditions(latest); err != nil {
		return nil, false, err
	}
	if latest != nil && latest.SameContent(d) {
		return latest, false, nil
	}
	rev := service.NewRevision(d, nextNumber(latest), s.Now())
	if err := insertRevision(ctx, tx, rev); err != nil {
		return nil, false, err
	}
	if err := tx.Commit(); err != nil {
		return nil, false, fmt.Errorf("commit: %w", err)
	}
	return rev, true, nil
}

func nextNumber(latest *service.Revision) int {
	if latest == nil {
		return 1
	}
	return latest.Number + 1
}

func insertRevision(ctx context.Context, tx *sql.Tx, r *service.Revision) error {
	at := r.CreatedAt.UnixMicro()
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO articles (id, title, url, latest_revision, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url,
			latest_revision = excluded.latest_revision, updated_at = excluded.updated_at`,
		r.ArticleID, r.Title, r.URL, r.Number, at, at); err != nil {
		return fmt.Errorf("upsert article: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO revisions (article_id, number, title, body, url, metadata, content_hash, words, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ArticleID, r.Number, r.Title, r.Body, r.URL, nullableJSON(r.Metadata), r.ContentHash, r.Words, at); err != nil {
		return fmt.Errorf("insert revision: %w", err)
	}
	return nil
}

// LatestRevision returns the newest revision of an article.
func (s *DB) LatestRevision(ctx context.Context, articleID string) (*service.Revision, error) {
	return latestRevision(ctx, s.db, articleID, true)
}

// RevisionByNumber returns revision n of an article.
func (s *DB) RevisionByNumber(ctx context.Context, articleID string, n int) (*service.Revision, error) {
	row := s.db.QueryRowContext(ctx, `
		SELECT article_id, number, title, body, url, metadata, content_hash, words, created_at
		FROM revisions WHERE article_id = ? AND number = ?`, articleID, n)
	rev, err := scanRevision(row.Scan, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "article %s has no revision %d", articleID, n)
	}
	return rev, err
}

// Revisions returns every revision of an article, without bodies.
func (s *DB) Revisions(ctx context.Context, articleID string) ([]service.Revision, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT article_id, number, title, '', url, metadata, content_hash, words, created_at
		FROM revisions WHERE article_id = ? ORDER BY number`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	defer rows.Close()
	var revs []service.Revision
	for rows.Next() {
		rev, err := scanRevision(rows.Scan, false)
		if err != nil {
			return nil, err
		}
		revs = append(revs, *rev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	if len(revs) == 0 {
		return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return revs, nil
}

// DeleteArticle removes an article; its revisions go with it (ON DELETE CASCADE).
func (s *DB) DeleteArticle(ctx context.Context, articleID string) (err error) {
	defer func() { err = s.storeError(err) }()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, articleID)
	if err != nil {
		return fmt.Errorf("delete article: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return tx.Commit()
}

// queryer is what both *sql.DB and *sql.Tx offer, so that helpers run inside
// or outside a transaction.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func latestRevision(ctx context.Context, q queryer, articleID string, withBody bool) (*service.Revision, error) {
	row := q.QueryRowContext(ctx, `
		SELECT r.article_id, r.number, r.title, r.body, r.url, r.metadata, r.content_hash, r.words, r.created_at
		FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.latest_revision
		WHERE a.id = ?`, articleID)
	rev, err := scanRevision(row.Scan, withBody)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return rev, err
}

func scanRevision(scan func(dest ...any) error, withBody bool) (*service.Revision, error) {
	var r service.Revision
	var metadata sql.NullString
	var at int64
	if err := scan(&r.ArticleID, &r.Number, &r.Title, &r.Body, &r.URL, &metadata, &r.ContentHash, &r.Words, &at); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("scan revision: %w", err)
	}
	if metadata.Valid {
		r.Metadata = []byte(metadata.String)
	}
	if !withBody {
		r.Body = ""
	}
	r.CreatedAt = time.UnixMicro(at).UTC()
	return &r, nil
}

func nullableJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}
