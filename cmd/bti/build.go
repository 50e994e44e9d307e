package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	dir := fl.String("C", ".", "the project folder (holding municipalities/)")
	out := fl.String("out", "public", "the output folder")
	noPDF := fl.Bool("no-pdf", false, "skip the PDFs")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile to this file (for developers)")
	timings := fl.Bool("timings", false, "print how long each stage took")
	slugs, err := parseInterspersed(fl, args, stderr)
	if err != nil {
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if os.Getenv("GOGC") == "" {
		// A build is short and allocates much (PDF libraries especially):
		// collecting garbage less often makes it markedly faster, at a cost
		// of memory that a build has to spare.
		debug.SetGCPercent(400)
	}
	start := time.Now()
	dates := make(chan map[string]string, 1)
	go func() { dates <- gitDates(*dir) }()
	root, err := openProjectForBuild(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "bti: %v\n", err)
		return 1
	}
	fsys := content.Overlay(root)
	stages := stageTimer{last: start}
	site, l := pipeline.Load(fsys, slugs)
	stages.done("load and check")
	if l.Print(stderr) > 0 {
		fmt.Fprintf(stderr, "bti build: nothing was written; %s is as it was.\n", *out)
		return 1
	}
	opts := render.Options{Changed: <-dates, PDF: !*noPDF}
	tree, err := pipeline.HTML(fsys, site, opts)
	stages.done("render HTML")
	if err == nil && opts.PDF {
		var pdfs output.Tree
		pdfs, err = pipeline.PDFs(fsys, site, opts)
		maps.Copy(tree, pdfs)
		stages.done("make PDFs")
	}
	if err != nil {
		fmt.Fprintf(stderr, "bti build: %v\n", err)
		return 1
	}
	owned := []string{""}
	for _, m := range site.Municipalities {
		owned = append(owned, m.Slug)
	}
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*dir, outDir)
	}
	stats, err := output.Write(outDir, tree, owned)
	stages.done("write")
	if err != nil {
		fmt.Fprintf(stderr, "bti build: %v\n", err)
		return 1
	}
	pages := 0
	for p := range tree {
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	fmt.Fprintf(stdout, "bti build: %s, %d pages, %d files into %s in %s (%s)\n",
		count(len(site.Municipalities), "municipality", "municipalities"), pages, len(tree), *out, time.Since(start).Round(time.Millisecond), stats)
	if *timings {
		stages.print(stdout)
	}
	return 0
}

// stageTimer measures the stages of a build one after the other.
type stageTimer struct {
	last   time.Time
	stages []string
	times  []time.Duration
}

// done records the time since the previous stage ended under name.
func (t *stageTimer) done(name string) {
	now := time.Now()
	t.stages = append(t.stages, name)
	t.times = append(t.times, now.Sub(t.last))
	t.last = now
}

// print writes one line per stage.
func (t *stageTimer) print(w io.Writer) {
	for i, name := range t.stages {
		fmt.Fprintf(w, "  %-16s %6d ms\n", name, t.times[i].Milliseconds())
	}
}
