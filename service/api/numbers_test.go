package api

import (
	"strings"
	"testing"
)

// checkNumbersSlow is checkNumbers without its fast path.
func checkNumbersSlow(body []byte) error {
	return checkNumbersWalk(body)
}

// TestMayOverflowMissesNoBadNumber checks that the fast path of
// checkNumbers only skips bodies whose every number is in range: whenever
// the token walk refuses a body, mayOverflow must have flagged it.
func TestMayOverflowMissesNoBadNumber(t *testing.T) {
	bodies := []string{
		`{"n": 1e400}`, `{"n": -1E400}`, `{"n": 1.5e+309}`, `{"n": 2.e999}`,
		`{"n": 1e-400}`, `{"a": [1, 2, {"b": 9e99999}]}`,
		`{"n": ` + "1" + strings.Repeat("0", 400) + `}`,
		`{"n": ` + "1" + strings.Repeat("0", 400) + `.5}`,
		`{"s": "1e400", "n": 3}`, `{"s": "a \"quoted\" 1e400 \\", "n": 1e400}`,
		`{"title": "true", "ok": true, "no": false, "none": null, "n": 12.5}`,
		`{"s": "` + strings.Repeat("9", 500) + `"}`,
		`[1e5, 2E-3, 0.5]`, `{"n": 1e308}`, `{"n": 0.` + strings.Repeat("0", 400) + `1}`,
	}
	for _, b := range bodies {
		slow := checkNumbersSlow([]byte(b))
		if slow != nil && !mayOverflow([]byte(b)) {
			t.Errorf("%.60s: the walk refuses it (%v) but the fast path would skip it", b, slow)
		}
		if got := checkNumbers([]byte(b)); (got == nil) != (slow == nil) {
			t.Errorf("%.60s: checkNumbers = %v, the walk = %v", b, got, slow)
		}
	}
	for _, b := range []string{`{"title": "T", "body": "The river rose 2 metres.\n\nUpdate 7."}`, `{"n": 12.5, "s": "1e400"}`} {
		if mayOverflow([]byte(b)) {
			t.Errorf("%s: flagged, though no number in it can be out of range", b)
		}
	}
}
