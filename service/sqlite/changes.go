package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/redline-news/redline/service"
)

// goSteps are the parts of migrations that SQL cannot do, run after the
// migration's SQL in the same transaction, by version.
var goSteps = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2: fillChangeStats,
}

// changeUpdate is the stats one stored revision lacks.
type changeUpdate struct {
	articleID string
	number    int
	stats     service.ChangeStats
}

// fillChangeStats computes the change stats of every revision stored
// before they were kept, reading the revisions in order, one body at a time
// beside the one before it.
func fillChangeStats(ctx context.Context, tx *sql.Tx) error {
	updates, err := missingChangeStats(ctx, tx)
	if err != nil {
		return err
	}
	for _, u := range updates {
		if _, err := tx.ExecContext(ctx, `UPDATE revisions SET words_added = ?, words_removed = ?, facts_changed = ? WHERE article_id = ? AND number = ?`,
			u.stats.WordsAdded, u.stats.WordsRemoved, u.stats.FactsChanged, u.articleID, u.number); err != nil {
			return fmt.Errorf("store change stats: %w", err)
		}
	}
	return nil
}

func missingChangeStats(ctx context.Context, tx *sql.Tx) ([]changeUpdate, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, number, body, words_added IS NULL FROM revisions ORDER BY article_id, number`)
	if err != nil {
		return nil, fmt.Errorf("read revisions: %w", err)
	}
	defer rows.Close()
	var updates []changeUpdate
	var prevID, prevBody string
	for rows.Next() {
		var u changeUpdate
		var body string
		var missing bool
		if err := rows.Scan(&u.articleID, &u.number, &body, &missing); err != nil {
			return nil, fmt.Errorf("scan revision: %w", err)
		}
		if u.articleID != prevID {
			prevBody = "" // revision 1 is compared with the empty text
		}
		if missing {
			if u.stats, err = service.ChangeStatsBetween(prevBody, body); err != nil {
				return nil, err
			}
			updates = append(updates, u)
		}
		prevID, prevBody = u.articleID, body
	}
	return updates, rows.Err()
}

// changeGuess is the change stats of a draft computed before it is
// written, against the revision that was latest then.
type changeGuess = service.ChangeGuess

// changesSince returns the stats of d against latest (its number and hash
// only; nil for a new article), from the guess when the guess was made
// against that revision, else by loading latest's body and diffing.
func (s *DB) changesSince(ctx context.Context, tx *sql.Tx, latest *service.Revision, d service.Draft, g *changeGuess) (service.ChangeStats, error) {
	base := ""
	if latest != nil {
		base = latest.ContentHash
	}
	if g != nil && g.BaseHash == base {
		return g.Stats, nil
	}
	prevBody := ""
	if latest != nil {
		full, err := s.batchLatest(ctx, tx, d.ArticleID)
		if err != nil {
			return service.ChangeStats{}, err
		}
		prevBody = full.Body
	}
	return s.changes.Between(prevBody, d.Body)
}
