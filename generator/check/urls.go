package check

import (
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// checkURLs reports two things that would be published at the same URL,
// and aliases (old URLs) that are not paths or collide with a page.
func checkURLs(m *model.Municipality, l *diag.List) {
	owner := map[string]diag.Words{}
	claim := func(u string, pos diag.Pos, what diag.Words) bool {
		if prev, ok := owner[urlKey(u)]; ok {
			l.Report(pos, urlTaken, "what", what, "url", u, "other", prev)
			return false
		}
		owner[urlKey(u)] = diag.P("what.at", "what", what, "pos", pos.String())
		return true
	}
	for _, u := range []string{model.URLHome, model.URLToolbox, model.URLServices, model.URLSearch} {
		owner[u] = diag.P("what.site")
	}
	var langs []string
	translated := func(trs []*model.Translation, url func(string) string, what diag.Words) {
		for _, tr := range trs {
			if !slices.Contains(langs, tr.Lang) {
				langs = append(langs, tr.Lang)
			}
			if _, ok := owner[urlKey(url(tr.Lang))]; !ok {
				owner[urlKey(url(tr.Lang))] = diag.P("what.at", "what", what, "pos", tr.Pos.String())
			}
		}
	}
	for _, g := range m.Guides {
		claim(g.URL(), g.Pos, diag.P("what.guide", "name", g.ID))
		for _, gl := range g.Levels {
			owner[g.LevelURL(gl.Number)] = diag.P("what.level", "name", gl.Dir)
		}
	}
	for _, t := range m.Toolbox {
		claim(t.URL(), t.Pos, diag.P("what.tool", "name", t.Slug))
		translated(t.Translations, t.TranslationURL, diag.P("what.tool", "name", t.Slug))
	}
	for _, p := range m.Pages {
		claim(p.URL(), p.Pos, diag.P("what.page", "name", p.Slug))
		translated(p.Translations, p.TranslationURL, diag.P("what.page", "name", p.Slug))
	}
	// An alias is an old URL of a page: the reference written, and the
	// page's URL and title.
	type alias struct {
		ref   model.Ref
		to    string
		title string
	}
	var aliases []alias
	addAliases := func(refs []model.Ref, url, title string) {
		for _, r := range refs {
			aliases = append(aliases, alias{r, url, title})
		}
	}
	for _, g := range m.Guides {
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				claim(s.URL(), s.Pos, diag.P("what.step", "name", s.File))
				addAliases(s.Aliases, s.URL(), s.Title)
			}
		}
	}
	for _, t := range m.Toolbox {
		addAliases(t.Aliases, t.URL(), t.Title)
	}
	for _, p := range m.Pages {
		addAliases(p.Aliases, p.URL(), p.Title)
	}
	m.Redirects = nil
	for _, a := range aliases {
		name, ok := aliasPath(a.ref, l)
		if !ok {
			continue
		}
		if name == a.to {
			l.Report(a.ref.Pos, aliasIsOwn, "alias", name)
			continue
		}
		if model.Generated(name, langs...) {
			l.Report(a.ref.Pos, aliasGenerated, "alias", a.ref.Name)
			continue
		}
		if claim(name, a.ref.Pos, diag.P("what.alias", "name", a.to)) {
			m.Redirects = append(m.Redirects, model.Redirect{From: name, To: a.to, Title: a.title})
		}
	}
}

// urlKey is the URL u as the host finds it: without regard to case
// (Netlify and Windows do not tell /Om/ from /om/), and a folder's
// index.html the same as the folder.
func urlKey(u string) string {
	u = strings.ToLower(u)
	if strings.HasSuffix(u, "/index.html") {
		return strings.TrimSuffix(u, "index.html")
	}
	return u
}

// aliasPath checks an alias as written and returns it as the path it
// is published at (with a closing / unless it names a file).
func aliasPath(ref model.Ref, l *diag.List) (string, bool) {
	name := ref.Name
	switch {
	case !strings.HasPrefix(name, "/") || strings.Contains(name, "..") || strings.ContainsAny(name, "?#\\"):
		l.Report(ref.Pos, aliasNotPath, "alias", name)
		return "", false
	case strings.Contains(name, "//") || strings.ContainsAny(name, "*:%\"<>|") || strings.IndexFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
	}) >= 0:
		l.Report(ref.Pos, aliasBadChar, "alias", name)
		return "", false
	}
	if !strings.HasSuffix(name, "/") && path.Ext(name) == "" {
		name += "/"
	}
	return name, true
}
