package pipeline

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/bti-handbook/bti/generator/linkcheck"
	"github.com/bti-handbook/bti/generator/render"
)

// TestRenderAliasesAndAnchors renders the base project with a renamed step
// that keeps its old address, and a heading with æ, ø and å.
func TestRenderAliasesAndAnchors(t *testing.T) {
	fsys := project(t, txtar.Parse([]byte(`-- municipalities/test/guides/barnehage/niva-1/01-tiltak.md --
+++
title = "Tiltak"
aliases = ["/barnehage/niva-1/gammelt-navn/"]
+++

## Hva
Tiltak. Se [møtet](#for-motet-med-foreldrene).

### Før møtet med foreldrene
Forbered deg.

## Hvordan
Plan.

## Hvem
Leder.
`)))
	site, l := Load(fsys, nil)
	if l.Len() != 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := Render(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range linkcheck.Check(tree, Bases(site)) {
		t.Error(p)
	}
	redirect := string(tree["test/barnehage/niva-1/gammelt-navn/index.html"])
	if !strings.Contains(redirect, `url=../tiltak/`) {
		t.Errorf("redirect page: %s", redirect)
	}
	if got := string(tree["test/_redirects"]); got != "/barnehage/niva-1/gammelt-navn/ /barnehage/niva-1/tiltak/ 301\n" {
		t.Errorf("test/_redirects = %q", got)
	}
	if got := string(tree["_redirects"]); !strings.Contains(got, "/test/barnehage/niva-1/gammelt-navn/ /test/barnehage/niva-1/tiltak/ 301") {
		t.Errorf("_redirects = %q", got)
	}
	step := string(tree["test/barnehage/niva-1/tiltak/index.html"])
	if !strings.Contains(step, `id="for-motet-med-foreldrene"`) || !strings.Contains(step, `href="#for-motet-med-foreldrene"`) {
		t.Errorf("heading id with æøå not made as expected:\n%s", step)
	}
}
