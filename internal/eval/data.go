// Package eval scores Redline's summarizers against reference summaries with
// ROUGE and trains the learned scorer. It reads the evaluation data sets
// described in the data README: CNN/DailyMail and BBC News Summary.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/redline-news/redline/internal/text"
)

// Data set formats.
const (
	CNNDM = "cnndm"
	BBC   = "bbc"
)

// Splits of the BBC data. The evaluation split is every fifth row (0-based
// line index divisible by 5); nothing may be fitted or tuned on it.
const (
	SplitEval  = "eval"
	SplitTrain = "train"
	SplitAll   = "all"
)

// Item is one article with its reference summary.
type Item struct {
	ID        string
	Line      int      // 0-based line in the data file
	Article   string   // the text to summarize
	Reference []string // the reference summary, one sentence an entry
	K         int      // summary length in sentences that the protocol asks
	// Extractive is true when the reference sentences are article sentences
	// (BBC), so that training labels need no oracle.
	Extractive bool
}

// row is one line of either data file.
type row struct {
	ID       string `json:"id"`
	Source   string `json:"source"`
	Category string `json:"category"`
	Article  string `json:"article"`
	Summary  string `json:"summary"`
}

// Load reads a data set. format is CNNDM, BBC or "" to detect it from the
// first row; split selects BBC rows (CNN/DM has one split and takes all).
func Load(r io.Reader, format, split string) ([]Item, string, error) {
	if split != SplitEval && split != SplitTrain && split != SplitAll {
		return nil, "", fmt.Errorf("split must be %s, %s or %s, not %q", SplitEval, SplitTrain, SplitAll, split)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var items []Item
	for line := 0; sc.Scan(); line++ {
		var rw row
		if err := json.Unmarshal(sc.Bytes(), &rw); err != nil {
			return nil, "", fmt.Errorf("line %d: %w", line+1, err)
		}
		if format == "" {
			format = detectFormat(rw)
		}
		if item, ok, err := convert(rw, line, format, split); err != nil {
			return nil, "", fmt.Errorf("line %d: %w", line+1, err)
		} else if ok {
			items = append(items, item)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, "", err
	}
	return items, format, nil
}

func detectFormat(rw row) string {
	if rw.Category != "" {
		return BBC
	}
	return CNNDM
}

func convert(rw row, line int, format, split string) (Item, bool, error) {
	switch format {
	case CNNDM:
		return cnndmItem(rw, line), true, nil
	case BBC:
		if !inSplit(line, split) {
			return Item{}, false, nil
		}
		item, err := bbcItem(rw, line)
		return item, err == nil, err
	}
	return Item{}, false, fmt.Errorf("format must be %s or %s, not %q", CNNDM, BBC, format)
}

// InEvalSplit reports whether the BBC row at a 0-based line belongs to the
// evaluation split.
func InEvalSplit(line int) bool { return line%5 == 0 }

func inSplit(line int, split string) bool {
	switch split {
	case SplitEval:
		return InEvalSplit(line)
	case SplitTrain:
		return !InEvalSplit(line)
	}
	return true
}

// cnndmItem keeps the article as is; each summary line is a reference
// sentence and summaries are three sentences long, the standard protocol.
func cnndmItem(rw row, line int) Item {
	var ref []string
	for s := range strings.SplitSeq(rw.Summary, "\n") {
		if s = strings.TrimSpace(s); s != "" {
			ref = append(ref, s)
		}
	}
	return Item{ID: rw.ID, Line: line, Article: rw.Article, Reference: ref, K: 3}
}

// errNoReference marks a BBC row whose summary holds no article sentence.
var errNoReference = errors.New("no article sentence found in the summary")

// bbcItem drops the headline line and finds which article sentences the
// summary holds: its sentences are copied from the article and joined without
// spaces, so they cannot be split on their own. Those sentences, in the
// order the summary has them, are the reference, and their count is k.
func bbcItem(rw row, line int) (Item, error) {
	article := rw.Article
	if i := strings.IndexByte(article, '\n'); i >= 0 {
		article = strings.TrimLeft(article[i+1:], "\n")
	}
	type found struct {
		at   int
		text string
	}
	var hits []found
	for _, s := range text.Sentences(article) {
		if at := strings.Index(rw.Summary, s.Text); at >= 0 && len(s.Text) > 1 {
			hits = append(hits, found{at, s.Text})
		}
	}
	if len(hits) == 0 {
		return Item{}, errNoReference
	}
	sortFound(hits, func(a, b found) bool { return a.at < b.at })
	ref := make([]string, len(hits))
	for i, h := range hits {
		ref[i] = h.text
	}
	return Item{ID: rw.ID, Line: line, Article: article, Reference: ref, K: len(ref), Extractive: true}, nil
}

// sortFound is a stable insertion sort; summaries have a handful of entries.
func sortFound[T any](s []T, less func(a, b T) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
