// Package check resolves the references between the parts of a loaded
// site and reports those that do not hold: the tools and services a step
// names, links between Markdown files and their #anchors, files that links
// point to, and URLs that two things would share.
//
// It runs after package load, when the whole model is known, and fills in
// the resolved side of each reference (Step.ToolList, Tool.UsedBy,
// Municipality.Links, Municipality.Published). It reads no files.
package check

import (
	"path"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// Check resolves and checks every municipality of site.
func Check(site *model.Site, l *diag.List) {
	for _, m := range site.Municipalities {
		Municipality(m, l)
		if !site.AtRoot && m.BaseURL != "" && !strings.HasSuffix(model.BasePath(m.BaseURL), "/"+m.Slug+"/") {
			// Built into <slug>/, while its links and sitemap claim
			// another address.
			l.Report(m.BaseURLPos, baseURLFolder, "value", m.BaseURL, "slug", m.Slug,
				"suggestion", strings.TrimSuffix(m.BaseURL, model.BasePath(m.BaseURL))+"/"+m.Slug+"/")
		}
	}
}

// Municipality resolves and checks one municipality.
func Municipality(m *model.Municipality, l *diag.List) {
	m.Links = map[ast.Node]string{}
	m.Published = map[string]string{}
	tools := map[string]*model.Tool{}
	var toolSlugs []string
	for _, t := range m.Toolbox {
		tools[t.Slug] = t
		toolSlugs = append(toolSlugs, t.Slug)
		t.UsedBy = nil
		t.AttachmentURL = ""
		if t.Attachment != "" {
			if pub, ok := publish(m, t.Attachment, t.AttachPos, false, l); ok {
				t.AttachmentURL = model.FileURL(pub)
			}
		}
	}
	if m.Logo != "" {
		publish(m, path.Join(m.Dir, m.Logo), m.LogoPos, true, l)
	}
	services := map[string]*model.Service{}
	var serviceIDs []string
	for _, s := range m.Services {
		services[s.ID] = s
		serviceIDs = append(serviceIDs, s.ID)
		s.UsedBy = nil
	}
	sort.Strings(serviceIDs)
	for _, g := range m.Guides {
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				s.ToolList, s.ServiceList = nil, nil
				for _, ref := range s.Tools {
					t, ok := tools[ref.Name]
					if !ok && unloaded(m, "toolbox/"+ref.Name+".md") {
						continue // the document has a mistake of its own, reported there
					}
					if !ok {
						l.Add(diag.At(ref.Pos, unknownTool, "name", ref.Name).Suggest(ref.Name, toolSlugs))
						continue
					}
					s.ToolList = append(s.ToolList, t)
					if len(t.UsedBy) == 0 || t.UsedBy[len(t.UsedBy)-1] != s {
						t.UsedBy = append(t.UsedBy, s)
					}
				}
				for _, ref := range s.Services {
					sv, ok := services[ref.Name]
					if !ok && m.SettingsUnread {
						continue // the services could not be read; that mistake is reported
					}
					if !ok {
						d := diag.At(ref.Pos, unknownService, "name", ref.Name)
						if len(serviceIDs) > 0 {
							d = d.WithHint("list", "ids", serviceIDs).Suggest(ref.Name, serviceIDs)
						}
						l.Add(d)
						continue
					}
					s.ServiceList = append(s.ServiceList, sv)
					sv.UsedBy = append(sv.UsedBy, s)
				}
			}
		}
	}
	checkURLs(m, l)
	checkLinks(m, l)
	m.HasCode = hasCode(m)
	pdfs(m)
}
