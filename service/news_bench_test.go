package service_test

import (
	"testing"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/internal/shareddata"
	"github.com/redline-news/redline/service"
)

// BenchmarkNewsSince turns the diffs of the 200 dev revision pairs into
// the changes a summary of what is new ranks, context included: one op is
// all 200. BenchmarkCompareDevPairs (diff) is the diffs themselves.
func BenchmarkNewsSince(b *testing.B) {
	var results []*diff.Result
	for _, p := range shareddata.Rows[struct{ Old, New string }](b, "revision-pairs-dev.jsonl", 0) {
		res, err := diff.Compare(p.Old, p.New, diff.Options{})
		if err != nil {
			b.Fatal(err)
		}
		results = append(results, res)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, res := range results {
			service.NewsSince(res)
		}
	}
}
