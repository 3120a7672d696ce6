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
	const columns = `SELECT id, title, url, latest_revision, created_at, updated_at FROM articles`
	var rows pgx.Rows
	var err error
	if opts.Cursor == "" {
		rows, err = s.pool.Query(ctx, columns+` ORDER BY updated_at DESC, id ASC LIMIT $1`, opts.Limit+1)
	} else {
		micros, afterID, derr := service.DecodeCursor(opts.Cursor)
		if derr != nil {
			return nil, derr
		}
		after := time.UnixMicro(micros).UTC()
		rows, err = s.pool.Query(ctx, columns+`
			WHERE updated_at < $1 OR (updated_at = $1 AND id > $2)
			ORDER BY updated_at DESC, id ASC LIMIT $3`, after, afterID, opts.Limit+1)
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
