package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service"
)

// Limits of the list page's parameters.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
	maxCursorBytes  = 512
)

type listView struct {
	Query     string
	Rows      []template.HTML // each rendered by the "row" template
	NextURL   string
	FirstURL  string // set on pages after the first
	Limit     int
	PageTitle string
}

type listRow struct {
	ID, Title string
	Revisions int
	Updated   timeView
	Change    changeBar
}

// timeView is a time as "12 minutes ago" with the exact time beside it.
type timeView struct {
	Relative, Exact, ISO string
}

// HTML renders the time element, relative with the exact time on hover. It
// holds only formatted times, so it needs no escaping.
func (v timeView) HTML() template.HTML {
	return template.HTML(`<time datetime="` + v.ISO + `" title="` + v.Exact + `">` + v.Relative + `</time>`)
}

func (p *Pages) timeView(t time.Time) timeView {
	return timeView{Relative: relativeTime(t, p.now()), Exact: t.UTC().Format("2 Jan 2006 15:04:05 UTC"), ISO: t.UTC().Format(time.RFC3339)}
}

// listPage answers GET /: articles newest update first, filtered by q,
// paged with the store's cursors as GET /v1/articles is.
func (p *Pages) listPage(c *fiber.Ctx) error {
	opts, err := listOptions(c)
	if err != nil {
		return p.renderError(c, err)
	}
	page, err := p.store.ListArticles(c.UserContext(), opts)
	if err != nil {
		return p.renderError(c, err)
	}
	v := listView{Query: opts.Query, Limit: opts.Limit, PageTitle: "Articles"}
	if opts.Query != "" {
		v.PageTitle = "Articles matching “" + opts.Query + "”"
	}
	for _, a := range page.Articles {
		bar, err := p.listChange(c.UserContext(), a)
		if err != nil && service.ErrorCode(err) != service.ENOTFOUND { // deleted meanwhile: no bar
			return p.renderError(c, err)
		}
		row, err := p.renderRow(listRow{ID: a.ID, Title: a.Title, Revisions: a.LatestRevision, Updated: p.timeView(a.UpdatedAt), Change: bar}, a)
		if err != nil {
			return p.renderError(c, err)
		}
		v.Rows = append(v.Rows, row)
	}
	if page.NextCursor != "" {
		v.NextURL = listURL(opts.Query, opts.Limit, page.NextCursor)
	}
	if opts.Cursor != "" {
		v.FirstURL = listURL(opts.Query, opts.Limit, "")
	}
	return p.render(c, http.StatusOK, "list.html", v)
}

// renderRow renders one row of the list with its template, cached by the
// article's latest revision and the relative time shown: a list of
// unchanged articles then costs one template lookup a row.
func (p *Pages) renderRow(row listRow, a service.Article) (template.HTML, error) {
	key := a.ID + "|" + strconv.Itoa(a.LatestRevision) + "|" + strconv.FormatInt(a.UpdatedAt.UnixMicro(), 10) + "|" + row.Updated.Relative
	return p.rows.Get(key, func() (template.HTML, int64, error) {
		var b strings.Builder
		err := templates.ExecuteTemplate(&b, "row", row)
		return template.HTML(b.String()), 0, err
	})
}

func listOptions(c *fiber.Ctx) (service.ListOptions, error) {
	opts := service.ListOptions{Query: c.Query("q"), Cursor: c.Query("cursor"), Limit: DefaultPageSize}
	if len(opts.Cursor) > maxCursorBytes {
		return opts, invalid("cursor must be at most %d bytes; use the page's own links", maxCursorBytes)
	}
	if s := c.Query("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxPageSize {
			return opts, invalid("limit must be a number from 1 to %d", MaxPageSize)
		}
		opts.Limit = n
	}
	return opts, opts.Validate()
}

func listURL(q string, limit int, cursor string) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	if limit != DefaultPageSize {
		v.Set("limit", strconv.Itoa(limit))
	}
	if cursor != "" {
		v.Set("cursor", cursor)
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}
