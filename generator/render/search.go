package render

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/markdown/formfield"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/search"
)

// snippetLength is the longest snippet shown with a search result.
const snippetLength = 160

// searchIndex adds the site's search index (steps, toolbox documents and
// pages in the site's language) under a fingerprinted name.
func (b *builder) searchIndex(tree output.Tree) error {
	var docs []search.Doc
	for _, g := range b.m.Guides {
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				var text strings.Builder
				text.WriteString(s.Summary)
				for _, sec := range s.Sections {
					text.WriteString(" ")
					text.WriteString(sec.Heading)
					text.WriteString(" ")
					text.WriteString(formfield.PlainText(sec.Root, s.Body.Source))
				}
				docs = append(docs, search.Doc{ID: s.URL(), Title: s.Title, Text: text.String(), Kind: "step",
					Level: s.Level, Guide: g.ShortTitle, Snippet: snippet(s.Summary, text.String())})
			}
		}
	}
	for _, t := range b.m.Toolbox {
		level := -1
		if ls := toolLevels(t); len(ls) > 0 {
			level = ls[0]
		}
		d := b.opts.Shared.searchDoc(t.National, t.Body, t.Title, t.Summary, t.Category, func() search.Doc {
			text := docText(t.Body) + " " + t.Category
			return search.Doc{Title: t.Title, Text: t.Summary + " " + text, Snippet: snippet(t.Summary, text)}
		})
		d.ID, d.Kind, d.Level = t.URL(), t.Kind, level
		docs = append(docs, d)
	}
	for _, p := range b.m.Pages {
		d := b.opts.Shared.searchDoc(p.National, p.Body, p.Title, p.Summary, "", func() search.Doc {
			text := docText(p.Body)
			return search.Doc{Title: p.Title, Text: p.Summary + " " + text, Snippet: snippet(p.Summary, text)}
		})
		d.ID, d.Kind, d.Level = p.URL(), "page", -1
		docs = append(docs, d)
	}
	data, err := search.Build(docs)
	if err != nil {
		return err
	}
	name := "sok/" + fingerprint("index.json", data)
	tree[name] = data
	b.site.SearchIndex = "/" + name
	return nil
}

// docText is the plain text of a document.
func docText(d *model.Doc) string {
	if d == nil {
		return ""
	}
	var b strings.Builder
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			b.WriteString(formfield.PlainText(n, d.Source))
			b.WriteString(" ")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// snippet is the summary, or the start of the text cut at a word.
func snippet(summary, text string) string {
	s := strings.TrimSpace(summary)
	if s == "" {
		s = strings.Join(strings.Fields(text), " ")
	}
	if r := []rune(s); len(r) > snippetLength {
		cut := string(r[:snippetLength])
		if i := strings.LastIndexByte(cut, ' '); i > snippetLength/2 {
			cut = cut[:i]
		}
		s = cut + " …"
	}
	return s
}

// Shared holds work that the municipalities of one build share: the
// national documents are the same on every site, so their search text
// and terms are made once. A nil *Shared shares nothing.
type Shared struct {
	search sync.Map // searchKey -> search.Doc
}

// NewShared makes an empty Shared for one build.
func NewShared() *Shared { return &Shared{} }

type searchKey struct {
	body                     *model.Doc
	title, summary, category string
}

// searchDoc returns the search document build gives, cut into terms; for
// a national document it is made once per build.
func (s *Shared) searchDoc(national bool, body *model.Doc, title, summary, category string, build func() search.Doc) search.Doc {
	if s == nil || !national || body == nil {
		return build()
	}
	k := searchKey{body, title, summary, category}
	if d, ok := s.search.Load(k); ok {
		return d.(search.Doc)
	}
	d := build()
	d.Tokens = search.Tokenize(d.Title, d.Text)
	s.search.Store(k, d)
	return d
}
