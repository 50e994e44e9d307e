package pdf

import (
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// objects are the objects of a PDF being made, in pdfcpu's object model,
// numbered from 1 in the order they are added (serialize.go writes them
// in that order, so the same document always gives the same bytes).
type objects struct {
	list []types.Object // list[i] is object i+1
}

// add adds o and returns its reference. A dictionary may still be changed
// after it is added (types.Dict is a map).
func (d *objects) add(o types.Object) types.IndirectRef {
	d.list = append(d.list, o)
	return *types.NewIndirectRef(len(d.list), 0)
}

// reserve returns the reference of an object set later.
func (d *objects) reserve() types.IndirectRef { return d.add(nil) }

// set sets the object of a reserved reference.
func (d *objects) set(r types.IndirectRef, o types.Object) { d.list[r.ObjectNumber.Value()-1] = o }

// stream makes a stream of Flate-encoded data.
func stream(dict types.Dict, deflated []byte) types.StreamDict {
	dict["Filter"] = types.Name("FlateDecode")
	dict["Length"] = types.Integer(len(deflated))
	return types.StreamDict{Dict: dict, Raw: deflated}
}

// plainStream makes a stream of data as it is (small appearance streams,
// the XMP metadata, which readers look for uncompressed).
func plainStream(dict types.Dict, data []byte) types.StreamDict {
	dict["Length"] = types.Integer(len(data))
	return types.StreamDict{Dict: dict, Raw: data}
}

// raw is an object already in PDF syntax: the structure tree's thousands
// of small dictionaries are written straight into bytes, as building each
// as a types.Dict and sorting its keys cost more than the rest of writing
// the file.
type raw []byte

func (r raw) Clone() types.Object { return r }
func (r raw) String() string      { return string(r) }
func (r raw) PDFString() string   { return string(r) }

// appendRef appends an indirect reference ("12 0 R").
func appendRef(b []byte, r types.IndirectRef) []byte {
	b = strconv.AppendInt(b, int64(r.ObjectNumber), 10)
	return append(b, " 0 R"...)
}
