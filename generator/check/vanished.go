package check

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// Vanished warns about the pages that the previous sources of site
// published and its sources now do not (a step renamed, moved or deleted,
// or saved with the wrong ending): staff have sent each other links to
// them. previous lists the files under municipalities/ as the project was
// last published (from git), by slash path. Each warning gives the line
// to add to the new file, aliases = ["/old/address/"], and guesses that
// file by its name or number when the page was renamed.
func Vanished(site *model.Site, previous []string, l *diag.List) {
	for _, m := range site.Municipalities {
		vanished(m, previous, l)
	}
}

// stepPath matches a step's path below a municipality's folder.
var stepPath = regexp.MustCompile(`^guides/([^/]+)/niva-([0-3])/([0-9]{2})-([^/]+)\.md$`)

// docPath matches a page's or toolbox document's path, with its
// translation's language.
var docPath = regexp.MustCompile(`^(pages|toolbox)/([^/.]+)(?:\.([a-z]{2,3}))?\.md$`)

// sourceURL is the address the file rel (a path below a municipality's
// folder) is published at, or "" for a file that is no page.
func sourceURL(rel string) string {
	if m := stepPath.FindStringSubmatch(rel); m != nil {
		return "/" + m[1] + "/niva-" + m[2] + "/" + m[4] + "/"
	}
	if m := docPath.FindStringSubmatch(rel); m != nil {
		u := "/" + m[2] + "/"
		if m[1] == "toolbox" {
			u = model.URLToolbox + m[2] + "/"
		}
		if m[3] != "" && m[3] != "nb" && m[3] != "nn" {
			u = "/" + m[3] + u
		}
		return u
	}
	return ""
}

func vanished(m *model.Municipality, previous []string, l *diag.List) {
	urls := publishedURLs(m)
	before := map[string]bool{}
	for _, p := range previous {
		before[p] = true
	}
	// The files that are new since: where a renamed page may have gone.
	var added []string
	for p := range m.Existing {
		if !before[p] && strings.HasSuffix(p, ".md") {
			added = append(added, p)
		}
	}
	sort.Strings(added)
	for _, p := range previous {
		rel, ok := strings.CutPrefix(p, m.Dir+"/")
		if !ok || m.Existing[p] {
			continue
		}
		u := sourceURL(rel)
		if u == "" || urls[u] {
			continue
		}
		// A page whose file is there under a name load reported (a
		// misnamed step, 03-Gjennomføring.md for 03-gjennomforing.md, or
		// one saved as 02-samtale.md.txt) has that message, whose rename
		// brings the address back: no alias is needed, and none should
		// go into that file. When the guessed new file is one with a
		// reported name, the next check, once it is renamed, says where
		// the alias goes.
		if m.Unloaded[p] {
			continue
		}
		pos := diag.Pos{File: m.Dir}
		d := diag.At(pos, pageVanished, "url", u, "old", p)
		if hidden := hiddenAs(m, p); hidden != "" {
			if m.Unloaded[hidden] {
				continue
			}
			d.Pos = diag.Pos{File: hidden, Line: 1, Col: 1}
			d = d.WithHint("extension", "found", path.Base(hidden), "name", path.Base(p))
		} else if to := renamedTo(rel, m.Dir, added); to != "" {
			if m.Unloaded[to] {
				continue
			}
			d.Pos = diag.Pos{File: to, Line: 1, Col: 1}
			d = d.WithHint("rename", "new", to)
		}
		l.Add(d)
	}
}

// publishedURLs are the addresses m's site has now: its pages, their
// translations and its old addresses.
func publishedURLs(m *model.Municipality) map[string]bool {
	urls := map[string]bool{}
	for _, g := range m.Guides {
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				urls[s.URL()] = true
			}
		}
	}
	for _, t := range m.Toolbox {
		urls[t.URL()] = true
		for _, tr := range t.Translations {
			urls[t.TranslationURL(tr.Lang)] = true
		}
	}
	for _, p := range m.Pages {
		urls[p.URL()] = true
		for _, tr := range p.Translations {
			urls[p.TranslationURL(tr.Lang)] = true
		}
	}
	for _, r := range m.Redirects {
		urls[r.From] = true
	}
	return urls
}

// hiddenAs finds the file that old (a step or document that is gone)
// still is under another ending: 02-samtale.md.txt, 02-samtale.docx.
func hiddenAs(m *model.Municipality, old string) string {
	stem := strings.TrimSuffix(old, ".md")
	for p := range m.Existing {
		if p != old && strings.HasPrefix(p, stem+".") && !strings.HasSuffix(p, ".md") {
			return p
		}
	}
	return ""
}

// renamedTo guesses the new file of a renamed page among the files added
// since: a step of the same guide and level with the same number, a step
// with the same name elsewhere in the guide, or a file of the same folder
// with a name close to the old one.
func renamedTo(rel, dir string, added []string) string {
	var same, sameName, sameDir []string
	sm := stepPath.FindStringSubmatch(rel)
	for _, p := range added {
		r := strings.TrimPrefix(p, dir+"/")
		if sm != nil {
			if a := stepPath.FindStringSubmatch(r); a != nil && a[1] == sm[1] {
				switch {
				case a[2] == sm[2] && a[3] == sm[3]:
					same = append(same, p)
				case a[4] == sm[4]:
					sameName = append(sameName, p)
				}
			}
		}
		if path.Dir(r) == path.Dir(rel) {
			sameDir = append(sameDir, p)
		}
	}
	switch {
	case len(same) == 1:
		return same[0]
	case len(sameName) == 1:
		return sameName[0]
	}
	names := make([]string, len(sameDir))
	for i, p := range sameDir {
		names[i] = path.Base(p)
	}
	if s := diag.Suggest(path.Base(rel), names); s != "" {
		return path.Join(dir, path.Dir(rel), s)
	}
	if len(sameDir) == 1 {
		return sameDir[0]
	}
	return ""
}
