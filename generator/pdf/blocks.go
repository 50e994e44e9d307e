package pdf

import (
	"strconv"
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
	Link   string // the full URL of a link ("" when the text is no link)
	LinkNo int    // which link of the block (1, 2 ...): a link's spans share it
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
	Kind      BlockKind
	Level     int    // heading level; list depth (0 = top)
	Marker    string // list item marker: "•" or "3."
	ListStart bool   // BlockListItem, BlockCheck: the first item of its list
	Ordered   bool   // BlockListItem: of a numbered list
	Spans     []Span
	Fields    []FieldRef // BlockFields: the fields of the line, in order
	Field     FieldRef   // BlockBox, BlockCheck
	Rows      int        // BlockBox: lines of the box
	Checked   bool
	Table     *Table

	// For the guide's own headings (guide.go):
	H        int       // the heading's level in the structure tree; 0 to derive it from Level
	Band     *[3]uint8 // a heading printed white on a band of this colour
	Sect     int       // a heading that opens a section (Sect) at this depth (1, 2)
	Bookmark int       // a heading with a bookmark at outline level Bookmark-1
}

// FieldRef is a form field's label and its unique name.
type FieldRef struct {
	Label string // as printed before the field
	Name  string
	TU    string // the label as a screen reader says it (/TU)
}

// Table is a table; a cell with a field has FieldName set.
type Table struct {
	Header []string
	Rows   [][]Cell
}

// LinkFunc returns the full URL a link node leads to, or "" when it is
// no link in a PDF; dest is its destination as written.
type LinkFunc func(n ast.Node, dest string) string

// Cell is one body cell.
type Cell struct {
	Text      string
	FieldName string
	Label     string
}

// Blocks flattens a parsed document into blocks; link gives the URLs of
// its links (nil: links are plain text).
func Blocks(doc *model.Doc, link LinkFunc) []Block {
	if doc == nil {
		return nil
	}
	return BlocksOf(doc.Root, doc.Source, link)
}

// BlocksOf flattens a part of a document (a step's section) into blocks.
func BlocksOf(root ast.Node, src []byte, link LinkFunc) []Block {
	var out []Block
	f := flattener{src: src, link: link}
	f.walk(root, 0, &out)
	return out
}

// flattener holds what walking a document needs.
type flattener struct {
	src  []byte
	link LinkFunc
}

func (f flattener) walk(parent ast.Node, depth int, out *[]Block) {
	src := f.src
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			*out = append(*out, Block{Kind: BlockHeading, Level: n.Level, Spans: f.spans(n)})
		case *ast.Paragraph, *ast.TextBlock:
			*out = append(*out, Block{Kind: BlockParagraph, Level: depth, Spans: f.spans(n)})
		case *ast.List:
			f.list(n, depth, out)
		case *formfield.FieldLine:
			b := Block{Kind: BlockFields, Level: depth}
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				if fi, ok := it.(*formfield.FieldItem); ok {
					b.Fields = append(b.Fields, FieldRef{Label: strings.TrimSpace(formfield.PlainText(fi, src)), Name: fi.Name, TU: fi.Label})
				}
			}
			*out = append(*out, b)
		case *formfield.AnswerBox:
			*out = append(*out, Block{Kind: BlockBox, Level: depth, Rows: n.Rows, Field: FieldRef{Label: n.Label, Name: n.Name, TU: n.Label}})
		case *extast.Table:
			*out = append(*out, Block{Kind: BlockTable, Table: table(n, src)})
		case *ast.Blockquote:
			var inner []Block
			f.walk(n, depth, &inner)
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
			f.walk(n, depth, out)
		}
	}
}

// list adds the items of a list.
func (f flattener) list(n *ast.List, depth int, out *[]Block) {
	i := n.Start
	if i == 0 {
		i = 1
	}
	start := len(*out)
	for li := n.FirstChild(); li != nil; li = li.NextSibling() {
		marker := "•"
		if n.IsOrdered() {
			marker = strconv.Itoa(i) + "."
			i++
		}
		f.listItem(li, depth, marker, n.IsOrdered(), out)
	}
	// The first item of this list (not of a nested one) starts it.
	for j := start; j < len(*out); j++ {
		if b := &(*out)[j]; b.Level == depth && (b.Kind == BlockListItem || b.Kind == BlockCheck) {
			b.ListStart = true
			break
		}
	}
}

// listItem adds a list item: a checkbox when it is one, else text with
// its marker; nested lists follow, one level deeper.
func (f flattener) listItem(li ast.Node, depth int, marker string, ordered bool, out *[]Block) {
	src := f.src
	first := true
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *formfield.CheckField:
			*out = append(*out, Block{Kind: BlockCheck, Level: depth, Checked: c.Checked,
				Field: FieldRef{Label: strings.TrimSpace(formfield.PlainText(c, src)), Name: c.Name, TU: c.Label}, Spans: f.spans(c)})
			first = false
		case *ast.Paragraph, *ast.TextBlock:
			b := Block{Kind: BlockParagraph, Level: depth + 1, Spans: f.spans(c)}
			if first {
				b.Kind, b.Marker, b.Level, b.Ordered = BlockListItem, marker, depth, ordered
				first = false
			}
			*out = append(*out, b)
		case *ast.List:
			f.list(c, depth+1, out)
		default:
			var inner []Block
			f.walk(c, depth+1, &inner)
			if n := len(inner); n > 0 && first && inner[0].Kind == BlockParagraph {
				inner[0].Kind, inner[0].Marker, inner[0].Level, inner[0].Ordered = BlockListItem, marker, depth, ordered
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
func (f flattener) spans(n ast.Node) []Span {
	src := f.src
	var out []Span
	links := 0
	var walk func(n ast.Node, bold, italic bool, link string, no int)
	walk = func(n ast.Node, bold, italic bool, link string, no int) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := string(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					t += " "
				}
				out = append(out, Span{Text: t, Bold: bold, Italic: italic, Link: link, LinkNo: no})
			case *ast.String:
				out = append(out, Span{Text: string(c.Value), Bold: bold, Italic: italic, Link: link, LinkNo: no})
			case *ast.Emphasis:
				walk(c, bold || c.Level >= 2, italic || c.Level == 1, link, no)
			case *ast.CodeSpan:
				out = append(out, Span{Text: formfield.PlainText(c, src), Bold: bold, Italic: italic, Link: link, LinkNo: no})
			case *ast.AutoLink:
				label := string(c.Label(src))
				u := ""
				if link == "" && f.link != nil {
					dest := string(c.URL(src))
					if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(dest, "mailto:") {
						dest = "mailto:" + dest
					}
					u = f.link(c, dest)
				}
				if u == "" {
					out = append(out, Span{Text: label, Bold: bold, Italic: italic, Link: link, LinkNo: no})
					continue
				}
				links++
				out = append(out, Span{Text: label, Bold: bold, Italic: italic, Link: u, LinkNo: links})
			case *ast.Link:
				if link == "" && f.link != nil {
					if u := f.link(c, string(c.Destination)); u != "" {
						links++
						walk(c, bold, italic, u, links)
						continue
					}
				}
				walk(c, bold, italic, link, no)
			case *ast.RawHTML, *formfield.CellField:
			default:
				walk(c, bold, italic, link, no)
			}
		}
	}
	walk(n, false, false, "", 0)
	return out
}
