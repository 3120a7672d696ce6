package diff_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/diff"
)

// plain renders ops as git --word-diff=plain would, independently of the
// package's own renderer, so that expectations read at a glance.
func plain(ops []diff.Op) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Op {
		case diff.Equal:
			b.WriteString(op.Text)
		case diff.Delete:
			b.WriteString("[-" + op.Text + "-]")
		case diff.Insert:
			b.WriteString("{+" + op.Text + "+}")
		}
	}
	return b.String()
}

func TestWords(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"identical", "The mayor spoke.", "The mayor spoke.", "The mayor spoke."},
		{"word replaced", "The mayor spoke on Monday.", "The mayor spoke on Tuesday.", "The mayor spoke on [-Monday-]{+Tuesday+}."},
		{"adjacent words merge", "the big red dog", "the small blue dog", "the [-big red-]{+small blue+} dog"},
		{"distant words stay apart", "The quick brown fox jumps over the lazy dog.", "The slow brown fox jumps over the lazy cat.",
			"The [-quick-]{+slow+} brown fox jumps over the lazy [-dog-]{+cat+}."},
		{"word inserted", "the dog barked", "the big dog barked", "the {+big +}dog barked"},
		{"word deleted", "the big dog barked", "the dog barked", "the [-big -]dog barked"},
		{"punctuation only", "Police said, the road is closed.", "Police said the road is closed!", "Police said[-,-] the road is closed[-.-]{+!+}"},
		{"number edited", "At least 12 people died.", "At least 15 people died.", "At least [-12-]{+15+} people died."},
		{"never cuts a word", "unbelievable", "believable", "[-unbelievable-]{+believable+}"},
		{"hyphenated compound", "a well-known author", "a well-liked author", "a [-well-known-]{+well-liked+} author"},
		{"apostrophe kept", "It's the mayor's plan.", "It's the council's plan.", "It's the [-mayor's-]{+council's+} plan."},
		{"sentence added", "Rain fell. Roads flooded.", "Rain fell. Schools closed. Roads flooded.", "Rain fell. {+Schools closed. +}Roads flooded."},
		{"whitespace only", "two  spaces here", "two spaces here", "two[-  -]{+ +}spaces here"},
		{"line break added", "One line. Another.", "One line.\nAnother.", "One line.[- -]{+\n+}Another."},
		{"paragraph added", "First.\n\nLast.\n", "First.\n\nMiddle.\n\nLast.\n", "First.\n\n{+Middle.\n\n+}Last.\n"},
		{"russian", "Президент подписал закон в понедельник.", "Президент подписал указ во вторник.",
			"Президент подписал [-закон в понедельник-]{+указ во вторник+}."},
		{"chinese", "今天北京下雨。", "今天上海下雪。", "今天[-北京-]{+上海+}下[-雨-]{+雪+}。"},
		{"arabic", "قال الرئيس إن الاتفاق جيد", "قال الوزير إن الاتفاق جيد", "قال [-الرئيس-]{+الوزير+} إن الاتفاق جيد"},
		{"emoji", "We won 🎉 today", "We won 🏆 today", "We won [-🎉-]{+🏆+} today"},
		{"zwj family", "Family 👨‍👩‍👧 photo", "Family 👨‍👩‍👦 photo", "Family [-👨‍👩‍👧-]{+👨‍👩‍👦+} photo"},
		{"flags", "Match 🇫🇷 vs 🇩🇪", "Match 🇫🇷 vs 🇬🇧", "Match 🇫🇷 vs [-🇩🇪-]{+🇬🇧+}"},
		{"combining accent", "cafe\u0301 open", "cafe\u0301 closed", "cafe\u0301 [-open-]{+closed+}"},
		{"empty old", "", "New text.", "{+New text.+}"},
		{"empty new", "Old text.", "", "[-Old text.-]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ops, err := diff.Words(tc.old, tc.new, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, tc.old, tc.new, ops)
			if got := plain(ops); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestWordsOpRanges(t *testing.T) {
	ops, err := diff.Words("the big dog", "the small dog", diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []diff.Op{
		{Op: diff.Equal, Text: "the ", OldStart: 0, OldEnd: 4, NewStart: 0, NewEnd: 4},
		{Op: diff.Delete, Text: "big", OldStart: 4, OldEnd: 7, NewStart: 4, NewEnd: 4},
		{Op: diff.Insert, Text: "small", OldStart: 7, OldEnd: 7, NewStart: 4, NewEnd: 9},
		{Op: diff.Equal, Text: " dog", OldStart: 7, OldEnd: 11, NewStart: 9, NewEnd: 13},
	}
	if len(ops) != len(want) {
		t.Fatalf("got %d ops %+v, want %+v", len(ops), ops, want)
	}
	for i := range want {
		if ops[i] != want[i] {
			t.Errorf("op %d: got %+v, want %+v", i, ops[i], want[i])
		}
	}
}

func TestInvalidInput(t *testing.T) {
	if _, err := diff.Compare("ok", "bad \xff", diff.Options{}); !errors.Is(err, diff.ErrInvalidUTF8) {
		t.Errorf("invalid UTF-8: got %v, want ErrInvalidUTF8", err)
	}
	if _, err := diff.Words("a", "b", diff.Options{Deadline: -1}); !errors.Is(err, diff.ErrInvalidOptions) {
		t.Errorf("negative deadline: got %v, want ErrInvalidOptions", err)
	}
}

// checkInvariants asserts what every diff must satisfy: the ops rebuild both
// texts, their byte ranges are consistent, and no edit cuts a word.
func checkInvariants(t testing.TB, old, new string, ops []diff.Op) {
	t.Helper()
	var o, n strings.Builder
	for i, op := range ops {
		if op.Text == "" {
			t.Fatalf("op %d is empty", i)
		}
		if op.OldStart != o.Len() || op.NewStart != n.Len() {
			t.Fatalf("op %d starts at %d/%d, want %d/%d", i, op.OldStart, op.NewStart, o.Len(), n.Len())
		}
		if op.Op != diff.Insert {
			o.WriteString(op.Text)
		}
		if op.Op != diff.Delete {
			n.WriteString(op.Text)
		}
		if op.OldEnd != o.Len() || op.NewEnd != n.Len() {
			t.Fatalf("op %d ends at %d/%d, want %d/%d", i, op.OldEnd, op.NewEnd, o.Len(), n.Len())
		}
		if op.Op != diff.Equal {
			src, start, end := old, op.OldStart, op.OldEnd
			if op.Op == diff.Insert {
				src, start, end = new, op.NewStart, op.NewEnd
			}
			if !wordBoundary(src, start) || !wordBoundary(src, end) {
				t.Fatalf("op %d (%s %q) cuts a word", i, op.Op, op.Text)
			}
		}
	}
	if o.String() != old {
		t.Fatalf("equal+delete ops give %q, want %q", o.String(), old)
	}
	if n.String() != new {
		t.Fatalf("equal+insert ops give %q, want %q", n.String(), new)
	}
}

// wordBoundary reports whether i does not fall between two letters or
// digits, nor inside a UTF-8 sequence, nor before a combining mark or joiner.
func wordBoundary(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	if !utf8.RuneStart(s[i]) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	if unicode.IsMark(after) || after == '\u200d' || before == '\u200d' || unicode.Is(unicode.Variation_Selector, after) {
		return false
	}
	if isRegional(before) && isRegional(after) {
		return false
	}
	return !(isAlnum(before) && isAlnum(after)) || isIdeograph(before) || isIdeograph(after)
}

func isAlnum(r rune) bool    { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// isIdeograph reports whether UAX #29 makes r a word of its own: the
// ideographs and Hiragana, and the letters of the scripts written without
// spaces between words (Line_Break SA: Thai, Lao, Khmer, Myanmar, Tai Le,
// New Tai Lue, Tai Tham, Tai Viet, Ahom), whose words a dictionary finds.
func isIdeograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Ideographic, unicode.Hiragana, unicode.Thai, unicode.Lao, unicode.Khmer,
		unicode.Myanmar, unicode.Tai_Le, unicode.New_Tai_Lue, unicode.Tai_Tham, unicode.Tai_Viet, unicode.Ahom,
		unicode.Khitan_Small_Script, unicode.Nushu, unicode.Tangut)
}

func TestDeadlineDegrades(t *testing.T) {
	old := strings.Repeat("a b c d e f g h. ", 200) + "\n\nThe end of the story."
	new := strings.Repeat("b a d c f e h g. ", 200) + "\n\nThe end of this story."
	r, err := diff.Compare(old, new, diff.Options{Deadline: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Degraded {
		t.Errorf("got Degraded false past a 1ns deadline, want true")
	}
	checkInvariants(t, old, new, r.Ops)
	checkStats(t, old, new, r)
}

func TestUnrelatedBlocksAreReplaced(t *testing.T) {
	old := strings.TrimSpace(strings.Repeat("The council voted on the budget for the new school in the north of the city. ", 8))
	new := strings.TrimSpace(strings.Repeat("A storm closed roads and cut power to thousands of homes across the region overnight. ", 8))
	ops, err := diff.Words(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, old, new, ops)
	if len(ops) != 2 || ops[0].Op != diff.Delete || ops[1].Op != diff.Insert {
		t.Errorf("got %d ops %q, want one deletion and one insertion", len(ops), plain(ops))
	}
}

func TestRewriteStaysParagraphSized(t *testing.T) {
	// A rewrite of every paragraph must still be diffed paragraph by
	// paragraph: one block of the whole text would take quadratic time.
	var old, new []string
	for i := range 200 {
		n := strconv.Itoa(i)
		old = append(old, "The council met on Monday and the mayor said item "+n+" of the plan was ready.")
		new = append(new, "Officials "+n+" warned that rain could flood several roads near the river by Friday.")
	}
	tests := []struct {
		name     string
		old, new string
	}{
		{"every paragraph rewritten", strings.Join(old, "\n\n"), strings.Join(new, "\n\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := diff.Compare(tc.old, tc.new, diff.Options{Deadline: time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			blocks := 0
			for _, op := range r.Ops {
				if op.Op == diff.Equal && strings.Contains(op.Text, "\n\n") {
					blocks++
				}
			}
			if got, want := blocks, 199; got < want {
				t.Errorf("got %d blank-line equalities between changes, want %d", got, want)
			}
		})
	}
}

// TestInvalidUTF8InNewText checks that invalid UTF-8 is found anywhere in
// the new text, also where it shares bytes with the old one, which is
// checked whole while the new one is checked only where they differ.
func TestInvalidUTF8InNewText(t *testing.T) {
	valid := "Café au lait, 北京. "
	cases := []struct{ old, new string }{
		{valid, valid + "\xff"},
		{valid, "\xff" + valid},
		{valid + "é", valid + "\xc3"},       // the prefix ends inside a rune
		{"é" + valid, "\xa9" + valid},       // the suffix starts inside a rune
		{valid + "北", valid + "\xe5\x8c"},   // a rune cut short at the end
		{"x" + valid, "\xe5" + valid[1:]},   // a lead byte before the shared text
		{"ab" + valid, "a\xe5\x8c" + valid}, // a lead byte completed by nothing
		{valid + "é" + valid, valid + "\xc3\xc3" + valid},
	}
	for _, c := range cases {
		if utf8.ValidString(c.new) {
			t.Fatalf("%q is valid UTF-8; fix the case", c.new)
		}
		if _, err := diff.Compare(c.old, c.new, diff.Options{}); !errors.Is(err, diff.ErrInvalidUTF8) {
			t.Errorf("%q → %q: got %v, want ErrInvalidUTF8", c.old, c.new, err)
		}
	}
	for _, c := range [][2]string{{valid + "é", valid + "è"}, {"é" + valid, "è" + valid}, {valid, valid}, {"", valid}, {valid, ""}} {
		if _, err := diff.Compare(c[0], c[1], diff.Options{}); err != nil {
			t.Errorf("%q → %q: %v", c[0], c[1], err)
		}
	}
}

// TestDeadlineKeepsParagraphsWhole: past the share of the deadline for
// splitting, the changed paragraphs left are kept whole, one unit each; the
// result is degraded but its ops, stats and units still cover both texts.
func TestDeadlineKeepsParagraphsWhole(t *testing.T) {
	var o, n strings.Builder
	for i := range 40 {
		fmt.Fprintf(&o, "Old paragraph %d has two sentences. It ends here.\n\n", i)
		fmt.Fprintf(&n, "New paragraph %d is not the same. Nor is this.\n\n", i)
	}
	old, new := o.String(), n.String()
	r, err := diff.Compare(old, new, diff.Options{Deadline: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Degraded {
		t.Error("got Degraded false past a 1ns deadline, want true")
	}
	checkInvariants(t, old, new, r.Ops)
	checkStats(t, old, new, r)
	whole := 0
	oldEnd, newEnd := 0, 0
	for _, c := range r.Sentences {
		if c.NewIndex >= 0 {
			if new[c.NewStart:c.NewEnd] != c.Text || c.NewStart < newEnd {
				t.Fatalf("new unit %+v is not its text, or overlaps the one before", c)
			}
			newEnd = c.NewEnd
			if strings.Count(c.Text, ". ") > 0 {
				whole++
			}
		}
		if c.OldIndex >= 0 {
			if c.OldStart < oldEnd {
				t.Fatalf("old unit %+v overlaps the one before", c)
			}
			oldEnd = c.OldEnd
		}
	}
	if whole == 0 {
		t.Error("no paragraph was kept whole")
	}
	if r.Stats.SentencesAdded+r.Stats.SentencesEdited == 0 {
		t.Errorf("no unit of the new text reads as changed: %+v", r.Stats)
	}
}

// A time of day or a score is one word to a reader: "6:34" changed to
// "8:02" is replaced whole, not cut at its colon into "[-6-]{+8+}:[-34-]{+02+}",
// which reads as "8:34".
func TestClockTimesChangeWhole(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"Updated: 6:34 p.m.", "Updated: 8:02 p.m.", "Updated: [-6:34-]{+8:02+} p.m."},
		{"They won 2:1 at home.", "They won 3:1 at home.", "They won [-2:1-]{+3:1+} at home."},
		{"Correction: the toll was 12.", "Correction: the toll was 14.", "Correction: the toll was [-12-]{+14+}."},
	}
	for _, tc := range tests {
		r := compareChecked(t, tc.old, tc.new)
		if got := diff.TextOps(r.Ops, diff.RenderOptions{}); got != tc.want {
			t.Errorf("%q → %q: got %q, want %q", tc.old, tc.new, got, tc.want)
		}
	}
}
