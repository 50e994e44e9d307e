package load

import (
	"fmt"
	"io/fs"
	"net/mail"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/slug"
	"github.com/bti-handbook/bti/generator/source"
)

// MunicipalitiesDir is the folder of the municipalities.
const MunicipalitiesDir = "municipalities"

var (
	styles       = []string{model.StyleLillestrom, model.StyleVardo}
	languages    = []string{"nb", "nn"}
	serviceKinds = []string{model.ServiceBasis, model.ServiceHelp, model.ServiceSpecialist}
	topLevel     = map[string]bool{
		"municipality.toml": true, "levels.toml": true, "guides": true, "toolbox": true,
		"pages": true, "assets": true, "README.md": true,
	}
)

// loadMunicipality loads municipalities/<slug>/ and merges in the national
// defaults it does not override.
func (r *reader) loadMunicipality(name string, nat *model.National) *model.Municipality {
	dir := MunicipalitiesDir + "/" + name
	m := &model.Municipality{Slug: name, Dir: dir, Pos: diag.Pos{File: dir + "/municipality.toml", Line: 1, Col: 1}}
	if !slug.Valid(name) {
		hint := "use only a-z, 0-9 and '-' in the folder name"
		if s := slug.Suggest(name); s != "" {
			hint = "rename the folder to " + s
		}
		r.l.Errorf(diag.Pos{File: dir}, hint, "municipality folder %q is not a valid slug", name)
		return nil
	}
	if !r.exists(dir + "/municipality.toml") {
		r.l.Errorf(diag.Pos{File: dir}, "every municipality needs a municipality.toml; bti new "+name+" writes one to start from",
			"the folder has no municipality.toml")
		return nil
	}
	var f municipalityFile
	doc, ok := r.toml(dir+"/municipality.toml", &f)
	if !ok {
		return nil
	}
	r.fillMunicipality(m, &f, doc)
	r.checkTopLevel(dir)
	levels := nat.Levels
	var pages []*model.Page
	var tools []*model.Tool
	levels, pages, tools = forLanguage(nat, m.Language)
	// Each municipality gets its own copies of the national documents:
	// check fills in which of its steps use them. Their parsed text
	// stays shared and is never changed.
	pages = copies(pages, func(p *model.Page) { p.Translations = slices.Clip(p.Translations) })
	tools = copies(tools, func(t *model.Tool) {
		t.Translations = slices.Clip(t.Translations)
		t.Languages = slices.Clip(t.Languages)
	})
	m.Levels = levels
	if p := dir + "/levels.toml"; r.exists(p) {
		over, _ := r.loadLevels(p, false)
		m.Levels = mergeLevels(levels, over)
	}
	m.Guides = r.loadGuides(dir, f.Guides, doc, m.Language)
	never := func(string) bool { return false }
	natTools := map[string]*model.Tool{}
	for _, t := range tools {
		natTools[t.Slug] = t
	}
	natPages := map[string]*model.Page{}
	for _, p := range pages {
		natPages[p.Slug] = p
	}
	ownTools, _ := r.loadToolbox(dir, dir+"/toolbox", false, never, natTools)
	ownPages, _ := r.loadPages(dir+"/pages", false, never, natPages)
	m.Toolbox = override(tools, ownTools, func(t *model.Tool) string { return t.Slug })
	m.Pages = override(pages, ownPages, func(p *model.Page) string { return p.Slug })
	m.Existing = r.indexFiles(dir)
	if m.Logo != "" && !m.Existing[path.Join(dir, m.Logo)] {
		r.l.Errorf(doc.ValuePos("logo", f.Logo), "put the logo in "+dir+"/assets/ and write logo = \"assets/<name>\"", "logo %q does not exist", f.Logo)
		m.Logo = ""
	}
	return m
}

// copies returns shallow copies of the items. Their slices are clipped,
// so that appending to a copy (a municipality's own translation of a
// national document) never writes into the national original.
func copies[T any](items []*T, clip func(*T)) []*T {
	out := make([]*T, len(items))
	for i, it := range items {
		c := *it
		clip(&c)
		out[i] = &c
	}
	return out
}

// override returns base and own merged by slug, own winning, sorted by slug.
func override[T any](base, own []T, key func(T) string) []T {
	bySlug := map[string]T{}
	for _, b := range base {
		bySlug[key(b)] = b
	}
	for _, o := range own {
		bySlug[key(o)] = o
	}
	out := make([]T, 0, len(bySlug))
	for _, v := range bySlug {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return key(out[i]) < key(out[j]) })
	return out
}

// fillMunicipality checks municipality.toml and copies it into m.
func (r *reader) fillMunicipality(m *model.Municipality, f *municipalityFile, doc *source.Doc) {
	m.Pos = doc.Pos("")
	m.Name, m.ShortName, m.Style, m.Language = f.Name, or(f.ShortName, f.Name), f.Style, f.Language
	m.BaseURL, m.BrandColor, m.Logo = f.BaseURL, f.BrandColor, f.Logo
	m.AccessibilityStatement, m.Notice = f.AccessibilityStatement, f.Notice
	m.Labels = model.Labels(f.Labels)
	missing := func(key, example string) {
		r.l.Errorf(doc.Pos(key), "add "+key+" = "+example+" to municipality.toml", "%q is missing", key)
	}
	if f.Name == "" {
		missing("name", `"Eksempel kommune"`)
	}
	switch {
	case f.Style == "":
		missing("style", `"lillestrom" or "vardo"`)
	case !contains(styles, f.Style):
		r.l.Errorf(doc.ValuePos("style", f.Style), diag.DidYouMean(f.Style, styles, `style is "lillestrom" or "vardo"`), "unknown style %q", f.Style)
	}
	switch {
	case f.Language == "":
		missing("language", `"nb" or "nn"`)
		m.Language = "nb"
	case !contains(languages, f.Language):
		r.l.Errorf(doc.ValuePos("language", f.Language), `language is "nb" (bokmål) or "nn" (nynorsk)`, "unknown language %q", f.Language)
		m.Language = "nb"
	}
	switch {
	case f.BaseURL == "":
		missing("base_url", `"https://bti.example.no/"`)
	case !isWebURL(f.BaseURL):
		r.l.Errorf(doc.ValuePos("base_url", f.BaseURL), "write the full address where the site is published, e.g. \"https://bti.kommune.no/\"", "base_url %q is not a web address", f.BaseURL)
	case !strings.HasSuffix(f.BaseURL, "/"):
		r.l.Errorf(doc.ValuePos("base_url", f.BaseURL), "add a / at the end: \""+f.BaseURL+"/\"", "base_url must end with /")
	}
	if f.BrandColor != "" && !hexColor.MatchString(f.BrandColor) {
		r.l.Errorf(doc.ValuePos("brand_color", f.BrandColor), `write the colour as # and six hex digits, e.g. "#005aa0"`, "brand_color %q is not a hex colour", f.BrandColor)
	}
	if f.Logo != "" && (path.IsAbs(f.Logo) || strings.Contains(f.Logo, "..") || strings.Contains(f.Logo, `\`)) {
		r.l.Errorf(doc.ValuePos("logo", f.Logo), "write the path relative to the municipality's folder, e.g. \"assets/logo.svg\"", "logo path %q must stay inside the municipality's folder", f.Logo)
		m.Logo = ""
	}
	switch {
	case f.AccessibilityStatement == "":
		r.l.Warnf(doc.Pos(""), "publish the statement on uustatus.no and add accessibility_statement = \"https://uustatus.no/...\"",
			"no accessibility_statement: every public website in Norway must link to its tilgjengelighetserklæring")
	case !isWebURL(f.AccessibilityStatement):
		r.l.Errorf(doc.ValuePos("accessibility_statement", f.AccessibilityStatement), "write the full address, starting with https://", "accessibility_statement is not a web address")
	}
	if f.Emergency != nil {
		if strings.TrimSpace(f.Emergency.Text) == "" {
			r.l.Errorf(doc.Pos("emergency"), "add text = \"Ved akutt fare: ring 112 ...\" under [emergency]", "the emergency box has no text")
		} else {
			m.Emergency = &model.Emergency{Pos: doc.Pos("emergency"), Title: f.Emergency.Title,
				Text: markdown.ParseInline(doc.Pos("emergency.text"), f.Emergency.Text, r.l)}
			m.Emergency.Translations = r.emergencyTranslations(f.Emergency.Translations, m.Language, doc)
		}
	}
	r.fillServices(m, f.Services, doc)
	for i, c := range f.Contacts {
		key := fmt.Sprintf("contacts[%d]", i)
		if c.Name == "" {
			r.l.Errorf(doc.Pos(key), `add name = "..." to the contact`, "contact without \"name\"")
		}
		r.checkEmail(doc, key+".email", c.Email)
		m.Contacts = append(m.Contacts, &model.Contact{Pos: doc.Pos(key), Name: c.Name, Role: c.Role, Phone: c.Phone, Email: c.Email})
	}
}

func (r *reader) fillServices(m *model.Municipality, entries []serviceEntry, doc *source.Doc) {
	seen := map[string]bool{}
	for i, s := range entries {
		key := fmt.Sprintf("services[%d]", i)
		switch {
		case s.ID == "":
			r.l.Errorf(doc.Pos(key), `add id = "ppt" (a short name that steps use in services = [...])`, "service without \"id\"")
			continue
		case !slug.Valid(s.ID):
			r.l.Errorf(doc.ValuePos(key+".id", s.ID), "use only a-z, 0-9 and '-' in ids", "service id %q is not a valid slug", s.ID)
			continue
		case seen[s.ID]:
			r.l.Errorf(doc.ValuePos(key+".id", s.ID), "give each service its own id", "two services with the id %q", s.ID)
			continue
		}
		seen[s.ID] = true
		if s.Name == "" {
			r.l.Errorf(doc.Pos(key), `add name = "..." to the service`, "service %q has no \"name\"", s.ID)
		}
		switch {
		case s.Kind == "":
			r.l.Errorf(doc.Pos(key), `add kind = "basistjeneste", "hjelpetjeneste" or "spesialisthelsetjeneste"`, "service %q has no \"kind\"", s.ID)
		case !contains(serviceKinds, s.Kind):
			r.l.Errorf(doc.ValuePos(key+".kind", s.Kind), diag.DidYouMean(s.Kind, serviceKinds, `kind is "basistjeneste", "hjelpetjeneste" or "spesialisthelsetjeneste"`), "unknown service kind %q", s.Kind)
		}
		if s.URL != "" && !isWebURL(s.URL) {
			r.l.Errorf(doc.ValuePos(key+".url", s.URL), "write the full address, starting with https://", "url %q is not a web address", s.URL)
		}
		r.checkEmail(doc, key+".email", s.Email)
		m.Services = append(m.Services, &model.Service{Pos: doc.Pos(key), ID: s.ID, Name: s.Name, Kind: s.Kind,
			Description: s.Description, Phone: s.Phone, Email: s.Email, URL: s.URL, Address: s.Address})
	}
}

func (r *reader) checkEmail(doc *source.Doc, key, email string) {
	if email == "" {
		return
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		r.l.Errorf(doc.ValuePos(key, email), "write only the address, e.g. \"ppt@kommune.no\"", "%q is not an e-mail address", email)
	}
}

// checkTopLevel warns about files and folders that the format does not use.
func (r *reader) checkTopLevel(dir string) {
	var known []string
	for k := range topLevel {
		known = append(known, k)
	}
	for _, e := range r.dirEntries(dir) {
		name := e.Name()
		if topLevel[name] || strings.HasPrefix(name, ".") {
			continue
		}
		r.l.Warnf(diag.Pos{File: dir + "/" + name}, diag.DidYouMean(name, known, "the format uses municipality.toml, guides/, toolbox/, pages/ and assets/"),
			"%q is not used", name)
	}
}

// indexFiles lists every regular file below dir.
func (r *reader) indexFiles(dir string) map[string]bool {
	files := map[string]bool{}
	_ = fs.WalkDir(r.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files[p] = true
		}
		return nil
	})
	return files
}

// emergencyTranslations checks the emergency box's translations: each has
// a language other than the municipality's, given once, a title and a
// text.
func (r *reader) emergencyTranslations(entries []emergencyTranslation, lang string, doc *source.Doc) []*model.EmergencyText {
	var out []*model.EmergencyText
	seen := map[string]bool{}
	for i, e := range entries {
		key := fmt.Sprintf("emergency.translations[%d]", i)
		switch {
		case e.Lang == "":
			r.l.Errorf(doc.Pos(key), `add lang = "en" (the language of this text)`, "emergency translation without \"lang\"")
			continue
		case !validLang(e.Lang):
			r.l.Errorf(doc.ValuePos(key+".lang", e.Lang), `write the language as a code of two or three small letters, e.g. "en", "ar", "se"`, "%q is not a language code", e.Lang)
			continue
		case e.Lang == lang:
			r.l.Errorf(doc.ValuePos(key+".lang", e.Lang), "the box in the municipality's own language is title and text under [emergency]", "emergency translation into the municipality's own language %q", e.Lang)
			continue
		case seen[e.Lang]:
			r.l.Errorf(doc.ValuePos(key+".lang", e.Lang), "keep one [[emergency.translations]] per language", "a second emergency translation into %q", e.Lang)
			continue
		}
		seen[e.Lang] = true
		if strings.TrimSpace(e.Title) == "" {
			r.l.Errorf(doc.Pos(key), `add title = "..." (the box's title in this language)`, "emergency translation %q without \"title\"", e.Lang)
		}
		if strings.TrimSpace(e.Text) == "" {
			r.l.Errorf(doc.Pos(key), `add text = "..." (the box's text in this language, with the numbers as [112](tel:112))`, "emergency translation %q without \"text\"", e.Lang)
			continue
		}
		out = append(out, &model.EmergencyText{Pos: doc.Pos(key), Lang: e.Lang, Title: e.Title,
			Text: markdown.ParseInline(doc.Pos(key+".text"), e.Text, r.l)})
	}
	return out
}
