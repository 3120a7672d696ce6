package webhook

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
)

// Changes is what a revision changed, as a newsletter needs it.
type Changes struct {
	// Stats compares the revision with the one before.
	Stats *diff.Stats `json:"stats,omitempty"`
	// Facts are the facts the revision changed, as the diff lists them.
	Facts json.RawMessage `json:"facts,omitempty"`
	// WhatsNew is the summary of what the revision added or edited, in the
	// sentences of GET /v1/articles/{id}/summary?since=.
	WhatsNew []string `json:"whats_new"`
}

// Describer tells what a stored revision changed. The HTTP API implements
// it with the diff and summary code (and caches) behind its own endpoints,
// so that a payload says what those endpoints say.
type Describer interface {
	DescribeRevision(ctx context.Context, articleID string, revision int) (*Changes, error)
}

// Payload is the body of a delivery, in the envelope Standard Webhooks
// recommends: a type, a timestamp and the data.
type Payload struct {
	Type      string    `json:"type"`
	Timestamp time.Time `json:"timestamp"`
	Data      Data      `json:"data"`
}

// Data is an event with what it changed and where to read more.
type Data struct {
	Event service.Event `json:"event"`
	*Changes
	Links Links `json:"links"`
}

// Links point at the revision and its diff in the HTTP API.
type Links struct {
	Article  string `json:"article"`
	Revision string `json:"revision,omitempty"`
	Diff     string `json:"diff,omitempty"`
}

// buildPayload encodes the delivery of ev. Its timestamp is the event's,
// so a retry sends the same bytes unless the article changed meanwhile.
func buildPayload(ctx context.Context, d Describer, baseURL string, ev *service.Event) ([]byte, error) {
	p := Payload{Type: "article." + string(ev.Kind), Timestamp: ev.CreatedAt, Data: Data{Event: *ev, Links: links(baseURL, ev)}}
	if ev.Kind == service.EventRevision && d != nil {
		changes, err := d.DescribeRevision(ctx, ev.ArticleID, ev.Revision)
		switch {
		case service.ErrorCode(err) == service.ENOTFOUND: // deleted since: the event alone
		case err != nil:
			return nil, fmt.Errorf("describe %s revision %d: %w", ev.ArticleID, ev.Revision, err)
		default:
			p.Data.Changes = changes
		}
	}
	return json.Marshal(p)
}

func links(baseURL string, ev *service.Event) Links {
	article := strings.TrimSuffix(baseURL, "/") + "/v1/articles/" + url.PathEscape(ev.ArticleID)
	l := Links{Article: article}
	if ev.Kind == service.EventRevision {
		l.Revision = fmt.Sprintf("%s/revisions/%d", article, ev.Revision)
		l.Diff = fmt.Sprintf("%s/diff?from=%d&to=%d", article, ev.Revision-1, ev.Revision)
	}
	return l
}
