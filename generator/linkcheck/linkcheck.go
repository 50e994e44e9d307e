// Package linkcheck checks a built site: every link, image, stylesheet,
// script and font reference that stays on the site must lead to a file of
// the tree, and every #anchor to an id on the target page. It also
// reports what the site promises never to contain: inline scripts, event
// handler attributes, inline styles and anything loaded from another
// host.
//
// It reads the output tree, not the model, so it catches mistakes in the
// templates as well as in the content.
package linkcheck

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"github.com/bti-handbook/bti/generator/output"
)

// Problem is one broken reference or forbidden construct.
type Problem struct {
	Page    string // path of the file in the tree
	Message string
}

func (p Problem) String() string { return p.Page + ": " + p.Message }

type page struct {
	ids   map[string]bool
	links []ref
}

type ref struct {
	attr, value string
	external    bool // loads a resource (src, stylesheet): must be on the site
}

var cssURL = regexp.MustCompile(`url\(\s*["']?([^"')]+)["']?\s*\)`)

// Check checks every HTML and CSS file of tree. bases maps a folder of the
// tree ("lillestrom/") to the URL path it is published at ("/lillestrom/",
// from base_url), for links that start with "/" (the 404 page has them).
func Check(tree output.Tree, bases map[string]string) []Problem {
	pages := map[string]*page{}
	var problems []Problem
	for name, data := range tree {
		switch path.Ext(name) {
		case ".html":
			p, probs := parse(name, data)
			pages[name] = p
			problems = append(problems, probs...)
		case ".css":
			for _, m := range cssURL.FindAllSubmatch(data, -1) {
				u := string(m[1])
				if strings.HasPrefix(u, "data:") {
					continue
				}
				if isRemote(u) {
					problems = append(problems, Problem{name, "loads " + u + " from another host"})
					continue
				}
				target := path.Join(path.Dir(name), strings.SplitN(u, "#", 2)[0])
				if _, ok := tree[target]; !ok {
					problems = append(problems, Problem{name, "url(" + u + ") leads to no file"})
				}
			}
		}
	}
	for name, p := range pages {
		for _, r := range p.links {
			if msg := resolve(tree, pages, name, r, bases); msg != "" {
				problems = append(problems, Problem{name, msg})
			}
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].String() < problems[j].String() })
	return problems
}

func isRemote(u string) bool {
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "//")
}

// parse collects the ids and references of one page, and its forbidden
// constructs.
func parse(name string, data []byte) (*page, []Problem) {
	p := &page{ids: map[string]bool{}}
	var problems []Problem
	z := html.NewTokenizer(bytes.NewReader(data))
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return p, problems
		case html.TextToken:
			if inScript && len(bytes.TrimSpace(z.Text())) > 0 {
				problems = append(problems, Problem{name, "inline script"})
			}
		case html.EndTagToken:
			inScript = false
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.Data == "script" {
				inScript = tt == html.StartTagToken
			}
			rel := ""
			for _, a := range t.Attr {
				if a.Key == "rel" {
					rel = a.Val
				}
			}
			for _, a := range t.Attr {
				switch {
				case a.Key == "id" || (t.Data == "a" && a.Key == "name"):
					if p.ids[a.Val] {
						problems = append(problems, Problem{name, fmt.Sprintf("id %q is used twice", a.Val)})
					}
					p.ids[a.Val] = true
				case strings.HasPrefix(a.Key, "on"):
					problems = append(problems, Problem{name, fmt.Sprintf("event handler %s= on <%s>", a.Key, t.Data)})
				case a.Key == "style":
					problems = append(problems, Problem{name, fmt.Sprintf("inline style on <%s>", t.Data)})
				case a.Key == "href" && (t.Data == "a" || t.Data == "area"):
					p.links = append(p.links, ref{attr: "href", value: a.Val})
				case a.Key == "href" && t.Data == "link":
					// Canonical and alternate URLs are absolute on purpose.
					if rel != "canonical" && rel != "alternate" {
						p.links = append(p.links, ref{attr: "href", value: a.Val, external: true})
					}
				case a.Key == "src":
					p.links = append(p.links, ref{attr: "src", value: a.Val, external: true})
				case a.Key == "action" && t.Data == "form":
					p.links = append(p.links, ref{attr: "action", value: a.Val})
				}
			}
		}
	}
}

// resolve returns what is wrong with one reference of page from, or "".
func resolve(tree output.Tree, pages map[string]*page, from string, r ref, bases map[string]string) string {
	v := r.value
	if v == "" {
		return "empty " + r.attr
	}
	if strings.HasPrefix(v, "mailto:") || strings.HasPrefix(v, "tel:") {
		return ""
	}
	if isRemote(v) {
		if r.external {
			return fmt.Sprintf("%s=%q loads from another host", r.attr, v)
		}
		return ""
	}
	u, err := url.Parse(v)
	if err != nil {
		return fmt.Sprintf("%s=%q is not a URL", r.attr, v)
	}
	if u.Scheme != "" {
		return fmt.Sprintf("%s=%q has the scheme %s:", r.attr, v, u.Scheme)
	}
	target := from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if strings.HasPrefix(u.Path, "/") {
			target = strings.TrimPrefix(u.Path, "/")
			for folder, base := range bases {
				if strings.HasPrefix(from, folder) {
					rest, ok := strings.CutPrefix(u.Path, base)
					if !ok {
						return fmt.Sprintf("%s=%q is outside the site's path %s", r.attr, v, base)
					}
					target = folder + rest
				}
			}
		}
		if strings.HasSuffix(u.Path, "/") || target == "." {
			target = path.Join(target, "index.html")
		}
		target = strings.TrimPrefix(target, "./")
		if strings.HasPrefix(target, "../") {
			return fmt.Sprintf("%s=%q leads above the site", r.attr, v)
		}
		if _, ok := tree[target]; !ok {
			return fmt.Sprintf("%s=%q leads to no file (%s)", r.attr, v, target)
		}
	}
	if u.Fragment != "" {
		tp, ok := pages[target]
		if !ok {
			return ""
		}
		frag, _ := url.PathUnescape(u.Fragment)
		if !tp.ids[frag] {
			return fmt.Sprintf("%s=%q: no id %q on %s", r.attr, v, frag, target)
		}
	}
	return ""
}
