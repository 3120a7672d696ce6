package service

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// EncodeCursor returns an opaque cursor that continues a listing after the
// article updated at t with the given id. Stores share it so that a cursor
// means the same thing whatever the backend.
func EncodeCursor(t time.Time, id string) string {
	raw := strconv.FormatInt(t.UnixMicro(), 10) + ":" + id
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// DecodeCursor returns the update time (in microseconds since the epoch) and
// the id that cursor continues after, or EINVALID.
func DecodeCursor(cursor string) (micros int64, id string, err error) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, "", Errorf(EINVALID, "cursor is malformed")
	}
	ts, id, ok := strings.Cut(string(raw), ":")
	micros, perr := strconv.ParseInt(ts, 10, 64)
	if !ok || perr != nil || ValidateArticleID(id) != nil {
		return 0, "", Errorf(EINVALID, "cursor is malformed")
	}
	return micros, id, nil
}

// Validate checks the listing options and applies the default limit.
func (o *ListOptions) Validate() error {
	if o.Limit == 0 {
		o.Limit = DefaultListLimit
	}
	if o.Limit < 1 || o.Limit > MaxListLimit {
		return Errorf(EINVALID, "limit must be between 1 and %d", MaxListLimit)
	}
	if len(o.Query) > MaxQueryBytes {
		return Errorf(EINVALID, "search query must be at most %d bytes", MaxQueryBytes)
	}
	if !utf8.ValidString(o.Query) || strings.IndexFunc(o.Query, unicode.IsControl) >= 0 {
		return Errorf(EINVALID, "search query must be valid UTF-8 without control characters")
	}
	return nil
}

// LikePattern returns a SQL LIKE pattern, escaped with \, that matches any
// text containing q literally: % and _ in q match only themselves.
func LikePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(q) + "%"
}

// NewArticlePage makes a page of at most limit articles from rows fetched
// with one extra row, which tells whether another page follows; the cursor
// then continues after the page's last article.
func NewArticlePage(rows []Article, limit int) *ArticlePage {
	page := &ArticlePage{Articles: rows}
	if len(rows) > limit {
		page.Articles = rows[:limit]
		last := rows[limit-1]
		page.NextCursor = EncodeCursor(last.UpdatedAt, last.ID)
	}
	return page
}
