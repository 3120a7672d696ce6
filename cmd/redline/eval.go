package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/redline-news/redline/internal/eval"
	"github.com/redline-news/redline/summarize"
)

func init() {
	register("eval", "score the summarizers (eval summarize) and train the learned scorer (eval train)", runEval)
}

func runEval(ctx context.Context, stdio Stdio, args []string) error {
	if len(args) == 0 {
		return usageError{"eval needs a subcommand: summarize or train"}
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stdio.Stderr, "Usage: redline eval summarize|train [flags]\n\nRun 'redline eval summarize -h' or 'redline eval train -h' for their flags.")
		return nil
	case "summarize":
		return runEvalSummarize(ctx, stdio, args[1:])
	case "train":
		return runEvalTrain(ctx, stdio, args[1:])
	}
	return usageError{fmt.Sprintf("unknown eval subcommand %q: want summarize or train", args[0])}
}

// newFlagSet returns a flag set that reports to stderr and leaves the exit
// status to the caller.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags turns flag errors into usage errors; -h is not an error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return exitCode(0)
	}
	if err != nil {
		return usageError{err.Error()}
	}
	return nil
}

func runEvalSummarize(ctx context.Context, stdio Stdio, args []string) error {
	fs := newFlagSet("eval summarize", stdio.Stderr)
	data := fs.String("data", "", "data set `file` (jsonl)")
	format := fs.String("format", "", "data format: cnndm or bbc (default: detect)")
	split := fs.String("split", eval.SplitEval, "BBC rows to score: eval, train or all (BBC files only)")
	algos := fs.String("algorithms", strings.Join(summarize.Algorithms(), ","), "comma-separated `algorithms` to score")
	folds := fs.Int("cv", 0, "also estimate the learned scorer on held-out data with this many cross-validation folds (CNN/DM), training on the rest and on --bbc")
	bbc := fs.String("bbc", "", "BBC data `file` whose training rows join each cross-validation fold's training set")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" || fs.NArg() > 0 {
		return usageError{"eval summarize needs --data FILE and no arguments"}
	}
	if *format != "" && *format != eval.CNNDM && *format != eval.BBC {
		return usageError{fmt.Sprintf("--format must be cnndm or bbc, not %q", *format)}
	}
	items, detected, err := loadItems(*data, *format, *split)
	if err != nil {
		return err
	}
	if detected != eval.BBC && flagSet(fs, "split") {
		return usageError{"--split chooses BBC rows; a " + detected + " file is scored whole"}
	}
	results, err := scoreAll(ctx, items, detected, strings.Split(*algos, ","))
	if err != nil {
		return err
	}
	if *folds > 0 {
		cv, err := crossValidate(ctx, items, *folds, *bbc)
		if err != nil {
			return err
		}
		results = append(results, cv)
	}
	printResults(stdio.Stdout, detected, len(items), results)
	return nil
}

func loadItems(path, format, split string) ([]eval.Item, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	items, detected, err := eval.Load(f, format, split)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	if len(items) == 0 {
		return nil, "", fmt.Errorf("%s: no items", path)
	}
	return items, detected, nil
}

// scoreAll scores each algorithm at the protocol's length, then the Lead-3
// baseline on CNN/DM (on BBC, lead at the reference's length is Lead-N).
func scoreAll(ctx context.Context, items []eval.Item, format string, algos []string) ([]eval.Result, error) {
	var results []eval.Result
	for _, name := range algos {
		if _, err := summarize.Summarize("Check.", summarize.Options{Algorithm: name}); err != nil {
			return nil, usageError{err.Error()}
		}
		res, err := eval.Evaluate(ctx, name, items, eval.Algorithm(name, nil))
		if err != nil {
			return nil, err
		}
		results = append(results, res)
	}
	if format == eval.CNNDM {
		res, err := eval.Evaluate(ctx, "lead-3", items, eval.LeadK(3))
		if err != nil {
			return nil, err
		}
		results = append(results, res)
	}
	return results, nil
}

func crossValidate(ctx context.Context, items []eval.Item, folds int, bbcPath string) (eval.Result, error) {
	var extra []eval.Item
	if bbcPath != "" {
		var err error
		if extra, _, err = loadItems(bbcPath, eval.BBC, eval.SplitTrain); err != nil {
			return eval.Result{}, err
		}
	}
	return eval.CrossValidate(ctx, items, extra, folds, eval.DefaultTraining())
}

func printResults(w io.Writer, format string, n int, results []eval.Result) {
	fmt.Fprintf(w, "%s, %d items, mean F1 (%%); then %% of summaries that open with a dangling reference,\n", format, n)
	fmt.Fprintf(w, "hold an orphaned reference, hold a fragment of under 4 words, hold a byline,\n")
	fmt.Fprintf(w, "go on with a quotation without the sentence before it (speakerless),\n")
	fmt.Fprintf(w, "leave a quotation open without the sentence that goes on with it\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "summarizer\tROUGE-1\tROUGE-2\tROUGE-Lsum\tdangling\torphaned\tfragment\tbyline\tspeakerless\tunclosed\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n", r.Name, r.Rouge1, r.Rouge2, r.RougeLsum,
			r.Dangling, r.Orphaned, r.Fragment, r.Byline, r.Speakerless, r.Unclosed)
	}
	tw.Flush()
	for _, r := range results {
		if r.Failed > 0 {
			fmt.Fprintf(w, "%s: %d items failed and scored 0\n", r.Name, r.Failed)
		}
	}
}

func runEvalTrain(ctx context.Context, stdio Stdio, args []string) error {
	fs := newFlagSet("eval train", stdio.Stderr)
	cnndm := fs.String("cnndm", "", "CNN/DM dev data `file`")
	bbc := fs.String("bbc", "", "BBC data `file` (only its training rows are read)")
	out := fs.String("out", "summarize/model_weights.go", "Go source `file` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cnndm == "" || *bbc == "" || fs.NArg() > 0 {
		return usageError{"eval train needs --cnndm FILE and --bbc FILE and no arguments"}
	}
	cnnItems, _, err := loadItems(*cnndm, eval.CNNDM, eval.SplitAll)
	if err != nil {
		return err
	}
	bbcItems, _, err := loadItems(*bbc, eval.BBC, eval.SplitTrain)
	if err != nil {
		return err
	}
	m, err := eval.Train(ctx, cnnItems, bbcItems, eval.DefaultTraining())
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, m.GoSource(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdio.Stdout, "trained on %d CNN/DM and %d BBC documents (%d and %d sentences); wrote %s\n", m.CNNDMDocs, m.BBCDocs, m.Rows[0], m.Rows[1], *out)
	return nil
}

// flagSet reports whether the command line set the flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
