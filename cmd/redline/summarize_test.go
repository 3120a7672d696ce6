package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), Stdio{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

const cliText = "The council approved the budget on Monday. It raises school spending. " +
	"Critics said roads were ignored. The mayor praised the vote."

func TestSummarizeCommand(t *testing.T) {
	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		want     string
	}{
		{"text", cliText, []string{"summarize", "--sentences", "2"}, 0, "\n"},
		{"json", cliText, []string{"summarize", "--json", "--ratio", "1"}, 0, `"index": 3`},
		{"html", cliText, []string{"summarize", "--format", "html"}, 0, `<ul class="summary">`},
		{"html with keywords", cliText, []string{"summarize", "--format", "html", "--keywords", "2"}, 0, `<ul class="keywords">`},
		{"no keywords", cliText, []string{"summarize", "--json", "--keywords", "0"}, 0, `"keywords": []`},
		{"bad keywords", cliText, []string{"summarize", "--keywords", "-1"}, 2, ""},
		{"markdown", cliText, []string{"summarize", "--format", "markdown"}, 0, "- "},
		{"jsonl", `{"id":"a","text":"One. Two."}` + "\n" + `{"id":"b","text":"Three. Four."}`, []string{"summarize", "--jsonl"}, 0, `{"id":"b","algorithm"`},
		{"jsonl with a failed line", `{"id":"a","text":"One. Two."}` + "\n" + `not json`, []string{"summarize", "--jsonl"}, 1, `{"id":"a","algorithm"`},
		{"not UTF-8", "bad \xff\xfe bytes.", []string{"summarize"}, 1, ""},
		{"explicit zero", cliText, []string{"summarize", "--sentences", "0"}, 2, ""},
		{"explicit zero ratio", cliText, []string{"summarize", "--ratio", "0"}, 2, ""},
		{"empty", "  \n", []string{"summarize"}, 1, ""},
		{"bad sentences", cliText, []string{"summarize", "--sentences", "-2"}, 2, ""},
		{"bad format", cliText, []string{"summarize", "--format", "pdf"}, 2, ""},
		{"jsonl with another format", `{"id":"a","text":"One. Two."}`, []string{"summarize", "--jsonl", "--format", "text"}, 2, ""},
		{"jsonl with the JSON format", `{"id":"a","text":"One. Two."}`, []string{"summarize", "--jsonl", "--format", "json"}, 0, `{"id":"a","algorithm"`},
		{"jsonl with --json", `{"id":"a","text":"One. Two."}`, []string{"summarize", "--jsonl", "--json"}, 0, `{"id":"a","algorithm"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, _ := runCLI(t, tc.stdin, tc.args...)
			if code != tc.wantCode || !strings.Contains(out, tc.want) {
				t.Errorf("got exit %d and output %q, want exit %d and output containing %q", code, out, tc.wantCode, tc.want)
			}
		})
	}
}

func TestSummarizeJSONLKeepsOrderAndErrors(t *testing.T) {
	in := `{"id":"a","text":"One. Two."}` + "\n" + `not json` + "\n" + `{"id":"c","text":""}` + "\n"
	_, out, _ := runCLI(t, in, "summarize", "--jsonl")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], `"error":"bad line`) || !strings.Contains(lines[2], `"id":"c","error":"text is empty"`) {
		t.Errorf("got lines %q, want a result, a bad-line error and an empty-text error", lines)
	}
}

func TestEvalCommand(t *testing.T) {
	data := shareddata.Path(t, "cnndm-test-dev.jsonl")
	small := filepath.Join(t.TempDir(), "small.jsonl")
	raw, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitN(raw, []byte("\n"), 21)
	if err := os.WriteFile(small, bytes.Join(lines[:20], []byte("\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "eval", "summarize", "--data", small)
	if code != 0 || !strings.Contains(out, "lead-3") || !strings.Contains(out, "learned") {
		t.Errorf("got exit %d, output %q, stderr %q; want a table with learned and lead-3", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "", "eval", "summarize"); code != 2 {
		t.Errorf("got exit %d without --data, want 2", code)
	}
	if code, _, errOut := runCLI(t, "", "eval", "summarize", "--data", small, "--split", "train"); code != 2 || !strings.Contains(errOut, "BBC rows") {
		t.Errorf("got exit %d, stderr %q for --split on CNN/DM; want 2 and a message that it chooses BBC rows", code, errOut)
	}
}

// TestSummarizeRefusesWhatTheServiceRefuses checks that the command takes
// the texts POST /v1/summarize takes: no control characters but tab and
// line ends, something visible.
func TestSummarizeRefusesWhatTheServiceRefuses(t *testing.T) {
	tests := []struct {
		name, in string
		args     []string
		want     string
	}{
		{"control character", "One \x01 thing. Two.", nil, "found U+0001"},
		{"NUL", "One \x00 thing.", nil, "found U+0000"},
		{"only zero-width", "\u200b\u200b", nil, "nothing visible"},
		{"control character in a line", `{"id":"a","text":"One \u0007 thing."}` + "\n", []string{"--jsonl"}, "found U+0007"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.in, append([]string{"summarize"}, tc.args...)...)
			if code != 1 || !strings.Contains(out+errOut, tc.want) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, tc.want)
			}
		})
	}
}
