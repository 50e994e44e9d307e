package pdf

// acroform.go: adds real AcroForm fields to a finished PDF (here: fpdf output)
// with github.com/pdfcpu/pdfcpu v0.15.0's object model: read -> add widget
// annotations + /AcroForm -> write. No pdfcpu config dir or installed fonts are
// needed for this; the field font is embedded from bytes (fieldfont.go).

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

const (
	mmToPt        = 72 / 25.4
	fieldFontRes  = "NotoF" // resource name of the field font in /DR
	defaultFontSz = 10.0
)

var pdfcpuConf *model.Configuration

func init() {
	// Never touch ~/.config/pdfcpu in production (it would create it and install
	// Roboto on first use). Tests that need pdfcpu's form *fill* switch to a temp
	// config dir themselves (see proto_test.go).
	// (What api.DisableConfigDir does; the api package itself is not
	// imported: it brings in a table-building init of 30 ms that every
	// bti command would pay.)
	model.ConfigPath = "disable"
	pdfcpuConf = model.NewDefaultConfiguration()
	pdfcpuConf.ValidationMode = model.ValidationRelaxed // pdfcpu only reads; serialize writes
}

func rectPt(f Field) types.Array {
	x1, x2 := f.X*mmToPt, (f.X+f.W)*mmToPt
	y1, y2 := (PageH-f.Y-f.H)*mmToPt, (PageH-f.Y)*mmToPt
	return types.NewNumberArray(x1, y1, x2, y2)
}

// rawStream makes an uncompressed stream. Do not Flate tiny streams through
// pdfcpu: every compress/flate.NewWriter allocates ~1 MB, which made a
// 30-form binder (400 widgets) take 400 ms instead of 40 ms.
func rawStream(content []byte) *types.StreamDict {
	sd := &types.StreamDict{Dict: types.NewDict(), Content: content}
	sd.Encode() // no filter: sets Raw and /Length
	return sd
}

// deflaters are reused zlib writers: making one allocates and clears
// about a megabyte, which cost more than compressing a page's content.
var deflaters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflate compresses data with a pooled writer.
func deflate(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/3 + 64)
	w := deflaters.Get().(*zlib.Writer)
	defer deflaters.Put(w)
	w.Reset(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// compressStreams compresses every stream that has no filter yet and is
// worth it: the pages' content, which the canvas leaves uncompressed so
// that it is compressed once, here, with reused writers.
func compressStreams(xt *model.XRefTable) {
	for _, e := range xt.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok || sd.Dict["Filter"] != nil || len(sd.Raw) < 128 {
			continue
		}
		setFlate(&sd, deflate(sd.Raw))
		e.Object = sd
	}
}

// pageRefs looks up the references of pages once each: pdfcpu's PageDict
// walks the page tree from its root on every call, which made adding 400
// fields to a 90-page binder an eighth of its time.
type pageRefs struct {
	xt   *model.XRefTable
	refs map[int]*types.IndirectRef
}

func (p *pageRefs) ref(n int) (*types.IndirectRef, error) {
	if r, ok := p.refs[n]; ok {
		return r, nil
	}
	_, r, _, err := p.xt.PageDict(n, false)
	if err != nil {
		return nil, err
	}
	if p.refs == nil {
		p.refs = map[int]*types.IndirectRef{}
	}
	p.refs[n] = r
	return r, nil
}

// preencodedStream makes a stream from bytes that are already Flate-encoded.
func preencodedStream(deflated []byte) *types.StreamDict {
	sd := &types.StreamDict{Dict: types.NewDict()}
	setFlate(sd, deflated)
	return sd
}

// setFlate makes deflated, Flate-encoded bytes the content of sd.
func setFlate(sd *types.StreamDict, deflated []byte) {
	n := int64(len(deflated))
	sd.Raw, sd.Content, sd.StreamLength = deflated, nil, &n
	sd.FilterPipeline = []types.PDFFilter{{Name: "FlateDecode"}}
	sd.Dict["Filter"] = types.Name("FlateDecode")
	sd.Dict["Length"] = types.Integer(n)
}

// formXObject makes an appearance stream (Form XObject) of w x h points.
func formXObject(xt *model.XRefTable, w, h float64, content string, res types.Dict) (*types.IndirectRef, error) {
	sd := rawStream([]byte(content))
	sd.InsertName("Type", "XObject")
	sd.InsertName("Subtype", "Form")
	sd.Insert("BBox", types.NewNumberArray(0, 0, w, h))
	if res != nil {
		sd.Insert("Resources", res)
	}
	return xt.IndRefForNewObject(*sd)
}

// Meta is the document information of a PDF.
type Meta struct {
	Title, Subject, Author string
	Date                   time.Time  // the document's date, for reproducible output
	Outline                []Bookmark // the bookmarks, nested by level
}

// AddAcroForm adds fields to pdf, sets its language and document
// information, and returns the new PDF.
func AddAcroForm(pdf []byte, fields []Field, ff *FieldFont, lang string, meta Meta) ([]byte, error) {
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), pdfcpuConf)
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	xt := ctx.XRefTable
	tagSubsetFonts(xt, fpdfFontNames)
	compressStreams(xt)

	fontRef, err := ff.AddToPDF(xt)
	if err != nil {
		return nil, err
	}
	zadbRef, err := xt.IndRefForNewObject(types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("Type1"), "BaseFont": types.Name("ZapfDingbats"),
	})
	if err != nil {
		return nil, err
	}
	dr := types.Dict{"Font": types.Dict{fieldFontRes: *fontRef, "ZaDb": *zadbRef}}

	// Shared appearance streams for check boxes (one per box size; all ours are equal).
	type cbAP struct{ on, off types.IndirectRef }
	cbAPs := map[[2]float64]cbAP{}
	emptyTxAPs := map[[2]float64]types.IndirectRef{}

	fieldRefs := types.Array{}
	annots := map[int]types.Array{}
	pages := pageRefs{xt: xt}
	for _, f := range fields {
		pageRef, err := pages.ref(f.Page)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", f.Page, err)
		}
		w, h := f.W*mmToPt, f.H*mmToPt
		d := types.Dict{
			"Type":    types.Name("Annot"),
			"Subtype": types.Name("Widget"),
			"Rect":    rectPt(f),
			"P":       *pageRef,
			"F":       types.Integer(4), // print
			"T":       types.StringLiteral(utf16(f.Name)),
			"TU":      types.StringLiteral(utf16(f.Label)),
		}
		switch f.Kind {
		case TextField, MultiLineField:
			size := f.FontSize
			if size == 0 {
				size = defaultFontSz
			}
			d["FT"] = types.Name("Tx")
			d["DA"] = types.StringLiteral(fmt.Sprintf("/%s %g Tf 0 g", fieldFontRes, size))
			d["MK"] = types.Dict{} // no border/background: the page has the lines
			if f.Kind == MultiLineField {
				d["Ff"] = types.Integer(1 << 12) // Multiline
			}
			// Empty appearance (shared per size), so the blank form is complete
			// without /NeedAppearances. Viewers build a new one when a user types.
			ap, ok := emptyTxAPs[[2]float64{w, h}]
			if !ok {
				ref, err := formXObject(xt, w, h, "/Tx BMC EMC", nil)
				if err != nil {
					return nil, err
				}
				ap = *ref
				emptyTxAPs[[2]float64{w, h}] = ap
			}
			d["AP"] = types.Dict{"N": ap}
		case CheckBox:
			key := [2]float64{w, h}
			aps, ok := cbAPs[key]
			if !ok {
				// Tick drawn as a path: needs no font, prints everywhere.
				tick := fmt.Sprintf("q 0 g 1.4 w 1 J 1 j %.2f %.2f m %.2f %.2f l %.2f %.2f l S Q",
					w*0.18, h*0.52, w*0.42, h*0.22, w*0.84, h*0.82)
				on, err := formXObject(xt, w, h, tick, nil)
				if err != nil {
					return nil, err
				}
				off, err := formXObject(xt, w, h, "", nil)
				if err != nil {
					return nil, err
				}
				aps = cbAP{*on, *off}
				cbAPs[key] = aps
			}
			d["FT"] = types.Name("Btn")
			d["V"] = types.Name("Off")
			d["AS"] = types.Name("Off")
			d["DA"] = types.StringLiteral("/ZaDb 0 Tf 0 g")
			d["MK"] = types.Dict{"CA": types.StringLiteral("4")} // ZapfDingbats tick, for viewers that regenerate
			d["AP"] = types.Dict{
				"N": types.Dict{"Yes": aps.on, "Off": aps.off},
				"D": types.Dict{"Yes": aps.on, "Off": aps.off},
			}
		}
		ref, err := xt.IndRefForNewObject(d)
		if err != nil {
			return nil, err
		}
		fieldRefs = append(fieldRefs, *ref)
		annots[f.Page] = append(annots[f.Page], *ref)
	}
	for p, refs := range annots {
		pageDict, _, _, err := xt.PageDict(p, false)
		if err != nil {
			return nil, err
		}
		if old := pageDict.ArrayEntry("Annots"); old != nil { // fpdf links
			refs = append(old, refs...)
		}
		pageDict["Annots"] = refs
	}

	acro := types.Dict{
		"Fields": fieldRefs,
		"DR":     dr,
		"DA":     types.StringLiteral(fmt.Sprintf("/%s %g Tf 0 g", fieldFontRes, defaultFontSz)),
	}
	acroRef, err := xt.IndRefForNewObject(acro)
	if err != nil {
		return nil, err
	}
	root, err := xt.Catalog()
	if err != nil {
		return nil, err
	}
	root["AcroForm"] = *acroRef
	if _, ok := root["Lang"]; !ok { // gopdf does not write /Lang
		root["Lang"] = types.StringLiteral(lang)
	}
	if len(meta.Outline) > 0 {
		if err := addOutline(&pages, root, meta.Outline); err != nil {
			return nil, err
		}
	}
	info := types.Dict{"Title": types.StringLiteral(utf16(meta.Title)), "Subject": types.StringLiteral(utf16(meta.Subject)),
		"Author": types.StringLiteral(utf16(meta.Author)), "Creator": types.StringLiteral("bti")}
	if ctx.Info != nil {
		if d, err := xt.DereferenceDict(*ctx.Info); err == nil && d != nil {
			for k, v := range info {
				d[k] = v
			}
		}
	} else if ref, err := xt.IndRefForNewObject(info); err == nil {
		ctx.Info = ref
	}

	return serialize(xt, ctx.Info)
}

// fpdfFontNames maps the layout engine's font names to PostScript names.
var fpdfFontNames = map[string]string{
	"utf8noto": "NotoSans-Regular", "utf8notoB": "NotoSans-Bold", // fpdf
	"noto": "NotoSans-Regular", "notob": "NotoSans-Bold", // gopdf
}

// tagSubsetFonts renames fpdf's subset fonts from /utf8noto to /ABCDEF+NotoSans-Regular
// (PDF 9.6.4: a subset font's name must carry a six-letter tag), so that pdffonts
// and preflight tools see "embedded subset" and the real family name.
func tagSubsetFonts(xt *model.XRefTable, names map[string]string) {
	tagged := func(n string) (types.Name, bool) {
		ps, ok := names[n]
		if !ok {
			return "", false
		}
		h := fnv.New32a()
		h.Write([]byte(n))
		v := h.Sum32()
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = byte('A' + v%26)
			v /= 26
		}
		return types.Name(string(tag) + "+" + ps), true
	}
	for _, e := range xt.Table {
		if e == nil || e.Free {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok {
			continue
		}
		for _, key := range []string{"BaseFont", "FontName"} {
			if n := d.NameEntry(key); n != nil {
				if t, ok := tagged(*n); ok {
					d[key] = t
				}
			}
		}
	}
}

// utf16 returns s as a PDF text string (UTF-16BE with BOM when not ASCII).
func utf16(s string) string {
	ascii := true
	for _, r := range s {
		if r > 0x7E || r == '(' || r == ')' || r == '\\' {
			ascii = false
		}
	}
	if ascii {
		return s
	}
	e, err := types.EscapedUTF16String(s)
	if err != nil {
		return s
	}
	return *e
}

// addOutline writes the bookmarks as the document's outline, nested by
// level (PDF 12.3.3), each opening its page.
func addOutline(pages *pageRefs, root types.Dict, bms []Bookmark) error {
	xt := pages.xt
	type node struct {
		dict types.Dict
		ref  *types.IndirectRef
		kids []*node
	}
	top := &node{dict: types.Dict{"Type": types.Name("Outlines")}}
	var err error
	if top.ref, err = xt.IndRefForNewObject(top.dict); err != nil {
		return err
	}
	stack := []*node{top}
	for _, b := range bms {
		pageRef, err := pages.ref(b.Page)
		if err != nil {
			return err
		}
		n := &node{dict: types.Dict{"Title": types.StringLiteral(utf16(b.Title)),
			"Dest": types.Array{*pageRef, types.Name("Fit")}}}
		if n.ref, err = xt.IndRefForNewObject(n.dict); err != nil {
			return err
		}
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
			k.dict["Parent"] = *p.ref
			if i > 0 {
				k.dict["Prev"] = *p.kids[i-1].ref
			}
			if i+1 < len(p.kids) {
				k.dict["Next"] = *p.kids[i+1].ref
			}
			count += 1 + link(k)
		}
		if len(p.kids) > 0 {
			p.dict["First"] = *p.kids[0].ref
			p.dict["Last"] = *p.kids[len(p.kids)-1].ref
			p.dict["Count"] = types.Integer(len(p.kids))
		}
		return count
	}
	link(top)
	top.dict["Count"] = types.Integer(len(top.kids))
	root["Outlines"] = *top.ref
	root["PageMode"] = types.Name("UseOutlines")
	return nil
}
