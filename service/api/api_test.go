package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// testServer is the API on a real listener, backed by a real SQLite file.
type testServer struct {
	url   string
	store *sqlite.DB
}

type fiberCtx = fiber.Ctx

func startServer(t *testing.T, maxBody int) *testServer {
	t.Helper()
	return start(t, api.Config{MaxBody: maxBody})
}

func startServerWith(t *testing.T, obs api.Observer) *testServer {
	t.Helper()
	return start(t, api.Config{Observer: obs})
}

// start serves cfg; mount adds routes before the server starts.
func start(t *testing.T, cfg api.Config, mount ...func(*api.Server)) *testServer {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "redline.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	cfg.Store, cfg.Version = store, "test"
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := api.NewServer(cfg)
	for _, m := range mount {
		m(srv)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		store.Close()
	})
	return &testServer{url: "http://" + ln.Addr().String(), store: store}
}

type response struct {
	status int
	header http.Header
	body   map[string]any
	raw    []byte
}

func (s *testServer) do(t *testing.T, method, path, body string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatalf("request: %v", err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, header: resp.Header, raw: raw}
	if len(raw) > 0 && strings.Contains(resp.Header.Get("Content-Type"), "json") {
		if err := json.Unmarshal(raw, &r.body); err != nil {
			t.Fatalf("%s %s: body is not a JSON object: %v: %s", method, path, err, raw)
		}
	}
	return r
}

func wantStatus(t *testing.T, r response, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status: got %d, want %d (body %s)", r.status, status, r.raw)
	}
}

// wantProblem checks an RFC 9457 problem response of the given status.
func wantProblem(t *testing.T, r response, status int) {
	t.Helper()
	wantStatus(t, r, status)
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type: got %q, want application/problem+json", ct)
	}
	for _, field := range []string{"type", "title", "status", "detail"} {
		if _, ok := r.body[field]; !ok {
			t.Fatalf("problem lacks %q: %s", field, r.raw)
		}
	}
	if got := int(r.body["status"].(float64)); got != status {
		t.Fatalf("problem status: got %d, want %d", got, status)
	}
}

func article(title, body string) string {
	b, _ := json.Marshal(map[string]string{"title": title, "body": body})
	return string(b)
}

func TestPutArticleRevisions(t *testing.T) {
	s := startServer(t, 0)
	r := s.do(t, "PUT", "/v1/articles/story-1", article("Storm", "Rain fell. Roads closed."))
	wantStatus(t, r, http.StatusCreated)
	if r.header.Get("ETag") != `"1"` || r.body["revision"] != 1.0 || r.header.Get("Location") != "/v1/articles/story-1/revisions/1" {
		t.Fatalf("create: got etag %q revision %v location %q, want \"1\", 1, the revision's URL", r.header.Get("ETag"), r.body["revision"], r.header.Get("Location"))
	}
	for _, field := range []string{"id", "title", "body", "content_hash", "words", "created_at"} {
		if _, ok := r.body[field]; !ok {
			t.Errorf("response lacks %q: %s", field, r.raw)
		}
	}
	r = s.do(t, "PUT", "/v1/articles/story-1", article("Storm", "Rain fell. Roads closed."))
	wantStatus(t, r, http.StatusOK)
	if r.body["revision"] != 1.0 {
		t.Fatalf("identical put: got revision %v, want 1", r.body["revision"])
	}
	r = s.do(t, "PUT", "/v1/articles/story-1", article("Storm", "Rain fell. Roads reopened."))
	wantStatus(t, r, http.StatusCreated)
	if r.header.Get("ETag") != `"2"` {
		t.Fatalf("changed put: got etag %q, want \"2\"", r.header.Get("ETag"))
	}
	r = s.do(t, "GET", "/v1/articles/story-1", "")
	wantStatus(t, r, http.StatusOK)
	if r.body["revision"] != 2.0 || r.body["body"] != "Rain fell. Roads reopened." {
		t.Fatalf("latest: got %s, want revision 2", r.raw)
	}
	r = s.do(t, "GET", "/v1/articles/story-1/revisions/1", "")
	if r.status != http.StatusOK || r.body["body"] != "Rain fell. Roads closed." {
		t.Fatalf("revision 1: got %d %s, want its body", r.status, r.raw)
	}
	r = s.do(t, "GET", "/v1/articles/story-1/revisions", "")
	wantStatus(t, r, http.StatusOK)
	revs := r.body["revisions"].([]any)
	if len(revs) != 2 {
		t.Fatalf("revisions: got %d, want 2", len(revs))
	}
	if _, hasBody := revs[0].(map[string]any)["body"]; hasBody {
		t.Errorf("revision listing holds bodies: %s", r.raw)
	}
}

func TestPreconditions(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a", article("T", "One.")), http.StatusCreated)
	tests := []struct {
		name    string
		body    string
		headers []string
		status  int
	}{
		{"stale If-Match", article("T", "Two."), []string{"If-Match", `"7"`}, http.StatusPreconditionFailed},
		{"unparsable If-Match", article("T", "Two."), []string{"If-Match", `"abc"`}, http.StatusPreconditionFailed},
		{"stale base_revision", `{"title":"T","body":"Two.","base_revision":3}`, nil, http.StatusPreconditionFailed},
		{"If-None-Match on existing", article("T", "Two."), []string{"If-None-Match", "*"}, http.StatusPreconditionFailed},
		{"If-Match and base_revision disagree", `{"title":"T","body":"Two.","base_revision":1}`, []string{"If-Match", `"2"`}, http.StatusBadRequest},
		{"current If-Match", article("T", "Two."), []string{"If-Match", `"1"`}, http.StatusCreated},
		{"current base_revision", `{"title":"T","body":"Three.","base_revision":2}`, nil, http.StatusCreated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "PUT", "/v1/articles/a", tc.body, tc.headers...)
			if tc.status >= 400 {
				wantProblem(t, r, tc.status)
				return
			}
			wantStatus(t, r, tc.status)
		})
	}
	r := s.do(t, "GET", "/v1/articles/a/revisions", "")
	if n := len(r.body["revisions"].([]any)); n != 3 {
		t.Fatalf("revisions after preconditions: got %d, want 3: a failed precondition must not write", n)
	}
	wantProblem(t, s.do(t, "PUT", "/v1/articles/new", article("T", "B"), "If-Match", "*"), http.StatusPreconditionFailed)
}

func TestBadInputGetsProblems(t *testing.T) {
	s := startServer(t, 64<<10)
	big := article("T", strings.Repeat("word ", 20<<10))
	tests := []struct {
		name, method, path, body string
		headers                  []string
		status                   int
	}{
		{"unknown route", "GET", "/nope", "", nil, 404},
		{"missing article", "GET", "/v1/articles/missing", "", nil, 404},
		{"missing revision", "GET", "/v1/articles/missing/revisions/3", "", nil, 404},
		{"revision zero", "GET", "/v1/articles/a/revisions/0", "", nil, 400},
		{"revision not a number", "GET", "/v1/articles/a/revisions/x", "", nil, 400},
		{"id with bad characters", "PUT", "/v1/articles/a%20b", article("T", "B"), nil, 400},
		{"id too long", "PUT", "/v1/articles/" + strings.Repeat("x", 201), article("T", "B"), nil, 400},
		{"malformed JSON", "PUT", "/v1/articles/a", `{"title":`, nil, 400},
		{"missing body field", "PUT", "/v1/articles/a", `{"title":"T"}`, nil, 400},
		{"unknown field", "PUT", "/v1/articles/a", `{"title":"T","body":"B","x":1}`, nil, 400},
		{"blank body", "PUT", "/v1/articles/a", article("T", "   "), nil, 400},
		{"title with newline", "PUT", "/v1/articles/a", article("a\nb", "B"), nil, 400},
		{"bad url", "PUT", "/v1/articles/a", `{"title":"T","body":"B","url":"ftp://x"}`, nil, 400},
		{"wrong content type", "PUT", "/v1/articles/a", article("T", "B"), []string{"Content-Type", "text/plain"}, 415},
		{"body too large", "PUT", "/v1/articles/a", big, nil, 413},
		{"bad limit", "GET", "/v1/articles?limit=0", "", nil, 400},
		{"bad cursor", "GET", "/v1/articles?cursor=zz!", "", nil, 400},
		{"wrong method", "POST", "/v1/articles", "", nil, 405},
		{"delete missing", "DELETE", "/v1/articles/missing", "", nil, 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantProblem(t, s.do(t, tc.method, tc.path, tc.body, tc.headers...), tc.status)
		})
	}
	if n, _ := s.store.CountArticles(context.Background()); n != 0 {
		t.Fatalf("articles after bad input: got %d, want 0", n)
	}
}

func TestListAndDelete(t *testing.T) {
	s := startServer(t, 0)
	for i := 0; i < 5; i++ {
		wantStatus(t, s.do(t, "PUT", fmt.Sprintf("/v1/articles/n%d", i), article("T", fmt.Sprintf("Body %d.", i))), http.StatusCreated)
	}
	var ids []string
	path := "/v1/articles?limit=2"
	for path != "" {
		r := s.do(t, "GET", path, "")
		wantStatus(t, r, http.StatusOK)
		for _, a := range r.body["articles"].([]any) {
			ids = append(ids, a.(map[string]any)["id"].(string))
		}
		path = ""
		if c, ok := r.body["next_cursor"].(string); ok {
			path = "/v1/articles?limit=2&cursor=" + c
		}
	}
	if got, want := strings.Join(ids, ","), "n4,n3,n2,n1,n0"; got != want {
		t.Fatalf("listing: got %s, want %s", got, want)
	}
	wantStatus(t, s.do(t, "DELETE", "/v1/articles/n2", ""), http.StatusNoContent)
	wantProblem(t, s.do(t, "GET", "/v1/articles/n2", ""), http.StatusNotFound)
	wantProblem(t, s.do(t, "GET", "/v1/articles/n2/revisions", ""), http.StatusNotFound)
}

// TestDeleteIfMatch checks that a DELETE with If-Match deletes only an
// article at one of the tags it holds, and otherwise answers 412 and keeps
// it.
func TestDeleteIfMatch(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/d", article("T", "The river rose.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/d", article("T", "The river rose again.")), http.StatusCreated)
	r := s.do(t, "DELETE", "/v1/articles/d", "", "If-Match", `"1"`)
	wantProblem(t, r, http.StatusPreconditionFailed)
	if detail := r.body["detail"].(string); !strings.Contains(detail, "is at revision 2, not 1") {
		t.Errorf("412 detail: got %q, want it to say the article is at revision 2", detail)
	}
	wantProblem(t, s.do(t, "DELETE", "/v1/articles/d", "", "If-Match", "3"), http.StatusBadRequest)
	wantProblem(t, s.do(t, "DELETE", "/v1/articles/missing", "", "If-Match", "*"), http.StatusPreconditionFailed)
	wantProblem(t, s.do(t, "DELETE", "/v1/articles/missing", "", "If-Match", `"1"`), http.StatusPreconditionFailed)
	wantStatus(t, s.do(t, "GET", "/v1/articles/d", ""), http.StatusOK)
	wantStatus(t, s.do(t, "DELETE", "/v1/articles/d", "", "If-Match", `"1", "2"`), http.StatusNoContent)
	wantProblem(t, s.do(t, "GET", "/v1/articles/d", ""), http.StatusNotFound)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/e", article("T", "The river rose.")), http.StatusCreated)
	wantStatus(t, s.do(t, "DELETE", "/v1/articles/e", "", "If-Match", "*"), http.StatusNoContent)
}

func TestHealthAndOpenAPI(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "GET", "/livez", ""), http.StatusOK)
	wantStatus(t, s.do(t, "GET", "/readyz", ""), http.StatusOK)
	r := s.do(t, "GET", "/openapi.json", "")
	wantStatus(t, r, http.StatusOK)
	if r.body["openapi"] != "3.1.0" {
		t.Fatalf("openapi version: got %v, want 3.1.0", r.body["openapi"])
	}
	paths := r.body["paths"].(map[string]any)
	for _, p := range []string{"/v1/articles", "/v1/articles/{id}", "/v1/articles/{id}/revisions", "/v1/articles/{id}/revisions/{n}", "/readyz"} {
		if _, ok := paths[p]; !ok {
			t.Errorf("openapi.json lacks path %s", p)
		}
	}
	s.store.Close()
	wantProblem(t, s.do(t, "GET", "/readyz", ""), http.StatusServiceUnavailable)
	wantStatus(t, s.do(t, "GET", "/livez", ""), http.StatusOK)
}

func TestRequestIDIsEchoedOrMade(t *testing.T) {
	s := startServer(t, 0)
	if got := s.do(t, "GET", "/livez", "", "X-Request-ID", "abc-123").header.Get("X-Request-ID"); got != "abc-123" {
		t.Errorf("well-formed request id: got %q, want abc-123", got)
	}
	if got := s.do(t, "GET", "/livez", "", "X-Request-ID", "bad id with spaces").header.Get("X-Request-ID"); got == "" || strings.Contains(got, " ") {
		t.Errorf("malformed request id: got %q, want a fresh one", got)
	}
}

func TestMetadataRoundTrip(t *testing.T) {
	s := startServer(t, 0)
	r := s.do(t, "PUT", "/v1/articles/m", `{"title":"T","body":"B.","url":"https://news.example/m","metadata":{"desk":"metro","tags":["a"]}}`)
	wantStatus(t, r, http.StatusCreated)
	r = s.do(t, "GET", "/v1/articles/m", "")
	md, _ := json.Marshal(r.body["metadata"])
	if !bytes.Equal(md, []byte(`{"desk":"metro","tags":["a"]}`)) || r.body["url"] != "https://news.example/m" {
		t.Fatalf("metadata: got %s url %v, want it back", md, r.body["url"])
	}
}
