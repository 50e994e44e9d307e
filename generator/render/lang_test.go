package render_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
	"github.com/bti-handbook/bti/generator/scaffold"
)

// translated builds a new municipality with "Om BTI" in English, Arabic
// and Tigrinya (which has no table of interface text), the emergency
// box in English and the notice in Arabic.
func translated(t *testing.T) output.Tree {
	t.Helper()
	files, err := scaffold.Files(scaffold.Options{Slug: "test", Style: "vardo", Name: "Test kommune"})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for p, data := range files {
		if strings.HasSuffix(p, "municipality.toml") {
			text := strings.Replace(string(data), "\n[emergency]", "\n[notice_translations]\nar = \"هذه الصفحة قيد الإعداد.\"\n\n[emergency]", 1)
			i := strings.Index(text, "[emergency]")
			j := i + strings.Index(text[i:], "\n\n")
			data = []byte(text[:j] + "\n\n[[emergency.translations]]\nlang = \"en\"\ntitle = \"Is a child in danger?\"\ntext = \"Call the police on [112](tel:112). Child welfare emergency service: [00 00 00 00](tel:+4700000000).\"\n" + text[j:])
		}
		fsys[p] = &fstest.MapFile{Data: data}
	}
	for lang, title := range map[string]string{"en": "About BTI", "ar": "عن BTI", "ti": "ብዛዕባ BTI"} {
		fsys["municipalities/test/pages/om-bti."+lang+".md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\n+++\nText.\n")}
	}
	ov := content.Overlay(fsys)
	site, l := pipeline.Load(ov, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(ov, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestTranslatedPagesSpeakTheirLanguage checks the interface around a
// translated page: menu, breadcrumbs, search and the language box in the
// page's language where there is a table, in English marked lang="en"
// where there is none (not in Norwegian), the current language marked,
// and the emergency box in the page's language where the municipality
// translated it, else in its own, marked.
func TestTranslatedPagesSpeakTheirLanguage(t *testing.T) {
	tree := translated(t)
	page := func(p string) string {
		t.Helper()
		data, ok := tree[p+"index.html"] // one municipality at a host root: published at the root
		if !ok {
			t.Fatalf("no page %s", p)
		}
		return string(data)
	}
	cases := []struct {
		page     string
		want     []string
		notWant  []string
		language string
	}{
		{"en/om-bti/", []string{`aria-label="Main menu"`, ">Toolbox</a>", ">Services</a>", `placeholder="Search"`, `<label for="sok-felt" class="visually-hidden">Search the handbook</label>`, `aria-label="Breadcrumbs"`, ">Home</a>",
			`>Is a child in danger?</strong>`, "Child welfare emergency service", `<a href="./" lang="en" hreflang="en" aria-current="page">English</a>`,
			`<a href="../../en/om-bti/" aria-current="page"><span>About BTI</span></a>`, `<a href="../../en/for-foreldre/"><span>For parents</span></a>`, `<a href="../../kontakt/"><span lang="nb" dir="ltr">`, `<div class="notice" lang="nb" dir="ltr"><p>Denne håndboken er under arbeid.`},
			[]string{"Hovedmeny", "Verktøykasse</a>", "Søk i håndboken"}, "en"},
		{"ar/om-bti/", []string{`<html lang="ar" dir="rtl"`, `aria-label="القائمة الرئيسية"`, ">صندوق الأدوات</a>", `placeholder="بحث"`,
			`lang="nb" dir="ltr">Er et barn i akutt fare?</strong>`, `aria-current="page">العربية</a>`,
			`<div class="notice" lang="ar" dir="rtl"><p>هذه الصفحة قيد الإعداد.</p></div>`},
			[]string{"Hovedmeny", "Main menu"}, "ar"},
		{"ti/om-bti/", []string{`<html lang="ti" dir="ltr"`, `<header class="site-header" lang="en" dir="ltr">`, `aria-label="Main menu"`, ">Toolbox</a>", "Skip to main content",
			`aria-current="page">ትግርኛ</a>`, `<a href="../../ti/om-bti/" aria-current="page"><span lang="ti" dir="ltr">ብዛዕባ BTI</span></a>`},
			[]string{"Hovedmeny", "Gå til hovedinnhold", ">Verktøykasse</a>"}, "ti"},
		{"om-bti/", []string{`aria-label="Hovedmeny"`, ">Verktøykasse</a>", `>Er et barn i akutt fare?</strong>`, `aria-current="page">Norsk bokmål</a>`},
			[]string{"Main menu", "Is a child in danger?"}, "nb"},
	}
	for _, c := range cases {
		html := page(c.page)
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("/%s lacks %s", c.page, w)
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(html, w) {
				t.Errorf("/%s has %s", c.page, w)
			}
		}
	}
}

// TestPagerCrossesLevels: the last step of a level leads on to the first
// of the next, and the first back to the last of the one before.
func TestPagerCrossesLevels(t *testing.T) {
	tree := translated(t)
	last0 := string(tree["felles/niva-0/undring-og-bekymring/index.html"])
	first1 := string(tree["felles/niva-1/tiltak-i-egen-tjeneste/index.html"])
	if last0 == "" || first1 == "" {
		var pages []string
		for p := range tree {
			if strings.Contains(p, "niva-0/") || strings.Contains(p, "niva-1/") {
				pages = append(pages, p)
			}
		}
		t.Fatalf("the scaffold's steps are not where the test expects: %v", pages)
	}
	if !strings.Contains(last0, `href="../../niva-1/tiltak-i-egen-tjeneste/" rel="next"><span>Neste trinn · Nivå 1</span>`) {
		t.Error("the last step of level 0 does not lead to the first of level 1")
	}
	if !strings.Contains(first1, `rel="prev"><span>Forrige trinn · Nivå 0</span>`) {
		t.Error("the first step of level 1 does not lead back to the last of level 0")
	}
	// Every step page lists the steps of its level, itself marked.
	if !strings.Contains(first1, `<nav class="level-steps level-1" aria-labelledby="niva-trinn">`) || !strings.Contains(first1, `<a href="./" aria-current="page"><span class="level-steps__n">1</span>`) {
		t.Error("the step page does not list its level's steps with itself marked")
	}
}
