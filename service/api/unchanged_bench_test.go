package api_test

import (
	"testing"

	"github.com/valyala/fasthttp"
)

// BenchmarkPutUnchanged PUTs the latest revision's title and body again:
// answered 200 from a read, without a write.
func BenchmarkPutUnchanged(b *testing.B) {
	h := benchServer(b)
	body := []byte(`{"title":"River floods the old town","body":"The river rose two metres overnight. The old bridge is closed.\n\nThe mayor asked residents to stay home. Schools will open late on Monday, officials said."}`)
	var ctx fasthttp.RequestCtx
	ctx.Init2(benchConn{}, nil, false)
	for i := 0; b.Loop(); i++ {
		ctx.Request.Reset()
		ctx.Response.Reset()
		ctx.Request.SetRequestURI("/v1/articles/unchanged")
		ctx.Request.Header.SetMethod("PUT")
		ctx.Request.Header.SetContentType("application/json")
		ctx.Request.SetBody(body)
		ctx.Request.Header.SetContentLength(len(body))
		h(&ctx)
		if st := ctx.Response.StatusCode(); st != 200 && !(i == 0 && st == 201) {
			b.Fatalf("status %d: %s", st, ctx.Response.Body())
		}
	}
}
