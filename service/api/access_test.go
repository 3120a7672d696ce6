package api_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/auth"
)

const (
	readToken  = "read-token-0123456789"
	writeToken = "write-token-0123456789"
)

func tokens(t *testing.T) *auth.Tokens {
	t.Helper()
	tok, err := auth.Parse(strings.NewReader("read " + readToken + "\nwrite " + writeToken + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func bearerOf(tok string) []string {
	if tok == "" {
		return nil
	}
	return []string{"Authorization", "Bearer " + tok}
}

func TestTokens(t *testing.T) {
	s := start(t, api.Config{Access: api.Access{Tokens: tokens(t)}})
	tests := []struct {
		name, method, path, token string
		status                    int
		challenge                 string
	}{
		{"write without token", "PUT", "/v1/articles/a", "", 401, `Bearer realm="redline"`},
		{"write with unknown token", "PUT", "/v1/articles/a", "not-a-token-at-all", 401, `error="invalid_token"`},
		{"write with read token", "PUT", "/v1/articles/a", readToken, 403, `error="insufficient_scope"`},
		{"write with write token", "PUT", "/v1/articles/a", writeToken, 201, ""},
		{"read without token", "GET", "/v1/articles/a", "", 401, "Bearer"},
		{"read with read token", "GET", "/v1/articles/a", readToken, 200, ""},
		{"read with write token", "GET", "/v1/articles/a", writeToken, 200, ""},
		{"delete with read token", "DELETE", "/v1/articles/a", readToken, 403, "insufficient_scope"},
		{"summarize without token", "POST", "/v1/summarize", "", 401, "Bearer"},
		{"livez is open", "GET", "/livez", "", 200, ""},
		{"readyz is open", "GET", "/readyz", "", 200, ""},
		{"the OpenAPI document is open", "GET", "/openapi.json", "", 200, ""},
		{"unknown paths are not the API's", "GET", "/elsewhere", "", 404, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, tc.method, tc.path, article("T", "Body."), bearerOf(tc.token)...)
			if tc.method == "GET" || tc.method == "DELETE" {
				r = s.do(t, tc.method, tc.path, "", bearerOf(tc.token)...)
			}
			if tc.status >= 400 {
				wantProblem(t, r, tc.status)
			} else {
				wantStatus(t, r, tc.status)
			}
			if got := r.header.Get("WWW-Authenticate"); !strings.Contains(got, tc.challenge) || (tc.challenge == "") != (got == "") {
				t.Fatalf("WWW-Authenticate: got %q, want %q", got, tc.challenge)
			}
		})
	}
}

func TestPublicRead(t *testing.T) {
	s := start(t, api.Config{Access: api.Access{Tokens: tokens(t), PublicRead: true}})
	wantStatus(t, s.do(t, "PUT", "/v1/articles/p", article("T", "Body."), bearerOf(writeToken)...), http.StatusCreated)
	wantStatus(t, s.do(t, "GET", "/v1/articles/p", ""), http.StatusOK)
	wantProblem(t, s.do(t, "PUT", "/v1/articles/p", article("T", "Other.")), http.StatusUnauthorized)
}

func TestMetricsToken(t *testing.T) {
	s := start(t, api.Config{Access: api.Access{Tokens: tokens(t), MetricsToken: "metrics-secret-0123"}}, func(srv *api.Server) {
		srv.App().Get("/metrics", func(c *fiberCtx) error { return c.SendString("up 1\n") })
	})
	wantProblem(t, s.do(t, "GET", "/metrics", "", bearerOf(readToken)...), http.StatusUnauthorized)
	wantStatus(t, s.do(t, "GET", "/metrics", "", bearerOf("metrics-secret-0123")...), http.StatusOK)
}

func TestRequireInOneLine(t *testing.T) {
	s := start(t, api.Config{Access: api.Access{Tokens: tokens(t), PublicRead: true}}, func(srv *api.Server) {
		srv.App().Get("/admin-only", srv.Require(auth.Admin), func(c *fiberCtx) error { return c.SendString("ok") })
	})
	wantProblem(t, s.do(t, "GET", "/admin-only", "", bearerOf(writeToken)...), http.StatusForbidden)
}

// TestScopeProblemReads checks that a 403 names the scope needed and the
// token's own in words that read as a sentence.
func TestScopeProblemReads(t *testing.T) {
	s := start(t, api.Config{Access: api.Access{Tokens: tokens(t)}}, func(srv *api.Server) {
		srv.App().Get("/admin-only", srv.Require(auth.Admin), func(c *fiberCtx) error { return c.SendString("ok") })
	})
	for _, tc := range []struct{ name, method, path, token, want string }{
		{"admin route, write token", "GET", "/admin-only", writeToken, "this request needs an admin token; this token has the write scope"},
		{"write route, read token", "PUT", "/v1/articles/a", readToken, "this request needs a write token; this token has the read scope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, tc.method, tc.path, article("T", "Body."), bearerOf(tc.token)...)
			wantProblem(t, r, http.StatusForbidden)
			if got := r.body["detail"]; got != tc.want {
				t.Fatalf("detail: got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	limits := &api.RateLimits{Read: api.Rate{PerSecond: 0.01, Burst: 3}, Write: api.Rate{PerSecond: 0.01, Burst: 1}}
	s := start(t, api.Config{RateLimits: limits})
	for i := 0; i < 3; i++ {
		r := s.do(t, "GET", "/v1/articles", "")
		wantStatus(t, r, http.StatusOK)
		if got, want := r.header.Get("RateLimit"), `"read";r=`+strconv.Itoa(2-i); !strings.HasPrefix(got, want) {
			t.Fatalf("request %d: got RateLimit %q, want it to start %q", i, got, want)
		}
		if got := r.header.Get("RateLimit-Policy"); got != `"read";q=3;w=300` {
			t.Fatalf("RateLimit-Policy: got %q, want \"read\";q=3;w=300", got)
		}
	}
	r := s.do(t, "GET", "/v1/articles", "")
	wantProblem(t, r, http.StatusTooManyRequests)
	if r.header.Get("Retry-After") == "" || !strings.Contains(r.body["detail"].(string), "read") {
		t.Fatalf("429: got Retry-After %q detail %v, want a wait and the limit named", r.header.Get("Retry-After"), r.body["detail"])
	}
	wantStatus(t, s.do(t, "PUT", "/v1/articles/w", article("T", "B.")), http.StatusCreated)
	wantProblem(t, s.do(t, "PUT", "/v1/articles/w", article("T", "C.")), http.StatusTooManyRequests)
	wantStatus(t, s.do(t, "GET", "/livez", ""), http.StatusOK)
}

// TestRateLimitPerToken checks that each valid token has buckets of its
// own, and that a request with an unknown token draws on its address's.
func TestRateLimitPerToken(t *testing.T) {
	limits := &api.RateLimits{Read: api.Rate{PerSecond: 0.01, Burst: 1}, Write: api.Rate{PerSecond: 0.01, Burst: 1}}
	s := start(t, api.Config{RateLimits: limits, Access: api.Access{Tokens: tokens(t)}})
	steps := []struct {
		name, token string
		want        int
	}{
		{"read token, first", readToken, http.StatusOK},
		{"read token, over its burst", readToken, http.StatusTooManyRequests},
		{"write token, a bucket of its own", writeToken, http.StatusOK},
		{"unknown token, the address's bucket", "not-a-token-at-all", http.StatusUnauthorized},
		{"another unknown token, the same bucket", "not-a-token-either", http.StatusTooManyRequests},
		{"no token, the same bucket", "", http.StatusTooManyRequests},
	}
	for _, st := range steps {
		if got := s.do(t, "GET", "/v1/articles", "", bearerOf(st.token)...).status; got != st.want {
			t.Fatalf("%s: got %d, want %d", st.name, got, st.want)
		}
	}
}
