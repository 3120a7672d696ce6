// Package auth holds the API's bearer tokens and their scopes: it parses the
// tokens file, answers which scope a token has in constant time, and reloads
// the file on demand. It knows nothing of HTTP, so that the API, the editors'
// page and webhooks can share it.
package auth

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// Scope is what a token may do. Each scope includes the ones below it: a
// write token may read, an admin token may write.
type Scope int

// The scopes, weakest first. None is the scope of a request without a
// valid token.
const (
	None Scope = iota
	Read
	Write
	Admin
)

var scopeNames = []string{"none", "read", "write", "admin"}

// String returns the scope's name as the tokens file spells it.
func (s Scope) String() string {
	if s < None || s > Admin {
		return fmt.Sprintf("scope(%d)", int(s))
	}
	return scopeNames[s]
}

// Allows reports whether a token of scope s may do what needs scope need.
func (s Scope) Allows(need Scope) bool { return s >= need }

// ParseScope reads a scope name: read, write or admin.
func ParseScope(name string) (Scope, error) {
	for i, n := range scopeNames[1:] {
		if strings.EqualFold(name, n) {
			return Scope(i + 1), nil
		}
	}
	return None, fmt.Errorf("unknown scope %q: use read, write or admin", name)
}

// MinTokenLength is the shortest token accepted in plain text: shorter ones
// can be guessed.
const MinTokenLength = 16

// digest is the SHA-256 of a token; only digests are kept in memory, so a
// plain token and its sha256: form are the same entry.
type digest [sha256.Size]byte

type entry struct {
	digest digest
	scope  Scope
}

// Tokens is a set of tokens with their scopes, safe for concurrent use and
// replaced whole on Reload.
type Tokens struct {
	path    string
	mu      sync.RWMutex
	entries []entry
}

// Load reads the tokens file at path: one `SCOPE TOKEN` a line, `#` starts
// a comment, and TOKEN may be written sha256:HEX (the hex SHA-256 of the
// token) so that the file need not hold secrets.
func Load(path string) (*Tokens, error) {
	t := &Tokens{path: path}
	return t, t.Reload()
}

// Parse reads tokens in the file's format from r; Reload is not available
// on the result.
func Parse(r io.Reader) (*Tokens, error) {
	entries, err := parse(r)
	if err != nil {
		return nil, err
	}
	return &Tokens{entries: entries}, nil
}

// Reload reads the file again and replaces every token at once. On an error
// the tokens in use stay as they were.
func (t *Tokens) Reload() error {
	if t.path == "" {
		return fmt.Errorf("these tokens were not read from a file")
	}
	f, err := os.Open(t.path)
	if err != nil {
		return fmt.Errorf("read tokens: %w", err)
	}
	defer f.Close()
	entries, err := parse(f)
	if err != nil {
		return fmt.Errorf("tokens file %s: %w", t.path, err)
	}
	t.mu.Lock()
	t.entries = entries
	t.mu.Unlock()
	return nil
}

func parse(r io.Reader) ([]entry, error) {
	var entries []entry
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		e, err := parseLine(fields)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("no tokens: write one `SCOPE TOKEN` a line")
	}
	return entries, nil
}

func parseLine(fields []string) (entry, error) {
	if len(fields) != 2 {
		return entry{}, fmt.Errorf("want `SCOPE TOKEN`, got %d fields", len(fields))
	}
	scope, err := ParseScope(fields[0])
	if err != nil {
		return entry{}, err
	}
	d, err := parseToken(fields[1])
	return entry{digest: d, scope: scope}, err
}

func parseToken(tok string) (digest, error) {
	var d digest
	if h, ok := strings.CutPrefix(tok, "sha256:"); ok {
		raw, err := hex.DecodeString(h)
		if err != nil || len(raw) != sha256.Size {
			return d, fmt.Errorf("sha256: must be followed by 64 hex digits")
		}
		copy(d[:], raw)
		return d, nil
	}
	if len(tok) < MinTokenLength {
		return d, fmt.Errorf("a token must be at least %d characters long", MinTokenLength)
	}
	return sha256.Sum256([]byte(tok)), nil
}

// Scope returns the scope of token, and false when it is not one of the
// tokens. The token is compared with every entry in constant time, so the
// time taken says nothing of how close a guess was.
func (t *Tokens) Scope(token string) (Scope, bool) {
	d := sha256.Sum256([]byte(token))
	t.mu.RLock()
	defer t.mu.RUnlock()
	found := None
	for _, e := range t.entries {
		eq := subtle.ConstantTimeCompare(d[:], e.digest[:])
		found = Scope(subtle.ConstantTimeSelect(eq, int(e.scope), int(found)))
	}
	return found, found != None
}

// Len returns how many tokens are configured.
func (t *Tokens) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.entries)
}

// ID returns a short, stable name for a token that reveals nothing of it:
// rate limits key on it, and it may be logged.
func ID(token string) string {
	d := sha256.Sum256([]byte("redline token id\x00" + token))
	return hex.EncodeToString(d[:6])
}

// Equal compares a presented secret with the expected one in constant time.
func Equal(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}
