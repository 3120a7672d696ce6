package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runDiffCmd runs "redline diff" with args and returns status, stdout and
// stderr.
func runDiffCmd(t *testing.T, terminal bool, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	stdio := Stdio{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr, Terminal: terminal}
	code := run(context.Background(), stdio, append([]string{"diff"}, args...))
	return code, stdout.String(), stderr.String()
}

// writeFiles writes old and new texts into a temporary directory.
func writeFiles(t *testing.T, old, new string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	o, n := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
	if err := os.WriteFile(o, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(n, []byte(new), 0o644); err != nil {
		t.Fatal(err)
	}
	return o, n
}

func TestDiffCommand(t *testing.T) {
	o, n := writeFiles(t, "The mayor spoke on Monday.\n", "The mayor spoke on Tuesday.\n")
	same, _ := writeFiles(t, "The mayor spoke on Monday.\n", "")
	const facts = "\nfacts: 1 changed: date: Monday → Tuesday\n"
	tests := []struct {
		name     string
		terminal bool
		args     []string
		code     int
		want     string
	}{
		{"changes", false, []string{o, n}, 1, "The mayor spoke on [-Monday-]{+Tuesday+}.\n\nfacts: 1 changed: date: Monday → Tuesday\n"},
		{"no change", false, []string{o, same}, 0, ""},
		{"colour on a terminal", true, []string{o, n}, 1, "The mayor spoke on \x1b[31m[-Monday-]\x1b[m\x1b[32m{+Tuesday+}\x1b[m.\n" + facts},
		{"colour never", true, []string{"--color=never", o, n}, 1, "The mayor spoke on [-Monday-]{+Tuesday+}.\n" + facts},
		{"colour always", false, []string{"--color", "always", o, n}, 1, "The mayor spoke on \x1b[31m[-Monday-]\x1b[m\x1b[32m{+Tuesday+}\x1b[m.\n" + facts},
		{"flags after files", false, []string{o, n, "--stats"}, 1,
			"words: 1 added, 1 removed, 0 moved, 4 unchanged (20.0% changed)\nsentences: 0 added, 0 removed, 1 edited, 0 moved\nfacts: 1 changed\n"},
		{"html", false, []string{"--format", "html", o, n}, 1,
			`<div class="rl-facts"><span class="rl-fact" data-kind="date" data-change="changed">date: Monday → Tuesday</span></div>` + "\n" +
				`<div class="rl-diff">The mayor spoke on <del class="rl-del"><span class="rl-sr">removed: </span>Monday</del>` +
				`<span class="rl-sep"> </span><ins class="rl-ins"><span class="rl-sr">added: </span>Tuesday</ins>.` + "\n</div>\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runDiffCmd(t, tc.terminal, "", tc.args...)
			if code != tc.code || stdout != tc.want {
				t.Errorf("got status %d, stdout %q (stderr %q); want %d, %q", code, stdout, stderr, tc.code, tc.want)
			}
		})
	}
}

func TestDiffCommandIdenticalFilesPrintNothing(t *testing.T) {
	o, n := writeFiles(t, "Rain fell.\n\nRoads flooded.\n", "Rain fell.\n\nRoads flooded.\n")
	tests := []struct {
		name string
		args []string
		want string // "" for no output at all
	}{
		{"text", []string{o, n}, ""},
		{"text with context", []string{"--context", "1", o, n}, ""},
		{"html", []string{"--format", "html", o, n}, ""},
		{"side-by-side", []string{"--format", "side-by-side", o, n}, ""},
		{"stats", []string{"--stats", o, n}, "words: 0 added, 0 removed, 0 moved, 4 unchanged (0.0% changed)\nsentences: 0 added, 0 removed, 0 edited, 0 moved\nfacts: 0 changed\n"},
		{"json", []string{"--format", "json", o, n}, `"ops": [`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runDiffCmd(t, false, "", tc.args...)
			ok := stdout == tc.want
			if strings.HasPrefix(tc.want, `"`) {
				ok = strings.Contains(stdout, tc.want)
			}
			if code != 0 || !ok {
				t.Errorf("got status %d, stdout %q (stderr %q), want status 0 and %q", code, stdout, stderr, tc.want)
			}
		})
	}
}

func TestDiffCommandFormats(t *testing.T) {
	o, n := writeFiles(t, "Rain fell.\n\nRoads flooded.\n", "Rain fell.\n\nRoads flooded. Schools closed.\n")
	code, stdout, _ := runDiffCmd(t, false, "", "--format=json", o, n)
	var got struct {
		Ops   []struct{ Op, Text string }
		Stats struct {
			SentencesAdded int `json:"sentences_added"`
		}
		Sentences []struct{ Status string }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 1 {
		t.Fatalf("json: got status %d, %v in %s", code, err, stdout)
	}
	if got.Stats.SentencesAdded != 1 || len(got.Sentences) != 3 || got.Sentences[2].Status != "added" {
		t.Errorf("json: got %+v, want the third sentence added", got)
	}
	code, stdout, _ = runDiffCmd(t, false, "", "--format=side-by-side", o, n)
	if code != 1 || !strings.Contains(stdout, `<tr class="rl-added">`) {
		t.Errorf("side-by-side: got status %d, %s", code, stdout)
	}
	code, stdout, _ = runDiffCmd(t, false, "Rain fell.\n\nRoads flooded.\n", "-", n)
	if code != 1 || !strings.Contains(stdout, "{+ Schools closed.+}") {
		t.Errorf("standard input: got status %d, %q", code, stdout)
	}
}

func TestDiffCommandTrouble(t *testing.T) {
	o, n := writeFiles(t, "ok\n", "bad \xff\n")
	big := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("word "), 10<<20/5+1), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{o, filepath.Join(t.TempDir(), "missing.txt")}, "no such file"},
		{"invalid UTF-8", []string{o, n}, "not UTF-8"},
		{"too large", []string{o, big}, "10 MiB limit"},
		{"one file", []string{o}, "two files"},
		{"bad format", []string{"--format", "pdf", o, o}, "unknown format"},
		{"bad colour", []string{"--color", "sometimes", o, o}, "unknown --color"},
		{"bad flag", []string{"--frobnicate", o, o}, "frobnicate"},
		{"negative context", []string{"--context", "-1", o, o}, "negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runDiffCmd(t, false, "", tc.args...)
			if code != 2 || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Errorf("got status %d, stdout %q, stderr %q; want 2 and a message with %q", code, stdout, stderr, tc.want)
			}
		})
	}
}

func TestDiffCommandFacts(t *testing.T) {
	o, n := writeFiles(t, "At least 35 people died.\n\nRescue teams checked homes every 30 minutes.\n",
		"At least 50 people died.\n\nRescue teams checked homes every 30 minutes.\n\nPolice said the bridge was not safe.\n")
	code, stdout, _ := runDiffCmd(t, false, "", "--format=json", o, n)
	var got struct {
		Stats struct {
			WordsAdded   int `json:"words_added"`
			FactsChanged int `json:"facts_changed"`
		}
		Facts []struct {
			Kind, Change, Old, New string
			NewSentence            *int `json:"new_sentence"`
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 1 {
		t.Fatalf("json: got status %d, %v in %s", code, err, stdout)
	}
	if got.Stats.FactsChanged != 1 || len(got.Facts) != 1 || got.Facts[0].Kind != "number" || got.Facts[0].Old != "35" ||
		got.Facts[0].New != "50" || got.Facts[0].NewSentence == nil || *got.Facts[0].NewSentence != 0 {
		t.Errorf("json: got %+v, want one number fact 35 → 50 in sentence 0", got)
	}
	_, stats, _ := runDiffCmd(t, false, "", "--format=json", "--stats", o, n)
	var st struct {
		WordsAdded   int `json:"words_added"`
		FactsChanged int `json:"facts_changed"`
	}
	if err := json.Unmarshal([]byte(stats), &st); err != nil || st.WordsAdded != got.Stats.WordsAdded || st.FactsChanged != 1 {
		t.Errorf("--stats json: got %+v (%v), want the stats of the full JSON %+v", st, err, got.Stats)
	}
	_, text, _ := runDiffCmd(t, false, "", o, n)
	if !strings.HasSuffix(text, "\nfacts: 1 changed: number: 35 → 50\n") {
		t.Errorf("text: got %q, want a facts line at the end", text)
	}
}

// A respelling in another Unicode normalization changes bytes but no word:
// the output marks nothing, so standard error says why the status is 1.
func TestDiffCommandNotesARespelling(t *testing.T) {
	o, n := writeFiles(t, "The caf\u00e9 opened.\n", "The cafe\u0301 opened.\n")
	code, stdout, stderr := runDiffCmd(t, false, "", o, n)
	if code != 1 || !strings.Contains(stderr, "differ only in their Unicode normalization") {
		t.Errorf("got status %d, stderr %q; want 1 and a note on the normalization", code, stderr)
	}
	if strings.Contains(stdout, "[-") || strings.Contains(stdout, "{+") {
		t.Errorf("stdout marks a change of words: %q", stdout)
	}
	o, n = writeFiles(t, "The caf\u00e9 opened.\n", "The caf\u00e9 closed.\n")
	if code, _, stderr := runDiffCmd(t, false, "", o, n); code != 1 || stderr != "" {
		t.Errorf("a change of words: got status %d, stderr %q; want 1 and no note", code, stderr)
	}
}
