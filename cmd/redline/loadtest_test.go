package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/loadtext"
	"github.com/valyala/fasthttp"
)

func TestLoadtestDrivesARealServer(t *testing.T) {
	m := startMain(t, t.TempDir())
	defer m.Close()
	code, stdout, stderr := runCLI(t, "", "loadtest", "--addr", m.Addr(), "--requests", "60", "--concurrency", "4",
		"--articles", "3", "--body-bytes", "2000", "--mix", "put=1,summary=1,diff=1,summarize=1", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r loadReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("report: %v\n%s", err, stdout)
	}
	if r.Requests != 60 || r.Failures != 0 || r.Concurrency != 4 {
		t.Fatalf("report: got %d requests, %d failures, concurrency %d; want 60, 0, 4", r.Requests, r.Failures, r.Concurrency)
	}
	want := map[string]string{opPut: "201", opSummary: "200", opDiff: "200", opSummarize: "200"}
	for op, status := range want {
		o := r.Operations[op]
		if o == nil || o.Statuses[status] != o.Requests || o.Requests == 0 {
			t.Errorf("%s: got %+v, want every request answered %s", op, o, status)
			continue
		}
		if o.P50 <= 0 || o.P99 < o.P50 || o.Max < o.P99 {
			t.Errorf("%s latencies: got p50 %v p99 %v max %v, want 0 < p50 <= p99 <= max", op, o.P50, o.P99, o.Max)
		}
	}
}

func TestLoadtestStopsAtItsDuration(t *testing.T) {
	m := startMain(t, t.TempDir())
	defer m.Close()
	code, stdout, stderr := runCLI(t, "", "loadtest", "--addr", "http://"+m.Addr(), "--duration", "2s",
		"--concurrency", "2", "--articles", "1", "--mix", "summary=1")
	if code != 0 || !strings.Contains(stdout, "summary") || !strings.Contains(stdout, "0 failed") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want a report with no failures", code, stdout, stderr)
	}
}

func TestLoadtestFlagsAreChecked(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"https", []string{"--addr", "https://127.0.0.1:1"}, "--addr"},
		{"a path", []string{"--addr", "127.0.0.1:1/v1"}, "--addr"},
		{"no port", []string{"--addr", "localhost"}, "--addr"},
		{"port out of range", []string{"--addr", "127.0.0.1:99999"}, "--addr"},
		{"port zero", []string{"--addr", "127.0.0.1:0"}, "--addr"},
		{"port not a number", []string{"--addr", "http://127.0.0.1:http"}, "--addr"},
		{"a user name", []string{"--addr", "editor@127.0.0.1:8080"}, "without a user name"},
		{"a user and password", []string{"--addr", "http://editor:secret@127.0.0.1:8080"}, "without a user name"},
		{"a fragment", []string{"--addr", "127.0.0.1:8080#x"}, "#fragment"},
		{"unknown op", []string{"--mix", "get=1"}, "--mix"},
		{"all zero", []string{"--mix", "put=0"}, "weight 0"},
		{"no concurrency", []string{"--concurrency", "0"}, "--concurrency"},
		{"too long", []string{"--duration", "2h"}, "--duration"},
		{"tiny bodies", []string{"--body-bytes", "10"}, "--body-bytes"},
		{"stray argument", []string{"now"}, "no arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", append([]string{"loadtest"}, tc.args...)...)
			if code != 2 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "secret") {
				t.Fatalf("got exit %d and %q, want 2 and a message naming %q", code, stderr, tc.want)
			}
		})
	}
}

// TestLoadtestSendsOnlyToItsAddress checks that the client dials the given
// address whatever a URL or a redirect names.
func TestLoadtestSendsOnlyToItsAddress(t *testing.T) {
	var elsewhere atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/redirect" {
			http.Redirect(w, r, other.URL+"/", http.StatusFound)
			return
		}
		io.WriteString(w, "target")
	}))
	defer target.Close()
	base, _ := url.Parse(target.URL)
	t.Setenv("HTTP_PROXY", other.URL)
	client := pinnedClient(base, 1, 5*time.Second)
	tests := []struct {
		name, url string
		status    int
	}{
		{"another host in the URL", other.URL + "/anything", http.StatusOK},
		{"a redirect elsewhere", target.URL + "/redirect", http.StatusFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
			defer fasthttp.ReleaseRequest(req)
			defer fasthttp.ReleaseResponse(resp)
			req.SetRequestURI(tc.url)
			if err := client.Do(req, resp); err != nil {
				t.Fatalf("get: %v", err)
			}
			if resp.StatusCode() != tc.status {
				t.Fatalf("status: got %d, want %d", resp.StatusCode(), tc.status)
			}
		})
	}
	if n := elsewhere.Load(); n != 0 {
		t.Fatalf("requests that reached another address: got %d, want 0", n)
	}
}

// TestLoadPutBodyIsItsJSON checks that the PUT body assembled from its
// pre-encoded head is the JSON encoding of the title and edited text.
func TestLoadPutBodyIsItsJSON(t *testing.T) {
	lt := newLoadTest(loadConfig{bodyBytes: 5000, concurrency: 1})
	for _, edit := range []int64{1, 7, 123456} {
		want, _ := json.Marshal(struct {
			Title string `json:"title"`
			Body  string `json:"body"`
		}{loadTitle, lt.text + fmt.Sprintf("\n\nUpdate %d: the water level was measured again.", edit)})
		if got := lt.putBody(edit); string(got) != string(want) {
			t.Fatalf("edit %d: body\n%s\nwant\n%s", edit, got, want)
		}
	}
}

// TestLoadtestPrepareSaysWhyItFailed checks that a load test whose
// preparing PUTs are refused says what to change on the server or in the
// command.
func TestLoadtestPrepareSaysWhyItFailed(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   string
	}{
		{http.StatusTooManyRequests, "--rate-write off"},
		{http.StatusUnauthorized, "--token"},
		{http.StatusForbidden, "--token"},
		{http.StatusInternalServerError, "status 500"},
	} {
		t.Run(strconv.Itoa(tc.status), func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tc.status) }))
			defer srv.Close()
			var stderr bytes.Buffer
			code := run(context.Background(), Stdio{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr},
				[]string{"loadtest", "--addr", srv.URL, "--articles", "1", "--requests", "1"})
			if code == 0 || !strings.Contains(stderr.String(), tc.want) {
				t.Fatalf("got exit %d and %q, want a failure naming %q", code, stderr.String(), tc.want)
			}
		})
	}
}

// TestLoadReportNamesRateLimits checks that a report whose requests were
// refused with 429 says that the server's rate limits, not its speed, were
// measured, and how to lift them.
func TestLoadReportNamesRateLimits(t *testing.T) {
	for _, tc := range []struct {
		statuses map[string]int
		want     bool
	}{{map[string]int{"201": 40, "429": 3}, true}, {map[string]int{"201": 43}, false}} {
		r := &loadReport{Target: "http://127.0.0.1:1", Operations: map[string]*opReport{opPut: {Requests: 43, Statuses: tc.statuses}}}
		var out strings.Builder
		r.print(&out)
		if got := strings.Contains(out.String(), "--rate-write off"); got != tc.want {
			t.Errorf("statuses %v: hint shown %v, want %v:\n%s", tc.statuses, got, tc.want, out.String())
		}
	}
}

// TestPutScriptSendsTheLoadTestsText checks that docs/bench/put.lua, which
// wrk runs for the write targets, builds the same text as `redline
// loadtest --body-bytes`, so that the two measure the same PUTs: the same
// sentences in the same order, numbered alike, four to a paragraph, and
// the same title and edited last paragraph.
func TestPutScriptSendsTheLoadTestsText(t *testing.T) {
	script, err := os.ReadFile("../../docs/bench/put.lua")
	if err != nil {
		t.Fatalf("read the wrk script: %v", err)
	}
	src := string(script)
	_, table, ok := strings.Cut(src, "local sentences = {")
	table, _, ok2 := strings.Cut(table, "}")
	if !ok || !ok2 {
		t.Fatalf("put.lua has no sentences table")
	}
	var sentences []string
	for _, m := range regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(table, -1) {
		sentences = append(sentences, m[1])
	}
	if !slices.Equal(sentences, loadtext.Sentences) {
		t.Errorf("put.lua's sentences:\n%q\nloadtest's:\n%q", sentences, loadtext.Sentences)
	}
	for _, want := range []string{
		`i % 4 == 0 then sep = "\n\n" elseif i > 0 then sep = " "`, // paragraphs of four sentences
		`s:format(10 + i)`,            // numbered as loadtext.Text numbers them
		`"title":"` + loadTitle + `"`, // the same title
		`\\n\\nUpdate `,               // then the edited paragraph,
		`': the water level was measured again."}'`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("put.lua does not contain %s", want)
		}
	}
	u, _ := url.Parse("http://127.0.0.1:1")
	lt := newLoadTest(loadConfig{base: u, concurrency: 1, timeout: time.Second, bodyBytes: 600})
	if got := string(lt.putBody(7)); !strings.HasSuffix(got, `\n\nUpdate 7: the water level was measured again."}`) {
		t.Errorf("loadtest's body ends %q, not as put.lua's does", got[max(0, len(got)-60):])
	}
}
