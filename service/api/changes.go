package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
	"github.com/danielgtaylor/huma/v2/negotiation"
	"github.com/gofiber/fiber/v2"

	"github.com/redline-news/redline/service"
)

// MaxWait bounds a long poll of the change feed.
const MaxWait = 60 * time.Second

// FeedOptions tune the change feed; zero values get defaults.
type FeedOptions struct {
	// Heartbeat is the longest a stream stays silent: a comment line is
	// sent then, which keeps proxies from closing it and shows a closed
	// client within that time. 15 s when zero.
	Heartbeat time.Duration
	// MaxStreams bounds the Server-Sent Events streams open at once.
	MaxStreams int
}

func (o FeedOptions) withDefaults() FeedOptions {
	if o.Heartbeat <= 0 {
		o.Heartbeat = 15 * time.Second
	}
	if o.MaxStreams <= 0 {
		o.MaxStreams = 1000
	}
	return o
}

// feed is the state of the open streams: how many, and a channel closed
// when the server shuts down, which ends them.
type feed struct {
	opts      FeedOptions
	streams   atomic.Int64
	closing   chan struct{}
	closeOnce sync.Once
}

func newFeed(opts FeedOptions) *feed {
	return &feed{opts: opts.withDefaults(), closing: make(chan struct{})}
}

func (f *feed) close() { f.closeOnce.Do(func() { close(f.closing) }) }

type changesInput struct {
	Since       int64  `query:"since" minimum:"0" doc:"List the events after this seq; 0 (the default) lists from the first."`
	Limit       int    `query:"limit" minimum:"1" maximum:"1000" doc:"At most this many events (default 100)."`
	Wait        string `query:"wait" doc:"Long poll: when no event follows since, wait up to this long (such as 30s, at most 60s) for one."`
	Accept      string `header:"Accept" doc:"text/event-stream streams the feed as Server-Sent Events."`
	LastEventID string `header:"Last-Event-ID" doc:"For a stream: the seq of the last event received, which a reconnecting client sends to resume after it."`
}

// ChangesBody is one page of the change feed.
type ChangesBody struct {
	Events []service.Event `json:"events" doc:"The events, oldest first."`
	Next   int64           `json:"next" doc:"The since of the next request: the last event's seq, or the request's since when there is none."`
}

func (s *Server) registerChanges() {
	if s.cfg.Events == nil {
		return
	}
	s.feed = newFeed(s.cfg.Feed)
	schema := s.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[ChangesBody](), true, "")
	huma.Register(s.api, huma.Operation{
		OperationID: "list-changes", Method: http.MethodGet, Path: "/v1/changes", Tags: []string{"changes"},
		Summary: "Follow every stored revision and deletion",
		Description: "Lists the events after `since`, oldest first. With `wait`, an empty answer waits for the next event. " +
			"With `Accept: text/event-stream`, streams the feed as Server-Sent Events whose `id` is the seq; a heartbeat comment is sent at least every 15 s.",
		Responses: map[string]*huma.Response{"200": {Description: "OK", Content: map[string]*huma.MediaType{
			"application/json": {Schema: schema}, "text/event-stream": {Schema: &huma.Schema{Type: "string"}},
		}}},
		Errors: []int{http.StatusBadRequest, http.StatusServiceUnavailable},
	}, s.changes)
}

func (s *Server) changes(ctx context.Context, in *changesInput) (*huma.StreamResponse, error) {
	wait, err := parseWait(in.Wait)
	if err != nil {
		return nil, err
	}
	limit := in.Limit
	if err := service.ValidateEventPage(in.Since, &limit); err != nil {
		return nil, err
	}
	if negotiation.SelectQValue(strings.ToLower(in.Accept), []string{"application/json", "text/event-stream"}) == "text/event-stream" {
		return s.stream(ctx, in, limit)
	}
	body, err := s.pollChanges(ctx, in.Since, limit, wait)
	if err != nil {
		return nil, err
	}
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		hctx.SetHeader("Content-Type", "application/json")
		_ = json.NewEncoder(hctx.BodyWriter()).Encode(body)
	}}, nil
}

func parseWait(raw string) (time.Duration, error) {
	if raw == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil {
		secs, serr := strconv.Atoi(raw)
		if serr != nil {
			return 0, newProblem(http.StatusBadRequest, fmt.Sprintf("wait %q must be a duration such as 30s", raw))
		}
		d = time.Duration(secs) * time.Second
	}
	if d < 0 || d > MaxWait {
		return 0, newProblem(http.StatusBadRequest, fmt.Sprintf("wait must be between 0s and %v", MaxWait))
	}
	return d, nil
}

// pollChanges returns the events after since, waiting up to wait for the
// first when there is none yet.
func (s *Server) pollChanges(ctx context.Context, since int64, limit int, wait time.Duration) (*ChangesBody, error) {
	events, err := s.cfg.Events.EventsSince(ctx, since, limit)
	if err != nil {
		return nil, err
	}
	if len(events) == 0 && wait > 0 {
		wctx, cancel := context.WithTimeout(ctx, wait)
		// Shutdown ends the wait as its end would: the client polls again,
		// of another replica or of the restarted process, and shutdown does
		// not wait up to a minute for each long poll.
		go func() {
			select {
			case <-s.feed.closing:
				cancel()
			case <-wctx.Done():
			}
		}()
		err := s.cfg.Events.WaitForEvents(wctx, since)
		cancel()
		if err == nil {
			events, err = s.cfg.Events.EventsSince(ctx, since, limit)
		}
		if err != nil && ctx.Err() == nil && wctx.Err() == nil {
			return nil, err
		}
	}
	body := &ChangesBody{Events: events, Next: since}
	if len(events) > 0 {
		body.Next = events[len(events)-1].Seq
	}
	return body, nil
}

// stream answers with Server-Sent Events through fasthttp's body stream
// writer, which sends each flush at once; the handler itself returns.
func (s *Server) stream(ctx context.Context, in *changesInput, limit int) (*huma.StreamResponse, error) {
	since := in.Since
	if in.LastEventID != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(in.LastEventID), 10, 64)
		if err != nil || n < 0 {
			return nil, newProblem(http.StatusBadRequest, "Last-Event-ID must be the seq of an event")
		}
		since = n
	}
	if s.feed.streams.Add(1) > int64(s.feed.opts.MaxStreams) {
		s.feed.streams.Add(-1)
		return nil, service.Errorf(service.EUNAVAILABLE, "%d streams are open, the limit; try again later", s.feed.opts.MaxStreams)
	}
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		c := humafiber.Unwrap(hctx)
		c.Set("Content-Type", "text/event-stream")
		c.Set("Cache-Control", "no-store")
		c.Set("X-Accel-Buffering", "no")
		st := &sseStream{s: s, since: since, limit: limit, conn: c.Context().Conn()}
		c.Context().SetBodyStreamWriter(st.run)
	}}, nil
}

// sseStream is one open stream. It outlives the request's handler, so it
// holds only copies and the connection.
type sseStream struct {
	s     *Server
	since int64
	limit int
	conn  net.Conn
}

// run writes events as they come, and a heartbeat when none came for a
// heartbeat interval, until a write fails (the client left) or the server
// shuts down.
func (st *sseStream) run(w *bufio.Writer) {
	defer st.s.feed.streams.Add(-1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-st.s.feed.closing:
			cancel()
		case <-ctx.Done():
		}
	}()
	if !st.write(w, "retry: 2000\n\n") {
		return
	}
	for ctx.Err() == nil {
		events, err := st.s.cfg.Events.EventsSince(ctx, st.since, st.limit)
		if err != nil {
			st.s.logger.Error("change stream", "error", err)
			return
		}
		if len(events) > 0 {
			if !st.writeEvents(w, events) {
				return
			}
			continue
		}
		if !st.waitOrBeat(ctx, w) {
			return
		}
	}
}

// waitOrBeat waits a heartbeat interval for an event, and sends the
// heartbeat when none came. It reports whether the stream is still open.
func (st *sseStream) waitOrBeat(ctx context.Context, w *bufio.Writer) bool {
	wctx, cancel := context.WithTimeout(ctx, st.s.feed.opts.Heartbeat)
	err := st.s.cfg.Events.WaitForEvents(wctx, st.since)
	cancel()
	switch {
	case ctx.Err() != nil:
		return false
	case err == nil:
		return true
	case wctx.Err() != nil:
		return st.write(w, ": heartbeat\n\n")
	default:
		st.s.logger.Error("change stream", "error", err)
		return false
	}
}

func (st *sseStream) writeEvents(w *bufio.Writer, events []service.Event) bool {
	var b strings.Builder
	for _, ev := range events {
		data, _ := json.Marshal(ev)
		fmt.Fprintf(&b, "id: %d\nevent: %s\ndata: %s\n\n", ev.Seq, ev.Kind, data)
	}
	st.since = events[len(events)-1].Seq
	return st.write(w, b.String())
}

// write sends text at once. Each write gets its own deadline: the server's
// write timeout is for whole responses, and a stream is not one.
func (st *sseStream) write(w *bufio.Writer, text string) bool {
	if st.conn != nil {
		_ = st.conn.SetWriteDeadline(time.Now().Add(st.s.feed.opts.Heartbeat + 10*time.Second))
	}
	if _, err := w.WriteString(text); err != nil {
		return false
	}
	return w.Flush() == nil
}

// closeFeed ends the open streams, so that shutdown need not wait for them.
func (s *Server) closeFeed() {
	if s.feed != nil {
		s.feed.close()
	}
}

// responseBytes is the response body's length for the access log. A
// streamed body (the change feed's) is not read: asking for its bytes would
// drain the stream before it is sent.
func responseBytes(c *fiber.Ctx) int {
	if c.Response().IsBodyStream() {
		return max(c.Response().Header.ContentLength(), 0)
	}
	return len(c.Response().Body())
}
