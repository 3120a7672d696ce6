package summarize

import (
	"html"
	"math"
	"sort"
	"strings"
)

// summary builds the result from the chosen sentences.
func (a *analysis) summary(opts Options, scores []float64, chosen []int, _ *docStats) *Summary {
	out := &Summary{Algorithm: opts.Algorithm, Language: a.lang}
	for _, i := range arrange(chosen, opts.Order) {
		s := a.sents[i]
		out.Sentences = append(out.Sentences, Sentence{
			Index: i, Start: s.Start, End: s.End, Score: round(scores[i]), Text: s.Text,
		})
	}
	out.Keywords = a.keywords(opts.Keywords)
	return out
}

// round keeps six decimals, enough to compare scores and stable in JSON.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// maxPhraseWords bounds key phrases; longer runs of content words are rarely
// one name or concept.
const maxPhraseWords = 3

// phrase accumulates one candidate key phrase.
type phrase struct {
	start, end int32 // first occurrence in the text
	count      int
	weight     float64
}

// keywords returns the top key phrases: runs of up to three content words
// between stop words, weighted by how often the phrase and its words occur.
func (a *analysis) keywords(limit int) []Keyword {
	found := make(map[uint64]*phrase)
	var order []uint64
	for _, info := range a.info {
		toks := a.tokens[info.tokensStart:info.tokensEnd]
		for i := 0; i < len(toks); {
			j := i
			for j < len(toks) && toks[j].term >= 0 && j-i < maxPhraseWords && (j == i || a.joined(toks[j-1], toks[j])) {
				j++
			}
			if j > i {
				order = a.addPhrase(found, order, toks[i:j])
				i = j
				continue
			}
			i++
		}
	}
	return a.topPhrases(found, order, limit)
}

// joined reports whether only spaces or hyphens separate two words, so that
// a phrase never spans punctuation or markup.
func (a *analysis) joined(prev, next token) bool {
	for _, c := range []byte(a.src[prev.end:next.start]) {
		if c != ' ' && c != '-' {
			return false
		}
	}
	return true
}

func (a *analysis) addPhrase(found map[uint64]*phrase, order []uint64, toks []token) []uint64 {
	key := uint64(0)
	weight := 0.0
	for _, t := range toks {
		key = key<<21 | uint64(t.term+1)
		weight += float64(a.tf[t.term])
	}
	p, ok := found[key]
	if !ok {
		p = &phrase{start: toks[0].start, end: toks[len(toks)-1].end, weight: weight}
		found[key] = p
		order = append(order, key)
	}
	p.count++
	return order
}

func (a *analysis) topPhrases(found map[uint64]*phrase, order []uint64, limit int) []Keyword {
	var list []*phrase
	for _, key := range order {
		p := found[key]
		if !allDigits(a.src[p.start:p.end]) {
			list = append(list, p)
		}
	}
	score := func(p *phrase) float64 { return float64(p.count) * p.weight }
	sort.SliceStable(list, func(i, j int) bool { return score(list[i]) > score(list[j]) })
	out := make([]Keyword, 0, min(limit, len(list)))
	for _, p := range list[:min(limit, len(list))] {
		out = append(out, Keyword{Text: a.src[p.start:p.end], Score: round(score(p) / score(list[0]))})
	}
	return out
}

func allDigits(s string) bool {
	for _, r := range s {
		if isWordRune(r) && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Text returns the summary one sentence a line.
func (s *Summary) Text() string {
	var b strings.Builder
	for _, sent := range s.Sentences {
		b.WriteString(oneLine(sent.Text))
		b.WriteByte('\n')
	}
	return b.String()
}

// oneLine folds the line breaks inside a sentence into spaces, so that each
// sentence stays on its own line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// markdownEscaper backslash-escapes every character Markdown could read as
// markup.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `{`, `\{`, `}`, `\}`, `[`, `\[`, `]`, `\]`,
	`(`, `\(`, `)`, `\)`, `#`, `\#`, `+`, `\+`, `-`, `\-`, `.`, `\.`, `!`, `\!`, `|`, `\|`,
	`<`, `\<`, `>`, `\>`,
)

// Markdown returns the summary as a bullet list with Markdown markup escaped.
func (s *Summary) Markdown() string {
	var b strings.Builder
	for _, sent := range s.Sentences {
		b.WriteString("- ")
		b.WriteString(markdownEscaper.Replace(oneLine(sent.Text)))
		b.WriteByte('\n')
	}
	return b.String()
}

// HTML returns the summary as an escaped HTML list, followed by a list of
// its keywords when it has any.
func (s *Summary) HTML() string {
	var b strings.Builder
	b.WriteString("<ul class=\"summary\">\n")
	for _, sent := range s.Sentences {
		b.WriteString("<li>" + html.EscapeString(oneLine(sent.Text)) + "</li>\n")
	}
	b.WriteString("</ul>\n")
	if len(s.Keywords) > 0 {
		b.WriteString("<ul class=\"keywords\">\n")
		for _, k := range s.Keywords {
			b.WriteString("<li>" + html.EscapeString(k.Text) + "</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	return b.String()
}
