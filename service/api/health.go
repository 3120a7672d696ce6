package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
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
		Description: "Answers 503 when the store cannot be reached.",
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
	return okStatus(), nil
}
