package metrics_test

import (
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/redline-news/redline/metrics"
)

// BenchmarkMiddleware is one request through the RED middleware and a
// route that only answers, without the network: what recording the
// request's series costs beside Fiber's own routing.
func BenchmarkMiddleware(b *testing.B) {
	for _, tc := range []struct {
		name string
		with bool
	}{{"bare", false}, {"metrics", true}} {
		b.Run(tc.name, func(b *testing.B) {
			app := fiber.New(fiber.Config{DisableStartupMessage: true})
			m := metrics.New(metrics.BuildInfo{Version: "bench"})
			if tc.with {
				app.Use(m.Middleware())
			}
			app.Get("/v1/articles/:id/summary", func(c *fiber.Ctx) error { return c.SendString("ok") })
			m.InitRoutes(app)
			h := app.Handler()
			var ctx fasthttp.RequestCtx
			ctx.Request.SetRequestURI("/v1/articles/bench/summary")
			ctx.Request.Header.SetMethod(fiber.MethodGet)
			for b.Loop() {
				ctx.Response.Reset()
				h(&ctx)
				if ctx.Response.StatusCode() != fiber.StatusOK {
					b.Fatalf("status %d", ctx.Response.StatusCode())
				}
			}
		})
	}
}
