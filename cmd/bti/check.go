package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/klarsprak"
	"github.com/bti-handbook/bti/generator/pipeline"
)

func checkFlags() (*flag.FlagSet, *checkOptions) {
	fl, c := newFlags("check")
	o := &checkOptions{cliFlags: c}
	o.format = fl.String("format", "text", "cli.flag.format")
	o.klarsprak = fl.Bool("klarsprak", false, "cli.flag.klarsprak")
	return fl, o
}

type checkOptions struct {
	*cliFlags
	format    *string
	klarsprak *bool
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fl, o := checkFlags()
	slugs, code := parse(fl, o.cliFlags, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	switch *o.format {
	case "text", "github", "json":
	default:
		fmt.Fprintln(stderr, diag.T(o.runLang(), "cli.bad_format", "value", *o.format))
		return 2
	}
	start := time.Now()
	root, err := openProjectForBuild(*o.dir)
	if err != nil {
		fmt.Fprintln(stderr, diag.T(o.runLang(), "cli.cannot_open", "detail", err.Error()))
		return 1
	}
	fsys := content.Overlay(root)
	site, l := pipeline.LoadSince(fsys, slugs, previousSources(*o.dir))
	langs := pipeline.NewLanguages(fsys, site, o.language())
	var reports []*klarsprak.Report
	if *o.klarsprak {
		reports = klarsprakCheck(root, site, l)
	}
	out := stderr
	if *o.format != "text" {
		out = stdout // for the tools that read it
	}
	errs := langs.Printer(*o.format).Print(out, l)
	if *o.format == "text" && *o.klarsprak {
		printKlarsprak(stdout, langs.Run(), reports)
	}
	if errs > 0 {
		return 1
	}
	if *o.format != "text" {
		return 0
	}
	steps, tools := 0, 0
	for _, m := range site.Municipalities {
		tools += len(m.Toolbox)
		for _, g := range m.Guides {
			for _, gl := range g.Levels {
				steps += len(gl.Steps)
			}
		}
	}
	lang := langs.Run()
	fmt.Fprintln(stdout, diag.T(lang, "cli.check_ok", "municipalities", municipalities(lang, len(site.Municipalities)),
		"steps", steps, "tools", tools, "took", time.Since(start).Round(time.Millisecond).String()))
	return 0
}
