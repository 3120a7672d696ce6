//go:build !unix

package text_test

import "time"

// cpuTime is not measured outside Unix; benchmarks then report no CPU rate.
func cpuTime() time.Duration { return 0 }
