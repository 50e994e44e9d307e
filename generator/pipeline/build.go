package pipeline

import (
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/i18n"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/parallel"
	"github.com/bti-handbook/bti/generator/pdf"
	"github.com/bti-handbook/bti/generator/render"
)

// Sink is where a streaming build puts its files, part by part
// (output.Session is one): each part is a municipality's site in its
// folder, and last the files at the root.
type Sink interface {
	// Reuse reports whether the file at path that an earlier build made
	// from key is still there as it was written: then it is kept, and
	// not made again.
	Reuse(path string, key output.Key) bool
	// Add takes the files of a part, with the keys of those made from
	// known sources (the PDFs).
	Add(tree output.Tree, keys map[string]output.Key) error
}

// PDFStore keeps PDFs by the key of what they are made from, between
// builds (output.Cache is one, a folder that CI can keep).
type PDFStore interface {
	Get(key output.Key) ([]byte, bool)
	Put(key output.Key, data []byte)
	// Keep says that the build has the PDF of key (kept in the output
	// folder), so that the store may keep it too.
	Keep(key output.Key)
}

// BuildOptions say what Build builds, and where it puts it.
type BuildOptions struct {
	// Slugs are the municipalities to build (all when empty).
	Slugs []string
	// Previous lists the files under municipalities/ as last published
	// (see LoadSince); nil when not known.
	Previous []string
	// Render are the options of the pages and PDFs (with PDF, and not
	// PDFOnRequest, the PDFs are made too).
	Render render.Options
	// Dates, when set, gives Render.Changed (the dates from git): it is
	// called once, when the first site is rendered, so that reading git
	// can go on while the files are loaded.
	Dates func() map[string]string
	// History, when set, gives Render.History (the git history of the
	// change log), called once like Dates.
	History func() *model.History
	// Others are the municipalities an earlier build put in the output
	// folder that this one does not build (see HTMLWith).
	Others []Listed
	// Sink receives the files; with none, Build only loads and checks.
	Sink Sink
	// PDFs, when set, keeps made PDFs by key (a PDF found there is not
	// made again).
	PDFs PDFStore
	// Workers is how many municipalities are loaded, rendered and
	// handed to Sink at once (0: as many as there are cores).
	Workers int
}

// Built is what Build found and did.
type Built struct {
	// Site is a summary of the run: whether its one site is at the root,
	// and each municipality that could be read with its slug, folder,
	// name, short name, notice, language, style and base URL only (the
	// full models are released as each is written).
	Site *model.Site
	// Diags are the mistakes found in the files.
	Diags *diag.List
	// Listed is what the files at the root know of each municipality
	// built, as a later build of others needs it (see ListingOf).
	Listed []Listed
	// Files and Pages count the files handed to Sink, and the HTML pages
	// among them.
	Files, Pages int
	// PDFs says how each PDF came to be.
	PDFs PDFCounts
	// Err is the first failure to render or to hand files to Sink (the
	// files had no mistakes): nothing should then be committed.
	Err error
	// Times are how long each stage took, summed over the municipalities
	// (several are built at once, so the sum may exceed the time taken).
	Times StageTimes
}

// StageTimes are the time a build spent in each stage, summed over the
// municipalities.
type StageTimes struct {
	Load, Check, Render, PDF, Stage time.Duration
}

// add adds t to s.
func (s *StageTimes) add(t StageTimes) {
	s.Load += t.Load
	s.Check += t.Check
	s.Render += t.Render
	s.PDF += t.PDF
	s.Stage += t.Stage
}

// Print writes a line per stage (for bti build --timings).
func (s StageTimes) Print(w io.Writer) {
	for _, st := range []struct {
		name string
		d    time.Duration
	}{{"load", s.Load}, {"check", s.Check}, {"render HTML", s.Render}, {"PDFs", s.PDF}, {"compare, stage", s.Stage}} {
		fmt.Fprintf(w, "    %-14s %6d ms (summed over the municipalities)\n", st.name, st.d.Milliseconds())
	}
}

// PDFCounts count the PDFs of a build by how they came to be: made,
// kept in the output folder (their key unchanged), or taken from the
// PDF store. Made lists the paths of the ones made.
type PDFCounts struct {
	Made, Reused, Stored int
	MadePaths            []string
}

// Build loads, checks and builds the municipalities one by one (a few at
// once, the national content loaded once), handing each one's files to
// o.Sink as soon as they are made and then releasing its model and
// files, so that memory does not grow with the number of
// municipalities; last, the files at the root, made from a small summary
// of each (Listed). Every municipality is loaded and checked, but once
// a mistake is found (in any of them) or a site fails, no more are
// rendered: the caller commits the sink only when Diags has no errors
// and Err is nil.
func Build(fsys fs.FS, o BuildOptions) *Built {
	l := &diag.List{}
	ld := load.Begin(fsys, o.Slugs, l)
	names := ld.Names
	b := &Built{Diags: l, Site: &model.Site{National: ld.National}}
	opts := o.Render
	if opts.Shared == nil {
		opts.Shared = render.NewShared()
	}
	makePDFs := opts.PDF && !opts.PDFOnRequest
	var text *i18n.Tables
	if makePDFs && o.Sink != nil {
		var err error
		if text, err = interfaceText(opts); err != nil {
			b.Err = err
		}
	}
	dates := sync.OnceValue(func() map[string]string {
		if o.Dates != nil {
			return o.Dates()
		}
		return opts.Changed
	})
	history := sync.OnceValue(func() *model.History {
		if o.History != nil {
			return o.History()
		}
		return opts.History
	})

	summaries := make([]*model.Municipality, len(names))
	listed := make([]Listed, len(names))
	atRoot := make([]bool, len(names))
	errs := make([]error, len(names))
	var stop atomic.Bool // a mistake or a failure: render no more
	if b.Err != nil {
		stop.Store(true)
	}
	var mu sync.Mutex // b's counts
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The sites go to the sink on goroutines of their own, so that the
	// workers go on with the next municipality while one is written
	// (a few wait at most, which bounds the memory).
	type made struct {
		i    int
		part output.Tree
		keys map[string]output.Key
	}
	parts := make(chan made, 2)
	var writers sync.WaitGroup
	for range 2 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for p := range parts {
				t := time.Now()
				err := o.Sink.Add(p.part, p.keys)
				d := time.Since(t)
				if err != nil {
					errs[p.i] = err
					stop.Store(true)
				}
				mu.Lock()
				b.Times.Stage += d
				mu.Unlock()
			}
		}()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) {
					return
				}
				var times StageTimes
				t0 := time.Now()
				m := ld.Municipality(names[i])
				t1 := time.Now()
				times.Load = t1.Sub(t0)
				if m == nil {
					mu.Lock()
					b.Times.add(times)
					mu.Unlock()
					continue
				}
				one := &model.Site{National: ld.National, Municipalities: []*model.Municipality{m}, AtRoot: ld.AtRoot(m)}
				check.Check(one, l)
				if o.Previous != nil {
					check.Vanished(one, o.Previous, l)
				}
				times.Check = time.Since(t1)
				mu.Lock()
				b.Times.add(times)
				mu.Unlock()
				summaries[i], listed[i], atRoot[i] = summary(m), ListingOf(m), one.AtRoot
				if o.Sink == nil || stop.Load() {
					continue
				}
				if l.Errors() > 0 {
					stop.Store(true)
					continue
				}
				ropts := opts
				ropts.Changed, ropts.History = dates(), history()
				st, part, keys, err := buildSite(fsys, one, m, ropts, text, o)
				if err != nil {
					errs[i] = err
					stop.Store(true)
					continue
				}
				parts <- made{i, part, keys}
				mu.Lock()
				b.Times.add(st.times)
				b.Files += st.files
				b.Pages += st.pages
				b.PDFs.Made += len(st.made)
				b.PDFs.Reused += st.reused
				b.PDFs.Stored += st.stored
				b.PDFs.MadePaths = append(b.PDFs.MadePaths, st.made...)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(parts)
	writers.Wait()

	var built []Listed
	for i, m := range summaries {
		if m == nil {
			continue
		}
		b.Site.Municipalities = append(b.Site.Municipalities, m)
		built = append(built, listed[i])
		if b.Err == nil && errs[i] != nil {
			b.Err = errs[i]
		}
	}
	b.Listed = built
	b.Site.AtRoot = len(b.Site.Municipalities) == 1 && atRoot[indexOf(summaries, b.Site.Municipalities[0])]
	if o.Sink == nil || b.Err != nil || l.Errors() > 0 || b.Site.AtRoot {
		return b // the one site at the root brought its _redirects
	}
	root, err := rootFiles(built, o.Others, opts)
	if err == nil {
		err = o.Sink.Add(root, nil)
	}
	if err != nil {
		b.Err = err
		return b
	}
	b.Files += len(root)
	for p := range root {
		if strings.HasSuffix(p, ".html") {
			b.Pages++
		}
	}
	return b
}

func indexOf(ms []*model.Municipality, m *model.Municipality) int {
	for i, x := range ms {
		if x == m {
			return i
		}
	}
	return -1
}

// summary is what the run keeps of m once its site is written.
func summary(m *model.Municipality) *model.Municipality {
	return &model.Municipality{Slug: m.Slug, Dir: m.Dir, Name: m.Name, ShortName: m.ShortName, Notice: m.Notice,
		Language: m.Language, Style: m.Style, BaseURL: m.BaseURL}
}

// siteStats are what building one site did.
type siteStats struct {
	times          StageTimes
	files, pages   int
	reused, stored int
	made           []string
}

// buildSite renders m's site (one is the site of m alone, which says
// where it goes) and makes the PDFs whose keys the sink or the store do
// not have: the part for the sink, with the keys of the PDFs in it.
func buildSite(fsys fs.FS, one *model.Site, m *model.Municipality, opts render.Options, text *i18n.Tables, o BuildOptions) (siteStats, output.Tree, map[string]output.Key, error) {
	var st siteStats
	t0 := time.Now()
	tree, err := render.Municipality(fsys, m, opts)
	st.times.Render = time.Since(t0)
	if err != nil {
		return st, nil, nil, fmt.Errorf("%s: %w", m.Slug, err)
	}
	folder := one.Folder(m)
	part := make(output.Tree, len(tree)+1)
	for p, data := range tree {
		part[folder+p] = data
	}
	tree = nil
	if one.AtRoot {
		part["_redirects"] = []byte(atRootRedirects(m))
	}
	var keys map[string]output.Key
	t1 := time.Now()
	if opts.PDF && !opts.PDFOnRequest {
		jobs := municipalityPDFJobs(fsys, one, m, opts, text)
		pj := make([]pdf.Job, len(jobs))
		for i, j := range jobs {
			pj[i] = j.Job
		}
		jobKeys := pdf.Keys(pj)
		keys = make(map[string]output.Key, len(jobs))
		var todo []int
		for i, j := range jobs {
			if o.Sink.Reuse(j.Path, jobKeys[i]) {
				st.reused++
				st.files++
				if o.PDFs != nil {
					o.PDFs.Keep(jobKeys[i])
				}
				continue
			}
			keys[j.Path] = jobKeys[i]
			if o.PDFs != nil {
				if data, ok := o.PDFs.Get(jobKeys[i]); ok {
					part[j.Path] = data
					st.stored++
					continue
				}
			}
			todo = append(todo, i)
		}
		data := make([][]byte, len(todo))
		errs := make([]error, len(todo))
		parallel.Do(len(todo), func(k int) { data[k], errs[k] = jobs[todo[k]].Make() })
		for k, i := range todo {
			if errs[k] != nil {
				return st, nil, nil, fmt.Errorf("%s: %w", jobs[i].Path, errs[k])
			}
			part[jobs[i].Path] = data[k]
			st.made = append(st.made, jobs[i].Path)
			if o.PDFs != nil {
				o.PDFs.Put(jobKeys[i], data[k])
			}
		}
	}
	st.files += len(part)
	for p := range part {
		if strings.HasSuffix(p, ".html") {
			st.pages++
		}
	}
	st.times.PDF = time.Since(t1)
	return st, part, keys, nil
}
