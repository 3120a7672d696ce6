package api_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/service/api"
)

// raw sends bytes as they are and returns the server's whole reply.
func (s *testServer) raw(t *testing.T, request string) string {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatalf("write: %v", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("read reply: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var b strings.Builder
	b.WriteString(resp.Status + "\n")
	resp.Header.Write(&b)
	b.WriteString("\n" + string(body))
	return b.String()
}

func TestNotModifiedHasETagAndNoBody(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/c", article("T", "One.")), http.StatusCreated)
	for _, path := range []string{"/v1/articles/c", "/v1/articles/c/revisions/1"} {
		r := s.do(t, "GET", path, "", "If-None-Match", `"1"`)
		if r.status != http.StatusNotModified || len(r.raw) != 0 || r.header.Get("Content-Type") != "" || r.header.Get("ETag") != `"1"` {
			t.Errorf("%s: got %d, %d bytes, type %q, etag %q; want 304, no body, no type, etag \"1\"",
				path, r.status, len(r.raw), r.header.Get("Content-Type"), r.header.Get("ETag"))
		}
	}
}

func TestPreconditionFailedCarriesCurrentETag(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/p", article("T", "One.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/p", article("T", "Two.")), http.StatusCreated)
	for _, ifMatch := range []string{`"1"`, `"abc"`} {
		r := s.do(t, "PUT", "/v1/articles/p", article("T", "Three."), "If-Match", ifMatch)
		wantProblem(t, r, http.StatusPreconditionFailed)
		if got := r.header.Get("ETag"); got != `"2"` {
			t.Errorf("If-Match %s: got ETag %q, want \"2\"", ifMatch, got)
		}
	}
}

func TestHeadMirrorsGet(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/h", article("T", "Body.")), http.StatusCreated)
	for _, path := range []string{"/v1/articles/h", "/v1/articles/h/summary", "/livez"} {
		get, head := s.do(t, "GET", path, ""), s.do(t, "HEAD", path, "")
		for _, h := range []string{"Content-Type", "Content-Length", "ETag", "X-Content-Type-Options", "Vary"} {
			if get.header.Get(h) != head.header.Get(h) {
				t.Errorf("%s %s: GET has %q, HEAD has %q", path, h, get.header.Get(h), head.header.Get(h))
			}
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/x", article("T", "Body. More.")), http.StatusCreated)
	for _, path := range []string{"/livez", "/nope", "/v1/articles/x", "/v1/articles/x/diff?format=html"} {
		r := s.do(t, "GET", path, "")
		if got := r.header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: got X-Content-Type-Options %q, want nosniff", path, got)
		}
	}
	csp := s.do(t, "GET", "/v1/articles/x/diff?format=html", "").header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
		t.Errorf("HTML CSP: got %q, want a strict policy with frame-ancestors 'none'", csp)
	}
	if csp := s.do(t, "GET", "/v1/articles/x", "").header.Get("Content-Security-Policy"); csp != "" {
		t.Errorf("JSON CSP: got %q, want none", csp)
	}
}

func TestMediaTypes(t *testing.T) {
	s := startServer(t, 0)
	tests := []struct {
		contentType string
		status      int
	}{
		{"APPLICATION/JSON", http.StatusCreated},
		{"application/json; charset=UTF-8", http.StatusOK},
		{"Application/Json;charset=utf-8", http.StatusOK},
		{"", http.StatusUnsupportedMediaType},
		{"text/plain", http.StatusUnsupportedMediaType},
		{"application/json; charset=latin1", http.StatusUnsupportedMediaType},
		{"application/jsonx", http.StatusUnsupportedMediaType},
		{"application/json; boundary=x", http.StatusUnsupportedMediaType},
		{";;", http.StatusUnsupportedMediaType},
	}
	for _, tc := range tests {
		t.Run(tc.contentType, func(t *testing.T) {
			r := s.do(t, "PUT", "/v1/articles/m", article("T", "Body."), "Content-Type", tc.contentType)
			if tc.contentType == "" {
				r = s.doNoType(t, "PUT", "/v1/articles/m", article("T", "Body."))
			}
			if tc.status >= 400 {
				wantProblem(t, r, tc.status)
				return
			}
			wantStatus(t, r, tc.status)
		})
	}
}

func (s *testServer) doNoType(t *testing.T, method, path, body string) response {
	t.Helper()
	req, _ := http.NewRequest(method, s.url+path, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, header: resp.Header, raw: raw}
	if strings.Contains(resp.Header.Get("Content-Type"), "json") {
		r.body = decodeObject(t, raw)
	}
	return r
}

func TestMalformedRequestsAreNotEchoed(t *testing.T) {
	s := startServer(t, 0)
	secret := "Authorization: Bearer s3cr3t-token-value\r\nCookie: session=c00kie\r\n"
	tests := []struct {
		name, request, status string
	}{
		{"garbage request line", "GET /livez HTTP/1.1 extra\x01\r\n" + secret + "\r\n", "400"},
		{"bad header line", "GET /livez HTTP/1.1\r\nHost: x\r\nno colon here\r\n" + secret + "\r\n", "400"},
		{"unknown method", "BREW /v1/articles HTTP/1.1\r\nHost: x\r\n" + secret + "\r\n", "405"},
		{"oversized head", "GET /livez HTTP/1.1\r\nHost: x\r\n" + secret + "X-Big: " + strings.Repeat("a", 20<<10) + "\r\n\r\n", "431"},
		{"bad content length", "PUT /v1/articles/a HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n" + secret + "\r\n", "400"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reply := s.raw(t, tc.request)
			if !strings.HasPrefix(reply, tc.status) || !strings.Contains(reply, "Content-Type: application/problem+json") {
				t.Fatalf("got %q, want a %s problem", reply, tc.status)
			}
			for _, leak := range []string{"s3cr3t", "c00kie", "aaaa"} {
				if strings.Contains(reply, leak) {
					t.Fatalf("the reply echoes the request (%s): %q", leak, reply)
				}
			}
		})
	}
	wantStatus(t, s.do(t, "GET", "/livez", ""), http.StatusOK)
}

func TestLargeHeadsAreAllowed(t *testing.T) {
	s := startServer(t, 0)
	r := s.do(t, "GET", "/livez", "", "X-Big", strings.Repeat("a", 16<<10))
	wantStatus(t, r, http.StatusOK)
	if api.MaxHeaderBytes < 16<<10 {
		t.Fatalf("MaxHeaderBytes: got %d, want at least 16 KiB", api.MaxHeaderBytes)
	}
}

func TestCORS(t *testing.T) {
	off := startServer(t, 0)
	if got := off.do(t, "GET", "/livez", "", "Origin", "https://desk.example").header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Fatalf("CORS off: got Allow-Origin %q, want none", got)
	}
	s := start(t, api.Config{CORSOrigins: []string{"https://desk.example"}})
	pre := s.do(t, "OPTIONS", "/v1/articles/a", "", "Origin", "https://desk.example", "Access-Control-Request-Method", "PUT")
	if pre.status != http.StatusNoContent || pre.header.Get("Access-Control-Allow-Origin") != "https://desk.example" ||
		!strings.Contains(pre.header.Get("Access-Control-Allow-Methods"), "PUT") || !strings.Contains(pre.header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Fatalf("preflight: got %d %v, want 204 allowing PUT and Authorization", pre.status, pre.header)
	}
	for _, tc := range []struct{ path, method, header string }{
		{"/v1/webhooks/wh_1", "PATCH", "Content-Type"},
		{"/v1/changes", "GET", "Last-Event-ID"},
		{"/v1/articles/a", "DELETE", "If-Match"},
	} {
		pre := s.do(t, "OPTIONS", tc.path, "", "Origin", "https://desk.example", "Access-Control-Request-Method", tc.method,
			"Access-Control-Request-Headers", strings.ToLower(tc.header))
		methods := strings.Split(pre.header.Get("Access-Control-Allow-Methods"), ", ")
		headers := strings.Split(pre.header.Get("Access-Control-Allow-Headers"), ", ")
		if pre.status != http.StatusNoContent || !slices.Contains(methods, tc.method) || !slices.Contains(headers, tc.header) {
			t.Errorf("preflight of %s %s with %s: got %d, methods %q, headers %q; want 204 allowing both", tc.method, tc.path, tc.header, pre.status, methods, headers)
		}
	}
	if got := s.do(t, "GET", "/livez", "", "Origin", "https://desk.example").header.Get("Access-Control-Allow-Origin"); got != "https://desk.example" {
		t.Fatalf("listed origin: got %q, want it allowed", got)
	}
	other := s.do(t, "OPTIONS", "/v1/articles/a", "", "Origin", "https://evil.example", "Access-Control-Request-Method", "PUT")
	if other.header.Get("Access-Control-Allow-Origin") != "" || other.status < 400 {
		t.Fatalf("other origin: got %d %v, want a refusal without CORS headers", other.status, other.header)
	}
}

func decodeObject(t *testing.T, raw []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, raw)
	}
	return m
}

func TestUnavailableStoreAsksToRetry(t *testing.T) {
	s := startServer(t, 0)
	s.store.Close()
	r := s.do(t, "GET", "/readyz", "")
	wantProblem(t, r, http.StatusServiceUnavailable)
	if r.header.Get("Retry-After") == "" {
		t.Fatal("503: got no Retry-After, want one")
	}
}
