// Package safefile decides which files a site may publish as they are
// (attachments, images, the logo): files that staff and parents open,
// never files that can run code in the site's origin. A script in a
// same-origin file would run with the site's privileges whatever the
// pages' Content-Security-Policy says, so .html, .js, .svg with script
// and the like are refused where they are referenced.
//
// SVG stays allowed (municipal logos are usually SVG), but only when an
// XML parser finds in it no script, no event handler, no foreignObject,
// no entity declaration and no reference outside the file itself.
package safefile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"path"
	"slices"
	"strings"
)

// Types are the file types a site publishes, by extension: documents
// people open (PDF, Word, OpenDocument, Excel, PowerPoint), images,
// plain text and tables. Macro-enabled and old binary Office formats,
// HTML, scripts and programs are left out.
var types = []string{".pdf", ".docx", ".odt", ".xlsx", ".ods", ".pptx", ".odp",
	".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".txt", ".csv"}

// images are the types a logo or a Markdown image may have.
var images = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

// Types returns the extensions a site publishes, for messages.
func Types() []string { return slices.Clone(types) }

// Allowed reports whether a file named name may be published.
func Allowed(name string) bool { return slices.Contains(types, ext(name)) }

// Image reports whether a file named name is an image a page may show.
func Image(name string) bool { return slices.Contains(images, ext(name)) }

// IsSVG reports whether name is an SVG file, which must pass ScanSVG.
func IsSVG(name string) bool { return ext(name) == ".svg" }

func ext(name string) string { return strings.ToLower(path.Ext(name)) }

// A Finding is what ScanSVG found that could run code or load something
// from elsewhere: a kind (one of the constants) and the detail ("onload",
// "https://example.com/x.png").
type Finding struct {
	Kind   string
	Detail string
}

// The kinds of findings.
const (
	ScriptElement  = "script"        // <script>
	ForeignObject  = "foreignObject" // <foreignObject>, which can hold HTML
	EventHandler   = "handler"       // an attribute like onload
	ScriptURL      = "javascript"    // a javascript: reference
	DataURL        = "data"          // a data: reference (can hold a document)
	ExternalRef    = "external"      // a reference to another file or host
	EntityDecl     = "entity"        // <!ENTITY ...> in a DOCTYPE
	NotXML         = "notxml"        // the file cannot be parsed as XML
	InteractiveEls = "interactive"   // <a>, <iframe>, <embed>, <object>: links and embedded documents
	Disguised      = "disguised"     // not the type its name says (Detail: what it is)
)

// signatures are the first bytes of each type Sniff checks; files of the
// other allowed types (.txt, .csv, .svg) have none.
var signatures = map[string][]string{
	".png":  {"\x89PNG\r\n\x1a\n"},
	".jpg":  {"\xff\xd8\xff"},
	".jpeg": {"\xff\xd8\xff"},
	".gif":  {"GIF87a", "GIF89a"},
	".webp": {"RIFF"},
	".pdf":  {"%PDF-"},
	".docx": {"PK\x03\x04"}, ".xlsx": {"PK\x03\x04"}, ".pptx": {"PK\x03\x04"},
	".odt": {"PK\x03\x04"}, ".ods": {"PK\x03\x04"}, ".odp": {"PK\x03\x04"},
}

// Sniffed reports whether Sniff checks files named so.
func Sniffed(name string) bool { return signatures[ext(name)] != nil }

// Sniff checks that head, a file's first bytes (512 are enough), is of
// the type its name says: a PNG starts as a PNG does, a .docx is a zip. It
// returns a Disguised finding with what the bytes look like otherwise.
func Sniff(name string, head []byte) (Finding, bool) {
	sigs := signatures[ext(name)]
	if sigs == nil {
		return Finding{}, true
	}
	for _, s := range sigs {
		if strings.HasPrefix(string(head), s) {
			if ext(name) != ".webp" || (len(head) >= 12 && string(head[8:12]) == "WEBP") {
				return Finding{}, true
			}
		}
	}
	kind, _, _ := strings.Cut(http.DetectContentType(head), ";")
	return Finding{Kind: Disguised, Detail: kind}, false
}

// ScanSVG parses an SVG and returns the first thing in it that could run
// code or fetch something, or ok=true when there is none.
func ScanSVG(data []byte) (Finding, bool) {
	if i := bytes.Index(data, []byte("<!ENTITY")); i >= 0 {
		return Finding{Kind: EntityDecl}, false
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	inStyle := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return Finding{}, true
		}
		if err != nil {
			return Finding{Kind: NotXML, Detail: err.Error()}, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			switch name {
			case "script":
				return Finding{Kind: ScriptElement}, false
			case "foreignobject":
				return Finding{Kind: ForeignObject}, false
			case "iframe", "embed", "object", "a":
				return Finding{Kind: InteractiveEls, Detail: t.Name.Local}, false
			case "style":
				inStyle = true
			}
			for _, a := range t.Attr {
				an := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(an, "on") {
					return Finding{Kind: EventHandler, Detail: a.Name.Local}, false
				}
				if f, bad := reference(a.Value); bad {
					return f, false
				}
				if (an == "href" || an == "src") && !strings.HasPrefix(strings.TrimSpace(a.Value), "#") {
					return Finding{Kind: ExternalRef, Detail: a.Value}, false
				}
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "style") {
				inStyle = false
			}
		case xml.CharData:
			if inStyle {
				if f, bad := reference(string(t)); bad {
					return f, false
				}
				if s := strings.ToLower(string(t)); strings.Contains(s, "@import") || strings.Contains(strings.ReplaceAll(s, " ", ""), "url(http") {
					return Finding{Kind: ExternalRef, Detail: strings.TrimSpace(string(t))}, false
				}
			}
		case xml.ProcInst:
			if t.Target == "xml-stylesheet" {
				return Finding{Kind: ExternalRef, Detail: string(t.Inst)}, false
			}
		}
	}
}

// reference finds a javascript: or data: reference in an attribute or
// style text, however it is spaced or cased.
func reference(s string) (Finding, bool) {
	squeezed := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r < 0x20 {
			return -1
		}
		return r
	}, strings.ToLower(s))
	switch {
	case strings.Contains(squeezed, "javascript:"), strings.Contains(squeezed, "vbscript:"):
		return Finding{Kind: ScriptURL, Detail: s}, true
	case strings.Contains(squeezed, "data:"):
		return Finding{Kind: DataURL, Detail: s}, true
	}
	return Finding{}, false
}
