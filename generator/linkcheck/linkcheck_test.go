package linkcheck

import (
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/output"
)

func TestCheckFindsBrokenAndForbidden(t *testing.T) {
	tree := output.Tree{
		"index.html": []byte(`<html><head><link rel="stylesheet" href="a.css"><script src="https://cdn.example/x.js"></script></head>
<body id="top"><a href="b/">ok</a> <a href="b/#x">ok anchor</a> <a href="b/#y">bad anchor</a> <a href="c/">missing</a>
<a href="#top">self</a> <a href="https://example.no/">out</a> <a href="tel:112">tel</a>
<button onclick="x()">b</button><p style="color:red">s</p><script>alert(1)</script></body></html>`),
		"b/index.html": []byte(`<h2 id="x">X</h2><h2 id="x">again</h2><a href="../">up</a>`),
		"a.css":        []byte(`body{background:url(img.png)} @font-face{src:url(f.woff2)}`),
		"f.woff2":      []byte("font"),
	}
	var got []string
	for _, p := range Check(tree, nil) {
		got = append(got, p.String())
	}
	want := []string{
		`a.css: url(img.png) leads to no file`,
		`b/index.html: id "x" is used twice`,
		`index.html: event handler onclick= on <button>`,
		`index.html: href="b/#y": no id "y" on b/index.html`,
		`index.html: href="c/" leads to no file (c/index.html)`,
		`index.html: inline script`,
		`index.html: inline style on <p>`,
		`index.html: src="https://cdn.example/x.js" loads from another host`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
