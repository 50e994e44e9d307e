package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/themes"
)

// pageKinds are the templates that render a page into the layout; each
// is a file in templates/ that defines "main".
var pageKinds = []string{"front", "guide", "level", "step", "toolbox", "tool", "services", "page", "notfound", "search", "print"}

// Theme is a parsed theme: its templates, compiled once, and its assets.
type Theme struct {
	Name   string
	pages  map[string]*template.Template // by page kind
	other  *template.Template            // redirect, sites
	assets map[string][]byte             // by path below assets/
	i18n   map[string]map[string]string  // by language
	tables sync.Map                      // merged tables, see Table
}

var (
	themeMu    sync.Mutex
	themeCache = map[string]*Theme{}
)

// LoadTheme returns the named theme ("lillestrom" or "vardo") from the
// embedded themes, parsing it on first use.
func LoadTheme(name string) (*Theme, error) {
	themeMu.Lock()
	defer themeMu.Unlock()
	if t, ok := themeCache[name]; ok {
		return t, nil
	}
	t, err := parseTheme(themes.FS(), name)
	if err != nil {
		return nil, err
	}
	themeCache[name] = t
	return t, nil
}

func parseTheme(fsys fs.FS, name string) (*Theme, error) {
	t := &Theme{Name: name, pages: map[string]*template.Template{}, assets: map[string][]byte{}, i18n: map[string]map[string]string{}}
	// Templates: the theme's file of a name replaces base's.
	files := map[string][]byte{}
	for _, dir := range []string{"base/templates", name + "/templates"} {
		entries, _ := fs.ReadDir(fsys, dir)
		for _, e := range entries {
			data, err := fs.ReadFile(fsys, dir+"/"+e.Name())
			if err != nil {
				return nil, err
			}
			files[e.Name()] = minifyTemplate(data)
		}
	}
	isPage := map[string]bool{}
	for _, k := range pageKinds {
		isPage[k+".html"] = true
	}
	root := template.New("root").Funcs(funcs)
	for fname, data := range files {
		if isPage[fname] {
			continue
		}
		if _, err := root.New(fname).Parse(string(data)); err != nil {
			return nil, fmt.Errorf("theme %s: %w", name, err)
		}
	}
	t.other = root
	for _, k := range pageKinds {
		data, ok := files[k+".html"]
		if !ok {
			return nil, fmt.Errorf("theme %s: no template %s.html", name, k)
		}
		c, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := c.New(k + ".html").Parse(string(data)); err != nil {
			return nil, fmt.Errorf("theme %s: %w", name, err)
		}
		t.pages[k] = c
	}
	if err := t.loadAssets(fsys); err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(fsys, "i18n")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		var table map[string]string
		if _, err := toml.DecodeFS(fsys, "i18n/"+e.Name(), &table); err != nil {
			return nil, fmt.Errorf("i18n/%s: %w", e.Name(), err)
		}
		t.i18n[strings.TrimSuffix(e.Name(), ".toml")] = table
	}
	return t, nil
}

// cssBundle lists the stylesheets of site.css in order: Designsystemet's
// default theme and the components the templates use (vendored), then the
// base stylesheet; the theme's own theme.css comes last.
var cssBundle = []string{
	"vendor/designsystemet-css/theme.css",
	"vendor/designsystemet-css/base.css",
	"vendor/designsystemet-css/skip-link.css",
	"vendor/designsystemet-css/breadcrumbs.css",
	"vendor/designsystemet-css/link.css",
	"vendor/designsystemet-css/button.css",
	"vendor/designsystemet-css/alert.css",
	"vendor/designsystemet-css/card.css",
	"vendor/designsystemet-css/tag.css",
	"vendor/designsystemet-css/details.css",
	"base/assets/site.css",
}

// fontDirs are the vendored fonts, published in assets/ beside site.css.
var fontDirs = []string{"vendor/noto-sans", "vendor/noto-sans-arabic"}

// loadAssets reads the theme's assets: site.css bundled, fonts and their
// licences, and the other files of base/assets and <theme>/assets.
func (t *Theme) loadAssets(fsys fs.FS) error {
	var css bytes.Buffer
	files := append(append([]string(nil), cssBundle...), t.Name+"/assets/theme.css")
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return fmt.Errorf("theme %s: %w", t.Name, err)
		}
		css.Write(data)
		css.WriteByte('\n')
	}
	css.WriteString(markdown.CodeCSS())
	t.assets["site.css"] = css.Bytes()
	defer func() {
		// Minified once per theme, not once per site.
		for name, data := range t.assets {
			t.assets[name] = Minify(name, data)
		}
	}()
	for _, dir := range fontDirs {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			data, err := fs.ReadFile(fsys, dir+"/"+e.Name())
			if err != nil {
				return err
			}
			switch {
			case strings.HasSuffix(e.Name(), ".woff2"):
				t.assets[e.Name()] = data
			case e.Name() == "LICENSE":
				t.assets["lisenser/"+path.Base(dir)+".txt"] = data
			}
		}
	}
	lib, err := fs.ReadFile(fsys, "vendor/minisearch/minisearch.min.js")
	if err != nil {
		return err
	}
	t.assets["minisearch.js"] = lib
	licence, _ := fs.ReadFile(fsys, "vendor/minisearch/LICENSE")
	t.assets["lisenser/minisearch.txt"] = licence
	for _, dir := range []string{"base/assets", t.Name + "/assets"} {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.IsDir() || e.Name() == "site.css" || e.Name() == "theme.css" {
				continue
			}
			data, err := fs.ReadFile(fsys, dir+"/"+e.Name())
			if err != nil {
				return err
			}
			t.assets[e.Name()] = data
		}
	}
	return nil
}

// execPage renders a page view with the template of its kind.
func (t *Theme) execPage(p *pageView) ([]byte, error) {
	tmpl, ok := t.pages[p.Kind]
	if !ok {
		return nil, fmt.Errorf("no template for page kind %q", p.Kind)
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "layout", p); err != nil {
		return nil, fmt.Errorf("%s: %w", p.URL, err)
	}
	return b.Bytes(), nil
}

// execPart renders a named template of the page kind's set with data.
func (t *Theme) execPart(kind, name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.pages[kind].ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// exec renders one of the templates outside the layout.
func (t *Theme) exec(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.other.ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// fingerprint names an asset after a hash of its content, so it can be
// cached for a year: "site.css" -> "site.3f2a9c1b.css".
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Table returns the whole interface text for lang, with the keys it lacks
// taken from fallback and then bokmål. The map is made once and shared.
func (t *Theme) Table(lang, fallback string) map[string]string {
	key := lang + "|" + fallback
	if v, ok := t.tables.Load(key); ok {
		return v.(map[string]string)
	}
	m := map[string]string{}
	for _, l := range []string{"nb", fallback, lang} {
		for k, v := range t.i18n[l] {
			m[k] = v
		}
	}
	t.tables.Store(key, m)
	return m
}

// T looks a key up in the interface text of lang, falling back to fallback
// (the municipality's language), then bokmål, then the key itself.
func (t *Theme) T(lang, fallback, key string) string {
	for _, l := range []string{lang, fallback, "nb"} {
		if s, ok := t.i18n[l][key]; ok {
			return s
		}
	}
	return key
}

var funcs = template.FuncMap{
	// date shows an ISO date (2026-11-27) the Norwegian way: 27.11.2026.
	"date": func(iso string) string {
		if len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
			return iso[8:10] + "." + iso[5:7] + "." + iso[0:4]
		}
		return iso
	},
	// anchorIcon is the link symbol of heading anchors.
	"anchorIcon": func() template.HTML { return template.HTML(markdown.AnchorIcon) },
	// tel turns a phone number as written into a tel: URL.
	"tel": func(s string) string {
		var b strings.Builder
		for i, r := range s {
			if r >= '0' && r <= '9' || (r == '+' && i == 0) {
				b.WriteRune(r)
			}
		}
		out := b.String()
		if !strings.HasPrefix(out, "+") && len(out) == 8 {
			out = "+47" + out
		}
		return out
	},
}
