package render

import (
	"context"
	"github.com/bti-handbook/bti/generator/i18n"
	"html/template"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/a-h/templ"

	"github.com/bti-handbook/bti/generator/model"
)

// siteView is what every page of a municipality's site shares.
type siteView struct {
	M     *model.Municipality
	theme *Theme
	// Menu is every item of the main menu (the phone menu lists them
	// all); on wide screens MenuRow is the row and MenuMore what does
	// not fit in it.
	Menu     []link
	MenuRow  []link
	MenuMore []link
	// Stafett is the page on the baton holder and log that the model's
	// bar leads to, nil when the site has none.
	Stafett   *link
	Emergency *emergencyBox
	CSS       string // root-relative URLs of the assets
	JS        string
	Favicon   string
	Font      string // the regular font, preloaded
	Logo      string
	// SearchIndex and SearchLib are the search index and the search
	// client, loaded by site.js only when someone searches.
	SearchIndex string
	SearchLib   string
	chrome      sync.Map // rendered shared parts, see pageView.Chrome
}

// link is a title and a root-relative URL.
type link struct {
	Title string
	URL   string
	// Key, in the menu, names the interface text that is the title in
	// the page's language (toolbox, services); "" for the municipality's
	// own titles.
	Key string
	// Page marks a free page in the menu (about BTI, for parents, ...):
	// on wide screens those may go under "More".
	Page bool
	// In holds, by language, the page's translations: on a page in that
	// language the menu links to the translation, under its title.
	In map[string]link
}

// For returns the item as the menu shows it on a page in lang: the
// translation when there is one, else the item itself. ok says which.
func (l link) For(lang string) (item link, translated bool) {
	if t, ok := l.In[lang]; ok {
		return t, true
	}
	return l, false
}

// labelsView are the names of a step's parts on this site.
type labelsView struct {
	What, How, Who, Deadline, Tools, Services string
}

// pageView is the data of one page for the templates.
type pageView struct {
	Site         *siteView
	Kind         string // the template: step, guide, ...
	URL          string // root-relative URL of this page
	Title        string
	Summary      string
	Lang         string
	Dir          string // ltr or rtl
	Canonical    string
	Alternates   []alternate
	Crumbs       []link
	Translations []translationLink
	Labels       labelsView
	// L is the interface text in the page's interface language, by key
	// (a map, which templates read much faster than calling T).
	L    map[string]string
	Body template.HTML
	// absBase, when set, makes links absolute paths under it (for the
	// 404 page, which a host serves at any depth).
	absBase string
	// chromeKey is what the shared parts of this page depend on (Chrome).
	chromeKey string

	Front         *frontView
	Guide         *guideView
	LevelPage     *levelView
	Step          *stepView
	Toolbox       *toolboxView
	Tool          *toolView
	ServiceGroups []serviceGroup
	Print         *printView
	Start         *startView
	Changes       *changesView
	// Feed is the root-relative URL of an Atom feed the page links in
	// its head, "" for none.
	Feed string
}

type alternate struct {
	Lang string
	Href string
}

type translationLink struct {
	Lang    string
	Name    string
	URL     string
	Current bool
}

// Rel turns a root-relative URL of the site into a URL relative to this
// page, so the site works in any folder of any host.
func (p *pageView) Rel(u string) string {
	if p.absBase != "" && strings.HasPrefix(u, "/") {
		return strings.TrimSuffix(p.absBase, "/") + u
	}
	return relURL(p.URL, u)
}

// RelRoot is Rel for the parts shared by every page (header, menu, footer):
// a path from the site's root, reached by climbing to it, so that those
// parts are the same on every page of the same depth and can be rendered
// once (see Chrome).
func (p *pageView) RelRoot(u string) string {
	if p.absBase != "" {
		return strings.TrimSuffix(p.absBase, "/") + u
	}
	depth := strings.Count(strings.TrimPrefix(p.URL, "/"), "/")
	if !strings.HasSuffix(p.URL, "/") {
		depth = strings.Count(strings.TrimPrefix(path.Dir(p.URL), "/"), "/")
		if path.Dir(p.URL) != "/" {
			depth++
		}
	}
	rel := strings.Repeat("../", depth) + strings.TrimPrefix(u, "/")
	if rel == "" {
		return "./"
	}
	return rel
}

// Chrome renders a part shared by many pages (header, emergency box,
// footer) once for each combination of what it depends on: the page's
// depth, its place in the menu and its languages; later pages get the
// same HTML.
func (p *pageView) Chrome(name string, part templ.Component) templ.Component {
	if p.chromeKey == "" {
		current := ""
		for _, item := range p.Site.Menu {
			if item, _ = item.For(p.Lang); p.Current(item.URL) {
				current = item.URL
				break
			}
		}
		p.chromeKey = "|" + p.RelRoot("/") + "|" + current + "|" + p.Lang + "|" + p.UILang() + "|" + p.absBase
	}
	key := name + p.chromeKey
	if v, ok := p.Site.chrome.Load(key); ok {
		return templ.Raw(v.(string))
	}
	data, err := renderComponent(part)
	if err != nil {
		return templ.ComponentFunc(func(context.Context, io.Writer) error { return err })
	}
	p.Site.chrome.Store(key, string(data))
	return templ.Raw(string(data))
}

// DocumentTitle is the page's <title>: the page, the municipality, BTI.
func (p *pageView) DocumentTitle() string {
	if p.Title != "" {
		return p.Title + " – " + p.Site.M.ShortName + " – BTI"
	}
	return p.Site.M.ShortName + " – BTI"
}

// T looks a key up in the page's interface text.
func (p *pageView) T(key string) string {
	return p.Site.theme.T(p.UILang(), p.Site.M.Language, key)
}

// UILang is the language of the interface around the content: the page's
// language where the interface text has been translated into it, and
// English on a translated page in a language without a table (a reader
// of a page in Tigrinya is more likely to read English than Norwegian).
func (p *pageView) UILang() string {
	if p.Lang == p.Site.M.Language {
		return p.Lang
	}
	return p.Site.theme.Text.Speaks(p.Lang, p.Site.M.Language)
}

// ChromeLang marks the header, menu and footer with their language when it
// is not the page's (WCAG 3.1.2, language of parts).
func (p *pageView) ChromeLang() templ.OrderedAttributes {
	if ui := p.UILang(); ui != p.Lang {
		return langAttrs(ui, Direction(ui))
	}
	return nil
}

// LangOf marks a part written in lang when the page is in another.
func (p *pageView) LangOf(lang string) templ.OrderedAttributes {
	if lang != p.Lang {
		return langAttrs(lang, Direction(lang))
	}
	return nil
}

// langAttrs are the lang and dir attributes of a part.
func langAttrs(lang, dir string) templ.OrderedAttributes {
	return templ.OrderedAttributes{templ.KV[string, any]("lang", lang), templ.KV[string, any]("dir", dir)}
}

// PageLang marks a part in the page's language inside the interface (the
// page's title in the breadcrumbs) when the interface is in another.
func (p *pageView) PageLang() templ.OrderedAttributes {
	if p.UILang() != p.Lang {
		return langAttrs(p.Lang, p.Dir)
	}
	return nil
}

// ContentLang marks text from the municipality's files (guide titles in
// the menu) when the interface around it is in another language.
func (p *pageView) ContentLang() templ.OrderedAttributes {
	if p.UILang() != p.Site.M.Language {
		return langAttrs(p.Site.M.Language, "ltr")
	}
	return nil
}

// Current reports whether u is this page, for aria-current in menus.
func (p *pageView) Current(u string) bool {
	return u == p.URL || (u != "/" && strings.HasPrefix(p.URL, u))
}

// anyCurrent reports whether one of items is this page or its section.
func (p *pageView) anyCurrent(items []link) bool {
	for _, it := range items {
		if it, _ = it.For(p.Lang); p.Current(it.URL) {
			return true
		}
	}
	return false
}

// Notice is the notice at the top of the page (notice in
// municipality.toml) and its language: the page's own where the
// municipality has translated it ([notice_translations]).
func (p *pageView) Notice() (text, lang string) {
	if t, ok := p.Site.M.NoticeTranslations[p.Lang]; ok && p.Lang != p.Site.M.Language {
		return t, p.Lang
	}
	return p.Site.M.Notice, p.Site.M.Language
}

// PageLangInChrome marks text in the page's language inside the shared
// parts, when those speak another (a page in Tigrinya has an English
// interface).
func (p *pageView) PageLangInChrome() templ.OrderedAttributes {
	if p.UILang() != p.Lang {
		return langAttrs(p.Lang, Direction(p.Lang))
	}
	return nil
}

// relURL returns target relative to the page at from (both root-relative;
// pages end in "/"), keeping a #fragment. It runs for every link of every
// page, so it walks the paths in place instead of splitting them.
func relURL(from, target string) string {
	if target == "" || target[0] == '#' || strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") || strings.HasPrefix(target, "tel:") {
		return target
	}
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	dir := from
	if !strings.HasSuffix(dir, "/") {
		if dir = path.Dir(dir); dir != "/" {
			dir += "/"
		}
	}
	if target == dir {
		if frag != "" {
			return frag
		}
		return "./"
	}
	// The longest common folder prefix of dir and target (up to a "/").
	common := 0
	for i := 0; i < len(dir) && i < len(target) && dir[i] == target[i]; i++ {
		if dir[i] == '/' {
			common = i + 1
		}
	}
	up := strings.Count(dir[common:], "/")
	rest := target[common:]
	var b strings.Builder
	b.Grow(3*up + len(rest) + len(frag) + 2)
	for range up {
		b.WriteString("../")
	}
	b.WriteString(rest)
	if b.Len() == 0 {
		b.WriteString("./")
	}
	b.WriteString(frag)
	return b.String()
}

// LanguageName returns the name of a language in that language.
func LanguageName(lang string) string { return i18n.Name(lang) }

// Direction returns "rtl" for languages written right to left.
func Direction(lang string) string { return i18n.Direction(lang) }
