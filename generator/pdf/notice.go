package pdf

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bti-handbook/bti/generator/i18n"
	"github.com/bti-handbook/bti/generator/model"
)

// The change notice (endringer.pdf) for the staff room's board: the
// newest changes of the change log (model.ChangeLog) on one A4 page,
// newest first and by month, each with its date, its message's subject
// and the start of its text, and what it changed (links); what does not
// fit is counted, and the footer's QR code leads to /endringer/, which
// has them all. Its date is the newest change's, from git.

// noticeContent is everything the notice can show, gathered from the
// change log first: the layout reads nothing else, and Job.Key hashes it.
type noticeContent struct {
	Lang, Name, Title string
	PeriodFormat      string // "Endringer fra %s til %s."
	Since, Newest     string // 02.01.2006
	Shallow, Empty    string // the notes for a shallow clone's history and for no changes ("" when not needed)
	Items, More       string // "Gjelder", "%d eldre endringer ..."
	Entries           []noticeEntry
	URL               string // the change log's page
	Time              time.Time
	MetaTitle         string
}

// noticeEntry is one change.
type noticeEntry struct {
	Month   string // "November 2026"
	Day     string // 2006-01-02, for cutting at a day's end
	Date    string // 02.01.2006
	Subject string
	Body    string // the message's text after its subject, on one line
	Items   []noticeItem
}

// noticeItem is what a change touched: its title, what it is, its page.
type noticeItem struct {
	Title, Note, URL string
}

// newNoticeContent gathers the change notice of m from opts.History.
func newNoticeContent(m *model.Municipality, opts Options) noticeContent {
	ws := opts.words(m, m.Language)
	n := noticeContent{
		Lang: m.Language, Name: m.Name, Title: ws.word("notice_title"), PeriodFormat: ws.word("changes_period"),
		Items: ws.word("changes_items"), More: ws.word("notice_more"), URL: pageURL(m, model.URLChanges),
		MetaTitle: ws.word("notice_title") + " – " + m.Name,
	}
	log := m.ChangeLog(opts.History)
	if log == nil {
		return n
	}
	if opts.History.Shallow {
		n.Shallow = ws.word("changes_shallow")
	}
	if !log.Newest.IsZero() {
		n.Since, n.Newest = log.Since.Format("02.01.2006"), log.Newest.Format("02.01.2006")
	}
	if len(log.Entries) == 0 {
		n.Empty = ws.word("changes_empty")
		n.Time = day(log.Newest)
	} else {
		n.Time = day(log.Entries[0].Time)
	}
	months := strings.Fields(ws.word("month_names"))
	for _, c := range log.Entries {
		e := noticeEntry{Month: c.Time.Format("2006-01"), Day: c.Time.Format("2006-01-02"), Date: c.Time.Format("02.01.2006")}
		if len(months) == 12 {
			e.Month = upperFirst(months[c.Time.Month()-1]) + " " + c.Time.Format("2006")
		}
		subject, body := model.SplitMessage(c.Message)
		e.Subject = subject
		if e.Subject == "" {
			e.Subject = c.Name(ws.word)
		}
		var text []string
		for _, b := range body {
			if b.Items != nil {
				text = append(text, b.Items...)
			} else {
				text = append(text, b.Text)
			}
		}
		e.Body = strings.Join(text, " ")
		for _, it := range c.Items {
			e.Items = append(e.Items, noticeItemOf(m, ws, it))
		}
		n.Entries = append(n.Entries, e)
	}
	return n
}

// noticeItemOf says what an item of a change is, as the change log does:
// "Tiltaksplan (skjema)", "Undring og bekymring (trinn, Nivå 0, Barnehage)".
func noticeItemOf(m *model.Municipality, ws labels, it model.ChangeItem) noticeItem {
	v := noticeItem{Title: it.Title}
	if it.URL != "" {
		v.URL = pageURL(m, it.URL)
	}
	var note []string
	switch it.Kind {
	case model.ChangedStep:
		note = append(note, strings.ToLower(ws.word("step")))
		if lv := m.Levels[it.Level]; lv != nil {
			note = append(note, lv.Name)
		}
	case model.ChangedGuide:
		if k := ws.word("kind_guide"); k != it.Title {
			note = append(note, strings.ToLower(k))
		}
	case model.ChangedTool:
		note = append(note, strings.ToLower(ws.word("kind_"+m.ToolKind(it.URL))))
	case model.ChangedPage:
		note = append(note, strings.ToLower(ws.word("kind_page")))
	case model.ChangedFile:
		note = append(note, strings.ToLower(ws.word("kind_file")))
	case model.ChangedSettings:
		v.Title = ws.word("changes_settings")
	case model.ChangedLevels:
		v.Title = ws.word("changes_levels")
	case model.ChangedRemoved:
		note = append(note, ws.word("changes_removed"))
	}
	if (it.Kind == model.ChangedStep || it.Kind == model.ChangedLevel) && it.Guide != nil && len(m.Guides) > 1 {
		note = append(note, it.Guide.ShortTitle)
	}
	if it.Lang != "" {
		note = append(note, i18n.Name(it.Lang))
	}
	v.Note = strings.Join(note, ", ")
	return v
}

// day is t's date at midnight UTC, as the PDFs' metadata dates are.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// upperFirst gives s a capital first letter ("mars" -> "Mars").
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// The notice's text (points) and its date column (millimetres).
const (
	noticeDateW   = 25.0
	noticeSubject = 12.0
	noticeBody    = 10.5
	noticeItems   = 9.5
)

// ChangeNotice makes the change notice of m from opts.History: one A4
// page (nil History: see model.PDF.Made; the notice then says there is
// no history).
func ChangeNotice(m *model.Municipality, opts Options) ([]byte, error) {
	n := newNoticeContent(m, opts)
	c, err := newCanvas()
	if err != nil {
		return nil, err
	}
	ws := opts.words(m, n.Lang)
	w := newWriter(c, n.Lang, n.Name, newFooter(ws, n.Time, n.URL, true))
	w.logo = opts.Logo
	w.page()
	w.text(w.heading(0, 1), bold(n.Title), marginL, contentW, 22, 9.5)
	w.y += 2
	if n.Newest == "" && n.Empty == "" && len(n.Entries) == 0 {
		w.para(plain(ws.word("changes_none_available")), 11, 5.6)
		w.endDocument()
		return c.finish(w.doc, Meta{Title: n.MetaTitle, Subject: "BTI – " + n.Name, Author: n.Name, Lang: n.Lang})
	}

	// As many days of changes as fit on the page, newest first.
	shown := w.noticeFits(n)
	since := n.Since
	if shown < len(n.Entries) {
		since = n.Entries[shown-1].Date
	}
	if n.Newest != "" {
		w.para(plain(fmt.Sprintf(n.PeriodFormat, since, n.Newest)), 11, 5.6)
	}
	if n.Shallow != "" {
		w.c.setColor(80, 80, 80)
		w.para(plain(n.Shallow), 9.5, 4.8)
		w.c.setColor(0, 0, 0)
	}
	if n.Empty != "" {
		w.y += 2
		w.para(plain(n.Empty), 11, 5.6)
	}
	w.y += 3
	var list *elem
	month := ""
	for _, e := range n.Entries[:shown] {
		if e.Month != month {
			month = e.Month
			w.y += 2
			w.text(w.heading(0, 2), bold(e.Month), marginL, contentW, 13, 6.2)
			w.y += 1.5
			list = w.doc.add("L")
			list.attr = listAttr("None")
		}
		w.noticeEntry(list, n, e)
	}
	if rest := len(n.Entries) - shown; rest > 0 {
		w.y += 2
		w.c.setColor(60, 60, 60)
		w.para(plain(fmt.Sprintf(n.More, rest)), 10.5, 5.2)
		w.c.setColor(0, 0, 0)
	}
	w.endDocument()
	return c.finish(w.doc, Meta{Title: n.MetaTitle, Subject: "BTI – " + n.Name, Author: n.Name, Lang: n.Lang, Date: n.Time})
}

// noticeFits is how many of the newest entries fit on the page: whole
// days, and at least one entry.
func (w *writer) noticeFits(n noticeContent) int {
	y := w.y + 5.6 + 3 + 7.2 // the period, the space, the line of what is left out
	if n.Shallow != "" {
		y += 2 * 4.8
	}
	fits, month := 0, ""
	for i, e := range n.Entries {
		if e.Month != month {
			month = e.Month
			y += 2 + 6.2 + 1.5
		}
		y += w.noticeEntryHeight(e)
		if y > bottom {
			break
		}
		if i+1 == len(n.Entries) || n.Entries[i+1].Day != e.Day {
			fits = i + 1 // a day's end
		}
	}
	return max(fits, min(1, len(n.Entries)))
}

// noticeEntryHeight is the height of an entry on the notice.
func (w *writer) noticeEntryHeight(e noticeEntry) float64 {
	width := contentW - noticeDateW
	h := float64(min(len(w.linesOf(bold(e.Subject), width, noticeSubject)), 2)) * noticeSubject * 0.45
	if e.Body != "" {
		h += float64(min(len(w.linesOf(plain(e.Body), width, noticeBody)), 2))*noticeBody*0.45 + 0.5
	}
	if len(e.Items) > 0 {
		h += float64(min(len(w.linesOf(noticeItemSpans("", e.Items), width, noticeItems)), 3))*noticeItems*0.45 + 0.5
	}
	return h + 3.5
}

// noticeItemSpans are the items of a change after label, each a link to
// its page.
func noticeItemSpans(label string, items []noticeItem) []Span {
	spans := []Span{{Text: label + ": ", Bold: true}}
	for i, it := range items {
		if i > 0 {
			spans = append(spans, Span{Text: ", "})
		}
		spans = append(spans, Span{Text: it.Title, Link: it.URL, LinkNo: i + 1})
		if it.URL == "" {
			spans[len(spans)-1].LinkNo = 0
		}
		if it.Note != "" {
			spans = append(spans, Span{Text: " (" + it.Note + ")"})
		}
	}
	return spans
}

// noticeEntry writes a change: its date, its subject, the start of its
// text and what it changed.
func (w *writer) noticeEntry(list *elem, n noticeContent, e noticeEntry) {
	c := w.c
	li := list.add("LI")
	x, width := marginL+noticeDateW, contentW-noticeDateW
	c.tag(li.add("Lbl"))
	c.setFont(true, noticeBody)
	c.setColor(60, 60, 60)
	c.text(marginL, w.y+noticeSubject*0.45*0.75, e.Date+" ")
	body := li.add("LBody")
	c.setColor(0, 0, 0)
	y := w.textAt(body.add("P"), bold(e.Subject), x, w.y, width, noticeSubject, noticeSubject*0.45, 2)
	if e.Body != "" {
		c.setColor(40, 40, 40)
		y = w.textAt(body.add("P"), plain(e.Body), x, y, width, noticeBody, noticeBody*0.45, 2) + 0.5
	}
	if len(e.Items) > 0 {
		c.setColor(70, 70, 70)
		y = w.textAt(body.add("P"), noticeItemSpans(n.Items, e.Items), x, y, width, noticeItems, noticeItems*0.45, 3) + 0.5
	}
	c.setColor(0, 0, 0)
	w.y = y + 3.5
}
