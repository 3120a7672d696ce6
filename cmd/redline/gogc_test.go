package main

import (
	"bufio"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestServeSetsGOGCOnlyWhenUnset checks, in a child process, that serve
// sets the collector's target to defaultGOGC or above (the heap floor
// raises it while the live heap is small) when GOGC is unset or empty, and
// leaves a GOGC from the environment alone.
func TestServeSetsGOGCOnlyWhenUnset(t *testing.T) {
	for _, tc := range []struct {
		name, env string
		atLeast   int
		exact     bool
	}{
		{"unset", "", defaultGOGC, false},
		{"set", "150", 150, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.env)
			c := startChild(t, 0)
			got := gaugeOf(t, "http://"+c.addr+"/metrics", "go_gc_gogc_percent")
			n, err := strconv.Atoi(got)
			if err != nil || n < tc.atLeast || (tc.exact && n != tc.atLeast) {
				t.Fatalf("GOGC=%q: go_gc_gogc_percent got %s, want %d (exact %v)", tc.env, got, tc.atLeast, tc.exact)
			}
		})
	}
}

// TestFloorPercent checks the GOGC that puts the heap goal at the floor.
func TestFloorPercent(t *testing.T) {
	const gib = 1 << 30
	for _, tc := range []struct {
		floor, live uint64
		want        int
	}{
		{gib, 0, 200},                   // nothing measured yet
		{gib, 2 * gib, 200},             // the live heap is above the floor
		{gib, gib, 200},                 // at it
		{gib, gib / 64, 6300},           // 16 MiB live: the goal is the floor
		{gib, gib / 2, 200},             // 512 MiB live: the ratio of 200 is above the floor
		{gib, gib / 3, 200},             // 341 MiB: 3× is the floor, 200 gives it
		{gib, gib / 4, 300},             // 256 MiB: 4×
		{100, 60, 200},                  // rounding never goes below percent
		{1 << 40, 1, (1<<20)*100 - 100}, // bounded
	} {
		if got := floorPercent(tc.floor, tc.live, 200); got != tc.want {
			t.Errorf("floorPercent(%d, %d, 200) = %d, want %d", tc.floor, tc.live, got, tc.want)
		}
	}
}

// TestHeapFloorBounds checks that the floor stays within its cap and a
// quarter of a memory limit.
func TestHeapFloorBounds(t *testing.T) {
	if f := heapFloor(math.MaxInt64); f == 0 || f > maxHeapFloor {
		t.Fatalf("heapFloor(no limit) = %d, want within (0, %d]", f, maxHeapFloor)
	}
	if f := heapFloor(400 << 20); f > 100<<20 {
		t.Fatalf("heapFloor(400 MiB) = %d, want at most 100 MiB", f)
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
