// Command bti builds BTI handbooks (Bedre Tverrfaglig Innsats) from
// Markdown and TOML into static websites with printable forms.
//
//	bti build [slug...] [--no-pdf] [--out public]   build the sites into public/
//	bti check [slug...]                             report mistakes, write nothing
//	bti serve [slug] [--port N]                     preview on 127.0.0.1
//	bti new <slug> --style lillestrom|vardo         start a municipality
//
// Run it from the folder that holds municipalities/ (and optionally
// content/; the national defaults are built in). Only this package touches
// the operating system; the stages read through fs.FS.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

const usage = `bti builds BTI handbooks into websites and printable forms.

Usage:
  bti build [slug...] [--no-pdf] [--out DIR]   build every municipality (or the ones named) into public/
  bti check [slug...]                          report every mistake in the files; writes nothing
  bti serve [slug] [--port N] [--addr ADDR]    preview the site on http://127.0.0.1:8080/
  bti new <slug> --style lillestrom|vardo      start a new municipality in municipalities/<slug>/
  bti help                                     show this text

Run bti from the folder that holds municipalities/.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the exit, for tests. It turns a panic into a message
// that asks for a bug report instead of a stack trace.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			code = crashReport(p, debug.Stack(), args, stderr)
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "serve":
		return cmdServe(rest, stdout, stderr)
	case "new":
		return cmdNew(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "bti: unknown command %q", cmd)
	if s := suggestCommand(cmd); s != "" {
		fmt.Fprintf(stderr, " (did you mean %q?)", s)
	}
	fmt.Fprint(stderr, "\n\n"+usage)
	return 2
}

// crashReport tells the user, in one short message, that bti itself failed,
// and keeps the technical details (the stack) in a file for the bug report.
func crashReport(p any, stack []byte, args []string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "bti: internal error: %v\n", p)
	fmt.Fprintln(stderr, "This is a bug in bti, not in your files; the site in public/ is as it was.")
	f, err := os.CreateTemp("", "bti-crash-*.txt")
	if err == nil {
		fmt.Fprintf(f, "bti %s\npanic: %v\n\n%s", strings.Join(args, " "), p, stack)
		f.Close()
		fmt.Fprintf(stderr, "Please report it and attach %s, which holds the details.\n", f.Name())
	}
	return 3
}

func suggestCommand(cmd string) string {
	for _, c := range []string{"build", "check", "serve", "new", "help"} {
		if strings.HasPrefix(c, cmd) || strings.HasPrefix(cmd, c) {
			return c
		}
	}
	return ""
}
