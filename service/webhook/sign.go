// Package webhook delivers change-feed events to subscribers' URLs, signed
// as Standard Webhooks v1 specifies, at least once: the deliveries are
// River jobs that the store queues in the transaction of each change, and
// this package's worker works them with retries, a bounded concurrency and
// a guard against requests to private addresses.
package webhook

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/redline-news/redline/service"
)

// SecretPrefix starts every signing secret, as Standard Webhooks names it.
const SecretPrefix = "whsec_"

// The Standard Webhooks headers of every delivery.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// NewSecret returns a fresh signing secret: 24 random bytes, base64 after
// the whsec_ prefix.
func NewSecret() string {
	var key [24]byte
	_, _ = rand.Read(key[:])
	return SecretPrefix + base64.StdEncoding.EncodeToString(key[:])
}

// Sign returns the webhook-signature header value of one attempt: "v1,"
// and the base64 HMAC-SHA256 of "id.timestamp.body", keyed by the decoded
// secret.
func Sign(secret, id string, at time.Time, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, SecretPrefix))
	if err != nil {
		return "", service.Errorf(service.EINTERNAL, "webhook secret is not base64")
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + strconv.FormatInt(at.Unix(), 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}
