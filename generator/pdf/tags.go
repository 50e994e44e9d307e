package pdf

// tags.go: the structure tree of a tagged PDF (PDF 1.7, 14.7 and 14.8;
// PDF/UA-1). The layout opens an element for each heading, paragraph,
// list, table, field and link, in the order of the Markdown; the canvas
// ties what it draws to the current element with a marked-content
// sequence (an MCID), or marks it as an artifact; annotations (links,
// fields) are tied to their element by an object reference. Written out,
// the tree gets its ParentTree, which maps each MCID and annotation back
// to its element.

import (
	"bytes"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// elem is an element of the structure tree.
type elem struct {
	tag    string // standard structure type: P, H1, L, LI, Table, TD, Form, Link ...
	parent *elem
	kids   []kid
	alt    string     // /Alt: the text of a figure
	lang   string     // /Lang, when it differs from the document's
	attr   types.Dict // an attribute object (/A): a header cell's /Scope, a figure's /BBox
	keep   bool       // written even without content (table cells keep the table's shape)

	ref  types.IndirectRef // when written
	page int               // page of its first content, for /Pg
}

// kid is a child of an element: an element, a marked-content sequence
// (page, mcid) or an annotation.
type kid struct {
	elem  *elem
	page  int // 1-based, for marked content and annotations
	mcid  int
	annot *annotation
}

// add opens a new element of tag as the last child of e.
func (e *elem) add(tag string) *elem {
	c := &elem{tag: tag, parent: e}
	e.kids = append(e.kids, kid{elem: c})
	return c
}

// used reports whether e has content or must be written anyway.
func (e *elem) used() bool {
	if e.keep {
		return true
	}
	for _, k := range e.kids {
		if k.elem == nil || k.elem.used() {
			return true
		}
	}
	return false
}

// firstPage is the page of e's first content, 0 when it has none.
func (e *elem) firstPage() int {
	for _, k := range e.kids {
		if k.elem == nil {
			return k.page
		}
		if p := k.elem.firstPage(); p > 0 {
			return p
		}
	}
	return 0
}

// structTree writes the tree below root (the Document element) and its
// ParentTree: pageElems[i] are the elements of page i+1's MCIDs, annots
// the annotations in the order of their /StructParent keys (after the
// pages'). It returns the StructTreeRoot's reference.
func structTree(d *objects, root *elem, pageRefs []types.IndirectRef, pageKeys []int, pageElems [][]*elem, annots []*annotation, nextKey int) types.IndirectRef {
	rootRef := d.reserve()
	var write func(e *elem, parent types.IndirectRef)
	var attr bytes.Buffer
	write = func(e *elem, parent types.IndirectRef) {
		e.ref = d.reserve()
		e.page = e.firstPage()
		// (/Type /StructElem is optional.)
		b := append(make([]byte, 0, 64), "<</S/"...)
		b = append(b, e.tag...)
		b = appendRef(append(b, "/P "...), parent)
		if e.page > 0 {
			b = appendRef(append(b, "/Pg "...), pageRefs[e.page-1])
		}
		if e.alt != "" {
			b = append(append(append(b, "/Alt("...), utf16(e.alt)...), ')')
		}
		if e.lang != "" {
			b = append(append(append(b, "/Lang("...), utf16(e.lang)...), ')')
		}
		if e.attr != nil {
			attr.Reset()
			writeObject(&attr, e.attr)
			b = append(append(b, "/A"...), attr.Bytes()...)
		}
		var k [][]byte
		for _, c := range e.kids {
			switch {
			case c.elem != nil:
				if !c.elem.used() {
					continue
				}
				write(c.elem, e.ref)
				k = append(k, appendRef(nil, c.elem.ref))
			case c.annot != nil:
				o := appendRef([]byte("<</Type/OBJR/Obj "), c.annot.ref)
				k = append(k, append(appendRef(append(o, "/Pg "...), pageRefs[c.page-1]), ">>"...))
			case c.page == e.page:
				k = append(k, strconv.AppendInt(nil, int64(c.mcid), 10))
			default:
				o := appendRef([]byte("<</Type/MCR/Pg "), pageRefs[c.page-1])
				k = append(k, append(strconv.AppendInt(append(o, "/MCID "...), int64(c.mcid), 10), ">>"...))
			}
		}
		switch len(k) {
		case 0:
		case 1:
			b = append(append(b, "/K "...), k[0]...)
		default:
			b = append(b, "/K["...)
			for i, x := range k {
				if i > 0 {
					b = append(b, ' ')
				}
				b = append(b, x...)
			}
			b = append(b, ']')
		}
		d.set(e.ref, raw(append(b, ">>"...)))
	}
	write(root, rootRef)

	var nums types.Array
	for i, els := range pageElems {
		if len(els) == 0 {
			continue
		}
		refs := make(types.Array, len(els))
		for j, e := range els {
			refs[j] = e.ref
		}
		nums = append(nums, types.Integer(pageKeys[i]), d.add(refs))
	}
	for _, a := range annots {
		nums = append(nums, types.Integer(a.key), a.elem.ref)
	}
	parentTree := d.add(types.Dict{"Nums": nums})
	d.set(rootRef, types.Dict{
		"Type": types.Name("StructTreeRoot"), "K": root.ref, "ParentTree": parentTree,
		"ParentTreeNextKey": types.Integer(nextKey),
	})
	return rootRef
}
