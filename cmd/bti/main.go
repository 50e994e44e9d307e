// Command bti builds BTI handbooks (Bedre Tverrfaglig Innsats) from
// Markdown and TOML into static websites with printable forms.
//
//	bti build [slug...] [--no-pdf] [--out public]   build the sites into public/
//	bti check [slug...] [--format text|github|json] report mistakes, write nothing
//	bti serve [slug] [--port N]                     preview on 127.0.0.1
//	bti new <slug> --style lillestrom|vardo         start a municipality
//	bti version                                     the version of this bti
//
// Run it from the folder that holds municipalities/ (and optionally
// content/; the national defaults are built in). Only this package touches
// the operating system; the stages read through fs.FS. Everything it
// prints is in the municipality's language (bokmål or nynorsk), or in
// English with --lang en or BTI_LANG=en.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
)

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
	lang := envLang()
	if len(args) == 0 {
		fmt.Fprint(stderr, strings.TrimLeft(diag.T(lang, "cli.usage"), "\n"))
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
	case "version", "--version", "-version":
		return cmdVersion(rest, stdout, stderr)
	case "help", "-h", "--help":
		topic := ""
		if len(rest) > 0 {
			topic = rest[0]
		}
		printHelp(stdout, topic, lang)
		return 0
	}
	fmt.Fprint(stderr, diag.T(lang, "cli.unknown_command", "cmd", cmd))
	if s := suggestCommand(cmd); s != "" {
		fmt.Fprint(stderr, " ("+diag.T(lang, "cli.did_you_mean", "cmd", s)+")")
	}
	fmt.Fprint(stderr, "\n\n"+strings.TrimLeft(diag.T(lang, "cli.usage"), "\n"))
	return 2
}

// envLang is the language of what is printed before a command's flags
// are read: BTI_LANG, else bokmål.
func envLang() string {
	if l := os.Getenv("BTI_LANG"); validLang(l) {
		return l
	}
	return "nb"
}

// crashReport tells the user, in one short message, that bti itself failed,
// and keeps the technical details (the stack and the version) in a file
// for the bug report.
func crashReport(p any, stack []byte, args []string, stderr io.Writer) int {
	lang := envLang()
	fmt.Fprintln(stderr, diag.T(lang, "cli.crash", "detail", fmt.Sprint(p)))
	f, err := os.CreateTemp("", "bti-crash-*.txt")
	if err == nil {
		fmt.Fprintf(f, "bti %s\n%s\npanic: %v\n\n%s", strings.Join(args, " "), versionLine(), p, stack)
		f.Close()
		fmt.Fprintln(stderr, diag.T(lang, "cli.crash_report", "file", f.Name()))
	}
	return 3
}

func suggestCommand(cmd string) string {
	for _, c := range []string{"build", "check", "serve", "new", "version", "help"} {
		if strings.HasPrefix(c, cmd) || strings.HasPrefix(cmd, c) {
			return c
		}
	}
	return diag.Suggest(cmd, []string{"build", "check", "serve", "new", "version", "help"})
}
