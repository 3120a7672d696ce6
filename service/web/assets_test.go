package web_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/redline-news/redline/service/web"
)

// TestStylesheetStylesEveryDocumentedClass reads the README's list of the
// API's rl-* classes and checks that /assets/redline.css styles each one,
// so that a CMS linking it shows every fragment styled.
func TestStylesheetStylesEveryDocumentedClass(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatalf("read README: %v", err)
	}
	s := startSite(t, web.Config{})
	css := s.get(t, "/assets/redline.css")
	if css.status != 200 || !strings.HasPrefix(css.header.Get("Content-Type"), "text/css") {
		t.Fatalf("stylesheet: got %d %q, want 200 text/css", css.status, css.header.Get("Content-Type"))
	}
	classes := regexp.MustCompile("`(rl-[a-z-]+)`").FindAllStringSubmatch(string(readme), -1)
	if len(classes) < 10 {
		t.Fatalf("README lists %d rl-* classes, want the whole table", len(classes))
	}
	seen := map[string]bool{}
	for _, m := range classes {
		if seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		if !regexp.MustCompile(`\.` + m[1] + `\b`).MatchString(css.body) {
			t.Errorf("the README documents %s, but redline.css does not style it", m[1])
		}
	}
	if got := s.get(t, "/assets/nothing.css").status; got != 404 {
		t.Errorf("unknown asset: got %d, want 404", got)
	}
}
