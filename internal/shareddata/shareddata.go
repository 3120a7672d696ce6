// Package shareddata finds the evaluation data sets that tests and
// benchmarks read from ../shared/data beside the repository. The service
// never needs them, so a test whose data is absent skips instead of failing.
package shareddata

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Find returns the path of the named data file, looking in ../shared/data
// beside the nearest directory above the working directory that holds a
// go.mod (the repository root), or fs.ErrNotExist.
func Find(name string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			path := filepath.Join(dir, "..", "shared", "data", name)
			_, err := os.Stat(path)
			return path, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fs.ErrNotExist
		}
		dir = parent
	}
}

// Path returns the path of the named data file, or skips tb with a message
// that says where the data was looked for.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	path, err := Find(name)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("evaluation data %s is absent (looked in ../shared/data beside the repository); see its README", name)
	}
	if err != nil {
		tb.Fatalf("find %s: %v", name, err)
	}
	return path
}

// Rows decodes the first limit JSON lines of the named data file (all of
// them when limit is 0), or skips tb when it is absent.
func Rows[T any](tb testing.TB, name string, limit int) []T {
	tb.Helper()
	f, err := os.Open(Path(tb, name))
	if err != nil {
		tb.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	var rows []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() && (limit == 0 || len(rows) < limit) {
		var row T
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatalf("%s, row %d: %v", name, len(rows)+1, err)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return rows
}

// Read returns the contents of the named data file, or skips tb when it is
// absent.
func Read(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(Path(tb, name))
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return data
}
