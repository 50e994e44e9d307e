package pdf

// acroform.go: the fillable fields (AcroForm, PDF 12.7) where the layout
// drew lines and boxes: a widget annotation per field, tied to its Form
// element in the structure tree, with the field font (fieldfont.go) for
// what users type.

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

const (
	mmToPt        = 72 / 25.4
	fieldFontRes  = "NotoF" // resource name of the field font in /DR
	defaultFontSz = 10.0
)

// FieldKind says what kind of AcroForm field the layout placed.
type FieldKind int

// The kinds of fillable field.
const (
	TextField FieldKind = iota
	MultiLineField
	CheckBox
)

// Field is a fillable field placed by the layout (mm, top-left origin).
type Field struct {
	Page       int
	Name       string // unique in the PDF (/T)
	Label      string // what a screen reader says (/TU): the label as printed
	Kind       FieldKind
	X, Y, W, H float64
	FontSize   float64 // 0 for the default
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

func round2(v float64) float64 {
	r := float64(int64(v*100+0.5)) / 100
	if v < 0 {
		r = -float64(int64(-v*100+0.5)) / 100
	}
	return r
}

// widgets makes the field dictionaries (merged with their widget
// annotations) of the annotations that are fields, and returns the
// AcroForm dictionary, or nil when the document has no field.
func widgets(d *objects, c *canvas, annots []*annotation, pageRefs []types.IndirectRef) (types.Dict, error) {
	var fieldRefs types.Array
	type size [2]float64
	emptyText := map[size]types.IndirectRef{}
	type onOff struct{ on, off types.IndirectRef }
	checks := map[size]onOff{}
	for _, a := range annots {
		f := a.field
		if f == nil {
			continue
		}
		w, h := round2(f.W*mmToPt), round2(f.H*mmToPt)
		dict := types.Dict{
			"Type":         types.Name("Annot"),
			"Subtype":      types.Name("Widget"),
			"Rect":         c.rectPt(f.X, f.Y, f.W, f.H),
			"P":            pageRefs[a.page-1],
			"F":            types.Integer(4), // print
			"T":            types.StringLiteral(utf16(f.Name)),
			"TU":           types.StringLiteral(utf16(f.Label)),
			"StructParent": types.Integer(a.key),
		}
		switch f.Kind {
		case TextField, MultiLineField:
			fs := f.FontSize
			if fs == 0 {
				fs = defaultFontSz
			}
			dict["FT"] = types.Name("Tx")
			dict["DA"] = types.StringLiteral("/" + fieldFontRes + " " + strconv.FormatFloat(fs, 'f', -1, 64) + " Tf 0 g")
			dict["MK"] = types.Dict{} // no border or background: the page has the lines
			if f.Kind == MultiLineField {
				dict["Ff"] = types.Integer(1 << 12) // Multiline
			}
			// An empty appearance (one per size), so the blank form is
			// complete without /NeedAppearances; viewers make a new one
			// when someone types.
			ap, ok := emptyText[size{w, h}]
			if !ok {
				ap = d.add(formXObject(w, h, "/Tx BMC EMC"))
				emptyText[size{w, h}] = ap
			}
			dict["AP"] = types.Dict{"N": ap}
		case CheckBox:
			aps, ok := checks[size{w, h}]
			if !ok {
				// The tick is a path: it needs no font and prints everywhere.
				tick := fmt.Sprintf("q 0 g 1.4 w 1 J 1 j %.2f %.2f m %.2f %.2f l %.2f %.2f l S Q",
					w*0.18, h*0.52, w*0.42, h*0.22, w*0.84, h*0.82)
				aps = onOff{d.add(formXObject(w, h, tick)), d.add(formXObject(w, h, ""))}
				checks[size{w, h}] = aps
			}
			dict["FT"] = types.Name("Btn")
			dict["V"] = types.Name("Off")
			dict["AS"] = types.Name("Off")
			dict["MK"] = types.Dict{"CA": types.StringLiteral("4")} // ZapfDingbats' tick, for viewers that draw their own
			states := types.Dict{"Yes": aps.on, "Off": aps.off}
			dict["AP"] = types.Dict{"N": states, "D": states.Clone()}
		}
		d.set(a.ref, dict)
		fieldRefs = append(fieldRefs, a.ref)
	}
	if len(fieldRefs) == 0 {
		return nil, nil
	}
	ff, err := fieldFont()
	if err != nil {
		return nil, err
	}
	return types.Dict{
		"Fields": fieldRefs,
		"DR":     types.Dict{"Font": types.Dict{fieldFontRes: ff.add(d)}},
		"DA":     types.StringLiteral(fmt.Sprintf("/%s %g Tf 0 g", fieldFontRes, defaultFontSz)),
	}, nil
}

// formXObject makes an appearance stream (Form XObject) of w x h points.
func formXObject(w, h float64, content string) types.StreamDict {
	return plainStream(types.Dict{
		"Type": types.Name("XObject"), "Subtype": types.Name("Form"),
		"BBox": types.NewNumberArray(0, 0, w, h),
	}, []byte(content))
}

// utf16 returns s as a PDF text string (UTF-16BE with BOM when not ASCII).
func utf16(s string) string {
	ascii := true
	for _, r := range s {
		if r > 0x7E || r < 0x20 || r == '(' || r == ')' || r == '\\' {
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

// uriString returns a URL as a PDF string of ASCII (PDF 12.6.4.7):
// letters outside ASCII percent-encoded, delimiters escaped.
func uriString(u string) types.StringLiteral {
	var b []byte
	const hexd = "0123456789ABCDEF"
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 0x80 || c <= ' ':
			b = append(b, '%', hexd[c>>4], hexd[c&15])
		case c == '(' || c == ')' || c == '\\':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return types.StringLiteral(b)
}
