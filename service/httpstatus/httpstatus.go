// Package httpstatus is the one place that says which HTTP status answers
// an error: the domain's codes and the summarize and diff packages' sentinel
// errors. The API's problem+json answers and the editors' error pages both
// ask it, so that the same error gets the same status on either. The
// domain and its stores never import it: they speak in codes, not statuses.
package httpstatus

import (
	"errors"
	"net/http"
	"strings"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// InternalMessage is all a client is told of an internal error.
const InternalMessage = "internal error"

// codeStatus maps each domain error code to its status.
var codeStatus = map[string]int{
	service.EINVALID:      http.StatusBadRequest,
	service.ENOTFOUND:     http.StatusNotFound,
	service.EPRECONDITION: http.StatusPreconditionFailed,
	service.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	service.EUNAVAILABLE:  http.StatusServiceUnavailable,
	service.ENOSPACE:      http.StatusInsufficientStorage,
	service.EINTERNAL:     http.StatusInternalServerError,
}

// Of returns the status that answers err and the message a client may be
// shown. A domain error (*service.Error anywhere in the chain) gets its
// code's status and its own message; the summarize and diff packages'
// sentinels get 400 and a message in the service's words. Anything else,
// an unknown code and EINTERNAL get 500 and InternalMessage, so that no
// internal detail leaks. Callers log the errors of every status from 500 on.
func Of(err error) (status int, message string) {
	var se *service.Error
	if errors.As(err, &se) {
		status, ok := codeStatus[se.Code]
		if !ok || status == http.StatusInternalServerError {
			return http.StatusInternalServerError, InternalMessage
		}
		return status, se.Message
	}
	switch {
	case errors.Is(err, summarize.ErrInvalidOptions):
		return http.StatusBadRequest, strings.TrimPrefix(err.Error(), summarize.ErrInvalidOptions.Error()+": ")
	case errors.Is(err, summarize.ErrEmptyText):
		return http.StatusBadRequest, "the text has no sentences to summarize"
	case errors.Is(err, diff.ErrInvalidUTF8):
		return http.StatusBadRequest, "both texts must be valid UTF-8"
	case errors.Is(err, diff.ErrInvalidOptions):
		return http.StatusBadRequest, strings.TrimPrefix(err.Error(), diff.ErrInvalidOptions.Error()+": ")
	}
	return http.StatusInternalServerError, InternalMessage
}
