package render_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// links returns the root-relative targets of the links of a page at from.
func links(t *testing.T, from, html string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, m := range regexp.MustCompile(`<a [^>]*href="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		out[resolve(t, from, m[1])] = true
	}
	return out
}

// TestStartPageNew: a `bti new` municipality in bokmål and in nynorsk
// gets /kom-i-gang/ in its language, made from its files: the four levels
// with a link to each guide's level, the page on the stafettlogg, the
// toolbox, the emergency text, the BTI coordinator and the change log;
// the front page and the menu link it.
func TestStartPageNew(t *testing.T) {
	for _, c := range []struct {
		style, lang string
		want        []string
		guides      []string
	}{
		{"lillestrom", "nb", []string{"<h1>Kom i gang</h1>", "Hva er BTI?", "De fire nivåene", "Stafettholder og stafettlogg", "Hvem kan du spørre?", "BTI-koordinator"}, []string{"barnehage"}},
		{"vardo", "nn", []string{"<h1>Kom i gang</h1>", "Kva er BTI?", "Dei fire nivåa", "Stafetthaldar og stafettlogg", "Kven kan du spørje?", "BTI-koordinator"}, []string{"felles"}},
	} {
		tree := newMunicipality(t, c.style, c.lang, nil, nil)
		html := string(tree["kom-i-gang/index.html"])
		if html == "" {
			t.Fatalf("%s %s: no kom-i-gang/index.html", c.style, c.lang)
		}
		if !strings.Contains(html, `<html lang="`+c.lang+`"`) {
			t.Errorf("%s: the page is not in %s", c.style, c.lang)
		}
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s %s: no %q on the page", c.style, c.lang, w)
			}
		}
		main := html[strings.Index(html, "<main"):strings.Index(html, "</main>")]
		got := links(t, "/kom-i-gang/", main)
		want := []string{"/stafettlogg/", "/verktoykasse/", "/endringer/", "/om-bti/", "/slik-bruker-du-handboka/", "/kontakt/"}
		for _, g := range c.guides {
			want = append(want, "/"+g+"/")
			for n := range 4 {
				want = append(want, "/"+g+"/niva-"+string(rune('0'+n))+"/")
			}
		}
		for _, w := range want {
			if !got[w] {
				t.Errorf("%s %s: the page does not link %s (links %v)", c.style, c.lang, w, got)
			}
		}
		if !strings.Contains(main, `href="tel:112"`) || !strings.Contains(main, `href="mailto:bti@example.no"`) {
			t.Errorf("%s: no emergency number or coordinator's address", c.style)
		}
		front := string(tree["index.html"])
		if !strings.Contains(front, `<p class="front-howto"><a href="kom-i-gang/">`) {
			t.Errorf("%s: the front page does not link the start page first", c.style)
		}
		nav := front[strings.Index(front, `<nav class="site-nav"`):]
		nav = nav[:strings.Index(nav, "</nav>")]
		if i := strings.Index(nav, `href="kom-i-gang/">Kom i gang</a>`); i < 0 || strings.Contains(nav[:i], "site-nav__more") {
			t.Errorf("%s: the start page is not in the row of the menu", c.style)
		}
	}
}

// TestStartPageSamples: both samples' start pages link their own pages on
// the stafettholder and the stafettlogg (Vardø has both), each guide's
// levels, and show their coordinator.
func TestStartPageSamples(t *testing.T) {
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for slug, want := range map[string][]string{
		"vardo":      {"/vardo/stafettholder/", "/vardo/stafettlogg/", "/vardo/felles/niva-3/", "/vardo/kontakt/"},
		"lillestrom": {"/lillestrom/stafettlogg/", "/lillestrom/barnehage/niva-0/", "/lillestrom/skole/niva-2/", "/lillestrom/helsestasjon/niva-3/", "/lillestrom/kontakt/"},
	} {
		html := string(tree[slug+"/kom-i-gang/index.html"])
		got := links(t, "/"+slug+"/kom-i-gang/", html)
		for _, w := range want {
			if !got[w] {
				t.Errorf("%s: no link to %s", slug, w)
			}
		}
	}
	vardo := string(tree["vardo/kom-i-gang/index.html"])
	if !strings.Contains(vardo, "Kari Eksempel") || !strings.Contains(vardo, "Stafettholderen har til enhver tid ansvaret") {
		t.Error("Vardø's start page lacks its coordinator or its page on the stafettholder")
	}
}

// TestStartPageOwnText: pages/kom-i-gang.md gives the start page its
// title, summary and text (and the menu its title, once), and is not a
// page of its own besides; pages/endringer.md does the same for the
// change log.
func TestStartPageOwnText(t *testing.T) {
	extra := map[string]string{
		"municipalities/test/pages/kom-i-gang.md": "+++\ntitle = \"Ny hos oss\"\nsummary = \"Velkommen til BTI i Test.\"\nmenu = true\n+++\n\nRing meg gjerne den første uka. Les også [kontakt](kontakt.md).\n",
		"municipalities/test/pages/endringer.md":  "+++\ntitle = \"Hva er nytt\"\n+++\n\nVi skriver ned hver endring.\n",
	}
	tree := newMunicipality(t, "vardo", "nb", extra, threeCommits())
	html := string(tree["kom-i-gang/index.html"])
	for _, w := range []string{"<h1>Ny hos oss</h1>", `<p class="lead">Velkommen til BTI i Test.</p>`, "Ring meg gjerne den første uka.", `<a href="../kontakt/">kontakt</a>`, "De fire nivåene"} {
		if !strings.Contains(html, w) {
			t.Errorf("the start page lacks %q", w)
		}
	}
	front := string(tree["index.html"])
	if n := strings.Count(front, `href="kom-i-gang/"`); n != 3 {
		t.Errorf("the front page links the start page %d times, want 3 (the phone menu, the row, the link)", n)
	}
	if !strings.Contains(front, `href="kom-i-gang/">Ny hos oss</a>`) {
		t.Error("the menu does not use the page's own title")
	}
	changes := string(tree["endringer/index.html"])
	if !strings.Contains(changes, "<h1>Hva er nytt</h1>") || !strings.Contains(changes, "Vi skriver ned hver endring.") || !strings.Contains(changes, "endring-333333333333") {
		t.Error("pages/endringer.md does not give the change log its title and text")
	}
}
