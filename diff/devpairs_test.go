package diff

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/redline-news/redline/internal/shareddata"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// pair is one revision of the dev data.
type pair struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Old    string `json:"old"`
	New    string `json:"new"`
}

// loadPairs reads ../shared/data/revision-pairs-dev.jsonl next to the
// repository root, or skips the test when the data is not there.
func loadPairs(tb testing.TB) []pair {
	tb.Helper()
	path := shareddata.Path(tb, "revision-pairs-dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("dev revision pairs not available (%v); see /work/shared/data/README.md", err)
	}
	defer f.Close()
	var pairs []pair
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var p pair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return pairs
}

// minimalChangedWords diffs the same tokens, white space included, with
// go-diff and no cleanup at all: the yardstick for a diff that marks no
// more words than it must.
func minimalChangedWords(old, new string) int {
	ids := map[string]rune{}
	runes := func(s string) []rune {
		var rs []rune
		for _, t := range tokenize(s, 0, nil) {
			rs = append(rs, intern(ids, s[t.start:t.end]))
		}
		return rs
	}
	ra, rb := runes(old), runes(new)
	toks := make([]string, len(ids))
	for s, r := range ids {
		if r >= 0xD800 {
			r -= 0x800
		}
		toks[r] = s
	}
	n := 0
	for _, df := range diffmatchpatch.New().DiffMainRunes(ra, rb, false) {
		if df.Type == diffmatchpatch.DiffEqual {
			continue
		}
		for _, r := range df.Text {
			if r >= 0xD800 {
				r -= 0x800
			}
			n += CountWords(toks[r])
		}
	}
	return n
}

func TestChangedWordsNearMinimal(t *testing.T) {
	if testing.Short() {
		t.Skip("diffs 7 MB twice")
	}
	pairs := loadPairs(t)
	ours, minimal := 0, 0
	for _, p := range pairs {
		r, err := Compare(p.Old, p.New, Options{Deadline: 10e9})
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		ours += r.Stats.WordsAdded + r.Stats.WordsRemoved
		minimal += minimalChangedWords(p.Old, p.New)
	}
	ratio := float64(ours) / float64(minimal)
	t.Logf("%d pairs: %d words marked changed, minimal token diff %d, ratio %.3f", len(pairs), ours, minimal, ratio)
	if ratio > 1.25 {
		t.Errorf("got %.3f times the changed words of a minimal token diff, want at most 1.25", ratio)
	}
}
