// Package shareddata finds the evaluation data sets that tests and
// benchmarks read from ../shared/data beside the repository. The service
// never needs them, so a test whose data is absent skips instead of failing.
package shareddata

import (
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
