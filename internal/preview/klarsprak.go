package preview

import (
	_ "embed"
	"fmt"
	"html"
	"net/http"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/klarsprak"
	"github.com/bti-handbook/bti/generator/model"
)

// The Klarspråk panel: on every page of the preview that has text of its
// own (a step, a level, a page, a toolbox document), a closed <details>
// in the corner shows the page's LIX and how many long sentences it has;
// opened, it lists them with their line in the file. It is put in by the
// server, as the overlay of mistakes is, so it is never part of the
// built site; it works without script, and /_bti/klarsprak.js only keeps
// it open or closed from page to page.

//go:embed klarsprak.css
var klarsprakCSS []byte

//go:embed klarsprak.js
var klarsprakJS []byte

// klarsprakRoutes adds the panel's stylesheet and script to mux.
func klarsprakRoutes(mux *http.ServeMux) {
	for name, f := range map[string]struct {
		ct   string
		data []byte
	}{
		"klarsprak.css": {"text/css; charset=utf-8", klarsprakCSS},
		"klarsprak.js":  {"text/javascript; charset=utf-8", klarsprakJS},
	} {
		mux.HandleFunc("GET /_bti/"+name, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", f.ct)
			w.Header().Set("Cache-Control", "no-store")
			w.Write(f.data)
		})
	}
}

// klarsprakPage measures the page of the last good site that the tree's
// file name ("lillestrom/barnehage/niva-0/undring/index.html") is, when
// it is a page with a text of its own; only that page is measured, so a
// reload after an edit costs a fraction of a millisecond more.
func klarsprakPage(site *model.Site, name string) *klarsprak.Page {
	slug, rest, ok := strings.Cut(name, "/")
	if !ok || !strings.HasSuffix(rest, "index.html") {
		return nil
	}
	for _, m := range site.Municipalities {
		if m.Slug == slug {
			return klarsprak.PageAt(m, "/"+strings.TrimSuffix(rest, "index.html"))
		}
	}
	return nil
}

// injectKlarsprak adds the panel to the page name of the tree, when it
// is one of the pages with a text of their own.
func injectKlarsprak(page []byte, st state, name string) []byte {
	if st.site == nil {
		return page
	}
	p := klarsprakPage(st.site, name)
	if p == nil {
		return page
	}
	lang := "nb"
	if st.langs != nil {
		lang = st.langs.For(p.File)
	}
	panel := klarsprakPanel(p, lang)
	head := `<link rel="stylesheet" href="/_bti/klarsprak.css">`
	var b strings.Builder
	b.Grow(len(page) + len(head) + len(panel))
	rest := string(page)
	if i := strings.Index(rest, "</head>"); i >= 0 {
		b.WriteString(rest[:i])
		b.WriteString(head)
		rest = rest[i:]
	}
	if i := strings.LastIndex(rest, "</body>"); i >= 0 {
		b.WriteString(rest[:i])
		b.WriteString(panel)
		b.WriteString(rest[i:])
	} else {
		b.WriteString(rest)
		b.WriteString(panel)
	}
	return []byte(b.String())
}

// klarsprakPanel writes the panel of page p in lang.
func klarsprakPanel(p *klarsprak.Page, lang string) string {
	t := func(name diag.Phrase, args ...any) string { return html.EscapeString(diag.T(lang, name, args...)) }
	long := p.Long()
	st := p.Stats
	var count string
	switch len(long) {
	case 0:
		count = t("klarsprak.panel.long.none")
	case 1:
		count = t("klarsprak.panel.long.one")
	default:
		count = t("klarsprak.panel.long.many", "n", len(long))
	}
	label := t("klarsprak.panel.title") + ": " + count
	if st.Measurable() {
		label = t("klarsprak.panel.title") + ": " + t("klarsprak.panel.lix", "lix", st.Rounded()) + " · " + count
	}
	class := "bti-klarsprak"
	if p.Hard() || len(long) > 0 {
		class += " bti-klarsprak--over"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<aside class="%s" lang="%s" aria-label="%s"><details id="bti-klarsprak"><summary>%s</summary><div class="bti-klarsprak__body">`,
		class, lang, t("klarsprak.panel.title"), label)
	fmt.Fprintf(&b, `<p><code>%s</code></p>`, html.EscapeString(diag.Clean(p.File)))
	if st.Measurable() {
		fmt.Fprintf(&b, `<p>%s</p>`, t("klarsprak.panel.measured", "lix", st.Rounded(), "limit", p.Limits.LIX, "words", st.Words, "sentences", st.Sentences))
	} else {
		fmt.Fprintf(&b, `<p>%s</p>`, t("klarsprak.panel.short", "words", st.Words, "min", klarsprak.MinWords))
	}
	if p.Parents {
		fmt.Fprintf(&b, `<p>%s</p>`, t("klarsprak.panel.parents"))
	}
	if len(long) > 0 {
		fmt.Fprintf(&b, `<p>%s</p><ol>`, t("klarsprak.panel.sentences", "limit", p.Limits.SentenceWords))
		for _, s := range long {
			fmt.Fprintf(&b, `<li><span class="bti-klarsprak__where">%s</span> %s</li>`,
				t("klarsprak.panel.sentence", "line", s.Pos.Line, "words", s.Words), html.EscapeString(diag.Clean(s.Text)))
		}
		b.WriteString("</ol>")
	}
	fmt.Fprintf(&b, `<p class="bti-klarsprak__note">%s</p></div></details></aside><script src="/_bti/klarsprak.js" defer></script>`, t("klarsprak.panel.note"))
	return b.String()
}
