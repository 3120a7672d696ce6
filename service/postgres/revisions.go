package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/redline-news/redline/service"
)

// querier is what both the pool and a transaction offer, so that helpers
// run inside or outside a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

const revisionColumns = `article_id, number, title, body, url, metadata, content_hash, words, words_added, words_removed, facts_changed, created_at`

// putInTx writes d as the next revision of its article inside tx, first
// under a savepoint of its own when savepoint is set. The article row is
// created if missing (INSERT … ON CONFLICT DO NOTHING) and then locked
// (SELECT … FOR UPDATE), so that writers of one article, on this replica or
// another, take their numbers one after the other; the preconditions are
// checked under that lock. Statements are sent in two pipelined round
// trips: lock and read, then write. Only the latest revision's number and
// hash are read: the commit loop writes for every caller, so it reads a
// body only when it must (a draft that repeats it, or a stale guess).
func (s *DB) putInTx(ctx context.Context, tx pgx.Tx, req *putRequest, savepoint bool) (*service.Revision, bool, error) {
	d := req.draft
	now := s.Now().UTC().Truncate(time.Microsecond)
	latest, err := lockLatest(ctx, tx, d, now, savepoint)
	if err != nil {
		return nil, false, err
	}
	if err := d.CheckPreconditions(latest); err != nil {
		return nil, false, err
	}
	if latest != nil && latest.ContentHash == req.digest.ContentHash {
		return unchangedIn(ctx, tx, d.ArticleID, savepoint)
	}
	rev := service.NewRevisionFrom(d, req.digest, nextNumber(latest), now)
	if rev.Changes, err = s.changesSince(ctx, tx, latest, d, req.guess); err != nil {
		return nil, false, err
	}
	if err := s.insertEvent(ctx, tx, service.NewRevisionEvent(rev)); err != nil {
		return nil, false, err
	}
	if err := insertRevision(ctx, tx, rev, savepoint); err != nil {
		return nil, false, err
	}
	return rev, true, nil
}

// unchangedIn answers a draft that repeats the latest revision, which it
// reads whole, and releases the draft's savepoint.
func unchangedIn(ctx context.Context, tx pgx.Tx, articleID string, savepoint bool) (*service.Revision, bool, error) {
	latest, err := latestRevisionIn(ctx, tx, articleID)
	if err != nil {
		return nil, false, err
	}
	if savepoint {
		if _, err := tx.Exec(ctx, `RELEASE SAVEPOINT draft`); err != nil {
			return nil, false, storeError("release savepoint", err)
		}
	}
	return latest, false, nil
}

// lockLatest creates the article row if missing, locks it, and returns the
// number, content hash and time of its latest revision, or nil for an
// article this transaction has just created. The revision is read by a statement after the lock, whose
// snapshot is taken once the lock was granted, so that it sees what a
// writer that held the lock committed.
func lockLatest(ctx context.Context, tx pgx.Tx, d service.Draft, now time.Time, savepoint bool) (*service.Revision, error) {
	b := &pgx.Batch{}
	if savepoint {
		b.Queue(`SAVEPOINT draft`)
	}
	b.Queue(`INSERT INTO articles (id, title, url, latest_revision, created_at, updated_at)
		VALUES ($1, $2, $3, 0, $4, $4) ON CONFLICT (id) DO NOTHING`, d.ArticleID, d.Title, d.URL, now)
	b.Queue(`SELECT latest_revision FROM articles WHERE id = $1 FOR UPDATE`, d.ArticleID)
	b.Queue(`SELECT r.number, r.content_hash, r.created_at
		FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.latest_revision
		WHERE a.id = $1`, d.ArticleID)
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	steps := []string{"create article", "lock article"}
	if savepoint {
		steps = append([]string{"savepoint"}, steps...)
	}
	for _, step := range steps {
		if _, err := br.Exec(); err != nil {
			return nil, storeError(step, err)
		}
	}
	rev := &service.Revision{ArticleID: d.ArticleID}
	err := br.QueryRow().Scan(&rev.Number, &rev.ContentHash, &rev.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, storeError("lock article", br.Close())
	}
	if err != nil {
		return nil, storeError("latest revision", err)
	}
	rev.CreatedAt = rev.CreatedAt.UTC()
	return rev, storeError("lock article", br.Close())
}

func nextNumber(latest *service.Revision) int {
	if latest == nil {
		return 1
	}
	return latest.Number + 1
}

// insertRevision stores r and points its article at it, in one round trip
// that also releases the draft's savepoint.
func insertRevision(ctx context.Context, tx pgx.Tx, r *service.Revision, savepoint bool) error {
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO revisions (`+revisionColumns+`, stats_version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		r.ArticleID, r.Number, r.Title, r.Body, r.URL, nullableJSON(r.Metadata), r.ContentHash, r.Words,
		r.Changes.WordsAdded, r.Changes.WordsRemoved, r.Changes.FactsChanged, r.CreatedAt, service.ChangeStatsVersion)
	b.Queue(`UPDATE articles SET title = $2, url = $3, latest_revision = $4, updated_at = $5 WHERE id = $1`,
		r.ArticleID, r.Title, r.URL, r.Number, r.CreatedAt)
	steps := []string{"insert revision", "update article"}
	if savepoint {
		b.Queue(`RELEASE SAVEPOINT draft`)
		steps = append(steps, "release savepoint")
	}
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	for _, step := range steps {
		if _, err := br.Exec(); err != nil {
			return storeError(step, err)
		}
	}
	return storeError("insert revision", br.Close())
}

// LatestRevision returns the newest revision of an article.
func (s *DB) LatestRevision(ctx context.Context, articleID string) (*service.Revision, error) {
	row := s.pool.QueryRow(ctx, `
		SELECT r.article_id, r.number, r.title, r.body, r.url, r.metadata, r.content_hash, r.words,
			r.words_added, r.words_removed, r.facts_changed, r.created_at
		FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.latest_revision
		WHERE a.id = $1`, articleID)
	rev, err := scanRevision(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return rev, storeError("latest revision", err)
}

// RevisionByNumber returns revision n of an article.
func (s *DB) RevisionByNumber(ctx context.Context, articleID string, n int) (*service.Revision, error) {
	return revisionByNumber(ctx, s.pool, articleID, n)
}

func revisionByNumber(ctx context.Context, q querier, articleID string, n int) (*service.Revision, error) {
	row := q.QueryRow(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE article_id = $1 AND number = $2`, articleID, n)
	rev, err := scanRevision(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, noRevision(ctx, q, articleID, n)
	}
	return rev, storeError("revision by number", err)
}

// noRevision is the error for revision n of an article that lacks it: it
// names the latest revision the article has, or says that there is no
// such article.
func noRevision(ctx context.Context, q querier, articleID string, n int) error {
	var latest int
	err := q.QueryRow(ctx, `SELECT latest_revision FROM articles WHERE id = $1`, articleID).Scan(&latest)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	case err != nil:
		return storeError("latest revision", err)
	}
	return service.Errorf(service.ENOTFOUND, "article %s has no revision %d; its latest is %d", articleID, n, latest)
}

// Revisions returns every revision of an article, without bodies.
func (s *DB) Revisions(ctx context.Context, articleID string) ([]service.Revision, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT article_id, number, title, '', url, metadata, content_hash, words, words_added, words_removed, facts_changed, created_at
		FROM revisions WHERE article_id = $1 ORDER BY number`, articleID)
	revs, err := collectRevisions(rows, err)
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return revs, nil
}

// DeleteArticle removes an article; its revisions go with it (ON DELETE CASCADE).
func (s *DB) DeleteArticle(ctx context.Context, articleID string, ifAt ...int) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return storeError("begin", err)
	}
	defer tx.Rollback(ctx)
	if err := lockEvents(ctx, tx); err != nil {
		return err
	}
	if len(ifAt) > 0 {
		// After the events lock, as every writer takes it; the row
		// lock holds the latest revision until the delete commits.
		var latest int
		err := tx.QueryRow(ctx, `SELECT latest_revision FROM articles WHERE id = $1 FOR UPDATE`, articleID).Scan(&latest)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return storeError("read the latest revision", err)
		}
		if err := service.CheckDeletion(articleID, latest, ifAt); err != nil {
			return err
		}
	}
	if err := s.insertDeletionEvent(ctx, tx, articleID); err != nil {
		return err
	}
	tag, err := tx.Exec(ctx, `DELETE FROM articles WHERE id = $1`, articleID)
	if err != nil {
		return storeError("delete article", err)
	}
	if tag.RowsAffected() == 0 {
		return service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return storeError("commit", tx.Commit(ctx))
}

func scanRevision(row pgx.Row) (*service.Revision, error) {
	var r service.Revision
	var metadata *string
	if err := row.Scan(&r.ArticleID, &r.Number, &r.Title, &r.Body, &r.URL, &metadata, &r.ContentHash, &r.Words,
		&r.Changes.WordsAdded, &r.Changes.WordsRemoved, &r.Changes.FactsChanged, &r.CreatedAt); err != nil {
		return nil, err
	}
	if metadata != nil {
		r.Metadata = []byte(*metadata)
	}
	r.CreatedAt = r.CreatedAt.UTC()
	return &r, nil
}

func nullableJSON(b []byte) *string {
	if len(b) == 0 {
		return nil
	}
	s := string(b)
	return &s
}

// RevisionMeta returns the number and content hash of revision n of an
// article, or of its latest when n is 0, without reading title or body: it
// is all a cache lookup needs.
func (s *DB) RevisionMeta(ctx context.Context, articleID string, n int) (service.RevisionMeta, error) {
	m := service.RevisionMeta{ArticleID: articleID}
	var err error
	if n == 0 {
		err = s.pool.QueryRow(ctx, `
			SELECT a.latest_revision, r.content_hash, r.created_at
			FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.latest_revision
			WHERE a.id = $1`, articleID).Scan(&m.Number, &m.ContentHash, &m.CreatedAt)
	} else {
		err = s.pool.QueryRow(ctx, `SELECT number, content_hash, created_at FROM revisions WHERE article_id = $1 AND number = $2`,
			articleID, n).Scan(&m.Number, &m.ContentHash, &m.CreatedAt)
	}
	m.CreatedAt = m.CreatedAt.UTC()
	switch {
	case errors.Is(err, pgx.ErrNoRows) && n == 0:
		return m, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	case errors.Is(err, pgx.ErrNoRows):
		return m, noRevision(ctx, s.pool, articleID, n)
	}
	return m, storeError("revision meta", err)
}

// ListRevisions returns a page of an article's revisions, oldest first,
// without bodies: an index range on (article_id, number), never a diff.
func (s *DB) ListRevisions(ctx context.Context, articleID string, opts service.RevisionListOptions) (*service.RevisionPage, error) {
	after, err := opts.Validate()
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `
		SELECT article_id, number, title, '', url, metadata, content_hash, words, words_added, words_removed, facts_changed, created_at
		FROM revisions WHERE article_id = $1 AND number > $2 ORDER BY number LIMIT $3`, articleID, after, opts.Limit+1)
	revs, err := collectRevisions(rows, err)
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		if _, err := s.RevisionMeta(ctx, articleID, 0); err != nil {
			return nil, err
		}
	}
	return service.NewRevisionPage(revs, opts.Limit), nil
}

// collectRevisions reads the rows of a revision listing, or returns the
// error of the query that made them.
func collectRevisions(rows pgx.Rows, err error) ([]service.Revision, error) {
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
	return revs, storeError("list revisions", err)
}
