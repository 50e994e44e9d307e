package formfield

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// htmlRenderer renders the fields as real HTML form controls, each with a
// visible label, so that a form can be filled in and printed from the
// browser. Nothing is sent anywhere: the page has no form action.
type htmlRenderer struct{}

func (r htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFieldLine, r.fieldLine)
	reg.Register(kindFieldItem, r.fieldItem)
	reg.Register(kindAnswerBox, r.answerBox)
	reg.Register(kindCheckField, r.checkField)
	reg.Register(kindCellField, r.cellField)
}

func (htmlRenderer) fieldLine(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<p class="form-line">`)
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

func (htmlRenderer) fieldItem(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := n.(*FieldItem)
	if entering {
		_, _ = w.WriteString(`<span class="form-field"><label for="` + f.ID + `">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`</label> <input type="text" id="` + f.ID + `" name="` + attr(f.Name) + `" autocomplete="off"></span>`)
	return ast.WalkContinue, nil
}

func (htmlRenderer) answerBox(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	f := n.(*AnswerBox)
	_, _ = w.WriteString(`<p class="form-box"><textarea id="` + f.ID + `" name="` + attr(f.Name) +
		`" rows="` + strconv.Itoa(max(f.Rows, 2)) + `" aria-label="` + attr(f.Label) + `"></textarea></p>` + "\n")
	return ast.WalkSkipChildren, nil
}

func (htmlRenderer) checkField(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	f := n.(*CheckField)
	if entering {
		checked := ""
		if f.Checked {
			checked = " checked"
		}
		_, _ = w.WriteString(`<span class="form-check"><input type="checkbox" id="` + f.ID + `" name="` + attr(f.Name) + `"` + checked + `> <label for="` + f.ID + `">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`</label></span>`)
	return ast.WalkContinue, nil
}

func (htmlRenderer) cellField(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		f := n.(*CellField)
		_, _ = w.WriteString(`<input type="text" class="form-cell" id="` + f.ID + `" name="` + attr(f.Name) + `" aria-label="` + attr(f.Label) + `" autocomplete="off">`)
	}
	return ast.WalkContinue, nil
}

func attr(s string) string {
	return string(util.EscapeHTML([]byte(s)))
}
