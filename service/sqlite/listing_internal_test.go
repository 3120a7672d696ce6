package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestRevisionListingReadsOnlyItsIndex checks that a page of revisions is
// read from the listing index alone, never from the table rows, whose
// bodies would make a listing's cost grow with the texts' size.
func TestRevisionListingReadsOnlyItsIndex(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	got := queryPlan(t, s, listRevisionsSQL, "a", 0, 51)
	if !strings.Contains(got, "COVERING INDEX revisions_listing") || strings.Contains(got, "TEMP B-TREE") {
		t.Fatalf("query plan: got %q, want a search of the covering index revisions_listing, in its order", got)
	}
}

// TestRevisionMetaReadsOnlyTheIndex checks that the number and hash of a
// revision, which the committer reads for every write, come from the
// listing index, not from the row, where they follow the body.
func TestRevisionMetaReadsOnlyTheIndex(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	for _, tc := range []struct {
		name, query string
		args        []any
	}{{"latest", latestMetaSQL, []any{"a"}}, {"numbered", revisionMetaSQL, []any{"a", 1}}} {
		t.Run(tc.name, func(t *testing.T) {
			if got := queryPlan(t, s, tc.query, tc.args...); !strings.Contains(got, "COVERING INDEX revisions_listing") {
				t.Fatalf("query plan: got %q, want a search of the covering index revisions_listing", got)
			}
		})
	}
}

// queryPlan returns SQLite's plan for query, its steps joined by "; ".
func queryPlan(t *testing.T, s *DB, query string, args ...any) string {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatalf("scan plan: %v", err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}
