package pdf

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/bti-handbook/bti/generator/markdown/formfield"
	"github.com/bti-handbook/bti/generator/model"
)

// The blocks of a document as the PDF lays them out: the Markdown tree
// flattened into what a page of paper needs, independent of the PDF
// library that draws it.

// Span is a run of text in one style.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
}

// BlockKind says what a Block is.
type BlockKind int

// The kinds of block.
const (
	BlockHeading BlockKind = iota
	BlockParagraph
	BlockListItem
	BlockFields // a line of one-line text fields
	BlockBox    // a multi-line answer box
	BlockCheck  // a checkbox with its label
	BlockTable
	BlockQuote
	BlockCode
	BlockRule
)

// Block is one block of a document.
type Block struct {
	Kind    BlockKind
	Level   int    // heading level; list depth (0 = top)
	Marker  string // list item marker: "•" or "3."
	Spans   []Span
	Fields  []FieldRef // BlockFields: the fields of the line, in order
	Field   FieldRef   // BlockBox, BlockCheck
	Rows    int        // BlockBox: lines of the box
	Checked bool
	Table   *Table
}

// FieldRef is a form field's label and its unique name.
type FieldRef struct {
	Label string // as printed before the field
	Name  string
}

// Table is a table; a cell with a field has FieldName set.
type Table struct {
	Header []string
	Rows   [][]Cell
}

// Cell is one body cell.
type Cell struct {
	Text      string
	FieldName string
	Label     string
}

// Blocks flattens a parsed document into blocks.
func Blocks(doc *model.Doc) []Block {
	if doc == nil {
		return nil
	}
	return BlocksOf(doc.Root, doc.Source)
}

// BlocksOf flattens a part of a document (a step's section) into blocks.
func BlocksOf(root ast.Node, src []byte) []Block {
	var out []Block
	walkBlocks(root, src, 0, &out)
	return out
}

func walkBlocks(parent ast.Node, src []byte, depth int, out *[]Block) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			*out = append(*out, Block{Kind: BlockHeading, Level: n.Level, Spans: spans(n, src)})
		case *ast.Paragraph, *ast.TextBlock:
			*out = append(*out, Block{Kind: BlockParagraph, Level: depth, Spans: spans(n, src)})
		case *ast.List:
			list(n, src, depth, out)
		case *formfield.FieldLine:
			b := Block{Kind: BlockFields, Level: depth}
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				if fi, ok := it.(*formfield.FieldItem); ok {
					b.Fields = append(b.Fields, FieldRef{Label: strings.TrimSpace(formfield.PlainText(fi, src)), Name: fi.Name})
				}
			}
			*out = append(*out, b)
		case *formfield.AnswerBox:
			*out = append(*out, Block{Kind: BlockBox, Level: depth, Rows: n.Rows, Field: FieldRef{Label: n.Label, Name: n.Name}})
		case *extast.Table:
			*out = append(*out, Block{Kind: BlockTable, Table: table(n, src)})
		case *ast.Blockquote:
			var inner []Block
			walkBlocks(n, src, depth, &inner)
			for _, b := range inner {
				if b.Kind == BlockParagraph {
					b.Kind = BlockQuote
				}
				*out = append(*out, b)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			var b strings.Builder
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
			*out = append(*out, Block{Kind: BlockCode, Spans: []Span{{Text: strings.TrimRight(b.String(), "\n")}}})
		case *ast.ThematicBreak:
			*out = append(*out, Block{Kind: BlockRule})
		case *ast.HTMLBlock:
			// Raw HTML is never shown.
		default:
			walkBlocks(n, src, depth, out)
		}
	}
}

// list adds the items of a list.
func list(n *ast.List, src []byte, depth int, out *[]Block) {
	i := n.Start
	if i == 0 {
		i = 1
	}
	for li := n.FirstChild(); li != nil; li = li.NextSibling() {
		marker := "•"
		if n.IsOrdered() {
			marker = itoa(i) + "."
			i++
		}
		listItem(li, src, depth, marker, out)
	}
}

// listItem adds a list item: a checkbox when it is one, else text with
// its marker; nested lists follow, one level deeper.
func listItem(li ast.Node, src []byte, depth int, marker string, out *[]Block) {
	first := true
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *formfield.CheckField:
			*out = append(*out, Block{Kind: BlockCheck, Level: depth, Checked: c.Checked,
				Field: FieldRef{Label: strings.TrimSpace(formfield.PlainText(c, src)), Name: c.Name}, Spans: spans(c, src)})
			first = false
		case *ast.Paragraph, *ast.TextBlock:
			b := Block{Kind: BlockParagraph, Level: depth + 1, Spans: spans(c, src)}
			if first {
				b.Kind, b.Marker, b.Level = BlockListItem, marker, depth
				first = false
			}
			*out = append(*out, b)
		case *ast.List:
			list(c, src, depth+1, out)
		default:
			var inner []Block
			walkBlocks(c, src, depth+1, &inner)
			if n := len(inner); n > 0 && first && inner[0].Kind == BlockParagraph {
				inner[0].Kind, inner[0].Marker = BlockListItem, marker
			}
			first = false
			*out = append(*out, inner...)
		}
	}
}

func table(t *extast.Table, src []byte) *Table {
	out := &Table{}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*extast.TableHeader); ok {
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				out.Header = append(out.Header, strings.TrimSpace(formfield.PlainText(c, src)))
			}
			continue
		}
		var row []Cell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cell := Cell{Text: strings.TrimSpace(formfield.PlainText(c, src))}
			if f, ok := c.FirstChild().(*formfield.CellField); ok && c.ChildCount() == 1 {
				cell.Text, cell.FieldName, cell.Label = "", f.Name, f.Label
			}
			row = append(row, cell)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// spans collects the styled text runs of an inline container.
func spans(n ast.Node, src []byte) []Span {
	var out []Span
	var walk func(n ast.Node, bold, italic bool)
	walk = func(n ast.Node, bold, italic bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := string(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					t += " "
				}
				out = append(out, Span{Text: t, Bold: bold, Italic: italic})
			case *ast.String:
				out = append(out, Span{Text: string(c.Value), Bold: bold, Italic: italic})
			case *ast.Emphasis:
				walk(c, bold || c.Level >= 2, italic || c.Level == 1)
			case *ast.CodeSpan:
				out = append(out, Span{Text: formfield.PlainText(c, src), Bold: bold, Italic: italic})
			case *ast.AutoLink:
				out = append(out, Span{Text: string(c.Label(src)), Bold: bold, Italic: italic})
			case *ast.RawHTML, *formfield.CellField:
			default:
				walk(c, bold, italic)
			}
		}
	}
	walk(n, false, false)
	return out
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b []byte
	for i > 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}
