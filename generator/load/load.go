// Package load reads the files of a BTI handbook project (content/ and
// municipalities/, see docs/content-reference.md) into the typed model.
//
// It reads through an fs.FS, so tests run on fstest.MapFS. Everything that
// can be checked within one file is checked here: TOML syntax, unknown and
// missing keys, file and folder names, a step's sections. What needs the
// whole model (tools and services that steps name, links between files)
// is checked afterwards by package check. Every problem is added to the
// diagnostics list; loading never stops at the first one.
package load

import (
	"github.com/bti-handbook/bti/generator/parallel"

	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// Load reads content/ and the municipalities named in slugs (all of them
// when slugs is empty) from fsys. Problems are added to l; the site holds
// whatever could be read.
func Load(fsys fs.FS, slugs []string, l *diag.List) *model.Site {
	ld := Begin(fsys, slugs, l)
	site := &model.Site{National: ld.National}
	ms := make([]*model.Municipality, len(ld.Names))
	parallel.Do(len(ld.Names), func(i int) { ms[i] = ld.Municipality(ld.Names[i]) })
	for _, m := range ms {
		if m != nil {
			site.Municipalities = append(site.Municipalities, m)
		}
	}
	if len(site.Municipalities) == 1 {
		site.AtRoot = ld.AtRoot(site.Municipalities[0])
	}
	return site
}

// A Loader reads a project one municipality at a time: the national
// content once (Begin), each municipality when it is asked for, so that
// a build of many need not hold every municipality's model at once.
// Load is a Loader that reads them all.
type Loader struct {
	// National is the national content every municipality shares.
	National *model.National
	// Names are the municipalities to read, in order: those asked for
	// that exist, or every one in municipalities/.
	Names []string
	r     *reader
	all   []string
}

// Begin reads content/ and works out which municipalities slugs names
// (all of them when it is empty), reporting the ones that do not exist.
func Begin(fsys fs.FS, slugs []string, l *diag.List) *Loader {
	r := &reader{fsys: fsys, l: l}
	ld := &Loader{r: r, National: r.loadNational(), all: Municipalities(fsys)}
	names := slugs
	if len(names) == 0 {
		names = ld.all
		if len(names) == 0 {
			l.Report(diag.Pos{File: MunicipalitiesDir}, noMunicipalities)
		}
	} else {
		var ok []string
		for _, s := range slugs {
			if !slices.Contains(ld.all, s) && !r.isDir(MunicipalitiesDir+"/"+s) {
				l.Add(diag.At(diag.Pos{File: MunicipalitiesDir + "/" + s}, noSuchMunicipality, "name", s, "names", ld.all).Suggest(s, ld.all))
				continue
			}
			ok = append(ok, s)
		}
		names = ok
	}
	ld.Names = names
	return ld
}

// Municipality reads the municipality name (one of Names), or returns
// nil when it cannot be read at all (the problem is reported). Several
// may be read at once.
func (ld *Loader) Municipality(name string) *model.Municipality {
	m := ld.r.loadMunicipality(name, ld.National)
	if m != nil {
		m.Unloaded = ld.r.unloadedBelow(m.Dir, ContentDir)
	}
	return m
}

// AtRoot reports whether m, read by ld, is published at the root of the
// output folder: it is the project's only municipality and its base_url
// is a host's root (Site.AtRoot).
func (ld *Loader) AtRoot(m *model.Municipality) bool {
	return len(ld.Names) == 1 && len(ld.all) == 1 && model.BasePath(m.BaseURL) == "/"
}

// Municipalities lists the folders in municipalities/, sorted.
func Municipalities(fsys fs.FS) []string {
	entries, err := fs.ReadDir(fsys, MunicipalitiesDir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}
