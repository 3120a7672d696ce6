package metrics

import (
	"time"

	"github.com/redline-news/redline/internal/routetemplate"
)

// Label values used when a caller passes a value outside the known sets, so
// that no input can add series.
const (
	// Unmatched is the route label of requests that matched no route.
	Unmatched = routetemplate.Unmatched
	// OtherMethod is the method label of methods outside the common set.
	OtherMethod = "OTHER"
	// Other is the label of an algorithm or cache that New was not told of.
	Other = "other"
)

// Names of the caches and operations that the domain hooks label.
const (
	CacheSummary     = "summary"
	CacheDiff        = "diff"
	CachePage        = "page"
	CacheRevision    = "revision"
	OperationSummary = "summarize"
	OperationDiff    = "diff"
)

// config is what the options set.
type config struct {
	algorithms  []string
	codes       []int
	storeSeries [][2]string // operation, backend
	articleWait time.Duration
}

// defaultConfig knows the three summarizers, and exports each route with
// the codes that error-ratio queries need as numerator and denominator.
func defaultConfig() config {
	return config{
		algorithms:  []string{"lead", "textrank", "lexrank"},
		codes:       []int{200, 400, 404, 500},
		articleWait: 2 * time.Second,
	}
}

// Option changes how New builds a Metrics.
type Option func(*config)

// WithAlgorithms sets the summarizer names that label summaries; any other
// name is counted as "other". Include the name the service uses for its
// default algorithm if it differs from the others.
func WithAlgorithms(names ...string) Option {
	return func(c *config) { c.algorithms = append([]string(nil), names...) }
}

// WithInitialCodes sets the status codes that every registered route is
// exported with as zero by InitRoutes.
func WithInitialCodes(codes ...int) Option {
	return func(c *config) { c.codes = append([]int(nil), codes...) }
}

// WithStore exports the store metrics of each operation of backend as zero
// from the start. Give it once per backend.
func WithStore(backend string, operations ...string) Option {
	return func(c *config) {
		for _, op := range operations {
			c.storeSeries = append(c.storeSeries, [2]string{op, backend})
		}
	}
}

// WithArticleCountTimeout bounds how long a scrape waits for the store to
// count its articles; the default is two seconds.
func WithArticleCountTimeout(d time.Duration) Option {
	return func(c *config) { c.articleWait = d }
}
