package model

import "github.com/yuin/goldmark/ast"

// Doc is a parsed Markdown document with what the parser found in it.
// The tree is parsed once by package load and never changed afterwards, so
// that several municipalities can render a national document at once.
type Doc struct {
	File     string
	Source   []byte   // the Markdown text that the tree's segments point into
	Root     ast.Node // the document; for steps, see Step.Sections instead
	Headings []Heading
	Links    []*Link
	Fields   []Field // form fields, for documents of kind form
}

// Heading is a heading of a document, with the id it gets on the page.
type Heading struct {
	ID    string
	Text  string
	Level int
	Pos   Pos
}

// Link is a link or image in a document, as written.
type Link struct {
	Dest  string // destination as written, e.g. "../niva-2/01-mote.md#hva"
	Pos   Pos
	Image bool
	Node  ast.Node // the *ast.Link, *ast.Image or *ast.AutoLink (one with a scheme)
}

// FieldKind says what kind of form field the Markdown declares.
type FieldKind int

const (
	// FieldText is a one-line text field: "Barnets navn: ___".
	FieldText FieldKind = iota
	// FieldBox is a multi-line answer box: paragraphs of underscores.
	FieldBox
	// FieldCheckbox is a task-list item: "- [ ] Foreldrene er informert".
	FieldCheckbox
	// FieldCell is an empty body cell of a table.
	FieldCell
)

// String names the kind as the PDF and tests speak of it.
func (k FieldKind) String() string {
	return [...]string{"text", "box", "checkbox", "cell"}[k]
}

// Field is one field of a form, in document order.
type Field struct {
	Kind  FieldKind
	Label string // the text that labels it on paper
	Name  string // unique within the form, derived from the label
	Rows  int    // lines of a box; 1 otherwise
	Pos   Pos
}

// Section keys of a step.
const (
	SectionIntro = "intro" // text before the first section heading
	SectionWhat  = "what"
	SectionHow   = "how"
	SectionWho   = "who"
	SectionOther = "other"
)

// Section is one part of a step: the text under one "##" heading.
type Section struct {
	Key     string
	Heading string // as written
	ID      string // heading id
	Pos     Pos
	Root    ast.Node // a document holding the section's blocks
}

// Sections are a step's parts in the order written.
type Sections []*Section

// Get returns the first section with the key, or nil.
func (s Sections) Get(key string) *Section {
	for _, sec := range s {
		if sec.Key == key {
			return sec
		}
	}
	return nil
}
