package service

import (
	"encoding/json"
	"fmt"
)

// EncodeFilters returns the JSON a store keeps of sub's filters: its kinds
// as an array and its metadata filter as an object, each empty ([] and {})
// rather than null when unset. DecodeFilters and SubscriptionMatcher read
// them back.
func EncodeFilters(sub *Subscription) (kinds, filter string, err error) {
	k, err := json.Marshal(nonNilKinds(sub.Kinds))
	if err != nil {
		return "", "", err
	}
	m := sub.Metadata
	if m == nil {
		m = map[string]string{}
	}
	f, err := json.Marshal(m)
	return string(k), string(f), err
}

func nonNilKinds(k []EventKind) []EventKind {
	if k == nil {
		return []EventKind{}
	}
	return k
}

// DecodeFilters sets sub's Kinds and Metadata from the JSON EncodeFilters
// wrote; an empty metadata filter becomes nil. Its errors name sub.ID.
func DecodeFilters(sub *Subscription, kinds, filter string) (err error) {
	if sub.Kinds, err = decodeKinds(sub.ID, kinds); err != nil {
		return err
	}
	sub.Metadata, err = decodeMetadataFilter(sub.ID, filter)
	return err
}

func decodeKinds(id, kinds string) ([]EventKind, error) {
	var k []EventKind
	if err := json.Unmarshal([]byte(kinds), &k); err != nil {
		return nil, fmt.Errorf("subscription %s kinds: %w", id, err)
	}
	return k, nil
}

func decodeMetadataFilter(id, filter string) (map[string]string, error) {
	var m map[string]string
	if err := json.Unmarshal([]byte(filter), &m); err != nil {
		return nil, fmt.Errorf("subscription %s filter: %w", id, err)
	}
	if len(m) == 0 {
		return nil, nil
	}
	return m, nil
}
