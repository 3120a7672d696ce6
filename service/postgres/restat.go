package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/internal/storekit"
)

// restatBatch is how many revisions one transaction of restatChanges
// counts again; tests lower it to cross batch boundaries.
var restatBatch = 200

// restatChanges counts again, against the revision before, the change
// stats of every revision kept with another version of the rules than
// service.ChangeStatsVersion, and corrects its event in the change feed.
// It runs when the store opens, before it answers anything, so that no
// answer gives a stale figure. Each batch commits on its own, under the
// migrations' advisory lock, and marks its revisions done: replicas that
// start together share the work batch by batch, none returns before the
// last stale revision is done, and a run cut short resumes where it
// stopped. A run with nothing left to do only walks the revisions' keys.
func (s *DB) restatChanges(ctx context.Context) error {
	return storekit.Restat(ctx, Backend, s.restatOneBatch, func(ctx context.Context) error {
		return s.underMigrationLock(ctx, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, `DROP INDEX IF EXISTS events_restat`)
			return err
		})
	})
}

// restatOneBatch counts again the stale revisions that follow p's cursor,
// at most restatBatch of them, in one transaction. It returns how many it
// read.
func (s *DB) restatOneBatch(ctx context.Context, p *storekit.RestatProgress) (int, error) {
	var batch []storekit.RestatRow
	corrected := 0
	err := s.underMigrationLock(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, restatSelectSQL, service.ChangeStatsVersion, p.ArticleID, p.Number, restatBatch)
		if err != nil {
			return fmt.Errorf("read revisions: %w", err)
		}
		batch, err = storekit.ScanRestatRows(rows)
		rows.Close()
		if err != nil || len(batch) == 0 {
			return err
		}
		if err := restatIndex(ctx, tx, p); err != nil {
			return err
		}
		for i := range batch {
			changed, err := restatRevision(ctx, tx, s.changes, &batch[i])
			if err != nil {
				return err
			}
			if changed {
				corrected++
			}
		}
		return nil
	})
	if err != nil || len(batch) == 0 {
		return 0, err
	}
	p.Advance(Backend, batch, corrected)
	return len(batch), nil
}

// restatSelectSQL reads the stale revisions after a key, in key order,
// each with its body and the body of the revision before it (” for
// revision 1, which is compared with the empty text).
const restatSelectSQL = `
	SELECT r.article_id, r.number, r.words_added, r.words_removed, r.facts_changed,
		coalesce(p.body, ''), r.body
	FROM revisions r
	LEFT JOIN revisions p ON p.article_id = r.article_id AND p.number = r.number - 1
	WHERE r.stats_version <> $1 AND (r.article_id, r.number) > ($2, $3)
	ORDER BY r.article_id, r.number LIMIT $4`

// restatIndex creates, once a run finds work, the index that finds a
// revision's events; restatChanges drops it at the end. The change feed
// needs none otherwise, and keeping one would cost every write.
func restatIndex(ctx context.Context, tx pgx.Tx, p *storekit.RestatProgress) error {
	if p.Indexed {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE INDEX IF NOT EXISTS events_restat ON events (article_id, revision)`); err != nil {
		return fmt.Errorf("index the change feed by revision: %w", err)
	}
	p.Start(Backend)
	return nil
}

// restatRevision stores r's stats as counter, the PUT path's, counts them
// now, with the version they were counted by, and the same figures in its
// events: those of the article as it is, written after its last deletion,
// if any. Events of an article deleted since keep theirs, as the bodies
// they were counted from are gone.
func restatRevision(ctx context.Context, tx pgx.Tx, counter *service.ChangeCounter, r *storekit.RestatRow) (changed bool, err error) {
	st, err := counter.Between(r.PrevBody, r.Body)
	if err != nil {
		return false, fmt.Errorf("revision %d of %s: %w", r.Number, r.ArticleID, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE revisions SET words_added = $1, words_removed = $2, facts_changed = $3, stats_version = $4
		WHERE article_id = $5 AND number = $6`,
		st.WordsAdded, st.WordsRemoved, st.FactsChanged, service.ChangeStatsVersion, r.ArticleID, r.Number); err != nil {
		return false, fmt.Errorf("store change stats: %w", err)
	}
	if !r.Changed(st) {
		return false, nil
	}
	if _, err := tx.Exec(ctx, `UPDATE events SET words_added = $1, words_removed = $2, facts = $3
		WHERE article_id = $4 AND revision = $5 AND kind = 'revision'
		AND seq > coalesce((SELECT max(seq) FROM events WHERE article_id = $4 AND kind = 'deleted'), 0)`,
		st.WordsAdded, st.WordsRemoved, st.FactsChanged, r.ArticleID, r.Number); err != nil {
		return false, fmt.Errorf("store change stats in the change feed: %w", err)
	}
	return true, nil
}
