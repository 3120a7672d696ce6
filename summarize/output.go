package summarize

import (
	"html"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/text"
)

// summary builds the result from the chosen candidates.
func (s *scratch) summary(opts Options, chosen []int) *Summary {
	a := &s.a
	out := a.newSummary(opts)
	s.arranged = arrange(s.arranged, chosen, opts.Order)
	if len(chosen) > 0 { // an empty summary keeps Sentences nil
		out.Sentences = make([]Sentence, 0, len(chosen))
	}
	for _, i := range s.arranged {
		t := a.sents[i]
		u := s.unitOf[i]
		out.Sentences = append(out.Sentences, Sentence{
			Index: u, Start: t.Start, End: t.End, Score: round(s.pickScore[i]), Text: t.Text, Kind: s.kinds[u].String(),
		})
	}
	out.Keywords = a.keywords(opts.Keywords)
	out.listKeywords = opts.keywordsAsked
	return out
}

// everyUnit returns every unit of the text in order, as ratio 1 asks: the
// candidates with their scores, the other units with score 0 and their
// kind, which shows how the text was segmented and classified.
func (s *scratch) everyUnit(opts Options, units []text.Sentence) *Summary {
	out := s.a.newSummary(opts)
	out.Sentences = make([]Sentence, 0, len(units))
	c := 0
	for u, t := range units {
		score := 0.0
		if c < len(s.unitOf) && s.unitOf[c] == u {
			score = round(s.pickScore[c])
			c++
		}
		out.Sentences = append(out.Sentences, Sentence{
			Index: u, Start: t.Start, End: t.End, Score: score, Text: t.Text, Kind: s.kinds[u].String(),
		})
	}
	out.Keywords = s.a.keywords(opts.Keywords)
	out.listKeywords = opts.keywordsAsked
	return out
}

// newSummary starts the result: the algorithm and the language, with where
// it came from.
func (a *analysis) newSummary(opts Options) *Summary {
	// A summary and its detection live as long as each other, so they
	// are allocated together.
	both := &struct {
		s Summary
		d Detection
	}{s: Summary{Algorithm: opts.Algorithm, Language: a.lang, LanguageSource: a.source, Supported: Supported(a.lang)}}
	out := &both.s
	if a.source != SourceRequested {
		both.d = a.detection
		out.Detection = &both.d
	}
	return out
}

// round keeps six decimals, enough to compare scores and stable in JSON.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// maxPhraseWords bounds key phrases; longer runs of content words are rarely
// one name or concept.
const maxPhraseWords = 3

// phrase accumulates one candidate key phrase.
type phrase struct {
	key        uint64 // its packed terms (addPhrase)
	start, end int32  // where it is shown from: its first use inside a sentence, else its first
	count      int
	weight     float64
	score      float64 // count × weight, once counting is done
}

// phrases holds the candidate key phrases of one call, in order of first
// occurrence, and finds them by their terms.
type phrases struct {
	list []phrase
	// at finds a phrase by its packed terms: an open-addressing table of
	// 1 + its index in list, 0 for an empty slot, a power of two in
	// length and at most half full.
	at  []int32
	top []int32
	// english and other say which edge rules the text's language has
	// (englishEdge, otherEdge), looked up once a call, not once a run.
	english, other bool
}

// keywords returns the top key phrases: runs of up to three content words
// between stop words, weighted by how often the phrase and its words occur.
// In English a verb, or a function word, inside a run of content words
// ends it ("China remains cautious"), and the next run starts there.
func (a *analysis) keywords(limit int) []Keyword {
	a.phrases.reset()
	if limit <= 0 {
		return []Keyword{}
	}
	_, a.phrases.other = otherEdgeWords[a.lang]
	a.phrases.english = a.lang == "en"
	english, other := a.phrases.english, a.phrases.other
	var ideographs []ideographRun // see addIdeographPhrases
	for _, info := range a.info {
		toks := a.tokens[info.tokensStart:info.tokensEnd]
		for i := 0; i < len(toks); {
			j := i
			for j < len(toks) && (toks[j].term >= 0 || a.namePrefix(toks, j)) && (j == i || a.namePrefix(toks, j-1) ||
				a.joined(toks[j-1], toks[j]) && !(english && a.englishBreak(toks[j-1], toks[j], info.tokensStart+j) && !a.namePrefix(toks, j)) && !(other && a.otherBreak(toks[j-1], toks[j]))) {
				j++
			}
			if j > i {
				if a.ideographic && a.hasIdeograph(toks[i:j]) {
					ideographs = a.ideographRuns(ideographs, toks, info.tokensStart, i, j, func(i, j int) { a.addRun(toks, i, j) })
				} else {
					a.addRun(toks, i, j)
				}
				i = j
				continue
			}
			i++
		}
	}
	a.addIdeographPhrases(ideographs)
	return a.topPhrases(limit)
}

// addRun adds the key phrases of the run of content words toks[i:j]: its
// edges trimmed, in pieces of at most maxPhraseWords. A piece ends before
// a name rather than inside it: "Majority leader Tom Reed" gives "Majority
// leader" and "Tom Reed", not "Majority leader Tom" and "Reed".
func (a *analysis) addRun(toks []token, i, j int) {
	i, j = a.trimEdges(toks, i, j)
	whole := i // a piece from here to j has the run's trimmed edges
	for i < j {
		k := min(i+maxPhraseWords, j)
		for n := i; n < k; n++ {
			if a.namePrefix(toks, n) {
				k = min(k+1, j) // the "O" of "O'Connor" is no word of its own
			}
		}
		if k < j && a.capitalized(toks[k-1]) && a.capitalized(toks[k]) {
			name := k - 1
			for name > i && a.capitalized(toks[name-1]) {
				name--
			}
			if name > i {
				k = name
			} else if r := a.lastRole(toks, i, k-1); r >= i {
				k = r + 1 // "Prime Minister" and "Vojislav Kotunica"
			}
		}
		if p, ok := a.phraseCore(toks, i, k, i == whole && k == j); ok {
			a.addPhrase(p)
		}
		i = k
	}
}

// roleWords are the offices a name follows when written as one run of
// capitals: "Prime Minister Vojislav Kotunica", "US President Barack
// Obama".
var roleWords = newHashList(`president minister chancellor secretary senator governor mayor king queen prince princess
	pope judge chairman chairwoman chief director coach manager captain commissioner ambassador spokesman spokeswoman
	archbishop bishop cardinal sheikh detective inspector sergeant superintendent`)

// lastRole returns the index of the last role word in toks[i:k], or -1.
func (a *analysis) lastRole(toks []token, i, k int) int {
	for r := k - 1; r >= i; r-- {
		if roleWords.has(toks[r].hash) {
			return r
		}
	}
	return -1
}

// capitalized reports whether t starts with a capital letter.
// A word that opens with an ASCII byte, nearly every word, is judged
// inline.
func (a *analysis) capitalized(t token) bool {
	if c := a.src[t.start]; c < utf8.RuneSelf {
		return c-'A' < 26
	}
	return a.capitalizedRune(t)
}

// capitalizedRune is capitalized for a word that opens past ASCII.
func (a *analysis) capitalizedRune(t token) bool {
	r, _ := utf8.DecodeRuneInString(a.src[t.start:t.end])
	return unicode.IsUpper(r)
}

// edgeWords are words that a key phrase must not start or end on: verbs of
// saying and other fragments of a clause ("say whether Trump"), which the
// stop-word lists keep as content words.
// They are kept in a classTable, whose lookup is a probe or two of one
// array: trimEdges asks for the two edges of every run of content words.
var edgeWords = func() *classTable {
	m := new(classTable)
	for _, w := range strings.Fields(`say says said saying told tell tells asked ask whether according added ` +
		`made make makes take taking took give gave going goes went come came want wants wanted think thought ` +
		`know knew see seen seem seems told year years time times new old first last next former ` +
		`sagte sagt sagen dit dijo disse zei ha hat ont`) {
		m.add(fnv32([]byte(w)), 1)
	}
	return m
}()

// phraseCore trims the run of content words toks[i:j] of a sentence to a
// key phrase: no verb fragment or function word at either end (for
// English, see englishEdge), and no piece of a number. A run that holds a
// digit, or that a number runs into ("15 million", "7,40"), is not a key
// phrase: cutting it would change what it says. trimmed says that
// toks[i:j] is a whole run that trimEdges has already trimmed: trimming is
// idempotent, so it is not done again.
func (a *analysis) phraseCore(toks []token, i, j int, trimmed bool) ([]token, bool) {
	if !trimmed {
		i, j = a.trimEdges(toks, i, j)
	}
	if i == j {
		return nil, false
	}
	start, end := int(toks[i].start), int(toks[j-1].end)
	if hasDigit(a.src[start:end]) || a.numberBefore(start) || a.numberAfter(end) || a.nameNumberAfter(toks[j-1]) || a.perCentBefore(start) {
		return nil, false
	}
	return toks[i:j], true
}

// namePrefix reports whether toks[k] is the capital letter that opens a
// name with an apostrophe: the "O" of "O'Connor", the "D" of "D’Angelo".
// It is no word of its own, so a key phrase keeps it with the name after
// it ("Sinead O'Connor", not "Sinead" and "Connor"), and never ends on it.
//
// The key phrase rules ask it of nearly every word, so the test of its
// length, which nearly every word fails, is inlined where it is asked.
func (a *analysis) namePrefix(toks []token, k int) bool {
	return toks[k].end-toks[k].start == 1 && a.namePrefixLetter(toks, k)
}

// namePrefixLetter is namePrefix for a word of one byte.
func (a *analysis) namePrefixLetter(toks []token, k int) bool {
	t := toks[k]
	if k+1 >= len(toks) || a.src[t.start] < 'A' || a.src[t.start] > 'Z' {
		return false
	}
	next := toks[k+1]
	gap := a.src[t.end:next.start]
	return (gap == "'" || gap == "’") && a.capitalized(next)
}

// trimEdges drops the words of toks[i:j] that may not start or end a key
// phrase from either end, and returns what is left.
func (a *analysis) trimEdges(toks []token, i, j int) (int, int) {
	english, other := a.phrases.english, a.phrases.other
	// neighbour returns toks[k] when it is in the sentence and only
	// spaces or hyphens part it from toks[next], the run's edge.
	neighbour := func(k, next int) *token {
		if k < 0 || k >= len(toks) {
			return nil
		}
		if k < next && !a.joinedBy(toks[k], toks[next]) || k > next && !a.joinedBy(toks[next], toks[k]) {
			return nil
		}
		return &toks[k]
	}
	for i < j && !a.namePrefix(toks, i) && (edgeWords.get(toks[i].hash) != 0 || english && a.englishEdge(toks[i], true, neighbour(i-1, i), nil) || other && a.otherEdge(toks[i], true, neighbour(i-1, i), nil)) {
		i++
	}
	for i < j && (a.namePrefix(toks, j-1) || edgeWords.get(toks[j-1].hash) != 0 || english && a.englishEdge(toks[j-1], false, nil, neighbour(j, j-1)) || other && a.otherEdge(toks[j-1], false, nil, neighbour(j, j-1))) {
		j--
	}
	return i, j
}

// numberBefore reports whether a number (or a currency amount) ends just
// before offset i, with at most a space between.
func (a *analysis) numberBefore(i int) bool {
	j := i
	if j > 0 && a.src[j-1] == ' ' {
		j--
	}
	return j > 0 && (isDigitByte(a.src[j-1]) || strings.HasSuffix(a.src[:j], "£") || strings.HasSuffix(a.src[:j], "€") || a.src[j-1] == '$')
}

// numberAfter reports whether a number follows offset i, directly or after
// a decimal or thousands separator.
func (a *analysis) numberAfter(i int) bool {
	if i < len(a.src) && isDigitByte(a.src[i]) {
		return true
	}
	return i+1 < len(a.src) && (a.src[i] == ',' || a.src[i] == '.') && isDigitByte(a.src[i+1])
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// hasDigit reports whether s holds an ASCII digit: a byte loop, where
// strings.ContainsAny builds its set of bytes anew on every call, once for
// each piece of every run of content words.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			return true
		}
	}
	return false
}

func (p *phrases) reset() {
	// A table grown for a long text is not cleared for every short one
	// after it: past four times what the last text needed, it starts
	// small again.
	if p.at == nil || len(p.at) > 4*max(minPhraseSlots, 2*len(p.list)) {
		p.at = make([]int32, minPhraseSlots)
	} else {
		clear(p.at)
	}
	p.list = p.list[:0]
}

// minPhraseSlots is the size of phrases.at before it first grows.
const minPhraseSlots = 512

// phraseSlot spreads a packed key over a table of mask+1 slots.
func phraseSlot(key uint64, mask int) int { return int((key*0x9E3779B97F4A7C15)>>40) & mask }

// find returns the index in list of the phrase of the packed terms key, or
// -1 and the empty slot where it goes.
func (p *phrases) find(key uint64) (k int32, slot int) {
	mask := len(p.at) - 1
	for i := phraseSlot(key, mask); ; i = (i + 1) & mask {
		at := p.at[i]
		if at == 0 {
			return -1, i
		}
		if p.list[at-1].key == key {
			return at - 1, i
		}
	}
}

// grow doubles at and places every phrase again.
func (p *phrases) grow() {
	p.at = make([]int32, 2*len(p.at))
	mask := len(p.at) - 1
	for k := range p.list {
		i := phraseSlot(p.list[k].key, mask)
		for p.at[i] != 0 {
			i = (i + 1) & mask
		}
		p.at[i] = int32(k + 1)
	}
}

// joined reports whether only spaces or hyphens separate two words, or an
// ampersand two names' (see ampersandJoined), so that a phrase never spans
// punctuation or markup. One space, the usual case, is judged inline.
func (a *analysis) joined(prev, next token) bool {
	if next.start == prev.end+1 && a.src[prev.end] == ' ' {
		return true
	}
	return a.joinedBy(prev, next)
}

// joinedBy is joined for any gap. A hyphen with a space beside it is a
// dash, which parts two clauses ("November 27 - Three soldiers were
// killed"), not the halves of a word.
func (a *analysis) joinedBy(prev, next token) bool {
	space, hyphen := false, false
	for _, c := range []byte(a.src[prev.end:next.start]) {
		switch c {
		case ' ':
			space = true
		case '-':
			hyphen = true
		default:
			return c == '&' && a.ampersandJoined(prev, next)
		}
	}
	return !(space && hyphen)
}

func (a *analysis) addPhrase(toks []token) {
	key := uint64(0)
	weight := 0.0
	for _, t := range toks {
		key = key<<21 | uint64(t.term+1)
		if t.term >= 0 { // not the "O" of "O'Connor"
			weight += float64(a.tf[t.term])
		}
	}
	p := &a.phrases
	start, end := toks[0].start, toks[len(toks)-1].end
	k, added := p.add(key, start, end, weight)
	if !added && a.opensSentence(int(p.list[k].start)) && !a.opensSentence(int(start)) {
		// Shown as written inside a sentence, where a capital means a
		// name: "rescue teams", not the "Rescue teams" a sentence
		// opened with.
		p.list[k].start, p.list[k].end = start, end
	}
	p.list[k].count++
}

// add returns the index of the phrase of key, first adding it, shown
// from start to end and of the given weight, when it is new (added).
func (p *phrases) add(key uint64, start, end int32, weight float64) (k int32, added bool) {
	k, slot := p.find(key)
	if k >= 0 {
		return k, false
	}
	k = int32(len(p.list))
	p.at[slot] = k + 1
	p.list = append(p.list, phrase{key: key, start: start, end: end, weight: weight})
	if 2*len(p.list) > len(p.at) {
		p.grow()
	}
	return k, true
}

// opensSentence reports whether the word at offset i opens a sentence:
// only spaces, quotes and brackets stand between it and the text's start,
// a line break or a sentence's end.
func (a *analysis) opensSentence(i int) bool {
	for i > 0 {
		switch c := a.src[i-1]; c {
		case ' ', '"', '\'', '(', '[':
			i--
		case '.', '!', '?', ':', '\n':
			return true
		default:
			return c >= 0x80 && i >= 3 && (a.src[i-3:i] == "“" || a.src[i-3:i] == "‘") && a.opensSentence(i-3)
		}
	}
	return true
}

// topPhrases returns the limit best phrases that are not bare numbers,
// best first and earlier ones first among equals.
func (a *analysis) topPhrases(limit int) []Keyword {
	p := &a.phrases
	p.top = p.top[:0]
	if limit <= 0 {
		return []Keyword{}
	}
	for k := range p.list {
		ph := &p.list[k]
		ph.score = float64(ph.count) * ph.weight
		if (len(p.top) < limit || ph.score > p.list[p.top[len(p.top)-1]].score) && !allDigits(a.src[ph.start:ph.end]) {
			p.insert(int32(k), limit)
		}
	}
	out := make([]Keyword, 0, len(p.top))
	for _, k := range p.top {
		ph := p.list[k]
		out = append(out, Keyword{Text: a.src[ph.start:ph.end], Score: round(ph.score / p.list[p.top[0]].score)})
	}
	return out
}

// insert puts phrase k into the ranked top list after every phrase that
// scores at least as well, keeping at most limit phrases; ties thus keep
// the order of first occurrence, as a stable sort would.
func (p *phrases) insert(k int32, limit int) {
	score := p.list[k].score
	at := len(p.top)
	for at > 0 && p.list[p.top[at-1]].score < score {
		at--
	}
	if at >= limit {
		return
	}
	if len(p.top) < limit {
		p.top = append(p.top, 0)
	}
	copy(p.top[at+1:], p.top[at:len(p.top)-1])
	p.top[at] = k
}

func allDigits(s string) bool {
	for _, r := range s {
		if isWordRune(r) && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Text returns the summary one sentence a line, a change's context (see
// Sentence.Context) at the start of its line, then, when the options asked
// for key phrases, a blank line and "Key phrases: " with them, separated
// by semicolons.
func (s *Summary) Text() string {
	var b strings.Builder
	for _, sent := range s.Sentences {
		for _, c := range sent.Context {
			b.WriteString(oneLine(c.Text))
			b.WriteByte(' ')
		}
		b.WriteString(oneLine(sent.Text))
		b.WriteByte('\n')
	}
	if s.listKeywords && len(s.Keywords) > 0 {
		b.WriteString("\nKey phrases: ")
		for i, k := range s.Keywords {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(oneLine(k.Text))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// oneLine folds the line breaks inside a sentence into spaces, so that each
// sentence stays on its own line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// markdownEscaper backslash-escapes the characters that are markup wherever
// they stand in a line: emphasis, code, links, HTML (so that no renderer
// takes a tag from the text), headings and tables. Punctuation that is
// markup only in other places, such as "." and "(", stays as it is so that
// the text reads naturally.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`,
)

// escapeMarkup escapes s so that it reads as plain text anywhere in a
// Markdown line: markdownEscaper's characters, and the "&" of a named
// entity reference ("&amp;", "&nbsp;"), which a renderer would show as
// the character it names. (A numeric one is inert once its "#" is
// escaped.)
func escapeMarkup(s string) string {
	s = markdownEscaper.Replace(s)
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '&' && isEntityName(s[i+1:]) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isEntityName reports whether s starts with the name of an entity
// reference and its ";": a letter, then up to 31 letters and digits.
func isEntityName(s string) bool {
	for i := 0; i < len(s) && i <= 32; i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		case c == ';':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// Markdown returns the summary as a bullet list with Markdown markup
// escaped, a change's context (see Sentence.Context) in italics before it,
// then, when the options asked for key phrases, a paragraph of them.
func (s *Summary) Markdown() string {
	var b strings.Builder
	for _, sent := range s.Sentences {
		b.WriteString("- ")
		for i, c := range sent.Context {
			if i == 0 {
				b.WriteByte('_')
			}
			b.WriteString(escapeMarkup(oneLine(c.Text)))
			if i == len(sent.Context)-1 {
				b.WriteString("_ ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(escapeMarkdown(oneLine(sent.Text)))
		b.WriteByte('\n')
	}
	if s.listKeywords && len(s.Keywords) > 0 {
		b.WriteString("\n**Key phrases:** ")
		for i, k := range s.Keywords {
			if i > 0 {
				b.WriteString(" · ")
			}
			b.WriteString(escapeMarkup(oneLine(k.Text)))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// escapeMarkdown escapes line so that it reads as plain text in a bullet.
func escapeMarkdown(line string) string {
	line = escapeMarkup(line)
	// At the start of an item, "+", "-" and "1." or "1)" would open a
	// nested list; elsewhere they are text.
	if line != "" && (line[0] == '+' || line[0] == '-') {
		return `\` + line
	}
	n := 0
	for n < len(line) && '0' <= line[n] && line[n] <= '9' {
		n++
	}
	if n > 0 && n < len(line) && (line[n] == '.' || line[n] == ')') {
		return line[:n] + `\` + line[n:]
	}
	return line
}

// HTML returns the summary as an escaped HTML list, a change's context
// (see Sentence.Context) before it in a span of class "context", followed
// by a list of its keywords when the options asked for them
// (Options.Keywords not 0). Each item has dir="auto", so that a browser
// sets right-to-left text (Arabic, Hebrew) right to left, its number on
// the right.
func (s *Summary) HTML() string {
	var b strings.Builder
	b.WriteString("<ul class=\"summary\">\n")
	for _, sent := range s.Sentences {
		b.WriteString("<li dir=\"auto\">") // Arabic or Hebrew reads right to left
		for _, c := range sent.Context {
			b.WriteString("<span class=\"context\">" + html.EscapeString(oneLine(c.Text)) + "</span> ")
		}
		b.WriteString(html.EscapeString(oneLine(sent.Text)) + "</li>\n")
	}
	b.WriteString("</ul>\n")
	if s.listKeywords && len(s.Keywords) > 0 {
		b.WriteString("<ul class=\"keywords\">\n")
		for _, k := range s.Keywords {
			b.WriteString("<li dir=\"auto\">" + html.EscapeString(k.Text) + "</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	return b.String()
}
