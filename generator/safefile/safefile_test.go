package safefile

import "testing"

func TestScanSVG(t *testing.T) {
	clean := []string{
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Logo</title><path d="M0 0h10v10z" fill="#005aa0"/></svg>`,
		`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><g id="a"/></defs><use xlink:href="#a"/><style>.a{fill:red}</style></svg>`,
	}
	for _, s := range clean {
		if f, ok := ScanSVG([]byte(s)); !ok {
			t.Errorf("%s: found %+v", s, f)
		}
	}
	bad := map[string]string{
		`<svg><script>alert(1)</script></svg>`:                            ScriptElement,
		`<svg><SCRIPT>alert(1)</SCRIPT></svg>`:                            ScriptElement,
		`<svg xmlns:x="http://www.w3.org/2000/svg"><x:script/></svg>`:     ScriptElement,
		`<svg onload="alert(1)"/>`:                                        EventHandler,
		`<svg><rect onClick="x"/></svg>`:                                  EventHandler,
		`<svg><foreignObject><div/></foreignObject></svg>`:                ForeignObject,
		`<svg><a href="javascript:alert(1)"><text>x</text></a></svg>`:     InteractiveEls,
		`<svg><use href="java&#x09;script:alert(1)"/></svg>`:              ScriptURL,
		`<svg><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`:   DataURL,
		`<svg><image href="https://tracker.example.com/p.png"/></svg>`:    ExternalRef,
		`<svg><style>@import url(https://e.example/x.css);</style></svg>`: ExternalRef,
		`<svg><style>rect{fill:url("javascript:x")}</style></svg>`:        ScriptURL,
		`<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>`:               EntityDecl,
		`<svg><set attributeName="href" to="javascript:alert(1)"/></svg>`: ScriptURL,
		`<svg><iframe src="x"/></svg>`:                                    InteractiveEls,
		`<svg><rect></svg>`:                                               NotXML,
		`<?xml-stylesheet href="https://e.example/x.css"?><svg/>`:         ExternalRef,
	}
	for s, kind := range bad {
		f, ok := ScanSVG([]byte(s))
		if ok || f.Kind != kind {
			t.Errorf("%s: got %+v (ok %v), want %s", s, f, ok, kind)
		}
	}
}

func TestAllowed(t *testing.T) {
	for _, n := range []string{"a.pdf", "b.DOCX", "c.png", "d.svg", "e.csv"} {
		if !Allowed(n) {
			t.Errorf("%s refused", n)
		}
	}
	for _, n := range []string{"a.html", "b.js", "c.exe", "d.docm", "e", "f.htm", "g.xhtml", "h.doc"} {
		if Allowed(n) {
			t.Errorf("%s allowed", n)
		}
	}
}

// TestSniff: images and documents are what their names say; a script,
// a web page or an SVG renamed .png, .pdf or .docx is not.
func TestSniff(t *testing.T) {
	for _, c := range []struct {
		name, head string
		ok         bool
	}{
		{"a.png", "\x89PNG\r\n\x1a\n....", true},
		{"a.PNG", "<svg onload=alert(1)>", false},
		{"a.jpg", "\xff\xd8\xff\xe0", true},
		{"a.gif", "GIF89a", true},
		{"a.webp", "RIFF\x00\x00\x00\x00WEBPVP8 ", true},
		{"a.webp", "RIFF\x00\x00\x00\x00WAVEfmt ", false},
		{"a.pdf", "%PDF-1.7", true},
		{"a.pdf", "<html><script>", false},
		{"a.docx", "PK\x03\x04", true},
		{"a.docx", "{\\rtf1", false},
		{"a.txt", "<script>", true}, // served as text/plain
	} {
		f, ok := Sniff(c.name, []byte(c.head))
		if ok != c.ok || (!ok && (f.Kind != Disguised || f.Detail == "")) {
			t.Errorf("Sniff(%q, %q) = %+v, %v; want ok=%v", c.name, c.head, f, ok, c.ok)
		}
	}
}
