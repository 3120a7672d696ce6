package metrics

import (
	"context"
	"errors"
	"time"

	"github.com/redline-news/redline/service"
)

// Names of the store operations that Store times, one per method of
// service.RevisionStore.
const (
	OpPutRevision      = "put_revision"
	OpLatestRevision   = "latest_revision"
	OpRevisionByNumber = "revision_by_number"
	OpRevisionMeta     = "revision_meta"
	OpRevisions        = "revisions"
	OpListRevisions    = "list_revisions"
	OpListArticles     = "list_articles"
	OpCountArticles    = "count_articles"
	OpDeleteArticle    = "delete_article"
	OpPing             = "ping"
)

// storeOps lists every operation, to export each as zero from the start.
func storeOps() []string {
	return []string{OpPutRevision, OpLatestRevision, OpRevisionByNumber, OpRevisionMeta, OpRevisions, OpListRevisions,
		OpListArticles, OpCountArticles, OpDeleteArticle, OpPing}
}

// Store is a service.RevisionStore that times every operation of the store
// it wraps and counts its failures. Revisions written and unchanged PUTs are
// counted by the HTTP API through its Observer, not here, so that they are
// counted once.
type Store struct {
	next    service.RevisionStore
	m       *Metrics
	backend string
}

// InstrumentStore wraps next, whose backend ("sqlite", "postgres") labels its
// series, and exports every operation of that backend as zero.
func (m *Metrics) InstrumentStore(next service.RevisionStore, backend string) *Store {
	for _, op := range storeOps() {
		m.store.duration.WithLabelValues(op, backend)
		m.store.errors.WithLabelValues(op, backend)
	}
	return &Store{next: next, m: m, backend: backend}
}

// observe records one operation that started at start.
func (s *Store) observe(op string, start time.Time, err error) {
	if !storeFailed(err) {
		err = nil
	}
	s.m.ObserveStore(op, s.backend, time.Since(start), err)
}

// storeFailed tells failures of the store from answers: not found, invalid
// input, conflicts and failed preconditions are the store working, and a
// cancelled request is the client leaving.
func storeFailed(err error) bool {
	code := service.ErrorCode(err)
	return (code == service.EINTERNAL || code == service.EUNAVAILABLE) && !errors.Is(err, context.Canceled)
}

// PutRevision stores d as the next revision of its article.
func (s *Store) PutRevision(ctx context.Context, d service.Draft) (*service.Revision, bool, error) {
	start := time.Now()
	rev, created, err := s.next.PutRevision(ctx, d)
	s.observe(OpPutRevision, start, err)
	return rev, created, err
}

// LatestRevision returns the newest revision of an article.
func (s *Store) LatestRevision(ctx context.Context, articleID string) (*service.Revision, error) {
	start := time.Now()
	rev, err := s.next.LatestRevision(ctx, articleID)
	s.observe(OpLatestRevision, start, err)
	return rev, err
}

// RevisionByNumber returns revision n of an article.
func (s *Store) RevisionByNumber(ctx context.Context, articleID string, n int) (*service.Revision, error) {
	start := time.Now()
	rev, err := s.next.RevisionByNumber(ctx, articleID, n)
	s.observe(OpRevisionByNumber, start, err)
	return rev, err
}

// RevisionMeta returns the number and content hash of a revision.
func (s *Store) RevisionMeta(ctx context.Context, articleID string, n int) (service.RevisionMeta, error) {
	start := time.Now()
	m, err := s.next.RevisionMeta(ctx, articleID, n)
	s.observe(OpRevisionMeta, start, err)
	return m, err
}

// Revisions returns every revision of an article, without bodies.
func (s *Store) Revisions(ctx context.Context, articleID string) ([]service.Revision, error) {
	start := time.Now()
	revs, err := s.next.Revisions(ctx, articleID)
	s.observe(OpRevisions, start, err)
	return revs, err
}

// ListRevisions returns a page of an article's revisions.
func (s *Store) ListRevisions(ctx context.Context, articleID string, opts service.RevisionListOptions) (*service.RevisionPage, error) {
	start := time.Now()
	page, err := s.next.ListRevisions(ctx, articleID, opts)
	s.observe(OpListRevisions, start, err)
	return page, err
}

// ListArticles returns a page of articles.
func (s *Store) ListArticles(ctx context.Context, opts service.ListOptions) (*service.ArticlePage, error) {
	start := time.Now()
	page, err := s.next.ListArticles(ctx, opts)
	s.observe(OpListArticles, start, err)
	return page, err
}

// CountArticles returns how many articles are stored.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	start := time.Now()
	n, err := s.next.CountArticles(ctx)
	s.observe(OpCountArticles, start, err)
	return n, err
}

// DeleteArticle removes an article and its revisions.
func (s *Store) DeleteArticle(ctx context.Context, articleID string, ifAt ...int) error {
	start := time.Now()
	err := s.next.DeleteArticle(ctx, articleID, ifAt...)
	s.observe(OpDeleteArticle, start, err)
	return err
}

// Ping checks that the store can be reached.
func (s *Store) Ping(ctx context.Context) error {
	start := time.Now()
	err := s.next.Ping(ctx)
	s.observe(OpPing, start, err)
	return err
}

// Close closes the wrapped store; it is not timed.
func (s *Store) Close() error { return s.next.Close() }

var _ service.RevisionStore = (*Store)(nil)
