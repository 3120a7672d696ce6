package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// buildRedline builds the real binary once for a test, so that replicas and
// crashes run as separate processes, as they do in production.
func buildRedline(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "redline")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is one running `redline serve`.
type process struct {
	cmd     *exec.Cmd
	addr    string
	log     string
	exited  chan struct{} // closed once the process has been reaped
	waitErr error
}

var servingAddr = regexp.MustCompile(`msg="redline serving" addr=(\S+)`)

// startProcess starts `redline serve` on a free loopback port with the given
// store and waits until it listens. Its log goes to a file in dir.
func startProcess(t *testing.T, bin, dir, store string) *process {
	t.Helper()
	p, err := tryStartProcess(t, bin, dir, store)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// tryStartProcess is startProcess for goroutines other than the test's,
// which must not call t.Fatal.
func tryStartProcess(t *testing.T, bin, dir, store string) (*process, error) {
	logFile, err := os.CreateTemp(dir, "serve-*.log")
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	// The writers of these tests all come from one address, far faster than
	// a client may by default.
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--store", store, "--store-pool-size", "4",
		"--rate-read", "off", "--rate-write", "off")
	cmd.Stderr = logFile
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start redline serve: %w", err)
	}
	p := &process{cmd: cmd, log: logFile.Name(), exited: make(chan struct{})}
	go func() { p.waitErr = cmd.Wait(); close(p.exited) }()
	t.Cleanup(p.kill)
	deadline := time.After(30 * time.Second)
	for {
		if m := servingAddr.FindSubmatch(p.head()); m != nil {
			p.addr = string(m[1])
			return p, nil
		}
		select {
		case <-p.exited:
			return nil, fmt.Errorf("redline serve exited before listening:\n%s", p.head())
		case <-deadline:
			p.kill()
			return nil, fmt.Errorf("redline serve did not listen within 30s:\n%s", p.head())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// head returns the start of the process's log.
func (p *process) head() []byte {
	f, err := os.Open(p.log)
	if err != nil {
		return nil
	}
	defer f.Close()
	var buf bytes.Buffer
	sc := bufio.NewScanner(f)
	for i := 0; i < 20 && sc.Scan(); i++ {
		buf.Write(sc.Bytes())
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// kill ends the process with SIGKILL, as a crash or an OOM kill would, and
// reaps it.
func (p *process) kill() {
	p.cmd.Process.Kill()
	<-p.exited
}

// stop asks the process to shut down cleanly and waits for it.
func (p *process) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
		if p.waitErr != nil {
			t.Errorf("redline serve exited with %v:\n%s", p.waitErr, p.head())
		}
	case <-time.After(30 * time.Second):
		p.kill()
		t.Errorf("redline serve did not stop within 30s of SIGTERM")
	}
}

// outcome is what one PUT sent and what it got back.
type outcome struct {
	id, body, ifMatch string
	status, revision  int
}

// revisionJSON is the part of a revision response the tests check.
type revisionJSON struct {
	Revision    int    `json:"revision"`
	Body        string `json:"body"`
	ContentHash string `json:"content_hash"`
}

// putRevision PUTs body to article id on addr, with If-Match when ifMatch is
// set, and returns the status and the revision number of a 2xx answer.
func putRevision(client *http.Client, addr, id, body, ifMatch string) (outcome, error) {
	o := outcome{id: id, body: body, ifMatch: ifMatch}
	payload, _ := json.Marshal(map[string]string{"title": "Crash and replica test", "body": body})
	req, err := http.NewRequest(http.MethodPut, "http://"+addr+"/v1/articles/"+id, bytes.NewReader(payload))
	if err != nil {
		return o, err
	}
	req.Header.Set("Content-Type", "application/json")
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	resp, err := client.Do(req)
	if err != nil {
		return o, err
	}
	defer resp.Body.Close()
	o.status = resp.StatusCode
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return o, err
	}
	if o.status/100 == 2 {
		var rev revisionJSON
		if err := json.Unmarshal(raw, &rev); err != nil {
			return o, fmt.Errorf("decode %d answer: %w", o.status, err)
		}
		if rev.Body != body {
			return o, fmt.Errorf("%d answer for %s holds body %q, want %q", o.status, id, rev.Body, body)
		}
		o.revision = rev.Revision
	}
	return o, nil
}

// storedRevisions returns every revision of an article, bodies included,
// by number, and fails unless the numbers are 1..N with no gap. It pages
// through the listing as a client would.
func storedRevisions(t *testing.T, client *http.Client, addr, id string) map[int]revisionJSON {
	t.Helper()
	revs := map[int]revisionJSON{}
	cursor := ""
	for {
		var page struct {
			Revisions  []revisionJSON `json:"revisions"`
			NextCursor string         `json:"next_cursor"`
		}
		fetchJSON(t, client, "http://"+addr+"/v1/articles/"+id+"/revisions?limit=500&cursor="+url.QueryEscape(cursor), &page)
		for _, r := range page.Revisions {
			if want := len(revs) + 1; r.Revision != want {
				t.Fatalf("article %s: revision %d of the listing is number %d, want %d (no gap, no duplicate)", id, len(revs), r.Revision, want)
			}
			var full revisionJSON
			fetchJSON(t, client, fmt.Sprintf("http://%s/v1/articles/%s/revisions/%d", addr, id, r.Revision), &full)
			revs[r.Revision] = full
		}
		if cursor = page.NextCursor; cursor == "" {
			return revs
		}
	}
}

func fetchJSON(t *testing.T, client *http.Client, url string, v any) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: got %d, want 200", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// wantAcknowledged checks that every 2xx the writers got is stored with
// exactly the body they sent.
func wantAcknowledged(t *testing.T, outcomes []outcome, stored map[string]map[int]revisionJSON) {
	t.Helper()
	for _, o := range outcomes {
		if o.status/100 != 2 {
			continue
		}
		got, ok := stored[o.id][o.revision]
		if !ok || got.Body != o.body {
			t.Fatalf("article %s revision %d got %d for %q, but the store holds %q (present %v)",
				o.id, o.revision, o.status, o.body, got.Body, ok)
		}
	}
}
