package api

import "testing"

func TestResultCacheKeepsOnlyWhatItMay(t *testing.T) {
	tests := []struct {
		name     string
		keep     func(int) bool
		wantRuns int
	}{
		{"every value kept", nil, 1},
		{"value refused", func(v int) bool { return v != 7 }, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newResultCache("test", 4, nopObserver{}, tc.keep)
			runs := 0
			for i := 0; i < 3; i++ {
				v, err := c.get("k", func() (int, error) { runs++; return 7, nil })
				if err != nil || v != 7 {
					t.Fatalf("get: got %d, %v, want 7", v, err)
				}
			}
			if runs != tc.wantRuns {
				t.Fatalf("computations: got %d, want %d", runs, tc.wantRuns)
			}
		})
	}
}

func TestResultCacheIsBounded(t *testing.T) {
	c := newResultCache[int]("test", 2, nopObserver{}, nil)
	for _, k := range []string{"a", "b", "c"} {
		c.get(k, func() (int, error) { return 1, nil })
	}
	if n := c.lru.Len(); n != 2 {
		t.Fatalf("entries: got %d, want 2", n)
	}
}
