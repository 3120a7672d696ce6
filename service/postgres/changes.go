package postgres

import (
	"context"

	"github.com/redline-news/redline/service"
)

// changeGuess is the change stats of a draft computed before it is
// written, against the revision that was latest then.
type changeGuess = service.ChangeGuess

// guessChanges diffs d against the latest revision before the draft joins
// a batch, in the caller's goroutine, so that the commit loop, which writes
// for everyone one draft after another, does not spend its time diffing.
// It returns nil when there is nothing to guess.
func (s *DB) guessChanges(ctx context.Context, d service.Draft) *changeGuess {
	latest, err := s.LatestRevision(ctx, d.ArticleID)
	if err != nil && service.ErrorCode(err) != service.ENOTFOUND {
		return nil
	}
	return service.GuessChanges(latest, d)
}

// changesSince returns the stats of d against latest (nil for a new
// article): the guess when it was made against that revision, else a diff
// computed now.
func changesSince(latest *service.Revision, d service.Draft, g *changeGuess) (service.ChangeStats, error) {
	base, prevBody := "", ""
	if latest != nil {
		base, prevBody = latest.ContentHash, latest.Body
	}
	if g != nil && g.BaseHash == base {
		return g.Stats, nil
	}
	return service.ChangeStatsBetween(prevBody, d.Body)
}
