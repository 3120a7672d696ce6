package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service"
)

// changeGuess is the change stats of a draft computed before it is
// written, against the revision that was latest then.
type changeGuess = service.ChangeGuess

// changesSince returns the stats of d against latest (its number and hash
// only; nil for a new article): the guess when it was made against that
// revision, else a diff against latest's body, read now.
func (s *DB) changesSince(ctx context.Context, tx pgx.Tx, latest *service.Revision, d service.Draft, g *changeGuess) (service.ChangeStats, error) {
	base, prevBody := "", ""
	if latest != nil {
		base = latest.ContentHash
	}
	if g != nil && g.BaseHash == base {
		return g.Stats, nil
	}
	if latest != nil {
		full, err := latestRevisionIn(ctx, tx, d.ArticleID)
		if err != nil {
			return service.ChangeStats{}, err
		}
		prevBody = full.Body
	}
	return s.changes.Between(prevBody, d.Body)
}
