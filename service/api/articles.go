package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/redline-news/redline/internal/resultcache"
	"github.com/redline-news/redline/service"
)

// ArticleIDParam is the {id} path parameter shared by every article route.
// Its characters are checked by Resolve, not by a pattern tag, which huma
// would match with a regular expression on every request of every article
// route; documentPatterns puts the pattern in the OpenAPI document.
type ArticleIDParam struct {
	ID string `path:"id" minLength:"1" maxLength:"200" doc:"The article id: 1 to 200 characters of A-Z a-z 0-9 . _ ~ -"`
}

// articleIDPattern is what an article id matches.
const articleIDPattern = "^[A-Za-z0-9._~-]+$"

// Resolve refuses an id that articleIDPattern does not match, with the
// problem huma reports for a pattern.
func (p *ArticleIDParam) Resolve(huma.Context) []error {
	if validArticleID(p.ID) {
		return nil
	}
	return []error{&huma.ErrorDetail{Location: "path.id", Message: "expected string to match pattern " + articleIDPattern, Value: p.ID}}
}

// validArticleID reports whether id matches articleIDPattern.
func validArticleID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '~', c == '-':
		default:
			return false
		}
	}
	return true
}

// RevisionBody is a revision as the API shows it.
type RevisionBody struct {
	ID          string          `json:"id" doc:"The article id."`
	Revision    int             `json:"revision" doc:"The revision number: 1, 2, 3… with no gaps."`
	Title       string          `json:"title"`
	Body        string          `json:"body,omitempty" doc:"The text; left out of revision listings."`
	URL         string          `json:"url,omitempty"`
	Metadata    json.RawMessage `json:"metadata,omitempty" doc:"The JSON object stored with the revision."`
	ContentHash string          `json:"content_hash" doc:"Hex SHA-256 of the title, a newline and the body."`
	Words       int             `json:"words" doc:"Words in the body, counted as words_added and words_removed are: each Chinese or Japanese character and each Thai letter is a word."`
	CreatedAt   time.Time       `json:"created_at"`
	// WordsAdded, WordsRemoved and FactsChanged are set in revision
	// listings only.
	WordsAdded   *int `json:"words_added,omitempty" doc:"In listings: words added since the previous revision."`
	WordsRemoved *int `json:"words_removed,omitempty" doc:"In listings: words removed since the previous revision."`
	FactsChanged *int `json:"facts_changed,omitempty" doc:"In listings: facts (numbers, dates, quotes…) changed since the previous revision."`
}

func revisionBody(r *service.Revision) RevisionBody {
	return RevisionBody{ID: r.ArticleID, Revision: r.Number, Title: r.Title, Body: r.Body, URL: r.URL,
		Metadata: r.Metadata, ContentHash: r.ContentHash, Words: r.Words, CreatedAt: r.CreatedAt}
}

type revisionOutput struct {
	Status   int
	ETag     string `header:"ETag" doc:"The revision number, quoted; send it back in If-Match."`
	Location string `header:"Location"`
	Body     RevisionBody
}

func newRevisionOutput(status int, r *service.Revision) *revisionOutput {
	return &revisionOutput{Status: status, ETag: etag(r.Number), Body: revisionBody(r),
		Location: fmt.Sprintf("/v1/articles/%s/revisions/%d", r.ArticleID, r.Number)}
}

// withCurrentETag adds the article's current ETag to a failed precondition,
// so that the client learns which revision to start from.
func (s *Server) withCurrentETag(ctx context.Context, id string, err error) error {
	if service.ErrorCode(err) != service.EPRECONDITION {
		return err
	}
	p := problemOf(ctx, err)
	if latest, lerr := s.store.LatestRevision(ctx, id); lerr == nil {
		p.WithHeader("ETag", etag(latest.Number))
	}
	return p
}

func etag(n int) string { return `"` + strconv.Itoa(n) + `"` }

type putArticleInput struct {
	ArticleIDParam
	IfMatch     string `header:"If-Match" doc:"Write only if the latest revision is this one (\"N\"), or if the article exists (*)."`
	IfNoneMatch string `header:"If-None-Match" doc:"* writes only if the article does not exist yet."`
	Body        putArticleBody
}

type listArticlesInput struct {
	Limit  int    `query:"limit" minimum:"1" maximum:"500" default:"50" doc:"Articles per page."`
	Cursor string `query:"cursor" maxLength:"512" doc:"The next_cursor of the previous page."`
	Q      string `query:"q" maxLength:"200" doc:"Only articles whose title or id contains this text, ignoring ASCII case (200 bytes at most). Pass the same q with the cursor."`
}

// ArticleBody is an article in a listing.
type ArticleBody struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Revision  int       `json:"revision" doc:"The latest revision."`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

type listArticlesOutput struct {
	Body struct {
		Articles   []ArticleBody `json:"articles"`
		NextCursor string        `json:"next_cursor,omitempty" doc:"Pass as cursor for the next page; absent on the last page."`
	}
}

type revisionInput struct {
	ArticleIDParam
	CacheParam
	N int `path:"n" minimum:"1" doc:"The revision number."`
}

// CacheParam lets a client that holds a revision ask whether it is current.
type CacheParam struct {
	IfNoneMatch string `header:"If-None-Match" doc:"Answer 304 Not Modified when the revision's ETag is among these."`
}

// notModified reports whether the client already holds revision n.
func (p CacheParam) notModified(n int) bool { return p.matches(etag(n)) }

// matches reports whether If-None-Match names the entity tag want.
func (p CacheParam) matches(want string) bool {
	if p.IfNoneMatch == "" {
		return false
	}
	for _, tag := range strings.Split(p.IfNoneMatch, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == "*" || tag == want {
			return true
		}
	}
	return false
}

type getArticleInput struct {
	ArticleIDParam
	CacheParam
}

type listRevisionsInput struct {
	ArticleIDParam
	Limit  int    `query:"limit" minimum:"1" maximum:"500" default:"50" doc:"Revisions per page."`
	Cursor string `query:"cursor" maxLength:"512" doc:"The next_cursor of the previous page."`
}

type revisionsOutput struct {
	Body struct {
		Revisions  []RevisionBody `json:"revisions"`
		NextCursor string         `json:"next_cursor,omitempty" doc:"Pass as cursor for the next page; absent on the last page."`
	}
}

// revisionCache names the cache of encoded revisions in the shared result
// store, for the Observer.
const revisionCache = "revision"

// encodedRevisionOutput is a revision as its JSON, encoded once and kept in
// the result cache under its content hash: a stored revision never
// changes, so a hit costs a lookup of its number and hash, and a copy.
type encodedRevisionOutput struct {
	Status      int
	ContentType string `header:"Content-Type"`
	ETag        string `header:"ETag" doc:"The revision number, quoted; send it back in If-Match."`
	Location    string `header:"Location"`
	Body        []byte
}

func (s *Server) registerArticles() {
	s.revisionRenders = resultcache.For(s.cache, revisionCache, "encoded", func(b []byte) int64 { return int64(cap(b)) }, nil)
	// The encoded answers are documented as the revision they hold.
	revisionResponses := func() map[string]*huma.Response {
		return map[string]*huma.Response{"200": {Description: "OK", Content: map[string]*huma.MediaType{
			"application/json": {Schema: s.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[RevisionBody](), true, "")},
		}}}
	}
	tags := []string{"articles"}
	huma.Register(s.api, huma.Operation{
		OperationID: "put-article", Method: http.MethodPut, Path: "/v1/articles/{id}", Tags: tags,
		Summary:       "Store a revision",
		Description:   "Creates the article (201, revision 1), adds a revision when the title or body changed (201), or returns the latest revision unchanged (200).",
		DefaultStatus: http.StatusCreated, MaxBodyBytes: s.maxBodyBytes(),
		Errors: []int{http.StatusBadRequest, http.StatusPreconditionFailed, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType},
		// putBodyDecoder validates the body as it decodes it.
		SkipValidateBody: true,
	}, s.putArticle)
	s.putBody = &putBodyDecoder{registry: s.api.OpenAPI().Components.Schemas,
		schema: s.api.OpenAPI().Paths["/v1/articles/{id}"].Put.RequestBody.Content["application/json"].Schema}
	huma.Register(s.api, huma.Operation{
		OperationID: "list-articles", Method: http.MethodGet, Path: "/v1/articles", Tags: tags,
		Summary: "List articles, newest update first",
	}, s.listArticles)
	huma.Register(s.api, huma.Operation{
		OperationID: "get-article", Method: http.MethodGet, Path: "/v1/articles/{id}", Tags: tags,
		Summary: "Get the latest revision", Errors: []int{http.StatusNotFound},
		Responses: revisionResponses(),
	}, s.getArticle)
	huma.Register(s.api, huma.Operation{
		OperationID: "delete-article", Method: http.MethodDelete, Path: "/v1/articles/{id}", Tags: tags,
		Summary: "Delete an article and all its revisions", DefaultStatus: http.StatusNoContent,
		Errors: []int{http.StatusNotFound, http.StatusPreconditionFailed},
	}, s.deleteArticle)
	huma.Register(s.api, huma.Operation{
		OperationID: "list-revisions", Method: http.MethodGet, Path: "/v1/articles/{id}/revisions", Tags: tags,
		Summary:     "List an article's revisions, oldest first, without bodies",
		Description: "Pages with `limit` and `cursor`. Each revision carries the words it added and removed since the one before, computed when it was stored.",
		Errors:      []int{http.StatusBadRequest, http.StatusNotFound},
	}, s.listRevisions)
	huma.Register(s.api, huma.Operation{
		OperationID: "get-revision", Method: http.MethodGet, Path: "/v1/articles/{id}/revisions/{n}", Tags: tags,
		Summary: "Get one revision with its body", Errors: []int{http.StatusNotFound},
		Responses: revisionResponses(),
	}, s.getRevision)
}

func (s *Server) putArticle(ctx context.Context, in *putArticleInput) (*revisionOutput, error) {
	d, err := draftFrom(in)
	if err != nil {
		return nil, s.withCurrentETag(ctx, in.ID, err)
	}
	rev, created, err := s.store.PutRevision(ctx, d)
	if err != nil || created {
		// An unchanged PUT is answered from a read and proves nothing
		// about writes.
		s.noteWrite(err)
	}
	if err != nil {
		return nil, s.withCurrentETag(ctx, d.ArticleID, err)
	}
	if !created {
		s.obs.UnchangedPutSkipped()
		return newRevisionOutput(http.StatusOK, rev), nil
	}
	s.obs.RevisionStored()
	s.logger.InfoContext(ctx, "revision stored", "request_id", RequestID(ctx), "article", rev.ArticleID, "revision", rev.Number)
	return newRevisionOutput(http.StatusCreated, rev), nil
}

func draftFrom(in *putArticleInput) (service.Draft, error) {
	d := service.Draft{ArticleID: in.ID, Title: in.Body.Title, Body: in.Body.Body, URL: in.Body.URL}
	if in.Body.BaseRevision > 0 {
		d.BaseRevisions = []int{in.Body.BaseRevision}
	}
	if len(in.Body.Metadata) > 0 {
		d.Metadata = json.RawMessage(in.Body.Metadata)
	}
	if err := applyIfMatch(&d, in.IfMatch); err != nil {
		return d, err
	}
	if strings.TrimSpace(in.IfNoneMatch) == "*" {
		d.MustNotExist = true
	} else if in.IfNoneMatch != "" {
		return d, service.Errorf(service.EINVALID, "If-None-Match only supports *")
	}
	return d, nil
}

// applyIfMatch turns an If-Match header into the draft's precondition: *,
// or a list of revision tags of which the latest must be one. Tags that are
// not revision numbers can never match, nor can weak tags (W/"3"): If-Match
// compares strongly (RFC 9110, section 13.1.1), and a write must name the
// revision exactly.
func applyIfMatch(d *service.Draft, header string) error {
	header = strings.TrimSpace(header)
	if header == "" {
		return nil
	}
	if header == "*" {
		d.MustExist = true
		return nil
	}
	var revs []int
	weak := false
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		isWeak := strings.HasPrefix(tag, "W/")
		tag = strings.TrimPrefix(tag, "W/")
		if len(tag) < 2 || tag[0] != '"' || tag[len(tag)-1] != '"' {
			return service.Errorf(service.EINVALID, "If-Match must hold quoted revision tags such as \"3\", not %s", header)
		}
		if isWeak {
			weak = true
			continue
		}
		if n, err := strconv.Atoi(tag[1 : len(tag)-1]); err == nil && n > 0 {
			revs = append(revs, n)
		}
	}
	if len(d.BaseRevisions) > 0 && !slices.Contains(revs, d.BaseRevisions[0]) {
		return service.Errorf(service.EINVALID, "If-Match %s and base_revision %d disagree", header, d.BaseRevisions[0])
	}
	if len(revs) == 0 && weak {
		return service.Errorf(service.EPRECONDITION, "If-Match %s names no revision: a weak tag (W/\"N\") never matches a write's precondition; send \"N\"", header)
	}
	if len(revs) == 0 {
		return service.Errorf(service.EPRECONDITION, "If-Match %s names no revision", header)
	}
	d.BaseRevisions = revs
	return nil
}

func (s *Server) listArticles(ctx context.Context, in *listArticlesInput) (*listArticlesOutput, error) {
	page, err := s.store.ListArticles(ctx, service.ListOptions{Limit: in.Limit, Cursor: in.Cursor, Query: in.Q})
	if err != nil {
		return nil, err
	}
	out := &listArticlesOutput{}
	out.Body.Articles = make([]ArticleBody, len(page.Articles))
	for i, a := range page.Articles {
		out.Body.Articles[i] = ArticleBody{ID: a.ID, Title: a.Title, URL: a.URL, Revision: a.LatestRevision, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
	}
	out.Body.NextCursor = page.NextCursor
	return out, nil
}

// getArticle answers with the latest revision, from the same cache of
// encoded revisions as getRevision.
func (s *Server) getArticle(ctx context.Context, in *getArticleInput) (*encodedRevisionOutput, error) {
	return s.encodedRevision(ctx, in.ID, 0, in.CacheParam)
}

// getRevision answers from the cache of encoded revisions: a hit reads the
// revision's number and content hash, never its body, and encodes nothing.
func (s *Server) getRevision(ctx context.Context, in *revisionInput) (*encodedRevisionOutput, error) {
	return s.encodedRevision(ctx, in.ID, in.N, in.CacheParam)
}

// encodedRevision answers with revision n of an article (its latest when n
// is 0), or 304 when the client holds it.
func (s *Server) encodedRevision(ctx context.Context, id string, n int, cp CacheParam) (*encodedRevisionOutput, error) {
	meta, err := s.store.RevisionMeta(ctx, id, n)
	if err != nil {
		return nil, err
	}
	if cp.notModified(meta.Number) {
		return &encodedRevisionOutput{Status: http.StatusNotModified, ETag: etag(meta.Number)}, nil
	}
	// The content hash names the text; the number and time name the row,
	// which a deleted and recreated article stores anew, with another URL,
	// metadata or time under the same number and text.
	key := meta.ContentHash + "|" + meta.ArticleID + "|" + strconv.Itoa(meta.Number) + "|" + strconv.FormatInt(meta.CreatedAt.UnixMicro(), 10)
	body, err := s.revisionRenders.Get(key, func() ([]byte, int64, error) {
		rev, err := s.store.RevisionByNumber(ctx, meta.ArticleID, meta.Number)
		if err != nil {
			return nil, 0, err
		}
		b, err := encodeJSON(revisionBody(rev))
		return b, 0, err
	})
	if err != nil {
		return nil, err
	}
	return &encodedRevisionOutput{Status: http.StatusOK, ContentType: "application/json", ETag: etag(meta.Number),
		Location: "/v1/articles/" + meta.ArticleID + "/revisions/" + strconv.Itoa(meta.Number), Body: body}, nil
}

// encodeJSON encodes v as the API's JSON format does (marshalJSON): no
// HTML escapes, and a final newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := marshalJSON(&buf, v); err != nil {
		return nil, fmt.Errorf("encode response: %w", err)
	}
	return buf.Bytes(), nil
}

type deleteArticleInput struct {
	ArticleIDParam
	IfMatch string `header:"If-Match" doc:"Delete only if the latest revision is this one (\"N\", or a list), or if the article exists (*); 412 otherwise."`
}

func (s *Server) deleteArticle(ctx context.Context, in *deleteArticleInput) (*struct{}, error) {
	// The same header rules as a PUT's; the draft only carries them.
	cond := service.Draft{ArticleID: in.ID}
	if err := applyIfMatch(&cond, in.IfMatch); err != nil {
		return nil, err
	}
	err := s.store.DeleteArticle(ctx, in.ID, cond.BaseRevisions...)
	if cond.MustExist && service.ErrorCode(err) == service.ENOTFOUND {
		return nil, service.Errorf(service.EPRECONDITION, "article %s does not exist", in.ID)
	}
	if err != nil {
		return nil, err
	}
	s.logger.InfoContext(ctx, "article deleted", "request_id", RequestID(ctx), "article", in.ID)
	return nil, nil
}

func (s *Server) listRevisions(ctx context.Context, in *listRevisionsInput) (*revisionsOutput, error) {
	page, err := s.store.ListRevisions(ctx, in.ID, service.RevisionListOptions{Limit: in.Limit, Cursor: in.Cursor})
	if err != nil {
		return nil, err
	}
	out := &revisionsOutput{}
	out.Body.Revisions = make([]RevisionBody, len(page.Revisions))
	for i := range page.Revisions {
		r := &page.Revisions[i]
		out.Body.Revisions[i] = revisionBody(r)
		out.Body.Revisions[i].WordsAdded, out.Body.Revisions[i].WordsRemoved = &r.Changes.WordsAdded, &r.Changes.WordsRemoved
		out.Body.Revisions[i].FactsChanged = &r.Changes.FactsChanged
	}
	out.Body.NextCursor = page.NextCursor
	return out, nil
}
