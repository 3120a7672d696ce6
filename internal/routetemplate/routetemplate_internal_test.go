package routetemplate

import (
	"strings"
	"testing"
)

func TestTemplateMatch(t *testing.T) {
	tests := []struct {
		template, path string
		want           bool
	}{
		{"/v1/articles/:id", "/v1/articles/a1", true},
		{"/v1/articles/:id", "/v1/articles/a1/", true},
		{"/v1/articles/:id", "/v1/articles/", false},
		{"/v1/articles/:id", "/v1/articles/a1/revisions", false},
		{"/v1/articles/:id/revisions/:n", "/v1/articles/a1/revisions/3", true},
		{"/v1/articles/:id/revisions/:n", "/v1/articles/a1/summary/3", false},
		{"/assets/*", "/assets/page.css", true},
		{"/assets/*", "/assets/css/page.css", true},
		{"/assets/*", "/asset/page.css", false},
		{"/", "/", true},
		{"/", "/v1", false},
	}
	for _, tc := range tests {
		t.Run(tc.template+" "+tc.path, func(t *testing.T) {
			tmpl := template{path: tc.template, segs: strings.Split(tc.template, "/")[1:]}
			if got := tmpl.match(tc.path); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
