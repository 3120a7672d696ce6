package api_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/sqlite"
)

// startFeedServer is start with the change feed and webhooks served from
// the same SQLite store.
func startFeedServer(t *testing.T, cfg api.Config) (*testServer, *api.Server) {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "redline.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	cfg.Store, cfg.Events, cfg.Version = store, store, "test"
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := api.NewServer(cfg)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		store.Close()
	})
	return &testServer{url: "http://" + ln.Addr().String(), store: store}, srv
}

// changesPage is a decoded GET /v1/changes answer.
type changesPage struct {
	Events []struct {
		Seq          int64  `json:"seq"`
		Kind         string `json:"kind"`
		ArticleID    string `json:"article_id"`
		Revision     int    `json:"revision"`
		Title        string `json:"title"`
		WordsAdded   int    `json:"words_added"`
		WordsRemoved int    `json:"words_removed"`
	} `json:"events"`
	Next int64 `json:"next"`
}

func getChanges(t *testing.T, s *testServer, query string) changesPage {
	t.Helper()
	r := s.do(t, "GET", "/v1/changes"+query, "")
	wantStatus(t, r, http.StatusOK)
	var p changesPage
	if err := json.Unmarshal(r.raw, &p); err != nil {
		t.Fatalf("changes: %v: %s", err, r.raw)
	}
	return p
}

func TestChangesListsEventsOldestFirst(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{})
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a", article("A", "The river rose.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a", article("A2", "The river fell.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/b", article("B", "Body.")), http.StatusCreated)
	wantStatus(t, s.do(t, "DELETE", "/v1/articles/a", ""), http.StatusNoContent)
	p := getChanges(t, s, "")
	want := []string{"revision a 1", "revision a 2", "revision b 1", "deleted a 2"}
	if len(p.Events) != len(want) {
		t.Fatalf("events: got %d, want %d", len(p.Events), len(want))
	}
	for i, ev := range p.Events {
		if got := ev.Kind + " " + ev.ArticleID + " " + itoa(ev.Revision); got != want[i] {
			t.Fatalf("event %d: got %q, want %q", i, got, want[i])
		}
	}
	if p.Events[1].WordsAdded != 1 || p.Events[1].WordsRemoved != 1 || p.Next != p.Events[3].Seq {
		t.Fatalf("second event and next: got +%d -%d next %d, want +1 -1 next %d", p.Events[1].WordsAdded, p.Events[1].WordsRemoved, p.Next, p.Events[3].Seq)
	}
	page := getChanges(t, s, "?since="+itoa64(p.Events[0].Seq)+"&limit=2")
	if len(page.Events) != 2 || page.Events[0].Seq != p.Events[1].Seq || page.Next != p.Events[2].Seq {
		t.Fatalf("page: got %+v, want events 2 and 3", page)
	}
	if end := getChanges(t, s, "?since="+itoa64(p.Next)); len(end.Events) != 0 || end.Next != p.Next {
		t.Fatalf("after the last: got %+v, want no event and next %d", end, p.Next)
	}
}

func TestChangesRefusesBadParameters(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{})
	for _, q := range []string{"?wait=61s", "?wait=soon", "?wait=-1s", "?limit=0", "?limit=1001", "?since=-1"} {
		t.Run(q, func(t *testing.T) {
			wantProblem(t, s.do(t, "GET", "/v1/changes"+q, ""), http.StatusBadRequest)
		})
	}
	r := s.do(t, "GET", "/v1/changes", "", "Accept", "text/event-stream", "Last-Event-ID", "x")
	wantProblem(t, r, http.StatusBadRequest)
}

func TestLongPollAnswersOnTheNextEvent(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{})
	type answer struct {
		page changesPage
		took time.Duration
	}
	got := make(chan answer, 1)
	go func() {
		start := time.Now()
		p := getChanges(t, s, "?wait=30s")
		got <- answer{p, time.Since(start)}
	}()
	time.Sleep(300 * time.Millisecond) // let the poll start waiting; if it has not, it answers at once anyway
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a", article("A", "Body.")), http.StatusCreated)
	put := time.Now()
	a := <-got
	t.Logf("the long poll answered %v after the PUT's answer", time.Since(put))
	if len(a.page.Events) != 1 || a.page.Events[0].ArticleID != "a" {
		t.Fatalf("long poll: got %+v, want the new event", a.page)
	}
	// A poll that missed the event would have waited the whole 30 s.
	if a.took > 20*time.Second {
		t.Fatalf("long poll answered after %v, want it well before its 30s wait", a.took)
	}
}

func TestLongPollAnswersEmptyWhenTheWaitEnds(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{})
	start := time.Now()
	p := getChanges(t, s, "?since=7&wait=1s")
	if len(p.Events) != 0 || p.Next != 7 {
		t.Fatalf("empty long poll: got %+v, want no event and next 7", p)
	}
	if took := time.Since(start); took < time.Second {
		t.Fatalf("empty long poll answered after %v, want after its 1s wait", took)
	}
}

// sseClient reads a Server-Sent Events stream line by line.
type sseClient struct {
	resp  *http.Response
	lines chan string
}

func openStream(t *testing.T, s *testServer, lastEventID string) *sseClient {
	t.Helper()
	req, _ := http.NewRequest("GET", s.url+"/v1/changes", nil)
	req.Header.Set("Accept", "text/event-stream")
	if lastEventID != "" {
		req.Header.Set("Last-Event-ID", lastEventID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		resp.Body.Close()
		t.Fatalf("stream: got %d %s, want 200 text/event-stream", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	c := &sseClient{resp: resp, lines: make(chan string, 100)}
	go func() {
		defer close(c.lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return c
}

// next returns the next line that starts with prefix, skipping others.
func (c *sseClient) next(t *testing.T, prefix string) string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-c.lines:
			if !ok {
				t.Fatalf("stream ended before a line starting %q", prefix)
			}
			if strings.HasPrefix(line, prefix) {
				return line
			}
		case <-timeout:
			t.Fatalf("no line starting %q within 30s", prefix)
		}
	}
}

func TestStreamReplaysAfterLastEventIDAndBeats(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{Feed: api.FeedOptions{Heartbeat: 200 * time.Millisecond}})
	c := openStream(t, s, "")
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a", article("A", "One.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/b", article("B", "Two.")), http.StatusCreated)
	if got := c.next(t, "id:"); got != "id: 1" {
		t.Fatalf("first id: got %q, want id: 1", got)
	}
	if got := c.next(t, "data:"); !strings.Contains(got, `"article_id":"a"`) {
		t.Fatalf("first data: got %q, want article a", got)
	}
	if got := c.next(t, "id:"); got != "id: 2" {
		t.Fatalf("second id: got %q, want id: 2", got)
	}
	c.next(t, ": heartbeat")
	c.resp.Body.Close()
	again := openStream(t, s, "1")
	if got := again.next(t, "id:"); got != "id: 2" {
		t.Fatalf("replay after Last-Event-ID 1: got %q, want id: 2", got)
	}
}

// TestClosedStreamFreesItsSlot allows one stream: a second can open only
// once the first, closed by its client, has ended its goroutine.
func TestClosedStreamFreesItsSlot(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{Feed: api.FeedOptions{Heartbeat: 100 * time.Millisecond, MaxStreams: 1}})
	first := openStream(t, s, "")
	first.next(t, "retry:")
	r := s.do(t, "GET", "/v1/changes", "", "Accept", "text/event-stream")
	wantProblem(t, r, http.StatusServiceUnavailable)
	first.resp.Body.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		req, _ := http.NewRequest("GET", s.url+"/v1/changes", nil)
		req.Header.Set("Accept", "text/event-stream")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("stream: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the closed stream's slot was not freed within 30s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// TestShutdownEndsALongPoll: a long poll waiting for an event answers at
// once, with no event, when the server shuts down, so that shutdown is not
// held for the poll's wait (up to a minute) and does not run out of time.
func TestShutdownEndsALongPoll(t *testing.T) {
	entered := make(chan struct{}, 1)
	s, srv := startFeedServer(t, api.Config{Middleware: []fiber.Handler{func(c *fiber.Ctx) error {
		if c.Path() == "/v1/changes" {
			entered <- struct{}{}
		}
		return c.Next()
	}}})
	type answer struct {
		status int
		page   changesPage
		err    error
	}
	got := make(chan answer, 1)
	go func() {
		var a answer
		resp, err := http.Get(s.url + "/v1/changes?since=0&wait=60s")
		if a.err = err; err == nil {
			a.status, a.err = resp.StatusCode, json.NewDecoder(resp.Body).Decode(&a.page)
			resp.Body.Close()
		}
		got <- a
	}()
	select {
	case <-entered:
	case <-time.After(30 * time.Second):
		t.Fatal("the long poll never reached the server")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown with a long poll in flight: got %v, want nil", err)
	}
	if a := <-got; a.err != nil || a.status != http.StatusOK || len(a.page.Events) != 0 || a.page.Next != 0 {
		t.Fatalf("the long poll's answer: got %d %+v (%v), want 200 with no event and next 0", a.status, a.page, a.err)
	}
}
