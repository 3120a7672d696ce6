package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestEveryCommandHelp checks that -h of every command, as the README tells
// users to run it, prints its usage and succeeds instead of reporting an
// error.
func TestEveryCommandHelp(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"summarize", []string{"summarize", "-h"}, "-sentences n"},
		{"summarize usage", []string{"summarize", "-h"}, "Usage: redline summarize [flags] [FILE]"},
		{"summarize keywords", []string{"summarize", "-h"}, "text, Markdown and HTML list them only when told"},
		{"diff", []string{"diff", "-h"}, "-context"},
		{"eval", []string{"eval", "-h"}, "eval summarize -h"},
		{"eval summarize", []string{"eval", "summarize", "-h"}, "-data"},
		{"eval train", []string{"eval", "train", "-h"}, "-cnndm"},
		{"changes", []string{"changes", "-h"}, "-follow"},
		{"loadtest", []string{"loadtest", "--help"}, "-concurrency"},
		{"serve", []string{"serve", "-h"}, "-api-tokens-file FILE"},
		{"version", []string{"version", "-h"}, "Usage: redline version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(context.Background(), Stdio{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, tc.args)
			help := out.String() + errOut.String()
			if code != 0 || !strings.Contains(help, tc.want) || strings.Contains(help, "help requested") {
				t.Fatalf("%v: got exit %d and %q, want 0 and usage holding %q", tc.args, code, help, tc.want)
			}
		})
	}
}
