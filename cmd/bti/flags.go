package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
)

// newFlags makes the flag set of command name. The usage string of each
// flag is the name of its description in the message catalogue
// ("cli.flag.out"), so that bti help shows it in the reader's language.
// Every command has -C and --lang.
func newFlags(name string) (*flag.FlagSet, *cliFlags) {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard) // errors and help are printed by parse, in Norwegian
	c := &cliFlags{name: name}
	c.dir = fl.String("C", ".", "cli.flag.C")
	c.lang = fl.String("lang", "", "cli.flag.lang")
	return fl, c
}

// cliFlags are the flags every command has.
type cliFlags struct {
	name string
	dir  *string
	lang *string
}

// language is the language every message is forced into ("" for each
// municipality's own): --lang, else BTI_LANG.
func (c *cliFlags) language() string {
	if *c.lang != "" {
		return *c.lang
	}
	return os.Getenv("BTI_LANG")
}

// runLang is the language of messages about no municipality in
// particular: the forced one, or bokmål.
func (c *cliFlags) runLang() string {
	if l := c.language(); l != "" {
		return l
	}
	return "nb"
}

var (
	unknownFlag = regexp.MustCompile(`^flag provided but not defined: (.+)$`)
	needsValue  = regexp.MustCompile(`^flag needs an argument: (.+)$`)
	badValue    = regexp.MustCompile(`^invalid (?:boolean |)value "(.*)" for flag (\S+): `)
)

// parse parses flags that may come before, between or after the
// positional arguments ("bti build lillestrom --no-pdf"). It returns the
// positional arguments and -1, or an exit code: 0 after printing the
// command's help (-h), 2 after a mistake in the flags, in Norwegian.
func parse(fl *flag.FlagSet, c *cliFlags, args []string, stdout, stderr io.Writer) ([]string, int) {
	var pos []string
	for {
		err := fl.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stdout, c.name, c.runLang())
			return nil, 0
		}
		if err != nil {
			lang := c.runLang()
			if l := os.Getenv("BTI_LANG"); l != "" && validLang(l) {
				lang = l
			}
			msg := err.Error()
			switch {
			case unknownFlag.MatchString(msg):
				given := unknownFlag.FindStringSubmatch(msg)[1]
				msg = diag.T(lang, "cli.unknown_flag", "cmd", c.name, "flag", given)
				if s := closestFlag(fl, given); s != "" {
					msg += " (" + diag.T(lang, "cli.did_you_mean", "cmd", s) + ")"
				}
			case needsValue.MatchString(msg):
				msg = diag.T(lang, "cli.flag_needs_value", "cmd", c.name, "flag", "-"+needsValue.FindStringSubmatch(msg)[1])
			case badValue.MatchString(msg):
				m := badValue.FindStringSubmatch(msg)
				msg = diag.T(lang, "cli.flag_bad_value", "cmd", c.name, "flag", "-"+m[2], "value", m[1])
			}
			fmt.Fprintln(stderr, msg)
			fmt.Fprintln(stderr, diag.T(lang, "cli.see_help", "cmd", c.name))
			return nil, 2
		}
		rest := fl.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if l := c.language(); l != "" && !validLang(l) {
		fmt.Fprintln(stderr, diag.T("nb", "cli.bad_lang", "value", l))
		return nil, 2
	}
	return pos, -1
}

// closestFlag is the flag of fl whose name is closest to given (as the
// flag package names it, "-nopdf"), written as bti help shows it
// ("--no-pdf"), or "" when none is close.
func closestFlag(fl *flag.FlagSet, given string) string {
	var names []string
	fl.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	s := diag.Suggest(strings.TrimLeft(given, "-"), names)
	switch {
	case s == "":
		return ""
	case len(s) == 1:
		return "-" + s
	}
	return "--" + s
}

func validLang(l string) bool { return l == "nb" || l == "nn" || l == "en" }

// commands are the commands and their flag sets, for bti help.
var commands = map[string]func() *flag.FlagSet{
	"build":   func() *flag.FlagSet { fl, _ := buildFlags(); return fl },
	"check":   func() *flag.FlagSet { fl, _ := checkFlags(); return fl },
	"serve":   func() *flag.FlagSet { fl, _ := serveFlags(); return fl },
	"new":     func() *flag.FlagSet { fl, _ := newCmdFlags(); return fl },
	"version": func() *flag.FlagSet { fl, _ := newFlags("version"); return fl },
}

// printHelp writes what a command does and its flags.
func printHelp(w io.Writer, name, lang string) {
	mk, ok := commands[name]
	if !ok {
		fmt.Fprint(w, strings.TrimLeft(diag.T(lang, "cli.usage"), "\n"))
		return
	}
	fmt.Fprintln(w, diag.T(lang, diag.Phrase("cli.usage."+name)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, diag.T(lang, "cli.options"))
	fl := mk()
	type line struct{ key, text string }
	var lines []line
	fl.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		name := dash + f.Name
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool {
			name += " " + strings.ToUpper(valueName(f.Name))
		}
		text := fmt.Sprintf("  %-24s %s", name, diag.T(lang, diag.Phrase(f.Usage)))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			text += " " + diag.T(lang, "cli.default", "value", f.DefValue)
		}
		lines = append(lines, line{strings.ToLower(f.Name), text})
	})
	sort.Slice(lines, func(i, j int) bool { return lines[i].key < lines[j].key })
	for _, l := range lines {
		fmt.Fprintln(w, l.text)
	}
}

// valueName is what a flag's value is called in the help.
func valueName(flag string) string {
	switch flag {
	case "C", "out", "cache":
		return "dir"
	case "port":
		return "n"
	case "cpuprofile":
		return "file"
	}
	return flag
}

// count formats n municipalities in lang.
func municipalities(lang string, n int) string {
	if n == 1 {
		return diag.T(lang, "cli.municipalities.one")
	}
	return diag.T(lang, "cli.municipalities.many", "n", n)
}
