package pdf

import "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

// outlineTree writes the bookmarks as the document's outline, nested by
// level (PDF 12.3.3), each opening its page, every entry open. An open
// entry's /Count is the number of entries below it at every depth, and the
// root's the number of all entries, as PDF 12.3.3 and pdfcpu's strict
// validation want.
func outlineTree(d *objects, pageRefs []types.IndirectRef, bms []Bookmark) types.IndirectRef {
	type node struct {
		dict types.Dict
		ref  types.IndirectRef
		kids []*node
	}
	top := &node{dict: types.Dict{"Type": types.Name("Outlines")}}
	top.ref = d.add(top.dict)
	stack := []*node{top}
	for _, b := range bms {
		page := min(max(b.Page, 1), len(pageRefs))
		n := &node{dict: types.Dict{"Title": types.StringLiteral(utf16(b.Title)),
			"Dest": types.Array{pageRefs[page-1], types.Name("Fit")}}}
		n.ref = d.add(n.dict)
		depth := min(max(b.Level, 0)+1, len(stack))
		stack = stack[:depth]
		parent := stack[depth-1]
		parent.kids = append(parent.kids, n)
		stack = append(stack, n)
	}
	var link func(p *node) int
	link = func(p *node) int {
		count := 0
		for i, k := range p.kids {
			k.dict["Parent"] = p.ref
			if i > 0 {
				k.dict["Prev"] = p.kids[i-1].ref
			}
			if i+1 < len(p.kids) {
				k.dict["Next"] = p.kids[i+1].ref
			}
			count += 1 + link(k)
		}
		if len(p.kids) > 0 {
			p.dict["First"] = p.kids[0].ref
			p.dict["Last"] = p.kids[len(p.kids)-1].ref
			p.dict["Count"] = types.Integer(count)
		}
		return count
	}
	link(top)
	return top.ref
}
