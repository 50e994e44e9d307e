package load

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/source"
)

// reader reads the files of one tree and reports their problems.
type reader struct {
	fsys fs.FS
	l    *diag.List

	mu       sync.Mutex
	unloaded map[string]bool // see model.Municipality.Unloaded
}

// failed records that the file name exists but is not loaded because of
// a mistake reported in it (also under the name it should have had).
func (r *reader) failed(names ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.unloaded == nil {
		r.unloaded = map[string]bool{}
	}
	for _, n := range names {
		r.unloaded[n] = true
	}
}

// isUnloaded reports whether failed recorded name.
func (r *reader) isUnloaded(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.unloaded[name]
}

// unloadedBelow returns the recorded files below the folders dirs.
func (r *reader) unloadedBelow(dirs ...string) map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]bool{}
	for n := range r.unloaded {
		for _, d := range dirs {
			if strings.HasPrefix(n, d+"/") {
				out[n] = true
			}
		}
	}
	return out
}

// text reads a file as normalized UTF-8 text, refusing one that breaks
// the limits of package source (too large, a line too long; for
// Markdown the limits on lines and nesting too).
func (r *reader) text(name string) ([]byte, bool) {
	if st, err := fs.Stat(r.fsys, name); err == nil && source.TooLarge(name, st.Size(), r.l) {
		return nil, false
	}
	data, err := fs.ReadFile(r.fsys, name)
	if err != nil {
		var out interface{ Outside() bool }
		if errors.As(err, &out) && out.Outside() {
			r.l.Report(diag.Pos{File: name, Line: 1, Col: 1}, linkLeadsOut)
			return nil, false
		}
		r.l.Report(diag.Pos{File: name, Line: 1, Col: 1}, cannotRead, "detail", unwrapPathError(err).Error())
		return nil, false
	}
	text, ok := source.Normalize(name, data, r.l)
	if !ok || !source.CheckText(name, text, strings.HasSuffix(name, ".md"), r.l) {
		return nil, false
	}
	return text, true
}

// toml reads a TOML file into v.
func (r *reader) toml(name string, v any) (*source.Doc, bool) {
	text, ok := r.text(name)
	if !ok {
		return nil, false
	}
	return source.DecodeTOML(name, text, 1, v, r.l)
}

// mdFile is a Markdown file whose front matter has been decoded.
type mdFile struct {
	path  string
	front *source.Doc // positions of the front matter keys
	fm    source.FrontMatter
}

// markdown reads a Markdown file and decodes its front matter into front.
// A file without front matter is reported when required is true.
func (r *reader) markdown(name string, front any, required bool) (f mdFile, ok bool) {
	defer func() {
		if !ok {
			r.failed(name)
		}
	}()
	text, ok := r.text(name)
	if !ok {
		return mdFile{}, false
	}
	fm, ok := source.Split(name, text, r.l)
	if !ok {
		return mdFile{}, false
	}
	f = mdFile{path: name, fm: fm}
	if fm.TOML == nil {
		if required {
			r.l.Report(diag.Pos{File: name, Line: 1, Col: 1}, noFrontMatter)
			return f, false
		}
		f.front, _ = source.DecodeTOML(name, nil, 2, front, r.l)
		return f, true
	}
	doc, ok := source.DecodeTOML(name, fm.TOML, fm.TOMLLine, front, r.l)
	f.front = doc
	return f, ok
}

// body parses the Markdown body of a file.
func (r *reader) body(f mdFile, forms bool) *model.Doc {
	return markdown.Parse(f.path, f.fm.Body, forms, r.l)
}

// require reports a missing required key of a file's front matter.
func (r *reader) require(f mdFile, key, value string, example any) bool {
	if strings.TrimSpace(value) != "" {
		return true
	}
	if f.front.Misspelt(key) {
		return false // reported as a typo already
	}
	r.l.Add(diag.At(f.front.Pos(key), missingKey, "key", key, "example", example).WithHint("front"))
	return false
}

// refs turns a list of names from TOML into references with positions.
func refs(doc *source.Doc, key string, names []string) []model.Ref {
	out := make([]model.Ref, 0, len(names))
	for _, n := range names {
		out = append(out, model.Ref{Name: n, Pos: doc.ValuePos(key, n)})
	}
	return out
}

// dirEntries lists a folder, reporting a folder that cannot be read.
func (r *reader) dirEntries(dir string) []fs.DirEntry {
	entries, err := fs.ReadDir(r.fsys, dir)
	if err != nil {
		r.l.Report(diag.Pos{File: dir}, cannotReadDir, "detail", unwrapPathError(err).Error())
		return nil
	}
	return entries
}

// exists reports whether name is a regular file.
func (r *reader) exists(name string) bool {
	st, err := fs.Stat(r.fsys, name)
	return err == nil && st.Mode().IsRegular()
}

// isDir reports whether name is a folder.
func (r *reader) isDir(name string) bool {
	st, err := fs.Stat(r.fsys, name)
	return err == nil && st.IsDir()
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// splitLang splits "samtykke.en" into ("samtykke", "en"); lang is "" for a
// name without a language suffix.
func splitLang(base string) (name, lang string) {
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		return base[:i], base[i+1:]
	}
	return base, ""
}

// validLang reports whether s looks like an ISO 639 language code.
func validLang(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// guard turns a panic while reading file into a diagnostic that names the
// file and asks for a bug report, so that one bad file never crashes the
// whole run with a stack trace. Use it as: defer r.guard(path).
func (r *reader) guard(file string) {
	if p := recover(); p != nil {
		r.l.Report(diag.Pos{File: file}, internalError, "detail", fmt.Sprint(p))
	}
}
