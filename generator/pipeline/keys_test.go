package pipeline

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/parallel"
	"github.com/bti-handbook/bti/generator/pdf"
	"github.com/bti-handbook/bti/generator/render"
	"github.com/bti-handbook/bti/themes"
)

// copyFS copies the files of src below dir into m, under prefix.
func copyFS(t testing.TB, m fstest.MapFS, src fs.FS, dir, prefix string) {
	t.Helper()
	err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		m[prefix+p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// lillestromProject is the Lillestrøm sample with the national content
// as files of the project, to edit.
func lillestromProject(t testing.TB) fstest.MapFS {
	m := fstest.MapFS{}
	copyFS(t, m, os.DirFS("../.."), "municipalities/lillestrom", "")
	copyFS(t, m, os.DirFS("../.."), "content", "")
	return m
}

// keysOf returns the key of every PDF of the project, by path, and the
// PDFs themselves. The keys a build takes (pdf.Keys, each document
// hashed once) must be the keys bti serve takes (Job.Key, one by one).
func keysOf(t testing.TB, fsys fs.FS, opts render.Options) (map[string][32]byte, map[string][]byte, *model.Site) {
	t.Helper()
	site, l := Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	jobs, err := PDFJobs(fsys, site, opts)
	if err != nil {
		t.Fatal(err)
	}
	keys, pdfs := map[string][32]byte{}, map[string][]byte{}
	var mu sync.Mutex
	parallel.Do(len(jobs), func(i int) {
		data, err := jobs[i].Make()
		if err != nil {
			t.Error(err)
		}
		mu.Lock()
		keys[jobs[i].Path], pdfs[jobs[i].Path] = jobs[i].Key(), data
		mu.Unlock()
	})
	pj := make([]pdf.Job, len(jobs))
	for i, j := range jobs {
		pj[i] = j.Job
	}
	for i, k := range pdf.Keys(pj) {
		if k != keys[jobs[i].Path] {
			t.Errorf("%s: the build's key is not bti serve's", jobs[i].Path)
		}
	}
	return keys, pdfs, site
}

// edit replaces the first match of re in the file name of m.
func edit(t testing.TB, m fstest.MapFS, name, re, with string) {
	t.Helper()
	f, ok := m[name]
	if !ok {
		t.Fatalf("no %s", name)
	}
	e := regexp.MustCompile(re)
	if !e.Match(f.Data) {
		t.Fatalf("%s has nothing like %s", name, re)
	}
	done := false
	f.Data = e.ReplaceAllFunc(f.Data, func(b []byte) []byte {
		if done {
			return b
		}
		done = true
		return e.ReplaceAll(b, []byte(with))
	})
}

// guidesListing returns the PDFs of the guides of m that list the tool
// slug in a step.
func guidesListing(m *model.Municipality, slug string) []string {
	var out []string
	for _, g := range m.Guides {
		listed := false
		for _, gl := range g.Levels {
			for _, s := range gl.Steps {
				for _, tl := range s.ToolList {
					listed = listed || tl.Slug == slug
				}
			}
		}
		if listed {
			out = append(out, "lillestrom/pdf/veileder-"+g.ID+".pdf")
		}
	}
	return out
}

// TestKeysFollowWhatEachPDFShows: an edit of each input of the PDFs
// changes the keys of exactly the PDFs that show it (so bti build makes
// those again and keeps the others): a step's summary and deadline (its
// guide and the deck's speaker notes), a level's colour (the guides, the
// binder, the posters and the deck), the municipality's name and logo
// and a word of the interface text (every PDF), a form's text (the form
// and the binder), its title and its date from git (and the guides that
// list it, and the deck and its notes when it is among the most used). Every PDF is made each time:
// one whose key did not change must come out byte for byte the same (a
// key that missed an input would let a stale PDF survive), one whose key
// changed must differ.
func TestKeysFollowWhatEachPDFShows(t *testing.T) {
	base, basePDFs, site := keysOf(t, lillestromProject(t), render.Options{})
	m := site.Municipalities[0]
	all := func() []string {
		var out []string
		for p := range base {
			out = append(out, p)
		}
		return out
	}
	guides := func() []string {
		var out []string
		for _, g := range m.Guides {
			out = append(out, "lillestrom/pdf/veileder-"+g.ID+".pdf")
		}
		return out
	}
	posters := func() []string {
		var out []string
		for p := range base {
			if strings.HasPrefix(p, "lillestrom/pdf/plakat-") {
				out = append(out, p)
			}
		}
		return out
	}
	deck, notes := "lillestrom/pdf/opplaering.pdf", "lillestrom/pdf/opplaering-notater.pdf"
	for _, p := range append(posters(), deck, notes) {
		if _, ok := base[p]; !ok || len(posters()) == 0 {
			t.Fatalf("no %s among the PDFs (posters: %v)", p, posters())
		}
	}
	// A form the deck shows among the most used, and one it does not.
	shown := m.MostUsedForms()[0]
	shownPDF, shownFile := "lillestrom/pdf/"+shown.Slug+".pdf", shown.File
	const form = "overgang-barnehage-skole"
	for i, f := range m.MostUsedForms() {
		if f.Slug == form && i < 4 {
			t.Fatalf("the deck shows %s: the test needs a form it does not show", form)
		}
	}
	formPDF, binder := "lillestrom/pdf/"+form+".pdf", "lillestrom/pdf/perm.pdf"
	formFile := "municipalities/lillestrom/toolbox/" + form + ".md"
	listing := guidesListing(m, form)
	if len(listing) == 0 || len(listing) == len(m.Guides) {
		t.Fatalf("the form is listed by %v: the test needs a form some guides list and others not", listing)
	}
	logo := func() []byte {
		img := image.NewRGBA(image.Rect(0, 0, 4, 4))
		img.Set(1, 1, color.RGBA{200, 0, 0, 255})
		var b bytes.Buffer
		png.Encode(&b, img)
		return b.Bytes()
	}()
	i18n := fstest.MapFS{}
	copyFS(t, i18n, themes.FS(), ".", "")

	cases := []struct {
		name    string
		edit    func(p fstest.MapFS, o *render.Options)
		changed []string
		// loose: a PDF whose key changed may come out the same (it
		// depends on the input only where another is missing: bokmål's
		// words are the fallback of every language's).
		loose bool
	}{
		{"a step's summary", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, "municipalities/lillestrom/guides/skole/niva-1/02-gjennomfor-tiltak.md", `(?m)^summary = ".*"$`, `summary = "Et nytt sammendrag."`)
		}, []string{"lillestrom/pdf/veileder-skole.pdf", notes}, false},
		{"a step's deadline", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, "municipalities/lillestrom/guides/helsestasjon/niva-1/02-gjennomfor-tiltak.md", `(?m)^summary = `, "deadline = \"Innen 14 dager\"\nsummary = ")
		}, []string{"lillestrom/pdf/veileder-helsestasjon.pdf", notes}, false},
		{"a level's colour", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, "content/levels.toml", `color = "#2e7d32"`, `color = "#6a1b9a"`)
		}, append(append(guides(), binder, deck, notes), posters()...), false},
		{"the municipality's name", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, "municipalities/lillestrom/municipality.toml", `(?m)^name = ".*"$`, `name = "Nye Lillestrøm kommune"`)
		}, all(), false},
		{"the municipality's logo", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, "municipalities/lillestrom/municipality.toml", `(?m)^brand_color = `, "logo = \"assets/logo.png\"\nbrand_color = ")
			p["municipalities/lillestrom/assets/logo.png"] = &fstest.MapFile{Data: logo, Mode: 0o644}
		}, all(), false},
		{"a word of the bokmål interface text", func(p fstest.MapFS, o *render.Options) {
			w := fstest.MapFS{}
			maps.Copy(w, i18n)
			w["i18n/nb.toml"] = &fstest.MapFile{Data: bytes.Clone(i18n["i18n/nb.toml"].Data)}
			edit(t, w, "i18n/nb.toml", `(?m)^pdf_page = ".*"$`, `pdf_page = "Sidetall"`)
			o.Themes = w
		}, all(), true},
		{"a word of the English interface text", func(p fstest.MapFS, o *render.Options) {
			w := fstest.MapFS{}
			maps.Copy(w, i18n)
			w["i18n/en.toml"] = &fstest.MapFile{Data: bytes.Clone(i18n["i18n/en.toml"].Data)}
			edit(t, w, "i18n/en.toml", `(?m)^pdf_page = ".*"$`, `pdf_page = "Sheet"`)
			o.Themes = w
		}, []string{"lillestrom/pdf/samtykkeskjema.en.pdf"}, false},
		{"a word of the nynorsk interface text", func(p fstest.MapFS, o *render.Options) {
			w := fstest.MapFS{}
			maps.Copy(w, i18n)
			w["i18n/nn.toml"] = &fstest.MapFile{Data: bytes.Clone(i18n["i18n/nn.toml"].Data)}
			edit(t, w, "i18n/nn.toml", `(?m)^pdf_page = ".*"$`, `pdf_page = "Blad"`)
			o.Themes = w
		}, nil, false},
		{"a form's text", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, formFile, `(?m)^## `, "Et nytt avsnitt.\n\n## ")
		}, []string{formPDF, binder}, false},
		{"a form's title", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, formFile, `(?m)^title = ".*"$`, `title = "Et nytt navn på skjemaet"`)
		}, append([]string{formPDF, binder}, listing...), false},
		{"a form's date from git", func(p fstest.MapFS, o *render.Options) {
			o.Changed = map[string]string{formFile: "2031-02-03"}
		}, append([]string{formPDF, binder}, listing...), false},
		{"the text of a form the deck shows", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, shownFile, `(?m)^## `, "Et nytt avsnitt.\n\n## ")
		}, []string{shownPDF, binder}, false},
		{"the title of a form the deck shows", func(p fstest.MapFS, o *render.Options) {
			edit(t, p, shownFile, `(?m)^title = ".*"$`, `title = "Et nytt navn på skjemaet"`)
		}, append([]string{shownPDF, binder, deck, notes}, guidesListing(m, shown.Slug)...), false},
		{"the date from git of a form the deck shows", func(p fstest.MapFS, o *render.Options) {
			o.Changed = map[string]string{shownFile: "2031-02-03"}
		}, append([]string{shownPDF, binder, deck, notes}, guidesListing(m, shown.Slug)...), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := lillestromProject(t)
			var o render.Options
			c.edit(p, &o)
			keys, pdfs, _ := keysOf(t, p, o)
			want := map[string]bool{}
			for _, w := range c.changed {
				want[w] = true
			}
			var wrong []string
			for path, k := range keys {
				if changed := k != base[path]; changed != want[path] {
					wrong = append(wrong, map[bool]string{true: "key changed: ", false: "key unchanged: "}[changed]+path)
				}
				if same := bytes.Equal(pdfs[path], basePDFs[path]); same != (k == base[path]) && !(same && c.loose) {
					wrong = append(wrong, map[bool]string{true: "same bytes, another key: ", false: "other bytes, the same key (stale): "}[same]+path)
				}
			}
			if len(keys) != len(base) {
				t.Errorf("%d PDFs, before %d", len(keys), len(base))
			}
			sort.Strings(wrong)
			if len(wrong) > 0 {
				t.Errorf("keys against what the PDFs show:\n%s", strings.Join(wrong, "\n"))
			}
		})
	}
}
