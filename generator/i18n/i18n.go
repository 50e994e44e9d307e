// Package i18n holds the interface text of the sites and the PDFs: every
// word a reader sees that is not the municipality's own text (menu,
// breadcrumbs, labels, "Side 1 av 3"), one table a language in
// themes/i18n/<lang>.toml. The websites (package render) and the PDFs
// (package pdf) read the same tables, so a word is translated once.
//
// A page or document in a language with a table speaks it; in a
// language without one (a translation into Tigrinya, say), the interface
// is in English, and says so with lang="en", not in Norwegian. A key
// that a table lacks falls back to the municipality's language and then
// to bokmål; a test (in render) checks that every table has every key of
// nb.
package i18n

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/bti-handbook/bti/themes"
)

// Fallback is the language of the interface on pages in a language that
// has no table.
const Fallback = "en"

// Tables are the interface text of every language.
type Tables struct {
	byLang      map[string]map[string]string
	merged      sync.Map // lang|fallback -> map[string]string
	prints      sync.Map // langs joined by | -> FingerprintOf
	once        sync.Once
	fingerprint string
}

// Load reads the tables of fsys's i18n/ folder (a themes folder).
func Load(fsys fs.FS) (*Tables, error) {
	entries, err := fs.ReadDir(fsys, "i18n")
	if err != nil {
		return nil, err
	}
	t := &Tables{byLang: map[string]map[string]string{}}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		var table map[string]string
		if _, err := toml.DecodeFS(fsys, "i18n/"+e.Name(), &table); err != nil {
			return nil, fmt.Errorf("i18n/%s: %w", e.Name(), err)
		}
		t.byLang[strings.TrimSuffix(e.Name(), ".toml")] = table
	}
	if t.byLang["nb"] == nil {
		return nil, fmt.Errorf("i18n: no nb.toml")
	}
	return t, nil
}

// builtin are the tables built into bti, read once.
var builtin = sync.OnceValues(func() (*Tables, error) { return Load(themes.FS()) })

// Builtin returns the tables built into bti.
func Builtin() (*Tables, error) { return builtin() }

// Has reports whether lang has a table of its own.
func (t *Tables) Has(lang string) bool {
	_, ok := t.byLang[lang]
	return ok
}

// Languages lists the languages that have a table.
func (t *Tables) Languages() []string {
	out := make([]string, 0, len(t.byLang))
	for l := range t.byLang {
		out = append(out, l)
	}
	return out
}

// Keys returns the table of lang as it is in its file (for tests).
func (t *Tables) Keys(lang string) map[string]string { return t.byLang[lang] }

// Speaks returns the language the interface of a page or document in
// lang is in, for a municipality writing municipal: lang itself when it
// has a table (or is the municipality's own), else Fallback.
func (t *Tables) Speaks(lang, municipal string) string {
	if lang == municipal || t.Has(lang) {
		return lang
	}
	return Fallback
}

// Table returns the words of lang, with those it lacks from fallback and
// then bokmål. The map is shared: do not change it.
func (t *Tables) Table(lang, fallback string) map[string]string {
	key := lang + "|" + fallback
	if v, ok := t.merged.Load(key); ok {
		return v.(map[string]string)
	}
	m := map[string]string{}
	for _, l := range []string{"nb", fallback, lang} {
		for k, v := range t.byLang[l] {
			m[k] = v
		}
	}
	t.merged.Store(key, m)
	return m
}

// Word returns the word for key in lang (falling back to fallback, then
// bokmål), or the key itself when no table has it.
func (t *Tables) Word(lang, fallback, key string) string {
	for _, l := range []string{lang, fallback, "nb"} {
		if s, ok := t.byLang[l][key]; ok {
			return s
		}
	}
	return key
}

// Fingerprint identifies the tables' contents, for the keys of made
// files (a changed word makes the PDFs again).
func (t *Tables) Fingerprint() string {
	t.once.Do(func() {
		langs := t.Languages()
		sort.Strings(langs)
		t.fingerprint = t.fingerprintOf(langs)
	})
	return t.fingerprint
}

// FingerprintOf identifies the contents of the tables of langs (whether
// each has a table, and its words): what a document whose words come
// from those tables depends on (see Word for the languages it reads).
func (t *Tables) FingerprintOf(langs ...string) string {
	langs = slices.Compact(slices.Sorted(slices.Values(langs)))
	key := strings.Join(langs, "|")
	if v, ok := t.prints.Load(key); ok {
		return v.(string)
	}
	f := t.fingerprintOf(langs)
	t.prints.Store(key, f)
	return f
}

// fingerprintOf hashes the tables of langs, in that order.
func (t *Tables) fingerprintOf(langs []string) string {
	h := sha256.New()
	for _, l := range langs {
		table, ok := t.byLang[l]
		fmt.Fprintf(h, "%s\x00%v\x00", l, ok)
		keys := make([]string, 0, len(table))
		for k := range table {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(h, "%s\x00%s\x00%s\x00", l, k, table[k])
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
