//go:build race

package api_test

// raceEnabled slows the race detector's run of the largest cases down to a
// size it finishes in reasonable time.
const raceEnabled = true
