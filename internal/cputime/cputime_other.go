//go:build !unix

// Package cputime reads the CPU time the process has used, for benchmarks
// that report a rate per CPU second.
package cputime

import "time"

// Process is not measured outside Unix: ok is always false.
func Process() (time.Duration, bool) { return 0, false }
