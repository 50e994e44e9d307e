package markdown

import (
	"bytes"
	"io"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// codeFormatter writes highlighted code with CSS classes, never inline
// styles, so the site's Content-Security-Policy can forbid them.
var codeFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))

// codeStyle is the colour scheme of highlighted code (its contrast meets
// WCAG AA on white).
const codeStyle = "github"

// CodeCSS returns the stylesheet for highlighted code.
func CodeCSS() string {
	var b strings.Builder
	_ = codeFormatter.WriteCSS(&b, styles.Get(codeStyle))
	return b.String()
}

func (lr linkRenderer) code(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var code bytes.Buffer
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(source))
	}
	lang := ""
	if fc, ok := node.(*ast.FencedCodeBlock); ok {
		lang = string(fc.Language(source))
	}
	highlight(w, lang, code.String())
	return ast.WalkSkipChildren, nil
}

// highlight writes code as a highlighted <pre>, or escaped plain text when
// the language is unknown or the lexer fails.
func highlight(w io.Writer, lang, code string) {
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer != nil {
		if it, err := chroma.Coalesce(lexer).Tokenise(nil, code); err == nil {
			var b bytes.Buffer
			if codeFormatter.Format(&b, styles.Get(codeStyle), it) == nil {
				_, _ = w.Write(b.Bytes())
				return
			}
		}
	}
	_, _ = io.WriteString(w, "<pre><code>")
	_, _ = w.Write(util.EscapeHTML([]byte(code)))
	_, _ = io.WriteString(w, "</code></pre>\n")
}
