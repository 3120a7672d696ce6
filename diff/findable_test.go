package diff_test

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/redline-news/redline/diff"
)

var (
	tagRE   = regexp.MustCompile(`<(/?)([a-z]+)([^>]*)>`)
	startRE = regexp.MustCompile(`data-start="(\d+)"`)
	classRE = regexp.MustCompile(`class="([^"]*)"`)
)

// findableTexts reads rendered HTML as a script would: for each element
// with data-start, the text it holds, leaving out what is not new text
// (<del>, cues, separators, markers, notes and fact badges).
func findableTexts(t *testing.T, out string) map[int]string {
	t.Helper()
	type open struct {
		tag   string
		skip  bool
		start int // -1 when the element has no data-start
		text  strings.Builder
	}
	var stack []*open
	found := map[int]string{}
	skipping := func() bool {
		for _, o := range stack {
			if o.skip {
				return true
			}
		}
		return false
	}
	addText := func(s string) {
		if s == "" || skipping() {
			return
		}
		for _, o := range stack {
			if o.start >= 0 {
				o.text.WriteString(html.UnescapeString(s))
			}
		}
	}
	at := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(out, -1) {
		addText(out[at:m[0]])
		at = m[1]
		closing, tag, attrs := out[m[2]:m[3]] == "/", out[m[4]:m[5]], out[m[6]:m[7]]
		if tag == "col" {
			continue // void
		}
		if closing {
			o := stack[len(stack)-1]
			if o.tag != tag {
				t.Fatalf("</%s> closes <%s> in %s", tag, o.tag, out)
			}
			stack = stack[:len(stack)-1]
			if o.start >= 0 {
				found[o.start] = o.text.String()
			}
			continue
		}
		o := &open{tag: tag, start: -1}
		if sm := startRE.FindStringSubmatch(attrs); sm != nil {
			o.start, _ = strconv.Atoi(sm[1])
		}
		class := ""
		if cm := classRE.FindStringSubmatch(attrs); cm != nil {
			class = " " + cm[1] + " "
		}
		o.skip = tag == "del"
		for _, c := range []string{"rl-sr", "rl-sep", "rl-skip", "rl-moved-note", "rl-facts"} {
			o.skip = o.skip || strings.Contains(class, " "+c+" ")
		}
		stack = append(stack, o)
	}
	addText(out[at:])
	if len(stack) != 0 {
		t.Fatalf("unclosed <%s> in %s", stack[len(stack)-1].tag, out)
	}
	return found
}

// Every element with data-start holds exactly the new text from its
// offset on, so a script that counts bytes finds any range of it; inline,
// with the hidden stretches kept, the whole new text is there.
func TestFindableOffsetsMatchTheNewText(t *testing.T) {
	var long []string
	for i := range 14 {
		long = append(long, "Paragraph "+strconv.Itoa(i+1)+" says the café served “crème brûlée” to 40 guests.")
	}
	edited := append([]string(nil), long...)
	edited[2] = "Paragraph 3 now says the café served tea to 45 guests."
	edited = append(edited[:6], append([]string{"A new paragraph, with ünïcödé and emoji 🌧️, arrives."}, edited[6:]...)...)
	edited[12], edited[9] = edited[9], edited[12] // a move
	pairs := []struct{ name, old, new string }{
		{"edits, an addition and a move", strings.Join(long, "\n\n") + "\n", strings.Join(edited, "\n\n") + "\n"},
		{"from nothing", "", "One sentence. Two sentences.\n\nA paragraph."},
		{"to nothing", "One sentence.\n\nTwo.", ""},
		{"swapped paragraphs", "Alpha beta gamma delta.\n\nOmega psi chi phi.", "Omega psi chi phi.\n\nAlpha beta gamma delta."},
		{"moved and edited", "Rescue teams checked homes every 30 minutes.\n\nThe mayor spoke.\n\nRoads shut.",
			"The mayor spoke.\n\nRoads shut.\n\nRescue teams checked homes every 20 minutes."},
		{"lines, not paragraphs", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n"},
		// A deleted paragraph's line breaks stand outside its <del>, in an
		// rl-sep, and so are no new text either.
		{"paragraph deleted", strings.Join(long[:5], "\n\n"), strings.Join(append(long[:2:2], long[3:5]...), "\n\n")},
		{"last paragraph deleted", strings.Join(long[:5], "\n\n") + "\n", strings.Join(long[:4], "\n\n") + "\n"},
		{"paragraph appended", strings.Join(long[:5], "\n\n"), strings.Join(long[:6], "\n\n")},
	}
	for _, tc := range pairs {
		r := compare(t, tc.old, tc.new)
		for _, context := range []int{0, 1, 3} {
			opts := diff.RenderOptions{Context: context, Findable: true}
			t.Run(tc.name+"/inline/context "+strconv.Itoa(context), func(t *testing.T) {
				got := findableTexts(t, r.HTML(opts))
				if len(got) != 1 || got[0] != tc.new {
					t.Fatalf("inline: got %v, want the whole new text from 0: %q", got, tc.new)
				}
			})
			t.Run(tc.name+"/side by side/context "+strconv.Itoa(context), func(t *testing.T) {
				out := r.SideBySideHTML(opts)
				got := findableTexts(t, out)
				covered := 0
				for start, s := range got {
					if start+len(s) > len(tc.new) || tc.new[start:start+len(s)] != s {
						t.Errorf("cell at %d holds %q, want %q", start, s, tc.new[start:min(len(tc.new), start+len(s))])
					}
					covered += len(strings.TrimSpace(s))
				}
				if want := len(strings.Join(strings.Fields(tc.new), "")); covered < want {
					t.Errorf("cells cover %d bytes of text, want all %d:\n%s", covered, want, out)
				}
			})
		}
	}
}

func TestHiddenStretchesAreKeptOnlyWhenFindable(t *testing.T) {
	var paras []string
	for i := range 9 {
		paras = append(paras, "Paragraph "+string(rune('A'+i))+" stays.")
	}
	old := strings.Join(paras, "\n\n")
	paras[4] = "Paragraph E changed."
	r := compare(t, old, strings.Join(paras, "\n\n"))
	plain := r.HTML(diff.RenderOptions{Context: 1})
	findable := r.HTML(diff.RenderOptions{Context: 1, Findable: true})
	if strings.Contains(plain, "Paragraph A") || strings.Contains(plain, "hidden") {
		t.Errorf("without Findable the hidden text is left out: %s", plain)
	}
	if !strings.Contains(findable, `<span class="rl-skip">3 unchanged paragraphs</span><span class="rl-hidden" hidden>Paragraph A stays.`) {
		t.Errorf("with Findable the hidden text follows its marker, hidden: %s", findable)
	}
	side := r.SideBySideHTML(diff.RenderOptions{Context: 1, Findable: true})
	if n := strings.Count(side, `<tr class="rl-unchanged" hidden>`) + strings.Count(side, `<tr class="rl-unchanged rl-para" hidden>`); n != 6 {
		t.Errorf("side by side: %d hidden rows, want the 6 collapsed:\n%s", n, side)
	}
}
