package pdf

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bti-handbook/bti/generator/parallel"
)

// Meta is the document information of a PDF.
type Meta struct {
	Title, Subject, Author string
	Lang                   string    // the document's language (BCP 47: nb, nn, en ...)
	Date                   time.Time // its last change; zero when unknown (then no date is written)
}

// finish writes the document: the pages with their content, fonts and
// annotations, the fields, the structure tree below root, the outline,
// the metadata and the catalog of a tagged PDF (PDF/UA-1: /MarkInfo,
// /StructTreeRoot, /Lang, /ViewerPreferences /DisplayDocTitle, XMP with
// pdfuaid:part).
func (c *canvas) finish(root *elem, meta Meta) ([]byte, error) {
	d := &objects{}
	catalog := d.reserve()
	pagesRef := d.reserve()
	pageRefs := make([]types.IndirectRef, len(c.pages))
	for i := range c.pages {
		pageRefs[i] = d.reserve()
	}

	// The page numbers, now that the number of pages is known.
	total := strconv.Itoa(len(c.pages))
	for i, p := range c.pages {
		c.cur = i
		for _, n := range p.numbers {
			c.artifact(artFooter)
			c.setFont(false, cmp.Or(n.size, 8))
			c.setColor(80, 80, 80)
			s := strings.TrimSpace(n.prefix + " " + strconv.Itoa(i+1) + " " + n.of + " " + total)
			c.text(n.xRight-c.width(s), n.y, s)
		}
		p.end()
	}

	// Structure parents: each page with marked content, then each annotation.
	key := 0
	pageKeys := make([]int, len(c.pages))
	pageElems := make([][]*elem, len(c.pages))
	for i, p := range c.pages {
		if len(p.mcids) > 0 {
			pageKeys[i], pageElems[i] = key, p.mcids
			key++
		}
	}
	for _, a := range c.annots {
		a.key = key
		key++
		a.ref = d.reserve()
	}
	acro, err := widgets(d, c, c.annots, pageRefs)
	if err != nil {
		return nil, err
	}
	for _, a := range c.annots {
		if a.field != nil {
			continue
		}
		dict := types.Dict{
			"Type": types.Name("Annot"), "Subtype": types.Name("Link"),
			"Rect": c.rectPt(a.x, a.y, a.w, a.h), "Border": types.NewIntegerArray(0, 0, 0),
			"F": types.Integer(4), "StructParent": types.Integer(a.key),
			"Contents": types.StringLiteral(utf16(a.contents)), "P": pageRefs[a.page-1],
		}
		if a.uri != "" {
			dict["A"] = types.Dict{"S": types.Name("URI"), "URI": uriString(a.uri)}
		} else {
			dict["Dest"] = types.Array{pageRefs[min(max(a.dest, 1), len(pageRefs))-1], types.Name("Fit")}
		}
		d.set(a.ref, dict)
	}

	// Fonts and images, now that every page is drawn.
	fonts := types.Dict{}
	for _, f := range c.fonts {
		if !f.used() {
			continue
		}
		ref, err := f.embed(d)
		if err != nil {
			return nil, err
		}
		fonts[f.res] = ref
	}
	res := types.Dict{"Font": fonts}
	if len(c.images) > 0 {
		xo := types.Dict{}
		for _, img := range c.images {
			xo[img.res] = img.embed(d)
		}
		res["XObject"] = xo
	}
	resRef := d.add(res)

	// The pages' content compressed on all cores: the binder's is most of
	// what it compresses.
	deflated := make([][]byte, len(c.pages))
	parallel.Do(len(c.pages), func(i int) {
		buf := c.pages[i].buf
		if c.scale != 1 {
			// Laid out smaller, printed at scale: the annotations' and
			// figures' rectangles are scaled the same (rectPt).
			b := factor([]byte("q "), c.scale)
			b = factor(append(b, " 0 0 "...), c.scale)
			buf = append(append(append(b, " 0 0 cm\n"...), buf...), "Q\n"...)
		}
		deflated[i] = deflate(buf)
	})
	kids := make(types.Array, len(c.pages))
	for i, p := range c.pages {
		content := d.add(stream(types.Dict{}, deflated[i]))
		pd := types.Dict{
			"Type": types.Name("Page"), "Parent": pagesRef, "Resources": resRef, "Contents": content,
			"MediaBox": types.NewNumberArray(0, 0, round2(c.paperW*mmToPt), round2(c.paperH*mmToPt)),
		}
		if len(p.mcids) > 0 {
			pd["StructParents"] = types.Integer(pageKeys[i])
		}
		if len(p.annots) > 0 {
			refs := make(types.Array, len(p.annots))
			for j, a := range p.annots {
				refs[j] = a.ref
			}
			pd["Annots"] = refs
			pd["Tabs"] = types.Name("S") // tab through fields and links in the structure's order
		}
		d.set(pageRefs[i], pd)
		kids[i] = pageRefs[i]
	}
	d.set(pagesRef, types.Dict{"Type": types.Name("Pages"), "Kids": kids, "Count": types.Integer(len(kids))})

	cat := types.Dict{
		"Type":              types.Name("Catalog"),
		"Pages":             pagesRef,
		"Lang":              types.StringLiteral(meta.Lang),
		"MarkInfo":          types.Dict{"Marked": types.Boolean(true)},
		"ViewerPreferences": types.Dict{"DisplayDocTitle": types.Boolean(true)},
		"StructTreeRoot":    structTree(d, root, pageRefs, pageKeys, pageElems, c.annots, key),
		"Metadata":          d.add(plainStream(types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")}, xmp(meta))),
	}
	if acro != nil {
		cat["AcroForm"] = d.add(acro)
	}
	if len(c.outlines) > 0 {
		cat["Outlines"] = outlineTree(d, pageRefs, c.outlines)
		cat["PageMode"] = types.Name("UseOutlines")
	}
	d.set(catalog, cat)

	info := types.Dict{
		"Title": types.StringLiteral(utf16(meta.Title)), "Creator": types.StringLiteral("bti"), "Producer": types.StringLiteral("bti"),
	}
	if meta.Subject != "" {
		info["Subject"] = types.StringLiteral(utf16(meta.Subject))
	}
	if meta.Author != "" {
		info["Author"] = types.StringLiteral(utf16(meta.Author))
	}
	if !meta.Date.IsZero() {
		stamp := types.StringLiteral(types.DateString(meta.Date.UTC()))
		info["CreationDate"], info["ModDate"] = stamp, stamp
	}
	return serialize(d, catalog, d.add(info)), nil
}
