package diff

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// revisionChains are stories revised one step at a time in the ways a
// newsroom revises them: each chain is compared revision after revision,
// as a store does on each write, so that what one comparison leaves in a
// SplitCache serves the next.
func revisionChains() map[string][]string {
	var paras []string
	for i := range 12 {
		paras = append(paras, fmt.Sprintf("The river rose %d centimetres overnight and the old bridge was closed. "+
			"Officials said %d homes were evacuated. \"We will rebuild,\" the mayor said on Tuesday. "+
			"Water levels are expected to fall by 5%% before Friday.", 10+i, 200+i))
	}
	base := strings.Join(paras, "\n\n")
	cjk := strings.Repeat("河水一夜上涨了十厘米，旧桥已经关闭。官员说有两百户人家被疏散。", 6)
	mixed := "Überschwemmung in Köln: der Rhein stieg um 30 Zentimeter. Die Brücke ist gesperrt.\n\n" + cjk +
		"\n\nЖители эвакуированы. Вода поднялась на 2 метра.\n\nLes habitants ont été évacués à 6 h 30."
	chain := func(n int, rev func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = rev(i)
		}
		return out
	}
	oneLong := strings.Repeat("Sentence of the story tells what the river did overnight. ", 90)
	return map[string][]string{
		"appended paragraph": chain(8, func(i int) string {
			s := base
			for k := range i {
				s += fmt.Sprintf("\n\nUpdate %d: the water level was measured again at %d:15.", k, 6+k)
			}
			return s
		}),
		"edited last sentence": chain(8, func(i int) string {
			return base + fmt.Sprintf("\n\nUpdate %d: the water level was measured again.", i)
		}),
		"edited number": chain(8, func(i int) string {
			return strings.Replace(base, "200 homes", fmt.Sprintf("%d homes", 200+7*i), 1)
		}),
		"edited long paragraph": chain(8, func(i int) string {
			return oneLong + fmt.Sprintf("Edit %d.", i)
		}),
		"moved paragraph": chain(6, func(i int) string {
			ps := append([]string(nil), paras...)
			k := i % len(ps)
			moved := ps[k]
			ps = append(ps[:k], ps[k+1:]...)
			ps = append(ps, moved)
			return strings.Join(ps, "\n\n")
		}),
		"deleted paragraph": chain(6, func(i int) string {
			ps := append([]string(nil), paras[:len(paras)-i]...)
			return strings.Join(ps, "\n\n")
		}),
		"unicode": chain(8, func(i int) string {
			return mixed + fmt.Sprintf("\n\n水位第%d次测量。Mise à jour %d : 7 000 €.", i, i)
		}),
		"cjk edited": chain(6, func(i int) string {
			return strings.Replace(mixed, "十厘米", fmt.Sprintf("%d厘米", 10+i), 1)
		}),
		"same text":      chain(3, func(int) string { return base }),
		"first revision": {"", base, base + "\n\nUpdate: more."},
	}
}

// TestCompareStatsRevisionChains compares CompareStats, with one
// SplitCache kept across the comparisons as a store keeps it, with the
// Stats of a full Compare, for every dev pair and every step of the
// chains, forwards and then backwards: a shortcut that took a figure from
// the cache that was not the one Compare counts would show here.
func TestCompareStatsRevisionChains(t *testing.T) {
	splits := NewSplitCache(8 << 20)
	for name, revs := range revisionChains() {
		for i := 1; i < len(revs); i++ {
			checkStats(t, fmt.Sprintf("%s %d→%d", name, i-1, i), revs[i-1], revs[i], splits)
		}
		for i := len(revs) - 1; i > 0; i-- {
			checkStats(t, fmt.Sprintf("%s %d→%d", name, i, i-1), revs[i], revs[i-1], splits)
		}
	}
	pairs := loadPairs(t)
	for _, p := range pairs {
		// The new revision, then one edited at its end, as the next
		// write would bring it: the second comparison finds the first's
		// paragraphs and values in the cache.
		next := p.New + "\n\nUpdate: 12 more homes were evacuated."
		checkStats(t, p.ID+" old→new", p.Old, p.New, splits)
		checkStats(t, p.ID+" new→next", p.New, next, splits)
		checkStats(t, p.ID+" next→new", next, p.New, splits)
	}
}

// TestShortcutsKeepCompare checks that the shortcuts of the word diff
// (one changed line on each side, one changed token on each side) give
// the Result of the general path, in full, for the dev pairs both ways and
// the revision chains.
func TestShortcutsKeepCompare(t *testing.T) {
	type pairOf struct{ name, old, new string }
	var cases []pairOf
	for name, revs := range revisionChains() {
		for i := 1; i < len(revs); i++ {
			cases = append(cases, pairOf{name, revs[i-1], revs[i]}, pairOf{name + " reversed", revs[i], revs[i-1]})
		}
	}
	for _, p := range loadPairs(t) {
		cases = append(cases, pairOf{p.ID, p.Old, p.New}, pairOf{p.ID + " reversed", p.New, p.Old})
	}
	results := func() []string {
		out := make([]string, len(cases))
		for k, c := range cases {
			r, err := Compare(c.old, c.new, statsOpts)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if r.Degraded {
				t.Fatalf("%s: degraded within a minute", c.name)
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			out[k] = string(b)
		}
		return out
	}
	fast := results()
	shortcuts = false
	defer func() { shortcuts = true }()
	general := results()
	for k := range cases {
		if fast[k] != general[k] {
			t.Errorf("%s: the shortcuts change the result:\n%s\nwant\n%s", cases[k].name, fast[k], general[k])
		}
	}
}
