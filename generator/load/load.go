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
	r := &reader{fsys: fsys, l: l}
	site := &model.Site{National: r.loadNational()}
	names := slugs
	if len(names) == 0 {
		names = Municipalities(fsys)
		if len(names) == 0 {
			l.Report(diag.Pos{File: MunicipalitiesDir}, noMunicipalities)
		}
	} else {
		all := Municipalities(fsys)
		var ok []string
		for _, s := range slugs {
			if !slices.Contains(all, s) && !r.isDir(MunicipalitiesDir+"/"+s) {
				l.Add(diag.At(diag.Pos{File: MunicipalitiesDir + "/" + s}, noSuchMunicipality, "name", s, "names", all).Suggest(s, all))
				continue
			}
			ok = append(ok, s)
		}
		names = ok
	}
	ms := make([]*model.Municipality, len(names))
	parallel.Do(len(names), func(i int) { ms[i] = r.loadMunicipality(names[i], site.National) })
	for _, m := range ms {
		if m != nil {
			m.Unloaded = r.unloadedBelow(m.Dir, ContentDir)
			site.Municipalities = append(site.Municipalities, m)
		}
	}
	if len(site.Municipalities) == 1 && len(Municipalities(fsys)) == 1 {
		site.AtRoot = model.BasePath(site.Municipalities[0].BaseURL) == "/"
	}
	return site
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
