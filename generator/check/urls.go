package check

import (
	"path"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// checkURLs reports two things that would be published at the same URL,
// and aliases (old URLs) that are not paths or collide with a page.
func checkURLs(m *model.Municipality, l *diag.List) {
	owner := map[string]diag.Words{}
	claim := func(u string, pos diag.Pos, what diag.Words) {
		if prev, ok := owner[u]; ok {
			l.Report(pos, urlTaken, "what", what, "url", u, "other", prev)
			return
		}
		owner[u] = diag.P("what.at", "what", what, "pos", pos.String())
	}
	for _, u := range []string{model.URLToolbox, model.URLServices, model.URLSearch} {
		owner[u] = diag.P("what.site")
	}
	for _, g := range m.Guides {
		claim(g.URL(), g.Pos, diag.P("what.guide", "name", g.ID))
		for _, gl := range g.Levels {
			owner[g.LevelURL(gl.Number)] = diag.P("what.level", "name", gl.Dir)
		}
	}
	for _, t := range m.Toolbox {
		claim(t.URL(), t.Pos, diag.P("what.tool", "name", t.Slug))
	}
	for _, p := range m.Pages {
		claim(p.URL(), p.Pos, diag.P("what.page", "name", p.Slug))
	}
	// An alias is an old URL of a page: the reference written and the page.
	type alias struct {
		ref  *model.Ref
		what string
	}
	var aliases []alias
	addAliases := func(refs []model.Ref, url string) {
		for i := range refs {
			aliases = append(aliases, alias{&refs[i], url})
		}
	}
	for _, g := range m.Guides {
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				claim(s.URL(), s.Pos, diag.P("what.step", "name", s.File))
				addAliases(s.Aliases, s.URL())
			}
		}
	}
	for _, t := range m.Toolbox {
		addAliases(t.Aliases, t.URL())
	}
	for _, p := range m.Pages {
		addAliases(p.Aliases, p.URL())
	}
	for _, a := range aliases {
		name := a.ref.Name
		if !strings.HasPrefix(name, "/") || strings.Contains(name, "..") || strings.ContainsAny(name, "?# \\") {
			l.Report(a.ref.Pos, aliasNotPath, "alias", name)
			continue
		}
		if !strings.HasSuffix(name, "/") && path.Ext(name) == "" {
			name += "/"
		}
		a.ref.Name = name
		if name == a.what {
			l.Report(a.ref.Pos, aliasIsOwn, "alias", name)
			continue
		}
		claim(name, a.ref.Pos, diag.P("what.alias", "name", a.what))
	}
}
