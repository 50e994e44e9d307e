package check

import (
	"github.com/yuin/goldmark/ast"
	"net/url"
	"path"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
)

// target is what a relative link can point to.
type target struct {
	url string
	doc *model.Doc // for checking #anchors; nil when the page has no text of its own
}

// linkIndex maps paths relative to the municipality's folder (as if the
// national files lay there too) to the pages they are published as.
type linkIndex struct {
	m       *model.Municipality
	targets map[string]target
	urls    map[string]bool // every URL of the site, for root-relative links
}

// unloaded reports whether the file at vpath (relative to the
// municipality's folder, as links see it) exists but was not loaded
// because of its own mistake: in the municipality or in content/.
func unloaded(m *model.Municipality, vpath string) bool {
	return m.Unloaded[path.Join(m.Dir, vpath)] || m.Unloaded[path.Join("content", vpath)]
}

// rel returns a file's path relative to the municipality's folder, mapping
// national files (content/...) into the same tree.
func rel(m *model.Municipality, file string) string {
	if s, ok := strings.CutPrefix(file, m.Dir+"/"); ok {
		return s
	}
	if s, ok := strings.CutPrefix(file, "content/"); ok {
		return s
	}
	return file
}

// publishPath is the path below /filer/ at which a file is published.
func publishPath(m *model.Municipality, file string) string {
	if s, ok := strings.CutPrefix(file, m.Dir+"/"); ok {
		return s
	}
	return "felles/" + strings.TrimPrefix(file, "content/")
}

func newLinkIndex(m *model.Municipality) *linkIndex {
	ix := &linkIndex{m: m, targets: map[string]target{}, urls: map[string]bool{}}
	add := func(file, u string, doc *model.Doc) {
		if file != "" {
			ix.targets[rel(m, file)] = target{url: u, doc: doc}
		}
		ix.urls[u] = true
	}
	for _, u := range []string{model.URLHome, model.URLToolbox, model.URLServices, model.URLSearch, model.URLStart, model.URLChanges} {
		ix.urls[u] = true
	}
	for _, g := range m.Guides {
		add(g.Dir, g.URL(), g.Intro)
		for _, gl := range g.Levels {
			add(gl.Dir, g.LevelURL(gl.Number), gl.Intro)
			if gl.Intro != nil {
				add(gl.Intro.File, g.LevelURL(gl.Number), gl.Intro)
			}
			for _, s := range gl.Steps {
				add(s.File, s.URL(), s.Body)
			}
		}
	}
	// A document is also found by its slug, whichever file it came from
	// (a nynorsk variant of a national page replaces pages/<slug>.md).
	for _, t := range m.Toolbox {
		add("toolbox/"+t.Slug+".md", t.URL(), t.Body)
		add(t.File, t.URL(), t.Body)
		for _, tr := range t.Translations {
			add(tr.File, t.TranslationURL(tr.Lang), tr.Body)
		}
	}
	for _, p := range m.Pages {
		add("pages/"+p.Slug+".md", p.URL(), p.Body)
		add(p.File, p.URL(), p.Body)
		for _, tr := range p.Translations {
			add(tr.File, p.TranslationURL(tr.Lang), tr.Body)
		}
	}
	return ix
}

// docs lists every Markdown document of the municipality.
func docs(m *model.Municipality) []*model.Doc {
	var out []*model.Doc
	addDoc := func(d *model.Doc) {
		if d != nil {
			out = append(out, d)
		}
	}
	if m.Emergency != nil {
		addDoc(m.Emergency.Text)
		for _, tr := range m.Emergency.Translations {
			addDoc(tr.Text)
		}
	}
	for _, g := range m.Guides {
		addDoc(g.Intro)
		for _, gl := range g.Levels {
			addDoc(gl.Intro)
			for _, s := range gl.Steps {
				addDoc(s.Body)
			}
		}
	}
	for _, t := range m.Toolbox {
		addDoc(t.Body)
		for _, tr := range t.Translations {
			addDoc(tr.Body)
		}
	}
	for _, p := range m.Pages {
		addDoc(p.Body)
		for _, tr := range p.Translations {
			addDoc(tr.Body)
		}
	}
	return out
}

// hasCode reports whether a text of m has a code block.
func hasCode(m *model.Municipality) bool {
	found := false
	visit := func(root ast.Node) {
		if root == nil || found {
			return
		}
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.(type) {
			case *ast.CodeBlock, *ast.FencedCodeBlock:
				found = true
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
	}
	for _, d := range docs(m) {
		visit(d.Root)
	}
	for _, g := range m.Guides {
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				for _, sec := range s.Sections {
					visit(sec.Root)
				}
			}
		}
	}
	return found
}

// checkLinks resolves every link of every document of m.
func checkLinks(m *model.Municipality, l *diag.List) {
	ix := newLinkIndex(m)
	for _, d := range docs(m) {
		for _, link := range d.Links {
			if u, ok := ix.resolve(d, link, l); ok {
				m.Links[link.Node] = u
			}
		}
	}
}

var passSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// resolve returns the root-relative URL (with #anchor) of a link, or
// ok=false for links that are written out as they are or are broken.
func (ix *linkIndex) resolve(d *model.Doc, link *model.Link, l *diag.List) (string, bool) {
	dest := strings.TrimSpace(link.Dest)
	if dest == "" {
		l.Report(link.Pos, linkEmpty)
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil {
		l.Report(link.Pos, linkInvalid, "dest", dest)
		return "", false
	}
	if u.Scheme != "" || strings.HasPrefix(dest, "//") {
		if link.Image {
			l.Report(link.Pos, imageElsewhere, "dest", dest)
			return "", false
		}
		scheme := strings.ToLower(u.Scheme)
		if scheme == "http" {
			l.Report(link.Pos, plainHTTP, "dest", dest, "suggestion", "https"+dest[len("http"):])
		}
		if !passSchemes[scheme] {
			l.Report(link.Pos, linkScheme, "scheme", u.Scheme+":")
		} else if scheme == "tel" && !model.ValidPhone(strings.NewReplacer("%20", " ", "-", "", ".", "").Replace(u.Opaque)) {
			l.Report(link.Pos, telNotPhone, "dest", dest)
		}
		return "", false
	}
	frag := u.Fragment
	if link.Image && (u.Path == "" || strings.HasSuffix(u.Path, ".md") || strings.HasSuffix(u.Path, "/") || strings.HasPrefix(u.Path, "/")) {
		l.Report(link.Pos, imageNotImage, "dest", dest)
		return "", false
	}
	if u.Path == "" {
		// An anchor in the same document.
		ix.checkAnchor(d, frag, link, l)
		return "#" + frag, true
	}
	if strings.HasPrefix(u.Path, "/") {
		p := u.Path
		if !strings.HasSuffix(p, "/") && path.Ext(p) == "" {
			p += "/"
		}
		if !ix.urls[p] {
			l.Report(link.Pos, linkNoPage, "dest", dest)
			return "", false
		}
		return withFrag(p, frag), true
	}
	from := rel(ix.m, d.File)
	vpath := path.Join(path.Dir(from), u.Path)
	if vpath == ".." || strings.HasPrefix(vpath, "../") {
		l.Report(link.Pos, linkLeadsOut, "dest", dest)
		return "", false
	}
	if t, ok := ix.targets[vpath]; ok {
		if frag != "" {
			ix.checkAnchor(t.doc, frag, link, l)
		}
		return withFrag(t.url, frag), true
	}
	if unloaded(ix.m, vpath) {
		return "", false // the file has a mistake of its own, reported there
	}
	if strings.Contains(dest, `\`) {
		l.Add(diag.At(link.Pos, linkNoFile, "dest", dest, "file", path.Join(ix.m.Dir, vpath)).
			WithHint("backslash", "suggestion", strings.ReplaceAll(dest, `\`, "/")))
		return "", false
	}
	if strings.HasSuffix(vpath, ".md") {
		l.Add(ix.suggest(diag.At(link.Pos, linkNoFile, "dest", dest, "file", path.Join(ix.m.Dir, vpath)), vpath, from))
		return "", false
	}
	src := path.Join(ix.m.Dir, vpath)
	if !ix.m.Existing[src] {
		l.Add(ix.suggest(diag.At(link.Pos, linkNoFile, "dest", dest, "file", src), vpath, from))
		return "", false
	}
	pub, ok := publish(ix.m, src, link.Pos, link.Image, l)
	if !ok {
		return "", false
	}
	if size := ix.m.ImageSizes[src]; link.Image && size > maxImage {
		l.Report(link.Pos, imageLarge, "file", path.Base(src), "size", kilobytes(size), "max", kilobytes(maxImage))
	}
	return withFrag(model.FileURL(pub), frag), true
}

func withFrag(u, frag string) string {
	if frag == "" {
		return u
	}
	return u + "#" + frag
}

// checkAnchor reports an #anchor that is not a heading of doc.
func (ix *linkIndex) checkAnchor(doc *model.Doc, frag string, link *model.Link, l *diag.List) {
	if frag == "" {
		return
	}
	var ids []string
	if markdown.ReservedID(frag) {
		return
	}
	if doc != nil {
		for _, h := range doc.Headings {
			if h.ID == frag {
				return
			}
			ids = append(ids, h.ID)
		}
	}
	d := diag.At(link.Pos, anchorMissing, "anchor", frag)
	if len(ids) > 0 {
		d = d.WithHint("list", "ids", ids).Suggest(frag, ids)
	}
	l.Add(d)
}

// suggest offers the closest existing file for a broken link.
func (ix *linkIndex) suggest(d diag.Diagnostic, vpath, from string) diag.Diagnostic {
	var names []string
	for p := range ix.targets {
		if path.Dir(p) == path.Dir(vpath) {
			names = append(names, path.Base(p))
		}
	}
	for p := range ix.m.Existing {
		if ix.m.Unloaded[p] {
			continue // not a target: a link to it is not the fix
		}
		r := rel(ix.m, p)
		if path.Dir(r) == path.Dir(vpath) {
			names = append(names, path.Base(r))
		}
	}
	if s := diag.Suggest(path.Base(vpath), names); s != "" {
		relTarget, err := relPath(path.Dir(from), path.Join(path.Dir(vpath), s))
		if err == nil {
			return d.WithHint("suggest", "suggestion", relTarget)
		}
	}
	return d
}

// relPath is the relative path from folder dir to file target (both
// slash-separated and relative to the same root).
func relPath(dir, target string) (string, error) {
	if dir == "." {
		return target, nil
	}
	d := strings.Split(dir, "/")
	t := strings.Split(target, "/")
	i := 0
	for i < len(d) && i < len(t)-1 && d[i] == t[i] {
		i++
	}
	return strings.Repeat("../", len(d)-i) + strings.Join(t[i:], "/"), nil
}
