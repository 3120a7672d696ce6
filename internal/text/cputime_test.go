package text_test

import (
	"time"

	"github.com/redline-news/redline/internal/cputime"
)

// cpuTime returns the CPU time the process has used (0 where it cannot be
// read, and benchmarks then report no CPU rate).
func cpuTime() time.Duration {
	d, _ := cputime.Process()
	return d
}
