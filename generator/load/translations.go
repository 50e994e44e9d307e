package load

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/source"
)

// A translation (<slug>.<lang>.md) is usually made by copying the
// original file, front matter and all, and translating its text. So a
// translation takes the same keys as its original: the ones a reader
// reads (title, summary, a toolbox document's category) are its own,
// and the rest (kind, file, url, levels, languages, aliases, menu,
// weight) belong to the original. A translation may repeat them with the
// original's value; a different value is a mistake, reported once per
// key. A translation that gives only title and summary, as before, is
// just as good.

// loadToolTranslation loads a translation of the toolbox document t; dir
// is the toolbox folder the translation lies in.
func (r *reader) loadToolTranslation(dir string, f docFile, t *model.Tool) *model.Translation {
	var front toolFront
	tr, mf := r.loadTranslation(f, t.Kind == model.KindForm, &front)
	if tr == nil {
		return nil
	}
	tr.Category = strings.TrimSpace(front.Category)
	o := original{r: r, doc: mf.front, file: t.File}
	o.same("kind", front.Kind, t.Kind, true)
	o.same("url", front.URL, t.ExternalURL, true)
	if front.File != "" && t.Attachment != "" && path.Join(dir, front.File) != t.Attachment {
		o.differs("file", fmt.Sprintf("%q", front.File), fmt.Sprintf("%q", strings.TrimPrefix(t.Attachment, path.Dir(t.File)+"/")))
	}
	o.sameList("levels", ints(front.Levels), ints(t.Levels), false)
	o.sameList("languages", front.Languages, names(t.Languages), true)
	o.sameList("aliases", front.Aliases, names(t.Aliases), true)
	return tr
}

// loadPageTranslation loads a translation of the page p.
func (r *reader) loadPageTranslation(f docFile, p *model.Page) *model.Translation {
	var front pageFront
	tr, mf := r.loadTranslation(f, false, &front)
	if tr == nil {
		return nil
	}
	o := original{r: r, doc: mf.front, file: p.File}
	o.same("menu", fmt.Sprint(front.Menu), fmt.Sprint(p.Menu), false)
	o.same("weight", fmt.Sprint(front.Weight), fmt.Sprint(p.Weight), false)
	o.sameList("aliases", front.Aliases, names(p.Aliases), true)
	return tr
}

// loadTranslation reads a translation's file, decoding its front matter
// into front (the front matter type of its original).
func (r *reader) loadTranslation(f docFile, forms bool, front any) (*model.Translation, mdFile) {
	defer r.guard(f.path)
	mf, ok := r.markdown(f.path, front, true)
	if !ok {
		return nil, mf
	}
	var title, summary string
	switch fr := front.(type) {
	case *toolFront:
		title, summary = fr.Title, fr.Summary
	case *pageFront:
		title, summary = fr.Title, fr.Summary
	}
	r.require(mf, "title", title, diag.Phrase("example.translation_title"))
	return &model.Translation{
		Pos: diag.Pos{File: f.path, Line: 1, Col: 1}, File: f.path, Lang: f.lang,
		Title: title, Summary: summary, Body: r.body(mf, forms),
	}, mf
}

// original compares the keys of a translation's front matter with its
// original's values.
type original struct {
	r    *reader
	doc  *source.Doc // the translation's front matter
	file string      // the original's path
}

// same reports key when the translation sets it to another value than
// the original's.
func (o original) same(key, value, orig string, quoted bool) {
	if o.doc.Has(key) && value != orig {
		if quoted {
			value, orig = fmt.Sprintf("%q", value), fmt.Sprintf("%q", orig)
		}
		o.differs(key, value, orig)
	}
}

// sameList is same for a list of values.
func (o original) sameList(key string, values, orig []string, quoted bool) {
	if o.doc.Has(key) && !slices.Equal(values, orig) {
		o.differs(key, list(values, quoted), list(orig, quoted))
	}
}

func (o original) differs(key, value, orig string) {
	o.r.l.Report(o.doc.Pos(key), translationChanges, "file", o.file, "key", key, "orig", orig, "value", value)
}

func list(vs []string, quoted bool) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = v
		if quoted {
			q[i] = fmt.Sprintf("%q", v)
		}
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func ints(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = fmt.Sprint(n)
	}
	return out
}

func names(refs []model.Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	return out
}
