package api_test

import (
	"net/http"
	"testing"
)

// developing is a story updated three times: a new death toll, then a
// one-word copy edit, then a correction notice.
var developing = []string{
	"Floods killed 5 people in the valley on Monday. Rescue teams searched the river banks. Its roads were closed by the police.",
	"Floods killed 12 people in the valley on Monday. Rescue teams searched the river banks. Its roads were closed by the police.",
	"Floods killed 12 people in the valley on Monday. Rescue teams searched the river banks. Its roads were shut by the police.",
	"Floods killed 12 people in the valley on Monday. Rescue teams searched the river banks. Its roads were shut by the police.\n\n" +
		"Correction: an earlier version of this story misnamed the river. It is the Severn, not the Wye.",
}

func TestWhatsNewLeadsWithTheNews(t *testing.T) {
	s := startServer(t, 0)
	for _, body := range developing {
		wantStatus(t, s.do(t, "PUT", "/v1/articles/dev", article("Floods", body)), http.StatusCreated)
	}
	tests := []struct {
		name, query string
		want        []string // why, or why/fact, of each sentence
	}{
		{"new toll", "since=1&revision=2", []string{"fact/number"}},
		{"copy edit is not news", "since=2&revision=3", nil},
		{"toll and copy edit", "since=1&revision=3&sentences=1", []string{"fact/number"}},
		{"correction whole", "since=3&revision=4", []string{"fact/correction", "added"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.do(t, "GET", "/v1/articles/dev/summary?"+tc.query, "")
			wantStatus(t, r, http.StatusOK)
			var got []string
			for _, raw := range r.body["sentences"].([]any) {
				sent := raw.(map[string]any)
				why := sent["why"].(string)
				if f, ok := sent["fact"].(string); ok {
					why += "/" + f
				}
				got = append(got, why)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v (%s), want %v", got, r.raw, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("sentence %d: got %s, want %s", i, got[i], tc.want[i])
				}
			}
		})
	}
}
