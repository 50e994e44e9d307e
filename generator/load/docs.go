package load

import (
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/parallel"
)

// docSet says how loadDocs reads one kind of document folder (pages or
// toolbox): how to load a main file, where its slug and translations are.
type docSet[T any] struct {
	what         string // "page" or "document", for messages
	skip         map[string]bool
	load         func(f docFile) *T
	slug         func(*T) string
	translations func(*T) *[]*model.Translation
	// translation loads a translation of main (see translations.go).
	translation func(f docFile, main *T) *model.Translation
}

// loadDocs loads the Markdown documents of dir: the main files on all
// cores, then the translations, which join the main file of their slug in
// dir or, failing that, in others (the national documents a municipality
// shows). Files whose language suffix variant() accepts are language
// variants of national documents (om-bti.nn.md), returned apart.
func loadDocs[T any](r *reader, dir string, variant func(lang string) bool, others map[string]*T, set docSet[T]) (docs []*T, variants map[string][]*T) {
	if !r.isDir(dir) {
		return nil, nil
	}
	var mains, translations []docFile
	for _, f := range r.listDocs(dir, set.skip) {
		if f.lang != "" && !variant(f.lang) {
			translations = append(translations, f)
		} else {
			mains = append(mains, f)
		}
	}
	loaded := make([]*T, len(mains))
	parallel.Do(len(mains), func(i int) { loaded[i] = set.load(mains[i]) })
	bySlug := map[string]*T{}
	for i, f := range mains {
		d := loaded[i]
		switch {
		case d == nil:
		case f.lang != "":
			if variants == nil {
				variants = map[string][]*T{}
			}
			variants[f.lang] = append(variants[f.lang], d)
		default:
			bySlug[set.slug(d)] = d
			docs = append(docs, d)
		}
	}
	for _, f := range translations {
		d, ok := bySlug[f.slug]
		if !ok {
			d, ok = others[f.slug]
		}
		if !ok && r.isUnloaded(dir+"/"+f.slug+".md") {
			continue // its original has a mistake of its own, reported there
		}
		if !ok {
			r.l.Report(diag.Pos{File: f.path, Line: 1, Col: 1}, translationOrphan, "name", f.slug, "file", dir+"/"+f.slug+".md", "dir", dir)
			continue
		}
		if tr := set.translation(f, d); tr != nil {
			trs := set.translations(d)
			*trs = append(*trs, tr)
		}
	}
	return docs, variants
}
