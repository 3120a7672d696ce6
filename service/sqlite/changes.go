package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
)

// goSteps are the parts of migrations that SQL cannot do, run after the
// migration's SQL in the same transaction, by version.
var goSteps = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2: fillChangeStats,
	6: recountWords,
}

// wordCount is a stored revision's count of words as it should be.
type wordCount struct {
	articleID string
	number    int
	words     int
}

// recountWords counts the words of every stored body as revisions count
// them now and corrects the revisions counted otherwise, reading one body
// at a time.
func recountWords(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT r.article_id, r.number, r.words, b.body
		FROM revisions r JOIN revision_bodies b ON b.id = r.body_id`)
	if err != nil {
		return fmt.Errorf("read revisions: %w", err)
	}
	var fixes []wordCount
	for rows.Next() {
		var c wordCount
		var body string
		if err := rows.Scan(&c.articleID, &c.number, &c.words, &body); err != nil {
			rows.Close()
			return fmt.Errorf("read revision: %w", err)
		}
		if n := diff.CountWords(body); n != c.words {
			c.words = n
			fixes = append(fixes, c)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read revisions: %w", err)
	}
	for _, c := range fixes {
		if _, err := tx.ExecContext(ctx, `UPDATE revisions SET words = ? WHERE article_id = ? AND number = ?`,
			c.words, c.articleID, c.number); err != nil {
			return fmt.Errorf("store word count: %w", err)
		}
	}
	return nil
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
