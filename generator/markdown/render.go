package markdown

import (
	"bytes"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/bti-handbook/bti/generator/markdown/formfield"
)

// Resolver gives the URL a link or image node is published at; ok is false
// for links that are written out as they are (external ones).
type Resolver func(n ast.Node) (url string, ok bool)

// Renderer renders parsed documents to HTML. Raw HTML is never passed
// through. A Renderer is not safe for concurrent use: make one per
// goroutine (they are cheap).
type Renderer struct {
	md      goldmark.Markdown
	resolve Resolver
	buf     bytes.Buffer // RenderString's, reused
	// AnchorLabel, when set, gives every heading from level 2 down a link
	// to itself (for copying), labelled AnchorLabel + ": " + the heading.
	AnchorLabel string
	// IDPrefix, when set, is put before every heading id (with a "-"), so
	// that several documents can share one page (the print page).
	IDPrefix string
}

// NewRenderer makes a Renderer.
func NewRenderer() *Renderer {
	r := &Renderer{}
	r.md = goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, formfield.Extension()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(linkRenderer{r}, 100))),
	)
	return r
}

// Render writes the HTML of node, a part of a document whose text is
// source, resolving links with resolve (which may be nil).
func (r *Renderer) Render(w io.Writer, source []byte, node ast.Node, resolve Resolver) error {
	r.resolve = resolve
	defer func() { r.resolve = nil }()
	return r.md.Renderer().Render(w, source, node)
}

// RenderString is Render into a string.
func (r *Renderer) RenderString(source []byte, node ast.Node, resolve Resolver) (string, error) {
	r.buf.Reset()
	err := r.Render(bufWriter{&r.buf}, source, node, resolve)
	return r.buf.String(), err
}

// bufWriter lets goldmark write straight into a bytes.Buffer: given a
// plain io.Writer it wraps it in a new 4 KB bufio.Writer on every call,
// which for the many small parts of a site (each section of each step)
// cost more than the writing.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Available() int { return 1 << 20 }
func (bufWriter) Buffered() int  { return 0 }
func (bufWriter) Flush() error   { return nil }

// linkRenderer writes links and images with their resolved URLs.
type linkRenderer struct{ r *Renderer }

func (lr linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, lr.link)
	reg.Register(ast.KindImage, lr.image)
	reg.Register(ast.KindHeading, lr.heading)
	reg.Register(ast.KindFencedCodeBlock, lr.code)
	reg.Register(ast.KindCodeBlock, lr.code)
	reg.Register(east.KindTable, lr.table)
}

// table writes a table inside a box of its own, which scrolls sideways
// when the table is wider than the screen (the page itself never does).
func (lr linkRenderer) table(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"table-scroll\"><table>\n")
	} else {
		_, _ = w.WriteString("</table></div>\n")
	}
	return ast.WalkContinue, nil
}

// AnchorIcon is the link symbol of heading anchors.
const AnchorIcon = `<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16"><path fill="currentColor" d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2a1 1 0 1 1-1.4-1.4l2-2a1 1 0 0 0-1.4-1.4l-3.5 3.5a1 1 0 0 1-1.4 0Zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2a1 1 0 0 1 1.4 1.4l-2 2a1 1 0 0 0 1.4 1.4l3.5-3.5a1 1 0 0 1 1.4 0Z"/></svg>`

func (lr linkRenderer) heading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	id, _ := n.AttributeString("id")
	idb, _ := id.([]byte)
	if idb != nil && lr.r.IDPrefix != "" {
		idb = []byte(lr.r.IDPrefix + "-" + string(idb))
	}
	if entering {
		_, _ = w.WriteString("<h" + string(rune('0'+n.Level)))
		if idb != nil {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(idb))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if lr.r.AnchorLabel != "" && idb != nil && n.Level >= 2 {
		_, _ = w.WriteString(` <a class="anchor" href="#`)
		_, _ = w.Write(util.EscapeHTML(idb))
		_, _ = w.WriteString(`"><span class="visually-hidden">`)
		_, _ = w.Write(util.EscapeHTML([]byte(lr.r.AnchorLabel + ": " + formfield.PlainText(n, source))))
		_, _ = w.WriteString(`</span>` + AnchorIcon + `</a>`)
	}
	_, _ = w.WriteString("</h" + string(rune('0'+n.Level)) + ">\n")
	return ast.WalkContinue, nil
}

func (lr linkRenderer) dest(n ast.Node, written []byte) []byte {
	if lr.r.resolve != nil {
		if u, ok := lr.r.resolve(n); ok {
			return []byte(u)
		}
	}
	if html.IsDangerousURL(written) {
		return nil // javascript: and the like never reach the page
	}
	return written
}

func (lr linkRenderer) link(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(lr.dest(n, n.Destination), true)))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (lr linkRenderer) image(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(lr.dest(n, n.Destination), true)))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(formfield.PlainText(n, source))))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}
