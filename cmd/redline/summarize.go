package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/summarize"
)

// maxSummarizeInput bounds what summarize reads, from a file, standard input
// or one --jsonl line: far above any article, low enough to fail fast on a
// wrong file.
const maxSummarizeInput = 10 << 20

func init() {
	register("summarize", "summarize a text file or standard input", runSummarize)
}

// summarizeFlags are the parsed command line of summarize.
type summarizeFlags struct {
	opts   summarize.Options
	format string
	// formatSet is whether --format or --json was given, which --jsonl,
	// always JSON, must not silently ignore.
	formatSet bool
	jsonl     bool
	path      string
}

func parseSummarizeFlags(stderr io.Writer, args []string) (summarizeFlags, error) {
	var f summarizeFlags
	fs := newFlagSet("summarize", stderr)
	fs.IntVar(&f.opts.Sentences, "sentences", 0, "summary length in `n` sentences (default 3)")
	fs.Float64Var(&f.opts.Ratio, "ratio", 0, "summary length as a share of the sentences, 0 < `r` <= 1")
	fs.IntVar(&f.opts.Words, "words", 0, "word budget: the longest summary that fits in `n` words")
	fs.StringVar(&f.opts.Algorithm, "algorithm", summarize.DefaultAlgorithm, "algorithm: "+strings.Join(summarize.Algorithms(), ", "))
	fs.StringVar(&f.opts.Language, "language", "", "ISO 639-1 `code` of the text's language, overriding detection; "+
		strings.Join(summarize.Languages(), ", ")+" have stop words and stemming, any other code the detector knows is summarized without (default: detect)")
	fs.StringVar(&f.opts.FallbackLanguage, "fallback-language", "", "language `code` to assume when the text is too short or unclear to detect (default "+summarize.DefaultLanguage+")")
	fs.StringVar(&f.opts.Order, "order", summarize.OrderDocument, "sentence order: document or rank")
	fs.IntVar(&f.opts.Keywords, "keywords", 0, "how many key phrases: JSON has 10 unless told, text, Markdown and HTML list them only when told; 0 for none")
	fs.StringVar(&f.format, "format", "text", "output format: text, markdown, html or json")
	asJSON := fs.Bool("json", false, "same as --format json")
	fs.BoolVar(&f.jsonl, "jsonl", false, `read {"id","text"} lines and write one JSON result a line`)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: redline summarize [flags] [FILE]\n\nSummarizes FILE, or standard input without one (or with \"-\"), up to %d MiB.\n"+
			"Exit status: 0 summarized, 1 an input that cannot be summarized, 2 bad flags.\n\nFlags:\n", maxSummarizeInput>>20)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return f, err
	}
	if *asJSON {
		f.format = "json"
	}
	fs.Visit(func(fl *flag.Flag) { f.formatSet = f.formatSet || fl.Name == "format" })
	if err := explicitZero(fs, "sentences", "ratio", "words"); err != nil {
		return f, err
	}
	if f.opts.Keywords < 0 {
		return f, usageError{"--keywords must be between 0 and 100"}
	}
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "keywords" && f.opts.Keywords == 0 {
			f.opts.Keywords = summarize.NoKeywords
		}
	})
	return f, f.check(fs.Args())
}

// explicitZero refuses a length flag given as 0: the library reads 0 as
// "not given", but whoever typed --sentences 0 asked for something else.
func explicitZero(fs *flag.FlagSet, names ...string) error {
	var err error
	fs.Visit(func(fl *flag.Flag) {
		if slices.Contains(names, fl.Name) && (fl.Value.String() == "0") && err == nil {
			err = usageError{fmt.Sprintf("--%s must be above 0", fl.Name)}
		}
	})
	return err
}

func (f *summarizeFlags) check(args []string) error {
	switch {
	case len(args) > 1:
		return usageError{"summarize takes at most one FILE"}
	case !strings.Contains(" text markdown html json ", " "+f.format+" "):
		return usageError{fmt.Sprintf("--format must be text, markdown, html or json, not %q", f.format)}
	case f.jsonl && f.formatSet && f.format != "json":
		return usageError{fmt.Sprintf("--jsonl writes one JSON result a line; --format %s does not apply to it", f.format)}
	}
	if len(args) == 1 {
		f.path = args[0]
	}
	if _, err := summarize.Summarize("Check.", f.opts); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

func runSummarize(ctx context.Context, stdio Stdio, args []string) error {
	f, err := parseSummarizeFlags(stdio.Stderr, args)
	if err != nil {
		return err
	}
	in := stdio.Stdin
	if f.path != "" && f.path != "-" {
		file, err := os.Open(f.path)
		if err != nil {
			return err
		}
		defer file.Close()
		in = file
	}
	if f.jsonl {
		return summarizeLines(ctx, stdio, in, f.opts)
	}
	return summarizeOne(stdio.Stdout, in, f)
}

func summarizeOne(w io.Writer, in io.Reader, f summarizeFlags) error {
	data, err := io.ReadAll(io.LimitReader(in, maxSummarizeInput+1))
	if err != nil {
		return err
	}
	if len(data) > maxSummarizeInput {
		return fmt.Errorf("input is larger than the %d MiB limit", maxSummarizeInput>>20)
	}
	if strings.TrimSpace(string(data)) == "" {
		return errors.New("input is empty: nothing to summarize")
	}
	if !utf8.Valid(data) {
		return errors.New("input is not UTF-8 text")
	}
	// The same rules as the texts POST /v1/summarize takes, so that a
	// text the service refuses is not summarized here either.
	if err := service.ValidateText("input", string(data)); err != nil {
		return errors.New(service.ErrorMessage(err))
	}
	sum, err := summarize.Summarize(string(data), f.opts)
	if err != nil {
		return err
	}
	return writeSummary(w, sum, f.format)
}

func writeSummary(w io.Writer, sum *summarize.Summary, format string) error {
	var out string
	switch format {
	case "json":
		data, err := json.MarshalIndent(sum, "", "  ")
		if err != nil {
			return err
		}
		out = string(data) + "\n"
	case "markdown":
		out = sum.Markdown()
	case "html":
		out = sum.HTML()
	default:
		out = sum.Text()
	}
	_, err := io.WriteString(w, out)
	return err
}

// jsonlResult is one output line of --jsonl: the summary, or the error.
type jsonlResult struct {
	ID string `json:"id"`
	*summarize.Summary
	Error string `json:"error,omitempty"`
}

// summarizeLines summarizes each {"id","text"} line on every core and writes
// the results in input order; a bad line yields an error line, not a stop.
func summarizeLines(ctx context.Context, stdio Stdio, in io.Reader, opts summarize.Options) error {
	lines, err := readLines(in)
	if err != nil {
		return err
	}
	results := make([][]byte, len(lines))
	var failed atomic.Int64
	bar := newProgress(stdio.Stderr, len(lines))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				var ok bool
				if results[i], ok = summarizeLine(lines[i], opts); !ok {
					failed.Add(1)
				}
				bar.add()
			}
		})
	}
	err = feed(ctx, next, len(lines))
	wg.Wait()
	bar.done()
	if err != nil {
		return err
	}
	if err := writeLines(stdio.Stdout, results); err != nil {
		return err
	}
	if n := failed.Load(); n > 0 {
		return fmt.Errorf("%d of %d lines failed; their output lines hold the errors", n, len(lines))
	}
	return nil
}

func feed(ctx context.Context, next chan<- int, n int) error {
	defer close(next)
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func readLines(in io.Reader) ([][]byte, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), maxSummarizeInput+1)
	var lines [][]byte
	for sc.Scan() {
		if len(strings.TrimSpace(sc.Text())) > 0 {
			lines = append(lines, append([]byte(nil), sc.Bytes()...))
		}
	}
	if errors.Is(sc.Err(), bufio.ErrTooLong) {
		return nil, fmt.Errorf("line %d is larger than the %d MiB limit", len(lines)+1, maxSummarizeInput>>20)
	}
	if len(lines) == 0 && sc.Err() == nil {
		return nil, errors.New("input is empty: no lines to summarize")
	}
	return lines, sc.Err()
}

// summarizeLine returns the output line for one input line, and whether it
// holds a summary rather than an error.
func summarizeLine(line []byte, opts summarize.Options) ([]byte, bool) {
	var req struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	res := jsonlResult{}
	if !utf8.Valid(line) {
		res.Error = "line is not UTF-8 text"
	} else if err := json.Unmarshal(line, &req); err != nil {
		res.Error = "bad line: " + err.Error()
	} else if res.ID = req.ID; strings.TrimSpace(req.Text) == "" {
		res.Error = "text is empty"
	} else if err := service.ValidateText("text", req.Text); err != nil {
		res.Error = service.ErrorMessage(err)
	} else if sum, err := summarize.Summarize(req.Text, opts); err != nil {
		res.Error = err.Error()
	} else {
		res.Summary = sum
	}
	data, _ := json.Marshal(res) // a struct of strings, numbers and slices always marshals
	return data, res.Error == ""
}

func writeLines(w io.Writer, lines [][]byte) error {
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.Write(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
