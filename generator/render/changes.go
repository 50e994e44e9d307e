package render

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/a-h/templ"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
)

// The change log (/endringer/): the commits that changed the
// municipality's files (model.ChangeLog), newest first and grouped by
// month, each with its date, the pages and documents it changed, linked,
// and its message as the coordinator wrote it. A coordinator's
// pages/endringer.md gives the page its title, summary and a text of its
// own at the top.

// changesView is the page's own part of its pageView.
type changesView struct {
	Intro template.HTML
	// Available is false without a history (built without git); Shallow
	// when the history is a shallow clone's.
	Available bool
	Shallow   bool
	// Period says which months the page shows ("" without a history).
	Period string
	Months []changeMonth
	// Feed is the Atom feed, "" without a history; Notice the change
	// notice to print (PDF), "" without a history or without PDFs.
	Feed, Notice string
}

// changeMonth is the changes of one month.
type changeMonth struct {
	ID      string
	Name    string // "Mars 2026"
	Entries []changeEntry
}

// changeEntry is one commit.
type changeEntry struct {
	ID      string // the anchor: endring-<12 hex digits of the commit>
	Date    string // ISO, the committer's day
	Subject string
	// Named is true when the commit had no message to show and Subject
	// names what it changed, in the interface's words.
	Named bool
	Body  []model.MessageBlock
	Items []changeItemView
	// More are the items beyond the first ones, behind a disclosure.
	More []changeItemView
}

// changeItemView is a page or document a change touched.
type changeItemView struct {
	Title string
	URL   string // "" when there is no page
	// Kind is the interface text that says what it is (Skjema, Side ...);
	// Level is set for a step or a level's introduction, Guide for those
	// in a site of several guides.
	Kind  string
	Level *model.Level
	Guide string
	// Lang is a translation's language, LangName its name.
	Lang     string
	LangName string
	Removed  bool
	// UI is true when Title is interface text (the settings), not the
	// municipality's.
	UI bool
}

// shownItems is how many items of a change are shown before "n more".
const shownItems = 8

// changesPage builds /endringer/.
func (b *builder) changesPage(r *markdown.Renderer) (*pageView, error) {
	p := b.page("changes", model.URLChanges, "")
	p.Title = p.T("changes_title")
	p.Summary = p.T("changes_lead")
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}}
	v := &changesView{}
	if own := b.pageBySlug("endringer"); own != nil {
		p.Title = own.Title
		if own.Summary != "" {
			p.Summary = own.Summary
		}
		html, err := b.html(r, own.Body, nil, p.URL)
		if err != nil {
			return nil, err
		}
		v.Intro = html
		p.Translations, p.Alternates = b.translations(own.URL(), own.Translations, own.TranslationURL, p.URL)
	}
	if log := b.log; log != nil {
		v.Available, v.Shallow = true, b.opts.History.Shallow
		v.Feed = model.URLChangesFeed
		p.Feed = model.URLChangesFeed
		if !log.Newest.IsZero() {
			v.Period = fmt.Sprintf(p.T("changes_period"), date(log.Since.Format("2006-01-02")), date(log.Newest.Format("2006-01-02")))
		}
		v.Months = b.changeMonths(p, log)
		if b.opts.PDF {
			for _, pdf := range b.m.PDFs {
				if pdf.Kind == model.PDFChanges && pdf.Made(b.opts.History) {
					v.Notice = pdf.URL
				}
			}
		}
	}
	p.Changes = v
	return p, nil
}

// changeMonths groups the entries of log by month, newest first.
func (b *builder) changeMonths(p *pageView, log *model.ChangeLog) []changeMonth {
	months := strings.Fields(p.T("month_names"))
	var out []changeMonth
	for _, c := range log.Entries {
		key := c.Time.Format("2006-01")
		if len(out) == 0 || out[len(out)-1].ID != "maned-"+key {
			name := key
			if n := int(c.Time.Month()); len(months) == 12 {
				name = upperFirst(months[n-1]) + " " + c.Time.Format("2006")
			}
			out = append(out, changeMonth{ID: "maned-" + key, Name: name})
		}
		e := changeEntry{ID: changeAnchor(c.Hash), Date: c.Time.Format("2006-01-02")}
		e.Subject, e.Body = model.SplitMessage(c.Message)
		if e.Subject == "" {
			e.Subject, e.Named = c.Name(p.T), true
		}
		for i, it := range c.Items {
			iv := b.changeItem(p, it)
			if i < shownItems || len(c.Items) == shownItems+1 {
				e.Items = append(e.Items, iv)
			} else {
				e.More = append(e.More, iv)
			}
		}
		last := &out[len(out)-1]
		last.Entries = append(last.Entries, e)
	}
	return out
}

// changeItem is what the page says of one item of a change.
func (b *builder) changeItem(p *pageView, it model.ChangeItem) changeItemView {
	v := changeItemView{Title: it.Title, URL: it.URL, Lang: it.Lang}
	if it.Lang != "" {
		v.LangName = LanguageName(it.Lang)
	}
	switch it.Kind {
	case model.ChangedStep:
		v.Level, v.Kind = b.m.Levels[it.Level], p.T("step")
		if len(b.m.Guides) > 1 && it.Guide != nil {
			v.Guide = it.Guide.ShortTitle
		}
	case model.ChangedLevel:
		// The title names the level ("Nivå 1: Tiltak i egen tjeneste").
		if len(b.m.Guides) > 1 && it.Guide != nil {
			v.Guide = it.Guide.ShortTitle
		}
	case model.ChangedGuide:
		if v.Kind = p.T("kind_guide"); v.Kind == v.Title {
			v.Kind = "" // a guide called "Handlingsveileder"
		}
	case model.ChangedTool:
		v.Kind = p.T("kind_" + b.m.ToolKind(it.URL))
	case model.ChangedPage:
		v.Kind = p.T("kind_page")
	case model.ChangedFile:
		v.Kind = p.T("kind_file")
	case model.ChangedSettings:
		v.Title, v.UI = p.T("changes_settings"), true
	case model.ChangedLevels:
		v.Title, v.UI = p.T("changes_levels"), true
	case model.ChangedRemoved:
		v.Removed = true
	}
	return v
}

// changeAnchor is the anchor of a change on the page and in the feed.
func changeAnchor(hash string) string {
	if len(hash) > 12 {
		hash = hash[:12]
	}
	return "endring-" + hash
}

// itemKind says what an item is beside its level's badge: "Trinn",
// "Skjema, Barnehage", "Side, English".
func itemKind(v changeItemView) string {
	var parts []string
	for _, s := range []string{v.Kind, v.Guide, v.LangName} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// itemNote is what follows an item's title: its kind, or that it was
// removed.
func (p *pageView) itemNote(v changeItemView) string {
	if v.Removed {
		return "(" + p.L["changes_removed"] + ")"
	}
	return itemKind(v)
}

// itemLang marks an item's title with its language: a translation's, or
// the municipality's when the interface is in another.
func (p *pageView) itemLang(v changeItemView) templ.OrderedAttributes {
	switch {
	case v.Lang != "":
		return p.LangOf(v.Lang)
	case v.UI:
		return nil
	}
	return p.ContentLang()
}

// upperFirst gives s a capital first letter ("mars" -> "Mars").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
