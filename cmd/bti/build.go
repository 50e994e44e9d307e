package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
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
	o.cache = fl.String("cache", "", "scale.flag.cache")
	return fl, o
}

type buildOptions struct {
	*cliFlags
	out, cpuProfile *string
	noPDF, timings  *bool
	force           *bool
	cache           *string
}

// cacheDir is the folder of --cache, else of BTI_CACHE ("" for none).
func (o *buildOptions) cacheDir() string {
	if *o.cache != "" {
		return *o.cache
	}
	return os.Getenv("BTI_CACHE")
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
		// of memory that a build has to spare. The site is built
		// municipality by municipality, so what is live stays small.
		debug.SetGCPercent(400)
	}
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*dir, outDir)
	}
	shown := shownOut(*out, outDir)
	// A folder that holds the project's sources is refused before any
	// work, whatever the flags; so is a cache folder that would be
	// published or read as sources.
	refused := checkOutDir(*dir, outDir, shown)
	cacheDir, cacheShown := o.cacheDir(), ""
	if cacheDir != "" {
		cacheShown = cacheDir
		if !filepath.IsAbs(cacheDir) {
			cacheDir = filepath.Join(*dir, cacheDir)
		}
		if refused == nil {
			refused = checkCacheDir(*dir, outDir, cacheDir, cacheShown, shown)
		}
	}
	if refused != nil {
		var l diag.List
		l.Add(*refused)
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
	opts := render.Options{PDF: !*noPDF}
	// A build of some of the municipalities keeps the others that are in
	// the output folder in the list of sites and _redirects at the root.
	var others []pipeline.Listed
	if len(slugs) > 0 {
		others = listedIn(outDir)
	}
	recorded := output.Folders(outDir)
	// The output folder is looked at before any work: a folder of
	// someone else's is refused (once the files are known to have no
	// mistakes, which are told first).
	session, beginErr := output.Begin(outDir, output.Options{Force: *o.force})
	bo := pipeline.BuildOptions{Slugs: slugs, Previous: previousSources(*dir), Render: opts, Others: others,
		Dates: func() map[string]string { return <-dates }, History: sync.OnceValue(func() *model.History { return <-history })}
	var cache *output.Cache
	var warnings diag.List
	if beginErr == nil {
		bo.Sink = session
		if cacheDir != "" && opts.PDF {
			if cache, err = output.OpenCache(cacheDir); err != nil {
				warnings.Report(diag.Pos{}, cacheUnusable, "cache", cacheShown, "detail", err.Error())
			} else {
				bo.PDFs = cache
			}
		}
	}
	built := pipeline.Build(fsys, bo)
	stages.done("build")
	site, l := built.Site, built.Diags
	if hist := bo.History(); hist != nil && hist.Shallow {
		warnings.Report(diag.Pos{}, shallowHistory)
	}
	for _, d := range warnings.Sorted() {
		l.Add(d)
	}
	langs := pipeline.NewLanguages(fsys, site, o.language())
	lang := langs.Run()
	abort := func() int {
		if session != nil {
			session.Abort()
		}
		fmt.Fprintln(stderr, diag.T(lang, "cli.nothing_written", "out", shown))
		return 1
	}
	if langs.Print(stderr, l) > 0 {
		return abort()
	}
	if beginErr != nil {
		return writeFailed(beginErr, shown, langs, stderr, lang)
	}
	if err := built.Err; err != nil {
		var l diag.List
		if d, ok := writeProblem(err, shown); ok {
			l.Add(d)
		} else {
			l.Report(diag.Pos{}, pipeline.RenderFailed, "detail", err.Error())
		}
		langs.Print(stderr, &l)
		return abort()
	}
	owned := []string{"", "assets"}
	if site.AtRoot {
		// The one site is at the root: every folder it has is bti's (the
		// session owns the folders of its files), and every folder an
		// earlier build recorded (a guide renamed since, or the
		// municipality's folder from when there were several).
		owned = append(owned, recorded...)
	} else {
		for _, m := range built.Listed {
			owned = append(owned, m.Slug)
			note, _ := json.Marshal(m)
			session.Note(m.Slug, string(note))
		}
		if len(slugs) == 0 {
			// A municipality removed from the project: the files bti wrote
			// for it go (and nothing else there).
			inProject := map[string]bool{"": true, "assets": true}
			for _, s := range load.Municipalities(fsys) {
				inProject[s] = true
			}
			for _, f := range recorded {
				if !inProject[f] {
					owned = append(owned, f)
				}
			}
		}
	}
	session.Own(owned...)
	if *o.force && recorded == nil {
		fmt.Fprintln(stdout, diag.T(lang, "out.forced", "out", shown))
	}
	stats, err := session.Commit()
	stages.done("write")
	if err != nil {
		return writeFailed(err, shown, langs, stderr, lang)
	}
	fmt.Fprintln(stdout, diag.T(lang, "cli.built", "municipalities", municipalities(lang, len(site.Municipalities)),
		"pages", built.Pages, "files", built.Files, "out", *out, "took", time.Since(start).Round(time.Millisecond).String(),
		"written", stats.Written, "unchanged", stats.Unchanged, "removed", stats.Removed))
	if opts.PDF {
		p := built.PDFs
		fmt.Fprintln(stdout, diag.T(lang, "scale.pdfs", "made", p.Made, "reused", p.Reused, "stored", p.Stored))
	}
	if cache != nil {
		var l diag.List
		if err := cache.Err(); err != nil {
			l.Report(diag.Pos{}, cacheNotSaved, "cache", cacheShown, "detail", err.Error())
		} else if len(slugs) == 0 {
			// After a build of everything, the cache holds what the next
			// build can use and nothing more.
			if _, err := cache.Prune(); err != nil {
				l.Report(diag.Pos{}, cacheNotSaved, "cache", cacheShown, "detail", err.Error())
			}
		}
		if l.Len() > 0 {
			langs.Print(stderr, &l)
		}
	}
	if *timings {
		stages.print(stdout)
		built.Times.Print(stdout)
		printMade(stdout, lang, built.PDFs.MadePaths)
	}
	return 0
}

// writeFailed prints why the output folder was not written (a refusal:
// nothing was) or could not be written whole, and returns the exit code.
func writeFailed(err error, shown string, langs *pipeline.Languages, stderr io.Writer, lang string) int {
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

// printMade lists the PDFs a build made (for --timings), sorted, the
// first 20.
func printMade(w io.Writer, lang string, paths []string) {
	sort.Strings(paths)
	for i, p := range paths {
		if i == 20 {
			fmt.Fprintln(w, "  "+diag.T(lang, "scale.made_more", "count", len(paths)-20))
			break
		}
		fmt.Fprintln(w, "  "+diag.T(lang, "scale.made", "path", p))
	}
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
