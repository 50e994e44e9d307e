package pipeline

import (
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
)

// Languages says in which language a coordinator reads the messages
// about each file: the language of the municipality the file belongs to
// (bokmål or nynorsk), for national files and problems in no file the
// language of the run (nynorsk when every municipality of it writes
// nynorsk, else bokmål). Force, when not "", is the language of every
// message (--lang en).
type Languages struct {
	Force  string
	byDir  map[string]string // "municipalities/<slug>" -> "nb" or "nn"
	common string
}

// NewLanguages works out the languages of a run over site (whose
// municipalities have their language even when municipality.toml could
// not be read: load finds the language key in it).
func NewLanguages(fsys fs.FS, site *model.Site, force string) *Languages {
	ls := &Languages{Force: force, byDir: map[string]string{}}
	nn, all := 0, 0
	for _, m := range site.Municipalities {
		ls.byDir[m.Dir] = m.Language
	}
	for _, lang := range ls.byDir {
		all++
		if lang == "nn" {
			nn++
		}
	}
	ls.common = "nb"
	if all > 0 && nn == all {
		ls.common = "nn"
	}
	return ls
}

// For returns the language to write a message about file in.
func (ls *Languages) For(file string) string {
	if ls.Force != "" {
		return ls.Force
	}
	if rest, ok := strings.CutPrefix(file, load.MunicipalitiesDir+"/"); ok {
		slug, _, _ := strings.Cut(rest, "/")
		if lang, ok := ls.byDir[load.MunicipalitiesDir+"/"+slug]; ok {
			return lang
		}
	}
	if strings.HasPrefix(file, load.ContentDir+"/") {
		if strings.Contains(path.Base(file), ".nn.") {
			return "nn"
		}
	}
	return ls.common
}

// Run is the language of what concerns the whole run: the closing count,
// the command's own messages.
func (ls *Languages) Run() string {
	if ls.Force != "" {
		return ls.Force
	}
	return ls.common
}

// Printer prints diagnostics in these languages, in format ("text",
// "github" or "json").
func (ls *Languages) Printer(format string) diag.Printer {
	return diag.Printer{Lang: ls.For, Summary: ls.Run(), Format: format}
}

// Print prints the diagnostics of l in these languages, sorted, with a
// closing count, and returns the number of errors.
func (ls *Languages) Print(w io.Writer, l *diag.List) int {
	return ls.Printer("text").Print(w, l)
}
