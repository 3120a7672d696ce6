package service

import (
	"errors"
	"fmt"
)

// Error codes shared by every store and every transport. The HTTP layer maps
// each one to a status in one place.
const (
	ENOTFOUND     = "not_found"           // the article or revision does not exist
	EINVALID      = "invalid"             // the input breaks a rule; the message says which
	EPRECONDITION = "precondition_failed" // an If-Match or base revision did not hold
	ETOOLARGE     = "too_large"           // the input exceeds a size limit
	EUNAVAILABLE  = "unavailable"         // the store is busy or cannot be reached; retrying may succeed
	ENOSPACE      = "no_space"            // the store is out of space; writes fail until space returns
	EINTERNAL     = "internal"            // a bug or an unexpected failure
)

// Error is a domain error: a code for programs and a message for people.
// Messages of EINTERNAL errors are never shown to clients.
type Error struct {
	Code    string
	Message string
}

// Error returns the message with its code.
func (e *Error) Error() string {
	return fmt.Sprintf("redline error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the message of the first *Error in err's chain, or
// "internal error" for any other error, so that internals never leak.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "internal error"
	}
}
