// Package pdfcheck checks the machine-checkable rules of a tagged PDF
// (PDF/UA-1, ISO 14289-1, as the Matterhorn Protocol lists them) that
// bti's PDFs keep, and reads a PDF's structure tree with the pages and
// the text of its content, so that tests can ask what a reader would
// meet in what order and on which page.
//
// The rules: the catalog marks the file as tagged (/MarkInfo /Marked
// true), has a /Lang, /ViewerPreferences /DisplayDocTitle true, XMP
// metadata with a title, a language and pdfuaid:part 1, and a structure
// tree with a ParentTree; every piece of content on every page is inside
// marked content with an MCID, or is an artifact; every MCID on a page is
// in the tree once, and every MCID of the tree is on its page; the
// ParentTree maps each MCID and annotation back to its element; every
// link and widget annotation is in the tree (a Link, a Form element),
// links have /Contents and fields /TU; pages with annotations have /Tabs
// /S; structure types are standard; figures have /Alt, header cells a
// /Scope; heading levels start at H1 and never skip one; fonts are
// embedded, with a ToUnicode map, and no text shows the .notdef glyph; a
// file with no field has no AcroForm.
//
// It reads the file with pdfcpu, and is no full PDF/UA validator (no
// such validator installs here: veraPDF is neither in Debian nor npm).
package pdfcheck

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Doc is a PDF as the checker read it.
type Doc struct {
	Pages    int
	Root     *Elem // the structure tree's first element (the Document); nil when there is none
	Annots   []*Annot
	Problems []string

	xt     *model.XRefTable
	pageOf map[int]int              // object number of a page -> its number
	marked []map[int]*MarkedContent // by page (0-based): MCID -> its content
	annots map[int]*Annot           // by object number
	elems  map[int]*Elem            // by object number
}

// Elem is an element of the structure tree.
type Elem struct {
	Tag    string
	Alt    string
	Lang   string
	Attrs  map[string]string // the attributes of its attribute objects (/Scope: Column ...)
	Parent *Elem
	Kids   []Node
	obj    int
}

// Node is a child of an element: an element, marked content or an annotation.
type Node struct {
	Elem  *Elem
	MC    *MarkedContent
	Annot *Annot
}

// MarkedContent is a marked-content sequence with an MCID.
type MarkedContent struct {
	Page      int // 1-based
	MCID      int
	Text      string
	Tag       string
	Baselines []float64 // the y of each line of its text (points, from the foot of the page)
	elem      *Elem
}

// Annot is an annotation of a page.
type Annot struct {
	Page      int
	Subtype   string // Link, Widget ...
	Contents  string
	TU        string // a field's tooltip
	FieldType string // a field's /FT: Tx, Btn ...
	URI       string
	Dest      int // the page an internal link opens (0: none)
	Rect      [4]float64
	key       int // /StructParent, -1 when none
	obj       int
	dest      int // the object number of the page an internal link opens
	elem      *Elem
}

func (d *Doc) problem(format string, a ...any) {
	d.Problems = append(d.Problems, fmt.Sprintf(format, a...))
}

// Check reads a PDF and checks it; the problems are in Doc.Problems. An
// error means the file could not be read at all.
func Check(data []byte) (*Doc, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := pdfcpu.Read(bytes.NewReader(data), conf)
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	d := &Doc{Pages: ctx.PageCount, xt: ctx.XRefTable, pageOf: map[int]int{}, annots: map[int]*Annot{}, elems: map[int]*Elem{}}
	cat, err := d.xt.Catalog()
	if err != nil {
		return nil, err
	}
	d.catalog(cat, ctx)
	for n := 1; n <= d.Pages; n++ {
		if err := d.page(n); err != nil {
			return nil, fmt.Errorf("page %d: %w", n, err)
		}
	}
	for _, a := range d.Annots {
		a.Dest = d.pageOf[a.dest]
	}
	d.tree(cat)
	d.semantics()
	widgets := 0
	for _, a := range d.Annots {
		if a.Subtype == "Widget" {
			widgets++
		}
	}
	if _, ok := cat["AcroForm"]; ok && widgets == 0 {
		d.problem("the file has no field, yet an AcroForm (and a field font)")
	}
	return d, nil
}

// catalog checks the catalog's entries of a tagged PDF and the metadata.
func (d *Doc) catalog(cat types.Dict, ctx *model.Context) {
	xt := d.xt
	if mi, _ := xt.DereferenceDict(cat["MarkInfo"]); mi == nil || !boolean(xt, mi["Marked"]) {
		d.problem("catalog: no /MarkInfo /Marked true")
	}
	if lang := d.text(cat["Lang"]); strings.TrimSpace(lang) == "" {
		d.problem("catalog: no /Lang")
	}
	if vp, _ := xt.DereferenceDict(cat["ViewerPreferences"]); vp == nil || !boolean(xt, vp["DisplayDocTitle"]) {
		d.problem("catalog: no /ViewerPreferences /DisplayDocTitle true")
	}
	title := ""
	if ctx.Info != nil {
		if info, _ := xt.DereferenceDict(*ctx.Info); info != nil {
			title = d.text(info["Title"])
		}
	}
	if strings.TrimSpace(title) == "" {
		d.problem("document information: no /Title")
	}
	sd, _, _ := xt.DereferenceStreamDict(cat["Metadata"])
	if sd == nil {
		d.problem("catalog: no XMP /Metadata")
		return
	}
	if err := sd.Decode(); err != nil {
		d.problem("metadata: %v", err)
		return
	}
	x := string(sd.Content)
	for _, want := range []struct{ what, re string }{
		{"pdfuaid:part 1", "<pdfuaid:part>1</pdfuaid:part>"},
		{"a dc:title", "<dc:title>"},
		{"a dc:language", "<dc:language>"},
	} {
		if !strings.Contains(x, want.re) && !(want.what == "pdfuaid:part 1" && strings.Contains(x, `pdfuaid:part="1"`)) {
			d.problem("metadata: no %s", want.what)
		}
	}
	if i := strings.Index(x, "<dc:title>"); i >= 0 {
		if t := x[i:min(i+300, len(x))]; strings.Contains(t, "x-default\"></rdf:li>") {
			d.problem("metadata: an empty dc:title")
		}
	}
}

func boolean(xt *model.XRefTable, o types.Object) bool {
	o, _ = xt.Dereference(o)
	b, ok := o.(types.Boolean)
	return ok && bool(b)
}

// text returns a string object's text, "" when it is none.
func (d *Doc) text(o types.Object) string {
	o, _ = d.xt.Dereference(o)
	switch s := o.(type) {
	case types.StringLiteral:
		t, err := types.StringLiteralToString(s)
		if err == nil {
			return t
		}
	case types.HexLiteral:
		t, err := types.HexLiteralToString(s)
		if err == nil {
			return t
		}
	case types.Name:
		return string(s)
	}
	return ""
}

func (d *Doc) name(o types.Object) string {
	o, _ = d.xt.Dereference(o)
	if n, ok := o.(types.Name); ok {
		return string(n)
	}
	return ""
}

func (d *Doc) integer(o types.Object) (int, bool) {
	o, _ = d.xt.Dereference(o)
	if i, ok := o.(types.Integer); ok {
		return int(i), true
	}
	return 0, false
}
