package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

func buildFlags() (*flag.FlagSet, *buildOptions) {
	fl, c := newFlags("build")
	o := &buildOptions{cliFlags: c}
	o.out = fl.String("out", "public", "cli.flag.out")
	o.noPDF = fl.Bool("no-pdf", false, "cli.flag.no-pdf")
	o.cpuProfile = fl.String("cpuprofile", "", "cli.flag.cpuprofile")
	o.timings = fl.Bool("timings", false, "cli.flag.timings")
	o.force = fl.Bool("force", false, "cli.flag.force")
	return fl, o
}

type buildOptions struct {
	*cliFlags
	out, cpuProfile *string
	noPDF, timings  *bool
	force           *bool
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fl, o := buildFlags()
	slugs, code := parse(fl, o.cliFlags, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	dir, out, noPDF, cpuProfile, timings := o.dir, o.out, o.noPDF, o.cpuProfile, o.timings
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
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*dir, outDir)
	}
	shown := shownOut(*out, outDir)
	// A folder that holds the project's sources is refused before any
	// work, whatever the flags.
	if d := checkOutDir(*dir, outDir, shown); d != nil {
		var l diag.List
		l.Add(*d)
		lang := o.runLang()
		diag.Printer{Lang: func(string) string { return lang }, Summary: lang}.Print(stderr, &l)
		fmt.Fprintln(stderr, diag.T(lang, "cli.nothing_written", "out", shown))
		return 1
	}
	start := time.Now()
	dates := make(chan map[string]string, 1)
	go func() { dates <- gitDates(*dir) }()
	history := make(chan *model.History, 1)
	go func() { history <- gitHistory(*dir) }()
	root, err := openProjectForBuild(*dir)
	if err != nil {
		fmt.Fprintln(stderr, diag.T(o.runLang(), "cli.cannot_open", "detail", err.Error()))
		return 1
	}
	fsys := content.Overlay(root)
	stages := stageTimer{last: start}
	site, l := pipeline.LoadSince(fsys, slugs, previousSources(*dir))
	stages.done("load and check")
	langs := pipeline.NewLanguages(fsys, site, o.language())
	lang := langs.Run()
	hist := <-history
	if hist != nil && hist.Shallow {
		l.Report(diag.Pos{}, shallowHistory)
	}
	if langs.Print(stderr, l) > 0 {
		fmt.Fprintln(stderr, diag.T(lang, "cli.nothing_written", "out", shown))
		return 1
	}
	opts := render.Options{Changed: <-dates, History: hist, PDF: !*noPDF}
	// A build of some of the municipalities keeps the others that are in
	// the output folder in the list of sites and _redirects at the root.
	var others []pipeline.Listed
	if len(slugs) > 0 {
		others = listedIn(outDir)
	}
	tree, err := pipeline.HTMLWith(fsys, site, opts, others)
	stages.done("render HTML")
	if err == nil && opts.PDF {
		var pdfs output.Tree
		pdfs, err = pipeline.PDFs(fsys, site, opts)
		maps.Copy(tree, pdfs)
		stages.done("make PDFs")
	}
	if err != nil {
		var l diag.List
		l.Report(diag.Pos{}, pipeline.RenderFailed, "detail", err.Error())
		langs.Print(stderr, &l)
		fmt.Fprintln(stderr, diag.T(lang, "cli.nothing_written", "out", shown))
		return 1
	}
	wopts := output.Options{Owned: []string{"", "assets"}, Notes: map[string]string{}, Force: *o.force}
	for _, m := range site.Municipalities {
		wopts.Owned = append(wopts.Owned, m.Slug)
		note, _ := json.Marshal(pipeline.ListingOf(m))
		wopts.Notes[m.Slug] = string(note)
	}
	recorded := output.Folders(outDir)
	if site.AtRoot {
		// The one site is at the root: every folder it has is bti's, and
		// every folder an earlier build recorded (a guide renamed since,
		// or the municipality's folder from when there were several).
		wopts.Owned = append(wopts.Owned[:2], topFolders(tree)...)
		wopts.Owned = append(wopts.Owned, recorded...)
		wopts.Notes = nil
	} else if len(slugs) == 0 {
		// A municipality removed from the project: the files bti wrote
		// for it go (and nothing else there).
		inProject := map[string]bool{"": true, "assets": true}
		for _, s := range load.Municipalities(fsys) {
			inProject[s] = true
		}
		for _, f := range recorded {
			if !inProject[f] {
				wopts.Owned = append(wopts.Owned, f)
			}
		}
	}
	if *o.force && recorded == nil {
		fmt.Fprintln(stdout, diag.T(lang, "out.forced", "out", shown))
	}
	stats, err := output.WriteWith(outDir, tree, wopts)
	stages.done("write")
	if err != nil {
		if d, ok := writeProblem(err, shown); ok {
			var l diag.List
			l.Add(d)
			langs.Print(stderr, &l)
			if _, refused := output.IsRefused(err); refused {
				fmt.Fprintln(stderr, diag.T(lang, "cli.nothing_written", "out", shown))
			}
			return 1
		}
		fmt.Fprintln(stderr, diag.T(lang, "cli.error", "cmd", "build", "detail", err.Error()))
		return 1
	}
	pages := 0
	for p := range tree {
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	fmt.Fprintln(stdout, diag.T(lang, "cli.built", "municipalities", municipalities(lang, len(site.Municipalities)),
		"pages", pages, "files", len(tree), "out", *out, "took", time.Since(start).Round(time.Millisecond).String(),
		"written", stats.Written, "unchanged", stats.Unchanged, "removed", stats.Removed))
	if *timings {
		stages.print(stdout)
	}
	return 0
}

// topFolders lists the folders at the top of tree, sorted, once each.
func topFolders(tree output.Tree) []string {
	seen := map[string]bool{}
	var out []string
	for p := range tree {
		if top, _, ok := strings.Cut(p, "/"); ok && !seen[top] {
			seen[top] = true
			out = append(out, top)
		}
	}
	sort.Strings(out)
	return out
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

// listedIn returns what the manifest of outDir says of the municipalities
// built there before; one recorded by a bti that kept no notes is listed
// by its slug, with its lines of the _redirects there.
func listedIn(outDir string) []pipeline.Listed {
	notes := output.Notes(outDir)
	var out []pipeline.Listed
	var oldRedirects []byte
	for _, f := range output.Folders(outDir) {
		if f == "" || f == "assets" {
			continue
		}
		if _, err := os.Stat(filepath.Join(outDir, f, "index.html")); err != nil {
			continue // deleted by hand since
		}
		var l pipeline.Listed
		if n, ok := notes[f]; ok && json.Unmarshal([]byte(n), &l) == nil && l.Slug == f {
			out = append(out, l)
			continue
		}
		if oldRedirects == nil {
			oldRedirects, _ = os.ReadFile(filepath.Join(outDir, "_redirects"))
		}
		l = pipeline.Listed{Slug: f, Name: f}
		for _, line := range strings.SplitAfter(string(oldRedirects), "\n") {
			if strings.HasPrefix(line, "/"+f+"/") {
				l.Redirects += line
			}
		}
		out = append(out, l)
	}
	return out
}
