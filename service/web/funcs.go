package web

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/redline-news/redline/diff"
)

var templateFuncs = template.FuncMap{
	"plural":         plural,
	"comma":          func(n int) string { return humanize.Comma(int64(n)) },
	"pct":            func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"sentenceCounts": sentenceCounts,
	"changeOf":       func(st diff.Stats) changeBar { return changeBar{Added: st.WordsAdded, Removed: st.WordsRemoved} },
}

// plural returns "1 word" or "3 words".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// relativeTime says how long before now t was: "just now", "12 minutes
// ago", "3 days ago".
func relativeTime(t, now time.Time) string {
	if d := now.Sub(t); d < time.Minute && d > -time.Minute {
		return "just now"
	}
	return humanize.RelTime(t, now, "ago", "from now")
}

// sentenceCounts says what happened to sentences: "1 edited, 2 added".
func sentenceCounts(st diff.Stats) string {
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{st.SentencesEdited, "edited"}, {st.SentencesAdded, "added"}, {st.SentencesRemoved, "removed"}, {st.SentencesMoved, "moved"}} {
		if c.n > 0 {
			parts = append(parts, strconv.Itoa(c.n)+" "+c.what)
		}
	}
	return strings.Join(parts, ", ")
}
