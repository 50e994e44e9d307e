package load

import (
	"path"
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
				r.l.Warnf(diag.Pos{File: p}, "only "+joinKeys(skip)+" belongs here; move the files or delete the folder", "folder %q is not used", name)
			}
			continue
		}
		if !strings.HasSuffix(name, ".md") {
			if !strings.HasPrefix(name, ".") {
				r.l.Warnf(diag.Pos{File: p}, "attachments belong in toolbox/files/, images in assets/", "file %q is not used: only .md files belong here", name)
			}
			continue
		}
		base, lang := splitLang(strings.TrimSuffix(name, ".md"))
		if lang != "" && !validLang(lang) {
			r.l.Errorf(diag.Pos{File: p, Line: 1, Col: 1}, "a translation is named <slug>.<language>.md with a language code such as en, se or ar; dots are not allowed in names otherwise",
				"%q is not a language code", lang)
			continue
		}
		if !slug.Valid(base) {
			hint := "use only a-z, 0-9 and '-' in file names"
			if s := slug.Suggest(base); s != "" {
				hint = "rename the file to " + s + strings.TrimPrefix(name, base)
			}
			r.l.Errorf(diag.Pos{File: p, Line: 1, Col: 1}, hint, "file name %q is not a valid slug", base)
			continue
		}
		out = append(out, docFile{path: p, slug: base, lang: lang})
	}
	return out
}

func joinKeys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k+"/")
	}
	sort.Strings(ks)
	if len(ks) == 0 {
		return "Markdown files"
	}
	return strings.Join(ks, " and ") + " and Markdown files"
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
		ExternalURL: front.URL, Levels: front.Levels,
		Languages: refs(mf.front, "languages", front.Languages), Aliases: refs(mf.front, "aliases", front.Aliases),
	}
	r.require(mf, "title", front.Title, `"Samtykkeskjema"`)
	switch {
	case front.Kind == "":
		r.l.Errorf(mf.front.Pos("kind"), `add kind = "form", "article", "file" or "link"`, "\"kind\" is missing")
	case !contains(toolKinds, front.Kind):
		r.l.Errorf(mf.front.Pos("kind"), diag.DidYouMean(front.Kind, toolKinds, `kind is one of "form", "article", "file", "link"`),
			"unknown kind %q", front.Kind)
	}
	if front.File != "" && front.Kind != model.KindFile {
		r.l.Errorf(mf.front.Pos("file"), `set kind = "file" for a document that is an attachment, or remove the file line`,
			"\"file\" is only for kind = \"file\" (this is kind %q)", front.Kind)
	}
	if front.URL != "" && front.Kind != model.KindLink {
		r.l.Errorf(mf.front.Pos("url"), `set kind = "link" for a document that points elsewhere, or remove the url line`,
			"\"url\" is only for kind = \"link\" (this is kind %q)", front.Kind)
	}
	switch front.Kind {
	case model.KindFile:
		if r.require(mf, "file", front.File, `"files/name.pdf"`) {
			t.Attachment, t.AttachPos = r.attachment(root, dir, front.File, mf.front.ValuePos("file", front.File))
		}
	case model.KindLink:
		if r.require(mf, "url", front.URL, `"https://..."`) && !isWebURL(front.URL) {
			r.l.Errorf(mf.front.ValuePos("url", front.URL), "write the full address, starting with https://", "url %q is not a web address", front.URL)
		}
	}
	for i, n := range front.Levels {
		if n < 0 || n > 3 {
			r.l.Errorf(mf.front.Pos("levels"), "levels are 0, 1, 2 and 3", "level %d in \"levels\" (item %d) does not exist", n, i+1)
		}
	}
	t.Body = r.body(mf, front.Kind == model.KindForm)
	return t
}

// attachment checks the path of a kind-file attachment, relative to the
// toolbox folder, and returns its path from the site root.
func (r *reader) attachment(root, dir, file string, pos diag.Pos) (string, diag.Pos) {
	if path.IsAbs(file) || strings.Contains(file, `\`) || strings.Contains(file, ":") {
		r.l.Errorf(pos, "write the path relative to the toolbox folder with / between folders, e.g. files/skjema.pdf",
			"attachment path %q must be relative", file)
		return "", pos
	}
	p := path.Join(dir, file)
	if p != root && !strings.HasPrefix(p, root+"/") {
		r.l.Errorf(pos, "put the attachment in "+dir+"/files/ and write file = \"files/<name>\"",
			"attachment %q lies outside %s", file, root)
		return "", pos
	}
	if !r.exists(p) {
		hint := "put the file in " + path.Dir(p) + "/ or correct the name"
		if names := r.fileNames(path.Dir(p)); len(names) > 0 {
			hint = diag.DidYouMean(path.Base(p), names, hint)
		}
		r.l.Errorf(pos, hint, "attachment %q does not exist", file)
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
			r.l.Errorf(l.Pos, "write the translation in "+dir+"/"+slugName+"."+l.Name+".md, or remove \""+l.Name+"\" from languages",
				"translation %q is listed but %s/%s.%s.md does not exist", l.Name, dir, slugName, l.Name)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isWebURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}
