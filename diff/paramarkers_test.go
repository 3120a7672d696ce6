package diff

import (
	"fmt"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// textLine is a line of the text rendering, as an editor reads it.
type textLine int

const (
	lineBlank   textLine = iota // white space alone, outside any marker
	lineText                    // text, no marker on it: an unchanged line
	lineChanged                 // a marker, or text inside one, is on it
	lineHeader                  // a hunk header
)

// textMarkers are the openers of the text rendering's markers, each with
// its closer.
var textMarkers = [][2]string{{"[-", "-]"}, {"{+", "+}"}, {"[~", "~]"}, {"{~", "~}"}}

// classifyLines tells apart the lines of a text rendering (without
// colour): hunk headers, lines a marker touches (an opener, a closer or
// text between them), unchanged lines with text and blank ones.
func classifyLines(out string) []textLine {
	lines := strings.Split(out, "\n")
	kinds := make([]textLine, len(lines))
	var open []string // closers awaited, innermost last
	for k, line := range lines {
		if len(open) == 0 && strings.HasPrefix(line, "@@ ") && strings.HasSuffix(line, " @@") {
			kinds[k] = lineHeader
			continue
		}
		changed := len(open) > 0
		for i := 0; i < len(line); {
			if n := len(open); n > 0 && strings.HasPrefix(line[i:], open[n-1]) {
				open, changed, i = open[:n-1], true, i+2
				continue
			}
			opened := false
			for _, m := range textMarkers {
				if strings.HasPrefix(line[i:], m[0]) {
					open, changed, opened, i = append(open, m[1]), true, true, i+2
					break
				}
			}
			if !opened {
				i++
			}
		}
		switch {
		case changed:
			kinds[k] = lineChanged
		case strings.TrimSpace(line) == "":
			kinds[k] = lineBlank
		default:
			kinds[k] = lineText
		}
	}
	return kinds
}

// contextProblems checks a text rendering with context n: every hunk
// header has exactly n unchanged lines with text between it and the
// nearest changed line on either side (when there is one before the next
// header), and no run of more than 2n unchanged lines between two changed
// lines goes without a header. It returns "" when all holds.
func contextProblems(out string, n int) string {
	kinds := classifyLines(out)
	var problems []string
	lines := 0  // unchanged lines with text since the last changed line or header
	after := -1 // the kind of the last changed line or header, -1 at the start
	for k, kind := range kinds {
		switch kind {
		case lineText:
			lines++
		case lineHeader:
			if after == int(lineChanged) && lines != n {
				problems = append(problems, fmt.Sprintf("line %d: header after %d unchanged lines, want %d", k+1, lines, n))
			}
			lines, after = 0, int(lineHeader)
		case lineChanged:
			switch {
			case after == int(lineHeader) && lines != n:
				problems = append(problems, fmt.Sprintf("line %d: %d unchanged lines after a header, want %d", k+1, lines, n))
			case after == int(lineChanged) && lines > 2*n:
				problems = append(problems, fmt.Sprintf("line %d: %d unchanged lines between changes and no header, want at most %d", k+1, lines, 2*n))
			case after == -1 && lines > n:
				problems = append(problems, fmt.Sprintf("line %d: %d unchanged lines before the first change and no header, want at most %d", k+1, lines, n))
			}
			lines, after = 0, int(lineChanged)
		}
	}
	if after == int(lineChanged) && lines > n {
		problems = append(problems, fmt.Sprintf("%d unchanged lines after the last change and no header, want at most %d", lines, n))
	}
	return strings.Join(problems, "; ")
}

// htmlChangeProblems checks an inline HTML rendering: no <ins> or <del>
// with more than white space begins or ends with a line break (it would
// mark the line before or after it), and each of the unchanged paragraphs
// stands outside them all.
func htmlChangeProblems(out string, unchanged []string) string {
	var problems []string
	for _, m := range changeElemRE.FindAllStringSubmatch(out, -1) {
		text := srRE.ReplaceAllString(m[2], "")
		if strings.TrimSpace(text) != "" && (strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n")) {
			problems = append(problems, fmt.Sprintf("<%s> %q has a line break at an end", m[1], text))
		}
		for _, p := range unchanged {
			if strings.Contains(text, p) {
				problems = append(problems, fmt.Sprintf("<%s> %q holds the unchanged %q", m[1], text, p))
			}
		}
	}
	return strings.Join(problems, "; ")
}

var (
	changeElemRE = regexp.MustCompile(`(?s)<(ins|del) [^>]*>(.*?)</(?:ins|del)>`)
	srRE         = regexp.MustCompile(`<span class="rl-sr">[^<]*</span>`)
)

// paragraphs A to H, and one more.
const (
	pA, pB, pC, pD = "Paragraph A is here.", "Paragraph B is here.", "Paragraph C is here.", "Paragraph D is here."
	pE, pF, pG, pH = "Paragraph E is here.", "Paragraph F is here.", "Paragraph G is here.", "Paragraph H is here."
	pX             = "A new paragraph was inserted."
)

func paras(sep string, ps ...string) string { return strings.Join(ps, sep) }

func TestParagraphMarkersStayOnTheirLines(t *testing.T) {
	base := paras("\n\n", pA, pB, pC, pD, pE, pF, pG, pH)
	all := []string{pA, pB, pC, pD, pE, pF, pG, pH}
	tests := []struct {
		name, old, new string
		changed        []string // the paragraphs a marker holds
		want           string   // the text form with context 1, when given
		wantHTML       string   // the inline HTML with context 1, when given
	}{
		{"inserted after A", base, paras("\n\n", pA, pX, pB, pC, pD, pE, pF, pG, pH), []string{pX},
			pA + "\n\n{+" + pX + "+}\n\n" + pB + "\n@@ 6 unchanged lines to the end @@\n",
			`<div class="rl-diff">` + pA + "\n\n" + `<ins class="rl-ins"><span class="rl-sr">added: </span>` + pX + "</ins>\n\n" + pB +
				"\n" + `<span class="rl-skip">6 unchanged paragraphs</span>` + "\n</div>"},
		{"deleted after A", paras("\n\n", pA, pX, pB, pC, pD, pE, pF, pG, pH), base, []string{pX},
			pA + "\n\n[-" + pX + "-]\n\n" + pB + "\n@@ 6 unchanged lines to the end @@\n",
			`<div class="rl-diff">` + pA + "\n\n" + `<del class="rl-del"><span class="rl-sr">removed: </span>` + pX + `</del><span class="rl-sep">` +
				"\n\n</span>" + pB + "\n" + `<span class="rl-skip">6 unchanged paragraphs</span>` + "\n</div>"},
		{"inserted first", base, paras("\n\n", pX, pA, pB, pC, pD, pE, pF, pG, pH), []string{pX},
			"{+" + pX + "+}\n\n" + pA + "\n@@ 7 unchanged lines to the end @@\n", ""},
		{"deleted first", paras("\n\n", pX, pA, pB, pC, pD, pE, pF, pG, pH), base, []string{pX},
			"[-" + pX + "-]\n\n" + pA + "\n@@ 7 unchanged lines to the end @@\n", ""},
		{"appended", base, paras("\n\n", pA, pB, pC, pD, pE, pF, pG, pH, pX), []string{pX},
			"@@ ¶8 → ¶8, after 7 unchanged lines @@\n" + pH + "\n\n{+" + pX + "+}",
			`<div class="rl-diff"><span class="rl-skip">7 unchanged paragraphs</span>` + "\n" + pH + "\n\n" +
				`<ins class="rl-ins"><span class="rl-sr">added: </span>` + pX + "</ins></div>"},
		{"last deleted", paras("\n\n", pA, pB, pC, pD, pE, pF, pG, pH, pX), base, []string{pX},
			"@@ ¶8 → ¶8, after 7 unchanged lines @@\n" + pH + "\n\n[-" + pX + "-]",
			`<div class="rl-diff"><span class="rl-skip">7 unchanged paragraphs</span>` + "\n" + pH + `<span class="rl-sep">` + "\n\n</span>" +
				`<del class="rl-del"><span class="rl-sr">removed: </span>` + pX + "</del></div>"},
		{"appended, line break at the end", base + "\n", paras("\n\n", pA, pB, pC, pD, pE, pF, pG, pH, pX) + "\n", []string{pX},
			"@@ ¶8 → ¶8, after 7 unchanged lines @@\n" + pH + "\n\n{+" + pX + "+}\n", ""},
		{"last deleted, line break at the end", paras("\n\n", pA, pB, pC, pD, pE, pF, pG, pH, pX) + "\n", base + "\n", []string{pX},
			"@@ ¶8 → ¶8, after 7 unchanged lines @@\n" + pH + "\n\n[-" + pX + "-]\n", ""},
		{"moved up", base, paras("\n\n", pA, pG, pB, pC, pD, pE, pF, pH), []string{pG},
			pA + "\n\n{~1 " + pG + "~}\n\n" + pB + "\n@@ ¶6 → ¶7, after 3 unchanged lines @@\n" + pF + "\n\n[~1 " + pG + "~]\n\n" + pH,
			`<div class="rl-diff">` + pA + "\n\n" + `<ins class="rl-ins rl-moved" data-move="1" data-from="7"><span class="rl-sr">moved from paragraph 7: </span>` +
				pG + "</ins>\n\n" + pB + "\n" + `<span class="rl-skip">3 unchanged paragraphs</span>` + "\n" + pF + "\n\n" +
				`<del class="rl-del rl-moved" data-move="1" data-to="2"><span class="rl-sr">moved to paragraph 2: </span>` + pG +
				`</del><span class="rl-sep">` + "\n\n</span>" + pH + "</div>"},
		{"last moved up", base, paras("\n\n", pA, pH, pB, pC, pD, pE, pF, pG), []string{pH},
			pA + "\n\n{~1 " + pH + "~}\n\n" + pB + "\n@@ ¶7 → ¶8, after 4 unchanged lines @@\n" + pG + "\n\n[~1 " + pH + "~]", ""},
		{"lines, not paragraphs", paras("\n", pA, pB, pC, pD, pE), paras("\n", pA, pB, pX, pC, pD, pE), []string{pX},
			"@@ ¶1 → ¶1, after 1 unchanged line @@\n" + pB + "\n{+" + pX + "+}\n" + pC + "\n@@ 2 unchanged lines to the end @@\n", ""},
		{"inserted before an edit", base, paras("\n\n", pA, pX, "Paragraph B is there.", pC, pD, pE, pF, pG, pH), []string{pX, "Paragraph B is"},
			pA + "\n\n{+" + pX + "+}\n\nParagraph B is [-here-]{+there+}.\n\n" + pC + "\n@@ 5 unchanged lines to the end @@\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Compare(tc.old, tc.new, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.want != "" {
				if got := r.Text(RenderOptions{Context: 1}); got != tc.want {
					t.Errorf("text, context 1: got  %q\nwant %q", got, tc.want)
				}
			}
			if tc.wantHTML != "" {
				if got := HTMLOps(r.Ops, RenderOptions{Context: 1}); got != tc.wantHTML {
					t.Errorf("HTML, context 1: got  %q\nwant %q", got, tc.wantHTML)
				}
			}
			var unchanged []string
			for _, p := range all {
				if strings.Contains(tc.old, p) && strings.Contains(tc.new, p) && !changedAmong(p, tc.changed) {
					unchanged = append(unchanged, p)
				}
			}
			lines := strings.Split(r.Text(RenderOptions{}), "\n")
			for _, p := range unchanged {
				if !containsLine(lines, p) {
					t.Errorf("text: got no line that is just %q in %q", p, lines)
				}
			}
			for n := 1; n <= 3; n++ {
				if msg := contextProblems(r.Text(RenderOptions{Context: n}), n); msg != "" {
					t.Errorf("text, context %d: %s in %q", n, msg, r.Text(RenderOptions{Context: n}))
				}
			}
			for n := 0; n <= 2; n++ {
				out := HTMLOps(r.Ops, RenderOptions{Context: n})
				if msg := htmlChangeProblems(out, unchanged); msg != "" {
					t.Errorf("HTML, context %d: %s", n, msg)
				}
			}
			side := r.SideBySideHTML(RenderOptions{})
			for _, p := range unchanged {
				row := `<td class="rl-old">` + p + `</td><td class="rl-new">` + p + `</td></tr>`
				if !strings.Contains(side, `<tr class="rl-unchanged rl-para">`+row) && !strings.Contains(side, `<tr class="rl-unchanged">`+row) {
					t.Errorf("side by side: got no unchanged row for %q in %s", p, side)
				}
			}
		})
	}
}

func changedAmong(p string, changed []string) bool {
	for _, c := range changed {
		if strings.Contains(p, c) || strings.Contains(c, p) {
			return true
		}
	}
	return false
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// Every row of the side-by-side table whose sentence begins a paragraph of
// the new text has rl-para, the paragraph added after the last one too,
// though its blank line stands in two ops (the "\n" that ended the old
// text and the "\n" that begins the new paragraph).
func TestSideBySideParagraphRows(t *testing.T) {
	base := paras("\n\n", pA, pB, pC)
	tests := []struct{ name, old, new string }{
		{"appended", base, paras("\n\n", pA, pB, pC, pX)},
		{"appended, line break at the end", base + "\n", paras("\n\n", pA, pB, pC, pX) + "\n"},
		{"inserted", base, paras("\n\n", pA, pX, pB, pC)},
		{"inserted first", base + "\n", paras("\n\n", pX, pA, pB, pC) + "\n"},
		{"moved", base, paras("\n\n", pC, pA, pB)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Compare(tc.old, tc.new, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, line := range strings.Split(r.SideBySideHTML(RenderOptions{}), "\n") {
				if strings.HasPrefix(line, `<tr class="`) && !strings.HasPrefix(line, `<tr class="rl-moved-away`) {
					rows = append(rows, line)
				}
			}
			if want := strings.Count(tc.new, "\n\n") + 1; len(rows) != want {
				t.Fatalf("got %d rows with a new sentence, want %d: %q", len(rows), want, rows)
			}
			for k, row := range rows {
				if got, want := strings.Contains(row, " rl-para"), k > 0; got != want {
					t.Errorf("row %d: rl-para %v, want %v: %s", k, got, want, row)
				}
			}
		})
	}
}

// randomParagraphEdit builds a text of distinct paragraphs (no word of one
// is in another) and a revision with some paragraphs inserted and some
// deleted, lines parted by sep, with or without a line break at the end;
// it returns the paragraphs both keep.
func randomParagraphEdit(rng *rand.Rand) (old, new string, kept []string) {
	next := 0
	para := func() string {
		next++
		n := strconv.Itoa(next)
		return "Alpha" + n + " beta" + n + " gamma" + n + " delta" + n + "."
	}
	var o, nw []string
	for range 3 + rng.Intn(8) {
		p := para()
		switch rng.Intn(5) {
		case 0: // deleted
			o = append(o, p)
		case 1: // inserted
			nw = append(nw, p)
		default:
			o, nw, kept = append(o, p), append(nw, p), append(kept, p)
		}
	}
	sep := []string{"\n\n", "\n", "\n\n\n"}[rng.Intn(3)]
	end := []string{"", "\n"}[rng.Intn(2)]
	return strings.Join(o, sep) + end, strings.Join(nw, sep) + end, kept
}

// Paragraphs inserted and deleted anywhere, however parted and ended, leave
// every kept paragraph an unmarked line of its own in the text form and
// outside every <ins> and <del> inline, and context N keeps N of them on
// each side of each change.
func TestRandomParagraphEditsKeepTheirLines(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for i := range 2000 {
		old, new, kept := randomParagraphEdit(rng)
		r, err := Compare(old, new, Options{})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(r.Text(RenderOptions{}), "\n")
		for _, p := range kept {
			if !containsLine(lines, p) {
				t.Fatalf("case %d: got no line that is just %q in %q\n(old %q, new %q)", i, p, lines, old, new)
			}
		}
		for n := 1; n <= 2; n++ {
			if out := r.Text(RenderOptions{Context: n}); contextProblems(out, n) != "" {
				t.Fatalf("case %d, context %d: %s in %q\n(old %q, new %q)", i, n, contextProblems(out, n), out, old, new)
			}
			if msg := htmlChangeProblems(r.HTML(RenderOptions{Context: n}), kept); msg != "" {
				t.Fatalf("case %d, HTML, context %d: %s\n(old %q, new %q)", i, n, msg, old, new)
			}
		}
	}
}

// On the dev pairs, both ways, context N keeps exactly N unchanged lines
// on each side of each change of the text form.
func TestContextLinesOnDevPairs(t *testing.T) {
	for _, p := range loadPairs(t) {
		for _, dir := range []struct{ name, old, new string }{{"forward", p.Old, p.New}, {"backward", p.New, p.Old}} {
			r, err := Compare(dir.old, dir.new, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{1, 3} {
				if msg := contextProblems(r.Text(RenderOptions{Context: n}), n); msg != "" {
					t.Errorf("%s %s, context %d: %s", p.ID, dir.name, n, msg)
				}
			}
		}
	}
}

// The checker itself: it finds what a rendering that miscounts context or
// lets a marker onto the next line would show.
func TestContextProblemsFindsMiscounts(t *testing.T) {
	tests := []struct {
		name, out string
		n         int
		bad       bool
	}{
		{"one each side", "A\n\n{+X+}\n\nB\n@@ 3 unchanged lines to the end @@\n", 1, false},
		{"two after", "A\n\n{+X+}\n\nB\n\nC\n@@ 3 unchanged lines to the end @@\n", 1, true},
		{"closer on the next line", "A\n\n{+X\n\n+}B\n\nC\n@@ 3 unchanged lines to the end @@\n", 1, false},
		{"none before", "@@ ¶3 → ¶3, after 2 unchanged lines @@\n{+X+}\n", 1, true},
		{"gap too long", "{+X+}\nA\nB\nC\n[-Y-]\n", 1, true},
		{"gap kept", "{+X+}\nA\nB\n[-Y-]\n", 1, false},
		{"too much before the first", "A\nB\n{+X+}\n", 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := contextProblems(tc.out, tc.n) != ""; got != tc.bad {
				t.Errorf("got problems %v (%q), want %v", got, contextProblems(tc.out, tc.n), tc.bad)
			}
		})
	}
}
