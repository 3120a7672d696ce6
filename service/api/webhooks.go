package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/auth"
	"github.com/redline-news/redline/service/webhook"
	"github.com/redline-news/redline/summarize"
)

// WebhookOptions tune the webhook subscriptions.
type WebhookOptions struct {
	// AllowPrivate accepts subscriptions to loopback and private addresses.
	AllowPrivate bool
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// WebhookBody is a subscription as the API shows it; the secret only in
// the answer that creates it.
type WebhookBody struct {
	ID             string            `json:"id"`
	URL            string            `json:"url"`
	Kinds          []string          `json:"kinds" doc:"The event kinds sent; empty: every kind."`
	ArticlePrefix  string            `json:"article_prefix,omitempty" doc:"Only events of articles whose id starts with this."`
	Metadata       map[string]string `json:"metadata,omitempty" doc:"Only events of articles whose metadata holds each of these values, such as {\"desk\":\"metro\"}."`
	Secret         string            `json:"secret,omitempty" doc:"The signing secret (whsec_…), shown once, when the webhook is created."`
	Disabled       bool              `json:"disabled"`
	DisabledReason string            `json:"disabled_reason,omitempty"`
	CreatedAt      time.Time         `json:"created_at"`
	UpdatedAt      time.Time         `json:"updated_at"`
}

// webhookFields are what a client sets on a subscription.
type webhookFields struct {
	URL           *string            `json:"url,omitempty" maxLength:"2048" doc:"Where deliveries are POSTed: an http or https URL."`
	Kinds         *[]string          `json:"kinds,omitempty" maxItems:"2" doc:"Event kinds to send: revision, deleted; empty or absent: every kind."`
	ArticlePrefix *string            `json:"article_prefix,omitempty" maxLength:"200" doc:"Send only events of articles whose id starts with this."`
	Metadata      *map[string]string `json:"metadata,omitempty" doc:"Send only events of articles whose metadata holds each of these values (at most 10), such as {\"desk\":\"metro\"}."`
	Disabled      *bool              `json:"disabled,omitempty" doc:"Pause (true) or resume (false) deliveries."`
}

type createWebhookInput struct {
	Body webhookFields
}

// WebhookIDParam is the {id} path parameter of the webhook routes.
type WebhookIDParam struct {
	ID string `path:"id" maxLength:"64" doc:"The webhook id."`
}

type patchWebhookInput struct {
	WebhookIDParam
	Body webhookFields
}

type deliveriesInput struct {
	WebhookIDParam
	Limit int `query:"limit" minimum:"1" maximum:"100" doc:"At most this many attempts, newest first (default 20)."`
}

type webhookOutput struct {
	Body WebhookBody
}

type webhookListOutput struct {
	Body struct {
		Webhooks []WebhookBody `json:"webhooks"`
	}
}

type deliveriesOutput struct {
	Body struct {
		Deliveries []service.DeliveryAttempt `json:"deliveries" doc:"The latest attempts, newest first."`
	}
}

func (s *Server) registerWebhooks() {
	if s.cfg.Events == nil {
		return
	}
	if s.cfg.Webhooks.Now == nil {
		s.cfg.Webhooks.Now = time.Now
	}
	// Subscriptions hold secrets and send data out: only admins manage them.
	s.app.Use("/v1/webhooks", s.Require(auth.Admin))
	tags := []string{"webhooks"}
	bad := []int{http.StatusBadRequest, http.StatusNotFound}
	huma.Register(s.api, huma.Operation{OperationID: "create-webhook", Method: http.MethodPost, Path: "/v1/webhooks", Tags: tags,
		Summary: "Subscribe a URL to the change feed", DefaultStatus: http.StatusCreated, MaxBodyBytes: 64 << 10,
		Description: "Events that match are POSTed to the URL, signed as Standard Webhooks v1 specifies with the secret in the answer, which is shown only here.",
		Errors:      []int{http.StatusBadRequest, http.StatusRequestEntityTooLarge}}, s.createWebhook)
	huma.Register(s.api, huma.Operation{OperationID: "list-webhooks", Method: http.MethodGet, Path: "/v1/webhooks", Tags: tags,
		Summary: "List the webhook subscriptions"}, s.listWebhooks)
	huma.Register(s.api, huma.Operation{OperationID: "get-webhook", Method: http.MethodGet, Path: "/v1/webhooks/{id}", Tags: tags,
		Summary: "Show a webhook subscription", Errors: bad}, s.getWebhook)
	huma.Register(s.api, huma.Operation{OperationID: "patch-webhook", Method: http.MethodPatch, Path: "/v1/webhooks/{id}", Tags: tags,
		Summary: "Change a webhook subscription", Description: "Fields left out keep their values; `disabled: false` resumes a webhook that a 410 answer disabled.",
		MaxBodyBytes: 64 << 10, Errors: bad}, s.patchWebhook)
	huma.Register(s.api, huma.Operation{OperationID: "delete-webhook", Method: http.MethodDelete, Path: "/v1/webhooks/{id}", Tags: tags,
		Summary: "Delete a webhook subscription", DefaultStatus: http.StatusNoContent, Errors: bad}, s.deleteWebhook)
	huma.Register(s.api, huma.Operation{OperationID: "list-deliveries", Method: http.MethodGet, Path: "/v1/webhooks/{id}/deliveries", Tags: tags,
		Summary: "Show a webhook's latest delivery attempts", Errors: bad}, s.listDeliveries)
}

func (s *Server) createWebhook(ctx context.Context, in *createWebhookInput) (*webhookOutput, error) {
	if in.Body.URL == nil {
		return nil, newProblem(http.StatusBadRequest, "url is required")
	}
	now := s.cfg.Webhooks.Now().UTC().Truncate(time.Microsecond)
	sub := &service.Subscription{ID: newWebhookID(), Secret: webhook.NewSecret(), CreatedAt: now, UpdatedAt: now}
	if err := s.applyWebhookFields(sub, in.Body); err != nil {
		return nil, err
	}
	if err := s.cfg.Events.CreateSubscription(ctx, sub); err != nil {
		return nil, err
	}
	body := webhookBody(sub)
	body.Secret = sub.Secret
	return &webhookOutput{Body: body}, nil
}

func newWebhookID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "wh_" + hex.EncodeToString(b[:])
}

// applyWebhookFields checks and copies the fields a client set.
func (s *Server) applyWebhookFields(sub *service.Subscription, f webhookFields) error {
	if f.URL != nil {
		if err := webhook.ValidateTarget(*f.URL, s.cfg.Webhooks.AllowPrivate); err != nil {
			return err
		}
		sub.URL = *f.URL
	}
	if f.Kinds != nil {
		kinds, err := parseKinds(*f.Kinds)
		if err != nil {
			return err
		}
		sub.Kinds = kinds
	}
	if f.ArticlePrefix != nil {
		if err := validatePrefix(*f.ArticlePrefix); err != nil {
			return err
		}
		sub.ArticlePrefix = *f.ArticlePrefix
	}
	if f.Metadata != nil {
		if err := validateFilter(*f.Metadata); err != nil {
			return err
		}
		sub.Metadata = *f.Metadata
	}
	if f.Disabled != nil {
		sub.Disabled, sub.DisabledReason = *f.Disabled, ""
		if *f.Disabled {
			sub.DisabledReason = "paused through the API"
		}
	}
	return nil
}

func parseKinds(raw []string) ([]service.EventKind, error) {
	var kinds []service.EventKind
	for _, k := range raw {
		kind := service.EventKind(k)
		if kind != service.EventRevision && kind != service.EventDeleted {
			return nil, service.Errorf(service.EINVALID, "kind %q is not one of revision, deleted", k)
		}
		kinds = append(kinds, kind)
	}
	return kinds, nil
}

func validatePrefix(p string) error {
	if p == "" {
		return nil
	}
	// A prefix is the start of an id, so it follows the id's rules (but
	// may be . or ..).
	if err := service.ValidateArticleID(strings.ReplaceAll(p, ".", "a")); err != nil {
		return service.Errorf(service.EINVALID, "article_prefix must be the start of an article id: %s", service.ErrorMessage(err))
	}
	return nil
}

func validateFilter(m map[string]string) error {
	if len(m) > service.MaxFilterPairs {
		return service.Errorf(service.EINVALID, "metadata filter has %d keys; the limit is %d", len(m), service.MaxFilterPairs)
	}
	for k, v := range m {
		if k == "" || len(k) > service.MaxFilterValueSize || len(v) > service.MaxFilterValueSize {
			return service.Errorf(service.EINVALID, "metadata filter keys must be 1 to %d bytes and values at most %d", service.MaxFilterValueSize, service.MaxFilterValueSize)
		}
	}
	return nil
}

func webhookBody(sub *service.Subscription) WebhookBody {
	kinds := make([]string, len(sub.Kinds))
	for i, k := range sub.Kinds {
		kinds[i] = string(k)
	}
	return WebhookBody{ID: sub.ID, URL: sub.URL, Kinds: kinds, ArticlePrefix: sub.ArticlePrefix, Metadata: sub.Metadata,
		Disabled: sub.Disabled, DisabledReason: sub.DisabledReason, CreatedAt: sub.CreatedAt, UpdatedAt: sub.UpdatedAt}
}

func (s *Server) listWebhooks(ctx context.Context, _ *struct{}) (*webhookListOutput, error) {
	subs, err := s.cfg.Events.Subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	out := &webhookListOutput{}
	out.Body.Webhooks = make([]WebhookBody, len(subs))
	for i := range subs {
		out.Body.Webhooks[i] = webhookBody(&subs[i])
	}
	return out, nil
}

func (s *Server) getWebhook(ctx context.Context, in *WebhookIDParam) (*webhookOutput, error) {
	sub, err := s.cfg.Events.Subscription(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	return &webhookOutput{Body: webhookBody(sub)}, nil
}

func (s *Server) patchWebhook(ctx context.Context, in *patchWebhookInput) (*webhookOutput, error) {
	sub, err := s.cfg.Events.Subscription(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	if err := s.applyWebhookFields(sub, in.Body); err != nil {
		return nil, err
	}
	sub.UpdatedAt = s.cfg.Webhooks.Now().UTC().Truncate(time.Microsecond)
	if err := s.cfg.Events.UpdateSubscription(ctx, sub); err != nil {
		return nil, err
	}
	return &webhookOutput{Body: webhookBody(sub)}, nil
}

func (s *Server) deleteWebhook(ctx context.Context, in *WebhookIDParam) (*struct{}, error) {
	if err := s.cfg.Events.DeleteSubscription(ctx, in.ID); err != nil {
		return nil, err
	}
	return nil, nil
}

func (s *Server) listDeliveries(ctx context.Context, in *deliveriesInput) (*deliveriesOutput, error) {
	limit := in.Limit
	if limit == 0 {
		limit = 20
	}
	attempts, err := s.cfg.Events.Attempts(ctx, in.ID, limit)
	if err != nil {
		return nil, err
	}
	out := &deliveriesOutput{}
	out.Body.Deliveries = attempts
	return out, nil
}

// DescribeRevision tells a webhook what revision n of an article changed:
// the diff stats and the "what's new" summary that GET
// /v1/articles/{id}/diff and /summary?since= answer, from the same caches.
func (s *Server) DescribeRevision(ctx context.Context, id string, n int) (*webhook.Changes, error) {
	from, toMeta, err := s.metaPair(ctx, id, strconv.Itoa(n-1), n)
	if err != nil {
		return nil, err
	}
	res, err := s.lazyDiff(ctx, "rev:"+from.ContentHash+":"+toMeta.ContentHash, func() (texts, error) {
		return s.loadPair(ctx, id, from.Number, toMeta.Number)
	})
	if err != nil {
		return nil, err
	}
	to, err := s.store.RevisionByNumber(ctx, id, n)
	if err != nil {
		return nil, err
	}
	changes := &webhook.Changes{Stats: &res.body.Stats, WhatsNew: []string{}}
	if changes.Facts, err = json.Marshal(res.body.Facts); err != nil {
		return nil, err
	}
	sum, err := s.whatsNew(ctx, to)
	var p *Problem
	switch {
	case errors.As(err, &p) && p.Status < 500: // no sentence to summarize: no summary
	case err != nil:
		return nil, err
	default:
		changes.WhatsNew = sum
	}
	return changes, nil
}

// whatsNew is the default summary (three sentences) of what revision to
// added or edited; of the whole text for a first revision.
func (s *Server) whatsNew(ctx context.Context, to *service.Revision) ([]string, error) {
	var opts SummaryOptions
	in := &articleSummaryInput{ArticleIDParam: ArticleIDParam{ID: to.ArticleID}, SummaryOptions: opts, Since: to.Number - 1}
	compute := func() (*summarize.Summary, error) {
		if to.Number == 1 {
			return s.summary(ctx, "rev:"+to.ContentHash, to.Body, opts)
		}
		return s.summarySince(ctx, in, to)
	}
	sum, err := compute()
	if err != nil {
		return nil, fmt.Errorf("what's new in %s revision %d: %w", to.ArticleID, to.Number, err)
	}
	texts := make([]string, len(sum.Sentences))
	for i, sent := range sum.Sentences {
		texts[i] = sent.Text
	}
	return texts, nil
}
