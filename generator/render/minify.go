package render

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/parallel"
)

// minifier shrinks HTML, CSS, JS, SVG, JSON and XML. It is safe for
// concurrent use.
var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}()

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml",
}

// Minify returns data minified by the type its name says, or data as it is
// for other types (and if minifying fails, which would be a bug in a
// template, not in content).
func Minify(name string, data []byte) []byte {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data))
	if err := minifier.Minify(mt, &b, bytes.NewReader(data)); err != nil {
		return data
	}
	return b.Bytes()
}

// minifyTree minifies every file of tree in place, on all cores.
func minifyTree(tree output.Tree) {
	names := make([]string, 0, len(tree))
	for p := range tree {
		if strings.HasPrefix(p, "assets/") || strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "sok/") {
			continue // assets are minified with the theme; pages and the search index are written compact
		}
		if _, ok := mediaTypes[path.Ext(p)]; ok {
			names = append(names, p)
		}
	}
	out := make([][]byte, len(names))
	parallel.Do(len(names), func(i int) { out[i] = Minify(names[i], tree[names[i]]) })
	for i, p := range names {
		tree[p] = out[i]
	}
}
