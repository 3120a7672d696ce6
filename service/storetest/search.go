package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/redline-news/redline/service"
)

// testSearch checks that a query keeps the articles whose title or id holds
// it, ignoring ASCII case, that LIKE's wildcards are taken literally, and
// that cursors page through the matches only.
func testSearch(t *testing.T, h Harness) {
	s := open(t, h, newClock().Now)
	for _, a := range [][2]string{
		{"budget-2026", "Council passes the budget"},
		{"fire-downtown", "Fire downtown: three hurt"},
		{"budget-vote", "Vote delayed"},
		{"pct", "Rates rise 5% in a year"},
		{"under_score", "Plain title"},
		{"underXscore", "Another plain title"},
	} {
		mustPut(t, s, draft(a[0], a[1], body(len(a[0]))))
	}
	mustPut(t, s, draft("fire-downtown", "Fire downtown: four hurt", body(99))) // the newest update
	for _, tc := range []struct {
		name, query string
		want        []string
	}{
		{"title or id", "budget", []string{"budget-vote", "budget-2026"}},
		{"ignores case", "FIRE", []string{"fire-downtown"}},
		{"latest title", "four hurt", []string{"fire-downtown"}},
		{"old title is not searched", "three hurt", nil},
		{"percent is literal", "5%", []string{"pct"}},
		{"percent is no wildcard", "rise%year", nil},
		{"underscore is literal", "under_", []string{"under_score"}},
		{"no match", "zebra", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := searchAll(t, s, tc.query, 1)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("search %q: got %v, want %v", tc.query, got, tc.want)
			}
		})
	}
	_, err := s.ListArticles(context.Background(), service.ListOptions{Query: strings.Repeat("x", service.MaxQueryBytes+1)})
	wantCode(t, err, service.EINVALID)
	_, err = s.ListArticles(context.Background(), service.ListOptions{Query: "bad\x00"})
	wantCode(t, err, service.EINVALID)
}

// searchAll follows the cursors of a query to the end, one page of limit at
// a time, and returns the ids found.
func searchAll(t *testing.T, s service.RevisionStore, query string, limit int) []string {
	t.Helper()
	var ids []string
	opts := service.ListOptions{Limit: limit, Query: query}
	for page := 0; page < 100; page++ {
		p, err := s.ListArticles(context.Background(), opts)
		if err != nil {
			t.Fatalf("search %q: %v", query, err)
		}
		for _, a := range p.Articles {
			ids = append(ids, a.ID)
		}
		if p.NextCursor == "" {
			return ids
		}
		opts.Cursor = p.NextCursor
	}
	t.Fatalf("search %q did not end after 100 pages", query)
	return nil
}
