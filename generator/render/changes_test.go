package render_test

import (
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
	"github.com/bti-handbook/bti/generator/scaffold"
)

// newMunicipality is a `bti new` municipality ("test", at the root of its
// host) with the extra files, rendered with the history.
func newMunicipality(t *testing.T, style, lang string, extra map[string]string, h *model.History) output.Tree {
	t.Helper()
	return newMunicipalityWith(t, style, lang, extra, render.Options{History: h})
}

// newMunicipalityWith is newMunicipality rendered with opts.
func newMunicipalityWith(t *testing.T, style, lang string, extra map[string]string, opts render.Options) output.Tree {
	t.Helper()
	files, err := scaffold.Files(scaffold.Options{Slug: "test", Style: style, Name: "Test kommune", Language: lang})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	for p, text := range extra {
		if strings.HasSuffix(p, "municipality.toml") {
			text = string(files[p]) + text
		}
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	ov := content.Overlay(fsys)
	site, l := pipeline.Load(ov, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(ov, site, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

const (
	step0 = "municipalities/test/guides/barnehage/niva-0/01-undring-og-bekymring.md"
	step1 = "municipalities/test/guides/barnehage/niva-1/01-tiltak-i-egen-tjeneste.md"
	form  = "municipalities/test/toolbox/eget-skjema.md"
	page  = "municipalities/test/pages/kontakt.md"
)

// ownForm is a form of the municipality's own.
var ownForm = map[string]string{form: "+++\ntitle = \"Eget skjema\"\nkind = \"form\"\n+++\n\nNavn: ___\n"}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// threeCommits changed a step on 2026-03-10, the form on 2026-02-25 and
// the contact page and a level-0 step on 2026-01-20; the newest commit of
// the history, 2026-03-12, changed only the national content.
func threeCommits() *model.History {
	return &model.History{Commits: []model.Commit{
		{Hash: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Time: at("2026-03-12T09:00:00+01:00"), Message: "Nasjonalt",
			Files: []model.FileChange{{Path: "content/pages/om-bti.md"}}},
		{Hash: "3333333333333333333333333333333333333333", Time: at("2026-03-10T14:30:00+01:00"),
			Message: "Ny frist for tiltaksplanen\n\nFristen er nå to uker, ikke fire.\n\n- gjelder barnehagen\n- gjelder fra 1. april\n\nSigned-off-by: Kari <kari@example.no>",
			Files:   []model.FileChange{{Path: step1}}},
		{Hash: "2222222222222222222222222222222222222222", Time: at("2026-02-25T10:00:00+01:00"), Message: "Skjemaet har fått et felt for navn",
			Files: []model.FileChange{{Path: form}}},
		{Hash: "1111111111111111111111111111111111111111", Time: at("2026-01-20T08:00:00+01:00"), Message: "Nytt telefonnummer <script>",
			Files: []model.FileChange{{Path: page}, {Path: step0}, {Path: "municipalities/test/README.md"}}},
	}}
}

// resolve turns an href on the page at from (root-relative) into a
// root-relative URL.
func resolve(t *testing.T, from, href string) string {
	t.Helper()
	base, _ := url.Parse("https://x" + from)
	u, err := base.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path + func() string {
		if u.Fragment != "" {
			return "#" + u.Fragment
		}
		return ""
	}()
}

var entryRe = regexp.MustCompile(`(?s)<li class="change" id="(endring-[0-9a-f]+)">(.*?)</li>\s*(?:</ol>|<li class="change")`)

// TestChangesPage is the acceptance test of /endringer/ on the render
// side: three commits on different days are listed newest first under
// their months, with their dates, their messages (trailers left out,
// escaped) and links to the pages they changed; the commit of the
// national content is not listed; the page links its Atom feed.
func TestChangesPage(t *testing.T) {
	tree := newMunicipality(t, "lillestrom", "nb", ownForm, threeCommits())
	html := string(tree["endringer/index.html"])
	if html == "" {
		t.Fatal("no endringer/index.html")
	}
	if !strings.Contains(html, `<link rel="alternate" type="application/atom+xml" href="atom.xml"`) {
		t.Error("the page does not link its feed in its head")
	}
	entries := entryRe.FindAllStringSubmatch(html, -1)
	if len(entries) != 3 {
		t.Fatalf("%d entries, want 3:\n%s", len(entries), html)
	}
	want := []struct {
		id, date, shown, subject string
		links                    []string
	}{
		{"endring-333333333333", "2026-03-10", "10.03.2026", "Ny frist for tiltaksplanen", []string{"/barnehage/niva-1/tiltak-i-egen-tjeneste/"}},
		{"endring-222222222222", "2026-02-25", "25.02.2026", "Skjemaet har fått et felt for navn", []string{"/verktoykasse/eget-skjema/"}},
		{"endring-111111111111", "2026-01-20", "20.01.2026", "Nytt telefonnummer &lt;script&gt;", []string{"/kontakt/", "/barnehage/niva-0/undring-og-bekymring/"}},
	}
	hrefRe := regexp.MustCompile(`href="([^"]+)"`)
	for i, w := range want {
		id, body := entries[i][1], entries[i][2]
		if id != w.id {
			t.Errorf("entry %d is %s, want %s", i, id, w.id)
		}
		if !strings.Contains(body, `<time datetime="`+w.date+`">`+w.shown+`</time>`) {
			t.Errorf("%s: no date %s", id, w.shown)
		}
		if !strings.Contains(body, ">"+w.subject+"</h3>") {
			t.Errorf("%s: no subject %q in %s", id, w.subject, body)
		}
		var links []string
		for _, m := range hrefRe.FindAllStringSubmatch(body, -1) {
			links = append(links, resolve(t, "/endringer/", m[1]))
		}
		if strings.Join(links, " ") != strings.Join(w.links, " ") {
			t.Errorf("%s links %v, want %v", id, links, w.links)
		}
	}
	if body := entries[0][2]; !strings.Contains(body, "<p class=\"change__message\">Fristen er nå to uker, ikke fire.</p>") ||
		!strings.Contains(body, "<li>gjelder fra 1. april</li>") || strings.Contains(body, "Signed-off-by") {
		t.Errorf("the message is not shown as written (paragraph, list, no trailer):\n%s", body)
	}
	for _, month := range []string{`id="maned-2026-03">Mars 2026</h2>`, `id="maned-2026-02">Februar 2026</h2>`, `id="maned-2026-01">Januar 2026</h2>`} {
		if !strings.Contains(html, month) {
			t.Errorf("no month heading %s", month)
		}
	}
	if i, j := strings.Index(html, "maned-2026-03"), strings.Index(html, "maned-2026-01"); i > j {
		t.Error("the months are not newest first")
	}
	if strings.Contains(html, "Nasjonalt") || strings.Contains(html, "README") {
		t.Error("a change outside the municipality's files is listed")
	}
	if !strings.Contains(html, "Endringer fra 12.03.2025 til 12.03.2026.") {
		t.Error("the period does not count back 12 months from the newest commit")
	}
	// Nynorsk.
	nn := string(newMunicipality(t, "vardo", "nn", nil, threeCommits())["endringer/index.html"])
	if !strings.Contains(nn, "<h1>Endringar</h1>") || !strings.Contains(nn, ">Mars 2026</h2>") {
		t.Error("the nynorsk page is not in nynorsk")
	}
}

// TestChangesMonths: [changes] months = 1 shows the month before the
// newest commit (2026-03-12) only: from 2026-02-12.
func TestChangesMonths(t *testing.T) {
	extra := map[string]string{"municipalities/test/municipality.toml": "\n[changes]\nmonths = 1\n", form: ownForm[form]}
	html := string(newMunicipality(t, "lillestrom", "nb", extra, threeCommits())["endringer/index.html"])
	if n := len(entryRe.FindAllString(html, -1)); n != 2 || strings.Contains(html, "endring-111111111111") {
		t.Errorf("months = 1: %d entries, want those of 2026-03-10 and 2026-02-25", n)
	}
	if !strings.Contains(html, "Endringer fra 12.02.2026 til 12.03.2026.") {
		t.Error("the period is not one month")
	}
}

// TestChangedMarks: the mark is on the step and the form changed in the
// 30 days before the newest commit (2026-03-12: from 2026-02-10), on the
// level page and in the toolbox, and nowhere else.
func TestChangedMarks(t *testing.T) {
	tree := newMunicipality(t, "lillestrom", "nb", ownForm, threeCommits())
	mark := `<span class="changed-mark">Endret</span>`
	count := func(p string) int { return strings.Count(string(tree[p]), mark) }
	for p, want := range map[string]int{
		"barnehage/niva-1/index.html":    2, // the step, and the legend
		"barnehage/niva-0/index.html":    0, // changed 2026-01-20
		"verktoykasse/index.html":        2, // the form, and the legend
		"verktoykasse/niva-0/index.html": 0,
		"index.html":                     0,
		"kontakt/index.html":             0,
	} {
		if got := count(p); got != want {
			t.Errorf("%s: %d marks, want %d", p, got, want)
		}
	}
	level := string(tree["barnehage/niva-1/index.html"])
	i := strings.Index(level, `href="tiltak-i-egen-tjeneste/"`)
	if i < 0 || !strings.Contains(level[i:i+300], mark) {
		t.Error("the mark is not on the changed step's card")
	}
	toolbox := string(tree["verktoykasse/index.html"])
	i = strings.Index(toolbox, `href="eget-skjema/"`)
	if i < 0 || !strings.Contains(toolbox[i:i+200], mark) {
		t.Error("the mark is not on the changed form")
	}
	// Without a history: no marks at all.
	plain := newMunicipality(t, "lillestrom", "nb", ownForm, nil)
	for p, data := range plain {
		if strings.Contains(string(data), "changed-mark") && !strings.HasPrefix(p, "assets/") {
			t.Errorf("%s has a mark without a history", p)
		}
	}
}

// atom is what the test reads of an Atom feed.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
		Type string `xml:"type,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

// parseAtom parses an Atom feed and checks what RFC 4287 requires: the
// feed's id (an absolute IRI), title and updated (RFC 3339), an author,
// a self link; each entry's id (unique), title, updated, and a link or
// content. It returns the feed.
func parseAtom(t *testing.T, data []byte) atom {
	t.Helper()
	var f atom
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("the feed is not XML of the Atom namespace: %v\n%s", err, data)
	}
	abs := func(what, s string) {
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			t.Errorf("%s %q is not an absolute IRI", what, s)
		}
	}
	date := func(what, s string) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("%s %q is not an RFC 3339 date", what, s)
		}
	}
	abs("feed id", f.ID)
	date("feed updated", f.Updated)
	if f.Title == "" || len(f.Author) == 0 || f.Author[0].Name == "" {
		t.Errorf("the feed lacks its title or author: %+v", f)
	}
	self := false
	for _, l := range f.Links {
		self = self || (l.Rel == "self" && l.Type == "application/atom+xml")
		abs("link", l.Href)
	}
	if !self {
		t.Error("the feed has no self link")
	}
	ids := map[string]bool{}
	for _, e := range f.Entries {
		abs("entry id", e.ID)
		date("entry updated", e.Updated)
		if ids[e.ID] {
			t.Errorf("entry id %s twice", e.ID)
		}
		ids[e.ID] = true
		if e.Title == "" || (len(e.Link) == 0 && e.Content.Text == "") {
			t.Errorf("entry %s lacks its title, or both link and content", e.ID)
		}
	}
	return f
}

// TestChangesFeed: the feed is valid Atom with the page's entries, in the
// same order, with absolute links to the pages, dated by the commits.
func TestChangesFeed(t *testing.T) {
	tree := newMunicipality(t, "lillestrom", "nb", ownForm, threeCommits())
	data, ok := tree["endringer/atom.xml"]
	if !ok {
		t.Fatal("no endringer/atom.xml")
	}
	f := parseAtom(t, data)
	if f.Lang != "nb" || f.Updated != "2026-03-12T09:00:00+01:00" {
		t.Errorf("lang %q, updated %q", f.Lang, f.Updated)
	}
	if len(f.Entries) != 3 {
		t.Fatalf("%d entries", len(f.Entries))
	}
	e := f.Entries[0]
	if e.ID != "https://bti.example.no/endringer/#endring-333333333333" || e.Title != "Ny frist for tiltaksplanen" || e.Updated != "2026-03-10T14:30:00+01:00" {
		t.Errorf("first entry %+v", e)
	}
	if e.Content.Type != "html" || !strings.Contains(e.Content.Text, `<a href="https://bti.example.no/barnehage/niva-1/tiltak-i-egen-tjeneste/">`) {
		t.Errorf("the entry's content does not link the step: %q", e.Content.Text)
	}
	if f.Entries[2].Title != "Nytt telefonnummer <script>" {
		t.Errorf("third entry's title %q", f.Entries[2].Title)
	}
	// The same sources give the same bytes.
	if again := newMunicipality(t, "lillestrom", "nb", ownForm, threeCommits())["endringer/atom.xml"]; string(again) != string(data) {
		t.Error("the feed differs between two builds")
	}
}

// TestChangesWithoutHistory: without git the page says there is no
// history, and there is no feed; a shallow clone's page says the history
// is incomplete.
func TestChangesWithoutHistory(t *testing.T) {
	tree := newMunicipality(t, "vardo", "nb", nil, nil)
	html := string(tree["endringer/index.html"])
	if !strings.Contains(html, "Ingen endringshistorikk er tilgjengelig") || strings.Contains(html, "atom+xml") {
		t.Error("without a history the page does not say so, or links a feed")
	}
	if _, ok := tree["endringer/atom.xml"]; ok {
		t.Error("a feed without a history")
	}
	h := threeCommits()
	h.Shallow = true
	shallow := string(newMunicipality(t, "vardo", "nn", nil, h)["endringer/index.html"])
	if !strings.Contains(shallow, "Historikken er ufullstendig") {
		t.Error("a shallow clone's page does not say the history is incomplete")
	}
	empty := string(newMunicipality(t, "vardo", "nb", nil, &model.History{})["endringer/index.html"])
	if !strings.Contains(empty, "Ingen endringer i denne perioden.") {
		t.Error("a history without changes does not say so")
	}
}

// TestChangesManyFiles: a change of many files shows the first ones and
// the rest behind a disclosure; files no longer there (the guides a new
// municipality does not have) are named, not linked.
func TestChangesManyFiles(t *testing.T) {
	h := &model.History{Commits: []model.Commit{{Hash: "4444444444444444444444444444444444444444", Time: at("2026-03-10T14:30:00Z"), Message: "Første versjon"}}}
	for _, lvl := range []string{"0/01-undring-og-bekymring", "1/01-tiltak-i-egen-tjeneste", "2/01-samarbeid-med-en-annen-tjeneste", "3/01-utvidet-samarbeid"} {
		for _, g := range []string{"barnehage", "skole", "helsestasjon"} {
			h.Commits[0].Files = append(h.Commits[0].Files, model.FileChange{Path: "municipalities/test/guides/" + g + "/niva-" + lvl + ".md"})
		}
	}
	h.Commits[0].Files = append(h.Commits[0].Files, model.FileChange{Path: "municipalities/test/municipality.toml"})
	html := string(newMunicipality(t, "lillestrom", "nb", nil, h)["endringer/index.html"])
	i := strings.Index(html, `<details class="change__more">`)
	j := strings.Index(html, `<ul class="change__items"`)
	if i < 0 || j < 0 || j > i || strings.Count(html[j:i], `</li>`) != 8 || !strings.Contains(html[i:], "<summary>Vis 5 til</summary>") {
		t.Errorf("13 items: want 8 shown and 5 behind «Vis 5 til»:\n%s", html)
	}
	if !strings.Contains(html, "Innstillingene: kontakter, tjenester og boksen om akutt fare") {
		t.Error("municipality.toml is not named")
	}
	if !strings.Contains(html, `<span>guides/skole/niva-0/01-undring-og-bekymring.md</span> <span class="change__kind">(fjernet)</span>`) {
		t.Error("a file that is gone is not named as removed")
	}
}

// TestSiteOwnPagesReserved: no guide may be called endringer or
// kom-i-gang, and no alias may take their addresses.
func TestSiteOwnPagesReserved(t *testing.T) {
	files, _ := scaffold.Files(scaffold.Options{Slug: "test", Style: "vardo", Name: "Test kommune"})
	fsys := fstest.MapFS{}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	fsys["municipalities/test/guides/endringer/guide.toml"] = &fstest.MapFile{Data: []byte("title = \"X\"\n")}
	fsys["municipalities/test/pages/om.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Om\"\naliases = [\"/kom-i-gang/\", \"/endringer/atom.xml\"]\n+++\nTekst.\n")}
	_, l := pipeline.Load(content.Overlay(fsys), nil)
	var codes []string
	for _, d := range l.Sorted() {
		codes = append(codes, string(d.Code))
	}
	got := strings.Join(codes, " ")
	if strings.Count(got, "BTI122") != 1 {
		t.Errorf("a guide called endringer is not refused: %s", got)
	}
	if strings.Count(got, "BTI4") < 2 {
		t.Errorf("the aliases of the site's own pages are not refused: %s", got)
	}
}

// TestChangesWithoutMessages: with [changes] messages = false, and for a
// first line GitHub wrote by itself, an entry is titled by what it
// changed, in the interface's words (nynorsk here), on the page and in
// the feed; no commit message shows.
func TestChangesWithoutMessages(t *testing.T) {
	h := threeCommits()
	h.Commits[2].Message = "Update eget-skjema.md"
	for _, hide := range []bool{false, true} {
		extra := map[string]string{form: ownForm[form]}
		if hide {
			extra["municipalities/test/municipality.toml"] = "\n[changes]\nmessages = false\n"
		}
		tree := newMunicipality(t, "lillestrom", "nn", extra, h)
		html := string(tree["endringer/index.html"])
		if strings.Contains(html, "Update eget-skjema.md") {
			t.Error("GitHub's own first line shows on the page")
		}
		if !strings.Contains(html, `<h3 class="change__subject">Endra: Eget skjema</h3>`) {
			t.Errorf("hide=%v: the form's change is not titled by what it changed:\n%s", hide, html)
		}
		shown := strings.Contains(html, "Ny frist for tiltaksplanen")
		if shown == hide {
			t.Errorf("hide=%v: a message written by a person shows: %v", hide, shown)
		}
		if hide && !strings.Contains(html, `Endra: Kontakt og 1 til`) {
			t.Error("a change of two pages is not titled by the first and the count")
		}
		feed := string(tree["endringer/atom.xml"])
		if !strings.Contains(feed, "<title>Endra: Eget skjema</title>") {
			t.Errorf("hide=%v: the feed's entry is not titled by what it changed", hide)
		}
	}
}
