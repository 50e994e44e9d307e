package pdfcheck

import (
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// standard are the standard structure types (PDF 1.7, 14.8.4).
var standard = map[string]bool{
	"Document": true, "Part": true, "Art": true, "Sect": true, "Div": true, "BlockQuote": true, "Caption": true,
	"TOC": true, "TOCI": true, "Index": true, "NonStruct": true, "Private": true,
	"P": true, "H": true, "H1": true, "H2": true, "H3": true, "H4": true, "H5": true, "H6": true,
	"L": true, "LI": true, "Lbl": true, "LBody": true,
	"Table": true, "TR": true, "TH": true, "TD": true, "THead": true, "TBody": true, "TFoot": true,
	"Span": true, "Quote": true, "Note": true, "Reference": true, "BibEntry": true, "Code": true, "Link": true, "Annot": true,
	"Ruby": true, "RB": true, "RT": true, "RP": true, "Warichu": true, "WT": true, "WP": true,
	"Figure": true, "Formula": true, "Form": true,
}

// tree reads the structure tree and checks it against the pages.
func (d *Doc) tree(cat types.Dict) {
	xt := d.xt
	root, _ := xt.DereferenceDict(cat["StructTreeRoot"])
	if root == nil {
		d.problem("catalog: no structure tree (/StructTreeRoot)")
		return
	}
	roles := map[string]string{}
	if rm, _ := xt.DereferenceDict(root["RoleMap"]); rm != nil {
		for k, v := range rm {
			roles[k] = d.name(v)
		}
	}
	top := &Elem{Tag: "StructTreeRoot"}
	d.kids(top, root["K"], 0, roles, map[int]bool{})
	for _, k := range top.Kids {
		if k.Elem != nil {
			d.Root = k.Elem
			break
		}
	}
	if d.Root == nil {
		d.problem("the structure tree is empty")
	}
	for p, marked := range d.marked {
		for id, mc := range marked {
			if mc.elem == nil {
				d.problem("page %d: MCID %d is not in the structure tree", p+1, id)
			}
		}
	}
	for _, a := range d.Annots {
		switch {
		case a.elem == nil:
			d.problem("page %d: a %s annotation is not in the structure tree", a.Page, a.Subtype)
		case a.Subtype == "Widget" && a.elem.Tag != "Form":
			d.problem("page %d: a widget belongs to a %s element, not to a Form", a.Page, a.elem.Tag)
		case a.Subtype == "Link" && a.elem.Tag != "Link":
			d.problem("page %d: a link annotation belongs to a %s element, not to a Link", a.Page, a.elem.Tag)
		}
		if a.Subtype == "Link" && strings.TrimSpace(a.Contents) == "" {
			d.problem("page %d: a link annotation has no /Contents", a.Page)
		}
		if a.Subtype == "Widget" && strings.TrimSpace(a.TU) == "" {
			d.problem("page %d: a field has no /TU", a.Page)
		}
	}
	d.parentTree(root)
}

// kids reads the children (K) of e. page is the page inherited from /Pg.
func (d *Doc) kids(e *Elem, k types.Object, page int, roles map[string]string, seen map[int]bool) {
	xt := d.xt
	switch v := k.(type) {
	case nil:
	case types.Array:
		for _, o := range v {
			d.kids(e, o, page, roles, seen)
		}
	case types.Integer:
		d.mcr(e, page, int(v))
	case types.IndirectRef:
		nr := v.ObjectNumber.Value()
		dict, err := xt.DereferenceDict(v)
		if err != nil || dict == nil {
			d.problem("the structure tree refers to object %d, which is no dictionary", nr)
			return
		}
		if d.name(dict["Type"]) == "MCR" || d.name(dict["Type"]) == "OBJR" {
			d.kids(e, dict, page, roles, seen)
			return
		}
		if seen[nr] {
			d.problem("the structure tree has element %d twice", nr)
			return
		}
		seen[nr] = true
		d.elem(e, dict, nr, page, roles, seen)
	case types.Dict:
		pg := page
		if r, ok := v["Pg"].(types.IndirectRef); ok {
			pg = d.pageOf[r.ObjectNumber.Value()]
		}
		switch d.name(v["Type"]) {
		case "MCR":
			id, _ := d.integer(v["MCID"])
			if v["Stm"] != nil {
				return // marked content in a form XObject: bti writes none
			}
			d.mcr(e, pg, id)
		case "OBJR":
			r, ok := v["Obj"].(types.IndirectRef)
			if !ok {
				d.problem("an OBJR of a %s element has no /Obj", e.Tag)
				return
			}
			a := d.annots[r.ObjectNumber.Value()]
			if a == nil {
				return // an object that is no annotation of a page (none in bti's files)
			}
			if a.elem != nil {
				d.problem("page %d: an annotation is in the structure tree twice", a.Page)
			}
			a.elem = e
			e.Kids = append(e.Kids, Node{Annot: a})
		default:
			d.problem("a %s element has a child that is no element, MCR or OBJR", e.Tag)
		}
	default:
		d.problem("a %s element has a child of type %T", e.Tag, k)
	}
}

// mcr adds the marked content (page, id) to e.
func (d *Doc) mcr(e *Elem, page, id int) {
	if page < 1 || page > len(d.marked) {
		d.problem("a %s element refers to MCID %d without a page", e.Tag, id)
		return
	}
	mc := d.marked[page-1][id]
	if mc == nil {
		d.problem("a %s element refers to MCID %d on page %d, which has no such marked content", e.Tag, id, page)
		return
	}
	if mc.elem != nil {
		d.problem("page %d: MCID %d is in the structure tree twice", page, id)
	}
	mc.elem = e
	e.Kids = append(e.Kids, Node{MC: mc})
}

// elem reads a structure element.
func (d *Doc) elem(parent *Elem, dict types.Dict, nr, page int, roles map[string]string, seen map[int]bool) {
	e := &Elem{Tag: d.name(dict["S"]), Alt: d.text(dict["Alt"]), Lang: d.text(dict["Lang"]), Parent: parent, obj: nr, Attrs: map[string]string{}}
	if !standard[e.Tag] {
		if r := roles[e.Tag]; standard[r] {
			e.Tag = r
		} else {
			d.problem("structure type %q is neither standard nor mapped to one", e.Tag)
		}
	}
	d.elems[nr] = e
	parent.Kids = append(parent.Kids, Node{Elem: e})
	if r, ok := dict["Pg"].(types.IndirectRef); ok {
		page = d.pageOf[r.ObjectNumber.Value()]
	}
	attrs, _ := d.xt.Dereference(dict["A"])
	var list []types.Object
	if a, ok := attrs.(types.Array); ok {
		list = a
	} else if attrs != nil {
		list = []types.Object{attrs}
	}
	for _, o := range list {
		if ad, _ := d.xt.DereferenceDict(o); ad != nil {
			for k, v := range ad {
				if s := d.name(v); s != "" {
					e.Attrs[k] = s
				} else if s := d.text(v); s != "" {
					e.Attrs[k] = s
				} else if a, _ := d.xt.DereferenceArray(v); a != nil {
					var nums []string
					for _, x := range a {
						if f, err := d.xt.DereferenceNumber(x); err == nil {
							nums = append(nums, strconv.FormatFloat(f, 'f', -1, 64))
						}
					}
					e.Attrs[k] = strings.Join(nums, " ") // a /BBox: "x1 y1 x2 y2"
				}
			}
		}
	}
	d.kids(e, dict["K"], page, roles, seen)
}

// parentTree checks the ParentTree against the tree: each MCID and each
// annotation must lead back to its element.
func (d *Doc) parentTree(root types.Dict) {
	xt := d.xt
	pt, _ := xt.DereferenceDict(root["ParentTree"])
	if pt == nil {
		d.problem("the structure tree has no ParentTree")
		return
	}
	nums := map[int]types.Object{}
	var walk func(n types.Dict, depth int)
	walk = func(n types.Dict, depth int) {
		if depth > 20 {
			return
		}
		if a, _ := xt.DereferenceArray(n["Nums"]); a != nil {
			for i := 0; i+1 < len(a); i += 2 {
				if k, ok := d.integer(a[i]); ok {
					nums[k] = a[i+1]
				}
			}
		}
		kids, _ := xt.DereferenceArray(n["Kids"])
		for _, k := range kids {
			if kd, _ := xt.DereferenceDict(k); kd != nil {
				walk(kd, depth+1)
			}
		}
	}
	walk(pt, 0)
	for n := 1; n <= d.Pages; n++ {
		marked := d.marked[n-1]
		if len(marked) == 0 {
			continue
		}
		pd, _, _, _ := xt.PageDict(n, false)
		key, ok := d.integer(pd["StructParents"])
		if !ok {
			continue // reported with the page
		}
		arr, _ := xt.DereferenceArray(nums[key])
		if arr == nil {
			d.problem("page %d: the ParentTree has no entry for its /StructParents %d", n, key)
			continue
		}
		for id, mc := range marked {
			if mc.elem == nil {
				continue
			}
			if id >= len(arr) {
				d.problem("page %d: the ParentTree has no element for MCID %d", n, id)
				continue
			}
			if r, ok := arr[id].(types.IndirectRef); !ok || r.ObjectNumber.Value() != mc.elem.obj {
				d.problem("page %d: the ParentTree gives MCID %d another element than the tree", n, id)
			}
		}
	}
	for _, a := range d.Annots {
		if a.elem == nil {
			continue
		}
		if a.key < 0 {
			d.problem("page %d: a %s annotation has no /StructParent", a.Page, a.Subtype)
			continue
		}
		if r, ok := nums[a.key].(types.IndirectRef); !ok || r.ObjectNumber.Value() != a.elem.obj {
			d.problem("page %d: the ParentTree gives a %s annotation another element than the tree", a.Page, a.Subtype)
		}
	}
}

// semantics checks what the elements say: figures are described, header
// cells have a scope, links and fields have their annotations, headings
// start at H1 and never skip a level.
func (d *Doc) semantics() {
	last := 0
	for _, e := range d.Elems() {
		switch e.Tag {
		case "Figure":
			if strings.TrimSpace(e.Alt) == "" {
				d.problem("a Figure has no /Alt")
			}
		case "TH":
			if e.Attrs["Scope"] == "" {
				d.problem("a header cell (TH) has no /Scope")
			}
		case "Link", "Form":
			has := false
			for _, k := range e.Kids {
				has = has || k.Annot != nil
			}
			if !has {
				d.problem("a %s element has no annotation", e.Tag)
			}
		case "H1", "H2", "H3", "H4", "H5", "H6":
			n := int(e.Tag[1] - '0')
			if last == 0 && n != 1 {
				d.problem("the first heading is %s, not H1", e.Tag)
			} else if n > last+1 && last > 0 {
				d.problem("heading %s %q follows H%d: a level is skipped", e.Tag, e.Text(), last)
			}
			last = n
		}
	}
}

// Elems returns every element of the tree in reading order (depth first).
func (d *Doc) Elems() []*Elem {
	var out []*Elem
	var walk func(e *Elem)
	walk = func(e *Elem) {
		out = append(out, e)
		for _, k := range e.Kids {
			if k.Elem != nil {
				walk(k.Elem)
			}
		}
	}
	if d.Root != nil {
		walk(d.Root)
	}
	return out
}

// Text is the text of the marked content below e, in order.
func (e *Elem) Text() string {
	var b strings.Builder
	var walk func(e *Elem)
	walk = func(e *Elem) {
		for _, k := range e.Kids {
			switch {
			case k.Elem != nil:
				walk(k.Elem)
			case k.MC != nil:
				b.WriteString(k.MC.Text)
			}
		}
	}
	walk(e)
	return b.String()
}

// Pages returns the first and last page of the content below e (0, 0
// when it has none).
func (e *Elem) Pages() (first, last int) {
	var walk func(e *Elem)
	walk = func(e *Elem) {
		for _, k := range e.Kids {
			p := 0
			switch {
			case k.Elem != nil:
				walk(k.Elem)
			case k.MC != nil:
				p = k.MC.Page
			case k.Annot != nil:
				p = k.Annot.Page
			}
			if p > 0 {
				if first == 0 {
					first = p
				}
				last = max(last, p)
			}
		}
	}
	walk(e)
	return first, last
}

// Has reports whether an element below e (or e) has the tag.
func (e *Elem) Has(tag string) bool {
	if e.Tag == tag {
		return true
	}
	for _, k := range e.Kids {
		if k.Elem != nil && k.Elem.Has(tag) {
			return true
		}
	}
	return false
}

// Line is a line of text on a page.
type Line struct {
	Page int
	Y    float64 // its baseline, points from the foot of the page
}

// Lines returns the lines of text below e, in reading order, each once.
func (e *Elem) Lines() []Line {
	var out []Line
	seen := map[Line]bool{}
	var walk func(e *Elem)
	walk = func(e *Elem) {
		for _, k := range e.Kids {
			switch {
			case k.Elem != nil:
				walk(k.Elem)
			case k.MC != nil:
				for _, y := range k.MC.Baselines {
					l := Line{k.MC.Page, y}
					if !seen[l] {
						seen[l] = true
						out = append(out, l)
					}
				}
			}
		}
	}
	walk(e)
	return out
}
