package httpstatus_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/httpstatus"
	"github.com/redline-news/redline/summarize"
)

func TestOf(t *testing.T) {
	_, summarizeErr := summarize.Summarize("One sentence here.", summarize.Options{Sentences: -1})
	_, diffErr := diff.Compare("a", "b", diff.Options{Deadline: -1})
	tests := []struct {
		name        string
		err         error
		wantStatus  int
		wantMessage string
	}{
		{"invalid", service.Errorf(service.EINVALID, "id is too long"), http.StatusBadRequest, "id is too long"},
		{"not found", service.Errorf(service.ENOTFOUND, "no article x"), http.StatusNotFound, "no article x"},
		{"precondition", service.Errorf(service.EPRECONDITION, "revision 3 is not the latest"), http.StatusPreconditionFailed, "revision 3 is not the latest"},
		{"too large", service.Errorf(service.ETOOLARGE, "body over 1 MiB"), http.StatusRequestEntityTooLarge, "body over 1 MiB"},
		{"unavailable", service.Errorf(service.EUNAVAILABLE, "the store is busy"), http.StatusServiceUnavailable, "the store is busy"},
		{"no space", service.Errorf(service.ENOSPACE, "the disk is full"), http.StatusInsufficientStorage, "the disk is full"},
		{"wrapped domain error", fmt.Errorf("load: %w", service.Errorf(service.ENOTFOUND, "no revision 9")), http.StatusNotFound, "no revision 9"},
		{"internal keeps its detail back", service.Errorf(service.EINTERNAL, "disk I/O at /var/lib"), http.StatusInternalServerError, httpstatus.InternalMessage},
		{"unknown code", service.Errorf("weird", "secret"), http.StatusInternalServerError, httpstatus.InternalMessage},
		{"plain error", errors.New("connection reset by /tmp/x"), http.StatusInternalServerError, httpstatus.InternalMessage},
		{"empty text", fmt.Errorf("summary: %w", summarize.ErrEmptyText), http.StatusBadRequest, "the text has no sentences to summarize"},
		{"invalid UTF-8", diff.ErrInvalidUTF8, http.StatusBadRequest, "both texts must be valid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, msg := httpstatus.Of(tc.err)
			if status != tc.wantStatus || msg != tc.wantMessage {
				t.Fatalf("Of(%v): got %d %q, want %d %q", tc.err, status, msg, tc.wantStatus, tc.wantMessage)
			}
		})
	}
	// The libraries' option errors keep their own explanation, without the
	// sentinel's prefix.
	for name, err := range map[string]error{"summary options": summarizeErr, "diff options": diffErr} {
		t.Run(name, func(t *testing.T) {
			if err == nil {
				t.Fatal("the library accepted the bad option")
			}
			status, msg := httpstatus.Of(err)
			if status != http.StatusBadRequest || msg == "" || msg == err.Error() {
				t.Fatalf("Of(%v): got %d %q, want 400 and the message without its prefix", err, status, msg)
			}
		})
	}
}
