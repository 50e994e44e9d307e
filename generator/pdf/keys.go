package pdf

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/bti-handbook/bti/generator/model"
)

// A Job is one PDF of a municipality's site: where it is published, the
// key of what it is made from, and how it is made. Two jobs with the same
// key make the same bytes, so a PDF whose key has not changed need not be
// made again (bti serve keeps PDFs by their keys; bti build can keep the
// published one).
type Job struct {
	Path string // below the site's folder: "pdf/samtykkeskjema.pdf"
	PDF  *model.PDF
	m    *model.Municipality
	opts Options
}

// Jobs lists the PDFs of m (m.PDFs, as check decided them) that a build
// with opts makes (the change notice only with a history), the binder
// first (it takes longest).
func Jobs(m *model.Municipality, opts Options) []Job {
	var jobs []Job
	for _, p := range m.PDFs {
		if !p.Made(opts.History) {
			continue
		}
		j := Job{Path: strings.TrimPrefix(p.URL, "/"), PDF: p, m: m, opts: opts}
		if p.Kind == model.PDFBinder {
			jobs = append([]Job{j}, jobs...)
		} else {
			jobs = append(jobs, j)
		}
	}
	return jobs
}

// Make makes the PDF.
func (j Job) Make() ([]byte, error) {
	return safeMake(func() ([]byte, error) {
		switch p := j.PDF; p.Kind {
		case model.PDFTool:
			return Tool(j.m, p.Tool, p.Translation, j.opts)
		case model.PDFGuide:
			return Guide(j.m, p.Guide, j.opts)
		case model.PDFPoster:
			return Poster(j.m, p.Guide, p.Paper, j.opts)
		case model.PDFDeck:
			return Deck(j.m, j.opts)
		case model.PDFDeckNotes:
			return DeckNotes(j.m, j.opts)
		case model.PDFChanges:
			return ChangeNotice(j.m, j.opts)
		case model.PDFBinder:
			return Binder(j.m, j.opts)
		}
		return nil, fmt.Errorf("no PDF of kind %q", j.PDF.Kind)
	})
}

// Key hashes everything the PDF is made from: the program that makes it
// (its layout and fonts), the municipality's name, address, colours,
// levels, labels and logo, the interface text, and the document's own
// content as the layout receives it (its blocks: text, links as resolved,
// fields), with its date. A guide's key covers each of its steps; the
// binder's each of its documents; a poster's, the deck's and the change
// notice's all they show, gathered as their layouts read it.
func (j Job) Key() [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "bti pdf\x00%s\x00%s\x00", generator(), j.PDF.Kind)
	writeMunicipality(h, j.m, j.opts)
	ws := j.opts.words(j.m, j.m.Language)
	switch p := j.PDF; p.Kind {
	case model.PDFTool:
		writeTool(h, j.m, p.Tool, p.Translation, j.opts)
	case model.PDFGuide:
		g := p.Guide
		url := pageURL(j.m, g.URL())
		fmt.Fprintf(h, "guide\x00%s\x00%s\x00%s\x00", g.ID, g.Title, g.Audience)
		writeJSON(h, Blocks(g.Intro, linkFunc(j.m, url)))
		writeJSON(h, guideBlocks(j.m, g, ws))
		fmt.Fprintf(h, "%v\x00", j.opts.lastChange(guideFiles(j.m, g)...))
	case model.PDFPoster:
		writeJSON(h, newPosterContent(j.m, p.Guide, p.Paper, j.opts))
	case model.PDFDeck, model.PDFDeckNotes:
		writeJSON(h, newDeckContent(j.m, j.opts))
	case model.PDFChanges:
		writeJSON(h, newNoticeContent(j.m, j.opts))
	default:
		levels, other := binderSections(j.m)
		fmt.Fprintf(h, "binder\x00%v\x00", j.opts.lastChange(binderFiles(j.m, levels, other)...))
		for n, docs := range levels {
			fmt.Fprintf(h, "level %d\x00", n)
			for _, t := range docs {
				writeTool(h, j.m, t, nil, j.opts)
			}
		}
		fmt.Fprint(h, "other\x00")
		for _, t := range other {
			writeTool(h, j.m, t, nil, j.opts)
		}
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// writeMunicipality hashes what every PDF of m shows of it.
func writeMunicipality(h hash.Hash, m *model.Municipality, opts Options) {
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%+v\x00", m.Name, m.ShortName, m.Language, m.BaseURL, m.BrandColor, m.Labels)
	for _, lv := range m.Levels {
		if lv != nil {
			fmt.Fprintf(h, "%d\x00%s\x00%s\x00%s\x00%s\x00", lv.Number, lv.Name, lv.Title, lv.Color, lv.Summary)
		}
	}
	h.Write(opts.Logo)
	ws := opts.words(m, m.Language)
	fmt.Fprintf(h, "\x00%s\x00", ws.text.Fingerprint())
}

// writeTool hashes a toolbox document's PDF content (or its translation's).
func writeTool(h hash.Hash, m *model.Municipality, t *model.Tool, tr *model.Translation, opts Options) {
	lang, title, summary, doc, file, url := m.Language, t.Title, t.Summary, t.Body, t.File, pageURL(m, t.URL())
	if tr != nil {
		lang, title, summary, doc, file, url = tr.Lang, tr.Title, tr.Summary, tr.Body, tr.File, pageURL(m, t.TranslationURL(tr.Lang))
	}
	fmt.Fprintf(h, "tool\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%v\x00", t.Slug, t.Kind, lang, title, summary, url, opts.lastChange(file))
	writeJSON(h, Blocks(doc, linkFunc(m, url)))
}

func writeJSON(w io.Writer, v any) {
	json.NewEncoder(w).Encode(v)
}

// generator identifies this program: a hash of its executable (so that a
// new bti, or a bti built from changed code, never reuses a PDF an older
// one made), or its build information where the file cannot be read.
var generator = sync.OnceValue(func() string {
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return fmt.Sprintf("%x", h.Sum(nil))
			}
		}
	}
	id := runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		id += " " + bi.Main.Version
		for _, s := range bi.Settings {
			id += " " + s.Key + "=" + s.Value
		}
	}
	return id
})
