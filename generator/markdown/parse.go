// Package markdown parses the Markdown of steps, pages and toolbox
// documents with goldmark and renders it to HTML.
//
// Parsing happens once, in package load: Parse builds the tree and walks
// it to collect what the later stages need (headings with their ids, links
// with their positions, form fields), reporting problems as diagnostics
// instead of hiding them in transformers. Rendering happens in package
// render, through a Renderer that writes links as resolved by package check.
//
// Heading ids are made by package slug (æ→ae, ø→o, å→a), so that links to a
// heading that staff send each other keep working.
package markdown

import (
	"slices"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown/formfield"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/slug"
	"github.com/bti-handbook/bti/generator/source"
)

// reservedIDs are element ids that the page templates use, so that no
// heading takes them.
var reservedIDs = []string{"hovedinnhold", "meny", "sok", "verktoy", "tjenester", "trinn", "nodhjelp", "sprak"}

// ReservedID reports whether id is an element id of the page templates,
// which no heading takes.
func ReservedID(id string) bool { return slices.Contains(reservedIDs, id) }

// The parsers: one for documents with form fields and one for the rest.
// goldmark parsers are safe for concurrent use.
var (
	plainMD = goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	formMD = goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, formfield.Extension()),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
)

// Parse parses the Markdown body of file. body has the front matter
// replaced by newlines (see source.Split), so positions in it are
// positions in the file. forms enables the form-field syntax.
func Parse(file string, body []byte, forms bool, l *diag.List) *model.Doc {
	md := plainMD
	if forms {
		md = formMD
	}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	root := md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	doc := &model.Doc{File: file, Source: body, Root: root}
	collect(doc, source.NewLines(body), l)
	return doc
}

// ParseInline parses a short text of inline Markdown (a TOML value such as
// the emergency text) at pos.
func ParseInline(pos diag.Pos, value string, l *diag.List) *model.Doc {
	body := []byte(value)
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	root := plainMD.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	doc := &model.Doc{File: pos.File, Source: body, Root: root}
	// Positions inside a TOML string are reported at the key.
	collectAt(doc, pos, l)
	return doc
}

// ids makes heading ids unique within a document: the second "Samme" is
// samme-2, the third samme-3. It remembers the next number of each base,
// so that a document of 20,000 equal headings takes linear time.
type ids struct {
	used map[string]bool
	next map[string]int // the next number to try for a base
}

func newIDs() *ids {
	used := map[string]bool{}
	for _, id := range reservedIDs {
		used[id] = true
	}
	return &ids{used: used, next: map[string]int{}}
}

// Generate implements parser.IDs.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "overskrift"
	}
	id := base
	if s.used[id] {
		i := max(s.next[base], 2)
		for ; s.used[base+"-"+strconv.Itoa(i)]; i++ {
		}
		id = base + "-" + strconv.Itoa(i)
		s.next[base] = i + 1
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
