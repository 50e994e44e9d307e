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
	"sort"
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

// page reads page n's content (its marked content and whether anything
// is drawn outside marked content) and its annotations.
func (d *Doc) page(n int) error {
	xt := d.xt
	pd, ref, inh, err := xt.PageDict(n, false)
	if err != nil {
		return err
	}
	d.pageOf[ref.ObjectNumber.Value()] = n
	res, _ := xt.DereferenceDict(pd["Resources"])
	if res == nil && inh != nil {
		res = inh.Resources
	}
	fonts := d.fonts(n, res)
	var content []byte
	switch c, _ := xt.Dereference(pd["Contents"]); c := c.(type) {
	case types.StreamDict:
		if err := c.Decode(); err != nil {
			return err
		}
		content = c.Content
	case types.Array:
		for _, o := range c {
			sd, _, err := xt.DereferenceStreamDict(o)
			if err != nil || sd == nil {
				continue
			}
			if err := sd.Decode(); err != nil {
				return err
			}
			content = append(append(content, sd.Content...), '\n')
		}
	}
	marked := map[int]*MarkedContent{}
	d.marked = append(d.marked, marked)
	d.content(n, content, fonts, marked)
	if _, ok := pd["StructParents"]; len(marked) > 0 && !ok {
		d.problem("page %d has marked content but no /StructParents", n)
	}

	annots, _ := xt.DereferenceArray(pd["Annots"])
	for _, o := range annots {
		ir, ok := o.(types.IndirectRef)
		if !ok {
			d.problem("page %d: an annotation that is no indirect object", n)
			continue
		}
		ad, err := xt.DereferenceDict(ir)
		if err != nil || ad == nil {
			continue
		}
		a := &Annot{Page: n, Subtype: d.name(ad["Subtype"]), Contents: d.text(ad["Contents"]), key: -1, obj: ir.ObjectNumber.Value()}
		if a.Subtype == "Popup" {
			continue
		}
		if k, ok := d.integer(ad["StructParent"]); ok {
			a.key = k
		}
		if r, _ := xt.DereferenceArray(ad["Rect"]); len(r) == 4 {
			for i := range 4 {
				a.Rect[i], _ = xt.DereferenceNumber(r[i])
			}
		}
		if act, _ := xt.DereferenceDict(ad["A"]); act != nil {
			a.URI = d.text(act["URI"])
		}
		if dest, _ := xt.DereferenceArray(ad["Dest"]); len(dest) > 0 {
			if r, ok := dest[0].(types.IndirectRef); ok {
				a.dest = r.ObjectNumber.Value()
			}
		}
		if a.Subtype == "Widget" {
			field := ad
			for field != nil && field["FT"] == nil {
				field, _ = xt.DereferenceDict(field["Parent"])
			}
			tu := ad
			for tu != nil && tu["TU"] == nil {
				tu, _ = xt.DereferenceDict(tu["Parent"])
			}
			if field != nil {
				a.FieldType = d.name(field["FT"])
			}
			if tu != nil {
				a.TU = d.text(tu["TU"])
			}
		}
		d.Annots = append(d.Annots, a)
		d.annots[a.obj] = a
	}
	if len(annots) > 0 && d.name(pd["Tabs"]) != "S" {
		d.problem("page %d has annotations but no /Tabs /S", n)
	}
	return nil
}

// fonts returns the text maps of page n's fonts by resource name, and
// checks that each is embedded.
func (d *Doc) fonts(n int, res types.Dict) map[string]*cmap {
	xt := d.xt
	out := map[string]*cmap{}
	if res == nil {
		return out
	}
	fd, _ := xt.DereferenceDict(res["Font"])
	names := make([]string, 0, len(fd))
	for k := range fd {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		f, _ := xt.DereferenceDict(fd[k])
		if f == nil {
			continue
		}
		sub := d.name(f["Subtype"])
		bytesPerCode := 1
		desc := f
		if sub == "Type0" {
			bytesPerCode = 2
			if kids, _ := xt.DereferenceArray(f["DescendantFonts"]); len(kids) > 0 {
				desc, _ = xt.DereferenceDict(kids[0])
			}
		}
		if sub != "Type3" {
			fdesc, _ := xt.DereferenceDict(desc["FontDescriptor"])
			if fdesc == nil || (fdesc["FontFile"] == nil && fdesc["FontFile2"] == nil && fdesc["FontFile3"] == nil) {
				d.problem("page %d: font %s (%s) is not embedded", n, k, d.name(f["BaseFont"]))
			}
		}
		var cm *cmap
		if sd, _, _ := xt.DereferenceStreamDict(f["ToUnicode"]); sd != nil && sd.Decode() == nil {
			cm = parseCMap(sd.Content, bytesPerCode)
		} else {
			d.problem("page %d: font %s has no ToUnicode map", n, k)
		}
		out[k] = cm
	}
	return out
}

// painting are the operators that put something on the page.
var painting = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true, "S": true, "s": true, "f": true, "F": true, "f*": true,
	"B": true, "B*": true, "b": true, "b*": true, "sh": true, "Do": true, "BI": true,
}

// content walks a page's content stream.
func (d *Doc) content(n int, content []byte, fonts map[string]*cmap, marked map[int]*MarkedContent) {
	type seq struct {
		tag      string
		mc       *MarkedContent
		artifact bool
	}
	var stack []seq
	var ops []token
	var font *cmap
	l := &lexer{b: content}
	untagged := 0
	inner := func() *MarkedContent {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].mc != nil {
				return stack[i].mc
			}
		}
		return nil
	}
	var ly float64 // the text line's y, as far as Td and Tm say
	notdef := 0
	show := func(s []byte) {
		if font != nil && font.bytes == 2 {
			for k := 0; k+1 < len(s); k += 2 {
				if s[k] == 0 && s[k+1] == 0 {
					notdef++
				}
			}
		}
		if mc := inner(); mc != nil {
			mc.Text += font.decode(s)
			if k := len(mc.Baselines); k == 0 || mc.Baselines[k-1] != ly {
				mc.Baselines = append(mc.Baselines, ly)
			}
		}
	}
	for {
		t, ok := l.next()
		if !ok {
			break
		}
		if t.kind != 'o' {
			ops = append(ops, t)
			continue
		}
		switch op := t.op; op {
		case "BDC", "BMC":
			s := seq{}
			if len(ops) > 0 && ops[0].kind == '/' {
				s.tag = ops[0].name
			}
			s.artifact = s.tag == "Artifact"
			if op == "BDC" && len(ops) > 1 && ops[1].kind == 'd' {
				if v, ok := ops[1].dict["MCID"].(token); ok && v.kind == 'n' && !s.artifact {
					id := int(v.num)
					if marked[id] != nil {
						d.problem("page %d: MCID %d is used twice", n, id)
					}
					s.mc = &MarkedContent{Page: n, MCID: id, Tag: s.tag}
					marked[id] = s.mc
				}
			}
			stack = append(stack, s)
		case "EMC":
			if len(stack) == 0 {
				d.problem("page %d: EMC without a marked-content sequence", n)
				break
			}
			stack = stack[:len(stack)-1]
		case "Tf":
			if len(ops) > 0 && ops[0].kind == '/' {
				font = fonts[ops[0].name]
			}
		case "BT":
			ly = 0
		case "Td", "TD":
			if len(ops) == 2 {
				ly += ops[1].num
			}
		case "Tm":
			if len(ops) == 6 {
				ly = ops[5].num
			}
		}
		if painting[t.op] {
			tagged := false
			for _, s := range stack {
				if s.mc != nil || s.artifact {
					tagged = true
				}
			}
			if !tagged {
				untagged++
			}
			switch t.op {
			case "Tj", "'":
				if len(ops) > 0 {
					show(ops[len(ops)-1].str)
				}
			case `"`:
				if len(ops) > 2 {
					show(ops[2].str)
				}
			case "TJ":
				if len(ops) > 0 {
					for _, e := range ops[0].arr {
						if e.kind == 's' {
							show(e.str)
						} else if e.kind == 'n' && e.num < -250 {
							if mc := inner(); mc != nil {
								mc.Text += " "
							}
						}
					}
				}
			}
		}
		ops = ops[:0]
	}
	if notdef > 0 {
		d.problem("page %d: text shows the .notdef glyph %d times (a letter the font lacks)", n, notdef)
	}
	if untagged > 0 {
		d.problem("page %d: %d drawing operations are neither marked content of the structure tree nor artifacts", n, untagged)
	}
	if len(stack) > 0 {
		d.problem("page %d: %d marked-content sequences are not closed", n, len(stack))
	}
}
