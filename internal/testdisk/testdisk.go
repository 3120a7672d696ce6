// Package testdisk gives tests a small disk of their own to fill, so that
// they can check what the service does when writes fail for want of space.
package testdisk

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Small mounts an 8 MiB tmpfs in a temporary directory for the test and
// returns the directory, or skips the test saying why it cannot.
func Small(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=8m"); err != nil {
		tb.Skipf("cannot mount a small tmpfs to fill (needs root and mount rights): %v", err)
	}
	tb.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// Fill writes a file in dir until the disk is full and returns its path;
// removing it gives the space back.
func Fill(tb testing.TB, dir string) string {
	tb.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				tb.Fatalf("fill: %v", err)
			}
			return path
		}
	}
}
