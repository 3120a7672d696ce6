package postgres

import (
	"github.com/redline-news/redline/service"
)

// changeGuess is the change stats of a draft computed before it is
// written, against the revision that was latest then.
type changeGuess = service.ChangeGuess

// changesSince returns the stats of d against latest (nil for a new
// article): the guess when it was made against that revision, else a diff
// computed now.
func (s *DB) changesSince(latest *service.Revision, d service.Draft, g *changeGuess) (service.ChangeStats, error) {
	base, prevBody := "", ""
	if latest != nil {
		base, prevBody = latest.ContentHash, latest.Body
	}
	if g != nil && g.BaseHash == base {
		return g.Stats, nil
	}
	return s.changes.Between(prevBody, d.Body)
}
