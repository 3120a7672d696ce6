package web

import (
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// Limits and defaults of the article page's parameters.
const (
	DefaultSentences = 3
	MaxSentences     = 20
	DefaultWords     = 60
	MinWords         = 10
	MaxWords         = 1000
	maxNumberDigits  = 9
)

// articleParams is everything a view of an article depends on; its URL
// names them all, so that any view can be shared.
type articleParams struct {
	From, To int
	View     string // "inline" or "side"
	// Hide is "1" to fold unchanged text around the changes, "0" to show
	// it all, and "" to fold only when a long stretch is unchanged
	// (worthFolding); a view's address keeps the reader's choice.
	Hide   string
	Unit   string // summary length in "sentences" or "words"
	Length int
	Since  int // 0, or the revision "what's new" is counted from
	// Summary asks for the summary panel to be computed with the page
	// rather than fetched after it, for readers without scripts.
	Summary bool
}

// parseArticleParams reads and checks the query of an article page whose
// latest revision is latest.
func parseArticleParams(c *fiber.Ctx, id string, latest int) (articleParams, error) {
	a := articleParams{To: latest, View: "inline", Unit: "sentences", Length: DefaultSentences}
	var err error
	if a.To, err = revisionParam(c, "to", latest, id); err != nil {
		return a, err
	}
	a.From = a.To - 1
	if s := c.Query("from"); s != "" {
		if a.From, err = number(s, "from"); err != nil {
			return a, err
		}
		if a.From > latest {
			return a, notFound("article %s has no revision %d; its latest is %d", id, a.From, latest)
		}
	}
	if err := a.parseView(c); err != nil {
		return a, err
	}
	if err := a.parseLength(c); err != nil {
		return a, err
	}
	switch c.Query("summary") {
	case "", "0":
	case "1":
		a.Summary = true
	default:
		return a, invalid("summary must be 1 (compute the summary with the page) or 0")
	}
	if s := c.Query("since"); s != "" {
		if a.Since, err = number(s, "since"); err != nil {
			return a, err
		}
		// Since the revision summarized itself is allowed, as the API
		// allows it: nothing is new to its reader.
		// A reversed pair is refused below, with a link to it the right
		// way round, which the since of the newer revision fits.
		if newer := max(a.To, a.From); a.Since < 1 || a.Since > newer {
			return a, invalid("since must be a revision from 1 to %d, the one summarized", newer)
		}
	}
	return a, a.checkOrder(id)
}

// checkOrder refuses a pair that is not an older revision and a newer one.
// The page always compares forward, so that deleted text is what the newer
// revision lost and inserted text what it gained, and the summary is of the
// newer one; the API's diff, which also compares backward, is for tools. A
// reversed pair comes with a link to the same view the right way round.
func (a articleParams) checkOrder(id string) error {
	switch {
	case a.From == a.To:
		return withLinks(invalid("from and to are both revision %d: there is nothing to compare; from must be an earlier revision than to (0 is the empty text)", a.To),
			pageLink{"What changed in revision " + strconv.Itoa(a.To), a.with(id, func(a *articleParams) { a.From = a.To - 1 })})
	case a.From > a.To:
		err := invalid("from (%d) must be an earlier revision than to (%d): the page shows what changed from an older revision to a newer one, and revision %d is the newer; 0 is the empty text", a.From, a.To, a.From)
		return withLinks(err, pageLink{"Compare revision " + strconv.Itoa(a.To) + " (old) with revision " + strconv.Itoa(a.From) + " (new)",
			a.with(id, func(a *articleParams) { a.From, a.To = a.To, a.From })})
	}
	if a.Since > a.To {
		return invalid("since must be a revision from 1 to %d, the one summarized", a.To)
	}
	return nil
}

// revisionParam reads a revision number from 1 to latest; absent, latest.
func revisionParam(c *fiber.Ctx, name string, latest int, id string) (int, error) {
	s := c.Query(name)
	if s == "" {
		return latest, nil
	}
	n, err := number(s, name)
	switch {
	case err != nil:
		return 0, err
	case n < 1:
		return 0, invalid("%s must be a revision number from 1 to %d", name, latest)
	case n > latest:
		return 0, notFound("article %s has no revision %d; its latest is %d", id, n, latest)
	}
	return n, nil
}

func number(s, name string) (int, error) {
	if len(s) > maxNumberDigits {
		return 0, invalid("%s must be a number of at most %d digits", name, maxNumberDigits)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, invalid("%s must be a whole number such as 2", name)
	}
	return n, nil
}

func (a *articleParams) parseView(c *fiber.Ctx) error {
	switch v := c.Query("view"); v {
	case "", "inline", "side":
		if v != "" {
			a.View = v
		}
	default:
		return invalid("view must be inline or side")
	}
	switch h := c.Query("hide"); h {
	case "", "0", "1":
		a.Hide = h
	default:
		return invalid("hide must be 1 (fold unchanged text around the changes) or 0 (show the whole text); without it, long unchanged stretches are folded")
	}
	return nil
}

func (a *articleParams) parseLength(c *fiber.Ctx) error {
	switch u := c.Query("unit"); u {
	case "", "sentences":
	case "words":
		a.Unit, a.Length = "words", DefaultWords
	default:
		return invalid("unit must be sentences or words")
	}
	s := c.Query("length")
	if s == "" {
		return nil
	}
	n, err := number(s, "length")
	if err != nil {
		return err
	}
	if a.Unit == "sentences" && (n < 1 || n > MaxSentences) {
		return invalid("a summary has 1 to %d sentences", MaxSentences)
	}
	if a.Unit == "words" && (n < MinWords || n > MaxWords) {
		return invalid("a summary's word budget is %d to %d words", MinWords, MaxWords)
	}
	a.Length = n
	return nil
}

// CustomLength reports whether the summary's length is other than the
// default, which a view's address then names.
func (a articleParams) CustomLength() bool {
	return a.Unit != "sentences" || a.Length != DefaultSentences
}

// URL returns the address of this view of article id.
func (a articleParams) URL(id string) string {
	v := url.Values{}
	v.Set("from", strconv.Itoa(a.From))
	v.Set("to", strconv.Itoa(a.To))
	v.Set("view", a.View)
	if a.Hide != "" {
		v.Set("hide", a.Hide)
	}
	if a.CustomLength() {
		v.Set("unit", a.Unit)
		v.Set("length", strconv.Itoa(a.Length))
	}
	if a.Since > 0 {
		v.Set("since", strconv.Itoa(a.Since))
	}
	if a.Summary {
		v.Set("summary", "1")
	}
	return "/articles/" + id + "?" + v.Encode()
}

// with returns the URL of the view changed by f.
func (a articleParams) with(id string, f func(*articleParams)) string {
	f(&a)
	return a.URL(id)
}
