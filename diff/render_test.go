package diff_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/redline-news/redline/diff"
)

func compare(t *testing.T, old, new string) *diff.Result {
	t.Helper()
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestText(t *testing.T) {
	r := compare(t, "the big red dog", "the small blue dog")
	tests := []struct {
		name string
		opts diff.RenderOptions
		want string
	}{
		{"plain", diff.RenderOptions{}, "the [-big red-]{+small blue+} dog"},
		{"color", diff.RenderOptions{Color: true}, "the \x1b[31m[-big red-]\x1b[m\x1b[32m{+small blue+}\x1b[m dog"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.Text(tc.opts); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTextCollapsesWithContext(t *testing.T) {
	var old, new strings.Builder
	for i := range 20 {
		line := "Paragraph " + string(rune('A'+i)) + " stays.\n"
		if i == 10 {
			old.WriteString("Paragraph K said yes.\n")
			new.WriteString("Paragraph K said no.\n")
			continue
		}
		old.WriteString(line)
		new.WriteString(line)
	}
	r := compare(t, old.String(), new.String())
	want := "@@ ¶1 → ¶1, after 8 unchanged lines @@\nParagraph I stays.\nParagraph J stays.\nParagraph K said [-yes-]{+no+}.\n" +
		"Paragraph L stays.\nParagraph M stays.\n@@ 7 unchanged lines to the end @@\n"
	if got := r.Text(diff.RenderOptions{Context: 2}); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := r.Text(diff.RenderOptions{}); !strings.Contains(got, "Paragraph A stays.") {
		t.Errorf("without context got %q, want every line", got)
	}
}

func TestHTMLEscapes(t *testing.T) {
	r := compare(t, "Safe <b>text</b> here.", "Safe <b>text</b> <script>alert('x')</script> & here.")
	got := r.HTML(diff.RenderOptions{})
	if strings.Contains(got, "<script") || strings.Contains(got, "<b>") {
		t.Fatalf("got unescaped markup in %q", got)
	}
	for _, want := range []string{"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&amp;", "&lt;b&gt;text&lt;/b&gt;", `<ins class="rl-ins">`} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to contain %q", got, want)
		}
	}
	side := r.SideBySideHTML(diff.RenderOptions{})
	if strings.Contains(side, "<script") || !strings.Contains(side, "&lt;script&gt;") {
		t.Errorf("side by side: got unescaped markup in %q", side)
	}
}

func TestHTML(t *testing.T) {
	r := compare(t, "The mayor spoke on Monday.", "The mayor spoke on Tuesday.")
	want := `<div class="rl-facts"><span class="rl-fact" data-kind="date" data-change="changed">date: Monday → Tuesday</span></div>` + "\n" +
		`<div class="rl-diff">The mayor spoke on <del class="rl-del"><span class="rl-sr">removed: </span>Monday</del>` +
		`<span class="rl-sep"> </span><ins class="rl-ins"><span class="rl-sr">added: </span>Tuesday</ins>.</div>`
	if got := r.HTML(diff.RenderOptions{}); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFactBadgesReadApart(t *testing.T) {
	r := compare(t, "Officials counted 35 homes on Monday.", "Officials counted 50 homes on Tuesday.")
	if len(r.Facts) < 2 {
		t.Fatalf("facts: got %d (%v), want at least 2", len(r.Facts), r.Facts)
	}
	for _, tc := range []struct {
		name, html string
	}{
		{"inline", r.HTML(diff.RenderOptions{})},
		{"side by side", r.SideBySideHTML(diff.RenderOptions{})},
		{"side by side, findable", r.SideBySideHTML(diff.RenderOptions{Findable: true})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := strings.Count(tc.html, `</span> <span class="rl-fact"`), len(r.Facts)-1; got != want {
				t.Errorf("badges separated by a space: got %d, want %d in %q", got, want, tc.html)
			}
			if strings.Contains(tc.html, `</span><span class="rl-fact"`) {
				t.Errorf("got badges run together in %q", tc.html)
			}
		})
	}
}

func TestSideBySideHTML(t *testing.T) {
	old := "Storm hits the coast.\n\nThousands lost power overnight in the north.\n\nThe mayor urged calm on Monday."
	new := "Storm hits the coast.\n\nThe mayor urged calm on Tuesday.\n\nThousands lost power overnight in the north.\n\nSchools are shut."
	r := compare(t, old, new)
	got := r.SideBySideHTML(diff.RenderOptions{})
	var classes []string
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, `<tr class="`) {
			classes = append(classes, line[len(`<tr class="`):strings.Index(line, `>`)])
		}
	}
	// The mayor's sentence came from the old ¶3; the row it left says it
	// went to the new ¶2.
	want := []string{`rl-unchanged"`, `rl-moved rl-para" data-from="3"`, `rl-unchanged rl-para"`, `rl-moved-away" data-to="2"`, `rl-added rl-para"`}
	if strings.Join(classes, "|") != strings.Join(want, "|") {
		t.Errorf("got rows %q, want %q\n%s", classes, want, got)
	}
	if !strings.Contains(got, `<del class="rl-del"><span class="rl-sr">removed: </span>Monday</del>`) ||
		!strings.Contains(got, `<ins class="rl-ins"><span class="rl-sr">added: </span>Tuesday</ins>`) ||
		!strings.Contains(got, `<span class="rl-moved-note">moved from ¶3</span>`) || !strings.Contains(got, `<span class="rl-moved-note">moved to ¶2</span>`) {
		t.Errorf("edited row lacks its word diff:\n%s", got)
	}
}

func TestContextCountsLinesWithText(t *testing.T) {
	var paras []string
	for i := range 9 {
		paras = append(paras, "Paragraph "+string(rune('A'+i))+" stays.")
	}
	old := strings.Join(paras, "\n\n") + "\n"
	paras[4] = "Paragraph E changed."
	new := strings.Join(paras, "\n\n") + "\n"
	r := compare(t, old, new)
	tests := []struct {
		name string
		got  func(diff.RenderOptions) string
		want string
	}{
		{"text", r.Text, "@@ ¶4 → ¶4, after 3 unchanged lines @@\nParagraph D stays.\n\nParagraph E [-stays-]{+changed+}.\n\n" +
			"Paragraph F stays.\n@@ 3 unchanged lines to the end @@\n"},
		{"html", r.HTML, `<div class="rl-diff"><span class="rl-skip">3 unchanged paragraphs</span>` + "\nParagraph D stays.\n\n" +
			`Paragraph E <del class="rl-del"><span class="rl-sr">removed: </span>stays</del><span class="rl-sep"> </span>` +
			`<ins class="rl-ins"><span class="rl-sr">added: </span>changed</ins>.` + "\n\nParagraph F stays.\n" +
			`<span class="rl-skip">3 unchanged paragraphs</span>` + "\n</div>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got(diff.RenderOptions{Context: 1}); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	// Blank lines alone are never hidden behind a marker.
	r = compare(t, "A b.\n\n\n\nC d.\n", "A x.\n\n\n\nC y.\n")
	if got, want := r.Text(diff.RenderOptions{Context: 1}), "A [-b-]{+x+}.\n\n\n\nC [-d-]{+y+}.\n"; got != want {
		t.Errorf("blank lines only: got %q, want %q", got, want)
	}
}

func TestHTMLCuesAndSeparators(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"number replaced", "At least 400 died.", "At least 600 died.",
			`<div class="rl-facts"><span class="rl-fact" data-kind="number" data-change="changed">number: 400 → 600</span></div>` + "\n" +
				`<div class="rl-diff">At least <del class="rl-del"><span class="rl-sr">removed: </span>400</del>` +
				`<span class="rl-sep"> </span><ins class="rl-ins"><span class="rl-sr">added: </span>600</ins> died.</div>`},
		{"insertion alone", "Rain fell.", "Heavy rain fell.",
			`<div class="rl-diff"><del class="rl-del"><span class="rl-sr">removed: </span>Rain</del>` +
				`<span class="rl-sep"> </span><ins class="rl-ins"><span class="rl-sr">added: </span>Heavy rain</ins> fell.</div>`},
		{"deletion alone", "Very heavy rain fell.", "Heavy rain fell.",
			`<div class="rl-diff"><del class="rl-del"><span class="rl-sr">removed: </span>Very heavy</del>` +
				`<span class="rl-sep"> </span><ins class="rl-ins"><span class="rl-sr">added: </span>Heavy</ins> rain fell.</div>`},
		{"insert after space", "Rain fell.", "Rain fell. Roads shut.",
			`<div class="rl-diff">Rain fell.<ins class="rl-ins"><span class="rl-sr">added: </span> Roads shut.</ins></div>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := compare(t, tc.old, tc.new).HTML(diff.RenderOptions{}); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSideBySideCues(t *testing.T) {
	r := compare(t, "Rain fell. Roads shut.", "Rain fell. Schools closed.")
	got := r.SideBySideHTML(diff.RenderOptions{})
	for _, want := range []string{`<span class="rl-sr">removed: </span>`, `<span class="rl-sr">added: </span>`} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to contain %q", got, want)
		}
	}
}

func TestHunkHeadersGiveParagraphs(t *testing.T) {
	var old, new []string
	for i := range 12 {
		p := "Paragraph " + strconv.Itoa(i+1) + " stays as it was."
		old, new = append(old, p), append(new, p)
	}
	new = append(new[:3], append([]string{"A new paragraph near the top."}, new[3:]...)...)
	new[9] = "Paragraph 9 was edited." // old ¶9, new ¶10
	r := compare(t, strings.Join(old, "\n\n")+"\n", strings.Join(new, "\n\n")+"\n")
	got := r.Text(diff.RenderOptions{Context: 1})
	// The paragraph after the added one is its context, not a line of it:
	// the three after it (new ¶6 to ¶8) are skipped.
	want := "@@ ¶3 → ¶3, after 2 unchanged lines @@\nParagraph 3 stays as it was.\n\n{+A new paragraph near the top.+}\n\n" +
		"Paragraph 4 stays as it was.\n@@ ¶8 → ¶9, after 3 unchanged lines @@\nParagraph 8 stays as it was.\n\n" +
		"Paragraph 9 [-stays as it -]was{+ edited+}.\n\nParagraph 10 stays as it was.\n@@ 2 unchanged lines to the end @@\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
