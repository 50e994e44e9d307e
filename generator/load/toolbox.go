package load

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/slug"
)

var toolKinds = []string{model.KindForm, model.KindArticle, model.KindFile, model.KindLink}

// docFile is a Markdown file of a toolbox or pages folder, by slug.
type docFile struct {
	path string
	slug string
	lang string // "" for the main file
}

// listDocs lists the Markdown files of a toolbox or pages folder and
// reports names that do not fit. skip names subfolders that belong there.
func (r *reader) listDocs(dir string, skip map[string]bool) []docFile {
	var out []docFile
	for _, e := range r.dirEntries(dir) {
		name := e.Name()
		p := dir + "/" + name
		if e.IsDir() {
			if !skip[name] && !strings.HasPrefix(name, ".") {
				d := diag.At(diag.Pos{File: p}, notUsed, "name", name).WithHint("nofolders")
				if len(skip) > 0 {
					d = d.WithHint("folder", "allowed", joinKeys(skip))
				}
				r.l.Add(d)
			}
			continue
		}
		if !strings.HasSuffix(name, ".md") {
			if !strings.HasPrefix(name, ".") {
				r.l.Add(diag.At(diag.Pos{File: p}, notUsed, "name", name).WithHint("notmd"))
				r.failed(p)
			}
			continue
		}
		base, lang := splitLang(strings.TrimSuffix(name, ".md"))
		if lang != "" && !validLang(lang) {
			r.l.Report(diag.Pos{File: p, Line: 1, Col: 1}, notLanguageCode, "lang", lang)
			r.failed(p)
			continue
		}
		if !slug.Valid(base) {
			r.badName(diag.Pos{File: p, Line: 1, Col: 1}, base, strings.TrimPrefix(name, base))
			r.failed(p)
			if s := slug.Suggest(base); s != "" {
				r.failed(dir + "/" + s + strings.TrimPrefix(name, base))
			}
			continue
		}
		out = append(out, docFile{path: p, slug: base, lang: lang})
	}
	return out
}

// joinKeys lists the folder names of m as "a/, b/".
func joinKeys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k+"/")
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// loadToolbox loads the toolbox documents of dir ("<root>/toolbox"), where
// root is the folder attachments must stay inside.
//
// A translation whose document is not in dir goes to the document of the
// same slug in others (the national toolbox a municipality shows).
func (r *reader) loadToolbox(root, dir string, national bool, variant func(lang string) bool, others map[string]*model.Tool) (tools []*model.Tool, variants map[string][]*model.Tool) {
	tools, variants = loadDocs(r, dir, variant, others, docSet[model.Tool]{
		what:         "document",
		skip:         map[string]bool{"files": true},
		load:         func(f docFile) *model.Tool { return r.loadTool(root, dir, f, national) },
		slug:         func(t *model.Tool) string { return t.Slug },
		translations: func(t *model.Tool) *[]*model.Translation { return &t.Translations },
		translation:  func(f docFile, t *model.Tool) *model.Translation { return r.loadToolTranslation(dir, f, t) },
	})
	for _, t := range tools {
		r.checkLanguages(t.Languages, t.Translations, dir, t.Slug)
	}
	return tools, variants
}

func (r *reader) loadTool(root, dir string, f docFile, national bool) *model.Tool {
	defer r.guard(f.path)
	var front toolFront
	mf, ok := r.markdown(f.path, &front, true)
	if !ok {
		return nil
	}
	t := &model.Tool{
		Pos: diag.Pos{File: f.path, Line: 1, Col: 1}, File: f.path, National: national, Slug: f.slug,
		Title: front.Title, Kind: front.Kind, Category: strings.TrimSpace(front.Category), Summary: front.Summary,
		ExternalURL: front.URL, Levels: front.Levels, Audience: r.audience(mf, front.Audience),
		Languages: refs(mf.front, "languages", front.Languages), Aliases: refs(mf.front, "aliases", front.Aliases),
	}
	r.require(mf, "title", front.Title, diag.Phrase("example.tool_title"))
	switch {
	case front.Kind == "":
		r.l.Add(diag.At(mf.front.Pos("kind"), missingKey, "key", "kind", "example", `"form"`).WithHint("front"))
	case !slices.Contains(toolKinds, front.Kind):
		r.l.Add(diag.At(mf.front.Pos("kind"), unknownKind, "value", front.Kind).Suggest(front.Kind, toolKinds))
	}
	if front.File != "" && front.Kind != model.KindFile {
		r.l.Report(mf.front.Pos("file"), fileNotForKind, "kind", front.Kind)
	}
	if front.URL != "" && front.Kind != model.KindLink {
		r.l.Report(mf.front.Pos("url"), urlNotForKind, "kind", front.Kind)
	}
	switch front.Kind {
	case model.KindFile:
		if r.require(mf, "file", front.File, `"files/name.pdf"`) {
			t.Attachment, t.AttachPos = r.attachment(root, dir, front.File, mf.front.ValuePos("file", front.File))
		}
	case model.KindLink:
		if r.require(mf, "url", front.URL, `"https://..."`) && !isWebURL(front.URL) {
			r.l.Report(mf.front.ValuePos("url", front.URL), notWebAddress, "value", front.URL)
		}
	}
	for _, n := range front.Levels {
		if n < 0 || n > 3 {
			r.l.Report(mf.front.Pos("levels"), toolLevelUnknown, "number", n)
		}
	}
	t.Body = r.body(mf, front.Kind == model.KindForm)
	return t
}

// attachment checks the path of a kind-file attachment, relative to the
// toolbox folder, and returns its path from the site root.
func (r *reader) attachment(root, dir, file string, pos diag.Pos) (string, diag.Pos) {
	if strings.ContainsAny(file, "\\\r\n\t\b\f") {
		// files\rutine.pdf: in TOML, \r is a carriage return.
		r.l.Report(pos, backslashInPath)
		return "", pos
	}
	if path.IsAbs(file) || strings.Contains(file, ":") {
		r.l.Report(pos, attachmentAbsolute, "value", file)
		return "", pos
	}
	p := path.Join(dir, file)
	if p != root && !strings.HasPrefix(p, root+"/") {
		r.l.Report(pos, attachmentOutside, "value", file, "root", root, "dir", dir)
		return "", pos
	}
	if !r.exists(p) {
		r.l.Add(diag.At(pos, attachmentMissing, "value", file, "dir", path.Dir(p)).Suggest(path.Base(p), r.fileNames(path.Dir(p))))
		return "", pos
	}
	return p, pos
}

// fileNames lists the names of the regular files in dir (none when it
// cannot be read).
func (r *reader) fileNames(dir string) []string {
	var out []string
	entries, _ := readDirQuiet(r, dir)
	for _, e := range entries {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// checkLanguages reports languages listed in front matter whose
// translation file does not exist.
func (r *reader) checkLanguages(langs []model.Ref, trs []*model.Translation, dir, slugName string) {
	have := map[string]bool{}
	for _, tr := range trs {
		have[tr.Lang] = true
	}
	for _, l := range langs {
		if !have[l.Name] {
			r.l.Report(l.Pos, translationMissing, "lang", l.Name, "file", dir+"/"+slugName+"."+l.Name+".md")
		}
	}
}

func isWebURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}
