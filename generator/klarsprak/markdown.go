package klarsprak

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown/formfield"
	"github.com/bti-handbook/bti/generator/source"
)

// Located is a sentence of a document with its place in the file.
type Located struct {
	Pos   diag.Pos // its first word
	Words int
	Text  string // as the reader sees it, on one line
}

// Text is what a document says, measured.
type Text struct {
	Stats     Stats
	Sentences []Located
}

// Measure measures the text of a parsed Markdown document: the blocks
// below each of roots (a document's root, or a step's sections), whose
// segments point into src, the text of file. Every paragraph, list item,
// table cell and heading is a unit of its own; code, raw HTML, images
// and form fields (labels with ___, answer boxes, empty cells) are left
// out, link targets are never read, and a link's text is read as part of
// its sentence.
func Measure(file string, src []byte, roots ...ast.Node) Text {
	m := measurer{file: file, src: src, lines: source.NewLines(src)}
	for _, root := range roots {
		if root != nil {
			m.block(root)
		}
	}
	return m.out
}

type measurer struct {
	file  string
	src   []byte
	lines *source.Lines
	out   Text

	// The unit being read: its text and, for each byte of it, the
	// offset in src it came from.
	text []byte
	offs []int
}

// block walks the blocks below n and measures each unit.
func (m *measurer) block(n ast.Node) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell, *formfield.CheckField:
			m.unit(n)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock,
			*formfield.FieldLine, *formfield.FieldItem, *formfield.AnswerBox:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// unit reads the inline text of one unit and measures its sentences.
func (m *measurer) unit(n ast.Node) {
	m.text, m.offs = m.text[:0], m.offs[:0]
	at := 0
	if n.Lines().Len() > 0 {
		at = n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		at = m.inline(c, at)
	}
	text := string(m.text)
	for _, s := range Sentences(text) {
		m.out.Stats.Add(s)
		m.out.Sentences = append(m.out.Sentences, Located{
			Pos:   m.lines.Pos(m.file, m.offs[s.Words[0].Start]),
			Words: len(s.Words),
			Text:  oneLine(text[s.Start:s.End]),
		})
	}
}

// inline appends the text of an inline node; at is the offset in src
// just after what came before it (for text that has no segment of its
// own). It returns the offset after the node.
func (m *measurer) inline(n ast.Node, at int) int {
	switch n := n.(type) {
	case *ast.Text:
		at = m.segment(n.Segment.Start, n.Segment.Stop, true)
		if n.SoftLineBreak() || n.HardLineBreak() {
			m.add(" ", at)
		}
		return at
	case *ast.String:
		m.add(string(n.Value), at)
		return at
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				at = m.segment(t.Segment.Start, t.Segment.Stop, false)
				m.add(" ", at) // a code span's lines are joined by spaces
			}
		}
		return at
	case *ast.AutoLink:
		label := n.Label(m.src)
		// The label is a slice of src: where it starts is told by its capacity.
		if start := cap(m.src) - cap(label); start >= at && start+len(label) <= len(m.src) {
			return m.segment(start, start+len(label), false)
		}
		m.add(string(label), at)
		return at
	case *ast.Image, *ast.RawHTML, *east.FootnoteLink, *east.TaskCheckBox, *formfield.CellField:
		return at
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		at = m.inline(c, at)
	}
	return at
}

// segment appends src[start:stop], with backslash escapes and character
// references (&amp;) decoded when unescape is true, and returns stop.
func (m *measurer) segment(start, stop int, unescape bool) int {
	stop = min(stop, len(m.src))
	for i := start; i < stop; {
		c := m.src[i]
		switch {
		case unescape && c == '\\' && i+1 < stop && isASCIIPunct(m.src[i+1]):
			m.text = append(m.text, m.src[i+1])
			m.offs = append(m.offs, i+1)
			i += 2
			continue
		case unescape && c == '&':
			if end := entityEnd(m.src[i:stop]); end > 0 {
				if dec := html.UnescapeString(string(m.src[i : i+end])); dec != string(m.src[i:i+end]) {
					m.add(dec, i)
					i += end
					continue
				}
			}
		}
		m.text = append(m.text, c)
		m.offs = append(m.offs, i)
		i++
	}
	return stop
}

// add appends s, all of it mapped to the offset at.
func (m *measurer) add(s string, at int) {
	for i := 0; i < len(s); i++ {
		m.text = append(m.text, s[i])
		m.offs = append(m.offs, at)
	}
}

// entityEnd returns the length of the character reference that b starts
// with ("&amp;", "&#228;"), or 0.
func entityEnd(b []byte) int {
	for i := 1; i < len(b) && i < 33; i++ {
		switch c := b[i]; {
		case c == ';':
			if i == 1 {
				return 0
			}
			return i + 1
		case c == '#' && i == 1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return 0
		}
	}
	return 0
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// oneLine collapses the line breaks, tabs and runs of spaces of s into
// single spaces.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}
