package diff

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrInvalidUTF8 is returned when either text is not valid UTF-8; byte
// ranges in the ops would otherwise cut characters.
var ErrInvalidUTF8 = errors.New("diff: text is not valid UTF-8")

// ErrInvalidOptions is returned for options out of range, such as a
// negative deadline.
var ErrInvalidOptions = errors.New("diff: invalid options")

// DefaultDeadline bounds a comparison when Options.Deadline is zero; it is
// generous for a 10 MiB article and still short enough for an HTTP request.
const DefaultDeadline = 200 * time.Millisecond

// Kind says whether an op's text is in both texts, only the new or only the
// old one.
type Kind uint8

// The three kinds of op, as go-diff and every diff tool name them.
const (
	Equal Kind = iota
	Insert
	Delete
)

var kindNames = [...]string{Equal: "equal", Insert: "insert", Delete: "delete"}

// String returns "equal", "insert" or "delete".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MarshalText writes the kind as its name, so JSON carries "insert" rather
// than a number.
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) {
		return nil, fmt.Errorf("diff: unknown kind %d", int(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText reads a kind written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	i := slices.Index(kindNames[:], string(b))
	if i < 0 {
		return fmt.Errorf("diff: unknown op %q", b)
	}
	*k = Kind(i)
	return nil
}

// Op is one run of text that is equal in both texts, inserted in the new one
// or deleted from the old one. OldStart:OldEnd and NewStart:NewEnd are its
// byte ranges; the range on the side that lacks the text is empty and marks
// where it would be.
type Op struct {
	Op       Kind   `json:"op"`
	Text     string `json:"text"`
	OldStart int    `json:"old_start"`
	OldEnd   int    `json:"old_end"`
	NewStart int    `json:"new_start"`
	NewEnd   int    `json:"new_end"`
	// Move is set on a deleted and an inserted op that carry the same, or
	// nearly the same, block of text: the block moved. Both ops of a move
	// share the number, counted from 1.
	Move int `json:"move,omitempty"`
}

// Stats sums up a comparison in words and sentences. Each word of the old
// text is removed, moved or unchanged, and each word of the new text added,
// moved or unchanged.
type Stats struct {
	// WordsAdded and WordsRemoved count the words that are new or gone;
	// words that a move carried are in WordsMoved instead.
	WordsAdded   int `json:"words_added"`
	WordsRemoved int `json:"words_removed"`
	// WordsMoved counts, for each move (ops with a Move number), the words
	// its deleted and inserted text have in common; the words it does not
	// share are added or removed.
	WordsMoved     int `json:"words_moved"`
	WordsUnchanged int `json:"words_unchanged"`
	// ChangeRatio is the share of the words of both texts that are new or
	// gone: (added + removed) / (old words + new words), 0 when nothing
	// changed and 1 when no word is shared.
	ChangeRatio      float64 `json:"change_ratio"`
	SentencesAdded   int     `json:"sentences_added"`
	SentencesRemoved int     `json:"sentences_removed"`
	SentencesEdited  int     `json:"sentences_edited"`
	SentencesMoved   int     `json:"sentences_moved"`
	// FactsChanged counts the facts in Result.Facts.
	FactsChanged int `json:"facts_changed"`
}

// Result is a full comparison of two texts. It is not changed after Compare
// returns, so it can be cached and rendered from several goroutines.
type Result struct {
	Ops       []Op             `json:"ops"`
	Stats     Stats            `json:"stats"`
	Sentences []SentenceChange `json:"sentences"`
	// Facts lists the facts that changed (numbers, money, percentages,
	// dates, times, quotes, corrections, negations), in reading order.
	Facts []Fact `json:"facts"`
	// Degraded is true when the deadline passed and part of the diff was
	// made coarser (whole blocks replaced) to finish in time, or when at
	// 40% of the deadline changed paragraphs were still being split into
	// sentences (the rest are then kept whole, one unit each) or facts
	// looked for (so in a rewrite of a long text); the diff is still
	// exact, but Facts may then miss the facts of later sentences.
	Degraded bool `json:"degraded,omitempty"`
}

// Options tunes a comparison. The zero value is ready to use; Options is
// comparable so that it can be part of a cache key.
type Options struct {
	// Deadline bounds the time spent; past it the rest of the diff is made
	// coarser and the result marked Degraded. Zero means DefaultDeadline.
	Deadline time.Duration
}

func (o Options) validate() error {
	if o.Deadline < 0 {
		return fmt.Errorf("%w: negative deadline %v", ErrInvalidOptions, o.Deadline)
	}
	return nil
}

func (o Options) deadline() time.Duration {
	if o.Deadline == 0 {
		return DefaultDeadline
	}
	return o.Deadline
}
