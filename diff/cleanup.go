package diff

import "slices"

// normalize merges neighbouring segs of the same kind, so that equalities
// and changes alternate; a respelt equality stays apart from the others.
func normalize(segs []seg) []seg {
	out := segs[:0]
	for _, s := range segs {
		if s.o0 == s.o1 && s.n0 == s.n1 {
			continue
		}
		if k := len(out) - 1; k >= 0 && out[k].eq == s.eq && out[k].respelt == s.respelt {
			out[k] = join(out[k], s)
			continue
		}
		out = append(out, s)
	}
	return out
}

// join returns the seg covering a followed by b.
func join(a, b seg) seg {
	return seg{eq: a.eq, nl: a.nl || b.nl, respelt: a.respelt, o0: a.o0, o1: b.o1, n0: a.n0, n1: b.n1,
		ow: min(a.ow+b.ow, never), nw: min(a.nw+b.nw, never)}
}

// cleanup merges small equalities into the changes on both sides of them,
// as go-diff's DiffCleanupSemantic does for characters, but counting words:
// "the [-big-]{+small+} [-red-]{+blue+} dog" reads better as
// "the [-big red-]{+small blue+} dog". A stack keeps it linear: merging two
// changes may make the equality before them small enough in turn.
func cleanup(segs []seg) []seg {
	out := segs[:0]
	for _, s := range segs {
		out = append(out, s)
		for len(out) >= 3 {
			l, e, r := out[len(out)-3], out[len(out)-2], out[len(out)-1]
			if l.eq || !e.eq || r.eq || !absorbable(l, e, r) {
				break
			}
			out = out[:len(out)-2]
			out[len(out)-1] = join(join(l, seg{nl: e.nl, o0: e.o0, o1: e.o1, n0: e.n0, n1: e.n1, ow: e.ow, nw: e.nw}), r)
		}
	}
	return out
}

// absorbable reports whether equality e between changes l and r is small
// enough to read as part of them: white space only, or fewer words than the
// larger side of each change. Line breaks always stay, so a change never
// runs across paragraphs.
func absorbable(l, e, r seg) bool {
	if e.nl {
		return false
	}
	return e.ow == 0 || e.ow < max(l.ow, l.nw) && e.ow < max(r.ow, r.nw)
}

// polish moves white space out of the edges of changes: a replacement loses
// the white space both sides start or end with, and a pure insertion or
// deletion is slid so that it starts with a word and ends with the space
// after it ("the {+big +}dog" rather than "the{+ big+} dog").
// The polished segs are appended to out, which must not share segs' array.
func polish(old, new string, segs, out []seg) []seg {
	out = slices.Grow(out, len(segs)+4)
	for i := range segs {
		s := segs[i]
		switch {
		case s.eq:
			out = append(out, s)
		case s.o0 < s.o1 && s.n0 < s.n1:
			out = peel(old, new, s, out)
		case i+1 < len(segs):
			out = slide(old, new, s, &segs[i+1], out)
		default:
			out = append(out, s)
		}
	}
	return normalize(out)
}

// peel splits the common leading and trailing white space off a replacement.
func peel(old, new string, s seg, out []seg) []seg {
	lead := leadingSpace(old[s.o0:s.o1])
	if lead == 0 || lead != leadingSpace(new[s.n0:s.n1]) || old[s.o0:s.o0+lead] != new[s.n0:s.n0+lead] {
		lead = 0
	}
	trail := trailingSpace(old[s.o0+lead : s.o1])
	if trail == 0 || trail != trailingSpace(new[s.n0+lead:s.n1]) || old[s.o1-trail:s.o1] != new[s.n1-trail:s.n1] {
		trail = 0
	}
	out = append(out, seg{eq: true, o0: s.o0, o1: s.o0 + lead, n0: s.n0, n1: s.n0 + lead})
	out = append(out, seg{o0: s.o0 + lead, o1: s.o1 - trail, n0: s.n0 + lead, n1: s.n1 - trail, ow: s.ow, nw: s.nw})
	return append(out, seg{eq: true, o0: s.o1 - trail, o1: s.o1, n0: s.n1 - trail, n1: s.n1})
}

// slide rotates a pure insertion or deletion that starts with the same white
// space as the equality after it, which is then shortened accordingly.
func slide(old, new string, s seg, next *seg, out []seg) []seg {
	text, rest := old[s.o0:s.o1], old[next.o0:next.o1]
	if s.o0 == s.o1 {
		text, rest = new[s.n0:s.n1], new[next.n0:next.n1]
	}
	w := leadingSpace(text)
	if w == 0 || w == len(text) || len(rest) < w || rest[:w] != text[:w] || extendsGrapheme(rest, w) {
		return append(out, s)
	}
	out = append(out, seg{eq: true, o0: s.o0, o1: s.o0 + w, n0: s.n0, n1: s.n0 + w})
	out = append(out, seg{o0: s.o0 + w, o1: s.o1 + w, n0: s.n0 + w, n1: s.n1 + w, ow: s.ow, nw: s.nw})
	next.o0, next.n0 = next.o0+w, next.n0+w
	return out
}

// leadingSpace returns the length of the ASCII white space s starts with,
// less a space that a combining mark after it belongs to; other spaces are
// rare enough between words not to be worth moving.
func leadingSpace(s string) int {
	i := 0
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	if i > 0 && extendsGrapheme(s, i) {
		i--
	}
	return i
}

// trailingSpace returns the length of the ASCII white space s ends with.
func trailingSpace(s string) int {
	i := len(s)
	for i > 0 && isASCIISpace(s[i-1]) {
		i--
	}
	return len(s) - i
}

func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}
