package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// readmeCurls returns the curl commands of the README's examples, in order,
// with continuation lines joined and trailing comments cut.
func readmeCurls(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatalf("read README: %v", err)
	}
	var cmds []string
	lines := strings.Split(string(raw), "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "curl ") {
			continue
		}
		cmd := lines[i]
		for strings.HasSuffix(cmd, "\\") && i+1 < len(lines) {
			i++
			cmd = strings.TrimSuffix(cmd, "\\") + " " + strings.TrimSpace(lines[i])
		}
		cmds = append(cmds, trailingComment.ReplaceAllString(cmd, ""))
	}
	return cmds
}

var trailingComment = regexp.MustCompile(`\s+#[^'"]*$`)

// TestReadmeCurlExamples runs every curl example of the README, in order,
// against the real service and checks that each succeeds.
func TestReadmeCurlExamples(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed; the README examples need it")
	}
	m := startMain(t, t.TempDir())
	defer m.Close()
	cmds := readmeCurls(t)
	if len(cmds) < 10 {
		t.Fatalf("README curl examples: got %d, want at least 10", len(cmds))
	}
	for _, cmd := range cmds {
		cmd = strings.ReplaceAll(cmd, "http://127.0.0.1:8080", "http://"+m.Addr())
		out, err := exec.Command("bash", "-c", cmd+" -o /dev/null -w '%{http_code}'").CombinedOutput()
		code := strings.TrimSpace(string(out))
		if err != nil || code < "200" || code >= "400" {
			t.Errorf("README example failed: %s\n got status %s (%v), want 2xx", cmd, code, err)
		}
	}
}
