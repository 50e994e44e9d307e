package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// objectsPerStream is how many small objects share one compressed object
// stream.
const objectsPerStream = 100

// serialize writes the document of xt as PDF 1.7 bytes, objects in the
// order of their numbers: the same document always gives the same bytes
// (pdfcpu's writer walks dictionaries in Go's random map order, so its
// files differed from build to build and every PDF was rewritten on every
// build). Streams are written as they are; the other objects are packed
// into compressed object streams, found through a compressed
// cross-reference stream, as pdfcpu's writer did.
func serialize(xt *model.XRefTable, info *types.IndirectRef) ([]byte, error) {
	if xt.Root == nil {
		return nil, fmt.Errorf("pdf: no catalog")
	}
	var nums []int
	for n, e := range xt.Table {
		if n > 0 && e != nil && !e.Free && e.Object != nil {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	size := 1
	if len(nums) > 0 {
		size = nums[len(nums)-1] + 1
	}
	type xref struct {
		kind       byte // 1: at offset; 2: in object stream
		off        int  // offset, or number of the object stream
		indexInStm int
	}
	refs := map[int]xref{}
	var out bytes.Buffer
	out.Grow(64 << 10)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

	// Streams first, each at its offset.
	var small []int
	for _, n := range nums {
		sd, ok := xt.Table[n].Object.(types.StreamDict)
		if !ok {
			small = append(small, n)
			continue
		}
		sd.Dict["Length"] = types.Integer(len(sd.Raw)) // the document is ours to finish

		refs[n] = xref{kind: 1, off: out.Len()}
		out.WriteString(strconv.Itoa(n))
		out.WriteString(" 0 obj\n")
		writeObject(&out, sd.Dict)
		out.WriteString("\nstream\n")
		out.Write(sd.Raw)
		out.WriteString("\nendstream\nendobj\n")
	}
	// The other objects, a hundred to a compressed object stream.
	next := size
	for start := 0; start < len(small); start += objectsPerStream {
		group := small[start:min(start+objectsPerStream, len(small))]
		var head, body bytes.Buffer
		stm := next
		next++
		for i, n := range group {
			refs[n] = xref{kind: 2, off: stm, indexInStm: i}
			head.WriteString(strconv.Itoa(n))
			head.WriteByte(' ')
			head.WriteString(strconv.Itoa(body.Len()))
			head.WriteByte(' ')
			writeObject(&body, xt.Table[n].Object)
			body.WriteByte('\n')
		}
		first := head.Len()
		z := deflate(append(head.Bytes(), body.Bytes()...))
		refs[stm] = xref{kind: 1, off: out.Len()}
		fmt.Fprintf(&out, "%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>\nstream\n", stm, len(group), first, len(z))
		out.Write(z)
		out.WriteString("\nendstream\nendobj\n")
	}
	// The cross-reference stream, itself the last object.
	xrefNum := next
	size = xrefNum + 1
	refs[xrefNum] = xref{kind: 1, off: out.Len()}
	table := make([]byte, 0, size*7)
	for n := range size {
		r, ok := refs[n]
		var e [7]byte
		switch {
		case !ok:
			e[0] = 0 // free
			if n == 0 {
				binary.BigEndian.PutUint16(e[5:], 65535)
			}
		case r.kind == 1:
			e[0] = 1
			binary.BigEndian.PutUint32(e[1:], uint32(r.off))
		default:
			e[0] = 2
			binary.BigEndian.PutUint32(e[1:], uint32(r.off))
			binary.BigEndian.PutUint16(e[5:], uint16(r.indexInStm))
		}
		table = append(table, e[:]...)
	}
	z := deflate(table)
	trailer := types.Dict{
		"Type": types.Name("XRef"), "Size": types.Integer(size), "W": types.NewIntegerArray(1, 4, 2),
		"Root": *xt.Root, "Filter": types.Name("FlateDecode"), "Length": types.Integer(len(z)),
		// A placeholder identifier of the right length: reproducible
		// puts a hash of the file there.
		"ID": types.Array{types.HexLiteral(zeros32), types.HexLiteral(zeros32)},
	}
	if info != nil {
		trailer["Info"] = *info
	}
	fmt.Fprintf(&out, "%d 0 obj\n", xrefNum)
	writeObject(&out, trailer)
	out.WriteString("\nstream\n")
	out.Write(z)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", refs[xrefNum].off)
	return out.Bytes(), nil
}

// zeros32 is a 16-byte file identifier written in hex.
const zeros32 = "00000000000000000000000000000000"

// writeObject writes o in PDF syntax, as o.PDFString() would (dictionary
// keys sorted), into b without the formatting and the allocations of
// pdfcpu's version, which was a fifth of making a binder.
func writeObject(b *bytes.Buffer, o types.Object) {
	switch v := o.(type) {
	case nil:
		b.WriteString("null")
	case types.Dict:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("<<")
		for _, k := range keys {
			b.WriteByte('/')
			b.WriteString(types.EncodeName(k))
			if needsSpace(v[k]) {
				b.WriteByte(' ')
			}
			writeObject(b, v[k])
		}
		b.WriteString(">>")
	case types.Array:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 && needsSpace(e) {
				b.WriteByte(' ')
			}
			writeObject(b, e)
		}
		b.WriteByte(']')
	case types.Name:
		b.WriteByte('/')
		if v == "" {
			b.WriteByte(' ')
		} else {
			b.WriteString(types.EncodeName(string(v)))
		}
	case types.Integer:
		b.WriteString(strconv.Itoa(int(v)))
	case types.IndirectRef:
		b.WriteString(strconv.Itoa(int(v.ObjectNumber)))
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(int(v.GenerationNumber)))
		b.WriteString(" R")
	case types.StringLiteral:
		b.WriteByte('(')
		b.WriteString(string(v))
		b.WriteByte(')')
	case types.HexLiteral:
		b.WriteByte('<')
		b.WriteString(string(v))
		b.WriteByte('>')
	default:
		b.WriteString(o.PDFString())
	}
}

// needsSpace reports whether a value written after a name or another
// value needs a space before it (numbers, references, booleans, null);
// the others start with a delimiter.
func needsSpace(o types.Object) bool {
	switch o.(type) {
	case types.Dict, types.Array, types.Name, types.StringLiteral, types.HexLiteral:
		return false
	}
	return true
}
