package model

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// The URLs of the contract (docs/content-reference.md), as paths from the root of a
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

// GuidePDFURL is the URL of the printable PDF of guide g.
func GuidePDFURL(g *Guide) string { return "/pdf/veileder-" + g.ID + ".pdf" }

// PosterPDFURL is the URL of the poster of guide g on paper (PaperA4 or
// PaperA3): /pdf/plakat.pdf and /pdf/plakat-a3.pdf when g is the
// municipality's only guide, /pdf/plakat-<guide>.pdf and
// /pdf/plakat-<guide>-a3.pdf when it has several (a poster shows one
// guide's steps: a kindergarten's wall needs its own).
func PosterPDFURL(g *Guide, only bool, paper string) string {
	name := "plakat"
	if !only {
		name += "-" + g.ID
	}
	if paper == PaperA3 {
		name += "-a3"
	}
	return "/pdf/" + name + ".pdf"
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
	// URLDeck is the training deck (opplæring), URLDeckNotes its
	// speaker notes.
	URLDeck      = "/pdf/opplaering.pdf"
	URLDeckNotes = "/pdf/opplaering-notater.pdf"
	// URLChangeNotice is the change notice for the staff room's board.
	URLChangeNotice = "/pdf/endringer.pdf"
	// URLStart is the page for someone new to BTI (kom i gang).
	URLStart = "/kom-i-gang/"
	// URLChanges is the handbook's change log, and URLChangesFeed the
	// same as an Atom feed.
	URLChanges     = "/endringer/"
	URLChangesFeed = "/endringer/atom.xml"
)

// BasePath is the path of a base_url: "/lillestrom/" for
// "https://bti.example.no/lillestrom/", "/" for a host's root (and for
// what is not a URL).
func BasePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// ValidPhone reports whether s is a phone number as the site writes it
// in a tel: link: digits and spaces, with an optional + first, and at
// least three digits (112).
func ValidPhone(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "+")
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ':
		default:
			return false
		}
	}
	return digits >= 3
}

// TelURL is the tel: URL of a phone number as written: its digits (and
// a leading +), with Norway's +47 before a number of eight digits.
func TelURL(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= '0' && r <= '9' || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if !strings.HasPrefix(out, "+") && len(out) == 8 {
		out = "+47" + out
	}
	return "tel:" + out
}

// FileURL is the URL at which a published file (an attachment or image,
// by its path relative to the municipality's folder) is served.
func FileURL(rel string) string { return "/filer/" + strings.TrimPrefix(rel, "/") }

// reserved are first path segments that a site uses itself, and the
// folders the output shares at its root (assets/), so that no
// municipality, guide or page may take them.
var reserved = []string{"verktoykasse", "tjenester", "sok", "pdf", "filer", "assets", "404", "kom-i-gang", "endringer"}

// Reserved reports whether slug is a first path segment the site or the
// output uses itself: no municipality or guide may have it, and no page
// unless it is a SitePage.
func Reserved(slug string) bool { return slices.Contains(reserved, slug) }

// sitePages are the pages the site makes itself whose title, summary and
// introduction a coordinator may write as a free page of the same slug
// (pages/kom-i-gang.md): its text is shown on the page the site makes.
var sitePages = []string{"kom-i-gang", "endringer"}

// SitePage reports whether slug is a page the site makes that a free page
// of that slug gives its own text.
func SitePage(slug string) bool { return slices.Contains(sitePages, slug) }

// generated are files that every site writes at its root; no alias may
// name them.
var generated = []string{"/404.html", "/sitemap.xml", "/robots.txt", "/_redirects", "/index.html", "/favicon.ico",
	URLStart, URLChanges, URLChangesFeed}

// fileDirs are the folders of a site that hold files it makes or
// publishes itself (stylesheets and fonts, PDFs, attachments).
var fileDirs = []string{"assets", "pdf", "filer"}

// Generated reports whether the root-relative path p is, or lies below,
// something the site makes itself (a generated file, or the folders of
// its assets, PDFs and attachments), so that an alias may not take it.
// (An alias may lie below a page, /verktoykasse/gammelt-navn/: that it
// is no page's own address is checked against the pages.)
func Generated(p string) bool {
	if slices.Contains(generated, p) {
		return true
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	return slices.Contains(fileDirs, first)
}
