package webhook_test

import (
	"net/http"
	"net/netip"
	"strconv"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/webhook"
)

func TestBlocked(t *testing.T) {
	tests := []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"100.64.0.1", true}, {"0.0.0.0", true}, {"::1", true},
		{"fd00:ec2::254", true}, {"fe80::1", true}, {"::ffff:127.0.0.1", true}, {"224.0.0.1", true},
		{"93.184.216.34", false}, {"2606:4700::1111", false}, {"8.8.8.8", false},
	}
	for _, tc := range tests {
		t.Run(tc.ip, func(t *testing.T) {
			if got := webhook.Blocked(netip.MustParseAddr(tc.ip)); got != tc.blocked {
				t.Fatalf("Blocked(%s): got %v, want %v", tc.ip, got, tc.blocked)
			}
		})
	}
}

func TestValidateTarget(t *testing.T) {
	tests := []struct {
		url          string
		allowPrivate bool
		ok           bool
	}{
		{"https://hooks.example.com/redline", false, true},
		{"http://127.0.0.1:9000/", false, false},
		{"http://127.0.0.1:9000/", true, true},
		{"http://localhost/", false, false},
		{"http://[::1]/", false, false},
		{"http://169.254.169.254/latest/meta-data", false, false},
		{"ftp://example.com/", true, false},
		{"https://user:pw@example.com/", true, false},
		{"/relative", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			err := webhook.ValidateTarget(tc.url, tc.allowPrivate)
			if (err == nil) != tc.ok {
				t.Fatalf("ValidateTarget(%q, %v): got %v, want ok=%v", tc.url, tc.allowPrivate, err, tc.ok)
			}
			if err != nil && service.ErrorCode(err) != service.EINVALID {
				t.Fatalf("code: got %s, want %s", service.ErrorCode(err), service.EINVALID)
			}
		})
	}
}

func TestParseSchedule(t *testing.T) {
	got, err := webhook.ParseSchedule("1s, 2m,3h")
	if err != nil || len(got) != 3 || got[0] != time.Second || got[1] != 2*time.Minute || got[2] != 3*time.Hour {
		t.Fatalf("ParseSchedule: got %v (%v), want [1s 2m 3h]", got, err)
	}
	for _, bad := range []string{"", "5", "1s,-1s", "1s,,2s"} {
		if _, err := webhook.ParseSchedule(bad); err == nil {
			t.Errorf("ParseSchedule(%q): got nil error, want one", bad)
		}
	}
}

func TestSignMatchesTheStandardLibrary(t *testing.T) {
	secret := webhook.NewSecret()
	at := time.Unix(1767225600, 0)
	body := []byte(`{"type":"article.revision"}`)
	sig, err := webhook.Sign(secret, "msg_1_wh_x", at, body)
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	wh, _ := standardwebhooks.NewWebhook(secret)
	want, _ := wh.Sign("msg_1_wh_x", at, body)
	if sig != want {
		t.Fatalf("signature: got %s, want %s", sig, want)
	}
	h := http.Header{}
	h.Set(webhook.HeaderID, "msg_1_wh_x")
	h.Set(webhook.HeaderTimestamp, strconv.FormatInt(at.Unix(), 10))
	h.Set(webhook.HeaderSignature, sig)
	if err := wh.VerifyIgnoringTimestamp(body, h); err != nil {
		t.Fatalf("verify: %v", err)
	}
}
