package load

import (
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// ContentDir is the folder of the national defaults.
const ContentDir = "content"

// variantLangs are the language suffixes that mark a national file as the
// version for municipalities writing in that language, not a translation.
var variantLangs = map[string]bool{"nb": true, "nn": true}

// loadNational loads content/: levels, national pages and toolbox.
func (r *reader) loadNational() *model.National {
	nat := &model.National{Variants: map[string]*model.National{}}
	if !r.isDir(ContentDir) {
		r.l.Report(diag.Pos{File: ContentDir}, noNationalContent)
		return nat
	}
	_, nat.Unsafe, _ = r.indexFiles(ContentDir)
	nat.Levels, _ = r.loadLevels(ContentDir+"/levels.toml", true)
	for lang := range variantLangs {
		name := ContentDir + "/levels." + lang + ".toml"
		if r.exists(name) {
			lv, _ := r.loadLevels(name, false)
			variantOf(nat, lang).Levels = mergeLevels(nat.Levels, lv)
		}
	}
	isVariant := func(lang string) bool { return variantLangs[lang] }
	pages, pv := r.loadPages(ContentDir+"/pages", true, isVariant, nil)
	nat.Pages = pages
	for lang, ps := range pv {
		variantOf(nat, lang).Pages = ps
	}
	tools, tv := r.loadToolbox(ContentDir, ContentDir+"/toolbox", true, isVariant, nil)
	nat.Toolbox = tools
	for lang, ts := range tv {
		variantOf(nat, lang).Toolbox = ts
	}
	return nat
}

// forLanguage returns the national content as a municipality writing in lang
// sees it: the language's variants replace the main files by slug.
func forLanguage(nat *model.National, lang string) (levels [4]*model.Level, pages []*model.Page, tools []*model.Tool) {
	levels, pages, tools = nat.Levels, nat.Pages, nat.Toolbox
	v, ok := nat.Variants[lang]
	if !ok {
		return
	}
	if v.Levels[0] != nil {
		levels = v.Levels
	}
	pages = replaceBySlug(pages, v.Pages, func(p *model.Page) string { return p.Slug },
		func(variant, main *model.Page) *model.Page {
			c := *variant
			// Where a page sits in the menu is set once, in the main file.
			c.Translations, c.Menu, c.Weight, c.Aliases = main.Translations, main.Menu, main.Weight, main.Aliases
			return &c
		})
	tools = replaceBySlug(tools, v.Toolbox, func(t *model.Tool) string { return t.Slug },
		func(variant, main *model.Tool) *model.Tool {
			c := *variant
			c.Translations, c.Languages = main.Translations, main.Languages
			return &c
		})
	return
}

// replaceBySlug returns base with the items of over that share a slug in
// place of base's (merged by replace, which keeps the translations of the
// main version); items of over with a new slug are added.
func replaceBySlug[T any](base, over []T, key func(T) string, replace func(variant, main T) T) []T {
	if len(over) == 0 {
		return base
	}
	idx := map[string]int{}
	out := append([]T(nil), base...)
	for i, b := range out {
		idx[key(b)] = i
	}
	for _, o := range over {
		if i, ok := idx[key(o)]; ok {
			out[i] = replace(o, out[i])
		} else {
			out = append(out, o)
		}
	}
	return out
}

// variantOf returns the variants of lang, made on first use.
func variantOf(nat *model.National, lang string) *model.National {
	v, ok := nat.Variants[lang]
	if !ok {
		v = &model.National{}
		nat.Variants[lang] = v
	}
	return v
}
