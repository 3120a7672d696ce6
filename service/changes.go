package service

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/redline-news/redline/diff"
)

// ChangeStats is what a revision changed in its article's body since the
// revision before it (revision 1: since the empty text). Stores compute it
// once, when the revision is written, and keep it with the revision, so
// that listing revisions never runs a diff.
type ChangeStats struct {
	WordsAdded   int
	WordsRemoved int
	// FactsChanged counts the facts (numbers, money, dates, quotes,
	// corrections, negations) the diff reports changed.
	FactsChanged int
}

// ChangeStatsVersion names the rules ChangeStatsBetween counts by. Stores
// keep it with each revision's stats, and when they open they count again,
// against the revision before, the stats of every revision kept with
// another version (see the Storage section of README.md). Raise it by one
// whenever a change to diff alters the figures of texts already stored, as
// the fact rules did in version 1.
const ChangeStatsVersion = 1

// ChangeStatsBetween compares the body of the previous revision (empty for
// revision 1) with the body of the next one, with the same comparison as
// GET …/diff, so that the listing, the diff and redline diff --stats give
// the same figures: words carried by a move count in neither added nor
// removed. A comparison cut short by its deadline still counts every
// changed word, more coarsely: such a count may exceed the minimal one.
func ChangeStatsBetween(prevBody, nextBody string) (ChangeStats, error) {
	return (*ChangeCounter)(nil).Between(prevBody, nextBody)
}

// ChangeCounter computes the change stats of revisions as a store writes
// them, each against the one before, remembering the sentences of the
// paragraphs it compared (see diff.SplitCache): the paragraph a revision
// changed was split when that revision was new, so each write splits only
// its own. Its figures are ChangeStatsBetween's. A nil ChangeCounter
// remembers nothing. It is safe for concurrent use.
type ChangeCounter struct {
	splits *diff.SplitCache
}

// changeSplitBytes bounds what a ChangeCounter remembers: the changed
// paragraphs, the word counts of the unchanged ones and the edited
// sentences' values of a few thousand recent revisions.
const changeSplitBytes = 16 << 20

// NewChangeCounter returns a ChangeCounter.
func NewChangeCounter() *ChangeCounter {
	return &ChangeCounter{splits: diff.NewSplitCache(changeSplitBytes)}
}

// Between is ChangeStatsBetween.
func (c *ChangeCounter) Between(prevBody, nextBody string) (ChangeStats, error) {
	var splits *diff.SplitCache
	if c != nil {
		splits = c.splits
	}
	st, err := diff.CompareStats(prevBody, nextBody, diff.Options{}, splits)
	if err != nil {
		return ChangeStats{}, Errorf(EINVALID, "cannot compare the revisions: %v", err)
	}
	return ChangeStats{WordsAdded: st.WordsAdded, WordsRemoved: st.WordsRemoved, FactsChanged: st.FactsChanged}, nil
}

// ChangeGuess is the change stats of a draft computed before its write,
// against the revision that was latest then, so that a store's committer,
// which writes for everyone, need not spend its time diffing. The store
// uses it only when the latest revision is still BaseHash.
type ChangeGuess struct {
	BaseHash string // "" when the article did not exist
	Stats    ChangeStats
}

// GuessChanges compares d with latest (nil for a new article). It returns
// nil when there is nothing to guess: d repeats latest, or the texts
// cannot be compared, in which case the store compares them itself.
func GuessChanges(latest *Revision, d Draft) *ChangeGuess {
	return (*ChangeCounter)(nil).Guess(latest, d)
}

// Guess is GuessChanges.
func (c *ChangeCounter) Guess(latest *Revision, d Draft) *ChangeGuess {
	g := &ChangeGuess{}
	prevBody := ""
	if latest != nil {
		if latest.SameContent(d) {
			return nil
		}
		g.BaseHash, prevBody = latest.ContentHash, latest.Body
	}
	var err error
	if g.Stats, err = c.Between(prevBody, d.Body); err != nil {
		return nil
	}
	return g
}

// Unchanged reports whether d, checked against latest (its article's newest
// revision as read just before, nil when there is none), would write
// nothing: same title and body, and its preconditions hold. A store may
// then answer with latest from that read, without a write transaction;
// that answer is what a write at the moment of the read would have given.
func Unchanged(latest *Revision, d Draft) bool {
	return latest != nil && latest.SameContent(d) && d.CheckPreconditions(latest) == nil
}

// ReadBeforeWrite is the read both stores make before queuing a draft: it
// validates d and reads the article's latest revision with latestOf (nil
// when the article is new). When the draft would write nothing (Unchanged),
// unchanged is true and the store answers with latest, without a write.
func ReadBeforeWrite(ctx context.Context, latestOf func(context.Context, string) (*Revision, error), d Draft) (latest *Revision, unchanged bool, err error) {
	if err := d.Validate(); err != nil {
		return nil, false, err
	}
	latest, err = latestOf(ctx, d.ArticleID)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	return latest, Unchanged(latest, d), nil
}

// RevisionListOptions selects a page of an article's revisions, oldest
// first.
type RevisionListOptions struct {
	Limit  int
	Cursor string
}

// RevisionPage is one page of an article's revisions, without bodies.
type RevisionPage struct {
	Revisions []Revision
	// NextCursor continues the listing; empty on the last page.
	NextCursor string
}

// Validate applies the default limit and returns EINVALID for a bad limit
// or cursor. It returns the revision number the page starts after.
func (o *RevisionListOptions) Validate() (after int, err error) {
	if o.Limit == 0 {
		o.Limit = DefaultListLimit
	}
	if o.Limit < 1 || o.Limit > MaxListLimit {
		return 0, Errorf(EINVALID, "limit must be between 1 and %d", MaxListLimit)
	}
	if o.Cursor == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(o.Cursor)
	num, ok := strings.CutPrefix(string(raw), "rev:")
	n, perr := strconv.Atoi(num)
	if err != nil || !ok || perr != nil || n < 1 {
		return 0, Errorf(EINVALID, "cursor is malformed")
	}
	return n, nil
}

// NewRevisionPage makes a page of at most limit revisions from rows fetched
// with one extra row, which tells whether another page follows.
func NewRevisionPage(rows []Revision, limit int) *RevisionPage {
	page := &RevisionPage{Revisions: rows}
	if len(rows) > limit {
		page.Revisions = rows[:limit]
		raw := "rev:" + strconv.Itoa(rows[limit-1].Number)
		page.NextCursor = base64.RawURLEncoding.EncodeToString([]byte(raw))
	}
	return page
}
