package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// repeatReader is an endless stream of one byte, so that huge bodies need
// no memory in the test.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

type badInput struct {
	name, method, path string
	body               string
	size               int64 // when set, a body of this many bytes of x
	headers            []string
	status             int
	detail             string // the problem's detail (or errors) must name this
}

func sentences(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("Word. ")
	}
	return b.String()
}

func jsonText(field, text string) string {
	b, _ := json.Marshal(map[string]string{field: text})
	return string(b)
}

func diffOf(old, new string) string {
	b, _ := json.Marshal(map[string]string{"old": old, "new": new})
	return string(b)
}

// badInputs is the matrix: every route, every kind of malformed input.
// Extreme but valid texts are in validExtremes.
func badInputs() []badInput {
	put := func(name, body string, status int, detail string, headers ...string) badInput {
		return badInput{name: "PUT " + name, method: "PUT", path: "/v1/articles/new", body: body, headers: headers, status: status, detail: detail}
	}
	get := func(name, path string, status int, detail string) badInput {
		return badInput{name: "GET " + name, method: "GET", path: path, status: status, detail: detail}
	}
	post := func(name, path, body string, status int, detail string) badInput {
		return badInput{name: "POST " + path + " " + name, method: "POST", path: path, body: body, status: status, detail: detail}
	}
	return []badInput{
		put("malformed JSON", `{"title":`, 400, "JSON"),
		put("not an object", `["T","B"]`, 400, "object"),
		put("null document", `null`, 400, "object"),
		put("wrong type", `{"title":1,"body":"B."}`, 400, "title"),
		put("null title", `{"title":null,"body":"B."}`, 400, "title"),
		put("out of range number", `{"title":"T","body":"B.","base_revision":1e400}`, 400, "base_revision"),
		put("fractional revision", `{"title":"T","body":"B.","base_revision":1.5}`, 400, "base_revision"),
		put("negative revision", `{"title":"T","body":"B.","base_revision":-1}`, 400, "base_revision"),
		put("unknown field", `{"title":"T","body":"B.","author":"x"}`, 400, "author"),
		put("metadata not an object", `{"title":"T","body":"B.","metadata":[1]}`, 400, "metadata"),
		put("metadata over the limit", `{"title":"T","body":"B.","metadata":{"a":"`+strings.Repeat("m", 17<<10)+`"}}`, 400, "metadata is"),
		put("empty body", ``, 400, "body"),
		{name: "PUT 10 MB body", method: "PUT", path: "/v1/articles/new", size: 10 << 20, status: 413, detail: "limit"},
		{name: "PUT 100 MB body", method: "PUT", path: "/v1/articles/new", size: 100 << 20, status: 413, detail: "limit"},
		put("invalid UTF-8", "{\"title\":\"T\",\"body\":\"\xff\"}", 400, "UTF-8"),
		put("lone surrogate", `{"title":"T","body":"\udc00"}`, 400, "UTF-8"),
		put("NUL in body", `{"title":"T","body":"a\u0000b"}`, 400, "control"),
		put("escape in body", `{"title":"T","body":"a\u001bb"}`, 400, "control"),
		put("zero-width-only body", `{"title":"T","body":"\u200b\u200c\u2060 \ufeff"}`, 400, "visible"),
		put("white-space title", `{"title":" \u00a0 ","body":"B."}`, 400, "title"),
		put("bidi override in title", `{"title":"invoice \u202egnp.exe","body":"B."}`, 400, "bidirectional"),
		put("title over the limit", article(strings.Repeat("t", 1001), "B."), 400, "title"),
		put("body over the text limit", article("T", strings.Repeat("b", 1<<20+1)), 413, "limit"),
		put("bad url", `{"title":"T","body":"B.","url":"javascript:alert(1)"}`, 400, "url"),
		put("garbage If-Match", article("T", "B."), 400, "If-Match", "If-Match", "garbage"),
		put("garbage If-None-Match", article("T", "B."), 400, "If-None-Match", "If-None-Match", `"3"`),
		put("wrong content type", article("T", "B."), 415, "Content-Type", "Content-Type", "text/plain"),
		put("form content type", "title=T&body=B", 415, "Content-Type", "Content-Type", "application/x-www-form-urlencoded"),
		{name: "PUT overlong id", method: "PUT", path: "/v1/articles/" + strings.Repeat("x", 201), body: article("T", "B."), status: 400, detail: "id"},
		{name: "PUT dot-dot id", method: "PUT", path: "/v1/articles/%2E%2E", body: article("T", "B."), status: 400, detail: "id"},
		{name: "PUT escaped slash id", method: "PUT", path: "/v1/articles/a%2Fb", body: article("T", "B."), status: 404, detail: "no route"},
		{name: "PUT unicode id", method: "PUT", path: "/v1/articles/caf%C3%A9", body: article("T", "B."), status: 400, detail: "id"},
		{name: "PUT space id", method: "PUT", path: "/v1/articles/a%20b", body: article("T", "B."), status: 400, detail: "id"},
		{name: "unknown method", method: "BREW", path: "/v1/articles/seed", status: 405, detail: "method"},
		{name: "PATCH", method: "PATCH", path: "/v1/articles/seed", body: article("T", "B."), status: 405, detail: "PATCH"},
		{name: "20 KiB header", method: "GET", path: "/v1/articles/seed", headers: []string{"X-Padding", strings.Repeat("p", 20<<10)}, status: 431, detail: "limit"},
		{name: "DELETE unicode id", method: "DELETE", path: "/v1/articles/%E2%80%AE", status: 400, detail: "id"},
		{name: "DELETE missing", method: "DELETE", path: "/v1/articles/missing", status: 404, detail: "missing"},

		get("bad limit", "/v1/articles?limit=abc", 400, "limit"),
		get("huge limit", "/v1/articles?limit=1e400", 400, "limit"),
		get("negative limit", "/v1/articles?limit=-1", 400, "limit"),
		get("garbage cursor", "/v1/articles?cursor=%00%01", 400, "cursor"),
		get("overlong cursor", "/v1/articles?cursor="+strings.Repeat("c", 600), 400, "cursor"),
		get("missing article", "/v1/articles/missing", 404, "missing"),
		get("overlong id", "/v1/articles/"+strings.Repeat("x", 201), 400, "id"),
		get("revisions of unicode id", "/v1/articles/%F0%9F%98%80/revisions", 400, "id"),
		get("revision zero", "/v1/articles/seed/revisions/0", 400, "n"),
		get("revision out of range", "/v1/articles/seed/revisions/99999999999999999999", 400, "n"),
		get("revision not a number", "/v1/articles/seed/revisions/1.5", 400, "n"),
		get("missing revision", "/v1/articles/seed/revisions/99", 404, "99"),
		get("garbage If-None-Match", "/v1/articles/seed", 200, ""),

		get("summary sentences zero", "/v1/articles/seed/summary?sentences=0", 400, "sentences"),
		get("summary ratio over one", "/v1/articles/seed/summary?ratio=2", 400, "ratio"),
		get("summary ratio not a number", "/v1/articles/seed/summary?ratio=abc", 400, "ratio"),
		get("summary ratio NaN", "/v1/articles/seed/summary?ratio=NaN", 400, "ratio"),
		get("summary words negative", "/v1/articles/seed/summary?words=-1", 400, "words"),
		get("summary two lengths", "/v1/articles/seed/summary?words=5&sentences=2", 400, "one of"),
		get("summary unknown algorithm", "/v1/articles/seed/summary?algorithm=magic", 400, "algorithm"),
		get("summary unknown language", "/v1/articles/seed/summary?language=xx", 400, "language"),
		get("summary unknown format", "/v1/articles/seed/summary?format=pdf", 400, "format"),
		get("summary since after revision", "/v1/articles/seed/summary?since=5", 400, "since"),
		get("summary missing revision", "/v1/articles/seed/summary?revision=99", 404, "99"),
		get("summary unacceptable", "/v1/articles/seed/summary?x=1", 200, ""),

		get("diff from not a number", "/v1/articles/seed/diff?from=abc", 400, "from"),
		get("diff to zero", "/v1/articles/seed/diff?to=0", 400, "to"),
		get("diff missing from", "/v1/articles/seed/diff?from=99", 404, "99"),
		get("diff bad context", "/v1/articles/seed/diff?format=html&context=-1", 400, "context"),
		get("diff missing article", "/v1/articles/missing/diff", 404, "missing"),

		post("malformed JSON", "/v1/summarize", `{"text":`, 400, "JSON"),
		post("null text", "/v1/summarize", `{"text":null}`, 400, "text"),
		post("wrong type", "/v1/summarize", `{"text":42}`, 400, "text"),
		post("ratio out of range", "/v1/summarize", `{"text":"A. B.","ratio":1e400}`, 400, "ratio"),
		post("fractional sentences", "/v1/summarize", `{"text":"A. B.","sentences":1.5}`, 400, "sentences"),
		post("unknown field", "/v1/summarize", `{"text":"A. B.","style":"short"}`, 400, "style"),
		post("empty text", "/v1/summarize", `{"text":""}`, 400, "text"),
		post("zero-width-only text", "/v1/summarize", `{"text":"\u200b\u200b"}`, 400, "visible"),
		post("text over the limit", "/v1/summarize", jsonText("text", strings.Repeat("a", 1<<20+1)), 400, "limit"),
		post("NUL only", "/v1/summarize", `{"text":"\u0000"}`, 400, "control"),
		{name: "POST /v1/summarize 10 MB body", method: "POST", path: "/v1/summarize", size: 10 << 20, status: 413, detail: "limit"},
		post("malformed JSON", "/v1/diff", `{"old":"a","new":`, 400, "JSON"),
		post("missing new", "/v1/diff", `{"old":"a"}`, 400, "new"),
		post("null old", "/v1/diff", `{"old":null,"new":"b"}`, 400, "old"),
		post("wrong type", "/v1/diff", `{"old":[],"new":"b"}`, 400, "old"),
		post("old over the limit", "/v1/diff", diffOf(strings.Repeat("a", 1<<20+1), "b"), 400, "limit"),
		post("unknown format", "/v1/diff", `{"old":"a","new":"b","format":"pdf"}`, 400, "format"),
		{name: "POST /v1/diff 100 MB body", method: "POST", path: "/v1/diff", size: 100 << 20, status: 413, detail: "limit"},
		{name: "POST /v1/diff no content type", method: "POST", path: "/v1/diff", body: diffOf("a", "b"), headers: []string{"Content-Type", ""}, status: 415, detail: "Content-Type"},
	}
}

// validExtremes are texts at the edges that must be answered, not failed.
func validExtremes() []badInput {
	oneSentence := strings.Repeat("word ", 200_000) // a 1 MB sentence
	many := sentences(50_000)
	world := "Émoji 😀👩‍👩‍👧 and עברית مرحبا بالعالم and 中文句子。日本語の文。"
	return []badInput{
		{name: "summarize a 1 MB sentence", method: "POST", path: "/v1/summarize", body: jsonText("text", oneSentence), status: 200},
		{name: "summarize 50,000 one-word sentences", method: "POST", path: "/v1/summarize", body: jsonText("text", many), status: 200},
		{name: "summarize 50,000 one-word sentences, all of them", method: "POST", path: "/v1/summarize", body: `{"ratio":1,` + jsonText("text", many)[1:], status: 200},
		{name: "summarize emoji, RTL and CJK", method: "POST", path: "/v1/summarize", body: jsonText("text", world+" "+world), status: 200},
		{name: "diff a 1 MB sentence", method: "POST", path: "/v1/diff", body: diffOf(oneSentence, oneSentence+"more"), status: 200},
		{name: "diff 50,000 sentences", method: "POST", path: "/v1/diff", body: diffOf(many, many[:len(many)/2]), status: 200},
		{name: "diff emoji, RTL and CJK", method: "POST", path: "/v1/diff", body: diffOf(world, strings.ToUpper(world)), status: 200},
		{name: "store emoji, RTL and CJK", method: "PUT", path: "/v1/articles/world", body: article(world, world), status: 201},
	}
}

func (s *testServer) send(t *testing.T, tc badInput) response {
	t.Helper()
	var body io.Reader = strings.NewReader(tc.body)
	if tc.size > 0 {
		body = io.LimitReader(repeatReader('x'), tc.size)
	}
	req, err := http.NewRequest(tc.method, s.url+tc.path, body)
	if err != nil {
		t.Fatalf("request: %v", err)
	}
	if tc.size > 0 {
		req.ContentLength = tc.size
	}
	if tc.body != "" || tc.size > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(tc.headers); i += 2 {
		req.Header.Set(tc.headers[i], tc.headers[i+1])
	}
	client := &http.Client{Timeout: 60 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", tc.method, tc.path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, header: resp.Header, raw: raw}
	if strings.Contains(resp.Header.Get("Content-Type"), "json") && bytes.HasPrefix(raw, []byte("{")) {
		r.body = decodeObject(t, raw)
	}
	return r
}

// snapshot is everything stored, to show that bad input changed nothing.
func (s *testServer) snapshot(t *testing.T) string {
	t.Helper()
	list := s.do(t, "GET", "/v1/articles?limit=500", "")
	revs := s.do(t, "GET", "/v1/articles/seed/revisions", "")
	latest := s.do(t, "GET", "/v1/articles/seed", "")
	return fmt.Sprintf("%s\n%s\n%s", list.raw, revs.raw, latest.raw)
}

func TestBadInputMatrix(t *testing.T) {
	s := startServer(t, 0)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/seed", article("Seed", "The first version. It has two sentences.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/seed", article("Seed", "The second version. It has two sentences.")), http.StatusCreated)
	before := s.snapshot(t)
	for _, tc := range badInputs() {
		t.Run(tc.name, func(t *testing.T) {
			r := s.send(t, tc)
			if r.status >= 500 {
				t.Fatalf("got %d, want no 5xx: %s", r.status, r.raw)
			}
			if tc.status < 400 {
				wantStatus(t, r, tc.status)
			} else {
				wantProblem(t, r, tc.status)
				if detail := string(r.raw); !strings.Contains(strings.ToLower(detail), strings.ToLower(tc.detail)) {
					t.Fatalf("problem: got %s, want it to name %q", r.raw, tc.detail)
				}
			}
			wantStatus(t, s.do(t, "GET", "/livez", ""), http.StatusOK)
		})
	}
	if after := s.snapshot(t); after != before {
		t.Fatalf("stored data changed:\nbefore %s\nafter  %s", before, after)
	}
	for _, tc := range validExtremes() {
		t.Run(tc.name, func(t *testing.T) {
			wantStatus(t, s.send(t, tc), tc.status)
		})
	}
}
