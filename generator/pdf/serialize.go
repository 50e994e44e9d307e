package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/bti-handbook/bti/generator/parallel"
)

// objectsPerStream is how many small objects share one compressed object
// stream.
const objectsPerStream = 100

// serialize writes the document d as PDF 1.7 bytes, objects in the
// order of their numbers, so the same document always gives the same
// bytes. Streams are written as they are; the other objects are packed
// into compressed object streams, found through a compressed
// cross-reference stream. The file identifier is a hash of the file.
func serialize(d *objects, root, info types.IndirectRef) []byte {
	size := len(d.list) + 1
	type xref struct {
		kind       byte // 1: at offset; 2: in object stream
		off        int  // offset, or number of the object stream
		indexInStm int
	}
	refs := make([]xref, size, size+size/objectsPerStream+2)
	var out bytes.Buffer
	out.Grow(64 << 10)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

	// Streams first, each at its offset.
	var small []int
	for i, o := range d.list {
		n := i + 1
		if o == nil {
			continue
		}
		sd, ok := o.(types.StreamDict)
		if !ok {
			small = append(small, n)
			continue
		}
		sd.Dict["Length"] = types.Integer(len(sd.Raw))
		refs[n] = xref{kind: 1, off: out.Len()}
		out.WriteString(strconv.Itoa(n))
		out.WriteString(" 0 obj\n")
		writeObject(&out, sd.Dict)
		out.WriteString("\nstream\n")
		out.Write(sd.Raw)
		out.WriteString("\nendstream\nendobj\n")
	}
	// The other objects, a hundred to a compressed object stream: written
	// out in order, then compressed on all cores.
	type objStm struct {
		n, first int
		data     []byte
	}
	var stms []objStm
	next := size
	var head, body bytes.Buffer
	for start := 0; start < len(small); start += objectsPerStream {
		group := small[start:min(start+objectsPerStream, len(small))]
		head.Reset()
		body.Reset()
		stm := next
		next++
		refs = append(refs, xref{})
		for i, n := range group {
			refs[n] = xref{kind: 2, off: stm, indexInStm: i}
			head.WriteString(strconv.Itoa(n))
			head.WriteByte(' ')
			head.WriteString(strconv.Itoa(body.Len()))
			head.WriteByte(' ')
			writeObject(&body, d.list[n-1])
			body.WriteByte('\n')
		}
		first := head.Len()
		head.Write(body.Bytes())
		stms = append(stms, objStm{n: len(group), first: first, data: bytes.Clone(head.Bytes())})
	}
	parallel.Do(len(stms), func(i int) { stms[i].data = deflate(stms[i].data) })
	for i, st := range stms {
		stm := size + i
		refs[stm] = xref{kind: 1, off: out.Len()}
		fmt.Fprintf(&out, "%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>\nstream\n", stm, st.n, st.first, len(st.data))
		out.Write(st.data)
		out.WriteString("\nendstream\nendobj\n")
	}
	// The cross-reference stream, itself the last object.
	xrefNum := next
	size = xrefNum + 1
	refs = append(refs, xref{kind: 1, off: out.Len()})
	table := make([]byte, 0, size*7)
	for n := range size {
		r := refs[n]
		var e [7]byte
		switch r.kind {
		case 0:
			if n == 0 {
				binary.BigEndian.PutUint16(e[5:], 65535)
			}
		case 1:
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
	sum := sha256.Sum256(out.Bytes())
	id := types.HexLiteral(strings.ToUpper(hex.EncodeToString(sum[:16])))
	trailer := types.Dict{
		"Type": types.Name("XRef"), "Size": types.Integer(size), "W": types.NewIntegerArray(1, 4, 2),
		"Root": root, "Info": info, "Filter": types.Name("FlateDecode"), "Length": types.Integer(len(z)),
		"ID": types.Array{id, id},
	}
	fmt.Fprintf(&out, "%d 0 obj\n", xrefNum)
	writeObject(&out, trailer)
	out.WriteString("\nstream\n")
	out.Write(z)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", refs[xrefNum].off)
	return out.Bytes()
}

// writeObject writes o in PDF syntax, as o.PDFString() would (dictionary
// keys sorted), into b without the formatting and the allocations of
// pdfcpu's version, which was a fifth of making a binder.
func writeObject(b *bytes.Buffer, o types.Object) {
	switch v := o.(type) {
	case nil:
		b.WriteString("null")
	case types.Dict:
		var small [12]string
		keys := small[:0]
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteString("<<")
		for _, k := range keys {
			b.WriteByte('/')
			writeName(b, k)
			val := v[k]
			if needsSpace(val) {
				b.WriteByte(' ')
			}
			writeObject(b, val)
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
			writeName(b, string(v))
		}
	case types.Integer:
		b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(v), 10))
	case types.Float:
		b.Write(num(b.AvailableBuffer(), float64(v)))
	case types.Boolean:
		if v {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case types.IndirectRef:
		buf := strconv.AppendInt(b.AvailableBuffer(), int64(v.ObjectNumber), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(v.GenerationNumber), 10)
		b.Write(append(buf, " R"...))
	case types.StringLiteral:
		b.WriteByte('(')
		b.WriteString(string(v))
		b.WriteByte(')')
	case types.HexLiteral:
		b.WriteByte('<')
		b.WriteString(string(v))
		b.WriteByte('>')
	case raw:
		b.Write(v)
	default:
		b.WriteString(o.PDFString())
	}
}

// writeName writes a name's characters, escaped as PDF 7.3.5 wants
// (pdfcpu's EncodeName) when they are not all letters, digits and the
// like.
func writeName(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '+') {
			b.WriteString(types.EncodeName(s))
			return
		}
	}
	b.WriteString(s)
}

// needsSpace reports whether a value written after a name or another
// value needs a space before it (numbers, references, booleans, null);
// the others start with a delimiter.
func needsSpace(o types.Object) bool {
	switch o.(type) {
	case types.Dict, types.Array, types.Name, types.StringLiteral, types.HexLiteral, raw:
		return false
	}
	return true
}
