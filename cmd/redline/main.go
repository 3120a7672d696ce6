// Command redline keeps every revision of every article, summarizes them,
// shows word by word what changed between two revisions and exports
// Prometheus metrics.
//
// Usage:
//
//	redline serve      run the HTTP service
//	redline summarize  summarize a text file or standard input
//	redline diff       show what changed between two files
//	redline eval       score the summarizers and train the learned scorer
//	redline changes    print the change feed of a running service
//	redline loadtest   drive a running server with a mix of requests
//	redline version    print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/redline-news/redline/service"
)

// Build information, set with -ldflags "-X main.version=... -X main.commit=...".
var (
	version = "dev"
	commit  = "unknown"
)

// Stdio is what a subcommand reads from and writes to, so that tests can run
// commands without touching the process' own streams.
type Stdio struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Terminal reports whether Stdout is a terminal (colour, progress bars).
	Terminal bool
}

// command is one subcommand of redline.
type command struct {
	summary string
	run     func(ctx context.Context, stdio Stdio, args []string) error
}

// commands holds every subcommand; each file registers its own in init so
// that subcommands stay independent of each other.
var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, stdio Stdio, args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

// exitCode ends a command with the given status and no message, as diff(1)
// does with 1 for "the inputs differ".
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// statusError prints err and exits with the given status, for commands such as
// diff whose status 1 already means something else than "failed".
type statusError struct {
	code int
	err  error
}

func (e statusError) Error() string { return e.err.Error() }
func (e statusError) Unwrap() error { return e.err }

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stdio := Stdio{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Terminal: isTerminal(os.Stdout)}
	code := run(ctx, stdio, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a subcommand and turns its error into an exit status.
func run(ctx context.Context, stdio Stdio, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdio.Stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = []string{"version"}
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stdio.Stderr, "redline: unknown command %q\n\n", args[0])
		printUsage(stdio.Stderr)
		return 2
	}
	return exitStatus(stdio.Stderr, args[0], cmd.run(ctx, stdio, args[1:]))
}

func exitStatus(stderr io.Writer, name string, err error) int {
	var code exitCode
	var status statusError
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &code):
		return int(code)
	case errors.As(err, &status):
		fmt.Fprintf(stderr, "redline %s: %v\n", name, status.err)
		return status.code
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "redline %s: %s\n", name, usage.msg)
		return 2
	case service.ErrorCode(err) != service.EINTERNAL:
		fmt.Fprintf(stderr, "redline %s: %s\n", name, service.ErrorMessage(err))
		return 1
	default:
		fmt.Fprintf(stderr, "redline %s: %v\n", name, err)
		return 1
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: redline <command> [flags] [arguments]")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun 'redline <command> -h' for a command's flags.")
}
