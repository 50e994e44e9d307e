package pipeline

import (
	"github.com/bti-handbook/bti/generator/source"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bti-handbook/bti/generator/linkcheck"
	"github.com/bti-handbook/bti/generator/render"
)

// edge builds the base project with extra files and returns the messages
// and, when there are no errors, the rendered tree.
func edge(t *testing.T, files map[string]string) (string, map[string][]byte) {
	t.Helper()
	fsys := project(t, nil)
	for p, text := range files {
		if text == "(deleted)" {
			delete(fsys, p)
			continue
		}
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	site, l := Load(fsys, nil)
	var b strings.Builder
	NewLanguages(fsys, site, "en").Print(&b, l)
	if l.Errors() > 0 {
		return b.String(), nil
	}
	tree, err := Render(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range linkcheck.Check(tree, Bases(site)) {
		t.Error(p)
	}
	return b.String(), tree
}

const step = "municipalities/test/guides/barnehage/niva-1/02-ny.md"

func stepWith(body string) string {
	return "+++\ntitle = \"Ny\"\n+++\n## Hva\n" + body + "\n## Hvordan\nb\n## Hvem\nc\n"
}

func TestEdgeEmptyFile(t *testing.T) {
	msgs, _ := edge(t, map[string]string{step: ""})
	if !strings.Contains(msgs, step+":1:1: error: the file has no settings at the top [BTI182]") {
		t.Errorf("got %s", msgs)
	}
}

func TestEdgeOnlyFrontMatter(t *testing.T) {
	msgs, _ := edge(t, map[string]string{step: "+++\ntitle = \"Ny\"\n+++\n"})
	for _, s := range []string{"Hva", "Hvordan", "Hvem"} {
		if !strings.Contains(msgs, `the step has no section "`+s+`" [BTI142]`) {
			t.Errorf("no message about %s in %s", s, msgs)
		}
	}
}

func TestEdgePagesWithOnlyFrontMatterAreFine(t *testing.T) {
	msgs, tree := edge(t, map[string]string{"municipalities/test/pages/tom.md": "+++\ntitle = \"Tom\"\n+++\n"})
	if msgs != "" || tree["test/tom/index.html"] == nil {
		t.Errorf("got %q", msgs)
	}
}

// TestEdgeLargeInputs: files as large as the limits of package source
// allow build, with every part kept (files beyond them are refused: see
// TestPathologicalInputs).
func TestEdgeLargeInputs(t *testing.T) {
	var big strings.Builder
	for big.Len() < source.MaxFileSize-8<<10 {
		big.WriteString("Dette er en lang linje med tekst om tiltak, samtykke og samarbeid, skrevet mange ganger. ")
		if big.Len()%4000 < 100 {
			big.WriteString("\n\n")
		}
	}
	var table strings.Builder
	table.WriteString("| Dato | Hva | Hvem |\n|---|---|---|\n")
	// As many rows as the limit on formatting characters allows (four |
	// a row).
	rows := (source.MaxMarkup - 12) / 4
	for i := range rows {
		table.WriteString("| ")
		table.WriteString(strings.Repeat("x", i%7))
		table.WriteString(" | | |\n")
	}
	var nested strings.Builder
	for i := range source.MaxIndent / 2 {
		nested.WriteString(strings.Repeat("  ", i) + "- nivå\n")
	}
	start := time.Now()
	msgs, tree := edge(t, map[string]string{
		step:                                  stepWith(big.String()),
		"municipalities/test/toolbox/logg.md": "+++\ntitle = \"Logg\"\nkind = \"form\"\n+++\n\n" + table.String(),
		"municipalities/test/guides/barnehage/niva-1/03-liste.md": stepWith(nested.String()),
		"municipalities/test/guides/barnehage/niva-1/04-tab.md":   "+++\ntitle\t=\t\"Tab\"\n+++\n## Hva\n\tkode med tab\n\n## Hvordan\n-\tpunkt\n## Hvem\nc\n",
	})
	// A paragraph that starts with a tab shows as code: the one message.
	if want := "municipalities/test/guides/barnehage/niva-1/04-tab.md:5:1: warning: the text is indented with a tab and shows as a code box"; !strings.HasPrefix(msgs, want) || strings.Count(msgs, "[BTI") != 1 {
		t.Fatalf("messages: %s", msgs)
	}
	// Rows whose first cell is empty have three fields, the others two.
	want := 0
	for i := range rows {
		want += 2
		if i%7 == 0 {
			want++
		}
	}
	if n := strings.Count(string(tree["test/verktoykasse/logg/index.html"]), `class="form-cell"`); n != want {
		t.Errorf("the %d-row table has %d fields, want %d", rows, n, want)
	}
	if len(tree["test/barnehage/niva-1/ny/index.html"]) < source.MaxFileSize*3/4 {
		t.Error("the 2 MB step lost its text")
	}
	t.Logf("2 MB step, 10,000-row form and 100-deep list built in %s", time.Since(start).Round(time.Millisecond))
}

func TestEdgeMunicipalityOverridesNationalSilently(t *testing.T) {
	msgs, tree := edge(t, map[string]string{
		"municipalities/test/toolbox/samtykkeskjema.md": "+++\ntitle = \"Vårt samtykkeskjema\"\nkind = \"form\"\n+++\nNavn: ___\n",
	})
	if msgs != "" {
		t.Errorf("overriding a national document gave messages: %s", msgs)
	}
	if !strings.Contains(string(tree["test/verktoykasse/samtykkeskjema/index.html"]), "Vårt samtykkeskjema") {
		t.Error("the municipality's version does not win")
	}
}

func TestEdgeLinkToItself(t *testing.T) {
	msgs, tree := edge(t, map[string]string{step: stepWith("[Denne siden](02-ny.md) og [her](#hva).")})
	if msgs != "" {
		t.Fatalf("got %s", msgs)
	}
	if !strings.Contains(string(tree["test/barnehage/niva-1/ny/index.html"]), `href="./"`) {
		t.Error("a link to the page itself is not ./")
	}
}

func TestEdgeTranslateANationalPage(t *testing.T) {
	msgs, tree := edge(t, map[string]string{
		"municipalities/test/pages/om-bti.en.md": "+++\ntitle = \"About BTI\"\n+++\nBTI in English.\n",
	})
	if msgs != "" {
		t.Fatalf("got %s", msgs)
	}
	if !strings.Contains(string(tree["test/en/om-bti/index.html"]), "About BTI") {
		t.Error("no page for the translation")
	}
	if !strings.Contains(string(tree["test/om-bti/index.html"]), `hreflang="en"`) {
		t.Error("the national page does not link its translation")
	}
}

// TestEdgeImageAndLinkWarnings: an image over 500 kB and one without a
// description, and an http:// link, are warnings at their lines.
func TestEdgeImageAndLinkWarnings(t *testing.T) {
	msgs, tree := edge(t, map[string]string{
		"municipalities/test/assets/stor.jpg":  "\xff\xd8\xff" + strings.Repeat("x", 600*1000),
		"municipalities/test/assets/liten.png": "\x89PNG\r\n\x1a\n",
		"municipalities/test/pages/bilder.md":  "+++\ntitle = \"Bilder\"\n+++\n\n![Kart](../assets/stor.jpg)\n\n![](../assets/liten.png)\n\nSe [Bufdir](http://bufdir.no/bti).\n",
	})
	for _, want := range []string{
		"municipalities/test/pages/bilder.md:5:1: warning: the image stor.jpg is large (600 kB; an image should be under 500 kB) [BTI436]",
		"municipalities/test/pages/bilder.md:7:1: warning: the image \"../assets/liten.png\" has no description [BTI305]",
		"municipalities/test/pages/bilder.md:9:4: warning: the link \"http://bufdir.no/bti\" uses http:// without encryption [BTI435]\n\thint: use https:// if the site has it: https://bufdir.no/bti",
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("no %q in:\n%s", want, msgs)
		}
	}
	if tree["test/bilder/index.html"] == nil {
		t.Error("warnings stopped the build")
	}
}

// TestEdgeCodeStylesOnlyWithCode: the highlighting classes are in the
// stylesheet of a site with a code block, and not in one without.
func TestEdgeCodeStylesOnlyWithCode(t *testing.T) {
	css := func(tree map[string][]byte) string {
		for p, data := range tree {
			if strings.HasPrefix(p, "test/assets/site.") && strings.HasSuffix(p, ".css") {
				return string(data)
			}
		}
		t.Fatal("no stylesheet")
		return ""
	}
	_, plain := edge(t, map[string]string{})
	_, code := edge(t, map[string]string{"municipalities/test/pages/kode.md": "+++\ntitle = \"Kode\"\n+++\n\n```go\nfunc main() {}\n```\n"})
	if strings.Contains(css(plain), ".hl-") {
		t.Error("a site without code has the highlighting classes")
	}
	if !strings.Contains(css(code), ".hl-") {
		t.Error("a site with code lacks the highlighting classes")
	}
}

// TestEdgeLinksToTheSitesOwnPages: links written as addresses of the
// pages the site makes itself (/kom-i-gang/, /endringer/) are no mistake.
func TestEdgeLinksToTheSitesOwnPages(t *testing.T) {
	msgs, _ := edge(t, map[string]string{"municipalities/test/pages/lenker.md": "+++\ntitle = \"Lenker\"\n+++\n\n[Kom i gang](/kom-i-gang/), [endringer](/endringer/) og [søk](/sok/).\n"})
	if msgs != "" {
		t.Errorf("got:\n%s", msgs)
	}
}
