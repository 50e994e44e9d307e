package pdfcheck

import (
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// page.go: a page's content (its marked content, what is drawn outside
// it, the text of each sequence), its fonts and its annotations.

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
