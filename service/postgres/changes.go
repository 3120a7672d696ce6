package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service"
)

// goSteps are the parts of migrations that SQL cannot do, run after the
// migration's SQL in the same transaction, by version.
var goSteps = map[int]func(ctx context.Context, tx pgx.Tx) error{
	2: fillChangeStats,
}

type changeUpdate struct {
	articleID string
	number    int
	stats     service.ChangeStats
}

// fillChangeStats computes the change stats of every revision stored
// before they were kept, reading each article's revisions in order.
func fillChangeStats(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT article_id, number, body, words_added IS NULL FROM revisions ORDER BY article_id, number`)
	if err != nil {
		return err
	}
	var updates []changeUpdate
	var prevID, prevBody string
	for rows.Next() {
		var u changeUpdate
		var body string
		var missing bool
		if err := rows.Scan(&u.articleID, &u.number, &body, &missing); err != nil {
			rows.Close()
			return err
		}
		if u.articleID != prevID {
			prevBody = ""
		}
		if missing {
			if u.stats, err = service.ChangeStatsBetween(prevBody, body); err != nil {
				rows.Close()
				return err
			}
			updates = append(updates, u)
		}
		prevID, prevBody = u.articleID, body
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, u := range updates {
		if _, err := tx.Exec(ctx, `UPDATE revisions SET words_added = $1, words_removed = $2 WHERE article_id = $3 AND number = $4`,
			u.stats.WordsAdded, u.stats.WordsRemoved, u.articleID, u.number); err != nil {
			return err
		}
	}
	return nil
}

// changesSince returns d's change stats against latest (nil for revision 1).
func changesSince(latest *service.Revision, d service.Draft) (service.ChangeStats, error) {
	prev := ""
	if latest != nil {
		prev = latest.Body
	}
	return service.ChangeStatsBetween(prev, d.Body)
}

// ListRevisions returns a page of an article's revisions, oldest first,
// without bodies and with their stored change stats.
func (s *DB) ListRevisions(ctx context.Context, articleID string, opts service.RevisionListOptions) (*service.RevisionPage, error) {
	after, err := opts.Validate()
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `
		SELECT article_id, number, title, '', url, metadata, content_hash, words, words_added, words_removed, created_at
		FROM revisions WHERE article_id = $1 AND number > $2 ORDER BY number LIMIT $3`, articleID, after, opts.Limit+1)
	if err != nil {
		return nil, storeError("list revisions", err)
	}
	revs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (service.Revision, error) {
		rev, err := scanRevision(row)
		if err != nil {
			return service.Revision{}, err
		}
		return *rev, nil
	})
	if err != nil {
		return nil, storeError("list revisions", err)
	}
	if len(revs) == 0 {
		if _, err := s.RevisionMeta(ctx, articleID, 0); err != nil {
			return nil, err
		}
	}
	return service.NewRevisionPage(revs, opts.Limit), nil
}
