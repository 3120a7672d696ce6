package api_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestInvalidUTF8IsRejectedNotReplaced(t *testing.T) {
	s := startServer(t, 0)
	tests := []struct{ name, path, body string }{
		{"raw bytes in a PUT", "/v1/articles/u", "{\"title\":\"T\",\"body\":\"bad \xff\xfe bytes\"}"},
		{"lone surrogate escape in a PUT", "/v1/articles/u", `{"title":"x\udc00","body":"B."}`},
		{"unpaired high surrogate in a summary", "/v1/summarize", `{"text":"One. \ud83d Two."}`},
		{"raw bytes in a diff", "/v1/diff", "{\"old\":\"a\",\"new\":\"\xc3\"}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := "PUT"
			if !strings.HasPrefix(tc.path, "/v1/articles") {
				method = "POST"
			}
			r := s.do(t, method, tc.path, tc.body)
			wantProblem(t, r, http.StatusBadRequest)
			if !strings.Contains(r.body["detail"].(string), "UTF-8") {
				t.Fatalf("detail: got %q, want it to name UTF-8", r.body["detail"])
			}
		})
	}
	wantProblem(t, s.do(t, "GET", "/v1/articles/u", ""), http.StatusNotFound)
	r := s.do(t, "PUT", "/v1/articles/u", `{"title":"Emoji \ud83d\ude00","body":"Fine \u00e9."}`)
	if r.status != http.StatusCreated || r.body["title"] != "Emoji 😀" {
		t.Fatalf("valid escapes: got %d %v, want 201 with the emoji", r.status, r.body["title"])
	}
}

func TestHeadIsServedWhereGetIs(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/h", article("T", "Body.")), http.StatusCreated)
	for _, path := range []string{"/livez", "/readyz", "/v1/articles/h", "/v1/articles/h/revisions"} {
		r := s.do(t, "HEAD", path, "")
		if r.status != http.StatusOK || len(r.raw) != 0 {
			t.Errorf("HEAD %s: got %d with %d body bytes, want 200 and no body", path, r.status, len(r.raw))
		}
	}
	r := s.do(t, "PATCH", "/v1/articles/h", "")
	wantProblem(t, r, http.StatusMethodNotAllowed)
	if d := r.body["detail"].(string); !strings.Contains(d, "PATCH") || !strings.Contains(d, "PUT") {
		t.Fatalf("405 detail: got %q, want it to name the method and what is allowed", d)
	}
}

func TestAcceptNegotiation(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/n", article("T", story)), http.StatusCreated)
	tests := []struct {
		accept, contentType string
		status              int
	}{
		{"text/html;q=0.1, text/plain;q=0.9", "text/plain; charset=utf-8", 200},
		{"text/*", "text/plain; charset=utf-8", 200},
		{"*/*", "application/json", 200},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html; charset=utf-8", 200},
		{"application/xml", "application/problem+json", 406},
	}
	for _, tc := range tests {
		t.Run(tc.accept, func(t *testing.T) {
			r := s.do(t, "GET", "/v1/articles/n/summary", "", "Accept", tc.accept)
			if r.status != tc.status || r.header.Get("Content-Type") != tc.contentType {
				t.Fatalf("got %d %q, want %d %q", r.status, r.header.Get("Content-Type"), tc.status, tc.contentType)
			}
		})
	}
	if ct := s.do(t, "GET", "/v1/articles/n/diff", "", "Accept", "text/markdown, text/html;q=0.5").header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("diff: got %q, want HTML since diffs have no Markdown form", ct)
	}
}

func TestZeroIsOutOfRange(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/z", article("T", story)), http.StatusCreated)
	for _, q := range []string{"sentences=0", "ratio=0", "words=0", "revision=0", "since=0"} {
		t.Run(q, func(t *testing.T) {
			wantProblem(t, s.do(t, "GET", "/v1/articles/z/summary?"+q, ""), http.StatusBadRequest)
		})
	}
	wantProblem(t, s.do(t, "GET", "/v1/articles/z/diff?to=0", ""), http.StatusBadRequest)
	wantProblem(t, s.do(t, "POST", "/v1/summarize", `{"text":"A. B.","sentences":0}`), http.StatusBadRequest)
}

func TestSummarizeFormatInBody(t *testing.T) {
	s := startServer(t, 0)
	r := s.do(t, "POST", "/v1/summarize", `{"text":"One thing. Another thing.","ratio":1,"format":"text"}`)
	if r.status != http.StatusOK || string(r.raw) != "One thing.\nAnother thing.\n" {
		t.Fatalf("got %d %q, want the text form", r.status, r.raw)
	}
}

func TestIfMatchLists(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/l", article("T", "One.")), http.StatusCreated)
	// If-Match compares strongly: a weak tag never matches, even the
	// latest revision's.
	if r := s.do(t, "PUT", "/v1/articles/l", article("T", "Two."), "If-Match", `W/"1"`); r.status != http.StatusPreconditionFailed || !strings.Contains(r.body["detail"].(string), "weak") {
		t.Fatalf("weak tag: got %d %s, want 412 naming the weak tag", r.status, r.raw)
	}
	wantProblem(t, s.do(t, "PUT", "/v1/articles/l", article("T", "Two."), "If-Match", `"7", W/"1"`), http.StatusPreconditionFailed)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/l", article("T", "Two."), "If-Match", `"7", "1"`), http.StatusCreated)
	wantProblem(t, s.do(t, "DELETE", "/v1/articles/l", "", "If-Match", `W/"2"`), http.StatusPreconditionFailed)
	wantProblem(t, s.do(t, "PUT", "/v1/articles/l", article("T", "Three."), "If-Match", `"1", "3"`), http.StatusPreconditionFailed)
	wantProblem(t, s.do(t, "PUT", "/v1/articles/l", article("T", "Three."), "If-Match", `2`), http.StatusBadRequest)
}

func TestEscapedIDs(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a~b", article("T", "B.")), http.StatusCreated)
	if r := s.do(t, "GET", "/v1/articles/a%7Eb", ""); r.status != http.StatusOK || r.body["id"] != "a~b" {
		t.Fatalf("escaped tilde: got %d %s, want the article a~b", r.status, r.raw)
	}
}

func TestConditionalGet(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/c", article("T", "One.")), http.StatusCreated)
	tests := []struct {
		path, ifNoneMatch string
		status            int
	}{
		{"/v1/articles/c", `"1"`, http.StatusNotModified},
		{"/v1/articles/c", `"0", W/"1"`, http.StatusNotModified},
		{"/v1/articles/c/revisions/1", `"1"`, http.StatusNotModified},
		{"/v1/articles/c", `"2"`, http.StatusOK},
	}
	for _, tc := range tests {
		if r := s.do(t, "GET", tc.path, "", "If-None-Match", tc.ifNoneMatch); r.status != tc.status {
			t.Errorf("GET %s If-None-Match %s: got %d, want %d", tc.path, tc.ifNoneMatch, r.status, tc.status)
		}
	}
	wantStatus(t, s.do(t, "PUT", "/v1/articles/c", article("T", "Two.")), http.StatusCreated)
	if r := s.do(t, "GET", "/v1/articles/c", "", "If-None-Match", `"1"`); r.status != http.StatusOK || r.body["revision"] != 2.0 {
		t.Fatalf("after an update: got %d %s, want 200 with revision 2", r.status, r.raw)
	}
}

func TestDecodingErrorsSpeakJSONNotGo(t *testing.T) {
	s := startServer(t, 0)
	r := s.do(t, "PUT", "/v1/articles/g", `{"title":"T","body":"B.","base_revision":1.0}`)
	wantProblem(t, r, http.StatusBadRequest)
	if d := r.body["detail"].(string); strings.Contains(d, "Go struct") || !strings.Contains(d, "base_revision") {
		t.Fatalf("detail: got %q, want the field named without Go's type names", d)
	}
}
