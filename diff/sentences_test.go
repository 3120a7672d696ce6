package diff_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/text"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // status old_index new_index, in order
	}{
		{"identical texts are one unit", "Rain fell. Roads flooded.\n\nSchools shut.", "Rain fell. Roads flooded.\n\nSchools shut.", []string{"unchanged 0 0"}},
		{"unchanged paragraphs between edits", "Rain fell.\n\nRoads flooded. Bridges shut.\n\nSchools shut.", "Rain stopped.\n\nRoads flooded. Bridges shut.\n\nSchools opened.",
			[]string{"edited 0 0", "unchanged 1 1", "edited 2 2"}},
		{"unchanged paragraphs kept whole", "Rain fell. Roads flooded.\n\nSchools shut.\n\nTrains ran late. Buses too.",
			"Rain fell. Roads flooded.\n\nSchools closed.\n\nTrains ran late. Buses too.", []string{"unchanged 0 0", "edited 1 1", "unchanged 2 2"}},
		{"edited", "Rain fell on Monday. Roads flooded.", "Rain fell on Tuesday. Roads flooded.", []string{"edited 0 0", "unchanged 1 1"}},
		{"added", "Rain fell. Roads flooded.", "Rain fell. Schools closed early today. Roads flooded.",
			[]string{"unchanged 0 0", "added -1 1", "unchanged 1 2"}},
		{"removed", "Rain fell. Schools closed early today. Roads flooded.", "Rain fell. Roads flooded.",
			[]string{"unchanged 0 0", "removed 1 -1", "unchanged 2 1"}},
		{"paragraph moved", "Storm hits the coast.\n\nThousands lost power overnight in the north.\n\nThe mayor urged calm.\n",
			"Storm hits the coast.\n\nThe mayor urged calm.\n\nThousands lost power overnight in the north.\n",
			[]string{"unchanged 0 0", "unchanged 2 1", "moved 1 2"}},
		{"paragraph moved and edited", "Storm hits the coast.\n\nThousands of homes lost power overnight in the north.\n\nThe mayor urged calm.\n",
			"Storm hits the coast.\n\nThe mayor urged calm.\n\nThousands of homes lost power overnight in the far north.\n",
			[]string{"unchanged 0 0", "unchanged 2 1", "moved 1 2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := diff.Compare(tc.old, tc.new, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkSentences(t, tc.old, tc.new, r)
			var got []string
			for _, c := range r.Sentences {
				got = append(got, c.Status.String()+" "+strconv.Itoa(c.OldIndex)+" "+strconv.Itoa(c.NewIndex))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMovedParagraphOps(t *testing.T) {
	old := "Storm hits the coast.\n\nThousands lost power overnight in the north.\n\nThe mayor urged calm.\n"
	new := "Storm hits the coast.\n\nThe mayor urged calm.\n\nThousands lost power overnight in the north.\n"
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	moves := map[int][]diff.Kind{}
	for _, op := range r.Ops {
		if op.Move != 0 {
			moves[op.Move] = append(moves[op.Move], op.Op)
		}
	}
	if len(moves) != 1 || len(moves[1]) != 2 {
		t.Errorf("got moves %v in %q, want one delete and one insert marked as move 1", moves, plain(r.Ops))
	}
}

func TestMovedAndEditedParagraphOps(t *testing.T) {
	old := "Storm hits the coast.\n\nThousands of homes lost power overnight in the north.\n\nThe mayor urged calm.\n"
	new := "Storm hits the coast.\n\nThe mayor urged calm.\n\nThousands of homes lost power overnight in the far north.\n"
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var moved []string
	for _, op := range r.Ops {
		if op.Move != 0 {
			moved = append(moved, op.Op.String()+" "+strconv.Itoa(op.Move))
		}
	}
	if want := []string{"delete 1", "insert 1"}; !slices.Equal(moved, want) {
		t.Errorf("got moves %q in %q, want %q", moved, plain(r.Ops), want)
	}
}

// An edited paragraph whose neighbour moved away is compared with its own
// new version, not with whatever the line alignment put in its place: the
// stretch before the unchanged "Trains…" holds three old paragraphs and two
// new ones.
func TestEditedParagraphBesideAMove(t *testing.T) {
	old := "Heavy rain flooded three towns, officials said.\n\n" +
		"About 200 homes were evacuated in Millbrook, where the water rose 1.5 metres above the flood line.\n\n" +
		"The regional council opened two shelters at the sports hall and the primary school.\n\n" +
		"Trains between Millbrook and Eastfield were cancelled.\n"
	new := "Heavy rain flooded four towns, officials said.\n\n" +
		"About 450 homes were evacuated in Millbrook, where the water rose 1.8 metres above the flood line.\n\n" +
		"Trains between Millbrook and Eastfield were cancelled.\n\n" +
		"The regional council opened three shelters at the sports hall and the primary school.\n"
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.Sentences {
		got = append(got, c.Status.String()+" "+strconv.Itoa(c.OldIndex)+"→"+strconv.Itoa(c.NewIndex))
	}
	want := []string{"edited 0→0", "edited 1→1", "unchanged 3→2", "moved 2→3"}
	if !slices.Equal(got, want) {
		t.Errorf("got sentences %q in %q, want %q", got, plain(r.Ops), want)
	}
	var facts []string
	for _, f := range r.Facts {
		facts = append(facts, string(f.Kind)+" "+f.Old+"→"+f.New)
	}
	if want := []string{"number three→four", "number 200→450", "number 1.5→1.8", "number two→three"}; !slices.Equal(facts, want) {
		t.Errorf("got facts %q, want %q", facts, want)
	}
}

func TestChangedSentences(t *testing.T) {
	r, err := diff.Compare("Rain fell on Monday. Roads flooded.", "Rain fell on Tuesday. Roads flooded. Schools closed.", diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.ChangedSentences() {
		got = append(got, c.Text)
	}
	want := []string{"Rain fell on Tuesday.", "Schools closed."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// checkSentences asserts that every sentence of both texts has a fate and
// that ranges and texts agree with the texts.
func checkSentences(t testing.TB, old, new string, r *diff.Result) {
	t.Helper()
	oldUnits, newUnits := map[int]diff.SentenceChange{}, map[int]diff.SentenceChange{}
	for _, c := range r.Sentences {
		if c.OldIndex >= 0 {
			if _, dup := oldUnits[c.OldIndex]; dup {
				t.Fatalf("old sentence %d listed twice", c.OldIndex)
			}
			oldUnits[c.OldIndex] = c
		}
		if c.NewIndex >= 0 {
			if _, dup := newUnits[c.NewIndex]; dup {
				t.Fatalf("new sentence %d listed twice", c.NewIndex)
			}
			newUnits[c.NewIndex] = c
			if new[c.NewStart:c.NewEnd] != c.Text {
				t.Fatalf("new range of %+v is not its text", c)
			}
		}
		if c.Ops != nil {
			checkInvariants(t, c.OldText, c.Text, c.Ops)
		}
	}
	checkUnits(t, "old", old, oldUnits, func(c diff.SentenceChange) (int, int) { return c.OldStart, c.OldEnd })
	checkUnits(t, "new", new, newUnits, func(c diff.SentenceChange) (int, int) { return c.NewStart, c.NewEnd })
}

// checkUnits asserts that the listed units of one text, by index, are its
// sentences in order, except that an unchanged run of whole sentences in
// the common prefix or suffix may be one unit (an unsplit paragraph).
func checkUnits(t testing.TB, side, src string, units map[int]diff.SentenceChange, span func(diff.SentenceChange) (int, int)) {
	t.Helper()
	sents := gluedSentences(src)
	k := 0
	for i := range len(units) {
		c, ok := units[i]
		if !ok {
			t.Fatalf("%s sentence %d missing from %d listed", side, i, len(units))
		}
		start, end := span(c)
		if k >= len(sents) || sents[k].Start != start {
			t.Fatalf("%s unit %d at %d:%d does not start a sentence (next is %+v)", side, i, start, end, sents[min(k, len(sents)-1)])
		}
		first := k
		for k < len(sents) && sents[k].End < end {
			k++
		}
		if k >= len(sents) || sents[k].End != end {
			t.Fatalf("%s unit %d at %d:%d does not end a sentence", side, i, start, end)
		}
		if k > first && c.Status != diff.Unchanged {
			t.Fatalf("%s unit %d (%s) spans %d sentences; only unchanged paragraphs may", side, i, c.Status, k-first+1)
		}
		k++
	}
	if k != len(sents) {
		t.Fatalf("%s: %d sentences, but the listed units cover %d", side, len(sents), k)
	}
}

// gluedSentences splits src as the diff does: punctuation-only sentences,
// such as a lone quote mark, go with the sentence before them in their
// paragraph, or the one after at a paragraph's start, and a paragraph of
// punctuation alone goes with the sentence before it (after it, at the
// start).
func gluedSentences(src string) []text.Sentence {
	var out []text.Sentence
	pendingLead := -1 // start of leading paragraphs of punctuation alone
	for _, p := range text.Paragraphs(src) {
		var para []text.Sentence
		lead, leadEnd := -1, -1 // leading punctuation
		for _, s := range text.Sentences(src[p.Start:p.End]) {
			s.Start, s.End = s.Start+p.Start, s.End+p.Start
			switch {
			case strings.IndexFunc(s.Text, isAlnum) < 0 && len(para) > 0:
				para[len(para)-1].End = s.End
			case strings.IndexFunc(s.Text, isAlnum) < 0:
				if lead < 0 {
					lead = s.Start
				}
				leadEnd = s.End
			default:
				if lead >= 0 && len(para) == 0 {
					s.Start = lead
				}
				para = append(para, s)
			}
		}
		switch {
		case len(para) == 0 && lead >= 0 && len(out) > 0:
			out[len(out)-1].End = leadEnd
		case len(para) == 0 && lead >= 0:
			if pendingLead < 0 {
				pendingLead = lead
			}
		case pendingLead >= 0 && len(para) > 0:
			para[0].Start, pendingLead = pendingLead, -1
		}
		out = append(out, para...)
	}
	if pendingLead >= 0 {
		out = append(out, text.Sentence{Start: pendingLead, End: len(strings.TrimRightFunc(src, unicode.IsSpace))})
	}
	for k := range out {
		out[k].Text = src[out[k].Start:out[k].End]
	}
	return out
}

// article joins paragraphs, each a distinct sentence that shares "The"
// and common words with the others, as news paragraphs do.
func article(paras ...string) string { return strings.Join(paras, "\n\n") + "\n" }

func TestParagraphMovesAreMoves(t *testing.T) {
	var p []string
	for i := range 10 {
		p = append(p, "The council said on Monday that plan number "+strconv.Itoa(i)+" of the city would go ahead as agreed.")
	}
	edited := strings.Replace(p[0], "go ahead", "proceed", 1)
	tests := []struct {
		name, old, new string
		moved          int     // stats sentences_moved
		maxRatio       float64 // change_ratio at most
		wantOps        string  // the changed ops, with move numbers
	}{
		{"two paragraphs swapped", "The alpha beta gamma delta.\n\nThe omega psi chi phi.",
			"The omega psi chi phi.\n\nThe alpha beta gamma delta.", 1, 0,
			`delete 1 "The alpha beta gamma delta.\n\n"; insert 1 "\n\nThe alpha beta gamma delta."`},
		{"short paragraphs swapped", "Alpha beta gamma delta.\n\nOmega psi chi phi.",
			"Omega psi chi phi.\n\nAlpha beta gamma delta.", 1, 0,
			`delete 1 "Alpha beta gamma delta.\n\n"; insert 1 "\n\nAlpha beta gamma delta."`},
		{"top paragraph to the bottom of ten", article(p...), article(append(slices.Clone(p[1:]), p[0])...), 1, 0,
			`delete 1 "` + p[0] + `\n\n"; insert 1 "\n\n` + p[0] + `"`},
		{"two paragraphs swapped in the middle", article(p...),
			article(append(append(slices.Clone(p[:4]), p[5], p[4]), p[6:]...)...), 1, 0,
			`delete 1 "` + p[4] + `\n\n"; insert 1 "` + p[4] + `\n\n"`},
		{"moved and lightly edited", article(p...), article(append(slices.Clone(p[1:]), edited)...), 1, 0.05,
			`delete 1 "` + p[0] + `\n\n"; insert 1 "\n\n` + edited + `"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			var ops []string
			for _, op := range r.Ops {
				if op.Op != diff.Equal {
					ops = append(ops, op.Op.String()+" "+strconv.Itoa(op.Move)+" "+strconv.Quote(op.Text))
				}
			}
			if got := strings.Join(ops, "; "); got != tc.wantOps {
				t.Errorf("got ops %s, want %s", got, tc.wantOps)
			}
			st := r.Stats
			if st.SentencesMoved != tc.moved || st.SentencesEdited != 0 || st.SentencesAdded != 0 || st.SentencesRemoved != 0 {
				t.Errorf("got sentence stats %+v, want %d moved and nothing else", st, tc.moved)
			}
			if st.ChangeRatio > tc.maxRatio {
				t.Errorf("got change ratio %v, want at most %v", st.ChangeRatio, tc.maxRatio)
			}
			for _, c := range r.Sentences {
				if c.Status == diff.Moved && c.Text != tc.new[c.NewStart:c.NewEnd] {
					t.Errorf("got moved sentence %q at %d:%d, want its new text", c.Text, c.NewStart, c.NewEnd)
				}
			}
		})
	}
}

func TestMovedSentenceOpsRender(t *testing.T) {
	r := compare(t, "Alpha beta gamma delta.\n\nOmega psi chi phi.", "Omega psi chi phi.\n\nAlpha beta gamma delta.")
	tests := []struct{ name, got, want string }{
		{"text", r.Text(diff.RenderOptions{Color: true}),
			"\x1b[1;35m[~1 Alpha beta gamma delta.~]\x1b[m\n\nOmega psi chi phi.\n\n\x1b[1;36m{~1 Alpha beta gamma delta.~}\x1b[m"},
		{"plain text", r.Text(diff.RenderOptions{}), "[~1 Alpha beta gamma delta.~]\n\nOmega psi chi phi.\n\n{~1 Alpha beta gamma delta.~}"},
		{"html", r.HTML(diff.RenderOptions{}),
			`<div class="rl-diff"><del class="rl-del rl-moved" data-move="1" data-to="2"><span class="rl-sr">moved to paragraph 2: </span>Alpha beta gamma delta.</del>` +
				`<span class="rl-sep">` + "\n\n" + `</span>Omega psi chi phi.` + "\n\n" +
				`<ins class="rl-ins rl-moved" data-move="1" data-from="1"><span class="rl-sr">moved from paragraph 1: </span>Alpha beta gamma delta.</ins></div>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got  %q\nwant %q", tc.got, tc.want)
			}
		})
	}
}

func TestSwappedEditedParagraphsAreMoves(t *testing.T) {
	a := "The council approved the budget on Monday after a long debate."
	a2 := "The council approved the budget on Tuesday after a long debate."
	b := "Schools will receive more money for teachers and buildings."
	b2 := "Schools will receive more money for teachers, books and buildings."
	c := "The mayor said the city would borrow less than it did last year."
	c2 := "The mayor said the city would borrow far less than it did last year."
	rest := []string{"Rain fell across the north of the region overnight.", "Roads were closed near the river after flooding.",
		"Police asked drivers to stay at home until noon.", "Trains ran on a reduced timetable all morning.",
		"The weather service expects more rain by Friday.", "Farmers said their fields were under water.",
		"Power was cut to about 2,000 homes."}
	tests := []struct {
		name, old, new string
		moved, edited  int
		maxRatio       float64
		wantMoved      string // the word ops of the moved sentences, rendered
	}{
		{"two paragraphs swapped and edited", a + "\n\n" + b, b2 + "\n\n" + a2, 1, 1, 0.1,
			"Schools will receive more money for teachers{+, books+} and buildings."},
		{"three paragraphs rotated and edited", a + "\n\n" + b + "\n\n" + c + "\n", b2 + "\n\n" + c2 + "\n\n" + a2 + "\n", 1, 2, 0.1,
			"The council approved the budget on [-Monday-]{+Tuesday+} after a long debate."},
		{"edited paragraph from top to bottom of eight", article(append([]string{a}, rest...)...), article(append(slices.Clone(rest), a2)...), 1, 0, 0.05,
			"The council approved the budget on [-Monday-]{+Tuesday+} after a long debate."},
		{"two paragraphs edited in place", a + "\n\n" + b, a2 + "\n\n" + b2, 0, 2, 0.1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			st := r.Stats
			if st.SentencesMoved != tc.moved || st.SentencesEdited != tc.edited || st.SentencesAdded != 0 || st.SentencesRemoved != 0 {
				t.Errorf("got sentence stats %+v, want %d moved, %d edited and nothing else", st, tc.moved, tc.edited)
			}
			if st.ChangeRatio > tc.maxRatio {
				t.Errorf("got change ratio %v, want at most %v", st.ChangeRatio, tc.maxRatio)
			}
			var moved []string
			for _, c := range r.Sentences {
				if c.Status == diff.Moved {
					moved = append(moved, plain(c.Ops))
				}
			}
			if got := strings.Join(moved, " | "); got != tc.wantMoved {
				t.Errorf("got moved sentences %q, want %q", got, tc.wantMoved)
			}
			// Every move has a deletion and an insertion sharing its number.
			dels, ins := map[int]int{}, map[int]int{}
			for _, op := range r.Ops {
				switch {
				case op.Move == 0:
				case op.Op == diff.Delete:
					dels[op.Move]++
				case op.Op == diff.Insert:
					ins[op.Move]++
				}
			}
			if len(dels) != tc.moved || len(ins) != tc.moved {
				t.Errorf("got move numbers on deletions %v and insertions %v, want %d moves", dels, ins, tc.moved)
			}
			for m := range dels {
				if ins[m] == 0 {
					t.Errorf("got move %d on a deletion only, want an insertion too", m)
				}
			}
		})
	}
}

// compareChecked compares old and new and checks every invariant of the
// result: ops that rebuild both texts, stats that agree, sentence fates.
func compareChecked(t *testing.T, old, new string) *diff.Result {
	t.Helper()
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, old, new, r.Ops)
	checkStats(t, old, new, r)
	checkSentences(t, old, new, r)
	return r
}

func TestSplitsMergesAndPunctuation(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // status old->new of each change
	}{
		{"merge", "Rain fell all night. Roads flooded in the north.", "Rain fell all night and roads flooded in the north.",
			"edited 0->0 removed 1->-1"},
		{"split", "Rain fell all night and roads flooded in the north.", "Rain fell all night. Roads flooded in the north.",
			"edited 0->0 added -1->1"},
		{"lone quote mark", "He said: \"We will rebuild.\" \" The mayor left the hall at noon.",
			"The mayor left the hall at noon. He said: \"We will rebuild.\" \"", "moved 1->0 edited 0->1"},
		{"ellipsis paragraph", "Rain fell.\n\n...\n\nRoads flooded.", "Rain fell.\n\nRoads flooded.",
			"edited 0->0 unchanged 1->1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareChecked(t, tc.old, tc.new)
			if msg := sentenceProblems(r); msg != "" {
				t.Fatal(msg)
			}
			var got []string
			for _, c := range r.Sentences {
				got = append(got, c.Status.String()+" "+strconv.Itoa(c.OldIndex)+"->"+strconv.Itoa(c.NewIndex))
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("got %q, want %q", strings.Join(got, " "), tc.want)
			}
		})
	}
}
