package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"modernc.org/sqlite"

	"github.com/redline-news/redline/service"
)

// TestListingReadsNoBodies checks that listing revisions, and reading a
// revision's number and hash as the committer and the cache do, read the
// same pages whether the bodies are a few words or 200 KB each: what they
// read is kept apart from the bodies (migration 0005).
func TestListingReadsNoBodies(t *testing.T) {
	queries := []struct {
		name, query string
		args        []any
	}{
		{"listing", listRevisionsSQL, []any{"a", 0, 51}},
		{"latest meta", latestMetaSQL, []any{"a"}},
		{"revision meta", revisionMetaSQL, []any{"a", 20}},
	}
	pages := map[string][2]int{}
	for size, body := range []string{"Short body.", strings.Repeat("A long body of many pages. ", 8000)} {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "pages.db"))
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		for i := range 40 {
			d := service.Draft{ArticleID: "a", Title: "T", Body: body + strings.Repeat(" More.", i)}
			if _, _, err := s.PutRevision(context.Background(), d); err != nil {
				t.Fatalf("put: %v", err)
			}
		}
		for _, q := range queries {
			p := pages[q.name]
			p[size] = pagesRead(t, s, q.query, q.args...)
			pages[q.name] = p
		}
		s.Close()
	}
	for _, q := range queries {
		if p := pages[q.name]; p[0] != p[1] || p[0] == 0 {
			t.Errorf("%s: read %d pages with short bodies and %d with 200 KB ones, want the same", q.name, p[0], p[1])
		}
	}
}

// pagesRead runs query on a connection of its own and returns how many
// pages it asked SQLite's pager for, whether cached or read from the file.
func pagesRead(t *testing.T, s *DB, query string, args ...any) int {
	t.Helper()
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatalf("conn: %v", err)
	}
	defer conn.Close()
	status := func() int {
		var n int
		if err := conn.Raw(func(dc any) error {
			st := dc.(sqlite.DBStatus)
			hit, _, err := st.Status(sqlite.DBStatusCacheHit, true)
			if err != nil {
				return err
			}
			miss, _, err := st.Status(sqlite.DBStatusCacheMiss, true)
			n = hit + miss
			return err
		}); err != nil {
			t.Fatalf("status: %v", err)
		}
		return n
	}
	status()
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	cols, err := rows.Columns()
	if err != nil {
		t.Fatalf("columns: %v", err)
	}
	dest := make([]any, len(cols))
	for i := range dest {
		dest[i] = new(sql.RawBytes)
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			t.Fatalf("scan: %v", err)
		}
		n++
	}
	if err := rows.Err(); err != nil || n == 0 {
		t.Fatalf("rows: %d, %v", n, err)
	}
	rows.Close()
	return status()
}
