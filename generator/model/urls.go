package model

import (
	"fmt"
	"strings"
)

// The URLs of the contract (CONTENT-FORMAT.md), as paths from the root of a
// municipality's site. They end in "/" and are published as index.html in
// that folder. Once published they should keep working: staff send each
// other links to steps.

// URL of the guide's page.
func (g *Guide) URL() string { return "/" + g.ID + "/" }

// LevelURL is the URL of level n of guide g.
func (g *Guide) LevelURL(n int) string { return fmt.Sprintf("/%s/niva-%d/", g.ID, n) }

// URL of the step's page.
func (s *Step) URL() string { return fmt.Sprintf("/%s/niva-%d/%s/", s.Guide.ID, s.Level, s.Slug) }

// URL of the toolbox document's page.
func (t *Tool) URL() string { return "/verktoykasse/" + t.Slug + "/" }

// TranslationURL is the URL of the tool's translation into lang.
func (t *Tool) TranslationURL(lang string) string {
	return "/" + lang + "/verktoykasse/" + t.Slug + "/"
}

// PDFURL is the URL of the tool's PDF ("" for kinds without one); lang ""
// is the main language.
func (t *Tool) PDFURL(lang string) string {
	if t.Kind != KindForm && t.Kind != KindArticle {
		return ""
	}
	if lang == "" {
		return "/pdf/" + t.Slug + ".pdf"
	}
	return "/pdf/" + t.Slug + "." + lang + ".pdf"
}

// URL of the page.
func (p *Page) URL() string { return "/" + p.Slug + "/" }

// TranslationURL is the URL of the page's translation into lang.
func (p *Page) TranslationURL(lang string) string { return "/" + lang + "/" + p.Slug + "/" }

// Fixed URLs of a municipality's site.
const (
	URLHome     = "/"
	URLToolbox  = "/verktoykasse/"
	URLServices = "/tjenester/"
	URLSearch   = "/sok/"
	URLBinder   = "/pdf/perm.pdf"
)

// FileURL is the URL at which a published file (an attachment or image,
// by its path relative to the municipality's folder) is served.
func FileURL(rel string) string { return "/filer/" + strings.TrimPrefix(rel, "/") }

// ReservedSlugs are first path segments that the site uses itself, so that
// no guide or page may take them.
var ReservedSlugs = map[string]bool{
	"verktoykasse": true, "tjenester": true, "sok": true, "pdf": true,
	"filer": true, "assets": true, "404": true,
}
