package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/internal/pdfcheck"
)

// Tests of the printed material for the staff room: the posters, the
// training deck and its notes, the change notice.

// testHistory is a history with three commits on different days for
// each municipality of ms: a step changed, a form and municipality.toml
// changed, a form removed.
func testHistory(ms []*model.Municipality) *model.History {
	h := &model.History{}
	for i, m := range ms {
		var step, form string
		for _, gl := range m.Guides[0].Levels {
			if gl != nil && len(gl.Steps) > 0 && step == "" {
				step = gl.Steps[0].File
			}
		}
		for _, t := range m.Toolbox {
			if t.Kind == model.KindForm && !t.National && form == "" {
				form = t.File
			}
		}
		hash := func(n int) string { return strings.Repeat(strconv.Itoa((i*3+n)%10), 40) }
		h.Commits = append(h.Commits,
			model.Commit{Hash: hash(1), Time: time.Date(2026, 11, 20, 14, 30, 0, 0, time.FixedZone("", 3600)),
				Message: "Ny frist i første trinn\n\nFristen er nå to uker, ikke fire.", Files: []model.FileChange{{Path: step}}},
			model.Commit{Hash: hash(2), Time: time.Date(2026, 10, 5, 9, 0, 0, 0, time.FixedZone("", 7200)),
				Message: "Nytt telefonnummer til barnevernvakten", Files: []model.FileChange{{Path: m.Pos.File}, {Path: form}}},
			model.Commit{Hash: hash(3), Time: time.Date(2026, 9, 15, 8, 0, 0, 0, time.FixedZone("", 7200)),
				Message: "Det gamle skjemaet er fjernet", Files: []model.FileChange{{Path: m.Dir + "/toolbox/gammelt-skjema.md", Removed: true}}},
		)
	}
	return h
}

// pageSize is the size of a PDF's first page in points, from pdfinfo.
func pageSize(t *testing.T, file string) (w, h float64) {
	t.Helper()
	info := run(t, "pdfinfo", file)
	i := strings.Index(info, "Page size:")
	if i < 0 {
		t.Fatalf("pdfinfo says no page size:\n%s", info)
	}
	fmt.Sscanf(strings.TrimSpace(info[i+len("Page size:"):]), "%g x %g", &w, &h)
	return w, h
}

// figureCodes decodes, with zbarimg, the QR code of each Figure of a
// PDF in the order of its structure tree, from its page rendered at 300
// dpi as a phone would see it.
func figureCodes(t *testing.T, name string, data []byte) []string {
	t.Helper()
	zbar := lookTool(t, "zbarimg", "zbar-tools")
	pdftoppm := lookTool(t, "pdftoppm", "poppler-utils")
	dir := t.TempDir()
	doc, err := pdfcheck.Check(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	file := filepath.Join(dir, "f.pdf")
	os.WriteFile(file, data, 0o644)
	_, pageH := pageSize(t, file)
	var got []string
	for i, e := range doc.Elems() {
		if e.Tag != "Figure" {
			continue
		}
		page, _ := e.Pages()
		var x1, y1, x2, y2 float64
		if _, err := fmt.Sscan(e.Attrs["BBox"], &x1, &y1, &x2, &y2); err != nil {
			t.Fatalf("%s: a figure has no BBox: %q", name, e.Attrs["BBox"])
		}
		const dpi = 300.0
		px := func(pt float64) int { return int(pt / 72 * dpi) }
		png := filepath.Join(dir, "qr"+strconv.Itoa(i))
		out, err := exec.Command(pdftoppm, "-r", "300", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-singlefile", "-png",
			"-x", strconv.Itoa(px(x1-12)), "-y", strconv.Itoa(px(pageH-y2-12)), "-W", strconv.Itoa(px(x2-x1+24)), "-H", strconv.Itoa(px(y2-y1+24)),
			file, png).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: pdftoppm: %v\n%s", name, err, out)
		}
		res, _ := exec.Command(zbar, "-q", "--raw", png+".png").Output()
		got = append(got, strings.TrimSpace(string(res)))
	}
	return got
}

// pdfText is the text of pages from to to (0: all) of a PDF, its spaces
// and line ends collapsed.
func pdfText(t *testing.T, data []byte, from, to int) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "f.pdf")
	os.WriteFile(file, data, 0o644)
	args := []string{"-enc", "UTF-8"}
	if from > 0 {
		args = append(args, "-f", strconv.Itoa(from), "-l", strconv.Itoa(to))
	}
	return collapse(run(t, "pdftotext", append(args, file, "-")...))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// structText is the text of a PDF as its structure tree reads it: each
// element's own text, in reading order, with spaces between.
func structText(t *testing.T, data []byte) string {
	t.Helper()
	doc, err := pdfcheck.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, e := range doc.Elems() {
		if s := ownText(e); s != "" {
			parts = append(parts, s)
		}
	}
	return collapse(strings.Join(parts, " "))
}

// pdfInfo is what pdfinfo says of a PDF.
func pdfInfo(t *testing.T, data []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "f.pdf")
	os.WriteFile(file, data, 0o644)
	return run(t, "pdfinfo", file)
}

// printedSets are the municipalities of both samples and of `bti new`
// (Vardø style in bokmål, Lillestrøm style in nynorsk) with their PDFs.
func printedSets(t *testing.T) map[string]struct {
	ms   []*model.Municipality
	pdfs map[string][]byte
} {
	news, err := newMunicipalities()
	if err != nil {
		t.Fatal(err)
	}
	return map[string]struct {
		ms   []*model.Municipality
		pdfs map[string][]byte
	}{
		"samples": {samples(t), loadPDFs(t, samplePDFs)},
		"bti new": {news, loadPDFs(t, newPDFs)},
	}
}

// TestPosters: every guide of both samples and of new municipalities has
// its poster on A4 and on A3, one page each of the right size, showing
// the guide, each level with every one of its steps and the emergency
// numbers, with a QR code per level that leads to the level's page.
func TestPosters(t *testing.T) {
	checked := 0
	for set, s := range printedSets(t) {
		for _, m := range s.ms {
			for _, g := range m.Guides {
				var want []string
				for n := range 4 {
					want = append(want, pageURL(m, g.LevelURL(n)))
				}
				texts := map[string]string{}
				for paper, size := range map[string]string{model.PaperA4: "595.28 x 841.89 pts (A4)", model.PaperA3: "841.89 x 1190.55 pts (A3)"} {
					name := m.Slug + model.PosterPDFURL(g, len(m.Guides) == 1, paper)
					data := s.pdfs[name]
					if data == nil {
						t.Errorf("%s: no %s", set, name)
						continue
					}
					checked++
					info := pdfInfo(t, data)
					for _, w := range []string{"Pages:           1\n", size, "Tagged:          yes"} {
						if !strings.Contains(info, w) {
							t.Errorf("%s: pdfinfo lacks %q:\n%s", name, w, info)
						}
					}
					if got := figureCodes(t, name, data); strings.Join(got, " ") != strings.Join(want, " ") {
						t.Errorf("%s: the QR codes read %q, want %q", name, got, want)
					}
					text := structText(t, data)
					texts[paper] = text
					wants := []string{g.Title, m.Name, "112", shortURL(pageURL(m, "/"))}
					for n, gl := range g.Levels {
						wants = append(wants, m.Levels[n].Name, m.Levels[n].Title)
						for _, st := range gl.Steps {
							wants = append(wants, collapse(st.Title))
						}
					}
					for _, w := range wants {
						if !strings.Contains(text, w) {
							t.Errorf("%s: the poster lacks %q:\n%s", name, w, text)
						}
					}
				}
				if texts[model.PaperA4] != texts[model.PaperA3] {
					t.Errorf("%s %s: the A3 poster says other things than the A4 one", m.Slug, g.ID)
				}
			}
		}
	}
	if checked < 12 {
		t.Errorf("only %d posters", checked)
	}
}

// TestPosterURLs: a municipality with one guide has /pdf/plakat.pdf and
// /pdf/plakat-a3.pdf; one with several a poster per guide.
func TestPosterURLs(t *testing.T) {
	for _, m := range samples(t) {
		var got []string
		for _, p := range m.PDFs {
			if p.Kind == model.PDFPoster {
				got = append(got, p.URL)
			}
		}
		want := map[string]string{
			"vardo":      "/pdf/plakat-a3.pdf /pdf/plakat.pdf",
			"lillestrom": "/pdf/plakat-barnehage-a3.pdf /pdf/plakat-barnehage.pdf /pdf/plakat-helsestasjon-a3.pdf /pdf/plakat-helsestasjon.pdf /pdf/plakat-skole-a3.pdf /pdf/plakat-skole.pdf",
		}[m.Slug]
		if strings.Join(got, " ") != want {
			t.Errorf("%s: posters %q, want %q", m.Slug, got, want)
		}
	}
}

// TestDeck: the training deck of both samples and of new municipalities
// is 16:9, a slide for BTI, one per level with every guide's steps, the
// stafettholder and stafettlogg, the forms, the handbook and the
// contacts, each but the first with its number; its QR codes lead to the
// pages they name; the notes have a part per slide with each step's
// summary, in the municipality's language.
func TestDeck(t *testing.T) {
	for set, s := range printedSets(t) {
		for _, m := range s.ms {
			ws := today.words(m, m.Language)
			name := m.Slug + model.URLDeck
			data := s.pdfs[name]
			if data == nil {
				t.Errorf("%s: no %s", set, name)
				continue
			}
			info := pdfInfo(t, data)
			const slides = 10
			for _, w := range []string{fmt.Sprintf("Pages:           %d\n", slides), "960 x 540 pts", "Tagged:          yes", "Title:           " + ws.word("deck_title") + " – " + m.Name} {
				if !strings.Contains(info, w) {
					t.Errorf("%s: pdfinfo lacks %q:\n%s", name, w, info)
				}
			}
			if first := pdfText(t, data, 1, 1); !strings.Contains(first, ws.word("deck_title")) || !strings.Contains(first, m.Name) || strings.Contains(first, "1 / 10") {
				t.Errorf("%s: the title slide: %s", name, first)
			}
			for i := 2; i <= slides; i++ {
				if text := pdfText(t, data, i, i); !strings.Contains(text, fmt.Sprintf("%d / %d", i, slides)) {
					t.Errorf("%s: slide %d has no number: %s", name, i, text)
				}
			}
			text := structText(t, data)
			for n := range 4 {
				if page := pdfText(t, data, 3+n, 3+n); !strings.Contains(page, m.Levels[n].Title) {
					t.Errorf("%s: slide %d is not level %d's: %s", name, 3+n, n, page)
				}
				for _, g := range m.Guides {
					for _, st := range g.Levels[n].Steps {
						if !strings.Contains(text, collapse(st.Title)) {
							t.Errorf("%s: level %d's slide lacks the step %q of %s", name, n, st.Title, g.ID)
						}
					}
				}
			}
			var want []string
			if len(m.Guides) == 1 {
				for n := range 4 {
					want = append(want, pageURL(m, m.Guides[0].LevelURL(n)))
				}
			}
			for _, slug := range []string{model.SlugStafettholder, model.SlugStafettlogg} {
				if p := m.PageBySlug(slug); p != nil {
					want = append(want, pageURL(m, p.URL()))
				}
			}
			forms := m.MostUsedForms()
			for i, f := range forms {
				if i < deckForms {
					want = append(want, pageURL(m, f.URL()))
				}
			}
			if len(forms) == 0 {
				want = append(want, pageURL(m, model.URLToolbox))
			}
			want = append(want, pageURL(m, model.URLHome))
			if got := figureCodes(t, name, data); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s: the QR codes read\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			bms, err := api.Bookmarks(bytes.NewReader(data), readConf())
			if err != nil || len(bms) != slides {
				t.Errorf("%s: %d bookmarks (%v), want one per slide", name, len(bms), err)
			}

			notes := s.pdfs[m.Slug+model.URLDeckNotes]
			if notes == nil {
				t.Errorf("%s: no speaker notes", m.Slug)
				continue
			}
			if info := pdfInfo(t, notes); !strings.Contains(info, "(A4)") || !strings.Contains(info, "Tagged:          yes") {
				t.Errorf("%s: the notes:\n%s", m.Slug, info)
			}
			text = structText(t, notes)
			for i := 1; i <= slides; i++ {
				if w := fmt.Sprintf("%s %d:", ws.word("deck_slide"), i); !strings.Contains(text, w) {
					t.Errorf("%s: the notes lack %q", m.Slug, w)
				}
			}
			for _, st := range m.Guides[0].Levels[1].Steps {
				if st.Summary != "" && !strings.Contains(text, collapse(st.Summary)) {
					t.Errorf("%s: the notes lack the summary of %s: %q", m.Slug, st.File, st.Summary)
				}
			}
			doc, err := pdfcheck.Check(notes)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range doc.Elems() {
				if e.Tag == "Figure" {
					t.Errorf("%s: the slides' miniatures in the notes are figures, not artifacts", m.Slug)
					break
				}
			}
		}
	}
}

// TestDeckInNynorsk: a municipality writing nynorsk gets its deck, its
// notes and its posters in nynorsk.
func TestDeckInNynorsk(t *testing.T) {
	ms, err := newMunicipalities()
	if err != nil {
		t.Fatal(err)
	}
	pdfs := loadPDFs(t, newPDFs)
	for _, m := range ms {
		if m.Language != "nn" {
			continue
		}
		for file, words := range map[string][]string{
			model.URLDeck:      {"For tilsette i", "Kva er BTI?", "Slik finn du handboka", "Kven kan du spørje?"},
			model.URLDeckNotes: {"Notat til opplæringa", "Lysbilete 1:"},
			model.PosterPDFURL(m.Guides[0], true, model.PaperA4): {"Heile handboka:", "Uroa for eit barn"},
			model.URLChangeNotice:                                {"Nytt i handboka", "Endringar frå"},
		} {
			text := structText(t, pdfs[m.Slug+file])
			for _, w := range words {
				if !strings.Contains(text, w) {
					t.Errorf("%s%s lacks %q:\n%s", m.Slug, file, w, text)
				}
			}
		}
		return
	}
	t.Fatal("no municipality in nynorsk")
}

// TestChangeNotice: with a history, each sample's change notice is one
// A4 page with its changes (named, as the samples hide their messages,
// and what they touched), dated by
// the newest, with a QR code of /endringer/; without one there is none.
func TestChangeNotice(t *testing.T) {
	pdfs := loadPDFs(t, samplePDFs)
	for _, m := range samples(t) {
		name := m.Slug + model.URLChangeNotice
		data := pdfs[name]
		if data == nil {
			t.Fatalf("no %s", name)
		}
		info := pdfInfo(t, data)
		for _, w := range []string{"Pages:           1\n", "(A4)", "Tagged:          yes", "CreationDate:    Fri Nov 20 00:00:00 2026 UTC", "Title:           Nytt i håndboken – " + m.Name} {
			if !strings.Contains(info, w) {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", name, w, info)
			}
		}
		text := structText(t, data)
		for _, w := range []string{"Nytt i håndboken", "Endringer fra 20.11.2025 til 20.11.2026.", "November 2026", "20.11.2026",
			// The samples hide their commit messages: each change is named.
			"Endret: " + m.Guides[0].Levels[0].Steps[0].Title + " Gjelder:", "Oktober 2026", "Endret: Innstillingene og 1 til", "Innstillingene:", "(fjernet)", "Gjelder:", "Oppdatert 20.11.2026"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", name, w, text)
			}
		}
		if strings.Index(text, "Ny frist") > strings.Index(text, "Nytt telefonnummer") {
			t.Errorf("%s: not newest first:\n%s", name, text)
		}
		if got, want := figureCodes(t, name, data), pageURL(m, model.URLChanges); len(got) != 1 || got[0] != want {
			t.Errorf("%s: the QR code reads %q, want %q", name, got, want)
		}
		withHistory := today
		withHistory.History = testHistory([]*model.Municipality{m})
		if !hasJob(Jobs(m, withHistory), "pdf/endringer.pdf") || hasJob(Jobs(m, today), "pdf/endringer.pdf") {
			t.Errorf("%s: the change notice is not made with a history, or made without one", m.Slug)
		}
	}
}

func hasJob(jobs []Job, path string) bool {
	for _, j := range jobs {
		if j.Path == path {
			return true
		}
	}
	return false
}

// TestChangeNoticeFitsOnePage: sixty changes on sixty days make one page
// with the newest whole days and a count of the rest, and the period
// says from which day; a history without the municipality's changes
// says so.
func TestChangeNoticeFitsOnePage(t *testing.T) {
	m := lillestromSample(t)
	step := m.Guides[0].Levels[1].Steps[0].File
	h := &model.History{}
	start := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	for i := range 60 {
		h.Commits = append(h.Commits, model.Commit{Hash: fmt.Sprintf("%040d", i), Time: start.AddDate(0, 0, -i),
			Message: fmt.Sprintf("Endring nummer %d\n\nEn lengre forklaring av hva som er endret i trinnet, og hvorfor.", 60-i),
			Files:   []model.FileChange{{Path: step}}})
	}
	opts := today
	opts.History = h
	data, err := ChangeNotice(m, opts)
	if err != nil {
		t.Fatal(err)
	}
	if info := pdfInfo(t, data); !strings.Contains(info, "Pages:           1\n") {
		t.Fatalf("not one page:\n%s", info)
	}
	text := structText(t, data)
	more := regexp.MustCompile(`(\d+) eldre endringer i perioden står på nettsiden`).FindStringSubmatch(text)
	if more == nil {
		t.Fatalf("no count of the changes left out:\n%s", text)
	}
	if !strings.Contains(text, "En lengre forklaring av hva som er endret") {
		t.Errorf("the notice lacks the text of the messages:\n%s", text)
	}
	left, _ := strconv.Atoi(more[1])
	shown := 60 - left
	if shown < 5 || left < 10 {
		t.Fatalf("%d shown, %d left out", shown, left)
	}
	for i := range 60 {
		n := 60 - i
		has := strings.Contains(text, fmt.Sprintf("Endring nummer %d ", n)) || strings.HasSuffix(text, fmt.Sprintf("Endring nummer %d", n))
		if has != (i < shown) {
			t.Errorf("change %d (the %d. newest) shown: %v, want %v", n, i+1, has, i < shown)
		}
	}
	oldest := start.AddDate(0, 0, -(shown - 1)).Format("02.01.2006")
	if w := "Endringer fra " + oldest + " til 30.11.2026."; !strings.Contains(text, w) {
		t.Errorf("the period is not %q:\n%s", w, text)
	}

	// With the messages hidden ([changes] messages = false), each change
	// is named by what it changed, as on the web page.
	m.HideChangeMessages = true
	data, err = ChangeNotice(m, opts)
	if err != nil {
		t.Fatal(err)
	}
	m.HideChangeMessages = false
	if text := structText(t, data); strings.Contains(text, "Endring nummer") || !strings.Contains(text, "Endret: "+m.Guides[0].Levels[1].Steps[0].Title) {
		t.Errorf("the messages are not hidden, or the changes not named:\n%s", text)
	}

	// A history with no change of the municipality's files.
	opts.History = &model.History{Commits: []model.Commit{{Hash: strings.Repeat("f", 40), Time: start, Message: "Nasjonalt",
		Files: []model.FileChange{{Path: "content/pages/om-bti.md"}}}}}
	data, err = ChangeNotice(m, opts)
	if err != nil {
		t.Fatal(err)
	}
	if text := structText(t, data); !strings.Contains(text, "Ingen endringer i denne perioden.") {
		t.Errorf("a notice without changes:\n%s", text)
	}
	if doc, err := pdfcheck.Check(data); err != nil || len(doc.Problems) > 0 {
		t.Errorf("a notice without changes: %v %v", err, doc.Problems)
	}
}

// TestPrintedKeys: the key of a poster, the deck and its notes changes
// with a step's title, the notice's with the history, the keys of other
// PDFs do not; the same sources make the same bytes.
func TestPrintedKeys(t *testing.T) {
	ms, err := newMunicipalities()
	if err != nil {
		t.Fatal(err)
	}
	m := ms[0]
	opts := today
	opts.History = testHistory(ms)
	keys := func(m *model.Municipality, opts Options) map[string][32]byte {
		out := map[string][32]byte{}
		for _, j := range Jobs(m, opts) {
			out[j.Path] = j.Key()
		}
		return out
	}
	before := keys(m, opts)
	for _, p := range []string{"pdf/plakat.pdf", "pdf/plakat-a3.pdf", "pdf/opplaering.pdf", "pdf/opplaering-notater.pdf", "pdf/endringer.pdf"} {
		if _, ok := before[p]; !ok {
			t.Fatalf("%s: no job for %s", m.Slug, p)
		}
	}
	if before["pdf/plakat.pdf"] == before["pdf/plakat-a3.pdf"] || before["pdf/opplaering.pdf"] == before["pdf/opplaering-notater.pdf"] {
		t.Error("two PDFs of different kinds share a key")
	}
	// The same sources, the same bytes.
	for _, j := range Jobs(m, opts) {
		if j.PDF.Kind == model.PDFTool || j.PDF.Kind == model.PDFBinder || j.PDF.Kind == model.PDFGuide {
			continue
		}
		a, err := j.Make()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := j.Make()
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two makes differ", j.Path)
		}
	}

	// A step's new title.
	st := m.Guides[0].Levels[0].Steps[0]
	old := st.Title
	st.Title = "Et helt nytt navn på trinnet"
	after := keys(m, opts)
	st.Title = old
	for p, k := range after {
		changed := k != before[p]
		want := strings.Contains(p, "plakat") || strings.Contains(p, "opplaering") || strings.Contains(p, "veileder") || p == "pdf/endringer.pdf"
		if changed != want {
			t.Errorf("a step's title changed: the key of %s changed: %v, want %v", p, changed, want)
		}
	}

	// A new commit.
	more := *opts.History
	more.Commits = append([]model.Commit{{Hash: strings.Repeat("e", 40), Time: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC),
		Message: "Enda en endring", Files: []model.FileChange{{Path: st.File}}}}, more.Commits...)
	opts2 := opts
	opts2.History = &more
	after = keys(m, opts2)
	for p, k := range after {
		if changed := k != before[p]; changed != (p == "pdf/endringer.pdf") {
			t.Errorf("a new commit: the key of %s changed: %v", p, changed)
		}
	}
}
