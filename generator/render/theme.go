package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/bti-handbook/bti/generator/i18n"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/themes"
)

// Theme is a loaded theme: its assets and the interface text. The markup
// is the same for every theme (the *.templ files of this package); themes
// differ in their stylesheets.
type Theme struct {
	Name   string
	assets map[string][]byte // by path below assets/
	// Text is the interface text of every language (themes/i18n).
	Text *i18n.Tables
	// codeCSS is the stylesheet of highlighted code, added to the
	// stylesheet of sites whose text has code.
	codeCSS []byte
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
	t := &Theme{Name: name, assets: map[string][]byte{}}
	if err := t.loadAssets(fsys); err != nil {
		return nil, err
	}
	var err error
	if t.Text, err = i18n.Load(fsys); err != nil {
		return nil, err
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
	"base/css/model.css",
	"base/css/pages.css",
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
	t.assets["site.css"] = css.Bytes()
	// Only sites with code get the highlighting classes (see assets).
	t.codeCSS = Minify("code.css", []byte(markdown.CodeCSS()))
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

// fingerprint names an asset after a hash of its content, so it can be
// cached for a year: "site.css" -> "site.3f2a9c1b.css".
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Table returns the whole interface text for lang, with the keys it lacks
// taken from fallback and then bokmål. The map is made once and shared.
func (t *Theme) Table(lang, fallback string) map[string]string { return t.Text.Table(lang, fallback) }

// T returns one word of the interface text (see Table).
func (t *Theme) T(lang, fallback, key string) string { return t.Text.Word(lang, fallback, key) }
