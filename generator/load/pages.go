package load

import (
	"github.com/bti-handbook/bti/generator/parallel"

	"io/fs"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// loadPages loads the free pages of dir ("<root>/pages"). Files whose
// language suffix variant() accepts are language variants of national
// pages (om-bti.nn.md), returned apart; other suffixes are translations.
//
// A translation whose page is not in dir goes to the page of the same slug
// in others (the national pages a municipality shows), so a municipality
// can translate a national page without copying it.
func (r *reader) loadPages(dir string, national bool, variant func(lang string) bool, others map[string]*model.Page) (pages []*model.Page, variants map[string][]*model.Page) {
	if !r.isDir(dir) {
		return nil, nil
	}
	files := r.listDocs(dir, nil)
	bySlug := map[string]*model.Page{}
	var translations []docFile
	var mains []docFile
	for _, f := range files {
		if f.lang != "" && !variant(f.lang) {
			translations = append(translations, f)
		} else {
			mains = append(mains, f)
		}
	}
	loaded := make([]*model.Page, len(mains))
	parallel.Do(len(mains), func(i int) { loaded[i] = r.loadPage(mains[i], national) })
	for i, f := range mains {
		p := loaded[i]
		if p == nil {
			continue
		}
		if f.lang != "" {
			if variants == nil {
				variants = map[string][]*model.Page{}
			}
			variants[f.lang] = append(variants[f.lang], p)
			continue
		}
		bySlug[p.Slug] = p
		pages = append(pages, p)
	}
	for _, f := range translations {
		p, ok := bySlug[f.slug]
		if !ok {
			p, ok = others[f.slug]
		}
		if !ok {
			r.l.Errorf(diag.Pos{File: f.path, Line: 1, Col: 1}, "name a translation after its page: "+dir+"/<slug>.md and "+dir+"/<slug>.<language>.md",
				"translation of %q, but %s/%s.md does not exist", f.slug, dir, f.slug)
			continue
		}
		if tr := r.loadTranslation(f, false); tr != nil {
			p.Translations = append(p.Translations, tr)
		}
	}
	return pages, variants
}

func (r *reader) loadPage(f docFile, national bool) *model.Page {
	defer r.guard(f.path)
	var front pageFront
	mf, ok := r.markdown(f.path, &front, true)
	if !ok {
		return nil
	}
	r.require(mf, "title", front.Title, `"Om BTI"`)
	if model.ReservedSlugs[f.slug] {
		r.l.Errorf(diag.Pos{File: f.path, Line: 1, Col: 1}, "rename the page: /"+f.slug+"/ is used by the site itself", "page name %q is reserved", f.slug)
		return nil
	}
	return &model.Page{
		Pos: diag.Pos{File: f.path, Line: 1, Col: 1}, File: f.path, National: national, Slug: f.slug,
		Title: front.Title, Summary: front.Summary, Menu: front.Menu, Weight: front.Weight,
		Aliases: refs(mf.front, "aliases", front.Aliases), Body: r.body(mf, false),
	}
}

func readDirQuiet(r *reader, dir string) ([]fs.DirEntry, error) {
	return fs.ReadDir(r.fsys, dir)
}
