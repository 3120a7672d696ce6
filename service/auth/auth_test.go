package auth_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/service/auth"
)

const (
	readTok  = "read-token-0123456789"
	writeTok = "write-token-0123456789"
	adminTok = "admin-token-0123456789"
)

func hashOf(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return "sha256:" + hex.EncodeToString(sum[:])
}

func TestParseAndScope(t *testing.T) {
	file := "# newsroom tokens\nread " + readTok + "\n\n  write   " + hashOf(writeTok) + "  # the desk\nADMIN " + adminTok + "\n"
	tokens, err := auth.Parse(strings.NewReader(file))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	tests := []struct {
		token string
		scope auth.Scope
		ok    bool
	}{
		{readTok, auth.Read, true},
		{writeTok, auth.Write, true},
		{adminTok, auth.Admin, true},
		{hashOf(writeTok), auth.None, false}, // the hash is not the token
		{"", auth.None, false},
		{readTok + "x", auth.None, false},
	}
	for _, tc := range tests {
		t.Run(tc.token, func(t *testing.T) {
			scope, ok := tokens.Scope(tc.token)
			if scope != tc.scope || ok != tc.ok {
				t.Fatalf("got %v %v, want %v %v", scope, ok, tc.scope, tc.ok)
			}
		})
	}
	if tokens.Len() != 3 {
		t.Fatalf("len: got %d, want 3", tokens.Len())
	}
}

func TestScopesInclude(t *testing.T) {
	if !auth.Admin.Allows(auth.Write) || !auth.Write.Allows(auth.Read) || auth.Read.Allows(auth.Write) || auth.None.Allows(auth.Read) {
		t.Fatal("got a scope order other than none < read < write < admin")
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"unknown scope", "read " + readTok + "\nroot " + adminTok, "line 2: unknown scope"},
		{"short token", "write short", "line 1: a token must be at least 16"},
		{"bad hash", "read sha256:abc", "line 1: sha256: must be followed by 64 hex digits"},
		{"three fields", "read a b", "line 1: want `SCOPE TOKEN`"},
		{"empty", "# nothing\n", "no tokens"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := auth.Parse(strings.NewReader(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), readTok) {
				t.Fatalf("the error quotes a token: %v", err)
			}
		})
	}
}

func TestReloadKeepsOldTokensOnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("read " + readTok)
	tokens, err := auth.Load(path)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	write("write " + writeTok)
	if err := tokens.Reload(); err != nil {
		t.Fatalf("reload: %v", err)
	}
	if _, ok := tokens.Scope(readTok); ok {
		t.Fatal("old token still valid after reload")
	}
	write("write nope")
	if err := tokens.Reload(); err == nil {
		t.Fatal("reload of a bad file: got no error")
	}
	if s, ok := tokens.Scope(writeTok); !ok || s != auth.Write {
		t.Fatalf("after a failed reload: got %v %v, want the previous write token kept", s, ok)
	}
}

func TestEqualAndID(t *testing.T) {
	if !auth.Equal("abc", "abc") || auth.Equal("abc", "abd") || auth.Equal("", "abc") {
		t.Fatal("Equal: got a wrong answer")
	}
	if id := auth.ID(readTok); strings.Contains(readTok, id) || id != auth.ID(readTok) || id == auth.ID(writeTok) {
		t.Fatalf("ID: got %q, want a stable name that does not reveal the token", id)
	}
}
