package shareddata_test

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"
)

func TestFind(t *testing.T) {
	if _, err := shareddata.Find("no-such-file.jsonl"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing file: got %v, want fs.ErrNotExist", err)
	}
	path, err := shareddata.Find("README.md")
	if err != nil {
		t.Skipf("the shared data is absent here: %v", err)
	}
	if got := shareddata.Read(t, "README.md"); len(got) == 0 {
		t.Fatalf("read %s: got nothing, want the data README", path)
	}
}
