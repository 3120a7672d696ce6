package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/puddle/v2"

	"github.com/redline-news/redline/service"
)

// storeError turns an error of pgx or PostgreSQL into one of the domain's
// codes, keeping the cause in the chain for the logs: an unreachable or
// overloaded server is EUNAVAILABLE, text PostgreSQL cannot hold is
// EINVALID, a clash with a constraint is ECONFLICT. Domain errors pass
// through, and anything else stays internal.
func storeError(op string, err error) error {
	var domain *service.Error
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &domain), errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &pgErr):
		return serverError(op, pgErr)
	case isUnreachable(err):
		return unavailable(op, err)
	}
	return fmt.Errorf("postgres %s: %w", op, err)
}

// serverError maps PostgreSQL's SQLSTATE classes.
func serverError(op string, e *pgconn.PgError) error {
	cause := fmt.Errorf("postgres %s: %w", op, e)
	switch {
	case e.Code == "22021" || e.Code == "22P05":
		return fmt.Errorf("%w: %w", cause, service.Errorf(service.EINVALID, "text must not contain NUL bytes (U+0000), which PostgreSQL cannot store"))
	case strings.HasPrefix(e.Code, "23"):
		return fmt.Errorf("%w: %w", cause, service.Errorf(service.EUNAVAILABLE, "the write clashed with a concurrent one; try again"))
	case e.Code == "40001" || e.Code == "40P01" || e.Code == "55P03":
		return fmt.Errorf("%w: %w", cause, service.Errorf(service.EUNAVAILABLE, "the store is busy; try again"))
	case strings.HasPrefix(e.Code, "08"), strings.HasPrefix(e.Code, "53"), strings.HasPrefix(e.Code, "57P"),
		strings.HasPrefix(e.Code, "28"), e.Code == "3D000":
		return unavailable(op, e)
	}
	return cause
}

// isUnreachable reports whether err means the server could not be reached
// or went away: a failed connect, a network error, a dropped or closed
// connection, a closed pool, or a deadline passed while waiting for it.
func isUnreachable(err error) bool {
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) || pgconn.Timeout(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, pgconn.ErrConnClosed) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, puddle.ErrClosedPool)
}

func unavailable(op string, err error) error {
	return fmt.Errorf("postgres %s: %w: %w", op, err,
		service.Errorf(service.EUNAVAILABLE, "the PostgreSQL store cannot be reached"))
}
