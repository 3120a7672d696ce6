// Package loadtext makes the article bodies that load tests and benchmarks
// send: `redline loadtest`, the PUT benchmarks, and docs/bench/put.lua,
// whose Lua copy of Sentences a test keeps equal.
package loadtext

import (
	"fmt"
	"strings"
)

// Sentences are what bodies are made of: news-like sentences with
// numbers, so that summaries and diffs have real work to do.
var Sentences = []string{
	"The river rose %d centimetres overnight and the old bridge was closed to traffic.",
	"Officials said %d residents had been moved to the school gymnasium.",
	"The mayor asked people to stay at home until the water level falls.",
	"Rail services between the two towns were suspended for %d hours.",
	"Forecasters expect more rain on Thursday, with up to %d millimetres in the hills.",
	"Volunteers filled sandbags near the harbour through the night.",
}

// Text returns paragraphs of four sentences, about n bytes in all; the
// i-th sentence holding a number has 10+i.
func Text(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 && i%4 == 0 {
			b.WriteString("\n\n")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		s := Sentences[i%len(Sentences)]
		if strings.Contains(s, "%d") {
			s = fmt.Sprintf(s, 10+i)
		}
		b.WriteString(s)
	}
	return b.String()
}
