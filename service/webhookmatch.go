package service

import (
	"encoding/json"
	"sync"
)

// SubscriptionMatcher picks the subscriptions that want an event, as a
// store does for every event it writes, inside the event's transaction. It
// reads each subscription's filters as stored (the JSON of its kinds and
// metadata filter), decoding each distinct JSON once and remembering it,
// so that a write costs a map lookup a subscription rather than two JSON
// decodings; and it decodes the event's metadata once, not once a
// subscription. It is safe for concurrent use.
type SubscriptionMatcher struct {
	mu      sync.Mutex
	kinds   map[string][]EventKind
	filters map[string]map[string]string
}

// maxMatcherEntries bounds what a SubscriptionMatcher remembers; past it,
// it forgets everything and starts again. Subscriptions are at most
// MaxSubscriptions, and most share their filters.
const maxMatcherEntries = 4 * MaxSubscriptions

// NewSubscriptionMatcher returns an empty SubscriptionMatcher.
func NewSubscriptionMatcher() *SubscriptionMatcher {
	return &SubscriptionMatcher{kinds: map[string][]EventKind{}, filters: map[string]map[string]string{}}
}

// StoredFilter is what matching needs of one subscription, as stored.
type StoredFilter struct {
	ID            string
	Kinds         string // JSON array of event kinds
	ArticlePrefix string
	Metadata      string // JSON object of metadata filters
	Disabled      bool
}

// Decode returns the subscription fs stands for, with only its id and
// filters set, as Subscription.Matches reads them. The slices and map it
// holds are shared and must not be changed.
func (m *SubscriptionMatcher) Decode(fs StoredFilter) (Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.kinds)+len(m.filters) > maxMatcherEntries {
		clear(m.kinds)
		clear(m.filters)
	}
	sub := Subscription{ID: fs.ID, ArticlePrefix: fs.ArticlePrefix, Disabled: fs.Disabled}
	var ok bool
	var err error
	if sub.Kinds, ok = m.kinds[fs.Kinds]; !ok {
		if sub.Kinds, err = decodeKinds(fs.ID, fs.Kinds); err != nil {
			return Subscription{}, err
		}
		m.kinds[fs.Kinds] = sub.Kinds
	}
	if sub.Metadata, ok = m.filters[fs.Metadata]; !ok {
		if sub.Metadata, err = decodeMetadataFilter(fs.ID, fs.Metadata); err != nil {
			return Subscription{}, err
		}
		m.filters[fs.Metadata] = sub.Metadata
	}
	return sub, nil
}

// Wants reports whether the subscription fs stands for wants the event of
// match. A disabled subscription wants nothing, whatever its filters say,
// and its filters are not decoded.
func (m *SubscriptionMatcher) Wants(match *EventMatch, fs StoredFilter) (bool, error) {
	if fs.Disabled {
		return false, nil
	}
	sub, err := m.Decode(fs)
	if err != nil {
		return false, err
	}
	return match.Wants(&sub), nil
}

// EventMatch answers, for one event, which subscriptions want it; the
// event's metadata is decoded on the first subscription that filters on
// it, and only then.
type EventMatch struct {
	ev      *Event
	meta    map[string]json.RawMessage
	decoded bool
	valid   bool
}

// NewEventMatch returns the matcher of ev.
func NewEventMatch(ev *Event) *EventMatch { return &EventMatch{ev: ev} }

// Wants reports whether s wants the event: Subscription.Matches.
func (m *EventMatch) Wants(s *Subscription) bool {
	ev := m.ev
	if !s.matchesKindAndPrefix(ev) {
		return false
	}
	if len(s.Metadata) == 0 {
		return true
	}
	if !m.decoded {
		m.decoded = true
		m.valid = json.Unmarshal(ev.Metadata, &m.meta) == nil
	}
	if !m.valid {
		return false
	}
	for k, want := range s.Metadata {
		if got, ok := m.meta[k]; !ok || metadataValue(got) != want {
			return false
		}
	}
	return true
}
