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
	write = func(e *elem, parent types.IndirectRef) {
		e.ref = d.reserve()
		e.page = e.firstPage()
		dict := types.Dict{"S": types.Name(e.tag), "P": parent} // (/Type /StructElem is optional)
		if e.page > 0 {
			dict["Pg"] = pageRefs[e.page-1]
		}
		if e.alt != "" {
			dict["Alt"] = types.StringLiteral(utf16(e.alt))
		}
		if e.lang != "" {
			dict["Lang"] = types.StringLiteral(e.lang)
		}
		if e.attr != nil {
			dict["A"] = e.attr
		}
		var k types.Array
		for _, c := range e.kids {
			switch {
			case c.elem != nil:
				if !c.elem.used() {
					continue
				}
				write(c.elem, e.ref)
				k = append(k, c.elem.ref)
			case c.annot != nil:
				k = append(k, types.Dict{"Type": types.Name("OBJR"), "Obj": c.annot.ref, "Pg": pageRefs[c.page-1]})
			case c.page == e.page:
				k = append(k, types.Integer(c.mcid))
			default:
				k = append(k, types.Dict{"Type": types.Name("MCR"), "Pg": pageRefs[c.page-1], "MCID": types.Integer(c.mcid)})
			}
		}
		if len(k) == 1 {
			dict["K"] = k[0]
		} else if len(k) > 1 {
			dict["K"] = k
		}
		d.set(e.ref, dict)
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
