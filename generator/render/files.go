package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
)

// assets adds the theme's assets with fingerprinted names, and the
// municipality's brand colour as a CSS custom property.
func (b *builder) assets(tree output.Tree) error {
	css := b.theme.assets["site.css"]
	if b.m.HasCode {
		css = append(append([]byte(nil), css...), b.theme.codeCSS...)
	}
	if c := b.m.BrandColor; c != "" {
		css = append(append([]byte(nil), css...), []byte("\n:root{--brand:"+c+"}\n")...)
	}
	add := func(name string, data []byte) string {
		p := "assets/" + fingerprint(name, data)
		tree[p] = data
		return "/" + p
	}
	b.site.theme = b.theme
	b.site.M = b.m
	b.site.CSS = add("site.css", css)
	b.site.Font = "/assets/noto-sans-latin-400-normal.woff2"
	for name, data := range b.theme.assets {
		switch name {
		case "site.css":
		case "site.js":
			b.site.JS = add(name, data)
		case "favicon.svg":
			b.site.Favicon = add(name, data)
		case "minisearch.js":
			b.site.SearchLib = add(name, data)
		default:
			// Fonts and images keep their names below assets/, so that
			// the CSS can refer to them.
			tree["assets/"+name] = data
		}
	}
	if b.m.Logo != "" {
		b.site.Logo = model.FileURL(b.m.Logo) // published by check
	}
	return nil
}

// files copies the files the site publishes as they are (attachments,
// images) from the sources.
func (b *builder) files(tree output.Tree) error {
	for pub, src := range b.m.Published {
		data, err := fs.ReadFile(b.fsys, src)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		tree[strings.TrimPrefix(model.FileURL(pub), "/")] = data
	}
	return nil
}

// attachment describes a kind-file attachment for its page.
func (b *builder) attachment(src, url string) *attachmentView {
	v := &attachmentView{Name: path.Base(src), URL: url, Format: strings.ToUpper(strings.TrimPrefix(path.Ext(src), "."))}
	if st, err := fs.Stat(b.fsys, src); err == nil {
		v.Size = humanSize(st.Size())
	}
	return v
}

// humanSize formats a file size the Norwegian way: "124 kB", "1,2 MB".
func humanSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d byte", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/1e6), ".", ",", 1)
}

// extras adds robots.txt, sitemap.xml, the redirects of aliases (as
// small HTML pages and as a Netlify _redirects file).
func (b *builder) extras(tree output.Tree) {
	base := b.m.BaseURL
	var urls []string
	for p := range tree {
		if strings.HasSuffix(p, "index.html") && !strings.Contains(p, "skriv-ut/") {
			urls = append(urls, strings.TrimSuffix(p, "index.html"))
		}
	}
	sort.Strings(urls)
	var sm bytes.Buffer
	sm.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		fmt.Fprintf(&sm, "<url><loc>%s%s</loc></url>\n", xmlEscape(base), xmlEscape(u))
	}
	sm.WriteString("</urlset>\n")
	tree["sitemap.xml"] = sm.Bytes()
	tree["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + base + "sitemap.xml\n")

	var redirects bytes.Buffer
	for _, r := range b.m.Redirects {
		target := r.To
		data, err := renderComponent(redirectPage(b.m.Language, r.Title, relURL(r.From, target),
			strings.TrimSuffix(base, "/")+target, b.theme.T(b.m.Language, b.m.Language, "redirect_text")))
		if err == nil {
			p := strings.TrimPrefix(r.From, "/")
			if strings.HasSuffix(p, "/") || p == "" {
				p += "index.html"
			}
			tree[p] = data
		}
		fmt.Fprintf(&redirects, "%s %s 301\n", r.From, r.To)
	}
	if redirects.Len() > 0 {
		tree["_redirects"] = redirects.Bytes()
	}
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s)) // writing to a Buffer does not fail
	return b.String()
}

// Sites renders the page that lists every built municipality
// (public/index.html), with the base theme's stylesheet.
func Sites(ms []*model.Municipality, opts Options) (output.Tree, error) {
	theme, err := themeFor(model.StyleLillestrom, opts)
	if err != nil {
		return nil, err
	}
	tree := output.Tree{}
	css := theme.assets["site.css"]
	name := "assets/" + fingerprint("site.css", css)
	tree[name] = css
	for n, data := range theme.assets {
		if strings.HasSuffix(n, ".woff2") || strings.HasPrefix(n, "lisenser/") {
			tree["assets/"+n] = data
		}
	}
	// In nynorsk when every municipality writes nynorsk, else bokmål.
	lang := "nb"
	if len(ms) > 0 {
		lang = "nn"
		for _, m := range ms {
			if m.Language != "nn" {
				lang = "nb"
			}
		}
	}
	data, err := renderComponent(sitesPage(ms, name, lang, theme.Table(lang, lang)))
	if err != nil {
		return nil, err
	}
	tree["index.html"] = data
	if !opts.NoMinify {
		minifyTree(tree)
	}
	return tree, nil
}
