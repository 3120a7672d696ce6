package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/redline-news/redline/service"
)

// ListArticles returns a page of articles, newest update first, ties broken
// by id so that a cursor never skips or repeats an article; a query keeps
// those whose title or id contains it.
func (s *DB) ListArticles(ctx context.Context, opts service.ListOptions) (_ *service.ArticlePage, err error) {
	defer func() { err = s.storeError(err) }()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	micros, afterID := int64(1<<62), ""
	if opts.Cursor != "" {
		var err error
		if micros, afterID, err = service.DecodeCursor(opts.Cursor); err != nil {
			return nil, err
		}
	}
	// LIKE ignores ASCII case in SQLite; an empty query skips the filter.
	pattern := service.LikePattern(opts.Query)
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, title, url, latest_revision, created_at, updated_at FROM articles
		WHERE (updated_at < ? OR (updated_at = ? AND id > ?))
			AND (? = '' OR title LIKE ? ESCAPE '\' OR id LIKE ? ESCAPE '\')
		ORDER BY updated_at DESC, id ASC LIMIT ?`, micros, micros, afterID, opts.Query, pattern, pattern, opts.Limit+1)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	articles := []service.Article{}
	for rows.Next() {
		var a service.Article
		var created, updated int64
		if err := rows.Scan(&a.ID, &a.Title, &a.URL, &a.LatestRevision, &created, &updated); err != nil {
			return nil, fmt.Errorf("scan article: %w", err)
		}
		a.CreatedAt, a.UpdatedAt = time.UnixMicro(created).UTC(), time.UnixMicro(updated).UTC()
		articles = append(articles, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return service.NewArticlePage(articles, opts.Limit), nil
}

// CountArticles returns how many articles are stored.
func (s *DB) CountArticles(ctx context.Context) (_ int, err error) {
	defer func() { err = s.storeError(err) }()
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}
