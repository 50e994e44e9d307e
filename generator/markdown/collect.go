package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown/formfield"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/source"
)

// collect walks the tree once and records headings, links and form fields,
// and reports raw HTML, which is never passed through to the site.
func collect(doc *model.Doc, lines *source.Lines, l *diag.List) {
	pos := func(off int) diag.Pos { return lines.Pos(doc.File, off) }
	walk(doc, pos, l)
	habits(doc.Source, pos, l)
}

// collectAt is collect for inline text from a TOML value: every position is
// the value's.
func collectAt(doc *model.Doc, at diag.Pos, l *diag.List) {
	walk(doc, func(int) diag.Pos { return at }, l)
}

func walk(doc *model.Doc, pos func(off int) diag.Pos, l *diag.List) {
	src := doc.Source
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			doc.Headings = append(doc.Headings, model.Heading{
				ID: string(idb), Text: formfield.PlainText(n, src), Level: n.Level, Pos: pos(blockStart(n)),
			})
		case *ast.Link:
			doc.Links = append(doc.Links, &model.Link{Dest: string(n.Destination), Pos: pos(inlineStart(n, 1)), Node: n})
		case *ast.AutoLink:
			// <https://…> and a bare https://… are links too; one with a
			// scheme is checked as [text](…) is (javascript: is refused).
			// A bare www.… has none: it is always http(s).
			if n.AutoLinkType == ast.AutoLinkURL {
				if dest := string(n.Label(src)); hasScheme(dest) {
					doc.Links = append(doc.Links, &model.Link{Dest: dest, Pos: pos(autoLinkStart(n, src)), Node: n})
				}
			}
		case *ast.Image:
			at := pos(inlineStart(n, 2))
			doc.Links = append(doc.Links, &model.Link{Dest: string(n.Destination), Pos: at, Image: true, Node: n})
			if strings.TrimSpace(formfield.PlainText(n, src)) == "" {
				l.Report(at, imageNoAlt, "dest", string(n.Destination))
			}
		case *ast.Paragraph, *ast.TextBlock:
			brokenLinks(n, src, pos, l)
		case *ast.CodeBlock:
			// An indented block: often a paragraph that starts with a tab.
			if n.Lines().Len() > 0 {
				start := n.Lines().At(0).Start
				indent := diag.Phrase("md.spaces")
				if ls := lineStart(src, start); ls < len(src) && src[ls] == '\t' {
					indent = "md.tab"
				}
				l.Report(pos(lineStart(src, start)), indentedCode, "indent", indent)
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			l.Report(pos(nodeStart(n)), rawHTML)
			return ast.WalkSkipChildren, nil
		}
		if f := formfield.FieldOf(n); f != nil {
			doc.Fields = append(doc.Fields, field(n, f, pos))
		}
		return ast.WalkContinue, nil
	})
}

// spacedLink finds what was meant as a link to a file whose name has a
// space: Markdown does not take "[text](Min fil.md)" as a link at all.
var spacedLink = regexp.MustCompile(`\]\(([^()\n]*\s[^()\n]*\.(?:md|pdf|docx?|odt|png|jpe?g)(?:#[^()\s]*)?)\)`)

// brokenLinks warns about links that Markdown silently shows as text.
func brokenLinks(n ast.Node, src []byte, pos func(int) diag.Pos, l *diag.List) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for _, m := range spacedLink.FindAllSubmatchIndex(seg.Value(src), -1) {
			l.Report(pos(seg.Start+m[0]), spacedLinkCode, "dest", string(seg.Value(src)[m[2]:m[3]]))
		}
	}
}

func field(n ast.Node, f *formfield.Field, pos func(int) diag.Pos) model.Field {
	mf := model.Field{Label: f.Label, Name: f.Name, Rows: 1, Pos: pos(nodeStart(n))}
	switch n := n.(type) {
	case *formfield.FieldItem:
		mf.Kind = model.FieldText
	case *formfield.AnswerBox:
		mf.Kind = model.FieldBox
		mf.Rows = n.Rows
	case *formfield.CheckField:
		mf.Kind = model.FieldCheckbox
	case *formfield.CellField:
		mf.Kind = model.FieldCell
	}
	return mf
}

// blockStart is the offset of a block's first line.
func blockStart(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return nodeStart(n)
}

// nodeStart finds an offset for any node: its own lines, its first text
// descendant, or its nearest block ancestor's first line.
func nodeStart(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if r, ok := n.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
		return r.Segments.At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// inlineStart is the offset of a link's "[" (back is 1) or an image's "!["
// (back is 2), found from its first text.
func inlineStart(n ast.Node, back int) int {
	if t, ok := n.FirstChild().(*ast.Text); ok {
		return max(t.Segment.Start-back, 0)
	}
	return nodeStart(n)
}

// hasScheme reports whether dest begins with a URL scheme ("https:",
// "javascript:").
func hasScheme(dest string) bool {
	for i, r := range dest {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		case i > 0 && r == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// autoLinkStart is the offset of an autolink's "<" (or of its first
// letter, for a bare one), found after the text before it.
func autoLinkStart(n *ast.AutoLink, src []byte) int {
	from := nodeStart(n)
	if t, ok := n.PreviousSibling().(*ast.Text); ok {
		from = t.Segment.Stop
	}
	from = min(from, len(src))
	label := n.Label(src)
	if i := bytes.Index(src[from:], append([]byte{'<'}, label...)); i >= 0 {
		return from + i
	}
	if i := bytes.Index(src[from:], label); i >= 0 {
		return from + i
	}
	return nodeStart(n)
}

// lineStart is the offset of the start of the line that holds off.
func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:min(off, len(src))], '\n') + 1
}

// markerNBSP finds a line that starts like a heading or a list item but
// has a non-breaking space after its marker, so Markdown takes it as
// text.
var markerNBSP = regexp.MustCompile(`(?m)^ {0,3}(#{1,6}|[-*+]|[0-9]{1,9}[.)])[\x{00a0}\x{2007}\x{202f}]+(.*)$`)

// habits reports what editors and pasting from Word leave in a text that
// looks right but does not work: invisible characters, and a
// non-breaking space after a heading's or list item's marker.
func habits(src []byte, pos func(int) diag.Pos, l *diag.List) {
	// Most texts have neither: look for the bytes first (U+00A0 is
	// C2 A0; U+2007, U+202F and the zero-width characters start E2 80 or
	// E2 81; U+FEFF is EF BB BF).
	spaces := bytes.Contains(src, []byte{0xc2, 0xa0}) || bytes.Contains(src, []byte{0xe2, 0x80})
	if !spaces && !bytes.Contains(src, []byte{0xe2, 0x81}) && !bytes.Contains(src, []byte{0xef, 0xbb, 0xbf}) {
		return
	}
	for _, m := range markerNBSP.FindAllSubmatchIndex(src, -1) {
		marker, rest := string(src[m[2]:m[3]]), string(src[m[4]:m[5]])
		what := diag.Phrase("md.listitem")
		if marker[0] == '#' {
			if SectionKey(rest) != "" {
				continue // a step's section: the step's check names it
			}
			what = "md.heading"
		}
		l.Report(pos(m[0]), markerSpace, "written", strings.TrimSpace(string(src[m[0]:m[1]])), "what", what, "marker", marker)
	}
	line := -1
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			// Every invisible character is beyond ASCII.
			if c == '\n' {
				line = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		at := i
		i += size
		name, ok := source.Invisible(r)
		if !ok || name != "char.zerowidth" || line == 0 {
			continue
		}
		line = 0 // one message per line
		l.Report(pos(at), invisibleChar, "name", name, "code", fmt.Sprintf("U+%04X", r))
	}
}
