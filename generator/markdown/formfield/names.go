package formfield

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/bti-handbook/bti/generator/slug"
)

// DefaultLabel labels a field that has no text to name it.
const DefaultLabel = "Svar"

// maxLabel is the longest field name, in characters; longer labels are
// shortened for the name.
const maxLabel = 80

// namer is an AST transformer, run after inline parsing: it turns task-list
// items into CheckFields and empty table cells into CellFields, then gives
// every field a label, a unique name and a unique id in document order.
type namer struct{}

func (namer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var checks []*ast.ListItem
	var tables []*extast.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.ListItem:
			checks = append(checks, n)
		case *extast.Table:
			tables = append(tables, n)
		}
		return ast.WalkContinue, nil
	})
	for _, li := range checks {
		convertTask(li)
	}
	for _, t := range tables {
		convertTable(t, source)
	}
	names := map[string]int{}
	ids := map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		f := FieldOf(n)
		if f == nil {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *FieldItem, *CheckField:
			f.Label = cleanLabel(PlainText(n, source))
		case *AnswerBox:
			f.Label = boxLabel(n, source)
		}
		if f.Label == "" {
			f.Label = DefaultLabel
		}
		f.Name = unique(names, shorten(f.Label), " (%d)")
		base := slug.Make(f.Name)
		if base == "" {
			base = "felt"
		}
		f.ID = unique(ids, "felt-"+base, "-%d")
		return ast.WalkContinue, nil
	})
}

// unique returns s, or s with a counter when s was returned before.
func unique(seen map[string]int, s, format string) string {
	seen[s]++
	if seen[s] == 1 {
		return s
	}
	for {
		c := s + strings.Replace(format, "%d", strconv.Itoa(seen[s]), 1)
		if seen[c] == 0 {
			seen[c] = 1
			return c
		}
		seen[s]++
	}
}

// convertTask replaces the text block of a task-list item with a CheckField.
func convertTask(li *ast.ListItem) {
	block := li.FirstChild()
	if block == nil {
		return
	}
	box, ok := block.FirstChild().(*extast.TaskCheckBox)
	if !ok {
		return
	}
	cf := &CheckField{Checked: box.IsChecked}
	block.RemoveChild(block, box)
	for c := block.FirstChild(); c != nil; {
		next := c.NextSibling()
		cf.AppendChild(cf, c)
		c = next
	}
	li.ReplaceChild(li, block, cf)
}

// convertTable puts a CellField into every empty cell of the table body.
func convertTable(t *extast.Table, source []byte) {
	var headers []string
	row := 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*extast.TableHeader); ok {
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				headers = append(headers, cleanLabel(PlainText(c, source)))
			}
			continue
		}
		row++
		rowLabel := ""
		col := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			header := ""
			if col < len(headers) {
				header = headers[col]
			}
			if c.ChildCount() == 0 {
				label := header
				switch {
				case rowLabel != "" && label != "":
					label = rowLabel + ": " + label
				case rowLabel != "":
					label = rowLabel
				case label == "":
					label = "Kolonne " + strconv.Itoa(col+1)
				}
				if rowLabel == "" {
					label += ", rad " + strconv.Itoa(row)
				}
				c.AppendChild(c, &CellField{Field: Field{Label: label}})
			} else if col == 0 {
				rowLabel = cleanLabel(PlainText(c, source))
			}
			col++
		}
	}
}

// boxLabel is the text of the heading or paragraph just before an answer
// box, shortened; or DefaultLabel.
func boxLabel(box *AnswerBox, source []byte) string {
	prev := box.PreviousSibling()
	switch prev.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
	default:
		return DefaultLabel
	}
	return cleanLabel(PlainText(prev, source))
}

// shorten cuts a long label to maxLabel characters for use as a name; the
// whole label stays the field's accessible name.
func shorten(label string) string {
	if utf8.RuneCountInString(label) <= maxLabel {
		return label
	}
	r := []rune(label)[:maxLabel]
	return strings.TrimSpace(string(r)) + "…"
}

// cleanLabel trims white space and a trailing colon.
func cleanLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(strings.TrimRight(s, ":"))
}

// PlainText returns the text of n's inline descendants, without markup.
func PlainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(source))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
