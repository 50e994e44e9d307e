package preview

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/pdf"
)

// pdfCache holds PDFs made on request, each with the hash of the sources
// it was made from, so that editing text never waits for PDFs and a PDF is
// made again only when what it shows has changed.
type pdfCache struct {
	mu      sync.Mutex
	entries map[string]pdfEntry
}

type pdfEntry struct {
	key  [32]byte
	data []byte
}

// makePDF returns the PDF at name (slug/pdf/x.pdf) of the current site,
// from the cache when its sources are unchanged; ok is false when there is
// no such PDF.
func (s *Site) makePDF(st state, name string) (data []byte, ok bool, err error) {
	if st.site == nil {
		return nil, false, nil
	}
	if st.site.AtRoot {
		name = "/" + name // the one site is at the root
	}
	slug, file, found := strings.Cut(name, "/pdf/")
	if !found || strings.Contains(file, "/") || !strings.HasSuffix(file, ".pdf") {
		return nil, false, nil
	}
	var m *model.Municipality
	for _, x := range st.site.Municipalities {
		if x.Slug == slug || st.site.AtRoot {
			m = x
		}
	}
	if m == nil {
		return nil, false, nil
	}
	opts := pdf.Options{Changed: s.cfg.Dates}
	if m.Logo != "" {
		opts.Logo, _ = fs.ReadFile(s.cfg.Root, path.Join(m.Dir, m.Logo))
	}
	base := strings.TrimSuffix(file, ".pdf")
	var key [32]byte
	var build func() ([]byte, error)
	switch {
	case file == "perm.pdf":
		key = binderKey(m)
		build = func() ([]byte, error) { return pdf.Binder(m, opts) }
	case strings.HasPrefix(base, "veileder-"):
		for _, g := range m.Guides {
			if "veileder-"+g.ID == base {
				key = guideKey(m, g)
				build = func() ([]byte, error) { return pdf.Guide(m, g, opts) }
			}
		}
	default:
		toolSlug, lang, _ := strings.Cut(base, ".")
		for _, t := range m.Toolbox {
			if t.Slug != toolSlug {
				continue
			}
			var tr *model.Translation
			page := slug + t.URL() + "index.html"
			if lang != "" {
				for _, x := range t.Translations {
					if x.Lang == lang {
						tr = x
					}
				}
				if tr == nil {
					return nil, false, nil
				}
				page = slug + t.TranslationURL(lang) + "index.html"
			}
			if pdf.Unprintable(t, tr) != "" {
				return nil, false, nil
			}
			_ = page
			key = toolKey(m, t, tr)
			build = func() ([]byte, error) { return pdf.Tool(m, t, tr, opts) }
		}
	}
	if build == nil {
		return nil, false, nil
	}
	s.pdfs.mu.Lock()
	e, cached := s.pdfs.entries[name]
	s.pdfs.mu.Unlock()
	if cached && e.key == key {
		return e.data, true, nil
	}
	data, err = build()
	if err != nil {
		return nil, true, err
	}
	s.pdfs.mu.Lock()
	if s.pdfs.entries == nil {
		s.pdfs.entries = map[string]pdfEntry{}
	}
	s.pdfs.entries[name] = pdfEntry{key: key, data: data}
	s.pdfs.mu.Unlock()
	return data, true, nil
}

// The keys of the cache hash what a PDF shows: the municipality's name and
// address, and the sources of the documents in it.

func newKey(m *model.Municipality) hash.Hash {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", m.Name, m.BaseURL, m.BrandColor)
	for _, lv := range m.Levels {
		if lv != nil {
			fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", lv.Name, lv.Title, lv.Color, lv.Summary)
		}
	}
	return h
}

func writeTool(h hash.Hash, t *model.Tool, tr *model.Translation) {
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", t.Slug, t.Title, t.Summary, t.Kind)
	if t.Body != nil {
		h.Write(t.Body.Source)
	}
	if tr != nil {
		fmt.Fprintf(h, "\x00%s\x00%s\x00%s\x00", tr.Lang, tr.Title, tr.Summary)
		if tr.Body != nil {
			h.Write(tr.Body.Source)
		}
	}
}

func sum(h hash.Hash) (out [32]byte) {
	copy(out[:], h.Sum(nil))
	return out
}

func toolKey(m *model.Municipality, t *model.Tool, tr *model.Translation) [32]byte {
	h := newKey(m)
	writeTool(h, t, tr)
	return sum(h)
}

func guideKey(m *model.Municipality, g *model.Guide) [32]byte {
	h := newKey(m)
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%v\x00", g.ID, g.Title, g.Audience, m.Labels)
	if g.Intro != nil {
		h.Write(g.Intro.Source)
	}
	for _, gl := range g.Levels {
		for _, st := range gl.Steps {
			fmt.Fprintf(h, "\x00%d%s%s", st.Number, st.Title, st.File)
			h.Write(st.Body.Source)
			for _, t := range st.ToolList {
				fmt.Fprintf(h, "\x00%s", t.Title)
			}
		}
	}
	return sum(h)
}

func binderKey(m *model.Municipality) [32]byte {
	h := newKey(m)
	for _, t := range m.Toolbox {
		writeTool(h, t, nil)
	}
	for _, g := range m.Guides {
		for _, gl := range g.Levels {
			for _, st := range gl.Steps {
				for _, t := range st.ToolList {
					fmt.Fprintf(h, "\x00%s", t.Slug)
				}
			}
		}
	}
	return sum(h)
}
