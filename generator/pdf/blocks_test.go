package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
)

func describe(bs []Block) string {
	var b strings.Builder
	for _, x := range bs {
		text := ""
		for _, s := range x.Spans {
			text += s.Text
		}
		switch x.Kind {
		case BlockHeading:
			fmt.Fprintf(&b, "h%d %s\n", x.Level, text)
		case BlockParagraph:
			fmt.Fprintf(&b, "p%d %s\n", x.Level, text)
		case BlockListItem:
			fmt.Fprintf(&b, "li%d %s %s\n", x.Level, x.Marker, text)
		case BlockFields:
			for _, f := range x.Fields {
				fmt.Fprintf(&b, "field %q=%q ", f.Label, f.Name)
			}
			b.WriteString("\n")
		case BlockBox:
			fmt.Fprintf(&b, "box %q rows=%d\n", x.Field.Name, x.Rows)
		case BlockCheck:
			fmt.Fprintf(&b, "check %q\n", x.Field.Name)
		case BlockTable:
			fmt.Fprintf(&b, "table %v", x.Table.Header)
			for _, r := range x.Table.Rows {
				for _, c := range r {
					fmt.Fprintf(&b, " [%s|%s]", c.Text, c.FieldName)
				}
			}
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, "kind%d %s\n", x.Kind, text)
		}
	}
	return b.String()
}

func TestBlocksOfAForm(t *testing.T) {
	md := "## Om barnet\n\nFyll ut **alt**.\n\nBarnets navn: ___\nDato: ___ Sted: ___\n\n- [ ] Foreldrene er informert\n- Vanlig punkt\n  1. Under\n\n### Bekymring\n\n___\n___\n\n| Tiltak | Ansvar |\n|---|---|\n| Språk | |\n"
	var l diag.List
	doc := markdown.Parse("f.md", []byte(md), true, &l)
	got := describe(Blocks(doc, nil))
	want := `h2 Om barnet
p0 Fyll ut alt.
field "Barnets navn:"="Barnets navn" 
field "Dato:"="Dato" field "Sted:"="Sted" 
check "Foreldrene er informert"
li0 • Vanlig punkt
li1 1. Under
h3 Bekymring
box "Bekymring" rows=2
table [Tiltak Ansvar] [Språk|] [|Språk: Ansvar]
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
