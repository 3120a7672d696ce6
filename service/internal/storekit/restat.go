package storekit

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/redline-news/redline/service"
)

// RestatRow is a revision whose change stats were counted by another
// version of the rules than service.ChangeStatsVersion: its key, the stats
// it keeps, its body and the body of the revision before it.
type RestatRow struct {
	ArticleID      string
	Number         int
	Stored         service.ChangeStats
	PrevBody, Body string
}

// Changed reports whether st differs from the stats r keeps.
func (r *RestatRow) Changed(st service.ChangeStats) bool { return st != r.Stored }

// ScanRestatRows reads rows of key, stored stats, previous body and body,
// in that order of columns.
func ScanRestatRows(rows Rows) ([]RestatRow, error) {
	return CollectRows(rows, func(scan func(dest ...any) error) (*RestatRow, error) {
		var r RestatRow
		err := scan(&r.ArticleID, &r.Number, &r.Stored.WordsAdded, &r.Stored.WordsRemoved, &r.Stored.FactsChanged,
			&r.PrevBody, &r.Body)
		return &r, err
	}, Prefix("read revisions"))
}

// restatLogEvery is how many batches go between two progress lines.
const restatLogEvery = 25

// RestatProgress is where a store's recount of change stats stands: the
// key of the last revision counted, which the next batch starts after, and
// what it logs.
type RestatProgress struct {
	ArticleID string
	Number    int
	// Indexed is set once the run has found work and made what it needs
	// for it.
	Indexed bool
	batches int
	// Revisions and Corrected count the revisions counted again and those
	// whose figures changed.
	Revisions, Corrected int
}

// Start logs that the store has revisions to count again.
func (p *RestatProgress) Start(backend string) {
	p.Indexed = true
	slog.Info("counting again the change stats of revisions stored by an older version",
		"store", backend, "stats_version", service.ChangeStatsVersion)
}

// Advance moves the cursor past batch, committed, and logs progress now
// and then.
func (p *RestatProgress) Advance(backend string, batch []RestatRow, corrected int) {
	last := batch[len(batch)-1]
	p.ArticleID, p.Number = last.ArticleID, last.Number
	p.batches++
	p.Revisions += len(batch)
	p.Corrected += corrected
	if p.batches%restatLogEvery == 0 {
		slog.Info("counting again the change stats of revisions", "store", backend,
			"revisions", p.Revisions, "corrected", p.Corrected, "at_article", p.ArticleID)
	}
}

// Done logs the end of a run that had work.
func (p *RestatProgress) Done(backend string) {
	if p.Indexed {
		slog.Info("counted again the change stats of revisions", "store", backend,
			"revisions", p.Revisions, "corrected", p.Corrected, "stats_version", service.ChangeStatsVersion)
	}
}

// Restat runs a store's recount of change stats: batch counts again the
// stale revisions after p's cursor and returns how many it read, until one
// reads none; dropIndex then drops what the run made for its work, and the
// totals are logged.
func Restat(ctx context.Context, backend string, batch func(context.Context, *RestatProgress) (int, error), dropIndex func(context.Context) error) error {
	var p RestatProgress
	for {
		n, err := batch(ctx, &p)
		if err != nil {
			return fmt.Errorf("count the change stats of revisions again: %w", err)
		}
		if n == 0 {
			break
		}
	}
	if err := dropIndex(ctx); err != nil {
		return fmt.Errorf("drop the change feed's recount index: %w", err)
	}
	p.Done(backend)
	return nil
}
