package main

import (
	"bytes"
	"os"
	"testing"
)

// TestProfilesAreGenerated checks that profiles.go is what the generator
// writes from the whatlanggo that go.mod requires: edited by hand or left
// behind by an upgrade, it would be another model.
func TestProfilesAreGenerated(t *testing.T) {
	dir, version, err := module()
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate(dir, version)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../profiles.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Errorf("generated %d bytes, profiles.go has %d; they differ from byte %d (got %.40q, want %.40q): run go generate in internal/langid",
			len(got), len(want), i, got[i:], want[i:])
	}
}
