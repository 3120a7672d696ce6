package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/service/web"
)

// newsroomStory is a breaking story as a newsroom updates it: figures
// corrected, a quote added, a paragraph moved up, the headline rewritten.
var newsroomStory = [][2]string{
	{"Storm floods river towns", "Heavy rain flooded three towns along the river on Monday night, officials said.\n\n" +
		"About 200 homes were evacuated in Millbrook, where the water rose 1.5 metres above the flood line.\n\n" +
		"The regional council opened two shelters at the sports hall and the primary school.\n\n" +
		"Trains between Millbrook and Eastfield were cancelled until further notice.\n\n" +
		"Forecasters expect the rain to ease by Wednesday."},
	{"Storm floods river towns; hundreds evacuated", "Heavy rain flooded four towns along the river on Monday night, officials said.\n\n" +
		"About 450 homes were evacuated in Millbrook, where the water rose 1.8 metres above the flood line.\n\n" +
		"The regional council opened two shelters at the sports hall and the primary school.\n\n" +
		"Trains between Millbrook and Eastfield were cancelled until further notice.\n\n" +
		"Forecasters expect the rain to ease by Wednesday."},
	{"Storm floods four river towns; 450 homes evacuated", "Heavy rain flooded four towns along the river on Monday night, officials said.\n\n" +
		"About 450 homes were evacuated in Millbrook, where the water rose 1.8 metres above the flood line.\n\n" +
		"Trains between Millbrook and Eastfield were cancelled until further notice.\n\n" +
		"\"We have never seen the river this high,\" said Mayor Ana Ruiz, who asked residents to stay off the roads.\n\n" +
		"The regional council opened three shelters at the sports hall, the library and the primary school.\n\n" +
		"Forecasters expect the rain to ease by Thursday, though more storms are possible at the weekend."},
}

// budgetHearing is a long report of a council's budget hearing, one
// paragraph for each speaker, whose update corrects one figure deep in it.
func budgetHearing() (old, new string) {
	topics := []string{"the bus routes to the hospital", "the repairs to the swimming pool", "the library's opening hours",
		"street lighting on the ring road", "the new primary school", "grants to the food bank", "the flood defences along the river",
		"parking charges in the town centre", "the youth centre's lease", "cycle lanes on Station Road"}
	names := []string{"Ana Ruiz", "Tom Becker", "Priya Shah", "Liam O'Neill", "Mei Chen", "Jonas Berg", "Sara Haddad", "Owen Price",
		"Nadia Kowalski", "Ravi Patel", "Elena Rossi", "Kwame Mensah"}
	var paras []string
	paras = append(paras, "The town council spent six hours on Tuesday hearing residents and councillors on next year's budget, "+
		"the longest hearing since the budget rules changed in 2019.")
	for i := range 24 {
		paras = append(paras, fmt.Sprintf("%s, speaking for the %s ward, asked the council to keep the money set aside for %s. "+
			"%s said that %d residents had signed a letter on it, and that the plan as drafted would leave the work for another year.",
			names[i%len(names)], []string{"north", "south", "east", "west", "central", "harbour"}[i%6], topics[i%len(topics)],
			strings.Fields(names[i%len(names)])[0], 40+17*i))
	}
	paras = append(paras, "The council will vote on the budget on 12 March, after a second hearing on 3 March.")
	old = strings.Join(paras, "\n\n")
	paras[17] = strings.Replace(paras[17], "312 residents", "1,312 residents", 1)
	return old, strings.Join(paras, "\n\n")
}

// TestScreenshots saves the article page inline and side by side at 1280
// and 390 px into the directory REDLINE_SCREENSHOTS names (docs/ in the
// README); without it, there is nothing to do.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("REDLINE_SCREENSHOTS")
	if dir == "" {
		t.Skip("set REDLINE_SCREENSHOTS to a directory to save the page's screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	s := startSite(t, web.Config{})
	now := time.Now()
	for i, rev := range newsroomStory {
		at := now.Add([]time.Duration{-3 * time.Hour, -47 * time.Minute, -12 * time.Minute}[i])
		s.store.Now = func() time.Time { return at }
		s.put(t, "storm-floods", rev[0], rev[1])
	}
	s.store.Now = func() time.Time { return now.Add(-2 * time.Hour) }
	old, new := budgetHearing()
	s.put(t, "budget-hearing", "Residents ask council to keep spending in budget hearing", old)
	s.store.Now = func() time.Time { return now.Add(-8 * time.Minute) }
	s.put(t, "budget-hearing", "Residents ask council to keep spending in budget hearing", new)
	s.store.Now = func() time.Time { return now.Add(-26 * time.Hour) }
	s.put(t, "council-budget", "Council passes budget", "The council passed the budget on Tuesday by 7 votes to 2.")
	s.store.Now = func() time.Time { return now.Add(-5 * time.Hour) }
	s.put(t, "council-budget", "Council passes budget", "The council passed the budget on Tuesday by 6 votes to 3.")
	for _, shot := range []struct {
		name, path string
		width      int64
	}{
		{"page-inline-1280.png", "/articles/storm-floods?from=2&to=3&view=inline", 1280},
		{"page-side-1280.png", "/articles/storm-floods?from=2&to=3&view=side", 1280},
		{"page-inline-390.png", "/articles/storm-floods?from=2&to=3&view=inline", 390},
		{"page-side-390.png", "/articles/storm-floods?from=2&to=3&view=side", 390},
		{"page-folded-1280.png", "/articles/budget-hearing", 1280},
		{"page-folded-390.png", "/articles/budget-hearing", 390},
		{"page-list-1280.png", "/", 1280},
	} {
		b.do(t, chromedp.EmulateViewport(shot.width, 900), chromedp.Navigate(s.url+shot.path))
		if strings.HasPrefix(shot.path, "/articles/") {
			// The summary panel arrives after the page; show it, and a
			// summary sentence found in the diff.
			b.do(t, chromedp.WaitVisible(chromedp.CSS(".summary-sentences [data-summary-sentence]")),
				chromedp.Click(chromedp.CSS(".summary-sentences li:nth-child(2) > [data-summary-sentence]")))
		}
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", shot.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, shot.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
