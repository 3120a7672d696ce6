package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/redline-news/redline/service"
)

type statusOutput struct {
	Body struct {
		Status string `json:"status" example:"ok" doc:"ok when the check passes."`
	}
}

func okStatus() *statusOutput {
	out := &statusOutput{}
	out.Body.Status = "ok"
	return out
}

func (s *Server) registerHealth() {
	huma.Register(s.api, huma.Operation{
		OperationID: "livez", Method: http.MethodGet, Path: "/livez", Tags: []string{"health"},
		Summary:     "Liveness probe",
		Description: "Answers as long as the process serves requests.",
	}, func(ctx context.Context, _ *struct{}) (*statusOutput, error) {
		return okStatus(), nil
	})
	huma.Register(s.api, huma.Operation{
		OperationID: "readyz", Method: http.MethodGet, Path: "/readyz", Tags: []string{"health"},
		Summary:     "Readiness probe",
		Description: "Answers 503, saying why, when the store cannot be reached or cannot take writes (out of space); it answers 200 again by itself once the store recovers.",
		Errors:      []int{http.StatusServiceUnavailable},
	}, s.readyz)
}

func (s *Server) readyz(ctx context.Context, _ *struct{}) (*statusOutput, error) {
	// The request's context is fasthttp's, which shutdown may cancel from
	// another goroutine; the probe gets its own deadline instead.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.logger.WarnContext(ctx, "store not ready", "request_id", RequestID(ctx), "error", err)
		return nil, newProblem(http.StatusServiceUnavailable, "the store cannot be reached")
	}
	if reason := s.writeFailure.Load(); reason != nil {
		if s.cfg.Writable == nil || s.cfg.Writable.CheckWritable(ctx) != nil {
			return nil, newProblem(http.StatusServiceUnavailable, "writes are failing: "+*reason)
		}
		s.writeFailure.CompareAndSwap(reason, nil)
		s.logger.InfoContext(ctx, "the store takes writes again")
	}
	return okStatus(), nil
}

// WriteChecker is a store that can tell whether it takes writes now.
type WriteChecker interface {
	CheckWritable(ctx context.Context) error
}

// noteWrite remembers whether writes work, for readiness: a store out of
// space or unavailable makes /readyz answer 503 until writes work again.
func (s *Server) noteWrite(err error) {
	switch service.ErrorCode(err) {
	case "":
		if s.writeFailure.Load() != nil {
			s.writeFailure.Store(nil)
		}
	case service.ENOSPACE, service.EUNAVAILABLE:
		reason := service.ErrorMessage(err)
		s.writeFailure.Store(&reason)
	}
}
