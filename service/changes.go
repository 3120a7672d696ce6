package service

import (
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
	// A count of the facts the diff finds changed (numbers, names, dates)
	// belongs here once the diff package reports them: compute it in
	// ChangeStatsBetween and add a column beside words_added, filled in for
	// stored revisions the way migration 0002 fills these two.
}

// ChangeStatsBetween compares the body of the previous revision (empty for
// revision 1) with the body of the next one, with the same word diff as
// GET …/diff but without its sentence pass, which the counts do not need
// and which would triple the cost of every write. A moved paragraph counts
// as removed and added. A comparison cut short by its deadline still counts
// every changed word, more coarsely: such a count may exceed the minimal
// one.
func ChangeStatsBetween(prevBody, nextBody string) (ChangeStats, error) {
	ops, err := diff.Words(prevBody, nextBody, diff.Options{})
	if err != nil {
		return ChangeStats{}, Errorf(EINVALID, "cannot compare the revisions: %v", err)
	}
	st := diff.OpStats(ops)
	return ChangeStats{WordsAdded: st.WordsAdded, WordsRemoved: st.WordsRemoved}, nil
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
