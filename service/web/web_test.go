package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/internal/resultcache"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/web"
)

func TestEveryPageCarriesSecurityHeaders(t *testing.T) {
	s := storySite(t, web.Config{})
	for _, path := range []string{"/", "/?q=fire", "/articles/council-budget", "/articles/council-budget?view=side&from=1&to=3",
		"/articles/missing", "/articles/council-budget?to=9", "/assets/redline.css", "/assets/redline.js"} {
		t.Run(path, func(t *testing.T) {
			p := s.get(t, path)
			for header, want := range map[string]string{
				"Content-Security-Policy": web.ContentSecurityPolicy,
				"X-Content-Type-Options":  "nosniff",
				"Referrer-Policy":         "same-origin",
			} {
				if got := p.header.Get(header); got != want {
					t.Errorf("%s: got %q, want %q", header, got, want)
				}
			}
		})
	}
}

func TestBadInputGetsAnErrorPage(t *testing.T) {
	s := storySite(t, web.Config{})
	for _, tc := range []struct {
		name, path string
		status     int
		says       string
	}{
		{"unknown article", "/articles/missing", http.StatusNotFound, "not_found"},
		{"bad id", "/articles/bad%20id", http.StatusBadRequest, "article id may only hold"},
		{"long id", "/articles/" + strings.Repeat("a", 201), http.StatusBadRequest, "1 to 200 characters"},
		{"revision past the latest", "/articles/council-budget?to=9", http.StatusNotFound, "has no revision 9; its latest is 3"},
		{"from not before to", "/articles/council-budget?from=3&to=2", http.StatusBadRequest, "must be an earlier revision"},
		{"from past the latest", "/articles/council-budget?from=9&to=2", http.StatusNotFound, "has no revision 9; its latest is 3"},
		{"from not a number", "/articles/council-budget?from=x", http.StatusBadRequest, "whole number"},
		{"huge number", "/articles/council-budget?to=99999999999", http.StatusBadRequest, "at most 9 digits"},
		{"unknown view", "/articles/council-budget?view=3d", http.StatusBadRequest, "view must be inline or side"},
		{"hide not 0 or 1", "/articles/council-budget?hide=yes", http.StatusBadRequest, "hide must be 1"},
		{"too many sentences", "/articles/council-budget?length=21", http.StatusBadRequest, "1 to 20 sentences"},
		{"too few words", "/articles/council-budget?unit=words&length=2", http.StatusBadRequest, "10 to 1000 words"},
		{"since after to", "/articles/council-budget?to=2&since=3", http.StatusBadRequest, "since must be a revision from 1 to 2"},
		{"long query", "/?q=" + strings.Repeat("x", 201), http.StatusBadRequest, "at most 200 bytes"},
		{"bad cursor", "/?cursor=!!", http.StatusBadRequest, "cursor is malformed"},
		{"bad limit", "/?limit=1000", http.StatusBadRequest, "limit must be a number from 1 to 200"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := s.get(t, tc.path)
			if p.status != tc.status {
				t.Fatalf("status: got %d, want %d (%s)", p.status, tc.status, p.body)
			}
			if ct := p.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("content type: got %q, want text/html", ct)
			}
			if tc.says != "not_found" && !strings.Contains(p.body, tc.says) {
				t.Errorf("error page does not say %q: %s", tc.says, p.body)
			}
		})
	}
}

// TestUnknownPathsInABrowser checks that a browser asking for a path that
// is no page gets the error page, while API clients, and API paths, keep
// getting problem+json.
func TestUnknownPathsInABrowser(t *testing.T) {
	s := storySite(t, web.Config{})
	for _, tc := range []struct {
		path, accept, wantType string
	}{
		{"/nothing/here", "text/html,application/xhtml+xml,*/*;q=0.8", "text/html; charset=utf-8"},
		{"/articles/", "text/html", "text/html; charset=utf-8"},
		{"/nothing/here", "*/*", "application/problem+json"},
		{"/nothing/here", "", "application/problem+json"},
		{"/v1/nothing", "text/html", "application/problem+json"},
	} {
		req, _ := http.NewRequest("GET", s.url+tc.path, nil)
		if tc.accept != "" {
			req.Header.Set("Accept", tc.accept)
		}
		p := s.do(t, req)
		if p.status != http.StatusNotFound || p.header.Get("Content-Type") != tc.wantType {
			t.Errorf("%s (Accept %q): got %d %s, want 404 %s", tc.path, tc.accept, p.status, p.header.Get("Content-Type"), tc.wantType)
			continue
		}
		if tc.wantType != "application/problem+json" {
			if !strings.Contains(p.body, "there is no page at "+tc.path) || p.header.Get("Content-Security-Policy") != web.ContentSecurityPolicy {
				t.Errorf("%s: the error page does not say there is no page there, or lacks the page headers: %s", tc.path, p.body)
			}
		}
	}
}

func TestViewsHaveTheirOwnURLs(t *testing.T) {
	s := storySite(t, web.Config{})
	s.put(t, "fire-downtown", "Fire downtown", "A fire broke out in a warehouse downtown. No-one was hurt.")
	for _, tc := range []struct {
		name, path string
		want       []string
	}{
		{"default is the latest against the one before", "/articles/council-budget",
			[]string{"Changes from revision 2 to revision 3", ` after long debate</ins>`, `class="diff view-inline"`}},
		{"any pair, side by side", "/articles/council-budget?from=1&to=3&view=side",
			[]string{"Changes from revision 1 to revision 3", `<table class="rl-side-by-side">`, `<th scope="col" class="rl-old">Revision 1`}},
		{"first revision against nothing", "/articles/council-budget?from=0&to=1&view=side", []string{"Revision 1, first version", "Before revision 1 (empty)"}},
		{"hidden unchanged paragraphs leave a marker", "/articles/council-budget?from=2&to=3&hide=1", []string{`<span class="rl-skip">`, `id="fold-note">Folded: `, `aria-current="page">Folded</a>`}},
		{"what's new since", "/articles/council-budget?since=1&summary=1", []string{"What’s new since revision 1", "property taxes"}},
		{"the summary panel alone", "/articles/council-budget/summary?since=1", []string{`<section class="summary" id="summary"`, "What’s new since revision 1", "property taxes"}},
		{"changed facts as badges", "/articles/council-budget?from=1&to=2", []string{`class="rl-fact"`, "· sentences: 2 edited · headline unchanged</p>", `<span class="fact-count">`}},
		{"changed facts beside their sentence", "/articles/council-budget?from=1&to=2&view=side", []string{`class="rl-fact"`}},
		{"word budget", "/articles/council-budget?unit=words&length=12&summary=1", []string{`<option value="words" selected>`}},
		{"the compare form keeps the view and the summary's length", "/articles/council-budget?view=side&hide=1&unit=words&length=12",
			[]string{`<input type="hidden" name="view" value="side"><input type="hidden" name="hide" value="1"><input type="hidden" name="unit" value="words"><input type="hidden" name="length" value="12">` + "\n" + `<ol class="timeline-list"`}},
		{"since the revision shown", "/articles/council-budget?to=2&since=2&summary=1",
			[]string{"No news since revision 2: no sentence was added"}},
		{"nothing new but a copy edit", "/articles/fire-downtown?since=1&summary=1",
			[]string{"No news since revision 1: no sentence was added, and no edit changed a fact or more than two words."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := s.get(t, tc.path)
			if p.status != http.StatusOK {
				t.Fatalf("status: got %d, want 200: %s", p.status, p.body)
			}
			for _, w := range tc.want {
				if !strings.Contains(p.body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

// tenWords is a paragraph of ten words as the diff counts them.
func tenWords(n int) string {
	return "Paragraph " + strconv.Itoa(n) + " has ten words in it as counted here."
}

// longStory puts an article of paragraphs paragraphs of ten words, whose
// second revision changes a number in the last but one.
func longStory(t *testing.T, s *site, id string, paragraphs int) {
	t.Helper()
	var paras []string
	for i := 1; i <= paragraphs; i++ {
		paras = append(paras, tenWords(i))
	}
	s.put(t, id, "Long story", strings.Join(paras, "\n\n"))
	paras[paragraphs-2] = "Paragraph " + strconv.Itoa(paragraphs-1) + " has eleven words in it as counted here."
	s.put(t, id, "Long story", strings.Join(paras, "\n\n"))
}

// TestLongUnchangedTextIsFolded checks the rule the README gives: without
// hide, a view folds when one marker would hide at least
// web.AutoFoldWords words, keeping a paragraph around each change; hide=0
// shows the whole text and hide=1 folds whatever can be, and every link and
// form of the view keeps that choice.
func TestLongUnchangedTextIsFolded(t *testing.T) {
	s := storySite(t, web.Config{})
	// The change is in the last but one paragraph: all paragraphs but the
	// one before it (context) are behind the one marker, and the last
	// paragraph is the context after it.
	at := web.AutoFoldWords / 10
	longStory(t, s, "long", at+3)  // at paragraphs, at×10 words, behind the marker
	longStory(t, s, "short", at+2) // ten words fewer
	longStory(t, s, "longer", 40)
	s.put(t, "one-para", "One paragraph", strings.Repeat("A long unchanged sentence stays here. ", 60)+"It cost 5 dollars.")
	s.put(t, "one-para", "One paragraph", strings.Repeat("A long unchanged sentence stays here. ", 60)+"It cost 6 dollars.")
	first := `<span class="rl-hidden" hidden>` + tenWords(1)
	for _, tc := range []struct {
		name, path string
		want, not  []string
	}{
		{"a long stretch folds by itself", "/articles/long",
			[]string{`<span class="rl-skip">` + strconv.Itoa(at) + ` unchanged paragraphs</span>`, first,
				`Folded: ` + strconv.Itoa(at*10) + ` unchanged words in 1 place, keeping a paragraph around each change.`,
				`<a href="/articles/long?from=1&amp;hide=0&amp;to=2&amp;view=inline#first-change">Show the whole text</a>`,
				`aria-current="page">Folded</a>`, tenWords(at+1) + "\n", "eleven"},
			nil},
		{"the views of a folded page leave the choice to the page", "/articles/long",
			[]string{`<a href="/articles/long?from=1&amp;to=2&amp;view=side">Side by side</a>`},
			[]string{`<input type="hidden" name="hide"`}},
		{"one marker short of the rule shows all", "/articles/short",
			[]string{tenWords(1) + "\n", `<a href="/articles/short?from=1&amp;hide=1&amp;to=2&amp;view=inline">Folded</a>`, `aria-current="page">Whole text</a>`},
			[]string{`class="rl-skip"`, `id="fold-note"`}},
		{"hide=0 shows the whole text", "/articles/longer?hide=0",
			[]string{tenWords(1) + "\n", `aria-current="page">Whole text</a>`, `<input type="hidden" name="hide" value="0">`,
				`<a href="/articles/longer?from=1&amp;hide=0&amp;to=2&amp;view=side">Side by side</a>`,
				`<a href="/articles/longer?from=1&amp;hide=0&amp;to=2&amp;view=inline">Revision 2</a>`},
			[]string{`class="rl-skip"`, `id="fold-note"`}},
		{"hide=1 folds a short article too", "/articles/short?hide=1",
			[]string{`<span class="rl-skip">`, "Folded: ", `<input type="hidden" name="hide" value="1">`},
			nil},
		{"side by side folds by sentences", "/articles/longer?view=side",
			[]string{`<tr class="rl-skip"><td colspan="2">37 unchanged sentences</td></tr>`, "keeping a sentence around each change."},
			nil},
		{"a short article is shown whole", "/articles/council-budget?from=2&to=3",
			[]string{"The council passed the budget on Tuesday by 6 votes to 3.\n", `aria-current="page">Whole text</a>`},
			[]string{`class="rl-skip"`, `id="fold-note"`}},
		{"nothing to fold, no choice to make", "/articles/one-para",
			[]string{"A long unchanged sentence stays here."},
			[]string{`id="toggle-unchanged"`, `class="rl-skip"`}},
		{"nothing to fold, hide=1 shows it all", "/articles/one-para?hide=1",
			[]string{"A long unchanged sentence stays here."},
			[]string{`id="toggle-unchanged"`, `class="rl-skip"`, `id="fold-note"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := s.get(t, tc.path)
			if p.status != http.StatusOK {
				t.Fatalf("status: got %d, want 200: %s", p.status, p.body)
			}
			for _, w := range tc.want {
				if !strings.Contains(p.body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(p.body, w) {
					t.Errorf("page has %q", w)
				}
			}
		})
	}
}

func TestListSearchesAndPages(t *testing.T) {
	s := storySite(t, web.Config{})
	p := s.get(t, "/?q=FIRE")
	if !strings.Contains(p.body, `href="/articles/fire-downtown"`) || strings.Contains(p.body, "council-budget") {
		t.Errorf("search for FIRE: got %s, want only fire-downtown", p.body)
	}
	for _, id := range []string{"council-budget", "fire-downtown"} {
		revs, err := s.store.Revisions(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		st := revs[len(revs)-1].Changes
		want := fmt.Sprintf(`aria-label="%d words added, %d removed"`, st.WordsAdded, st.WordsRemoved)
		if st.WordsAdded == 0 {
			t.Fatalf("%s: the store counts no words added in its last revision", id)
		}
		if row := rowOf(listBody(t, s), id); !strings.Contains(row, want) {
			t.Errorf("list row of %s: want the last change's bar %s: %s", id, want, row)
		}
	}
	first := s.get(t, "/?limit=1")
	if !strings.Contains(first.body, "fire-downtown") || !strings.Contains(first.body, `rel="next"`) {
		t.Fatalf("first page: want fire-downtown and a next link: %s", first.body)
	}
	next := first.body[strings.Index(first.body, `<a href="/?`)+len(`<a href="`):]
	next = strings.ReplaceAll(next[:strings.Index(next, `"`)], "&amp;", "&")
	second := s.get(t, next)
	if !strings.Contains(second.body, "council-budget") || strings.Contains(second.body, `rel="next"`) {
		t.Errorf("second page %s: want council-budget and no next link: %s", next, second.body)
	}
}

// listBody returns the HTML of the first page of the list.
func listBody(t *testing.T, s *site) string {
	t.Helper()
	return s.get(t, "/").body
}

// rowOf returns the list row that links to article id.
func rowOf(body, id string) string {
	i := strings.Index(body, `href="/articles/`+id+`"`)
	if i < 0 {
		return ""
	}
	end := strings.Index(body[i:], "</tr>")
	return body[i : i+end]
}

func TestArticleTextIsEscaped(t *testing.T) {
	s := startSite(t, web.Config{})
	s.put(t, "xss", `<script>alert(1)</script> title`, `Body <img src=x onerror=alert(2)>.`)
	s.put(t, "xss", `<script>alert(1)</script> title <svg onload=alert(3)>`, `Body <img src=x onerror=alert(2)>. <a href="javascript:alert(4)">link</a>`)
	// The error page links back to the article by its title, and the
	// summary panel on its way keeps its room with the body's own words.
	for _, path := range []string{"/", "/articles/xss", "/articles/xss?view=side", "/?q=%3Cscript%3E", "/articles/xss?from=2&to=1", "/articles/xss?unit=words&length=20&since=1"} {
		p := s.get(t, path)
		for _, raw := range []string{"<script>alert", "<img src=x", "<svg onload", `<a href="javascript:`} {
			if strings.Contains(p.body, raw) {
				t.Errorf("%s: page holds %q unescaped", path, raw)
			}
		}
		if !strings.Contains(p.body, "&lt;script&gt;alert(1)&lt;/script&gt; title") {
			t.Errorf("%s: the title is not shown escaped", path)
		}
		if strings.Contains(path, "length=20") && !strings.Contains(p.body, `<li><span>Body &lt;img src=x`) {
			t.Errorf("%s: the stand-ins of the summary on its way are not the body's words, escaped", path)
		}
	}
}

func TestTokenFormKeepsTheTokenInACookie(t *testing.T) {
	s := storySite(t, web.Config{Authorize: func(tok string) bool { return tok == "s3cret" }})
	asked := s.get(t, "/articles/council-budget?view=side")
	if asked.status != http.StatusUnauthorized || !strings.Contains(asked.body, `name="token"`) {
		t.Fatalf("without a token: got %d, want 401 with the form: %s", asked.status, asked.body)
	}
	if !strings.Contains(asked.body, `name="next" value="/articles/council-budget?view=side"`) {
		t.Errorf("form does not return to the page asked for: %s", asked.body)
	}
	wrong := s.postForm(t, "/session", url.Values{"token": {"guess"}, "next": {"/"}})
	if wrong.status != http.StatusUnauthorized || !strings.Contains(wrong.body, "not accepted") || wrong.header.Get("Set-Cookie") != "" {
		t.Fatalf("wrong token: got %d cookie %q, want 401, no cookie", wrong.status, wrong.header.Get("Set-Cookie"))
	}
	ok := s.postForm(t, "/session", url.Values{"token": {"s3cret"}, "next": {"/articles/council-budget?view=side"}})
	if ok.status != http.StatusSeeOther || ok.header.Get("Location") != "/articles/council-budget?view=side" {
		t.Fatalf("right token: got %d to %q, want 303 back to the page", ok.status, ok.header.Get("Location"))
	}
	cookie := ok.header.Get("Set-Cookie")
	for _, want := range []string{web.TokenCookie + "=s3cret", "HttpOnly", "SameSite=Strict", "path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %q", cookie, want)
		}
	}
	if strings.Contains(ok.header.Get("Location"), "s3cret") {
		t.Errorf("token leaked into the redirect %q", ok.header.Get("Location"))
	}
	in := s.get(t, "/articles/council-budget", &http.Cookie{Name: web.TokenCookie, Value: "s3cret"})
	if in.status != http.StatusOK {
		t.Errorf("with the cookie: got %d, want 200", in.status)
	}
	offsite := s.postForm(t, "/session", url.Values{"token": {"s3cret"}, "next": {"//evil.example/"}})
	if offsite.header.Get("Location") != "/" {
		t.Errorf("offsite next: got redirect to %q, want /", offsite.header.Get("Location"))
	}
}

// The page and the API keep their results in one store, so one budget
// bounds both: what the page computes is counted beside what the API does.
func TestPagesShareTheAPIsCache(t *testing.T) {
	cache := resultcache.New(1<<20, nil)
	s := storySite(t, web.Config{Cache: cache})
	if n := cache.Len(); n != 0 {
		t.Fatalf("before any read: %d entries, want none", n)
	}
	if p := s.get(t, "/articles/council-budget"); p.status != http.StatusOK {
		t.Fatalf("article page: %d", p.status)
	}
	page, pageBytes := cache.Len(), cache.Bytes()
	if page == 0 || pageBytes == 0 {
		t.Fatalf("after the page: %d entries of %d bytes, want its diff and summary kept", page, pageBytes)
	}
	if p := s.get(t, "/v1/articles/council-budget/diff?from=1&to=2"); p.status != http.StatusOK {
		t.Fatalf("API diff: %d %s", p.status, p.body)
	}
	if n, b := cache.Len(), cache.Bytes(); n <= page || b <= pageBytes || b > cache.Limit() {
		t.Fatalf("after the API's diff: %d entries of %d bytes, want more than the page's %d of %d, within %d", n, b, page, pageBytes, cache.Limit())
	}
}

// The page compares an older revision with a newer one only. A reversed
// pair, or a revision with itself, is refused with a message that says why
// and a link to the view meant, every other parameter kept; every error of
// an existing article links back to it.
func TestReversedPairLinksToItTheRightWayRound(t *testing.T) {
	s := storySite(t, web.Config{})
	for _, tc := range []struct {
		name, path, says, link, text string
	}{
		{"reversed", "/articles/council-budget?from=3&to=1&view=side&hide=1&unit=words&length=40&since=2",
			"revision 3 is the newer", "/articles/council-budget?from=1&amp;hide=1&amp;length=40&amp;since=2&amp;to=3&amp;unit=words&amp;view=side",
			"Compare revision 1 (old) with revision 3 (new)"},
		{"reversed with the default to", "/articles/council-budget?from=3&to=2", "must be an earlier revision than to (2)",
			"/articles/council-budget?from=2&amp;to=3&amp;view=inline", "Compare revision 2 (old) with revision 3 (new)"},
		{"the same revision", "/articles/council-budget?from=2&to=2", "both revision 2: there is nothing to compare",
			"/articles/council-budget?from=1&amp;to=2&amp;view=inline", "What changed in revision 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := s.get(t, tc.path)
			if p.status != http.StatusBadRequest {
				t.Fatalf("status: got %d, want 400: %s", p.status, p.body)
			}
			for _, want := range []string{tc.says, `<a href="` + tc.link + `">` + tc.text + `</a>`,
				`<a href="/articles/council-budget">The latest changes of “Council passes budget after long debate”</a>`} {
				if !strings.Contains(p.body, want) {
					t.Errorf("error page lacks %s:\n%s", want, p.body)
				}
			}
			link := strings.ReplaceAll(tc.link, "&amp;", "&")
			if next := s.get(t, link); next.status != http.StatusOK {
				t.Errorf("the link %s answers %d: %s", link, next.status, next.body)
			}
		})
	}
	// Another fault of the same view is told first; a missing article has
	// no article to link back to.
	if p := s.get(t, "/articles/council-budget?from=3&to=1&view=3d"); p.status != http.StatusBadRequest || !strings.Contains(p.body, "view must be inline or side") || strings.Contains(p.body, "Compare revision") {
		t.Errorf("a reversed pair with a bad view: got %d %s, want the view's error alone", p.status, p.body)
	}
	if p := s.get(t, "/articles/missing?from=3&to=1"); p.status != http.StatusNotFound || strings.Contains(p.body, "/articles/missing") {
		t.Errorf("a missing article: got %d %s, want 404 with no link to it", p.status, p.body)
	}
}

// An article of more revisions than the timeline lists can still be
// compared by number, any two of them, from a form.
func TestOlderRevisionsCanBeComparedByNumber(t *testing.T) {
	s := startSite(t, web.Config{})
	for i := range web.MaxTimeline + 5 {
		s.put(t, "long-story", "Long story", fmt.Sprintf("The count stood at %d this morning.", i+1))
	}
	p := s.get(t, "/articles/long-story?view=side&unit=words&length=20")
	for _, want := range []string{"5 older revisions not listed", `<form class="compare-numbers" method="get" action="/articles/long-story">`,
		`<input id="cmp-from" name="from" type="number" min="0" max="105" value="104" required>`,
		`<input type="hidden" name="view" value="side"><input type="hidden" name="unit" value="words"><input type="hidden" name="length" value="20">`} {
		if !strings.Contains(p.body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(p.body, `id="rev-5"`) || !strings.Contains(p.body, `id="rev-6"`) {
		t.Error("the timeline does not list the newest revisions only")
	}
	if old := s.get(t, "/articles/long-story?from=2&to=3&view=side"); old.status != http.StatusOK || !strings.Contains(old.body, "Changes from revision 2 to revision 3") {
		t.Errorf("a pair of unlisted revisions: got %d", old.status)
	}
	s.put(t, "short-story", "Short story", "One.")
	s.put(t, "short-story", "Short story", "Two.")
	if short := s.get(t, "/articles/short-story"); short.status != http.StatusOK || strings.Contains(short.body, "compare-numbers") {
		t.Error("an article whose revisions are all listed gets the form too")
	}
}

// The page and the API map errors to statuses with one function, so the
// same fault gets the same status on both.
func TestPageAndAPIAnswerAnErrorAlike(t *testing.T) {
	s := storySite(t, web.Config{})
	for _, tc := range []struct{ page, api string }{
		{"/articles/missing", "/v1/articles/missing"},
		{"/articles/bad%20id", "/v1/articles/bad%20id"},
		{"/articles/council-budget?to=9", "/v1/articles/council-budget/revisions/9"},
	} {
		page, api := s.get(t, tc.page), s.get(t, tc.api)
		if page.status != api.status || page.status < 400 {
			t.Errorf("%s answered %d, %s answered %d: want one error status", tc.page, page.status, tc.api, api.status)
		}
	}
}

// A first view does not wait for the summary: the page comes with the diff
// and a panel that names its own address, for the script to fetch, and a
// link that shows it without scripts. Once computed, the summary is cached
// and later views carry it at once.
func TestFirstViewLeavesTheSummaryToItsPanel(t *testing.T) {
	s := storySite(t, web.Config{})
	first := s.get(t, "/articles/council-budget?from=1&to=3")
	if first.status != http.StatusOK {
		t.Fatalf("article page: %d %s", first.status, first.body)
	}
	for _, want := range []string{`data-src="/articles/council-budget/summary?from=1&amp;to=3&amp;view=inline"`, `<div class="pending">`,
		`href="/articles/council-budget?from=1&amp;summary=1&amp;to=3&amp;view=inline#summary"`, `class="rl-diff" data-start="0"`,
		`<form class="length"`, `<form class="since"`} {
		if !strings.Contains(first.body, want) {
			t.Errorf("first view lacks %s", want)
		}
	}
	if strings.Contains(first.body, "data-summary-sentence") {
		t.Error("first view computed the summary")
	}
	// The script says the panel is busy once it fetches it: without
	// scripts, nothing is on its way.
	if strings.Contains(first.body, "aria-busy") {
		t.Error("first view says the panel is busy before any script fetches it")
	}
	// The room kept holds a stand-in for each sentence to come, made of
	// the text's words, hidden from screen readers; none for what's new
	// unless it is asked for.
	for _, tc := range []struct {
		path     string
		pending  int
		standIns int
	}{
		{"/articles/council-budget?from=1&to=3&length=2", 1, 2},
		{"/articles/council-budget?from=1&to=3&length=20", 1, 4}, // the text has 4 sentences
		{"/articles/council-budget?from=1&to=3&length=2&since=1", 2, 4},
		{"/articles/council-budget?from=1&to=3&unit=words&length=10", 1, 1},
	} {
		p := s.get(t, tc.path)
		if n := strings.Count(p.body, `<div class="pending">`); n != tc.pending {
			t.Errorf("%s: %d parts wait for the summary, want %d", tc.path, n, tc.pending)
		}
		if n := strings.Count(p.body, `<li><span>`); n != tc.standIns {
			t.Errorf("%s: %d stand-ins, want %d", tc.path, n, tc.standIns)
		}
		if !strings.Contains(p.body, `<ol class="summary-sentences" aria-hidden="true"><li><span>The council passed`) {
			t.Errorf("%s: the stand-ins are not the text's words, hidden from screen readers", tc.path)
		}
	}
	panel := s.get(t, "/articles/council-budget/summary?from=1&to=3&view=inline")
	if panel.status != http.StatusOK || !strings.HasPrefix(panel.body, `<section class="summary" id="summary"`) ||
		!strings.Contains(panel.body, "data-summary-sentence") || strings.Contains(panel.body, "data-src") || strings.Contains(panel.body, "<html") {
		t.Fatalf("summary panel: got %d %s, want the panel with its sentences alone", panel.status, panel.body)
	}
	if got := panel.header.Get("Content-Security-Policy"); got != web.ContentSecurityPolicy {
		t.Errorf("summary panel CSP: got %q", got)
	}
	again := s.get(t, "/articles/council-budget?from=1&to=3")
	if !strings.Contains(again.body, "data-summary-sentence") || strings.Contains(again.body, "data-src") {
		t.Error("a view after the summary was computed does not carry it")
	}
	noScript := s.get(t, "/articles/council-budget?from=2&to=3&unit=words&length=20&summary=1")
	if !strings.Contains(noScript.body, "data-summary-sentence") {
		t.Errorf("summary=1 does not compute the summary with the page: %s", noScript.body)
	}
	for _, bad := range []string{"/articles/council-budget/summary?to=9", "/articles/council-budget?summary=yes", "/articles/missing/summary"} {
		if p := s.get(t, bad); p.status < 400 {
			t.Errorf("%s: got %d, want an error", bad, p.status)
		}
	}
}

// unavailableStore is a store that cannot be reached.
type unavailableStore struct{ service.RevisionStore }

func (unavailableStore) Revisions(context.Context, string) ([]service.Revision, error) {
	return nil, service.Errorf(service.EUNAVAILABLE, "the store is busy; try again")
}

// A store that cannot be reached gets the API's 503 and its Retry-After.
func TestUnreachableStoreAsksToRetry(t *testing.T) {
	app := fiber.New()
	web.New(web.Config{Store: unavailableStore{}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Mount(app)
	resp, err := app.Test(httptest.NewRequest("GET", "/articles/council-budget", nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), "the store is busy") {
		t.Errorf("got %d, Retry-After %q: %s; want 503, a wait and the reason", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
}

// The page's "What's new" is the API's summary?since=N: a changed fact
// leads, and a copy edit that changes no fact is not news.
func TestWhatsNewLeavesOutCopyEdits(t *testing.T) {
	s := startSite(t, web.Config{})
	s.put(t, "storm", "Storm",
		"Rain flooded the valley on Monday night.\n\nIts residents were told to leave their homes.\n\nAt least 35 people died in the floods.")
	s.put(t, "storm", "Storm",
		"Rain flooded the valley on Monday night.\n\nIt's residents were told to leave their homes.\n\nAt least 50 people died in the floods.")
	p := s.get(t, "/articles/storm/summary?since=1&length=3")
	if p.status != http.StatusOK {
		t.Fatalf("status %d: %s", p.status, p.body)
	}
	_, news, ok := strings.Cut(p.body, "What’s new since revision 1")
	if !ok {
		t.Fatalf("no what's new section: %s", p.body)
	}
	news, _, _ = strings.Cut(news, "</ol>")
	if !strings.Contains(news, "At least 50 people died") {
		t.Errorf("what's new lacks the changed death toll: %s", news)
	}
	if strings.Contains(news, "residents") {
		t.Errorf("what's new shows a copy edit as news: %s", news)
	}
}
