package sqlite_test

import "github.com/redline-news/redline/internal/cputime"

// processCPU returns the CPU time, user and system, that the process has
// used so far; ok is false where it cannot be read.
var processCPU = cputime.Process
