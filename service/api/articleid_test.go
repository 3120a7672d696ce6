package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/redline-news/redline/service/api"
)

// Every article route refuses an id with a character outside A-Z a-z 0-9
// . _ ~ - with the problem a pattern check gives, accepts every allowed
// character, and documents the pattern.
func TestArticleIDCharacters(t *testing.T) {
	s := start(t, api.Config{})
	const want = "expected string to match pattern ^[A-Za-z0-9._~-]+$"
	routes := []struct{ method, path, body string }{
		{"PUT", "/v1/articles/%s", `{"title":"T","body":"B."}`},
		{"GET", "/v1/articles/%s", ""},
		{"DELETE", "/v1/articles/%s", ""},
		{"GET", "/v1/articles/%s/revisions", ""},
		{"GET", "/v1/articles/%s/revisions/1", ""},
		{"GET", "/v1/articles/%s/summary", ""},
		{"GET", "/v1/articles/%s/diff", ""},
	}
	for _, bad := range []string{"a%20b", "%C3%A9t%C3%A9", "a%22b", "a%00b", "a+b", "a%25b"} {
		for _, rt := range routes {
			r := s.do(t, rt.method, strings.Replace(rt.path, "%s", bad, 1), rt.body)
			wantProblem(t, r, http.StatusBadRequest)
			if !strings.Contains(string(r.raw), want) || !strings.Contains(string(r.raw), `"location":"path.id"`) {
				t.Errorf("%s %s: got %s, want the id's pattern problem", rt.method, rt.path, r.raw)
			}
		}
	}
	good := "AZaz09._~-"
	wantStatus(t, s.do(t, "PUT", "/v1/articles/"+good, `{"title":"T","body":"B."}`), http.StatusCreated)
	for _, rt := range routes[1:] {
		if rt.method == "DELETE" {
			continue
		}
		if r := s.do(t, rt.method, strings.Replace(rt.path, "%s", good, 1), ""); r.status != http.StatusOK {
			t.Errorf("%s %s with id %s: status %d: %s", rt.method, rt.path, good, r.status, r.raw)
		}
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name, In string
				Schema   struct{ Pattern string }
			}
		}
	}
	if err := json.Unmarshal(s.do(t, "GET", "/openapi.json", "").raw, &doc); err != nil {
		t.Fatal(err)
	}
	documented := 0
	for path, item := range doc.Paths {
		for method, op := range item {
			for _, p := range op.Parameters {
				if p.In == "path" && p.Name == "id" && strings.HasPrefix(path, "/v1/articles/{id}") {
					documented++
					if p.Schema.Pattern != "^[A-Za-z0-9._~-]+$" {
						t.Errorf("%s %s: the id's documented pattern is %q", method, path, p.Schema.Pattern)
					}
				}
			}
		}
	}
	if documented < len(routes) {
		t.Errorf("the document shows the id of %d article operations, want at least %d", documented, len(routes))
	}
}

// A bad id and a bad query parameter are both reported, the id first, as
// the path comes first in a request, and the detail line names the id.
func TestArticleIDProblemComesFirst(t *testing.T) {
	s := start(t, api.Config{})
	for _, path := range []string{"/v1/articles/a+b/summary?sentences=abc", "/v1/articles/a+b/diff?from=x"} {
		r := s.do(t, "GET", path, "")
		wantProblem(t, r, http.StatusBadRequest)
		var p struct {
			Detail string
			Errors []struct{ Location string }
		}
		if err := json.Unmarshal(r.raw, &p); err != nil {
			t.Fatal(err)
		}
		if len(p.Errors) < 2 || p.Errors[0].Location != "path.id" || !strings.HasPrefix(p.Errors[1].Location, "query.") {
			t.Errorf("GET %s: errors %+v, want path.id first, then the query's", path, p.Errors)
		}
		if !strings.Contains(p.Detail, "path.id") {
			t.Errorf("GET %s: detail %q does not name the id", path, p.Detail)
		}
	}
}
