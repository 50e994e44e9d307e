package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TestWriteObjectMatchesPDFString: our writer says what pdfcpu's
// PDFString says (which sorts keys too), but for the optional space
// before a string in an array and numbers written with at most two
// decimals (pdfcpu writes twelve).
func TestWriteObjectMatchesPDFString(t *testing.T) {
	objs := []types.Object{
		types.Dict{
			"Type": types.Name("Annot"), "Rect": types.NewNumberArray(1.5, 2, 300.25, 400),
			"P": *types.NewIndirectRef(12, 0), "F": types.Integer(4), "T": types.StringLiteral("Barnets navn"),
			"MK": types.Dict{}, "Kids": types.Array{*types.NewIndirectRef(3, 0), *types.NewIndirectRef(4, 0)},
			"Opt":             types.Array{types.StringLiteral("a"), types.HexLiteral("FEFF00E6"), types.Name("Off"), types.Integer(-2), types.Boolean(true), nil},
			"Name with space": types.Name("A B#"), "Empty": types.Name(""), "On": types.Boolean(false),
			"Nested": types.Dict{"D": types.Array{types.Dict{"X": types.Float(0.5)}}},
		},
		types.Array{},
		types.Integer(0),
	}
	for _, o := range objs {
		var b bytes.Buffer
		writeObject(&b, o)
		want := strings.NewReplacer(" (", "(", " <", "<").Replace(o.PDFString())
		want = twelve.ReplaceAllStringFunc(want, func(f string) string {
			return strings.TrimSuffix(strings.TrimRight(f, "0"), ".")
		})
		if b.String() != want {
			t.Errorf("writeObject\n got %s\nwant %s", b.String(), want)
		}
	}
}

var twelve = regexp.MustCompile(`\d+\.\d{12}`)
