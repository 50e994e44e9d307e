package render

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
)

// The emergency box on every page: on phones one line with the numbers
// to call (112 and the child welfare emergency service) and the rest of
// the text behind a disclosure; in the page's language where the
// municipality has translated it ([[emergency.translations]]).

// emergencyBox is the box in every language it has.
type emergencyBox struct {
	main   *emergencyView
	byLang map[string]*emergencyView
	// ChildWelfare is the tel: URL of the child welfare emergency
	// service (barnevernvakt): the first phone link of the text that is
	// not 110, 112 or 113. "" when the text has none.
	ChildWelfare string
}

// emergencyView is the box's title and text in one language.
type emergencyView struct {
	Lang  string
	Title string
	Text  template.HTML
}

// For returns the box in lang, or in the municipality's language.
func (e *emergencyBox) For(lang string) *emergencyView {
	if v, ok := e.byLang[lang]; ok {
		return v
	}
	return e.main
}

// newEmergency renders the box of m in each of its languages. Links in
// the box are tel: and https: only (check), so the same HTML is right on
// every page.
func newEmergency(r *markdown.Renderer, m *model.Municipality, theme *Theme) (*emergencyBox, error) {
	e := m.Emergency
	title := e.Title
	if title == "" {
		title = theme.T(m.Language, m.Language, "emergency_title")
	}
	main, err := emergencyText(r, m.Language, title, e.Text)
	if err != nil {
		return nil, err
	}
	box := &emergencyBox{main: main, byLang: map[string]*emergencyView{}, ChildWelfare: childWelfare(e.Text)}
	for _, tr := range e.Translations {
		v, err := emergencyText(r, tr.Lang, tr.Title, tr.Text)
		if err != nil {
			return nil, err
		}
		box.byLang[tr.Lang] = v
	}
	return box, nil
}

func emergencyText(r *markdown.Renderer, lang, title string, doc *model.Doc) (*emergencyView, error) {
	html, err := r.RenderString(doc.Source, doc.Root, nil)
	if err != nil {
		return nil, err
	}
	return &emergencyView{Lang: lang, Title: title, Text: template.HTML(stripP(html))}, nil
}

// childWelfare finds the first tel: link of the text that is not one of
// the national emergency numbers (fire 110, police 112, ambulance 113).
func childWelfare(doc *model.Doc) string {
	found := ""
	ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !entering || !ok || found != "" {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		if !strings.HasPrefix(dest, "tel:") {
			return ast.WalkContinue, nil
		}
		switch strings.TrimPrefix(tel(strings.TrimPrefix(dest, "tel:")), "+47") {
		case "110", "112", "113", "":
		default:
			found = dest
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
