package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/markdown/formfield"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/source"
)

// sectionAliases maps a "##" heading, in lower case, to the section key of
// a step (docs/content-reference.md: what = Hva, Kva; how = Hvordan, Korleis;
// who = Hvem, Kven, Ansvar).
var sectionAliases = map[string]string{
	"hva": model.SectionWhat, "kva": model.SectionWhat,
	"hvordan": model.SectionHow, "korleis": model.SectionHow,
	"hvem": model.SectionWho, "kven": model.SectionWho, "ansvar": model.SectionWho,
}

// SectionKey returns the section key for a heading's text ("" when it is
// not one of the aliases). Case, surrounding space and a trailing colon or
// question mark are ignored.
func SectionKey(heading string) string {
	h := strings.ToLower(strings.TrimSpace(heading))
	h = strings.TrimRight(h, ":?")
	return sectionAliases[strings.TrimSpace(h)]
}

// SplitSections divides a step's document at its "##" headings. The blocks
// of each part move into the part's own document node, so that a theme can
// place what, how and who where it wants; doc.Root is left empty. Text
// before the first "##" is the intro.
func SplitSections(doc *model.Doc) model.Sections {
	lines := source.NewLines(doc.Source)
	var out model.Sections
	cur := &model.Section{Key: model.SectionIntro, Root: ast.NewDocument()}
	for c := doc.Root.FirstChild(); c != nil; {
		next := c.NextSibling()
		if h, ok := c.(*ast.Heading); ok && h.Level == 2 {
			if cur.Root.HasChildren() || cur.Key != model.SectionIntro {
				out = append(out, cur)
			}
			text := formfield.PlainText(h, doc.Source)
			key := SectionKey(text)
			if key == "" {
				key = model.SectionOther
			}
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			cur = &model.Section{Key: key, Heading: text, ID: string(idb), Pos: lines.Pos(doc.File, blockStart(h)), Root: ast.NewDocument()}
			doc.Root.RemoveChild(doc.Root, c)
			if key == model.SectionOther {
				// Other headings are shown as written.
				cur.Root.AppendChild(cur.Root, c)
			}
			c = next
			continue
		}
		doc.Root.RemoveChild(doc.Root, c)
		cur.Root.AppendChild(cur.Root, c)
		c = next
	}
	if cur.Root.HasChildren() || cur.Key != model.SectionIntro {
		out = append(out, cur)
	}
	return out
}
