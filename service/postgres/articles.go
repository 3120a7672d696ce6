package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service"
)

// ListArticles returns a page of articles, newest update first, ties broken
// by id so that a cursor never skips or repeats an article. Articles whose
// creating transaction has not committed are invisible, and committed ones
// always have a revision.
func (s *DB) ListArticles(ctx context.Context, opts service.ListOptions) (*service.ArticlePage, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	// An empty query skips the filter; ILIKE ignores case as SQLite's LIKE
	// does for ASCII.
	const columns = `SELECT id, title, url, latest_revision, created_at, updated_at FROM articles
		WHERE ($1 = '' OR title ILIKE $2 OR id ILIKE $2)`
	pattern := service.LikePattern(opts.Query)
	var rows pgx.Rows
	var err error
	if opts.Cursor == "" {
		rows, err = s.pool.Query(ctx, columns+` ORDER BY updated_at DESC, id ASC LIMIT $3`, opts.Query, pattern, opts.Limit+1)
	} else {
		micros, afterID, derr := service.DecodeCursor(opts.Cursor)
		if derr != nil {
			return nil, derr
		}
		after := time.UnixMicro(micros).UTC()
		rows, err = s.pool.Query(ctx, columns+`
			AND (updated_at < $3 OR (updated_at = $3 AND id > $4))
			ORDER BY updated_at DESC, id ASC LIMIT $5`, opts.Query, pattern, after, afterID, opts.Limit+1)
	}
	if err != nil {
		return nil, storeError("list articles", err)
	}
	articles, err := pgx.CollectRows(rows, scanArticle)
	if err != nil {
		return nil, storeError("list articles", err)
	}
	return service.NewArticlePage(articles, opts.Limit), nil
}

func scanArticle(row pgx.CollectableRow) (service.Article, error) {
	var a service.Article
	err := row.Scan(&a.ID, &a.Title, &a.URL, &a.LatestRevision, &a.CreatedAt, &a.UpdatedAt)
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return a, err
}

// CountArticles returns how many articles are stored.
func (s *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, storeError("count articles", err)
	}
	return n, nil
}
