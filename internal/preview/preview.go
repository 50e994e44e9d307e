// Package preview is the live preview behind `bti serve`: it builds the
// site in memory, serves it on 127.0.0.1, watches the sources and rebuilds
// on every change, and tells open pages to reload themselves.
//
// While the latest edit has mistakes, the last good site stays up and
// every HTML page gets an overlay listing them (path:line:col: message),
// put in by the server so that it shows even without JavaScript. Only the
// files of the built tree are served; nothing is read from disk by URL.
//
// This package, like cmd/bti, touches the operating system: it watches
// folders and listens on a port. The pipeline stages it calls do not.
package preview

import (
	"io/fs"
	"sync"
	"time"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// Config says what to preview.
type Config struct {
	// Root is the project: it holds municipalities/ and maybe content/.
	Root fs.FS
	// Themes, when set, is the themes folder read from disk.
	Themes fs.FS
	// Slugs are the municipalities to build (all when empty).
	Slugs []string
	// Dates are the last-change dates from git.
	Dates map[string]string
	// Previous are the files under municipalities/ as last published
	// (from git), for the warnings about pages that go away.
	Previous []string
	// History is the git history for the change log (/endringer/), nil
	// without one.
	History *model.History
	// Lang, when not "", is the language of every message (--lang en);
	// otherwise each is in its municipality's language.
	Lang string
	// OnBuild, when set, is told the outcome of every build, with the
	// languages to print its messages in.
	OnBuild func(diags []diag.Diagnostic, langs *pipeline.Languages, took time.Duration)
}

// state is one build's outcome as the server shows it.
type state struct {
	tree    output.Tree                // the last good site (kept while there are mistakes)
	site    *model.Site                // the model of the last good site
	pdfs    map[string]pipeline.PDFJob // its PDFs by path, made on request
	diags   []diag.Diagnostic          // the mistakes of the latest build; empty when it was good
	langs   *pipeline.Languages
	version uint64 // counts builds, for reloading pages
	built   time.Time
	took    time.Duration
}

// Site holds the current state and rebuilds it.
type Site struct {
	cfg Config

	mu      sync.RWMutex
	cur     state
	pdfs    pdfCache
	waiters map[chan struct{}]struct{} // closed at the next build
}

// New makes a Site and runs its first build.
func New(cfg Config) *Site {
	s := &Site{cfg: cfg}
	s.Rebuild()
	return s
}

// Rebuild builds the site again from the sources. With mistakes, the last
// good tree stays and the mistakes are kept for the overlay.
func (s *Site) Rebuild() {
	start := time.Now()
	fsys := content.Overlay(s.cfg.Root)
	site, l := pipeline.LoadSince(fsys, s.cfg.Slugs, s.cfg.Previous)
	var tree output.Tree
	var pdfs []pipeline.PDFJob
	diags := l.Sorted()
	langs := pipeline.NewLanguages(fsys, site, s.cfg.Lang)
	if l.Errors() == 0 {
		opts := render.Options{Changed: s.cfg.Dates, History: s.cfg.History, Themes: s.cfg.Themes, NoMinify: true, PDF: true, PDFOnRequest: true}
		var err error
		tree, err = pipeline.Render(fsys, site, opts)
		if err == nil {
			// The PDFs are made when they are asked for (makePDF).
			pdfs, err = pipeline.PDFJobs(fsys, site, opts)
		}
		if err != nil {
			diags = append(diags, diag.At(diag.Pos{}, pipeline.RenderFailed, "detail", err.Error()))
			tree = nil
		}
	}
	s.mu.Lock()
	if tree != nil {
		s.cur.tree = tree
		s.cur.site = site
		s.cur.pdfs = jobsByPath(pdfs)
	}
	errs := 0
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs++
		}
	}
	if errs == 0 {
		diags = nil // warnings do not cover the page
	}
	s.cur.diags = diags
	s.cur.langs = langs
	s.cur.version++
	s.cur.built = time.Now()
	s.cur.took = time.Since(start)
	waiters := s.waiters
	s.waiters = nil
	s.mu.Unlock()
	for w := range waiters {
		close(w)
	}
	if s.cfg.OnBuild != nil {
		s.cfg.OnBuild(diags, langs, time.Since(start))
	}
}

// snapshot returns the current state.
func (s *Site) snapshot() state {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cur
}

// next returns a channel closed at the next build after version v (at once
// when that build is done already).
func (s *Site) next(v uint64) <-chan struct{} {
	ch, _ := s.wait(v)
	return ch
}

// wait is next with a function that forgets the channel, for a waiter
// that goes before the build (a page closed, a connection lost).
func (s *Site) wait(v uint64) (<-chan struct{}, func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan struct{})
	if s.cur.version > v {
		close(ch)
		return ch, func() {}
	}
	if s.waiters == nil {
		s.waiters = map[chan struct{}]struct{}{}
	}
	s.waiters[ch] = struct{}{}
	return ch, func() {
		s.mu.Lock()
		delete(s.waiters, ch)
		s.mu.Unlock()
	}
}

// waiting counts the waiters of the next build.
func (s *Site) waiting() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.waiters)
}

// Version counts the builds so far.
func (s *Site) Version() uint64 { return s.snapshot().version }

// AtRoot reports whether the last good site is one municipality served
// at the root (see model.Site.AtRoot), not in a folder of its own.
func (s *Site) AtRoot() bool {
	st := s.snapshot()
	return st.site != nil && st.site.AtRoot
}
