package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/groupcommit"
	"github.com/redline-news/redline/service"
)

// PutRevision stores d as the next revision of its article. See
// service.RevisionStore. Concurrent calls share one transaction and one
// fsync (see internal/groupcommit); each returns once its batch is durable.
//
// The latest revision is read first, outside the committer: a draft that
// repeats it is answered from that read without a write, and a new one is
// hashed, counted and diffed here, against the draft of its article queued
// last if one is still in flight, else against the latest, so that the
// committer, which writes for every caller in turn, only checks that the
// revision before is the one counted against, and inserts.
func (s *DB) PutRevision(ctx context.Context, d service.Draft) (_ *service.Revision, _ bool, err error) {
	defer func() { err = s.storeError(err) }()
	latest, unchanged, err := service.ReadBeforeWrite(ctx, s.LatestRevision, d)
	if err != nil || unchanged {
		return latest, false, err
	}
	w := pendingWrite{draft: d, digest: d.Digest()}
	base := s.inFlight.enter(&w, latest)
	defer s.inFlight.leave(&w)
	w.guess = s.changes.Guess(base, d)
	var rev *service.Revision
	var created bool
	err = s.writes.DoThen(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		rev, created, err = s.putRevision(ctx, tx, &w)
		return err
	}, func() {
		if created {
			s.meta.wrote(rev)
		}
	})
	if err != nil {
		return nil, false, err
	}
	return rev, created, nil
}

// pendingWrite is a draft with what was computed of it before its turn in
// the committer.
type pendingWrite struct {
	draft  service.Draft
	digest service.DraftDigest
	guess  *changeGuess
}

// putRevision writes w inside tx, which may hold other drafts of the same
// batch, written before it.
func (s *DB) putRevision(ctx context.Context, tx *sql.Tx, w *pendingWrite) (*service.Revision, bool, error) {
	d := w.draft
	// Only the latest number and hash are looked up here, in memory when
	// they can be: the committer writes for every caller, so it reads a
	// body only when it must.
	latest, err := s.batchLatestMeta(ctx, tx, d.ArticleID)
	if err != nil {
		return nil, false, err
	}
	if err := d.CheckPreconditions(latest); err != nil {
		return nil, false, groupcommit.Untouched(err) // nothing written yet
	}
	if latest != nil && latest.ContentHash == w.digest.ContentHash {
		unchanged, err := s.batchLatest(ctx, tx, d.ArticleID)
		return unchanged, false, err
	}
	rev := service.NewRevisionFrom(d, w.digest, nextNumber(latest), s.Now())
	if rev.Changes, err = s.changesSince(ctx, tx, latest, d, w.guess); err != nil {
		return nil, false, err
	}
	if err := insertRevision(ctx, s.in(tx), rev); err != nil {
		return nil, false, err
	}
	if err := s.insertEvent(ctx, tx, service.NewRevisionEvent(rev)); err != nil {
		return nil, false, err
	}
	s.wroteInBatch(tx, rev.ArticleID, rev)
	return rev, true, nil
}

// latestMeta returns the number and content hash of an article's latest
// revision, or nil when the article does not exist.
func latestMeta(ctx context.Context, r runner, articleID string) (*service.Revision, error) {
	m := &service.Revision{ArticleID: articleID}
	var at int64
	err := r.queryRow(ctx, latestMetaSQL, articleID).Scan(&m.Number, &m.ContentHash, &at)
	m.CreatedAt = time.UnixMicro(at).UTC()
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("latest revision: %w", err)
	}
	return m, nil
}

func nextNumber(latest *service.Revision) int {
	if latest == nil {
		return 1
	}
	return latest.Number + 1
}

const upsertArticleSQL = `
	INSERT INTO articles (id, title, url, latest_revision, created_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url,
		latest_revision = excluded.latest_revision, updated_at = excluded.updated_at`

// insertBodySQL appends a revision's body; insertRevisionSQL then stores
// the revision with the id the body got, in the same connection.
const insertBodySQL = `INSERT INTO revision_bodies (body) VALUES (?)`

const insertRevisionSQL = `
	INSERT INTO revisions (article_id, number, title, url, metadata, content_hash, words, words_added, words_removed, facts_changed, stats_version, created_at, body_id)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, last_insert_rowid())`

func insertRevision(ctx context.Context, r runner, rev *service.Revision) error {
	at := rev.CreatedAt.UnixMicro()
	if _, err := r.exec(ctx, upsertArticleSQL, rev.ArticleID, rev.Title, rev.URL, rev.Number, at, at); err != nil {
		return fmt.Errorf("upsert article: %w", err)
	}
	if _, err := r.exec(ctx, insertBodySQL, rev.Body); err != nil {
		return fmt.Errorf("insert revision body: %w", err)
	}
	if _, err := r.exec(ctx, insertRevisionSQL, rev.ArticleID, rev.Number, rev.Title, rev.URL,
		nullableJSON(rev.Metadata), rev.ContentHash, rev.Words, rev.Changes.WordsAdded, rev.Changes.WordsRemoved,
		rev.Changes.FactsChanged, service.ChangeStatsVersion, at); err != nil {
		return fmt.Errorf("insert revision: %w", err)
	}
	return nil
}

// LatestRevision returns the newest revision of an article, from memory
// when it can (see metaCache).
func (s *DB) LatestRevision(ctx context.Context, articleID string) (_ *service.Revision, err error) {
	defer func() { err = s.storeError(err) }()
	if rev, _, ok := s.meta.getLatest(articleID); ok && !s.closed.Load() {
		return rev, nil
	}
	return s.readLatest(ctx, articleID)
}

// readLatest reads the newest revision of an article from the file and
// keeps it in memory, unless a write committed meanwhile.
func (s *DB) readLatest(ctx context.Context, articleID string) (*service.Revision, error) {
	_, gen, _ := s.meta.getLatest(articleID)
	rev, err := latestRevision(ctx, s.pool(), articleID, true)
	if err == nil {
		s.meta.putLatest(gen, rev)
	}
	return rev, err
}

const revisionByNumberSQL = `
	SELECT r.article_id, r.number, r.title, b.body, r.url, r.metadata, r.content_hash, r.words, r.words_added, r.words_removed, r.facts_changed, r.created_at
	FROM revisions r JOIN revision_bodies b ON b.id = r.body_id WHERE r.article_id = ? AND r.number = ?`

// RevisionByNumber returns revision n of an article.
func (s *DB) RevisionByNumber(ctx context.Context, articleID string, n int) (_ *service.Revision, err error) {
	defer func() { err = s.storeError(err) }()
	rev, err := scanRevision(s.pool().queryRow(ctx, revisionByNumberSQL, articleID, n).Scan, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, s.noRevision(ctx, articleID, n)
	}
	return rev, err
}

// noRevision is the error for revision n of an article that lacks it: it
// names the latest revision the article has, or says that there is no
// such article.
func (s *DB) noRevision(ctx context.Context, articleID string, n int) error {
	var latest int
	err := s.pool().queryRow(ctx, `SELECT latest_revision FROM articles WHERE id = ?`, articleID).Scan(&latest)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	case err != nil:
		return fmt.Errorf("latest revision: %w", err)
	}
	return service.Errorf(service.ENOTFOUND, "article %s has no revision %d; its latest is %d", articleID, n, latest)
}

// Revisions returns every revision of an article, without bodies.
func (s *DB) Revisions(ctx context.Context, articleID string) (_ []service.Revision, err error) {
	defer func() { err = s.storeError(err) }()
	rows, err := s.pool().query(ctx, `
		SELECT article_id, number, title, '', url, metadata, content_hash, words, words_added, words_removed, facts_changed, created_at
		FROM revisions WHERE article_id = ? ORDER BY number`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	defer rows.Close()
	var revs []service.Revision
	for rows.Next() {
		rev, err := scanRevision(rows.Scan, false)
		if err != nil {
			return nil, err
		}
		revs = append(revs, *rev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	if len(revs) == 0 {
		return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return revs, nil
}

const listRevisionsSQL = `
	SELECT number, title, url, metadata, content_hash, words, words_added, words_removed, facts_changed, created_at
	FROM revisions WHERE article_id = ? AND number > ? ORDER BY number LIMIT ?`

// ListRevisions returns a page of an article's revisions, oldest first,
// without bodies: an index range on (article_id, number), never a diff.
func (s *DB) ListRevisions(ctx context.Context, articleID string, opts service.RevisionListOptions) (_ *service.RevisionPage, err error) {
	defer func() { err = s.storeError(err) }()
	after, err := opts.Validate()
	if err != nil {
		return nil, err
	}
	rows, err := s.pool().query(ctx, listRevisionsSQL, articleID, after, opts.Limit+1)
	if err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	defer rows.Close()
	revs := make([]service.Revision, 0, opts.Limit+1)
	for rows.Next() {
		// Small rows, in key order, scanned in place: a page costs one
		// step and ten columns a revision, and never reads a body.
		revs = append(revs, service.Revision{ArticleID: articleID})
		r := &revs[len(revs)-1]
		var metadata sql.NullString
		var at int64
		if err := rows.Scan(&r.Number, &r.Title, &r.URL, &metadata, &r.ContentHash, &r.Words,
			&r.Changes.WordsAdded, &r.Changes.WordsRemoved, &r.Changes.FactsChanged, &at); err != nil {
			return nil, fmt.Errorf("scan revision: %w", err)
		}
		if metadata.Valid {
			r.Metadata = []byte(metadata.String)
		}
		r.CreatedAt = time.UnixMicro(at).UTC()
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	if len(revs) == 0 {
		if _, err := s.RevisionMeta(ctx, articleID, 0); err != nil {
			return nil, err
		}
	}
	return service.NewRevisionPage(revs, opts.Limit), nil
}

// DeleteArticle removes an article; its revisions go with it (ON DELETE
// CASCADE). It goes through the same committer as writes, so that it never
// waits on SQLite's busy handler behind a batch.
func (s *DB) DeleteArticle(ctx context.Context, articleID string, ifAt ...int) (err error) {
	defer func() { err = s.storeError(err) }()
	return s.writes.DoThen(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if len(ifAt) > 0 {
			latest, err := s.batchLatestMeta(ctx, tx, articleID)
			if err != nil {
				return err
			}
			n := 0
			if latest != nil {
				n = latest.Number
			}
			if err := service.CheckDeletion(articleID, n, ifAt); err != nil {
				return groupcommit.Untouched(err) // nothing written yet
			}
		}
		if err := s.insertDeletionEvent(ctx, tx, articleID); err != nil {
			return err
		}
		res, err := s.in(tx).exec(ctx, `DELETE FROM articles WHERE id = ?`, articleID)
		if err != nil {
			return fmt.Errorf("delete article: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// No row, so no event either: the article was not found
			// when the event was to be written, in this transaction.
			return groupcommit.Untouched(service.Errorf(service.ENOTFOUND, "article %s not found", articleID))
		}
		s.wroteInBatch(tx, articleID, nil)
		return nil
	}, func() { s.meta.deleted(articleID) })
}

const latestRevisionSQL = `
	SELECT r.article_id, r.number, r.title, b.body, r.url, r.metadata, r.content_hash, r.words, r.words_added, r.words_removed, r.facts_changed, r.created_at
	FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.latest_revision
	JOIN revision_bodies b ON b.id = r.body_id
	WHERE a.id = ?`

func latestRevision(ctx context.Context, r runner, articleID string, withBody bool) (*service.Revision, error) {
	rev, err := scanRevision(r.queryRow(ctx, latestRevisionSQL, articleID).Scan, withBody)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	}
	return rev, err
}

// latestMetaSQL and revisionMetaSQL read a revision's number, hash and
// time from its row, which holds no body (migration 0005). The committer
// runs the first for every write it cannot answer from memory.
const latestMetaSQL = `
	SELECT a.latest_revision, r.content_hash, r.created_at
	FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.latest_revision
	WHERE a.id = ?`

const revisionMetaSQL = `SELECT number, content_hash, created_at FROM revisions
	WHERE article_id = ? AND number = ?`

// RevisionMeta returns the number and content hash of revision n of an
// article, or of its latest when n is 0, without reading title or body: it
// is all a cache lookup needs. It is answered from memory when it can (see
// metaCache).
func (s *DB) RevisionMeta(ctx context.Context, articleID string, n int) (_ service.RevisionMeta, err error) {
	defer func() { err = s.storeError(err) }()
	m, gen, ok := s.meta.get(articleID, n)
	if ok && !s.closed.Load() {
		return m, nil
	}
	m, err = s.readRevisionMeta(ctx, articleID, n)
	if err == nil {
		s.meta.put(gen, n == 0, m)
	}
	return m, err
}

func (s *DB) readRevisionMeta(ctx context.Context, articleID string, n int) (service.RevisionMeta, error) {
	m := service.RevisionMeta{ArticleID: articleID}
	var err error
	var at int64
	if n == 0 {
		err = s.pool().queryRow(ctx, latestMetaSQL, articleID).Scan(&m.Number, &m.ContentHash, &at)
	} else {
		err = s.pool().queryRow(ctx, revisionMetaSQL, articleID, n).Scan(&m.Number, &m.ContentHash, &at)
	}
	m.CreatedAt = time.UnixMicro(at).UTC()
	switch {
	case errors.Is(err, sql.ErrNoRows) && n == 0:
		return m, service.Errorf(service.ENOTFOUND, "article %s not found", articleID)
	case errors.Is(err, sql.ErrNoRows):
		return m, s.noRevision(ctx, articleID, n)
	case err != nil:
		return m, fmt.Errorf("revision meta: %w", err)
	}
	return m, nil
}

func scanRevision(scan func(dest ...any) error, withBody bool) (*service.Revision, error) {
	var r service.Revision
	var metadata sql.NullString
	var at int64
	if err := scan(&r.ArticleID, &r.Number, &r.Title, &r.Body, &r.URL, &metadata, &r.ContentHash, &r.Words,
		&r.Changes.WordsAdded, &r.Changes.WordsRemoved, &r.Changes.FactsChanged, &at); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("scan revision: %w", err)
	}
	if metadata.Valid {
		r.Metadata = []byte(metadata.String)
	}
	if !withBody {
		r.Body = ""
	}
	r.CreatedAt = time.UnixMicro(at).UTC()
	return &r, nil
}

func nullableJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}
