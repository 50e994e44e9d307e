package model

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
)

// History is the project's git history as cmd/bti reads it (git log,
// without merges, renames followed): plain data, so that no stage runs
// git. A nil *History means there is none (no git, or not a repository).
type History struct {
	// Commits are newest first, as git log lists them.
	Commits []Commit
	// Shallow is true in a shallow clone: the older commits are missing
	// (the commits at its boundary are left out, because git shows them
	// as adding every file).
	Shallow bool
}

// Commit is one commit of the history.
type Commit struct {
	Hash string
	// Time is the committer's date, in the committer's time zone.
	Time time.Time
	// Message is the commit message as written (subject, blank line,
	// body), without trailing blank lines.
	Message string
	Files   []FileChange
}

// FileChange is a file a commit added, changed, renamed or removed, by
// its slash path from the project folder.
type FileChange struct {
	Path string
	// From is the path before, for a file the commit renamed.
	From    string
	Removed bool
}

// Defaults of the change log ([changes] in municipality.toml).
const (
	// DefaultChangeMonths is how many months back /endringer/ goes.
	DefaultChangeMonths = 12
	// RecentDays is how many days, counted back from the newest commit of
	// the history (not the day of the build, so that the same sources
	// give the same site), a step or document counts as recently changed.
	RecentDays = 30
)

// Kinds of what a change touched (ChangeItem.Kind).
const (
	ChangedStep     = "step"
	ChangedLevel    = "level"    // a level's introduction (niva-N/_index.md)
	ChangedGuide    = "guide"    // guide.toml
	ChangedTool     = "tool"     // a toolbox document, its translation or attachment
	ChangedPage     = "page"     // a free page or its translation
	ChangedSettings = "settings" // municipality.toml
	ChangedLevels   = "levels"   // levels.toml
	ChangedFile     = "file"     // a published file (an image)
	ChangedRemoved  = "removed"  // a page or document that is no longer there
)

// ChangeLog is what the site says of a municipality's history: the
// changes of its files in the months shown, and which files changed
// lately.
type ChangeLog struct {
	// Entries are the commits that changed the municipality's files,
	// newest first, from Since on.
	Entries []Change
	// Newest is the time of the newest commit of the whole history (zero
	// when it has none); the months and the recent days count back from it.
	Newest time.Time
	// Since is the earliest time an entry may have.
	Since time.Time
	// Months is how many months back the entries go.
	Months int
	// Recent holds the files of the municipality (paths from the
	// project folder, as Step.File and Tool.File) changed in the
	// RecentDays up to Newest.
	Recent map[string]bool
}

// Change is one commit as the change log shows it.
type Change struct {
	Hash    string
	Time    time.Time
	Message string
	Items   []ChangeItem
}

// ChangeItem is a page, document or setting a change touched.
type ChangeItem struct {
	Kind  string // one of the Changed* kinds
	File  string // the file, from the project folder
	Title string // the page's title; for a removed file its name
	URL   string // root-relative; "" where there is no page to link
	// Lang is the language of a translation, "" for the main language.
	Lang string
	// Guide and Level place a step or level introduction (Guide nil otherwise).
	Guide *Guide
	Level int
}

// ChangeLog works out the change log of m from h. It reads m and h and
// changes neither. Without a history it returns nil.
func (m *Municipality) ChangeLog(h *History) *ChangeLog {
	if h == nil {
		return nil
	}
	months := m.ChangeMonths
	if months <= 0 {
		months = DefaultChangeMonths
	}
	log := &ChangeLog{Months: months, Recent: map[string]bool{}}
	for _, c := range h.Commits {
		if c.Time.After(log.Newest) {
			log.Newest = c.Time
		}
	}
	log.Since = log.Newest.AddDate(0, -months, 0)
	recent := log.Newest.AddDate(0, 0, -RecentDays)
	items := m.changeIndex()
	// Older commits name a renamed file by its old path: current maps
	// each old path to the path the file has now.
	current := map[string]string{}
	now := func(p string) string {
		for range 100 { // a chain of renames; never a loop
			q, ok := current[p]
			if !ok {
				break
			}
			p = q
		}
		return p
	}
	prefix := m.Dir + "/"
	for _, c := range h.Commits {
		var entry []ChangeItem
		seen := map[string]bool{}
		for _, f := range c.Files {
			p := now(f.Path)
			if f.From != "" && f.From != p {
				current[f.From] = p
			}
			if !strings.HasPrefix(p, prefix) {
				continue
			}
			it, ok := items[p]
			if !ok {
				it, ok = removedItem(m, p)
			}
			if !ok {
				continue
			}
			if !c.Time.Before(recent) {
				log.Recent[p] = true
			}
			key := it.URL
			if key == "" {
				key = it.Kind + "|" + it.File
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			entry = append(entry, it)
		}
		if len(entry) > 0 && !c.Time.Before(log.Since) {
			log.Entries = append(log.Entries, Change{Hash: c.Hash, Time: c.Time, Message: m.changeMessage(c.Message), Items: entry})
		}
	}
	// git log lists by commit date already; a rebased history may not.
	sortChanges(log.Entries)
	return log
}

// sortChanges orders changes newest first, keeping git's order between
// changes of the same time.
func sortChanges(cs []Change) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Time.After(cs[j-1].Time); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// changeIndex maps each file of m that the site shows to what the change
// log says of it.
func (m *Municipality) changeIndex() map[string]ChangeItem {
	ix := map[string]ChangeItem{}
	add := func(it ChangeItem) {
		if it.File != "" {
			if _, ok := ix[it.File]; !ok {
				ix[it.File] = it
			}
		}
	}
	add(ChangeItem{Kind: ChangedSettings, File: m.Dir + "/municipality.toml"})
	add(ChangeItem{Kind: ChangedLevels, File: m.Dir + "/levels.toml"})
	for _, g := range m.Guides {
		add(ChangeItem{Kind: ChangedGuide, File: g.Dir + "/guide.toml", Title: g.Title, URL: g.URL(), Guide: g})
		for _, gl := range g.Levels {
			if gl == nil {
				continue
			}
			title := gl.Title
			if title == "" && m.Levels[gl.Number] != nil {
				title = m.Levels[gl.Number].Name + ": " + m.Levels[gl.Number].Title
			}
			add(ChangeItem{Kind: ChangedLevel, File: gl.Dir + "/_index.md", Title: title, URL: g.LevelURL(gl.Number), Guide: g, Level: gl.Number})
			for _, s := range gl.Steps {
				add(ChangeItem{Kind: ChangedStep, File: s.File, Title: s.Title, URL: s.URL(), Guide: g, Level: s.Level})
			}
		}
	}
	for _, t := range m.Toolbox {
		if t.National {
			continue
		}
		add(ChangeItem{Kind: ChangedTool, File: t.File, Title: t.Title, URL: t.URL()})
		if t.Attachment != "" {
			add(ChangeItem{Kind: ChangedTool, File: t.Attachment, Title: t.Title, URL: t.URL()})
		}
	}
	for _, t := range m.Toolbox {
		for _, tr := range t.Translations {
			add(ChangeItem{Kind: ChangedTool, File: tr.File, Title: tr.Title, URL: t.TranslationURL(tr.Lang), Lang: tr.Lang})
		}
	}
	for _, p := range m.Pages {
		if !p.National {
			add(ChangeItem{Kind: ChangedPage, File: p.File, Title: p.Title, URL: p.URL()})
		}
		for _, tr := range p.Translations {
			add(ChangeItem{Kind: ChangedPage, File: tr.File, Title: tr.Title, URL: p.TranslationURL(tr.Lang), Lang: tr.Lang})
		}
	}
	pubs := make([]string, 0, len(m.Published))
	for pub := range m.Published {
		pubs = append(pubs, pub)
	}
	sort.Strings(pubs)
	for _, pub := range pubs {
		src := m.Published[pub]
		add(ChangeItem{Kind: ChangedFile, File: src, Title: path.Base(src), URL: FileURL(pub)})
	}
	return ix
}

// removedItem is a text of m's folder (Markdown or TOML) that the site no
// longer has: removed since, or renamed without git seeing it.
func removedItem(m *Municipality, p string) (ChangeItem, bool) {
	rel := strings.TrimPrefix(p, m.Dir+"/")
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "guides", "toolbox", "pages":
	default:
		return ChangeItem{}, false
	}
	if ext := path.Ext(p); ext != ".md" && ext != ".toml" {
		return ChangeItem{}, false
	}
	return ChangeItem{Kind: ChangedRemoved, File: p, Title: rel}, true
}

// Recently reports whether any of the files changed in the recent days
// (false without a change log).
func (l *ChangeLog) Recently(files ...string) bool {
	if l == nil {
		return false
	}
	for _, f := range files {
		if f != "" && l.Recent[f] {
			return true
		}
	}
	return false
}

// changeMessage is what the change log shows of a commit message: nothing
// when the municipality hides them, and never the first line a hosting
// service writes by itself when the coordinator wrote none ("Update
// 02-tiltak.md", "Add files via upload"), which says nothing to a reader
// and is in English; a text the coordinator added below it stays.
func (m *Municipality) changeMessage(msg string) string {
	if m.HideChangeMessages {
		return ""
	}
	subject, rest, _ := strings.Cut(strings.TrimLeft(msg, "\n"), "\n")
	if serviceSubject(subject) {
		return strings.TrimLeft(rest, "\n")
	}
	return msg
}

// serviceSubjects are the first lines GitHub, GitLab and Decap CMS write
// when a file is edited on the web and no message is given.
var serviceSubjects = regexp.MustCompile(`^(?:(?:Update|Create|Delete|Add|Edit|Upload) \S+|Rename \S+ to \S+|Add files via upload|Add new file|Upload New File|Initial commit|(?:Update|Create|Delete) \S+ “[^”]*”)$`)

// serviceSubject reports whether a commit's first line is one a hosting
// service wrote by itself (see changeMessage).
func serviceSubject(s string) bool {
	return serviceSubjects.MatchString(strings.TrimSpace(s))
}

// Name names what a change changed when it has no message to show, in
// the words of word (an interface-text table): "Endret: Tiltaksplan",
// "Endret: Tiltaksplan og 2 til", "Endret: Innstillingene".
func (c Change) Name(word func(key string) string) string {
	if len(c.Items) == 0 {
		return word("changes_title") // never: a change lists what it changed
	}
	first := c.Items[0].Title
	switch c.Items[0].Kind {
	case ChangedSettings:
		first, _, _ = strings.Cut(word("changes_settings"), ":") // "Innstillingene"
	case ChangedLevels:
		first, _, _ = strings.Cut(word("changes_levels"), ":")
	}
	if len(c.Items) == 1 {
		return fmt.Sprintf(word("changes_named_one"), first)
	}
	return fmt.Sprintf(word("changes_named_many"), first, len(c.Items)-1)
}

// ToolKind is the kind of the toolbox document at the root-relative url
// (of it or of a translation), KindForm when none is found: what the
// change log and the change notice call a changed document.
func (m *Municipality) ToolKind(url string) string {
	for _, t := range m.Toolbox {
		if t.URL() == url {
			return t.Kind
		}
		for _, tr := range t.Translations {
			if t.TranslationURL(tr.Lang) == url {
				return t.Kind
			}
		}
	}
	return KindForm
}
