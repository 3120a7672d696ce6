package service_test

import (
	"encoding/json"
	"testing"

	"github.com/redline-news/redline/service"
)

func TestSubscriptionMatcher(t *testing.T) {
	ev := func(id, meta string) *service.Event {
		e := &service.Event{Kind: service.EventRevision, ArticleID: id}
		if meta != "" {
			e.Metadata = json.RawMessage(meta)
		}
		return e
	}
	tests := []struct {
		name   string
		filter service.StoredFilter
		ev     *service.Event
		want   bool
	}{
		{"all", service.StoredFilter{Kinds: `[]`, Metadata: `{}`}, ev("a", ""), true},
		{"kind wanted", service.StoredFilter{Kinds: `["revision"]`, Metadata: `{}`}, ev("a", ""), true},
		{"kind not wanted", service.StoredFilter{Kinds: `["deleted"]`, Metadata: `{}`}, ev("a", ""), false},
		{"prefix", service.StoredFilter{Kinds: `[]`, ArticlePrefix: "metro-", Metadata: `{}`}, ev("metro-1", ""), true},
		{"other prefix", service.StoredFilter{Kinds: `[]`, ArticlePrefix: "metro-", Metadata: `{}`}, ev("sport-1", ""), false},
		{"metadata", service.StoredFilter{Kinds: `[]`, Metadata: `{"desk":"metro"}`}, ev("a", `{"desk":"metro","x":1}`), true},
		{"metadata number", service.StoredFilter{Kinds: `[]`, Metadata: `{"count":"3"}`}, ev("a", `{"count":3}`), true},
		{"metadata differs", service.StoredFilter{Kinds: `[]`, Metadata: `{"desk":"metro"}`}, ev("a", `{"desk":"sport"}`), false},
		{"metadata missing", service.StoredFilter{Kinds: `[]`, Metadata: `{"desk":"metro"}`}, ev("a", ""), false},
		{"disabled", service.StoredFilter{Kinds: `[]`, Metadata: `{}`, Disabled: true}, ev("a", ""), false},
	}
	m := service.NewSubscriptionMatcher()
	for round := range 2 { // the second round finds every filter decoded
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				sub, err := m.Decode(tc.filter)
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if got := service.NewEventMatch(tc.ev).Wants(&sub); got != tc.want {
					t.Errorf("round %d: Wants = %v, want %v", round, got, tc.want)
				}
				if got := sub.Matches(tc.ev); got != tc.want {
					t.Errorf("round %d: Matches = %v, want %v", round, got, tc.want)
				}
			})
		}
	}
	for _, bad := range []service.StoredFilter{{Kinds: `[`, Metadata: `{}`}, {Kinds: `[]`, Metadata: `{"desk":`}} {
		if _, err := m.Decode(bad); err == nil {
			t.Errorf("Decode(%+v): got no error, want one for malformed JSON", bad)
		}
	}
}

// TestEventMatchDecodesOnce matches one event against many subscriptions
// with metadata filters: its answers must not depend on the order.
func TestEventMatchDecodesOnce(t *testing.T) {
	m := service.NewSubscriptionMatcher()
	match := service.NewEventMatch(&service.Event{Kind: service.EventRevision, ArticleID: "a", Metadata: json.RawMessage(`{"desk":"metro"}`)})
	for k, tc := range []struct {
		filter string
		want   bool
	}{{`{"desk":"metro"}`, true}, {`{"desk":"sport"}`, false}, {`{}`, true}, {`{"desk":"metro"}`, true}} {
		sub, err := m.Decode(service.StoredFilter{Kinds: `[]`, Metadata: tc.filter})
		if err != nil {
			t.Fatal(err)
		}
		if got := match.Wants(&sub); got != tc.want {
			t.Errorf("subscription %d (%s): got %v, want %v", k, tc.filter, got, tc.want)
		}
	}
}

func TestSubscriptionMatcherWants(t *testing.T) {
	m := service.NewSubscriptionMatcher()
	match := service.NewEventMatch(&service.Event{Kind: service.EventRevision, ArticleID: "metro-1"})
	for _, tc := range []struct {
		name    string
		fs      service.StoredFilter
		want    bool
		wantErr bool
	}{
		{"wanted", service.StoredFilter{ID: "a", Kinds: `["revision"]`, ArticlePrefix: "metro-", Metadata: `{}`}, true, false},
		{"not wanted", service.StoredFilter{ID: "b", Kinds: `["deleted"]`, Metadata: `{}`}, false, false},
		{"disabled, not decoded", service.StoredFilter{ID: "c", Kinds: `[`, Metadata: `{`, Disabled: true}, false, false},
		{"malformed", service.StoredFilter{ID: "d", Kinds: `[`, Metadata: `{}`}, false, true},
	} {
		got, err := m.Wants(match, tc.fs)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("%s: Wants = %v, %v; want %v, error %v", tc.name, got, err, tc.want, tc.wantErr)
		}
	}
}
