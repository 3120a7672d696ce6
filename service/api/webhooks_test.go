package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/redline-news/redline/service/api"
	"github.com/redline-news/redline/service/auth"
	"github.com/redline-news/redline/service/webhook"
)

func TestWebhookSubscriptions(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{})
	r := s.do(t, "POST", "/v1/webhooks", `{"url":"https://hooks.example.com/r","kinds":["revision"],"article_prefix":"metro-","metadata":{"desk":"metro"}}`)
	wantStatus(t, r, http.StatusCreated)
	id, _ := r.body["id"].(string)
	if secret, _ := r.body["secret"].(string); !strings.HasPrefix(secret, "whsec_") || id == "" {
		t.Fatalf("create: got %s, want an id and a whsec_ secret", r.raw)
	}
	r = s.do(t, "GET", "/v1/webhooks/"+id, "")
	wantStatus(t, r, http.StatusOK)
	if _, ok := r.body["secret"]; ok || r.body["article_prefix"] != "metro-" {
		t.Fatalf("get: got %s, want the filter and no secret", r.raw)
	}
	r = s.do(t, "PATCH", "/v1/webhooks/"+id, `{"kinds":[],"disabled":true}`)
	wantStatus(t, r, http.StatusOK)
	if r.body["disabled"] != true || len(r.body["kinds"].([]any)) != 0 || r.body["url"] != "https://hooks.example.com/r" {
		t.Fatalf("patch: got %s, want disabled, every kind, the same url", r.raw)
	}
	r = s.do(t, "GET", "/v1/webhooks", "")
	if list, _ := r.body["webhooks"].([]any); len(list) != 1 {
		t.Fatalf("list: got %s, want one webhook", r.raw)
	}
	r = s.do(t, "GET", "/v1/webhooks/"+id+"/deliveries", "")
	if d, ok := r.body["deliveries"].([]any); !ok || len(d) != 0 {
		t.Fatalf("deliveries: got %s, want an empty list", r.raw)
	}
	wantStatus(t, s.do(t, "DELETE", "/v1/webhooks/"+id, ""), http.StatusNoContent)
	wantProblem(t, s.do(t, "GET", "/v1/webhooks/"+id, ""), http.StatusNotFound)
	wantProblem(t, s.do(t, "GET", "/v1/webhooks/"+id+"/deliveries", ""), http.StatusNotFound)
}

func TestWebhookSubscriptionsNeedAnAdminToken(t *testing.T) {
	const adminToken = "admin-token-0123456789"
	tok, err := auth.Parse(strings.NewReader("write " + writeToken + "\nadmin " + adminToken + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := startFeedServer(t, api.Config{Access: api.Access{Tokens: tok}})
	body := `{"url":"https://hooks.example.com/r"}`
	wantProblem(t, s.do(t, "POST", "/v1/webhooks", body), http.StatusUnauthorized)
	wantProblem(t, s.do(t, "POST", "/v1/webhooks", body, bearerOf(writeToken)...), http.StatusForbidden)
	wantProblem(t, s.do(t, "GET", "/v1/webhooks", "", bearerOf(writeToken)...), http.StatusForbidden)
	wantStatus(t, s.do(t, "POST", "/v1/webhooks", body, bearerOf(adminToken)...), http.StatusCreated)
	wantStatus(t, s.do(t, "GET", "/v1/webhooks", "", bearerOf(adminToken)...), http.StatusOK)
	wantStatus(t, s.do(t, "GET", "/v1/changes", "", bearerOf(writeToken)...), http.StatusOK)
}

func TestWebhookSubscriptionsRefuseBadInput(t *testing.T) {
	s, _ := startFeedServer(t, api.Config{})
	for name, body := range map[string]string{
		"no url":           `{}`,
		"relative url":     `{"url":"/hook"}`,
		"private target":   `{"url":"http://127.0.0.1:9/hook"}`,
		"metadata target":  `{"url":"http://169.254.169.254/latest"}`,
		"unknown kind":     `{"url":"https://hooks.example.com/","kinds":["updated"]}`,
		"bad prefix":       `{"url":"https://hooks.example.com/","article_prefix":"a/b"}`,
		"empty filter key": `{"url":"https://hooks.example.com/","metadata":{"":"x"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			wantProblem(t, s.do(t, "POST", "/v1/webhooks", body), http.StatusBadRequest)
		})
	}
	allowed, _ := startFeedServer(t, api.Config{Webhooks: api.WebhookOptions{AllowPrivate: true}})
	wantStatus(t, allowed.do(t, "POST", "/v1/webhooks", `{"url":"http://127.0.0.1:9/hook"}`), http.StatusCreated)
}

// TestWebhookPayloadSaysWhatChanged runs the worker with the server as its
// describer: the payload holds the diff stats and the what's-new summary
// that the API's own endpoints give.
func TestWebhookPayloadSaysWhatChanged(t *testing.T) {
	s, srv := startFeedServer(t, api.Config{Webhooks: api.WebhookOptions{AllowPrivate: true}})
	got := make(chan *http.Request, 10)
	bodies := make(chan []byte, 10)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- r
		bodies <- b
	}))
	defer recv.Close()
	w, err := webhook.Start(context.Background(), s.store.QueueDriver(), webhook.Config{Events: s.store, Describer: srv,
		AllowPrivate: true, PollInterval: 20 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("worker: %v", err)
	}
	defer w.Stop(context.Background())
	r := s.do(t, "POST", "/v1/webhooks", `{"url":"`+recv.URL+`","kinds":["revision"]}`)
	wantStatus(t, r, http.StatusCreated)
	secret := r.body["secret"].(string)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a", article("Storm", "Rain fell. Roads closed.")), http.StatusCreated)
	wantStatus(t, s.do(t, "PUT", "/v1/articles/a", article("Storm", "Rain fell. Roads closed. The mayor declared an emergency on Tuesday.")), http.StatusCreated)
	wh, _ := standardwebhooks.NewWebhook(secret)
	for range 2 { // deliveries run concurrently: either may come first
		req, body := receive(t, got, bodies)
		if err := wh.Verify(body, req.Header); err != nil {
			t.Fatalf("signature: %v", err)
		}
		var p webhook.Payload
		if err := json.Unmarshal(body, &p); err != nil || p.Data.Changes == nil {
			t.Fatalf("payload: %v: %s", err, body)
		}
		if p.Data.Event.Revision == 2 && (p.Data.Stats.WordsAdded != 7 || len(p.Data.WhatsNew) != 1 ||
			!strings.Contains(p.Data.WhatsNew[0], "emergency") || p.Data.Links.Diff != "/v1/articles/a/diff?from=1&to=2") {
			t.Fatalf("revision 2 payload: got %s, want 7 words added, the new sentence as what's new and the diff link", body)
		}
	}
	summary := s.do(t, "GET", "/v1/articles/a/summary?since=1", "")
	if sents := summary.body["sentences"].([]any); len(sents) != 1 {
		t.Fatalf("summary?since=1: got %s, want the one sentence the payload holds", summary.raw)
	}
}

func receive(t *testing.T, got chan *http.Request, bodies chan []byte) (*http.Request, []byte) {
	t.Helper()
	select {
	case r := <-got:
		return r, <-bodies
	case <-time.After(30 * time.Second):
		t.Fatalf("no delivery within 30s")
		return nil, nil
	}
}
