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

	"github.com/BurntSushi/toml"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/themes"
)

// Theme is a loaded theme: its assets and the interface text. The markup
// is the same for every theme (the *.templ files of this package); themes
// differ in their stylesheets.
type Theme struct {
	Name   string
	assets map[string][]byte            // by path below assets/
	i18n   map[string]map[string]string // by language
	// codeCSS is the stylesheet of highlighted code, added to the
	// stylesheet of sites whose text has code.
	codeCSS []byte
	tables  sync.Map // merged tables, see Table
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
	t := &Theme{Name: name, assets: map[string][]byte{}, i18n: map[string]map[string]string{}}
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
