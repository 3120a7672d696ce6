package service_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/service"
)

// The stored JSON is what existing databases hold: it must not change.
func TestEncodeFilters(t *testing.T) {
	tests := []struct {
		name          string
		sub           service.Subscription
		kinds, filter string
	}{
		{"none", service.Subscription{}, `[]`, `{}`},
		{"empty", service.Subscription{Kinds: []service.EventKind{}, Metadata: map[string]string{}}, `[]`, `{}`},
		{"set", service.Subscription{Kinds: []service.EventKind{service.EventDeleted, service.EventRevision},
			Metadata: map[string]string{"z": "1", "desk": "metro <&>"}},
			`["deleted","revision"]`, `{"desk":"metro \u003c\u0026\u003e","z":"1"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			kinds, filter, err := service.EncodeFilters(&tc.sub)
			if err != nil || kinds != tc.kinds || filter != tc.filter {
				t.Fatalf("EncodeFilters = %s, %s, %v; want %s, %s", kinds, filter, err, tc.kinds, tc.filter)
			}
			got := service.Subscription{ID: "s"}
			if err := service.DecodeFilters(&got, kinds, filter); err != nil {
				t.Fatal(err)
			}
			wantKinds := tc.sub.Kinds
			if wantKinds == nil {
				wantKinds = []service.EventKind{}
			}
			wantMeta := tc.sub.Metadata
			if len(wantMeta) == 0 {
				wantMeta = nil
			}
			if !reflect.DeepEqual(got.Kinds, wantKinds) || !reflect.DeepEqual(got.Metadata, wantMeta) {
				t.Fatalf("DecodeFilters gave %#v, %#v; want %#v, %#v", got.Kinds, got.Metadata, wantKinds, wantMeta)
			}
		})
	}
}

func TestDecodeFiltersErrors(t *testing.T) {
	for _, tc := range []struct{ kinds, filter, want string }{
		{`[`, `{}`, "subscription s1 kinds: "},
		{`[]`, `["x"]`, "subscription s1 filter: "},
	} {
		sub := service.Subscription{ID: "s1"}
		err := service.DecodeFilters(&sub, tc.kinds, tc.filter)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("DecodeFilters(%s, %s) = %v, want an error starting %q", tc.kinds, tc.filter, err, tc.want)
		}
	}
}

func TestCheckSubscriptionRoom(t *testing.T) {
	if err := service.CheckSubscriptionRoom(service.MaxSubscriptions - 1); err != nil {
		t.Fatalf("one below the limit: %v", err)
	}
	err := service.CheckSubscriptionRoom(service.MaxSubscriptions)
	if service.ErrorCode(err) != service.ETOOLARGE || service.ErrorMessage(err) != "there are already 1000 subscriptions, the limit" {
		t.Fatalf("at the limit: %v", err)
	}
}
