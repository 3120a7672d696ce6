package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServePageAsksForAReadToken starts the service with tokens and checks
// that the editors' page asks for a read token once, through its form, keeps
// it in a cookie, and that the API still wants its bearer token.
func TestServePageAsksForAReadToken(t *testing.T) {
	dir := t.TempDir()
	tokensFile := filepath.Join(dir, "tokens")
	if err := os.WriteFile(tokensFile, []byte("read reader-token-0123456789\nwrite writer-token-0123456789\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := NewMain()
	m.Config.Listen, m.Config.Store = "127.0.0.1:0", "sqlite:"+filepath.Join(dir, "redline.db")
	m.Config.Security.TokensFile = tokensFile
	m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	defer m.Close()
	if got := putWith(t, m, "writer-token-0123456789"); got != http.StatusCreated {
		t.Fatalf("put: got %d, want 201", got)
	}
	base := "http://" + m.Addr()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	status, _, body := fetch(t, client, "GET", base+"/articles/t", nil, "")
	if status != http.StatusUnauthorized || !strings.Contains(body, `name="token"`) {
		t.Fatalf("page without a token: got %d, want 401 with the token form: %s", status, body)
	}
	form := url.Values{"token": {"reader-token-0123456789"}, "next": {"/articles/t"}}
	status, header, _ := fetch(t, client, "POST", base+"/session", nil, form.Encode())
	cookie := header.Get("Set-Cookie")
	if status != http.StatusSeeOther || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Strict") {
		t.Fatalf("token form: got %d, cookie %q; want 303 and an HttpOnly, SameSite=Strict cookie", status, cookie)
	}
	name, value, _ := strings.Cut(strings.Split(cookie, ";")[0], "=")
	if status, _, _ := fetch(t, client, "GET", base+"/articles/t", &http.Cookie{Name: name, Value: value}, ""); status != http.StatusOK {
		t.Errorf("page with the cookie: got %d, want 200", status)
	}
	if status, _, _ := fetch(t, client, "GET", base+"/v1/articles/t", &http.Cookie{Name: name, Value: value}, ""); status != http.StatusUnauthorized {
		t.Errorf("API with only the cookie: got %d, want 401: the API takes bearer tokens only", status)
	}
}

func fetch(t *testing.T, client *http.Client, method, u string, cookie *http.Cookie, form string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	if form != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}
