// Package service is the domain of Redline: articles, their revisions, the
// store that keeps them and the errors every layer speaks. Subpackages hold
// one dependency each (HTTP, SQLite, PostgreSQL) and do not know each other.
package service

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redline-news/redline/diff"
)

// Limits on what an article may hold. They keep one request from filling the
// store or the memory of the service.
const (
	MaxIDLength   = 200
	MaxTitleBytes = 1000
	// MaxBodyBytes is the limit on a stored body: the same as on the texts
	// the summary and diff routes take, so every stored revision can be
	// summarized and diffed.
	MaxBodyBytes     = 1 << 20
	MaxURLBytes      = 2048
	MaxMetadataBytes = 16 << 10
	DefaultListLimit = 50
	MaxListLimit     = 500
	MaxQueryBytes    = 200
	DefaultMaxBody   = 2 << 20
)

// Revision is one stored version of an article. Revisions are numbered 1, 2,
// 3… per article, with no gaps, and are never changed once stored.
type Revision struct {
	ArticleID   string
	Number      int
	Title       string
	Body        string
	URL         string
	Metadata    json.RawMessage // a JSON object, or nil
	ContentHash string          // hex SHA-256 of title, "\n", body
	Words       int
	// Changes are the words this revision added and removed since the one
	// before it, computed when it was written.
	Changes   ChangeStats
	CreatedAt time.Time
}

// RevisionMeta identifies a revision's content without holding it: caches
// key results by content hash, so a lookup needs no title or body.
type RevisionMeta struct {
	ArticleID   string
	Number      int
	ContentHash string
	// CreatedAt is when the revision was stored. With the number, it tells
	// a revision from one stored under the same number after its article
	// was deleted and created again: a key for what a revision's row holds
	// beyond its text (its URL, metadata and time).
	CreatedAt time.Time
}

// Article is the summary of an article that listings show: its latest
// revision's title and when it last changed.
type Article struct {
	ID             string
	Title          string
	URL            string
	LatestRevision int
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Draft is a proposed new revision of an article.
type Draft struct {
	ArticleID string
	Title     string
	Body      string
	URL       string
	Metadata  json.RawMessage
	// BaseRevisions, when not empty, are the revisions the writer may have
	// started from (If-Match may list several); the write fails with
	// EPRECONDITION unless the latest revision is one of them.
	BaseRevisions []int
	// MustNotExist makes the write fail with EPRECONDITION when the article
	// already exists (If-None-Match: *).
	MustNotExist bool
	// MustExist makes the write fail with EPRECONDITION when the article
	// does not exist yet (If-Match: *).
	MustExist bool
}

// ArticlePage is one page of a listing of articles, newest update first.
type ArticlePage struct {
	Articles []Article
	// NextCursor continues the listing; empty on the last page.
	NextCursor string
}

// ListOptions selects a page of articles.
type ListOptions struct {
	Limit  int
	Cursor string
	// Query, when not empty, keeps only the articles whose title or id
	// contains it, ignoring ASCII case; it is plain text, with no wildcards.
	// A cursor continues the listing of the query it came from.
	Query string
}

// RevisionStore keeps every revision of every article durably.
type RevisionStore interface {
	// PutRevision stores d as the next revision of its article, creating the
	// article at revision 1. When title and body equal the latest revision's,
	// nothing is written and the latest revision is returned with created
	// false. Returns EINVALID for a draft that breaks a rule and
	// EPRECONDITION when a precondition of d does not hold (see
	// Draft.CheckPreconditions).
	PutRevision(ctx context.Context, d Draft) (rev *Revision, created bool, err error)

	// LatestRevision returns the newest revision of an article, or ENOTFOUND.
	LatestRevision(ctx context.Context, articleID string) (*Revision, error)

	// RevisionByNumber returns revision n of an article, or ENOTFOUND.
	RevisionByNumber(ctx context.Context, articleID string, n int) (*Revision, error)

	// RevisionMeta returns the number and content hash of revision n of an
	// article, or of its latest when n is 0, without loading its text:
	// enough to look a cached summary or diff up. Returns ENOTFOUND.
	RevisionMeta(ctx context.Context, articleID string, n int) (RevisionMeta, error)

	// Revisions returns every revision of an article in order, without their
	// bodies, or ENOTFOUND when the article does not exist.
	Revisions(ctx context.Context, articleID string) ([]Revision, error)

	// ListRevisions returns a page of an article's revisions, oldest first,
	// without bodies and with their stored change stats. Returns ENOTFOUND
	// when the article does not exist and EINVALID for a malformed cursor
	// or limit.
	ListRevisions(ctx context.Context, articleID string, opts RevisionListOptions) (*RevisionPage, error)

	// ListArticles returns a page of articles, newest update first. Returns
	// EINVALID for a malformed cursor or limit.
	ListArticles(ctx context.Context, opts ListOptions) (*ArticlePage, error)

	// CountArticles returns how many articles are stored.
	CountArticles(ctx context.Context) (int, error)

	// DeleteArticle removes an article and all its revisions, or returns
	// ENOTFOUND. With revisions given (If-Match), it returns EPRECONDITION
	// and deletes nothing unless the latest revision is one of them,
	// checked in the delete's own transaction.
	DeleteArticle(ctx context.Context, articleID string, ifAt ...int) error

	// Ping returns EUNAVAILABLE when the store cannot be reached.
	Ping(ctx context.Context) error

	// Close releases the store's resources.
	Close() error
}

// ValidateArticleID returns EINVALID unless id is 1–200 characters of
// [A-Za-z0-9._~-], the URL-safe unreserved set, so ids need no escaping.
func ValidateArticleID(id string) error {
	if id == "" || len(id) > MaxIDLength {
		return Errorf(EINVALID, "article id must be 1 to %d characters long", MaxIDLength)
	}
	for i := 0; i < len(id); i++ {
		if !isIDByte(id[i]) {
			return Errorf(EINVALID, "article id may only hold the characters A-Z a-z 0-9 . _ ~ -")
		}
	}
	if id == "." || id == ".." {
		return Errorf(EINVALID, "article id must not be . or .., which URLs cannot address")
	}
	return nil
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '~' || c == '-'
}

// Validate returns EINVALID (or ETOOLARGE for a body over MaxBodyBytes)
// when the draft breaks a rule.
func (d *Draft) Validate() error {
	if err := ValidateArticleID(d.ArticleID); err != nil {
		return err
	}
	if err := validateTitle(d.Title); err != nil {
		return err
	}
	if err := validateBody(d.Body); err != nil {
		return err
	}
	if err := validateURL(d.URL); err != nil {
		return err
	}
	return validateMetadata(d.Metadata)
}

func validateTitle(title string) error {
	switch {
	case len(title) > MaxTitleBytes:
		return Errorf(EINVALID, "title is %d bytes; the limit is %d bytes", len(title), MaxTitleBytes)
	case !utf8.ValidString(title):
		return Errorf(EINVALID, "title must be valid UTF-8")
	case strings.IndexFunc(title, unicode.IsControl) >= 0:
		return Errorf(EINVALID, "title must be one line without control characters")
	case strings.IndexFunc(title, isBidiControl) >= 0:
		return Errorf(EINVALID, "title must not hold bidirectional override, embedding or isolate characters (U+202A-U+202E, U+2066-U+2069), which can make it read differently than it is stored")
	case !hasVisible(title):
		return Errorf(EINVALID, "title must hold a visible character, not only white space or zero-width characters")
	}
	return nil
}

func validateBody(body string) error {
	if len(body) > MaxBodyBytes {
		return Errorf(ETOOLARGE, "body is %d bytes; the limit is %d bytes", len(body), MaxBodyBytes)
	}
	return ValidateText("body", body)
}

// ValidateText returns EINVALID, naming field, unless text is valid UTF-8
// with a visible character and no control characters but tab and line
// ends. Article bodies and the texts sent to summarize follow it.
func ValidateText(field, text string) error {
	switch {
	case !utf8.ValidString(text):
		return Errorf(EINVALID, "%s must be valid UTF-8", field)
	case indexForbiddenControl(text) >= 0:
		r, _ := utf8.DecodeRuneInString(text[indexForbiddenControl(text):])
		return Errorf(EINVALID, "%s must not hold control characters other than tab and newline; found U+%04X", field, r)
	case !hasVisible(text):
		return Errorf(EINVALID, "%s holds no sentences: only white space or zero-width characters, nothing visible", field)
	}
	return nil
}

// isForbiddenControl reports control characters a text may not hold: all
// but tab, newline and the carriage return of a Windows line end.
func isForbiddenControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// indexForbiddenControl is strings.IndexFunc(s, isForbiddenControl), which
// every stored body goes through: ASCII bytes are judged without decoding,
// for only C0 controls and DEL are controls among them.
func indexForbiddenControl(s string) int {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plainASCII8(s[i:i+8]) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n' && c != '\r' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isForbiddenControl(r) {
			return i
		}
		i += n
	}
	return -1
}

// isBidiControl reports the characters that override, embed or isolate
// text direction; the implicit marks U+200E and U+200F are allowed.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// hasVisible reports whether s holds a character that shows: not white
// space, not a format character such as U+200B ZERO WIDTH SPACE, not a
// control character.
func hasVisible(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.IsControl(r) && r != '\u3164' && r != '\u115F' && r != '\u1160'
	}) >= 0
}

func validateURL(raw string) error {
	if raw == "" {
		return nil
	}
	if len(raw) > MaxURLBytes {
		return Errorf(EINVALID, "url must be at most %d bytes", MaxURLBytes)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Errorf(EINVALID, "url must be an absolute http or https URL")
	}
	return nil
}

func validateMetadata(m json.RawMessage) error {
	if len(m) == 0 {
		return nil
	}
	if len(m) > MaxMetadataBytes {
		return Errorf(EINVALID, "metadata is %d bytes; the limit is %d bytes of JSON", len(m), MaxMetadataBytes)
	}
	var obj map[string]any
	if err := json.Unmarshal(m, &obj); err != nil || obj == nil {
		return Errorf(EINVALID, "metadata must be a JSON object")
	}
	return nil
}

// plainASCII8 reports whether the 8 bytes of s are all printable ASCII,
// U+0020 to U+007E, testing them at once: a byte below 0x20 borrows into
// its high bit when 0x20 is taken from it, and 0x7F and above carry into
// or hold it when 0x01 is added.
func plainASCII8(s string) bool {
	x := binary.LittleEndian.Uint64([]byte(s))
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low := (x - 0x20*ones) &^ x & highs
	high := (x + ones | x) & highs
	return low|high == 0
}

// ContentHash returns the hex SHA-256 of the title, a newline and the body.
// Titles are single lines, so the newline makes the pair unambiguous.
func ContentHash(title, body string) string {
	// One pooled buffer rather than a copy of each text for the hash's
	// Write, which every stored revision would otherwise allocate.
	bp := hashBufs.Get().(*[]byte)
	buf := append(append(append((*bp)[:0], title...), '\n'), body...)
	sum := sha256.Sum256(buf)
	if cap(buf) <= maxPooledHashBuf {
		*bp = buf
		hashBufs.Put(bp)
	}
	return hex.EncodeToString(sum[:])
}

var hashBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledHashBuf bounds the buffers ContentHash keeps: a body near
// MaxBodyBytes is rare enough to pay for its own.
const maxPooledHashBuf = 256 << 10

// DraftDigest is what a revision derives from its draft's text: computed
// once, before the write, so that a store's committer, which writes for
// every caller, does not hash or count in its turn.
type DraftDigest struct {
	ContentHash string
	Words       int
}

// Digest hashes d's title and body and counts the body's words as the
// diff does (diff.CountWords), so that a revision's words and the words its
// changes add and remove are counted alike: a first revision adds exactly
// its words, in every script.
func (d *Draft) Digest() DraftDigest {
	return DraftDigest{ContentHash: ContentHash(d.Title, d.Body), Words: diff.CountWords(d.Body)}
}

// NewRevision builds the revision that storing d at number n at time now
// creates, filling in the derived fields.
func NewRevision(d Draft, n int, now time.Time) *Revision {
	return NewRevisionFrom(d, d.Digest(), n, now)
}

// NewRevisionFrom is NewRevision with the digest of d already computed.
func NewRevisionFrom(d Draft, dg DraftDigest, n int, now time.Time) *Revision {
	return &Revision{
		ArticleID:   d.ArticleID,
		Number:      n,
		Title:       d.Title,
		Body:        d.Body,
		URL:         d.URL,
		Metadata:    d.Metadata,
		ContentHash: dg.ContentHash,
		Words:       dg.Words,
		CreatedAt:   now.UTC().Truncate(time.Microsecond),
	}
}

// SameContent reports whether d has the same title and body as r.
func (r *Revision) SameContent(d Draft) bool {
	return r.Title == d.Title && r.Body == d.Body
}

// CheckPreconditions returns EPRECONDITION unless the writer's expectations
// hold for latest, the article's newest revision (nil when it does not
// exist). Stores call it inside the write's transaction.
func (d *Draft) CheckPreconditions(latest *Revision) error {
	switch {
	case d.MustNotExist && latest != nil:
		return Errorf(EPRECONDITION, "article %s already exists at revision %d", d.ArticleID, latest.Number)
	case d.MustExist && latest == nil:
		return Errorf(EPRECONDITION, "article %s does not exist", d.ArticleID)
	case len(d.BaseRevisions) == 0:
		return nil
	case latest == nil:
		return Errorf(EPRECONDITION, "article %s does not exist, so it is not at revision %s", d.ArticleID, revisionList(d.BaseRevisions))
	case !slices.Contains(d.BaseRevisions, latest.Number):
		return Errorf(EPRECONDITION, "article %s is at revision %d, not %s", d.ArticleID, latest.Number, revisionList(d.BaseRevisions))
	}
	return nil
}

// CheckDeletion returns EPRECONDITION unless latest, an article's newest
// revision number (0 when it does not exist), is one of ifAt, the
// revisions a deleter expects; with none, it returns nil.
func CheckDeletion(articleID string, latest int, ifAt []int) error {
	switch {
	case len(ifAt) == 0:
		return nil
	case latest == 0:
		return Errorf(EPRECONDITION, "article %s does not exist, so it is not at revision %s", articleID, revisionList(ifAt))
	case !slices.Contains(ifAt, latest):
		return Errorf(EPRECONDITION, "article %s is at revision %d, not %s; nothing was deleted", articleID, latest, revisionList(ifAt))
	}
	return nil
}

func revisionList(revs []int) string {
	parts := make([]string, len(revs))
	for i, n := range revs {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, " or ")
}
