package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	dir := fl.String("C", ".", "the project folder (holding municipalities/)")
	slugs, err := parseInterspersed(fl, args, stderr)
	if err != nil {
		return 2
	}
	start := time.Now()
	root, err := openProjectForBuild(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "bti: %v\n", err)
		return 1
	}
	fsys := content.Overlay(root)
	site, l := pipeline.Load(fsys, slugs)
	errs := l.Print(stderr)
	if errs > 0 {
		return 1
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
	fmt.Fprintf(stdout, "bti check: %s, %d steps, %d toolbox documents: no errors (%s)\n",
		count(len(site.Municipalities), "municipality", "municipalities"), steps, tools, time.Since(start).Round(time.Millisecond))
	return 0
}
