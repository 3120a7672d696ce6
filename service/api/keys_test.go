package api

import (
	"fmt"
	"testing"
)

// TestSummaryCacheKey checks that the summary cache's key is the one the
// format "%s|%d|%g|%d|%s|%s|%s|%s|%d" gives, and the encoded summary's the
// one "%s|%s|%d|%s" then gives, for options of every shape:
// cached answers stay keyed as they were, and no two option sets share a
// key that the format tells apart.
func TestSummaryCacheKey(t *testing.T) {
	for _, o := range []SummaryOptions{
		{},
		{Sentences: 3},
		{Ratio: 0.1},
		{Ratio: 1},
		{Ratio: 1.0 / 3},
		{Ratio: 1e-7},
		{Ratio: 0.25, Words: 120},
		{Words: 100000, Algorithm: "lexrank", Language: "de", FallbackLanguage: "fr", Order: "rank"},
		{Sentences: 500, Algorithm: "lead", Keywords: keywordCount{Value: 0, IsSet: true}},
		{Keywords: keywordCount{Value: 17, IsSet: true}, Language: "zh"},
		{Keywords: keywordCount{Value: 0, IsSet: false}, Order: "document"},
	} {
		for _, text := range []string{"", "sha256:ab|12", "a|b|c"} {
			want := fmt.Sprintf("%s|%d|%g|%d|%s|%s|%s|%s|%d", text, o.Sentences, o.Ratio, o.Words, o.Algorithm, o.Language,
				o.FallbackLanguage, o.Order, o.Keywords.library())
			if got := o.cacheKey(text); got != want {
				t.Errorf("cacheKey(%q) of %+v = %q, want %q", text, o, got, want)
			}
			want = fmt.Sprintf("%s|%s|%d|%s", o.cacheKey("rev:"+text), "art|1", 42, "markdown")
			if got := o.renderKey(text, "art|1", 42, "markdown"); got != want {
				t.Errorf("renderKey(%q) of %+v = %q, want %q", text, o, got, want)
			}
		}
	}
}

// TestRateHeader checks the RateLimit headers' form against the format
// they were written with.
func TestRateHeader(t *testing.T) {
	for _, tc := range []struct {
		name   string
		v1, v2 int
	}{{"read", 0, 0}, {"write", 40, 2}, {"read", 123456, 99999}} {
		want := fmt.Sprintf(`"%s";q=%d;w=%d`, tc.name, tc.v1, tc.v2)
		if got := string(rateHeader(nil, tc.name, "q", tc.v1, "w", tc.v2)); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// TestDiffRenderKey checks the encoded diff's key against the format it
// was written with.
func TestDiffRenderKey(t *testing.T) {
	for _, tc := range []struct {
		from, to, id, format string
		a, b, context        int
	}{
		{"", "", "", "", 0, 0, 0},
		{"ab12", "cd34", "story-1", "json", 1, 2, 3},
		{"x|y", "z:w", "a|b", "side-by-side", 10, 999999, 100},
	} {
		want := fmt.Sprintf("rev:%s:%s|%s|%d|%d|%s|%d", tc.from, tc.to, tc.id, tc.a, tc.b, tc.format, tc.context)
		if got := diffRenderKey(tc.from, tc.to, tc.id, tc.a, tc.b, tc.format, tc.context); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
