package render

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"strings"
	"sync"

	"github.com/a-h/templ"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
)

// What the templ components of this package (*.templ) need around them:
// the choice of component for a page, rendering into bytes, and small
// helpers they call.

// renderPage renders a page view with the layout and the main content of
// its kind.
func renderPage(p *pageView) ([]byte, error) {
	var main templ.Component
	switch p.Kind {
	case "front":
		main = frontMain(p, p.Front)
	case "guide":
		main = guideMain(p, p.Guide)
	case "level":
		main = levelMain(p, p.LevelPage)
	case "step":
		main = stepMain(p, p.Step)
	case "toolbox":
		main = toolboxMain(p, p.Toolbox)
	case "tool":
		main = toolMain(p, p.Tool)
	case "services":
		main = servicesMain(p)
	case "page":
		main = pageMain(p)
	case "notfound":
		main = notFoundMain(p)
	case "search":
		main = searchMain(p)
	case "print":
		main = printMain(p, p.Print)
	case "start":
		main = startMain(p, p.Start)
	case "changes":
		main = changesMain(p, p.Changes)
	default:
		return nil, fmt.Errorf("no template for page kind %q", p.Kind)
	}
	return renderComponent(layout(p, main))
}

// pageBuffers are reused between pages: a page is rendered into one and
// copied out at its exact size.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderComponent renders c into a new byte slice.
func renderComponent(c templ.Component) ([]byte, error) {
	b := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(b)
	b.Reset()
	if err := c.Render(context.Background(), b); err != nil {
		return nil, err
	}
	return bytes.Clone(b.Bytes()), nil
}

// date shows an ISO date (2026-11-27) the Norwegian way: 27.11.2026.
func date(iso string) string {
	if len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
		return iso[8:10] + "." + iso[5:7] + "." + iso[0:4]
	}
	return iso
}

// anchorIcon is the link symbol of heading anchors.
const anchorIcon = markdown.AnchorIcon

// menuIcon is the three bars of the menu button.
const menuIcon = `<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z"/></svg>`

// warningIcon is the sign in the emergency box, inside its border.
const warningIcon = `<svg class="emergency__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M12 2 1 21h22L12 2Zm0 4.5L19.5 19h-15L12 6.5ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z"/></svg>`

// tel turns a phone number as written into the number of a tel: URL.
func tel(s string) string { return strings.TrimPrefix(model.TelURL(s), "tel:") }

// prefixed is s after prefix, or nothing when s is empty ("Name, Role").
func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// addressParts cuts a web or e-mail address where a line may break: after
// each slash, before each dot and @ ("https://", "example", ".no/",
// "barnehage/"). The parts joined are the address.
func addressParts(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/':
			// "//" stays whole: break after the last slash of a run.
			if i+1 < len(s) && s[i+1] == '/' {
				continue
			}
			if i+1 < len(s) {
				parts = append(parts, s[start:i+1])
				start = i + 1
			}
		case '.', '@':
			if i > start {
				parts = append(parts, s[start:i])
				start = i
			}
		}
	}
	return append(parts, s[start:])
}

// breakableHTML is address escaped, with <wbr> between its parts
// (addressParts) and no space anywhere.
func breakableHTML(address string) string {
	parts := addressParts(address)
	for i, part := range parts {
		parts[i] = html.EscapeString(part)
	}
	return strings.Join(parts, "<wbr>")
}
