package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

func init() {
	register("version", "print the version, commit and Go version", runVersion)
}

func runVersion(_ context.Context, stdio Stdio, args []string) error {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fmt.Fprintln(stdio.Stderr, "Usage: redline version\n\nPrints the version, the commit and the Go version it was built with.")
		return nil
	}
	if len(args) > 0 {
		return usageError{"version takes no arguments"}
	}
	fmt.Fprintf(stdio.Stdout, "redline %s (commit %s, %s)\n", buildVersion(), buildCommit(), runtime.Version())
	return nil
}

// buildVersion returns the version set at link time, else the module version.
func buildVersion() string {
	if version != "dev" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return version
}

// buildCommit returns the commit set at link time, else the VCS revision the
// Go toolchain stamped into the binary.
func buildCommit() string {
	if commit != "unknown" {
		return commit
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
	}
	return commit
}
