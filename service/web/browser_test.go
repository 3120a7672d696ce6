package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/redline-news/redline/service/web"
)

// needTool skips the test when a tool is missing, or fails it under CI,
// where .ci/run installs every tool the tests need.
func needTool(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing; .ci/run installs it", what)
	}
	t.Skipf("%s is missing: install it (apt-get install chromium; npm install --prefix ~/.cache/redline-axe axe-core) to run the browser tests", what)
}

// chromiumPath finds Debian's chromium, or the browser REDLINE_CHROMIUM names.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("REDLINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	needTool(t, "chromium")
	return ""
}

// axeSource returns axe-core's script, from REDLINE_AXE_CORE (the path of
// axe.min.js) or the cache directory .ci/run installs it in.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("REDLINE_AXE_CORE")
	if path == "" {
		home, _ := os.UserHomeDir()
		path = filepath.Join(home, ".cache", "redline-axe", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		needTool(t, "axe-core ("+path+")")
	}
	return string(src)
}

// browser is a headless Chromium tab with a fresh profile; it records every
// JavaScript dialog that opens, and dismisses it.
type browser struct {
	ctx     context.Context
	mu      sync.Mutex
	dialogs []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromiumPath(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })
	b := &browser{ctx: ctx}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	go b.dismissDialogs(chromedp.Events(ctx, page.JavascriptDialogOpening))
	return b
}

func (b *browser) dismissDialogs(dialogs iter.Seq2[page.EventJavascriptDialogOpening, error]) {
	for ev, err := range dialogs {
		if err != nil {
			return
		}
		b.mu.Lock()
		b.dialogs = append(b.dialogs, ev.Message)
		b.mu.Unlock()
		chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

func (b *browser) dialogsOpened() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.dialogs...)
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// eval runs a script in the page and decodes its JSON result into T.
func eval[T any](t *testing.T, b *browser, script string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", script, err)
	}
	return v
}

// clickAndLoad clicks an element that leads to another page and waits until
// the browser shows a page whose address contains want.
func (b *browser) clickAndLoad(t *testing.T, sel, want string) {
	t.Helper()
	b.settle(t)
	b.do(t, chromedp.Click(chromedp.CSS(sel)))
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		loc, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.readyState === "complete" ? location.href : ""`))
		if err == nil && strings.Contains(loc, want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	t.Fatalf("after clicking %s: at %s, want an address with %q", sel, loc, want)
}

// settle waits until the summary panel an article page fetches after it
// loads is in place: it sits above the timeline, so a click while it loads
// lands where the page is about to move from, as a user's would.
func (b *browser) settle(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		busy, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.readyState !== "complete" || document.querySelector("section.summary[aria-busy]") !== null`))
		if err == nil && !busy {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the summary panel at %s did not load in 30 s", eval[string](t, b, "location.href"))
}

// texts returns the visible text of each element sel matches, leaving out
// the visually hidden cues (rl-sr) that screen readers hear.
const textsJS = `Array.from(document.querySelectorAll(%q)).map(function (el) {
	var c = el.cloneNode(true); c.querySelectorAll(".rl-sr").forEach(function (s) { s.remove(); });
	return c.textContent; })`

func texts(t *testing.T, b *browser, sel string) []string {
	t.Helper()
	return eval[[]string](t, b, strings.Replace(textsJS, "%q", jsString(sel), 1))
}

func jsString(s string) string {
	out, _ := json.Marshal(s)
	return string(out)
}

func wantTexts(t *testing.T, b *browser, sel string, want []string) {
	t.Helper()
	got := texts(t, b, sel)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: got %q, want %q", sel, got, want)
	}
}

// axeViolations runs axe-core in the page and returns the serious and
// critical violations, each as "rule: target".
func axeViolations(t *testing.T, b *browser, axe string) []string {
	t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](axe+";true")); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	return eval[[]string](t, b, `axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
		var out = [];
		r.violations.forEach(function (v) {
			if (v.impact !== "serious" && v.impact !== "critical") { return; }
			v.nodes.forEach(function (n) { out.push(v.id + " (" + v.impact + "): " + n.target.join(" ") + ": " + n.failureSummary); });
		});
		return out; })`)
}

// summarySentences waits for the summary panel and returns its sentences.
func summarySentences(t *testing.T, b *browser) []string {
	t.Helper()
	b.do(t, chromedp.WaitVisible(chromedp.CSS(".summary-sentences [data-summary-sentence]")))
	return texts(t, b, "[data-summary-sentence]")
}

// markedText returns the text of the diff's <mark> elements together, as
// read (cues left out), with its white space as the sentence's.
func markedText(t *testing.T, b *browser) string {
	t.Helper()
	return strings.Join(strings.Fields(strings.Join(texts(t, b, "#diff mark"), "")), " ")
}

func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	axe := axeSource(t)
	s := storySite(t, web.Config{})
	t.Run("list and search", func(t *testing.T) {
		b.do(t, chromedp.Navigate(s.url+"/"))
		wantTexts(t, b, "table.articles .article-cell a", []string{"Fire downtown", "Council passes budget after long debate"})
		b.do(t, chromedp.SendKeys(chromedp.CSS("#q"), "BUDGET"))
		b.clickAndLoad(t, "form.search button", "q=BUDGET")
		wantTexts(t, b, "table.articles .article-cell a", []string{"Council passes budget after long debate"})
		wantTexts(t, b, "table.articles .revs", []string{"3"})
	})
	t.Run("open an article of three revisions", func(t *testing.T) {
		b.clickAndLoad(t, "table.articles .article-cell a", "/articles/council-budget")
		wantTexts(t, b, "h1", []string{"Council passes budget after long debate"})
		wantTexts(t, b, ".timeline-list .rev-head a", []string{"Revision 3", "Revision 2", "Revision 1"})
		wantTexts(t, b, ".rl-title ins", []string{" after long debate"})
		wantTexts(t, b, "#diff ins", []string{"A vote on property taxes follows next week, the clerk said."})
		wantTexts(t, b, "#diff del", nil)
	})
	t.Run("pick another pair through the timeline", func(t *testing.T) {
		b.settle(t)
		b.do(t, chromedp.Click(chromedp.CSS(`#rev-1 input[name=from]`)), chromedp.Click(chromedp.CSS(`#rev-2 input[name=to]`)))
		b.clickAndLoad(t, "#compare", "to=2&from=1")
		wantTexts(t, b, "#diff-h", []string{"Changes from revision 1 to revision 2"})
		wantTexts(t, b, "#diff del", []string{"7", "2", "400"})
		wantTexts(t, b, "#diff ins", []string{"6", "3", "600"})
		if facts := strings.Join(texts(t, b, "#diff .rl-facts .rl-fact"), " | "); !strings.Contains(facts, "400") || !strings.Contains(facts, "600") {
			t.Errorf("fact badges: got %q, want one for 400 → 600", facts)
		}
	})
	t.Run("a reversed pick links to the pair the right way round", func(t *testing.T) {
		b.settle(t)
		b.do(t, chromedp.Click(chromedp.CSS(`#rev-2 input[name=from]`)), chromedp.Click(chromedp.CSS(`#rev-1 input[name=to]`)))
		b.clickAndLoad(t, "#compare", "from=2&to=1")
		if msg := strings.Join(texts(t, b, ".error-message"), ""); !strings.Contains(msg, "revision 2 is the newer") {
			t.Errorf("error message: got %q, want one that says which revision is the newer", msg)
		}
		b.clickAndLoad(t, ".error-link a", "from=1")
		wantTexts(t, b, "#diff-h", []string{"Changes from revision 1 to revision 2"})
	})
	t.Run("switch to side by side and back", func(t *testing.T) {
		b.clickAndLoad(t, ".views a:nth-child(2)", "view=side")
		wantTexts(t, b, "#diff thead th", []string{"Revision 1" + texts(t, b, "#diff thead th time")[0], "Revision 2" + texts(t, b, "#diff thead th time")[1]})
		wantTexts(t, b, "#diff td.rl-old del", []string{"7", "2", "400"})
		wantTexts(t, b, "#diff td.rl-new ins", []string{"6", "3", "600"})
		if n := len(texts(t, b, "#diff tr.rl-edited")); n != 2 {
			t.Errorf("edited rows: got %d, want 2", n)
		}
		if row := strings.Join(texts(t, b, "#diff tr:has(.rl-fact)"), " | "); !strings.Contains(row, "600 teachers") {
			t.Errorf("fact badge rows: got %q, want the badge beside the teachers sentence", row)
		}
		b.clickAndLoad(t, ".views a:nth-child(1)", "view=inline")
		wantTexts(t, b, "#diff ins", []string{"6", "3", "600"})
	})
	t.Run("hide unchanged paragraphs", func(t *testing.T) {
		b.do(t, chromedp.Navigate(s.url+"/articles/council-budget?from=2&to=3&view=inline"))
		b.clickAndLoad(t, "#toggle-unchanged a:not([aria-current])", "hide=1")
		skips := texts(t, b, "#diff .rl-skip")
		if len(skips) != 1 || !strings.Contains(skips[0], "unchanged") {
			t.Errorf("hidden paragraphs marker: got %q, want one that says how many are unchanged", skips)
		}
		// Its button shows them there, and the marker goes.
		for _, view := range []string{"inline", "side"} {
			b.do(t, chromedp.Navigate(s.url+"/articles/council-budget?from=2&to=3&hide=1&view="+view))
			hidden := `document.querySelectorAll("#diff [hidden]:not(.rl-skip)").length`
			if n := eval[int](t, b, hidden); n == 0 {
				t.Fatalf("%s: nothing hidden", view)
			}
			b.do(t, chromedp.Click(chromedp.CSS("#diff .rl-skip .rl-show")))
			if n := eval[int](t, b, hidden); n != 0 {
				t.Errorf("%s: %d hidden after Show", view, n)
			}
			if shown := eval[bool](t, b, `Array.from(document.querySelectorAll("#diff .rl-skip")).some(function (m) { return !m.hidden; })`); shown {
				t.Errorf("%s: a marker still shows after its text was shown", view)
			}
			if !eval[bool](t, b, `document.getElementById("diff").innerText.indexOf("The mayor said the city would hire 600 teachers") >= 0`) {
				t.Errorf("%s: the hidden paragraph is not shown", view)
			}
		}
	})
	t.Run("j and k jump between changes", func(t *testing.T) {
		b.do(t, chromedp.Navigate(s.url+"/articles/council-budget?from=1&to=3"))
		for _, tc := range []struct{ key, want string }{{"j", " after long debate"}, {"j", "7"}, {"j", "2"}, {"k", "7"}} {
			b.do(t, chromedp.KeyEvent(tc.key))
			if got := texts(t, b, ".rl-current"); len(got) != 1 || got[0] != tc.want {
				t.Errorf("after %s: current change %q, want %q", tc.key, got, tc.want)
			}
		}
	})
	t.Run("a summary sentence marks the diff's new text", func(t *testing.T) {
		// A first view: the panel arrives after the page.
		b.do(t, chromedp.Navigate(s.url+"/articles/council-budget?from=1&to=3&view=inline&hide=1"))
		sentences := summarySentences(t, b)
		for _, view := range []string{"inline", "side"} {
			if view == "side" {
				b.clickAndLoad(t, ".views a:nth-child(2)", "view=side")
				sentences = summarySentences(t, b)
			}
			for i := range sentences {
				b.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(".summary-sentences li:nth-child(%d) > [data-summary-sentence]", i+1))))
				if got := markedText(t, b); got != sentences[i] {
					t.Errorf("%s: sentence %d marked %q, want %q", view, i+1, got, sentences[i])
				}
				if !eval[bool](t, b, `(function () { var r = document.querySelector("#diff mark").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
					t.Errorf("%s: the marked sentence %d is not shown in view", view, i+1)
				}
			}
		}
	})
	t.Run("what's new since an earlier revision", func(t *testing.T) {
		b.clickAndLoad(t, "#rev-1 .since-link", "since=1")
		b.do(t, chromedp.WaitVisible(chromedp.CSS(".summary h3 + .summary-sentences [data-summary-sentence]"))) // the panel comes after the page
		got := texts(t, b, ".summary h3 + .summary-sentences [data-summary-sentence]")
		if len(got) == 0 || strings.Contains(strings.Join(got, " "), "Critics said") {
			t.Errorf("new since revision 1: got %q, want only added or edited sentences", got)
		}
	})
	t.Run("axe finds nothing serious", func(t *testing.T) {
		for _, path := range []string{"/", "/articles/council-budget", "/articles/council-budget?from=1&to=3&view=inline", "/articles/council-budget?from=1&to=3&view=side",
			"/articles/council-budget?from=2&to=3&hide=1", "/articles/council-budget?from=2&to=3&hide=1&view=side"} {
			b.do(t, chromedp.Navigate(s.url+path))
			if strings.HasPrefix(path, "/articles/") {
				summarySentences(t, b) // the panel as it ends up, not while it loads
			}
			if v := axeViolations(t, b, axe); len(v) > 0 {
				t.Errorf("%s: axe-core violations:\n%s", path, strings.Join(v, "\n"))
			}
		}
	})
	t.Run("phone width", func(t *testing.T) {
		b.do(t, chromedp.EmulateViewport(390, 844))
		defer b.do(t, chromedp.EmulateViewport(1280, 900))
		for _, path := range []string{"/", "/articles/council-budget?from=1&to=3&view=inline", "/articles/council-budget?from=1&to=3&view=side"} {
			b.do(t, chromedp.Navigate(s.url+path))
			if w := eval[[]int](t, b, `[document.documentElement.scrollWidth, innerWidth]`); w[0] > w[1] {
				t.Errorf("%s at 390 px: page is %d px wide, scrolls sideways", path, w[0])
			}
			if strings.HasPrefix(path, "/articles/") {
				summarySentences(t, b)
			}
			if v := axeViolations(t, b, axe); len(v) > 0 {
				t.Errorf("%s at 390 px: axe-core violations:\n%s", path, strings.Join(v, "\n"))
			}
		}
		if one := eval[bool](t, b, `(function () { var r = document.querySelector("#diff tr.rl-edited");
			return r.querySelector("td.rl-new").getBoundingClientRect().top >= r.querySelector("td.rl-old").getBoundingClientRect().bottom; })()`); !one {
			t.Error("side by side at 390 px: the columns stand side by side, want old above new")
		}
	})
}

// TestBrowserRunsNoPayload stores an article full of script payloads and
// checks in the browser that none of them runs and each shows as text.
func TestBrowserRunsNoPayload(t *testing.T) {
	b := newBrowser(t)
	s := startSite(t, web.Config{})
	title := `<script>alert("title")</script><img src=x onerror="window.ran='img'">`
	s.put(t, "xss", title, "Plain first version.\n\nSecond paragraph.")
	s.put(t, "xss", title+` <svg onload="window.ran='svg'">`,
		"Now with <script>window.ran='script';alert(1)</script> inside.\n\n<img src=x onerror=\"window.ran='img2';alert(2)\"> and <svg onload=alert(3)></svg>\n\n<a href=\"javascript:window.ran='js'\">click</a> javascript:alert(4)")
	for _, path := range []string{"/", "/?q=" + "%3Cscript%3E", "/articles/xss", "/articles/xss?view=side", "/articles/xss?from=0&to=1"} {
		t.Run(path, func(t *testing.T) {
			b.do(t, chromedp.Navigate(s.url+path))
			if ran := eval[string](t, b, `String(window.ran)`); ran != "undefined" {
				t.Errorf("a payload ran: window.ran = %q", ran)
			}
			wantTitle := "Articles · Redline"
			if strings.HasPrefix(path, "/articles/") {
				wantTitle = title + ` <svg onload="window.ran='svg'"> · Redline`
			}
			if strings.HasPrefix(path, "/?q") {
				wantTitle = "Articles matching “<script>” · Redline"
			}
			if got := eval[string](t, b, `document.title`); got != wantTitle {
				t.Errorf("document.title: got %q, want %q", got, wantTitle)
			}
			if n := eval[int](t, b, `document.querySelectorAll("main script, main img, main svg:not(.rl-bar), a[href^='javascript:']").length`); n != 0 {
				t.Errorf("%d payload elements made it into the page", n)
			}
			if body := eval[string](t, b, `document.body.innerText`); !strings.Contains(body, `<script>alert("title")</script>`) {
				t.Errorf("the payload is not shown as text: %s", body)
			}
			if links := eval[int](t, b, `document.querySelectorAll("a[href^='javascript']").length`); links != 0 {
				t.Errorf("got %d javascript: links", links)
			}
		})
	}
	if d := b.dialogsOpened(); len(d) > 0 {
		t.Errorf("dialogs opened: %q", d)
	}
}

// TestBrowserAsksForTheTokenOnce signs in through the token form in the
// browser and checks that the token stays out of the address and out of
// reach of scripts, and that the form itself passes axe-core.
func TestBrowserAsksForTheTokenOnce(t *testing.T) {
	b := newBrowser(t)
	axe := axeSource(t)
	s := storySite(t, web.Config{Authorize: func(tok string) bool { return tok == "reader-token-0123456789" }})
	b.do(t, chromedp.Navigate(s.url+"/articles/council-budget?view=side"))
	wantTexts(t, b, "h1", []string{"A token is needed to read"})
	if v := axeViolations(t, b, axe); len(v) > 0 {
		t.Errorf("token form: axe-core violations:\n%s", strings.Join(v, "\n"))
	}
	b.do(t, chromedp.SendKeys(chromedp.CSS("#token"), "wrong-token"))
	b.clickAndLoad(t, "form.token button", "/session")
	wantTexts(t, b, ".error-message", []string{"That token was not accepted."})
	b.do(t, chromedp.SendKeys(chromedp.CSS("#token"), "reader-token-0123456789"))
	b.clickAndLoad(t, "form.token button", "/articles/council-budget?view=side")
	wantTexts(t, b, "#diff-h", []string{"Changes from revision 2 to revision 3"})
	if loc := eval[string](t, b, `location.href`); strings.Contains(loc, "reader-token") {
		t.Errorf("the token is in the address: %s", loc)
	}
	if cookies := eval[string](t, b, `document.cookie`); strings.Contains(cookies, "reader-token") {
		t.Errorf("scripts can read the token: document.cookie = %q", cookies)
	}
	b.do(t, chromedp.Navigate(s.url+"/"))
	wantTexts(t, b, "h1", []string{"Articles"})
	b.do(t, chromedp.Navigate(s.url+"/articles/missing"))
	if v := axeViolations(t, b, axe); len(v) > 0 {
		t.Errorf("error page: axe-core violations:\n%s", strings.Join(v, "\n"))
	}
}

// TestBrowserMovedTextLeadsToItsOtherEnd moves a paragraph and checks that
// both ends are styled as moved and that clicking one reaches the other.
func TestBrowserMovedTextLeadsToItsOtherEnd(t *testing.T) {
	b := newBrowser(t)
	s := startSite(t, web.Config{})
	for _, rev := range newsroomStory[1:] {
		s.put(t, "storm", rev[0], rev[1])
	}
	b.do(t, chromedp.Navigate(s.url+"/articles/storm"))
	ends := eval[[]string](t, b, `Array.from(document.querySelectorAll("#diff [data-move]")).map(function (el) { return el.tagName + " " + el.dataset.move; })`)
	if len(ends) < 2 {
		t.Fatalf("moved ends: got %q, want where the paragraph left and where it went", ends)
	}
	// Each end says where the other stands, as paragraph numbers.
	labels := eval[[]string](t, b, `Array.from(document.querySelectorAll("#diff del[data-move], #diff ins[data-move], #diff span.rl-moved")).map(function (el) {
		return getComputedStyle(el, "::before").content; })`)
	if joined := strings.Join(labels, " | "); !regexp.MustCompile(`moved to ¶\d`).MatchString(joined) || !regexp.MustCompile(`moved from ¶\d`).MatchString(joined) {
		t.Errorf("moved labels: got %q, want where each end came from or went to", labels)
	}
	b.do(t, chromedp.Navigate(s.url+"/articles/storm?view=side"))
	if notes := strings.Join(texts(t, b, "#diff .rl-moved-note"), " | "); !strings.Contains(notes, "moved to ¶") || !strings.Contains(notes, "moved from ¶") {
		t.Errorf("side by side moved notes: got %q, want where the sentence went and came from", notes)
	}
	b.do(t, chromedp.Navigate(s.url+"/articles/storm"))
	b.do(t, chromedp.Click(chromedp.CSS(`#diff del[data-move]`)))
	got := eval[string](t, b, `(function () { var c = document.querySelector(".rl-current"); return c ? c.tagName + " " + c.dataset.move : ""; })()`)
	if got == "" || strings.HasPrefix(got, "DEL") || !strings.HasSuffix(got, " "+strings.Fields(ends[0])[1]) {
		t.Errorf("after clicking where the paragraph left: current %q, want where it went (%q)", got, ends)
	}
}

// TestBrowserMarksSentencesInHiddenParagraphs marks every summary sentence
// of a long article whose unchanged paragraphs are hidden, in both views:
// the byte offsets must hold across accented letters, curly quotes and
// emoji, and a sentence in a hidden paragraph must be shown.
func TestBrowserMarksSentencesInHiddenParagraphs(t *testing.T) {
	b := newBrowser(t)
	s := startSite(t, web.Config{})
	var paras []string
	for i := range 12 {
		paras = append(paras, fmt.Sprintf("Le café número %d servait “crème brûlée” 🌧️ à %d clients affamés ce soir-là. "+
			"Le propriétaire, Zoë Müller, a déclaré que la saison %d était exceptionnelle.", i+1, 20+i, 2020+i))
	}
	old := strings.Join(paras, "\n\n")
	paras[9] = "Ein völlig neuer Absatz über Überschwemmungen in Köln, mit 450 evakuierten Häusern."
	s.put(t, "cafe", "Café", old)
	s.put(t, "cafe", "Café", strings.Join(paras, "\n\n"))
	for _, view := range []string{"inline", "side"} {
		b.do(t, chromedp.Navigate(s.url+"/articles/cafe?hide=1&length=8&view="+view))
		if n := eval[int](t, b, `document.querySelectorAll("#diff [hidden]").length`); n == 0 {
			t.Fatalf("%s: nothing hidden; the test needs hidden paragraphs", view)
		}
		sentences := summarySentences(t, b)
		unhidden := false
		for i := range sentences {
			wasHidden := eval[bool](t, b, fmt.Sprintf(`(function () { var a = document.querySelectorAll("[data-summary-sentence]")[%d];
				return Array.from(document.querySelectorAll("#diff [hidden]")).some(function (h) { return h.textContent.indexOf(a.textContent.slice(0, 20)) >= 0; }); })()`, i))
			b.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(".summary-sentences li:nth-child(%d) > [data-summary-sentence]", i+1))))
			if got := markedText(t, b); got != sentences[i] {
				t.Errorf("%s: sentence %d marked %q, want %q", view, i+1, got, sentences[i])
			}
			if !eval[bool](t, b, `Array.from(document.querySelectorAll("#diff mark")).every(function (m) { return m.getClientRects().length > 0; })`) {
				t.Errorf("%s: sentence %d is marked but not shown", view, i+1)
			}
			// Whatever is still hidden has a marker showing before it, and
			// no marker shows before text already shown.
			if bad := eval[int](t, b, `Array.from(document.querySelectorAll("#diff [hidden]:not(.rl-skip)")).filter(function (h) {
				var p = h.previousElementSibling; while (p && p.hidden && !p.classList.contains("rl-skip")) { p = p.previousElementSibling; }
				return !p || !p.classList.contains("rl-skip") || p.hidden; }).length +
				Array.from(document.querySelectorAll("#diff .rl-skip")).filter(function (m) {
				var n = m.nextElementSibling; return !m.hidden && n && !n.hidden; }).length`); bad > 0 {
				t.Errorf("%s: after sentence %d, %d hidden runs lack a showing marker or markers show before shown text", view, i+1, bad)
			}
			unhidden = unhidden || wasHidden
		}
		if !unhidden {
			t.Errorf("%s: no summary sentence lay in a hidden paragraph; the test proves nothing about showing them", view)
		}
	}
}

// TestBrowserLeadsWithTheChange opens a long article whose update changed
// one number deep in it, as an editor would, at both widths: the page
// opens folded with the change on the first screen, says so with a link
// to the whole text, keeps that choice in the address as the editor moves
// on, and passes axe-core folded and whole.
func TestBrowserLeadsWithTheChange(t *testing.T) {
	b := newBrowser(t)
	axe := axeSource(t)
	s := startSite(t, web.Config{})
	var paras []string
	for i := range 40 {
		paras = append(paras, fmt.Sprintf("Paragraph %d of the report describes, at some length and in plain words, what the council "+
			"decided about the river, the bridge and the roads around the old town during its meeting number %d.", i+1, 100+i))
	}
	s.put(t, "report", "Council report", strings.Join(paras, "\n\n"))
	paras[30] = strings.Replace(paras[30], "meeting number 130", "meeting number 131", 1)
	s.put(t, "report", "Council report", strings.Join(paras, "\n\n"))
	// The change begins on the first screen: its first line is in view.
	firstChangeOnScreen := `(function () { var c = document.querySelector("#diff ins, #diff tr.rl-edited");
		var r = c.getBoundingClientRect(); return r.top >= 0 && r.top + 24 <= innerHeight; })()`
	for _, width := range []int64{1280, 390} {
		b.do(t, chromedp.EmulateViewport(width, map[int64]int64{1280: 900, 390: 844}[width]))
		for _, view := range []string{"inline", "side"} {
			b.do(t, chromedp.Navigate(s.url+"/articles/report?view="+view))
			summarySentences(t, b)
			if !eval[bool](t, b, firstChangeOnScreen) {
				t.Errorf("%s at %d px: the change is not on the first screen", view, width)
			}
			if note := strings.Join(texts(t, b, "#fold-note"), ""); !strings.Contains(note, "unchanged words in 2 places") {
				t.Errorf("%s at %d px: fold note %q, want one that says what is folded", view, width, note)
			}
			if v := axeViolations(t, b, axe); len(v) > 0 {
				t.Errorf("%s at %d px, folded: axe-core violations:\n%s", view, width, strings.Join(v, "\n"))
			}
			if w := eval[[]int](t, b, `[document.documentElement.scrollWidth, innerWidth]`); w[0] > w[1] {
				t.Errorf("%s at %d px: page is %d px wide, scrolls sideways", view, width, w[0])
			}
			// Finding a summary sentence in folded text shows its paragraph
			// (or sentence), not the whole stretch around it.
			visible := `document.getElementById("diff").innerText.split("of the report describes").length - 1`
			if view == "side" { // rows of sentences, each of a paragraph here
				visible = `document.querySelectorAll("#diff tbody tr:not([hidden]):not(.rl-skip)").length`
			}
			for i := range summarySentences(t, b) {
				b.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(".summary-sentences li:nth-child(%d) > [data-summary-sentence]", i+1))))
				if n := eval[int](t, b, visible); n > 3+3*(i+1) {
					t.Errorf("%s at %d px: after finding summary sentence %d, %d of 40 paragraphs show", view, width, i+1, n)
				}
				if !eval[bool](t, b, `Array.from(document.querySelectorAll("#diff mark")).every(function (m) { return m.getClientRects().length > 0; })`) {
					t.Errorf("%s at %d px: summary sentence %d is marked but not shown", view, width, i+1)
				}
			}
			b.clickAndLoad(t, "#fold-note a", "hide=0")
			if got := eval[bool](t, b, `document.getElementById("diff").innerText.indexOf("Paragraph 1 of the report") >= 0 && !document.querySelector("#diff .rl-skip")`); !got {
				t.Errorf("%s at %d px: the whole text is not shown after Show the whole text", view, width)
			}
			// and it opens at the change, not at the top of the article.
			if !eval[bool](t, b, firstChangeOnScreen) {
				t.Errorf("%s at %d px: the whole text does not open at its change", view, width)
			}
			summarySentences(t, b)
			if v := axeViolations(t, b, axe); len(v) > 0 {
				t.Errorf("%s at %d px, whole: axe-core violations:\n%s", view, width, strings.Join(v, "\n"))
			}
			// The choice goes with the editor to the other view.
			other := map[string]string{"inline": "side", "side": "inline"}[view]
			b.clickAndLoad(t, `.views a[href*="view=`+other+`"]`, "view="+other)
			if !strings.Contains(eval[string](t, b, "location.search"), "hide=0") || eval[int](t, b, `document.querySelectorAll("#diff .rl-skip").length`) != 0 {
				t.Errorf("%s at %d px: the other view does not keep the whole text", view, width)
			}
		}
	}
}

// TestBrowserFoldsWithoutScripts: with scripts off, a long article still
// opens folded with its change on the first screen, its folded text out
// of sight and no Show button, and the note's link shows the whole text.
func TestBrowserFoldsWithoutScripts(t *testing.T) {
	b := newBrowser(t)
	s := startSite(t, web.Config{})
	old, new := budgetHearing()
	s.put(t, "hearing", "Budget hearing", old)
	s.put(t, "hearing", "Budget hearing", new)
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turn scripts off: %v", err)
	}
	for _, view := range []string{"inline", "side"} {
		b.do(t, chromedp.Navigate(s.url+"/articles/hearing?view="+view))
		if got := eval[[]int](t, b, `[document.querySelectorAll("#diff .rl-skip").length, document.querySelectorAll("#diff .rl-show").length,
			Array.from(document.querySelectorAll("#diff [hidden]")).filter(function (h) { return h.getClientRects().length > 0; }).length]`); got[0] == 0 || got[1] != 0 || got[2] != 0 {
			t.Errorf("%s: %d markers, %d Show buttons, %d folded elements in sight; want markers, no button, nothing in sight", view, got[0], got[1], got[2])
		}
		if !eval[bool](t, b, `(function () { var c = document.querySelector("#diff ins, #diff tr.rl-edited").getBoundingClientRect(); return c.top >= 0 && c.top + 24 <= innerHeight; })()`) {
			t.Errorf("%s: the change is not on the first screen", view)
		}
		b.clickAndLoad(t, "#fold-note a", "hide=0")
		if n := eval[int](t, b, `document.querySelectorAll("#diff .rl-skip, #diff [hidden]").length`); n != 0 {
			t.Errorf("%s: %d markers or folded elements after Show the whole text", view, n)
		}
	}
}

// TestBrowserSetsRightToLeftTextRightToLeft: an Arabic story's paragraphs,
// in the inline diff, side by side, the headline and the summary, take
// their direction from their text, so that a paragraph's opening quote
// mark stands at its right, where an Arabic reader starts, and summary
// numbers stand on the right inside the panel.
func TestBrowserSetsRightToLeftTextRightToLeft(t *testing.T) {
	b := newBrowser(t)
	s := startSite(t, web.Config{})
	quote := "\"نحن نبذل كل ما في وسعنا\"، قال المحافظ محمد علي."
	s.put(t, "flood-ar", "فيضانات في الإسكندرية", "لقي 12 شخصا على الأقل حتفهم في فيضانات ضربت الإسكندرية.\n\n"+quote)
	s.put(t, "flood-ar", "فيضانات في الإسكندرية: 20 قتيلا", "لقي 20 شخصا على الأقل حتفهم في فيضانات ضربت الإسكندرية.\n\n"+quote)
	// The x of the opening quote mark less that of the letter after it:
	// above 0 when the paragraph runs right to left.
	quoteBeforeLetter := `(function (sel) {
		var el = document.querySelector(sel), w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n;
		while ((n = w.nextNode())) {
			var i = n.data.indexOf("\"نحن");
			if (i < 0) { continue; }
			var r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
			var q = r.getBoundingClientRect().left; r.setStart(n, i + 1); r.setEnd(n, i + 2);
			return q - r.getBoundingClientRect().left;
		}
		return 0; })(%s)`
	for _, tc := range []struct{ view, sel string }{{"inline", "#diff .rl-diff"}, {"side", "#diff table.rl-side-by-side"}} {
		b.do(t, chromedp.Navigate(s.url+"/articles/flood-ar?summary=1&view="+tc.view))
		if d := eval[float64](t, b, fmt.Sprintf(quoteBeforeLetter, jsString(tc.sel))); d <= 0 {
			t.Errorf("%s: the opening quote mark is %.0f px right of the letter after it, want it on its right (right to left)", tc.view, d)
		}
	}
	for _, sel := range []string{"h1", ".summary-sentences li"} {
		if dir := eval[string](t, b, fmt.Sprintf(`getComputedStyle(document.querySelector(%s)).direction`, jsString(sel))); dir != "rtl" {
			t.Errorf("%s: got direction %s, want rtl", sel, dir)
		}
	}
	if out := eval[float64](t, b, `(function () { var li = document.querySelector(".summary-sentences li"), p = document.querySelector(".summary").getBoundingClientRect();
		return li.getBoundingClientRect().right + 24 - p.right; })()`); out > 0 {
		t.Errorf("a summary sentence's number overflows the panel by %.0f px", out)
	}
}

// TestBrowserSummaryPanelKeepsItsRoom: the summary panel, fetched after
// the page, keeps the room its sentences are expected to take, so that the
// revisions below it barely move when it arrives, at a desktop's width and
// a phone's, for a length in sentences and a word budget, with and without
// what's new. Where the timeline stands while the summary is on its way is
// measured on the page whose fetch never answers, which axe-core checks too.
func TestBrowserSummaryPanelKeepsItsRoom(t *testing.T) {
	b := newBrowser(t)
	axe := axeSource(t)
	top := `document.getElementById("tl-h").getBoundingClientRect().top + scrollY`
	for _, width := range []int64{1280, 390} {
		s := startSite(t, web.Config{}) // a cache of its own: no summary comes at once
		for _, rev := range newsroomStory {
			s.put(t, "storm", rev[0], rev[1])
		}
		for _, view := range []string{"", "&unit=words&length=40", "&since=1&length=2", "&view=side&length=5"} {
			path := "/articles/storm?from=1&to=3" + view
			b.do(t, chromedp.EmulateViewport(width, 900))
			stall, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: "window.fetch = function () { return new Promise(function () {}); };"})
			if err != nil {
				t.Fatal(err)
			}
			b.do(t, chromedp.Navigate(s.url+path))
			before := eval[float64](t, b, top)
			if n := eval[int](t, b, `document.querySelectorAll(".summary[aria-busy] .pending").length`); n == 0 {
				t.Fatalf("%s: no summary on its way; the test needs one", path)
			}
			if v := axeViolations(t, b, axe); len(v) > 0 {
				t.Errorf("%d px, %s, the summary on its way: axe-core violations:\n%s", width, path, strings.Join(v, "\n"))
			}
			if _, err := chromedp.Call(b.ctx, page.RemoveScriptToEvaluateOnNewDocument,
				page.RemoveScriptToEvaluateOnNewDocumentParams(stall)); err != nil {
				t.Fatal(err)
			}
			b.do(t, chromedp.Navigate(s.url+path))
			b.settle(t)
			if n := eval[int](t, b, `document.querySelectorAll(".summary .pending, .summary[data-src], .summary[aria-busy]").length`); n != 0 ||
				len(texts(t, b, ".summary [data-summary-sentence]")) == 0 {
				t.Fatalf("%s: the summary did not replace what waited for it", path)
			}
			after := eval[float64](t, b, top)
			t.Logf("%d px %s: the timeline moved %+.0f px", width, view, after-before)
			if d := after - before; d > 40 || d < -40 {
				t.Errorf("%d px, %s: the timeline moved %+.0f px when the summary came, want less than 2 lines", width, path, d)
			}
		}
	}
	b.do(t, chromedp.EmulateViewport(1280, 900))
}
