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
	owner := map[string]string{}
	claim := func(u string, pos diag.Pos, what string) {
		if prev, ok := owner[u]; ok {
			l.Errorf(pos, "rename one of them", "%s would be published at %s, which is already %s", what, u, prev)
			return
		}
		owner[u] = what + " (" + pos.String() + ")"
	}
	for _, u := range []string{model.URLToolbox, model.URLServices, model.URLSearch} {
		owner[u] = "a page of the site itself"
	}
	for _, g := range m.Guides {
		claim(g.URL(), g.Pos, "guide "+g.ID)
		for _, gl := range g.Levels {
			owner[g.LevelURL(gl.Number)] = "level " + gl.Dir
		}
	}
	for _, t := range m.Toolbox {
		claim(t.URL(), t.Pos, "toolbox document "+t.Slug)
	}
	for _, p := range m.Pages {
		claim(p.URL(), p.Pos, "page "+p.Slug)
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
				claim(s.URL(), s.Pos, "step "+s.File)
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
			l.Errorf(a.ref.Pos, "write the old address as a path from the site's root, e.g. \"/barnehage/niva-1/samtale/\"", "alias %q is not a path", name)
			continue
		}
		if !strings.HasSuffix(name, "/") && path.Ext(name) == "" {
			name += "/"
		}
		a.ref.Name = name
		if name == a.what {
			l.Errorf(a.ref.Pos, "remove it: an alias is an old address that should lead here", "alias %q is the page's own address", name)
			continue
		}
		claim(name, a.ref.Pos, "alias of "+a.what)
	}
}
