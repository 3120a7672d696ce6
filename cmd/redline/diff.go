package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/redline-news/redline/diff"
)

// maxDiffInput bounds each file diff reads: far above any article, low
// enough to refuse a wrong file (a video, a database) at once.
const maxDiffInput = 10 << 20

// diffDeadline is longer than the library's default, which suits an HTTP
// request: at a terminal, a finer diff is worth a few seconds.
const diffDeadline = 5 * time.Second

func init() {
	register("diff", "show word by word what changed between two files", runDiff)
}

// diffFlags are the parsed command line of diff.
type diffFlags struct {
	format  string
	color   string
	stats   bool
	context int
	old     string
	new     string
}

func parseDiffFlags(stderr io.Writer, args []string) (diffFlags, error) {
	var f diffFlags
	fs := newFlagSet("diff", stderr)
	fs.StringVar(&f.format, "format", "text", "output format: text, json, html or side-by-side")
	fs.StringVar(&f.color, "color", "auto", "colour the text format: auto (when standard output is a terminal), always or never")
	fs.BoolVar(&f.stats, "stats", false, "print only the change stats (as JSON with --format json)")
	fs.IntVar(&f.context, "context", 0, "collapse unchanged stretches to `N` lines around each change (sentences in side-by-side); 0 shows everything")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: redline diff [flags] OLD NEW\n\nShows word by word what changed from OLD to NEW (\"-\" reads standard input).\nExit status: 0 no change, 1 changes (also bytes that differ only in Unicode normalization, which standard error notes), 2 trouble. Files are limited to 10 MiB.\n\nFlags:")
		fs.PrintDefaults()
	}
	var files []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return f, err
		}
		if fs.NArg() == 0 {
			break
		}
		files, args = append(files, fs.Arg(0)), fs.Args()[1:] // flags may follow the files
	}
	return f, f.check(files)
}

func (f *diffFlags) check(files []string) error {
	switch {
	case len(files) != 2:
		return usageError{"diff takes two files, OLD and NEW"}
	case files[0] == "-" && files[1] == "-":
		return usageError{"only one of OLD and NEW can be standard input"}
	case !oneOf(f.format, "text", "json", "html", "side-by-side"):
		return usageError{fmt.Sprintf("unknown format %q: want text, json, html or side-by-side", f.format)}
	case !oneOf(f.color, "auto", "always", "never"):
		return usageError{fmt.Sprintf("unknown --color %q: want auto, always or never", f.color)}
	case f.context < 0:
		return usageError{"--context must not be negative"}
	}
	f.old, f.new = files[0], files[1]
	return nil
}

func oneOf(s string, choices ...string) bool {
	for _, c := range choices {
		if s == c {
			return true
		}
	}
	return false
}

func runDiff(_ context.Context, stdio Stdio, args []string) error {
	f, err := parseDiffFlags(stdio.Stderr, args)
	if err != nil {
		return err
	}
	old, err := readDiffInput(stdio.Stdin, f.old)
	if err != nil {
		return statusError{code: 2, err: err}
	}
	new, err := readDiffInput(stdio.Stdin, f.new)
	if err != nil {
		return statusError{code: 2, err: err}
	}
	r, err := diff.Compare(old, new, diff.Options{Deadline: diffDeadline})
	if err != nil {
		return statusError{code: 2, err: err}
	}
	if r.Degraded {
		fmt.Fprintf(stdio.Stderr, "redline diff: the diff took over %v and was made coarser in places\n", diffDeadline)
	}
	if err := writeDiff(stdio, f, r); err != nil {
		return statusError{code: 2, err: err}
	}
	if changed(r) {
		if r.Stats.WordsAdded == 0 && r.Stats.WordsRemoved == 0 && norm.NFC.String(old) == norm.NFC.String(new) {
			// The output marks no change, since no word changed; say why
			// the exit status still does.
			fmt.Fprintln(stdio.Stderr, "redline diff: the texts differ only in their Unicode normalization (an accented letter written as one character or as a letter and a combining accent); no word changed")
		}
		return exitCode(1)
	}
	return nil
}

// readDiffInput reads a whole file, or standard input for "-", refusing
// more than maxDiffInput bytes and text that is not UTF-8.
func readDiffInput(stdin io.Reader, path string) (string, error) {
	var r io.Reader = stdin
	name := "standard input"
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer file.Close()
		r, name = file, path
	}
	b, err := io.ReadAll(io.LimitReader(r, maxDiffInput+1))
	switch {
	case err != nil:
		return "", fmt.Errorf("%s: %w", name, err)
	case len(b) > maxDiffInput:
		return "", fmt.Errorf("%s: larger than the %d MiB limit", name, maxDiffInput>>20)
	case !utf8.Valid(b):
		return "", fmt.Errorf("%s: not UTF-8 text", name)
	}
	return string(b), nil
}

// changed reports whether the texts differ at all, white space included.
func changed(r *diff.Result) bool {
	for _, op := range r.Ops {
		if op.Op != diff.Equal {
			return true
		}
	}
	return false
}

func writeDiff(stdio Stdio, f diffFlags, r *diff.Result) error {
	opts := diff.RenderOptions{Context: f.context, Color: f.color == "always" || f.color == "auto" && stdio.Terminal}
	var out string
	switch {
	case f.format == "json":
		return writeDiffJSON(stdio.Stdout, f, r)
	case f.stats:
		out = statsText(r.Stats)
	case !changed(r):
		// Like diff(1) and git diff: no change, no output; the exit
		// status already says so.
	case f.format == "html":
		out = r.HTML(opts) + "\n"
	case f.format == "side-by-side":
		out = r.SideBySideHTML(opts)
	default:
		out = r.Text(opts)
		if out != "" && !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		out += "\n" + diff.FactsLine(r.Facts)
	}
	_, err := io.WriteString(stdio.Stdout, out)
	return err
}

func writeDiffJSON(w io.Writer, f diffFlags, r *diff.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if f.stats {
		return enc.Encode(r.Stats)
	}
	return enc.Encode(r)
}

// statsText sums up the stats in three lines; the percentage is the change
// ratio, (added + removed) / (words of both texts).
func statsText(s diff.Stats) string {
	return fmt.Sprintf("words: %d added, %d removed, %d moved, %d unchanged (%.1f%% changed)\n"+
		"sentences: %d added, %d removed, %d edited, %d moved\nfacts: %d changed\n",
		s.WordsAdded, s.WordsRemoved, s.WordsMoved, s.WordsUnchanged, 100*s.ChangeRatio,
		s.SentencesAdded, s.SentencesRemoved, s.SentencesEdited, s.SentencesMoved, s.FactsChanged)
}
