//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks
// that report a rate per CPU second: on a machine shared with other work
// it measures a cost better than the wall clock does.
package cputime

import (
	"syscall"
	"time"
)

// Process returns the CPU time, user and system, that the process has used
// so far; ok is false where it cannot be read.
func Process() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
