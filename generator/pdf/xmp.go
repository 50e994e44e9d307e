package pdf

import (
	"encoding/xml"
	"strings"
)

// xmp is the document's XMP metadata (PDF 14.3.2): the title, author,
// subject and language the document information also has, and the PDF/UA
// identifier (ISO 14289-1, 5: pdfuaid:part 1), by which readers and
// checkers know the file claims to be accessible.
func xmp(meta Meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s)) // writing to a Builder does not fail
		return b.String()
	}
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\"" +
		" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" +
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"" +
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"" +
		" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
		"<dc:format>application/pdf</dc:format>\n")
	b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(meta.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if meta.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(meta.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if meta.Subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(meta.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(meta.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	b.WriteString("<pdf:Producer>bti</pdf:Producer>\n<xmp:CreatorTool>bti</xmp:CreatorTool>\n")
	if date := meta.Date; !date.IsZero() {
		d := date.UTC().Format("2006-01-02T15:04:05Z")
		b.WriteString("<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d + "</xmp:ModifyDate>\n")
	}
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n" +
		"</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n")
	return []byte(b.String())
}
