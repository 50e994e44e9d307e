package load

import (
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/mail"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/safefile"
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
		r.badName(diag.Pos{File: dir}, name, "")
		return nil
	}
	if model.Reserved(name) {
		r.l.Report(diag.Pos{File: dir}, reservedName, "name", name)
		return nil
	}
	if !r.exists(dir + "/municipality.toml") {
		r.l.Report(diag.Pos{File: dir}, noMunicipalityToml, "name", name)
		return nil
	}
	var f municipalityFile
	doc, ok := r.toml(dir+"/municipality.toml", &f)
	if ok {
		r.fillMunicipality(m, &f, doc)
	} else {
		// The mistake in municipality.toml is reported; the rest of the
		// municipality is still read, so that the mistakes in its other
		// files are found in the same run (nothing is built anyway).
		// What the settings would have said is guessed, and the checks
		// that need them are left out (SettingsUnread).
		f = municipalityFile{}
		doc, _ = source.DecodeTOML(dir+"/municipality.toml", nil, 1, &f, r.l)
		m.SettingsUnread = true
		m.Name, m.ShortName, m.Style = name, name, model.StyleLillestrom
		m.Language = r.sniff(dir+"/municipality.toml", languageLine, "nb")
		m.Style = r.sniff(dir+"/municipality.toml", styleLine, model.StyleLillestrom)
	}
	r.checkTopLevel(dir)
	levels, pages, tools := forLanguage(nat, m.Language)
	// Each municipality gets its own copies of the national documents:
	// check fills in which of its steps use them. Their parsed text
	// stays shared and is never changed.
	pages = copies(pages, func(p *model.Page) { p.Translations = copies(p.Translations, nil) })
	tools = copies(tools, func(t *model.Tool) {
		t.Translations = copies(t.Translations, nil)
		t.Languages = slices.Clip(t.Languages)
	})
	m.Levels = levels
	if p := dir + "/levels.toml"; r.exists(p) {
		over, _ := r.loadLevels(p, false)
		m.Levels = mergeLevels(levels, over)
	}
	m.Guides = r.loadGuides(dir, f.Guides, doc, m)
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
	m.Existing, m.Unsafe, m.ImageSizes = r.indexFiles(dir)
	for p, f := range nat.Unsafe {
		m.Unsafe[p] = f
	}
	if m.Logo != "" && !m.Existing[path.Join(dir, m.Logo)] {
		r.l.Report(doc.ValuePos("logo", f.Logo), logoMissing, "value", f.Logo, "dir", dir)
		m.Logo = ""
	}
	return m
}

var (
	languageLine = regexp.MustCompile(`(?m)^\s*language\s*=\s*["']?(nb|nn)\b`)
	styleLine    = regexp.MustCompile(`(?m)^\s*style\s*=\s*["']?(lillestrom|vardo)\b`)
)

// sniff finds a setting in a file that is not valid TOML, or returns def.
func (r *reader) sniff(name string, re *regexp.Regexp, def string) string {
	data, err := fs.ReadFile(r.fsys, name)
	if err != nil {
		return def
	}
	if m := re.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return def
}

// copies returns shallow copies of the items, each passed to clip (when
// not nil) to copy what it holds in turn, so that what check fills in for
// a municipality (the steps that use a national document, its PDF) and a
// municipality's own translation of it never write into the national
// original that every municipality shares. (Their parsed text stays
// shared and is never changed.)
func copies[T any](items []*T, clip func(*T)) []*T {
	out := make([]*T, len(items))
	for i, it := range items {
		c := *it
		if clip != nil {
			clip(&c)
		}
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
	m.Name, m.ShortName, m.Style, m.Language = f.Name, cmp.Or(f.ShortName, f.Name), f.Style, f.Language
	m.BaseURLPos = doc.ValuePos("base_url", f.BaseURL)
	m.BaseURL, m.BrandColor, m.Logo, m.LogoPos = f.BaseURL, f.BrandColor, f.Logo, doc.ValuePos("logo", f.Logo)
	m.AccessibilityStatement, m.Notice = f.AccessibilityStatement, f.Notice
	m.NoticeTranslations = r.noticeTranslations(f.NoticeTranslations, f.Language, doc)
	m.Labels = model.Labels(f.Labels)
	missing := func(key string, example any) {
		r.l.Report(doc.Pos(key), missingKey, "key", key, "example", example, "file", "municipality.toml")
	}
	if f.Name == "" {
		missing("name", diag.Phrase("example.name"))
	}
	switch {
	case f.Style == "":
		missing("style", `"lillestrom"`)
	case !slices.Contains(styles, f.Style):
		r.l.Add(diag.At(doc.ValuePos("style", f.Style), unknownStyle, "value", f.Style).Suggest(f.Style, styles))
	}
	switch {
	case f.Language == "":
		missing("language", `"nb"`)
		m.Language = "nb"
	case !slices.Contains(languages, f.Language):
		r.l.Report(doc.ValuePos("language", f.Language), unknownLanguage, "value", f.Language)
		m.Language = "nb"
	}
	switch {
	case f.BaseURL == "":
		missing("base_url", `"https://bti.example.no/"`)
	case !isWebURL(f.BaseURL):
		r.l.Add(diag.At(doc.ValuePos("base_url", f.BaseURL), notWebAddress, "value", f.BaseURL).WithHint("base"))
	case !strings.HasSuffix(f.BaseURL, "/"):
		r.l.Report(doc.ValuePos("base_url", f.BaseURL), baseURLSlash, "value", f.BaseURL)
	}
	if f.BrandColor != "" && !hexColor.MatchString(f.BrandColor) {
		r.l.Report(doc.ValuePos("brand_color", f.BrandColor), notHexColour, "value", f.BrandColor)
	}
	if f.Logo != "" && (path.IsAbs(f.Logo) || strings.Contains(f.Logo, "..") || strings.Contains(f.Logo, `\`)) {
		r.l.Report(doc.ValuePos("logo", f.Logo), logoOutside, "value", f.Logo)
		m.Logo = ""
	}
	switch {
	case f.AccessibilityStatement == "":
		r.l.Report(doc.Pos(""), noAccessibility)
	case !isWebURL(f.AccessibilityStatement):
		r.l.Report(doc.ValuePos("accessibility_statement", f.AccessibilityStatement), notWebAddress, "value", f.AccessibilityStatement)
	}
	if f.Emergency != nil {
		if strings.TrimSpace(f.Emergency.Text) == "" {
			r.l.Report(doc.Pos("emergency"), emergencyNoText)
		} else {
			m.Emergency = &model.Emergency{Pos: doc.Pos("emergency"), Title: f.Emergency.Title,
				Text: markdown.ParseInline(doc.Pos("emergency.text"), f.Emergency.Text, r.l)}
			m.Emergency.Translations = r.emergencyTranslations(f.Emergency.Translations, m.Language, doc)
		}
	}
	r.fillServices(m, f.Services, doc)
	r.fillKlarsprak(m, f.Klarsprak, doc)
	r.fillChanges(m, f.Changes, doc)
	for i, c := range f.Contacts {
		key := fmt.Sprintf("contacts[%d]", i)
		if c.Name == "" {
			r.l.Report(doc.Pos(key), contactNoName)
		}
		r.checkEmail(doc, key+".email", c.Email)
		r.checkPhone(doc, key+".phone", c.Phone)
		m.Contacts = append(m.Contacts, &model.Contact{Pos: doc.Pos(key), Name: c.Name, Role: c.Role, Phone: c.Phone, Email: c.Email})
	}
}

func (r *reader) fillServices(m *model.Municipality, entries []serviceEntry, doc *source.Doc) {
	seen := map[string]bool{}
	for i, s := range entries {
		key := fmt.Sprintf("services[%d]", i)
		switch {
		case s.ID == "":
			r.l.Report(doc.Pos(key), serviceNoID)
			continue
		case !slug.Valid(s.ID):
			r.badName(doc.ValuePos(key+".id", s.ID), s.ID, "")
			continue
		case seen[s.ID]:
			r.l.Report(doc.ValuePos(key+".id", s.ID), serviceTwice, "value", s.ID)
			continue
		}
		seen[s.ID] = true
		if s.Name == "" {
			r.l.Report(doc.Pos(key), serviceNoName, "id", s.ID)
		}
		switch {
		case s.Kind == "":
			r.l.Report(doc.Pos(key), serviceNoKind, "id", s.ID)
		case !slices.Contains(serviceKinds, s.Kind):
			r.l.Add(diag.At(doc.ValuePos(key+".kind", s.Kind), unknownServiceKind, "value", s.Kind).Suggest(s.Kind, serviceKinds))
		}
		if s.URL != "" && !isWebURL(s.URL) {
			r.l.Report(doc.ValuePos(key+".url", s.URL), notWebAddress, "value", s.URL)
		}
		r.checkEmail(doc, key+".email", s.Email)
		r.checkPhone(doc, key+".phone", s.Phone)
		m.Services = append(m.Services, &model.Service{Pos: doc.Pos(key), ID: s.ID, Name: s.Name, Kind: s.Kind,
			Description: s.Description, Phone: s.Phone, Email: s.Email, URL: s.URL, Address: s.Address})
	}
}

// checkPhone reports a phone number that is not digits and spaces with
// an optional + first: it becomes a tel: link on the pages.
func (r *reader) checkPhone(doc *source.Doc, key, phone string) {
	if phone != "" && !model.ValidPhone(phone) {
		r.l.Report(doc.ValuePos(key, phone), notPhone, "value", phone)
	}
}

func (r *reader) checkEmail(doc *source.Doc, key, email string) {
	if email == "" {
		return
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		r.l.Report(doc.ValuePos(key, email), notEmail, "value", email)
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
		r.l.Add(diag.At(diag.Pos{File: dir + "/" + name}, notUsed, "name", name).Suggest(name, known))
	}
}

// indexFiles lists every regular file below dir, and what was found in
// each SVG among them that could run code (see package safefile).
func (r *reader) indexFiles(dir string) (files map[string]bool, unsafe map[string]safefile.Finding, sizes map[string]int64) {
	files, unsafe, sizes = map[string]bool{}, map[string]safefile.Finding{}, map[string]int64{}
	_ = fs.WalkDir(r.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		files[p] = true
		if safefile.Image(p) {
			if info, err := d.Info(); err == nil {
				sizes[p] = info.Size()
			}
		}
		if safefile.Sniffed(p) {
			if f, ok := safefile.Sniff(p, head(r.fsys, p)); !ok {
				unsafe[p] = f
			}
		}
		if safefile.IsSVG(p) {
			data, err := fs.ReadFile(r.fsys, p)
			if err != nil {
				unsafe[p] = safefile.Finding{Kind: safefile.NotXML, Detail: err.Error()}
			} else if f, ok := safefile.ScanSVG(data); !ok {
				unsafe[p] = f
			}
		}
		return nil
	})
	return files, unsafe, sizes
}

// badName reports a file or folder name that cannot be part of an
// address, suggesting one that can; ext is added to the suggestion (".md").
func (r *reader) badName(pos diag.Pos, name, ext string) {
	d := diag.At(pos, badName, "name", name+ext)
	if s := slug.Suggest(name); s != "" {
		d = d.WithHint("rename", "suggestion", s+ext)
	}
	r.l.Add(d)
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
			r.l.Report(doc.Pos(key), emergencyNoLang)
			continue
		case !validLang(e.Lang):
			r.l.Report(doc.ValuePos(key+".lang", e.Lang), emergencyBadLang, "lang", e.Lang)
			continue
		case e.Lang == lang:
			r.l.Report(doc.ValuePos(key+".lang", e.Lang), emergencyOwnLang, "lang", e.Lang)
			continue
		case seen[e.Lang]:
			r.l.Report(doc.ValuePos(key+".lang", e.Lang), emergencyTwice, "lang", e.Lang)
			continue
		}
		seen[e.Lang] = true
		if strings.TrimSpace(e.Title) == "" {
			r.l.Add(diag.At(doc.Pos(key), missingKey, "key", "title", "example", `"..."`, "file", "[[emergency.translations]]"))
		}
		if strings.TrimSpace(e.Text) == "" {
			r.l.Add(diag.At(doc.Pos(key), missingKey, "key", "text", "example", `"... [112](tel:112) ..."`, "file", "[[emergency.translations]]"))
			continue
		}
		out = append(out, &model.EmergencyText{Pos: doc.Pos(key), Lang: e.Lang, Title: e.Title,
			Text: markdown.ParseInline(doc.Pos(key+".text"), e.Text, r.l)})
	}
	return out
}

// noticeTranslations checks [notice_translations]: each key a language
// code other than the municipality's own; empty texts are left out.
func (r *reader) noticeTranslations(texts map[string]string, lang string, doc *source.Doc) map[string]string {
	var out map[string]string
	for _, code := range slices.Sorted(maps.Keys(texts)) {
		key := "notice_translations." + code
		switch text := strings.TrimSpace(texts[code]); {
		case topLevelKey(code):
			r.l.Report(doc.Pos(key), settingInTable, "key", code, "table", "[notice_translations]")
		case !validLang(code):
			r.l.Report(doc.Pos(key), emergencyBadLang, "lang", code)
		case code == lang:
			r.l.Report(doc.Pos(key), noticeOwnLang, "lang", code)
		case text != "":
			if out == nil {
				out = map[string]string{}
			}
			out[code] = text
		}
	}
	return out
}

// topLevelKey reports whether key is one of municipality.toml's settings
// above its tables (name, logo, notice...): written below a table, it
// belongs to that table instead.
func topLevelKey(key string) bool {
	t := reflect.TypeFor[municipalityFile]()
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("toml"), ","); tag == key && f.Type.Kind() == reflect.String {
			return true
		}
	}
	return false
}

// head is the first 512 bytes of the file at p (fewer when it is
// shorter or cannot be read).
func head(fsys fs.FS, p string) []byte {
	f, err := fsys.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
}
