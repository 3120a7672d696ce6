package sqlite

import (
	"os"

	"golang.org/x/sys/unix"
)

// startWriteout has the kernel start writing f's dirty pages to the disk
// and returns without waiting for them (sync_file_range with
// SYNC_FILE_RANGE_WRITE). It changes no guarantee: only a sync makes the
// pages durable. It spreads the writing of what checkpoints copy over the
// time between them, so that the sync that comes before the WAL starts over
// finds little left to write.
func startWriteout(f *os.File) error {
	return unix.SyncFileRange(int(f.Fd()), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
}
