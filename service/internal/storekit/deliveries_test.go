package storekit

import (
	"reflect"
	"testing"

	"github.com/redline-news/redline/service"
)

func TestDeliveries(t *testing.T) {
	ev := &service.Event{Seq: 7, Kind: service.EventRevision, ArticleID: "metro-1"}
	d := NewDeliveries(service.NewSubscriptionMatcher(), ev)
	for _, fs := range []service.StoredFilter{
		{ID: "b", Kinds: `[]`, Metadata: `{}`},
		{ID: "off", Kinds: `[]`, Metadata: `{}`, Disabled: true},
		{ID: "sport", Kinds: `[]`, ArticlePrefix: "sport-", Metadata: `{}`},
		{ID: "a", Kinds: `["revision"]`, ArticlePrefix: "metro-", Metadata: `{}`},
	} {
		if err := d.Offer(fs); err != nil {
			t.Fatal(err)
		}
	}
	var got []service.DeliveryJob
	for _, j := range d.jobs {
		got = append(got, j.Args.(service.DeliveryJob))
	}
	want := []service.DeliveryJob{{Seq: 7, SubscriptionID: "b"}, {Seq: 7, SubscriptionID: "a"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("jobs %v, want %v", got, want)
	}
	if err := d.Offer(service.StoredFilter{ID: "bad", Kinds: `[`, Metadata: `{}`}); err == nil {
		t.Fatal("a malformed filter was offered without an error")
	}
}
