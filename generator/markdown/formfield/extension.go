package formfield

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension returns the extender that adds the form-field syntax to a
// goldmark Markdown. It needs the table and task-list extensions (GFM)
// for table cells and checkboxes.
func Extension() goldmark.Extender { return extender{} }

type extender struct{}

func (extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// Before the thematic break (200), which would take "___".
		parser.WithBlockParsers(util.Prioritized(boxParser{}, 150)),
		// After the table transformer (200) has taken its paragraphs.
		parser.WithParagraphTransformers(util.Prioritized(lineTransformer{}, 500)),
		parser.WithASTTransformers(util.Prioritized(namer{}, 500)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{}, 500)))
}
