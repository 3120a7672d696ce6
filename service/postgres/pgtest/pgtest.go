// Package pgtest gives tests a fresh PostgreSQL schema of their own, so that
// tests of the PostgreSQL store and of whole replicas can run side by side
// on one database and leave nothing behind.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the environment variable that holds the test database's
// DSN, such as postgres://postgres@127.0.0.1:5432/test?sslmode=disable.
const EnvDSN = "REDLINE_TEST_POSTGRES"

// DSN returns the test database's DSN. Without one the test is skipped with
// a message saying how to run it, except under CI (CI set), where it fails:
// CI must run the PostgreSQL tests.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn != "" {
		return dsn
	}
	msg := "no PostgreSQL to test against: set " + EnvDSN + "=postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	if os.Getenv("CI") != "" {
		t.Fatal(msg + " (under CI the PostgreSQL tests must run)")
	}
	t.Skip(msg)
	return ""
}

// Schema creates an empty schema with a random name, drops it (with all it
// holds) when the test ends, and returns a DSN whose search_path is that
// schema, so that a store opened with it creates its tables there.
func Schema(t testing.TB) string {
	t.Helper()
	dsn := DSN(t)
	name := "redline_test_" + randomHex(t)
	exec(t, dsn, `CREATE SCHEMA `+name)
	t.Cleanup(func() { exec(t, dsn, `DROP SCHEMA `+name+` CASCADE`) })
	return WithParam(t, dsn, "search_path", name)
}

// WithParam returns dsn with one more connection parameter, in URL or
// key=value form as dsn is written.
func WithParam(t testing.TB, dsn, key, value string) string {
	t.Helper()
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		return dsn + " " + key + "=" + value
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", EnvDSN, err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

func exec(t testing.TB, dsn, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to the test PostgreSQL (%s): %v", EnvDSN, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func randomHex(t testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("random schema name: %v", err)
	}
	return hex.EncodeToString(b)
}
