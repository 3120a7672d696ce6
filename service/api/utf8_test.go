package api

import "testing"

func TestCheckEscapes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"plain", `{"a":"hello"}`, true},
		{"bmp escape", `{"a":"caf\u00e9"}`, true},
		{"surrogate pair", `{"a":"\ud83d\ude00"}`, true},
		{"upper-case pair", `{"a":"\uD83D\uDE00 ok"}`, true},
		{"escaped backslash before u", `{"a":"\\ud800"}`, true},
		{"lone high", `{"a":"x\ud800"}`, false},
		{"lone high then text", `{"a":"\ud800abcdef"}`, false},
		{"lone low", `{"a":"\udc00"}`, false},
		{"high then high", `{"a":"\ud800\ud800"}`, false},
		{"high at end", `\ud83d`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := checkEscapes([]byte(tc.in)); (err == nil) != tc.ok {
				t.Fatalf("checkEscapes(%s): got %v, want ok=%v", tc.in, err, tc.ok)
			}
		})
	}
}
