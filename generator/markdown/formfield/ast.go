// Package formfield is a goldmark extension for the form-field syntax of
// BTI toolbox forms (docs/content-reference.md, "Forms"):
//
//	Barnets navn: ___          a one-line text field labelled "Barnets navn"
//	___                        a paragraph of only underscore lines: a
//	___                        multi-line answer box, one row per line
//	- [ ] Foreldrene er informert   a checkbox with that label
//	| Tiltak | Ansvarlig |     a table: each empty body cell is a text field
//	|--------|-----------|
//	|        |           |
//
// A line may hold several fields ("Dato: ___ Sted: ___") as long as it ends
// in underscores. The extension is used only for documents of kind form; in
// other documents a line of underscores stays a horizontal rule.
//
// Like every goldmark extension it has four parts: the AST nodes (this
// file), the parsers (parser.go), the transformer that names the fields
// (names.go), and the HTML renderer (render.go); Extension registers them.
package formfield

import (
	"github.com/yuin/goldmark/ast"
)

// kindFieldLine is the kind of a line of one or more one-line fields.
var kindFieldLine = ast.NewNodeKind("FieldLine")

// kindFieldItem is the kind of one one-line field with its label.
var kindFieldItem = ast.NewNodeKind("FieldItem")

// kindAnswerBox is the kind of a multi-line answer box.
var kindAnswerBox = ast.NewNodeKind("AnswerBox")

// kindCheckField is the kind of a checkbox with its label.
var kindCheckField = ast.NewNodeKind("CheckField")

// kindCellField is the kind of a text field in an empty table cell.
var kindCellField = ast.NewNodeKind("CellField")

// Field is what every field node shares: the name the transformer gives it.
type Field struct {
	// Label is the plain text that labels the field.
	Label string
	// Name is unique within the document, derived from Label.
	Name string
	// ID is the HTML id of the input, unique within the document.
	ID string
}

// FieldLine is a block: a line of one-line fields. Its children are
// FieldItems.
type FieldLine struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *FieldLine) Kind() ast.NodeKind { return kindFieldLine }

// Dump implements ast.Node.
func (n *FieldLine) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// FieldItem is a block whose lines are the label of one text field; the
// inline parser fills in its children.
type FieldItem struct {
	ast.BaseBlock
	Field
}

// Kind implements ast.Node.
func (n *FieldItem) Kind() ast.NodeKind { return kindFieldItem }

// Dump implements ast.Node.
func (n *FieldItem) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// AnswerBox is a block: a box for a longer answer, Rows lines tall.
type AnswerBox struct {
	ast.BaseBlock
	Field
	Rows int
}

// Kind implements ast.Node.
func (n *AnswerBox) Kind() ast.NodeKind { return kindAnswerBox }

// IsRaw implements ast.Node: the underscores are not inline text.
func (n *AnswerBox) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *AnswerBox) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// CheckField is a block that replaces the text of a task-list item: a
// checkbox whose label is the node's inline children.
type CheckField struct {
	ast.BaseBlock
	Field
	Checked bool
}

// Kind implements ast.Node.
func (n *CheckField) Kind() ast.NodeKind { return kindCheckField }

// Dump implements ast.Node.
func (n *CheckField) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// CellField is an inline node: the text field of an empty table cell.
type CellField struct {
	ast.BaseInline
	Field
}

// Kind implements ast.Node.
func (n *CellField) Kind() ast.NodeKind { return kindCellField }

// Dump implements ast.Node.
func (n *CellField) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// FieldOf returns the Field of a field node, or nil for other nodes.
func FieldOf(n ast.Node) *Field {
	switch f := n.(type) {
	case *FieldItem:
		return &f.Field
	case *AnswerBox:
		return &f.Field
	case *CheckField:
		return &f.Field
	case *CellField:
		return &f.Field
	}
	return nil
}
