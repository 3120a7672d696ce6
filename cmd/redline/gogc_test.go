package main

import (
	"bufio"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeSetsGOGCOnlyWhenUnset checks, in a child process, that serve
// sets the collector's target to defaultGOGC when GOGC is unset or empty,
// and leaves a GOGC from the environment alone.
func TestServeSetsGOGCOnlyWhenUnset(t *testing.T) {
	for _, tc := range []struct{ name, env, want string }{
		{"unset", "", "200"},
		{"set", "150", "150"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.env)
			c := startChild(t, 0)
			if got := gaugeOf(t, "http://"+c.addr+"/metrics", "go_gc_gogc_percent"); got != tc.want {
				t.Fatalf("GOGC=%q: go_gc_gogc_percent got %s, want %s", tc.env, got, tc.want)
			}
		})
	}
}

// gaugeOf returns the value of an unlabelled metric as /metrics prints it.
func gaugeOf(t *testing.T, url, name string) string {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if value, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			return value
		}
	}
	t.Fatalf("%s has no %s", url, name)
	return ""
}
