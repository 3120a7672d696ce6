package api_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestListArticlesSearch(t *testing.T) {
	s := startServer(t, 0)
	for _, a := range [][2]string{{"fire-1", "Fire downtown"}, {"vote", "Council vote"}, {"rates", "Fire brigade budget"}} {
		wantStatus(t, s.do(t, "PUT", "/v1/articles/"+a[0], article(a[1], "Body.")), http.StatusCreated)
	}
	for _, tc := range []struct {
		name, q string
		want    []string
	}{
		{"title", "fire", []string{"rates", "fire-1"}},
		{"id", "vot", []string{"vote"}},
		{"none", "flood", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "GET", "/v1/articles?q="+url.QueryEscape(tc.q), "")
			wantStatus(t, r, http.StatusOK)
			var got []string
			for _, a := range r.body["articles"].([]any) {
				got = append(got, a.(map[string]any)["id"].(string))
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("q=%s: got %v, want %v", tc.q, got, tc.want)
			}
		})
	}
	wantProblem(t, s.do(t, "GET", "/v1/articles?q="+strings.Repeat("x", 201), ""), http.StatusBadRequest)
}
