package pdfcheck

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/pdf"
)

// samplePDF makes a PDF of the Lillestrøm sample: tiltaksplan (a form
// with links, fields, a table and checkboxes) or an article.
func samplePDF(t *testing.T, slug string) []byte {
	t.Helper()
	var l diag.List
	site := load.Load(content.Overlay(os.DirFS("../..")), nil, &l)
	check.Check(site, &l)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	for _, m := range site.Municipalities {
		if m.Slug != "lillestrom" {
			continue
		}
		for _, tool := range m.Toolbox {
			if tool.Slug == slug {
				data, err := pdf.Tool(m, tool, nil, pdf.Options{})
				if err != nil {
					t.Fatal(err)
				}
				return data
			}
		}
	}
	t.Fatalf("no %s in the sample", slug)
	return nil
}

// breakPDF reads data with pdfcpu, lets f change it, and writes it again
// as a plain PDF (every object as it is, a classic cross-reference
// table). pdfcpu's own writer cannot be used: it leaves the structure
// tree's elements out.
func breakPDF(t *testing.T, data []byte, f func(xt *model.XRefTable)) []byte {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	xt := ctx.XRefTable
	for n := 1; n < *xt.Size; n++ { // load what pdfcpu reads lazily
		if e := xt.Table[n]; e != nil && !e.Free && e.Object != nil {
			if o, err := xt.Dereference(*types.NewIndirectRef(n, 0)); err == nil && o != nil {
				e.Object = o
			}
		}
	}
	f(xt)
	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n")
	offsets := make([]int, *xt.Size)
	for n := 1; n < *xt.Size; n++ {
		e := xt.Table[n]
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		switch o := e.Object.(type) {
		case types.StreamDict:
			if o.Dict.Type() != nil && (*o.Dict.Type() == "ObjStm" || *o.Dict.Type() == "XRef") {
				continue
			}
			offsets[n] = out.Len()
			o.Dict["Length"] = types.Integer(len(o.Raw))
			fmt.Fprintf(&out, "%d 0 obj\n%s\nstream\n", n, o.Dict.PDFString())
			out.Write(o.Raw)
			out.WriteString("\nendstream\nendobj\n")
		default:
			offsets[n] = out.Len()
			fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", n, o.PDFString())
		}
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", *xt.Size)
	for n := 1; n < *xt.Size; n++ {
		if offsets[n] == 0 {
			out.WriteString("0000000000 65535 f \n")
		} else {
			fmt.Fprintf(&out, "%010d 00000 n \n", offsets[n])
		}
	}
	trailer := types.Dict{"Size": types.Integer(*xt.Size), "Root": *xt.Root}
	if xt.Info != nil {
		trailer["Info"] = *xt.Info
	}
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), start)
	return out.Bytes()
}

// dicts returns the dictionaries of xt (streams' too) for which keep is true.
func dicts(xt *model.XRefTable, keep func(types.Dict) bool) []types.Dict {
	var out []types.Dict
	for n := 1; n < *xt.Size; n++ {
		e := xt.Table[n]
		if e == nil || e.Free {
			continue
		}
		switch o := e.Object.(type) {
		case types.Dict:
			if keep(o) {
				out = append(out, o)
			}
		case types.StreamDict:
			if keep(o.Dict) {
				out = append(out, o.Dict)
			}
		}
	}
	return out
}

func first(t *testing.T, xt *model.XRefTable, keep func(types.Dict) bool) types.Dict {
	t.Helper()
	ds := dicts(xt, keep)
	if len(ds) == 0 {
		t.Fatalf("no such dictionary in the PDF (%d objects)", *xt.Size)
	}
	return ds[0]
}

func is(key, value string) func(types.Dict) bool {
	return func(d types.Dict) bool { n, ok := d[key].(types.Name); return ok && string(n) == value }
}

// TestCatchesBrokenPDFs: a good PDF passes, before and after pdfcpu writes
// it again; each way of breaking it by hand is caught.
func TestCatchesBrokenPDFs(t *testing.T) {
	good := samplePDF(t, "tiltaksplan")
	for name, data := range map[string][]byte{"as made": good, "read and written again": breakPDF(t, good, func(*model.XRefTable) {})} {
		doc, err := Check(data)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Problems) > 0 {
			t.Fatalf("the good PDF (%s) has problems: %v", name, doc.Problems)
		}
		if doc.Root == nil || doc.Root.Tag != "Document" || len(doc.Annots) < 20 {
			t.Fatalf("the good PDF (%s) reads wrong: root %v, %d annotations", name, doc.Root, len(doc.Annots))
		}
	}
	catalog := func(xt *model.XRefTable) types.Dict { d, _ := xt.Catalog(); return d }
	cases := []struct {
		name, want string
		change     func(xt *model.XRefTable)
	}{
		{"no MarkInfo", "/MarkInfo", func(xt *model.XRefTable) { delete(catalog(xt), "MarkInfo") }},
		{"no Lang", "no /Lang", func(xt *model.XRefTable) { delete(catalog(xt), "Lang") }},
		{"no DisplayDocTitle", "DisplayDocTitle", func(xt *model.XRefTable) {
			catalog(xt)["ViewerPreferences"] = types.Dict{"DisplayDocTitle": types.Boolean(false)}
		}},
		{"no XMP", "XMP", func(xt *model.XRefTable) { delete(catalog(xt), "Metadata") }},
		{"XMP without pdfuaid", "pdfuaid:part 1", func(xt *model.XRefTable) {
			ref := catalog(xt)["Metadata"].(types.IndirectRef)
			e := xt.Table[ref.ObjectNumber.Value()]
			sd := e.Object.(types.StreamDict)
			sd.Content = bytes.ReplaceAll(sd.Content, []byte("<pdfuaid:part>1</pdfuaid:part>"), nil)
			sd.Raw, sd.FilterPipeline = sd.Content, nil
			delete(sd.Dict, "Filter")
			n := int64(len(sd.Raw))
			sd.StreamLength = &n
			sd.Dict["Length"] = types.Integer(n)
			e.Object = sd
		}},
		{"no structure tree", "no structure tree", func(xt *model.XRefTable) { delete(catalog(xt), "StructTreeRoot") }},
		{"an MCID left out of the tree", "is not in the structure tree", func(xt *model.XRefTable) {
			h1 := first(t, xt, is("S", "H1"))
			delete(h1, "K")
		}},
		{"content outside marked content", "neither marked content", func(xt *model.XRefTable) {
			pd, _, _, _ := xt.PageDict(1, false)
			ref := pd["Contents"].(types.IndirectRef)
			e := xt.Table[ref.ObjectNumber.Value()]
			sd := e.Object.(types.StreamDict)
			if err := sd.Decode(); err != nil {
				t.Fatal(err)
			}
			sd.Content = append(sd.Content, "0 0 1 rg 100 100 20 20 re f\n"...)
			if err := sd.Encode(); err != nil {
				t.Fatal(err)
			}
			e.Object = sd
		}},
		{"the .notdef glyph", ".notdef", func(xt *model.XRefTable) {
			pd, _, _, _ := xt.PageDict(1, false)
			ref := pd["Contents"].(types.IndirectRef)
			e := xt.Table[ref.ObjectNumber.Value()]
			sd := e.Object.(types.StreamDict)
			if err := sd.Decode(); err != nil {
				t.Fatal(err)
			}
			sd.Content = append(sd.Content, "/Artifact BMC BT /F1 10 Tf 100 100 Td <00000000> Tj ET EMC\n"...)
			if err := sd.Encode(); err != nil {
				t.Fatal(err)
			}
			e.Object = sd
		}},
		{"a widget without StructParent", "has no /StructParent", func(xt *model.XRefTable) {
			delete(first(t, xt, is("Subtype", "Widget")), "StructParent")
		}},
		{"a widget out of the tree", "Widget annotation is not in the structure tree", func(xt *model.XRefTable) {
			delete(first(t, xt, is("S", "Form")), "K")
		}},
		{"a link out of the tree", "Link annotation is not in the structure tree", func(xt *model.XRefTable) {
			link := first(t, xt, is("S", "Link"))
			if k, ok := link["K"].(types.Array); ok {
				var keep types.Array
				for _, o := range k {
					if _, obj := o.(types.Dict); !obj {
						keep = append(keep, o)
					}
				}
				link["K"] = keep
			}
		}},
		{"a link without Contents", "has no /Contents", func(xt *model.XRefTable) {
			delete(first(t, xt, is("Subtype", "Link")), "Contents")
		}},
		{"a field without TU", "has no /TU", func(xt *model.XRefTable) {
			delete(first(t, xt, is("Subtype", "Widget")), "TU")
		}},
		{"no Tabs", "no /Tabs /S", func(xt *model.XRefTable) {
			pd, _, _, _ := xt.PageDict(1, false)
			delete(pd, "Tabs")
		}},
		{"a heading level skipped", "a level is skipped", func(xt *model.XRefTable) {
			first(t, xt, is("S", "H2"))["S"] = types.Name("H3")
		}},
		{"a Figure without Alt", "Figure has no /Alt", func(xt *model.XRefTable) {
			delete(first(t, xt, is("S", "Figure")), "Alt")
		}},
		{"a header cell without Scope", "no /Scope", func(xt *model.XRefTable) {
			delete(first(t, xt, is("S", "TH")), "A")
		}},
		{"an unknown structure type", "neither standard", func(xt *model.XRefTable) {
			first(t, xt, is("S", "P"))["S"] = types.Name("Paragraph")
		}},
		{"a wrong ParentTree", "the ParentTree gives", func(xt *model.XRefTable) {
			root, _ := xt.DereferenceDict(catalog(xt)["StructTreeRoot"])
			pt, _ := xt.DereferenceDict(root["ParentTree"])
			nums, _ := xt.DereferenceArray(pt["Nums"])
			arr, _ := xt.DereferenceArray(nums[1])
			arr[0], arr[1] = arr[1], arr[0]
		}},
		{"a font not embedded", "is not embedded", func(xt *model.XRefTable) {
			// A page font (a subset: its name has a tag), not the field font.
			delete(first(t, xt, func(d types.Dict) bool {
				n, ok := d["FontName"].(types.Name)
				return is("Type", "FontDescriptor")(d) && ok && strings.Contains(string(n), "+")
			}), "FontFile2")
		}},
	}
	for _, c := range cases {
		doc, err := Check(breakPDF(t, good, c.change))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		found := false
		for _, p := range doc.Problems {
			found = found || strings.Contains(p, c.want)
		}
		if !found {
			t.Errorf("%s: not caught (want %q) in %v", c.name, c.want, doc.Problems)
		}
	}
}

// TestNoFieldNoAcroForm: an article has no AcroForm; one added by hand is
// caught.
func TestNoFieldNoAcroForm(t *testing.T) {
	article := samplePDF(t, "samtale-med-tolk")
	doc, err := Check(article)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Problems) > 0 {
		t.Fatal(doc.Problems)
	}
	broken := breakPDF(t, article, func(xt *model.XRefTable) {
		cat, _ := xt.Catalog()
		cat["AcroForm"] = types.Dict{"Fields": types.Array{}}
	})
	doc, err = Check(broken)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Problems) != 1 || !strings.Contains(doc.Problems[0], "no field, yet an AcroForm") {
		t.Errorf("problems: %v", doc.Problems)
	}
}

// TestReadsText: the checker reads the text of marked content through the
// fonts' ToUnicode maps, in the order of the tree.
func TestReadsText(t *testing.T) {
	doc, err := Check(samplePDF(t, "tiltaksplan"))
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, e := range doc.Elems() {
		if e.Tag == "H1" || e.Tag == "H2" {
			headings = append(headings, e.Text())
		}
	}
	want := "Tiltaksplan|Om planen|Bakgrunn|Mål|Tiltak|Samarbeid|Evaluering|Underskrift"
	if got := strings.Join(headings, "|"); got != want {
		t.Errorf("headings %q, want %q", got, want)
	}
}
