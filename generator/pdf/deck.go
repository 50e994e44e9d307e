package pdf

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bti-handbook/bti/generator/model"
)

// The training deck (opplæring): 16:9 slides for the coordinator's staff
// meeting, made from the municipality's files, and its speaker notes as
// a second PDF (decknotes.go). The slides (slides.go) are: the title,
// what BTI is with the four levels, one per level with its steps (each
// guide's, side by side, when there are several), the stafettholder and
// the stafettlogg, the most used forms with QR codes, how to find the
// handbook, and whom to ask with the emergency text.

// Slide kinds (slide.Kind).
const (
	slideTitle    = "title"
	slideWhat     = "what"
	slideLevel    = "level"
	slideStafett  = "stafett"
	slideForms    = "forms"
	slideFind     = "find"
	slideContacts = "contacts"
)

// deckContent is everything the deck and its notes show, gathered from
// the model first: the layouts read nothing else, and Job.Key hashes it.
type deckContent struct {
	Lang, Name string
	Brand      [3]uint8
	Date       string // "Oppdatert 01.12.2026"; "" when unknown
	Time       time.Time
	QRAlt      string // "QR-kode til"
	Of         string // between a slide's number and their count
	Slide      string // "Lysbilde", before a slide's number in the notes
	Notes      string // the notes' title
	DeckURL    string
	MetaTitle  string
	Slides     []slide
}

// slide is one slide with its speaker notes.
type slide struct {
	Kind  string
	Title string
	// Kicker is a line above the title (the level's name, BTI on the
	// title slide); Lines are the title slide's lines under it.
	Kicker string
	Lines  []string
	Color  [3]uint8
	Text   string // the slide's paragraph
	// Levels are the four levels on the slide about BTI.
	Levels []levelBox
	// Columns are a level's steps, one column a guide.
	Columns []stepColumn
	// Cards are the stafettholder and stafettlogg, or the forms.
	Cards []card
	// Bullets are the ways to find things in the handbook.
	Bullets []string
	// URL is the address a QR code leads to (a level's page, the
	// handbook's front page), Caption what it says under it.
	URL, Caption string
	Contacts     []contact
	Emergency    *emergencyContent
	Notes        []note
}

// levelBox is a level as the slide about BTI shows it.
type levelBox struct {
	Name, Title string
	Color       [3]uint8
}

// stepColumn is a guide's steps on a level's slide.
type stepColumn struct {
	Guide string // the guide's short title; "" when it is the only one
	Steps []posterStep
}

// card is a box on a slide: a title, a text and a QR code of url.
type card struct {
	Title, Text, URL string
}

// contact is a person to ask.
type contact struct {
	Name, Role   string
	Phone, Email string // with their labels: "Telefon: 00 00 00 00"
	Tel, Mail    string // the links
}

// note is a paragraph of the speaker notes, or an item of a list.
type note struct {
	Spans []Span
	Item  bool
}

// deckFiles are the files whose text the deck shows.
func deckFiles(m *model.Municipality, forms []*model.Tool, pages []*model.Page) []string {
	files := []string{m.Pos.File}
	for _, lv := range m.Levels {
		if lv != nil {
			files = append(files, lv.Pos.File)
		}
	}
	for _, g := range m.Guides {
		files = append(files, g.Pos.File)
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				files = append(files, s.File)
			}
		}
	}
	for _, t := range forms {
		files = append(files, t.File)
	}
	for _, p := range pages {
		if p != nil {
			files = append(files, p.File)
		}
	}
	return files
}

// deckForms is how many forms the deck shows.
const deckForms = 4

// newDeckContent gathers the deck of m.
func newDeckContent(m *model.Municipality, opts Options) deckContent {
	ws := opts.words(m, m.Language)
	about, howto := m.PageBySlug(model.SlugAbout), m.PageBySlug(model.SlugHowTo)
	holder, log := m.PageBySlug(model.SlugStafettholder), m.PageBySlug(model.SlugStafettlogg)
	start, changes := m.PageBySlug("kom-i-gang"), m.PageBySlug("endringer")
	forms := m.MostUsedForms()
	if len(forms) > deckForms {
		forms = forms[:deckForms]
	}
	date := opts.lastChange(deckFiles(m, forms, []*model.Page{about, howto, holder, log, start, changes})...)
	d := deckContent{
		Lang: m.Language, Name: m.Name, Brand: hexRGB(m.BrandColor, [3]uint8{0, 87, 107}), Time: date,
		QRAlt: ws.word("pdf_qr"), Of: "/", Slide: ws.word("deck_slide"), Notes: ws.word("deck_notes_title"),
		DeckURL: pageURL(m, model.URLDeck), MetaTitle: ws.word("deck_title") + " – " + m.Name,
	}
	if !date.IsZero() {
		d.Date = ws.word("pdf_updated") + " " + date.Format("02.01.2006")
	}
	home := pageURL(m, model.URLHome)
	item := func(title, text string) note {
		if text == "" {
			return note{Spans: bold(title), Item: true}
		}
		return note{Spans: []Span{{Text: title + ": ", Bold: true}, {Text: text}}, Item: true}
	}
	para := func(s string) note { return note{Spans: plain(s)} }

	// The title.
	title := slide{Kind: slideTitle, Title: ws.word("deck_title"), Kicker: ws.word("pdf_bti"), Color: d.Brand,
		Lines: []string{fmt.Sprintf(ws.word("deck_subtitle"), m.Name)},
		Notes: []note{para(fmt.Sprintf(ws.word("deck_notes_intro"), m.Name))}}
	if len(m.Guides) > 1 {
		var names []string
		for _, g := range m.Guides {
			names = append(names, g.ShortTitle)
		}
		title.Lines = append(title.Lines, strings.Join(names, " · "))
	}
	if d.Date != "" {
		title.Lines = append(title.Lines, d.Date)
	}
	// What BTI is.
	what := slide{Kind: slideWhat, Title: ws.word("start_what"), Text: ws.word("start_what_text"), Color: d.Brand}
	if about != nil && about.Summary != "" {
		what.Text = about.Summary
	}
	what.Notes = append(what.Notes, para(ws.word("deck_notes_what")), para(ws.word("start_guides_text")))
	for _, g := range m.Guides {
		what.Notes = append(what.Notes, item(g.Title, g.Audience))
	}
	what.Notes = append(what.Notes, para(ws.word("start_levels_text")))
	for _, lv := range m.Levels {
		if lv != nil {
			what.Levels = append(what.Levels, levelBox{Name: lv.Name, Title: lv.Title, Color: hexRGB(lv.Color, [3]uint8{80, 80, 80})})
		}
	}
	title.Levels = what.Levels
	d.Slides = append(d.Slides, title, what)

	// A slide per level.
	deadline := cmp.Or(m.Labels.Deadline, ws.word("deadline"))
	for n, lv := range m.Levels {
		if lv == nil {
			continue
		}
		s := slide{Kind: slideLevel, Kicker: lv.Name, Title: lv.Title, Text: lv.Summary, Color: hexRGB(lv.Color, [3]uint8{80, 80, 80})}
		s.Notes = append(s.Notes, para(ws.word("deck_notes_level")))
		for _, g := range m.Guides {
			col := stepColumn{}
			if len(m.Guides) > 1 {
				col.Guide = g.ShortTitle
				s.Notes = append(s.Notes, note{Spans: bold(g.Title)})
			}
			var steps []*model.Step
			if gl := g.Levels[n]; gl != nil {
				steps = gl.Steps
			}
			for _, st := range steps {
				col.Steps = append(col.Steps, posterStep{Number: st.Number, Title: st.Title})
				text := st.Summary
				if st.Deadline != "" {
					text = strings.TrimSpace(text + " " + deadline + ": " + st.Deadline + ".")
				}
				s.Notes = append(s.Notes, item(strconv.Itoa(st.Number)+". "+st.Title, text))
			}
			s.Columns = append(s.Columns, col)
		}
		if len(m.Guides) == 1 {
			s.URL, s.Caption = pageURL(m, m.Guides[0].LevelURL(n)), ws.word("deck_level_qr")
		}
		d.Slides = append(d.Slides, s)
	}

	// The stafettholder and the stafettlogg.
	st := slide{Kind: slideStafett, Title: ws.word("model_stafett"), Color: d.Brand}
	for _, c := range []struct {
		page        *model.Page
		title, text string
	}{{holder, "deck_stafettholder", "deck_stafettholder_text"}, {log, "deck_stafettlogg", "deck_stafettlogg_text"}} {
		k := card{Title: ws.word(c.title), Text: ws.word(c.text)}
		if c.page != nil {
			k.Title, k.URL = c.page.Title, pageURL(m, c.page.URL())
			k.Text = cmp.Or(c.page.Summary, k.Text)
		}
		st.Cards = append(st.Cards, k)
		st.Notes = append(st.Notes, item(k.Title, k.Text))
	}
	st.Notes = append(st.Notes, para(ws.word("deck_notes_stafett")))
	d.Slides = append(d.Slides, st)

	// The most used forms.
	fs := slide{Kind: slideForms, Title: ws.word("most_used_forms"), Color: d.Brand,
		Text: fmt.Sprintf(ws.word("start_forms_text"), len(m.Toolbox)), URL: pageURL(m, model.URLToolbox), Caption: ws.word("toolbox")}
	fs.Notes = append(fs.Notes, para(ws.word("deck_notes_forms")))
	for _, t := range forms {
		fs.Cards = append(fs.Cards, card{Title: t.Title, Text: t.Summary, URL: pageURL(m, t.URL())})
		fs.Notes = append(fs.Notes, item(t.Title, t.Summary))
	}
	if len(forms) == 0 {
		fs.Title = ws.word("start_forms")
		fs.Cards = append(fs.Cards, card{Title: ws.word("toolbox"), URL: pageURL(m, model.URLToolbox)})
	}
	fs.Notes = append(fs.Notes, para(fs.Text))
	d.Slides = append(d.Slides, fs)

	// How to find the handbook.
	startTitle, changesTitle := ws.word("start_title"), ws.word("changes_title")
	if start != nil {
		startTitle = start.Title
	}
	if changes != nil {
		changesTitle = changes.Title
	}
	find := slide{Kind: slideFind, Title: ws.word("deck_find"), Color: d.Brand, URL: home, Caption: shortURL(home),
		Bullets: []string{ws.word("deck_find_steps"), ws.word("deck_find_search"), ws.word("deck_find_toolbox"),
			fmt.Sprintf(ws.word("deck_find_start"), startTitle), fmt.Sprintf(ws.word("deck_find_changes"), changesTitle)}}
	if howto != nil {
		find.Notes = append(find.Notes, item(howto.Title, howto.Summary))
	}
	find.Notes = append(find.Notes, para(ws.word("deck_notes_find")))
	d.Slides = append(d.Slides, find)

	// Whom to ask, and what to do when a child may be in danger.
	em := emergencyOf(m, ws)
	cs := slide{Kind: slideContacts, Title: ws.word("start_contacts"), Color: d.Brand, Emergency: &em}
	if len(m.Contacts) == 0 {
		cs.Text = ws.word("start_contacts_none")
	}
	cs.Notes = append(cs.Notes, para(ws.word("deck_notes_contacts")))
	for _, c := range m.Contacts {
		k := contact{Name: c.Name, Role: c.Role}
		if c.Phone != "" {
			k.Phone, k.Tel = ws.word("phone")+": "+c.Phone, model.TelURL(c.Phone)
		}
		if c.Email != "" {
			k.Email, k.Mail = ws.word("email")+": "+c.Email, "mailto:"+c.Email
		}
		cs.Contacts = append(cs.Contacts, k)
		cs.Notes = append(cs.Notes, item(c.Name, c.Role))
	}
	if cs.Text != "" {
		cs.Notes = append(cs.Notes, para(cs.Text))
	}
	cs.Notes = append(cs.Notes, note{Spans: append([]Span{{Text: em.Title + " ", Bold: true}}, em.Spans...)})
	d.Slides = append(d.Slides, cs)
	return d
}
