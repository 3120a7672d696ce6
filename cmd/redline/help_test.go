package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dustin/go-humanize"
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

// TestFormatSize checks that sizes read as the flags take them and as the
// README writes their defaults, and that each reads back as the same size.
func TestFormatSize(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{2 << 20, "2MiB"}, {256 << 20, "256MiB"}, {1 << 10, "1KiB"}, {3 << 30, "3GiB"}, {1 << 40, "1TiB"},
		{1536, "1.5 KiB"}, {512, "512 B"},
	} {
		got := formatSize(tc.n)
		if got != tc.want {
			t.Errorf("formatSize(%d): got %q, want %q", tc.n, got, tc.want)
		}
		if back, err := humanize.ParseBytes(got); err != nil || int64(back) != tc.n {
			t.Errorf("ParseBytes(%q): got %d (%v), want %d", got, back, err, tc.n)
		}
	}
}

// TestServeHelpSizeDefaults checks that serve -h gives the size defaults as
// the configuration table of the README does.
func TestServeHelpSizeDefaults(t *testing.T) {
	var out bytes.Buffer
	code := run(context.Background(), Stdio{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out}, []string{"serve", "-h"})
	for _, want := range []string{`(default "2MiB")`, `(default "256MiB")`} {
		if code != 0 || !strings.Contains(out.String(), want) {
			t.Errorf("serve -h: got exit %d, want 0 and %s in %q", code, want, out.String())
		}
	}
}
