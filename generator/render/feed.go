package render

import (
	"encoding/xml"
	"html"
	"strings"
	"time"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
)

// The change log as an Atom feed (RFC 4287), /endringer/atom.xml, so that
// staff can follow it in a feed reader: an entry per change, with the
// same text and links as the page, absolute from base_url. Its dates are
// the commits', so the same sources give the same bytes.

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Links     []atomLink  `xml:"link"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Link    atomLink    `xml:"link"`
	Content atomContent `xml:"content"`
}

type atomContent struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// changesFeed is the job that writes the feed.
func (b *builder) changesFeed(*markdown.Renderer) (string, []byte, error) {
	p := b.page("changes", model.URLChanges, "")
	base := strings.TrimSuffix(b.m.BaseURL, "/")
	page := base + model.URLChanges
	log := b.log
	f := atomFeed{
		Lang: b.m.Language, ID: page, Title: p.T("changes_title") + " – " + b.m.ShortName + " – BTI",
		Subtitle: p.T("changes_lead"), Updated: atomTime(log.Newest),
		Author: atomPerson{Name: b.m.Name}, Generator: "bti",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + model.URLChangesFeed},
			{Rel: "alternate", Type: "text/html", Href: page},
		},
	}
	if own := b.pageBySlug("endringer"); own != nil {
		f.Title = own.Title + " – " + b.m.ShortName + " – BTI"
	}
	for _, c := range log.Entries {
		subject, body := model.SplitMessage(c.Message)
		if subject == "" {
			subject = c.Name(p.T)
		}
		var h strings.Builder
		for _, blk := range body {
			if blk.Items != nil {
				h.WriteString("<ul>")
				for _, it := range blk.Items {
					h.WriteString("<li>" + html.EscapeString(it) + "</li>")
				}
				h.WriteString("</ul>")
			} else {
				h.WriteString("<p>" + html.EscapeString(blk.Text) + "</p>")
			}
		}
		h.WriteString("<p>" + html.EscapeString(p.T("changes_items")) + ":</p><ul>")
		for _, it := range c.Items {
			v := b.changeItem(p, it)
			h.WriteString("<li>")
			if v.URL != "" {
				h.WriteString(`<a href="` + html.EscapeString(base+v.URL) + `">` + html.EscapeString(v.Title) + "</a>")
			} else {
				h.WriteString(html.EscapeString(v.Title))
			}
			if label := itemLabel(v); label != "" {
				h.WriteString(" (" + html.EscapeString(label) + ")")
			}
			if v.Removed {
				h.WriteString(" – " + html.EscapeString(p.T("changes_removed")))
			}
			h.WriteString("</li>")
		}
		h.WriteString("</ul>")
		anchor := page + "#" + changeAnchor(c.Hash)
		f.Entries = append(f.Entries, atomEntry{
			ID: anchor, Title: subject, Updated: atomTime(c.Time),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: anchor},
			Content: atomContent{Type: "html", Text: h.String()},
		})
	}
	data, err := xml.Marshal(f)
	if err != nil {
		return "", nil, err
	}
	return strings.TrimPrefix(model.URLChangesFeed, "/"), append([]byte(xml.Header), append(data, '\n')...), nil
}

// itemLabel says in words what an item is, for the feed: "Trinn, Nivå 1",
// "Skjema", "Side, English".
func itemLabel(v changeItemView) string {
	var parts []string
	if v.Kind != "" {
		parts = append(parts, v.Kind)
	}
	if v.Guide != "" {
		parts = append(parts, v.Guide)
	}
	if v.Level != nil {
		parts = append(parts, v.Level.Name)
	}
	if v.LangName != "" {
		parts = append(parts, v.LangName)
	}
	return strings.Join(parts, ", ")
}

// atomTime is a time as Atom writes it (RFC 3339); a history without
// commits is dated at the start of the Unix era, never the build's day.
func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0).UTC()
	}
	return t.Format(time.RFC3339)
}
