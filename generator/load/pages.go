package load

import (
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
	return loadDocs(r, dir, variant, others, docSet[model.Page]{
		what:         "page",
		load:         func(f docFile) *model.Page { return r.loadPage(f, national) },
		slug:         func(p *model.Page) string { return p.Slug },
		translations: func(p *model.Page) *[]*model.Translation { return &p.Translations },
		translation:  r.loadPageTranslation,
	})
}

func (r *reader) loadPage(f docFile, national bool) *model.Page {
	defer r.guard(f.path)
	var front pageFront
	mf, ok := r.markdown(f.path, &front, true)
	if !ok {
		return nil
	}
	r.require(mf, "title", front.Title, diag.Phrase("example.page_title"))
	if model.Reserved(f.slug) && !model.SitePage(f.slug) {
		r.l.Report(diag.Pos{File: f.path, Line: 1, Col: 1}, reservedName, "name", f.slug)
		return nil
	}
	return &model.Page{
		Pos: diag.Pos{File: f.path, Line: 1, Col: 1}, File: f.path, National: national, Slug: f.slug,
		Title: front.Title, Summary: front.Summary, Menu: front.Menu, Weight: front.Weight,
		Audience: r.audience(mf, front.Audience), Aliases: refs(mf.front, "aliases", front.Aliases), Body: r.body(mf, false),
	}
}

func readDirQuiet(r *reader, dir string) ([]fs.DirEntry, error) {
	return fs.ReadDir(r.fsys, dir)
}
