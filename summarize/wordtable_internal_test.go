package summarize

import (
	"fmt"
	"strings"
	"testing"
)

// TestWordTableAgreesWithAMap fills a table with words of every length up
// to past inlineWord, far past its first size, and checks each lookup
// against a map: words put are found with their stem, others are not.
func TestWordTableAgreesWithAMap(t *testing.T) {
	var tab wordTable
	want := map[string]int32{}
	for i := range 20_000 {
		w := fmt.Sprintf("w%x%s", i*7919, strings.Repeat("é", i%15))
		if _, ok := want[w]; ok {
			continue
		}
		if _, ok := tab.get([]byte(w), fnv32([]byte(w))); ok {
			t.Fatalf("%q found before it was put", w)
		}
		want[w] = int32(i)
		tab.put([]byte(w), fnv32([]byte(w)), int32(i))
	}
	if tab.len() != len(want) {
		t.Fatalf("got %d words, want %d", tab.len(), len(want))
	}
	for w, stem := range want {
		got, ok := tab.get([]byte(w), fnv32([]byte(w)))
		if !ok || got != stem {
			t.Fatalf("%q: got %d %v, want %d true", w, got, ok, stem)
		}
		miss := w + "x"
		if _, ok := want[miss]; !ok {
			if _, found := tab.get([]byte(miss), fnv32([]byte(miss))); found {
				t.Fatalf("%q found, never put", miss)
			}
		}
	}
}

// TestWordTableSameHash checks that words sharing a hash are told apart
// by their bytes.
func TestWordTableSameHash(t *testing.T) {
	var tab wordTable
	tab.put([]byte("abc"), 42, 1)
	tab.put([]byte("abd"), 42, 2)
	tab.put([]byte("ab"), 42, 3)
	tests := []struct {
		w    string
		stem int32
		ok   bool
	}{{"abc", 1, true}, {"abd", 2, true}, {"ab", 3, true}, {"abe", 0, false}, {"abcd", 0, false}}
	for _, tc := range tests {
		if got, ok := tab.get([]byte(tc.w), 42); ok != tc.ok || got != tc.stem {
			t.Errorf("%q: got %d %v, want %d %v", tc.w, got, ok, tc.stem, tc.ok)
		}
	}
}
