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
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+listRevisionsSQL, "a", 0, 51)
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
	got := strings.Join(plan, "; ")
	if !strings.Contains(got, "COVERING INDEX revisions_listing") || strings.Contains(got, "TEMP B-TREE") {
		t.Fatalf("query plan: got %q, want a search of the covering index revisions_listing, in its order", got)
	}
}
