package model

import (
	"strings"
	"testing"
	"time"
)

// municipality is a small municipality with one guide of one step per
// level, a form with an attachment and a translation, a page, and a
// national document and page.
func municipality() *Municipality {
	m := &Municipality{Slug: "test", Dir: "municipalities/test", Published: map[string]string{}}
	g := &Guide{ID: "felles", Dir: "municipalities/test/guides/felles", Title: "Handlingsveileder"}
	for n := range 4 {
		m.Levels[n] = &Level{Number: n, Name: "Nivå " + string(rune('0'+n)), Title: "Tittel"}
		dir := g.Dir + "/niva-" + string(rune('0'+n))
		g.Levels[n] = &GuideLevel{Number: n, Dir: dir, Steps: []*Step{{
			File: dir + "/01-trinn.md", Guide: g, Level: n, Number: 1, Slug: "trinn", Title: "Trinn på nivå " + string(rune('0'+n)),
		}}}
	}
	m.Guides = []*Guide{g}
	m.Toolbox = []*Tool{
		{File: "municipalities/test/toolbox/samtykke.md", Slug: "samtykke", Title: "Samtykke", Kind: KindForm,
			Attachment:   "municipalities/test/toolbox/files/samtykke.pdf",
			Translations: []*Translation{{File: "municipalities/test/toolbox/samtykke.en.md", Lang: "en", Title: "Consent"}}},
		{File: "content/toolbox/nasjonal.md", Slug: "nasjonal", Title: "Nasjonal", Kind: KindArticle, National: true},
	}
	m.Pages = []*Page{
		{File: "municipalities/test/pages/kontakt.md", Slug: "kontakt", Title: "Kontakt"},
		{File: "content/pages/om-bti.md", Slug: "om-bti", Title: "Om BTI", National: true},
	}
	m.Published["assets/bilde.png"] = "municipalities/test/assets/bilde.png"
	return m
}

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s+"T12:00:00+01:00")
	if err != nil {
		panic(err)
	}
	return t
}

// TestChangeLog: the commits that changed the municipality's files, newest
// first, each with what it changed (linked); another municipality's files,
// the national content and files the site does not show are left out,
// and a commit with nothing else is dropped; the months count back from
// the newest commit of the whole history; files changed in the 30 days
// before it are recent.
func TestChangeLog(t *testing.T) {
	m := municipality()
	h := &History{Commits: []Commit{
		{Hash: "c5", Time: day("2026-03-20"), Message: "Annen kommune", Files: []FileChange{{Path: "municipalities/annen/pages/x.md"}}},
		{Hash: "c4", Time: day("2026-03-10"), Message: "Nytt trinn og skjema", Files: []FileChange{
			{Path: "municipalities/test/guides/felles/niva-1/01-trinn.md"},
			{Path: "municipalities/test/toolbox/files/samtykke.pdf"},
			{Path: "municipalities/test/toolbox/samtykke.md"}, // the same page as the attachment: once
			{Path: "content/pages/om-bti.md"},
		}},
		{Hash: "c3", Time: day("2026-02-15"), Message: "Kontakt", Files: []FileChange{
			{Path: "municipalities/test/pages/kontakt.md"},
			{Path: "municipalities/test/municipality.toml"},
			{Path: "municipalities/test/toolbox/samtykke.en.md"},
		}},
		{Hash: "c2", Time: day("2026-01-05"), Message: "Bare README", Files: []FileChange{{Path: "municipalities/test/README.md"}}},
		{Hash: "c1", Time: day("2025-01-05"), Message: "For lenge siden", Files: []FileChange{{Path: "municipalities/test/guides/felles/niva-0/01-trinn.md"}}},
	}}
	log := m.ChangeLog(h)
	if got := log.Newest; !got.Equal(day("2026-03-20")) {
		t.Errorf("newest %v, want the other municipality's commit's date", got)
	}
	var got []string
	for _, e := range log.Entries {
		var items []string
		for _, it := range e.Items {
			items = append(items, it.Kind+":"+it.URL+":"+it.Title)
		}
		got = append(got, e.Hash+" "+strings.Join(items, ", "))
	}
	want := []string{
		"c4 step:/felles/niva-1/trinn/:Trinn på nivå 1, tool:/verktoykasse/samtykke/:Samtykke",
		"c3 page:/kontakt/:Kontakt, settings::, tool:/en/verktoykasse/samtykke/:Consent",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 2026-03-20 less 30 days is 2026-02-18: c4 is recent, c3 is not.
	for f, want := range map[string]bool{
		"municipalities/test/guides/felles/niva-1/01-trinn.md": true,
		"municipalities/test/toolbox/files/samtykke.pdf":       true,
		"municipalities/test/pages/kontakt.md":                 false,
		"municipalities/test/guides/felles/niva-0/01-trinn.md": false,
		"content/pages/om-bti.md":                              false,
	} {
		if log.Recently(f) != want {
			t.Errorf("recent %s = %v, want %v", f, !want, want)
		}
	}
	// Twelve months back c1 (2025-01-05) is out and c3 in (above); one
	// month back, from 2026-02-20, c3 is out too.
	m.ChangeMonths = 1
	if log := m.ChangeLog(h); len(log.Entries) != 1 || log.Entries[0].Hash != "c4" {
		t.Errorf("one month: %+v", log.Entries)
	}
	if m.ChangeLog(nil) != nil || (*ChangeLog)(nil).Recently("x") {
		t.Error("no history gives a change log")
	}
}

// TestChangeLogFollowsRenames: a change to a file under its old name is
// the page it is now; a file that is gone is named, not linked; a chain of
// renames back and forth never loops.
func TestChangeLogFollowsRenames(t *testing.T) {
	m := municipality()
	h := &History{Commits: []Commit{
		{Hash: "c3", Time: day("2026-03-10"), Message: "Nytt navn", Files: []FileChange{
			{Path: "municipalities/test/pages/kontakt.md", From: "municipalities/test/pages/kontakt-oss.md"},
			{Path: "municipalities/test/toolbox/gammelt.md", Removed: true},
		}},
		{Hash: "c2", Time: day("2026-03-01"), Message: "Tilbake", Files: []FileChange{
			{Path: "municipalities/test/pages/kontakt-oss.md", From: "municipalities/test/pages/kontakt.md"},
		}},
		{Hash: "c1", Time: day("2026-02-01"), Message: "Rettet", Files: []FileChange{
			{Path: "municipalities/test/pages/kontakt-oss.md"},
			{Path: "municipalities/test/assets/bilde.png"},
		}},
	}}
	log := m.ChangeLog(h)
	if len(log.Entries) != 3 {
		t.Fatalf("%d entries", len(log.Entries))
	}
	if it := log.Entries[0].Items; len(it) != 2 || it[0].URL != "/kontakt/" || it[1].Kind != ChangedRemoved || it[1].URL != "" || it[1].Title != "toolbox/gammelt.md" {
		t.Errorf("c3: %+v", it)
	}
	if it := log.Entries[2].Items; len(it) != 2 || it[0].URL != "/kontakt/" || it[1].Kind != ChangedFile || it[1].URL != "/filer/assets/bilde.png" {
		t.Errorf("c1 (the page by its old name, and an image): %+v", it)
	}
}

// TestChangeLogOrder: entries newest first even when git lists a rebased
// commit out of order; the same time keeps git's order.
func TestChangeLogOrder(t *testing.T) {
	m := municipality()
	f := []FileChange{{Path: "municipalities/test/pages/kontakt.md"}}
	h := &History{Commits: []Commit{
		{Hash: "a", Time: day("2026-03-01"), Files: f},
		{Hash: "b", Time: day("2026-03-05"), Files: f},
		{Hash: "c", Time: day("2026-03-01"), Files: f},
	}}
	var got []string
	for _, e := range m.ChangeLog(h).Entries {
		got = append(got, e.Hash)
	}
	if strings.Join(got, "") != "bac" {
		t.Errorf("order %v", got)
	}
}

// TestChangeMessages: the first line a hosting service writes for a
// coordinator who gave no message is left out (what they wrote below it
// stays); a municipality that hides the messages gets none; a message a
// person wrote is kept as it is.
func TestChangeMessages(t *testing.T) {
	file := []FileChange{{Path: "municipalities/test/pages/kontakt.md"}}
	messages := []string{
		"Update kontakt.md",
		"Update kontakt.md\n\nNytt nummer til helsestasjonen.",
		"Add files via upload",
		"Rename kontakt.md to kontakter.md",
		"Update Pages “kontakt”",
		"Update the phone number of the health centre",
		"Nytt telefonnummer til helsestasjonen",
		"Create",
	}
	want := []string{"", "Nytt nummer til helsestasjonen.", "", "", "", "Update the phone number of the health centre", "Nytt telefonnummer til helsestasjonen", "Create"}
	h := &History{}
	for i, msg := range messages {
		h.Commits = append(h.Commits, Commit{Hash: string(rune('a' + i)), Time: day("2026-03-10").Add(-time.Duration(i) * time.Hour), Message: msg, Files: file})
	}
	m := municipality()
	for i, e := range m.ChangeLog(h).Entries {
		if e.Message != want[i] {
			t.Errorf("%q shows as %q, want %q", messages[i], e.Message, want[i])
		}
	}
	m.HideChangeMessages = true
	log := m.ChangeLog(h)
	if len(log.Entries) != len(messages) {
		t.Fatalf("%d entries with messages hidden, want %d", len(log.Entries), len(messages))
	}
	for _, e := range log.Entries {
		if e.Message != "" {
			t.Errorf("messages hidden, but %q shows", e.Message)
		}
	}
}
