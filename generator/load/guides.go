package load

import (
	"cmp"
	"github.com/bti-handbook/bti/generator/parallel"

	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/slug"
	"github.com/bti-handbook/bti/generator/source"
)

var (
	levelDir     = regexp.MustCompile(`^niva-(\d+)$`)
	levelDirLike = regexp.MustCompile(`(?i)^(niv[aå]|level|trinn)[-_ ]?(\d+)$`)
	stepFile     = regexp.MustCompile(`^(\d{2})-(.+)\.md$`)
)

// guideJob is a step file waiting to be parsed.
type stepJob struct {
	guide  *model.Guide
	level  int
	number int
	slug   string
	path   string
	step   *model.Step
}

// loadGuides loads guides/ of a municipality in the order of entries
// (the [[guides]] of municipality.toml), then the folders not listed.
func (r *reader) loadGuides(dir string, entries []guideEntry, doc *source.Doc, m *model.Municipality) []*model.Guide {
	lang := m.Language
	gdir := dir + "/guides"
	folders := map[string]bool{}
	var folderOrder []string
	if r.isDir(gdir) {
		for _, e := range r.dirEntries(gdir) {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			p := gdir + "/" + name
			if !e.IsDir() {
				r.l.Add(diag.At(diag.Pos{File: p}, notUsed, "name", name).WithHint("guides"))
				continue
			}
			if !slug.Valid(name) {
				r.badName(diag.Pos{File: p}, name, "")
				continue
			}
			if model.Reserved(name) {
				r.l.Report(diag.Pos{File: p}, reservedName, "name", name)
				continue
			}
			folders[name] = true
			folderOrder = append(folderOrder, name)
		}
	}
	var guides []*model.Guide
	listed := map[string]bool{}
	for i, e := range entries {
		key := fmt.Sprintf("guides[%d]", i)
		if e.ID == "" {
			r.l.Report(doc.Pos(key), guideNoID)
			continue
		}
		if listed[e.ID] {
			r.l.Report(doc.Pos(key+".id"), guideTwice, "id", e.ID)
			continue
		}
		listed[e.ID] = true
		if !folders[e.ID] {
			r.l.Add(diag.At(doc.ValuePos(key+".id", e.ID), guideNoFolder, "id", e.ID, "dir", gdir+"/"+e.ID).Suggest(e.ID, folderOrder))
			continue
		}
		guides = append(guides, r.loadGuide(gdir+"/"+e.ID, e, doc.Pos(key), m))
	}
	sort.Strings(folderOrder)
	for _, name := range folderOrder {
		if !listed[name] {
			guides = append(guides, r.loadGuide(gdir+"/"+name, guideEntry{ID: name}, diag.Pos{}, m))
		}
	}
	r.loadSteps(guides, lang)
	return guides
}

func (r *reader) loadGuide(dir string, e guideEntry, entryPos diag.Pos, m *model.Municipality) *model.Guide {
	g := &model.Guide{Pos: entryPos, ID: e.ID, Dir: dir, Title: e.Title, ShortTitle: e.ShortTitle, Audience: e.Audience}
	if name := dir + "/guide.toml"; r.exists(name) {
		var f guideFile
		if doc, ok := r.toml(name, &f); ok {
			g.Pos = doc.Pos("")
			g.Title = cmp.Or(f.Title, g.Title)
			g.ShortTitle = cmp.Or(f.ShortTitle, g.ShortTitle)
			g.Audience = cmp.Or(f.Audience, g.Audience)
			if f.Intro != "" {
				g.Intro = markdown.ParseInline(doc.Pos("intro"), f.Intro, r.l)
			}
		}
	}
	if g.Pos.IsZero() {
		g.Pos = diag.Pos{File: dir}
	}
	if g.Title == "" && !m.SettingsUnread { // else its [[guides]] entry may have had one
		r.l.Report(g.Pos, guideNoTitle, "id", g.ID, "dir", dir)
		g.Title = g.ID
	}
	if g.ShortTitle == "" {
		g.ShortTitle = g.Title
	}
	for n := range g.Levels {
		g.Levels[n] = &model.GuideLevel{Number: n, Dir: fmt.Sprintf("%s/niva-%d", dir, n)}
	}
	for _, e := range r.dirEntries(dir) {
		name := e.Name()
		p := dir + "/" + name
		switch {
		case strings.HasPrefix(name, "."), name == "guide.toml":
		case e.IsDir() && levelDir.MatchString(name):
			n, _ := strconv.Atoi(levelDir.FindStringSubmatch(name)[1])
			if n > 3 || name != fmt.Sprintf("niva-%d", n) {
				r.l.Report(diag.Pos{File: p}, levelOutside, "name", name)
			}
		case e.IsDir() && levelDirLike.MatchString(name):
			n := levelDirLike.FindStringSubmatch(name)[2]
			r.l.Report(diag.Pos{File: p}, levelMisnamed, "name", name, "suggestion", "niva-"+strings.TrimLeft(n, "0")+orZero(n))
		case e.IsDir():
			r.l.Add(diag.At(diag.Pos{File: p}, notUsed, "name", name).WithHint("guide"))
		default:
			r.l.Add(diag.At(diag.Pos{File: p}, notUsed, "name", name).WithHint("guidefile"))
		}
	}
	return g
}

func orZero(n string) string {
	if strings.TrimLeft(n, "0") == "" {
		return "0"
	}
	return ""
}

// loadSteps finds the step files of every level of every guide, parses
// them on all cores and puts them in order.
func (r *reader) loadSteps(guides []*model.Guide, lang string) {
	var jobs []*stepJob
	for _, g := range guides {
		for n, gl := range g.Levels {
			if !r.isDir(gl.Dir) {
				continue
			}
			jobs = append(jobs, r.listSteps(g, n, gl)...)
		}
	}
	parallel.Do(len(jobs), func(i int) { jobs[i].step = r.loadStep(jobs[i], lang) })
	for _, j := range jobs {
		if j.step != nil {
			gl := j.guide.Levels[j.level]
			gl.Steps = append(gl.Steps, j.step)
		}
	}
}

// listSteps lists the step files of one level and loads its _index.md.
func (r *reader) listSteps(g *model.Guide, n int, gl *model.GuideLevel) []*stepJob {
	var jobs []*stepJob
	numbers := map[int]string{}
	slugs := map[string]string{}
	for _, e := range r.dirEntries(gl.Dir) {
		name := e.Name()
		p := gl.Dir + "/" + name
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		if !strings.HasSuffix(strings.ToLower(name), ".md") {
			// Images and attachments may sit beside the steps, but a
			// step saved as text or Word by mistake must not vanish.
			if lower := strings.ToLower(name); strings.Contains(lower, ".md.") || strings.HasSuffix(lower, ".txt") ||
				strings.HasSuffix(lower, ".docx") || strings.HasSuffix(lower, ".doc") || strings.HasSuffix(lower, ".rtf") {
				r.l.Report(diag.Pos{File: p, Line: 1, Col: 1}, stepNotMarkdown, "name", name)
				r.failed(p)
			}
			continue
		}
		if name == "_index.md" {
			r.loadLevelIndex(p, gl)
			continue
		}
		m := stepFile.FindStringSubmatch(name)
		if m == nil || !slug.Valid(m[2]) {
			d := diag.At(diag.Pos{File: p, Line: 1, Col: 1}, stepMisnamed, "name", name)
			r.failed(p)
			if s := stepNameSuggestion(name, len(jobs)+1); s != "" {
				d = d.WithHint("rename", "suggestion", s)
				r.failed(gl.Dir + "/" + s)
			}
			r.l.Add(d)
			continue
		}
		num, _ := strconv.Atoi(m[1])
		if prev, ok := numbers[num]; ok {
			r.l.Report(diag.Pos{File: p, Line: 1, Col: 1}, stepNumberTwice, "number", m[1], "other", prev)
			continue
		}
		if prev, ok := slugs[m[2]]; ok {
			r.l.Report(diag.Pos{File: p, Line: 1, Col: 1}, stepNameTwice, "name", m[2], "other", prev)
			continue
		}
		numbers[num], slugs[m[2]] = name, name
		jobs = append(jobs, &stepJob{guide: g, level: n, number: num, slug: m[2], path: p})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].number < jobs[j].number })
	return jobs
}

// stepNameSuggestion suggests a file name of the form NN-slug.md for a
// step file, the n-th of its level, or "" when it has none.
func stepNameSuggestion(name string, n int) string {
	base := strings.TrimSuffix(name, ".md")
	base = strings.TrimSuffix(base, ".MD")
	num := fmt.Sprintf("%02d", n)
	if m := regexp.MustCompile(`^(\d+)[-_ ]*(.*)$`).FindStringSubmatch(base); m != nil {
		v, _ := strconv.Atoi(m[1])
		num, base = fmt.Sprintf("%02d", v), m[2]
	}
	if s := slug.Suggest(base); s != "" {
		return num + "-" + s + ".md"
	}
	return ""
}

func (r *reader) loadLevelIndex(p string, gl *model.GuideLevel) {
	defer r.guard(p)
	var front levelIndexFront
	mf, ok := r.markdown(p, &front, false)
	if !ok {
		return
	}
	gl.Title, gl.Summary = front.Title, front.Summary
	gl.Intro = r.body(mf, false)
}

func (r *reader) loadStep(j *stepJob, lang string) *model.Step {
	defer r.guard(j.path)
	var front stepFront
	mf, ok := r.markdown(j.path, &front, true)
	if !ok {
		return nil
	}
	r.require(mf, "title", front.Title, diag.Phrase("example.step_title"))
	s := &model.Step{
		Pos: diag.Pos{File: j.path, Line: 1, Col: 1}, File: j.path, Guide: j.guide, Level: j.level,
		Number: j.number, Slug: j.slug, Title: front.Title, Summary: front.Summary, Deadline: front.Deadline,
		Audience: r.audience(mf, front.Audience), Tools: refs(mf.front, "tools", front.Tools), Services: refs(mf.front, "services", front.Services),
		Aliases: refs(mf.front, "aliases", front.Aliases),
	}
	s.Body = r.body(mf, false)
	s.Sections = markdown.SplitSections(s.Body)
	r.checkSections(s, mf, lang)
	return s
}

// sectionNames are the headings to suggest, by language.
var sectionNames = map[string]map[string]string{
	"nb": {model.SectionWhat: "Hva", model.SectionHow: "Hvordan", model.SectionWho: "Hvem"},
	"nn": {model.SectionWhat: "Kva", model.SectionHow: "Korleis", model.SectionWho: "Kven"},
}

// checkSections reports a step without its what, how or who section, or
// with one of them twice.
func (r *reader) checkSections(s *model.Step, mf mdFile, lang string) {
	names := sectionNames[lang]
	if names == nil {
		names = sectionNames["nb"]
	}
	seen := map[string]bool{}
	for _, sec := range s.Sections {
		switch sec.Key {
		case model.SectionWhat, model.SectionHow, model.SectionWho:
			if seen[sec.Key] {
				r.l.Report(sec.Pos, sectionTwice, "heading", sec.Heading)
			}
			seen[sec.Key] = true
		}
	}
	// A heading close to a missing section's name is likely a typo of it.
	for _, sec := range s.Sections {
		if sec.Key != model.SectionOther {
			continue
		}
		k := diag.Suggest(sec.Heading, []string{"Hva", "Hvordan", "Hvem", "Kva", "Korleis", "Kven", "Ansvar"})
		if key := markdown.SectionKey(k); k != "" && !seen[key] {
			r.l.Report(sec.Pos, sectionMisspelt, "heading", sec.Heading, "suggestion", k)
			seen[key] = true
		}
	}
	end := diag.Pos{File: s.File, Line: strings.Count(string(mf.fm.Body), "\n") + 1, Col: 1}
	for _, key := range []string{model.SectionWhat, model.SectionHow, model.SectionWho} {
		if seen[key] {
			continue
		}
		d := diag.At(end, sectionMissing, "name", names[key], "help", sectionHelp[key])
		if nm, ok := nearHeading(mf.fm.Body, key); ok {
			// A line that almost is the section's heading: point at it.
			d.Pos = diag.Pos{File: s.File, Line: nm.line, Col: 1}
			switch {
			case nm.hashes != 2:
				d = d.WithHint("level", "written", nm.written, "hashes", nm.hashes)
			case nm.nbsp:
				d = d.WithHint("nbsp", "written", nm.written)
			default:
				d = d.WithHint("space", "written", nm.written)
			}
		}
		r.l.Add(d)
	}
}

// nearMiss is a line that was meant as a section's heading.
type nearMiss struct {
	line    int
	written string
	hashes  int
	nbsp    bool // a non-breaking space after the #s
}

// headingLike matches a line that starts like a Markdown heading, with or
// without the space after the #s.
var headingLike = regexp.MustCompile(`^ {0,3}(#{1,6})([ \t\x{00a0}\x{2007}\x{202f}]*)(.*?)[ \t]*$`)

// nearHeading finds a line of body that names the section key but is
// not a heading of level 2: "### Kven" (another level), "##Kva" (no
// space) or "## Kva" (a non-breaking space, from Word).
func nearHeading(body []byte, key string) (nearMiss, bool) {
	for i, line := range strings.Split(string(body), "\n") {
		m := headingLike.FindStringSubmatch(line)
		if m == nil || markdown.SectionKey(strings.Trim(m[3], "\u00a0 #")) != key {
			continue
		}
		if len(m[1]) != 2 || m[2] == "" || strings.ContainsAny(m[2], "\u00a0\u2007\u202f") {
			return nearMiss{line: i + 1, written: strings.TrimSpace(line), hashes: len(m[1]),
				nbsp: strings.ContainsAny(m[2], "\u00a0\u2007\u202f")}, true
		}
	}
	return nearMiss{}, false
}

var sectionHelp = map[string]diag.Phrase{
	model.SectionWhat: "section.what",
	model.SectionHow:  "section.how",
	model.SectionWho:  "section.who",
}
