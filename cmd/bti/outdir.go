package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/output"
)

// The codes of what bti build refuses about the output folder
// (generator/diag/messages/output.toml).
const (
	outIsProject   diag.Code = "BTI510"
	outHasProject  diag.Code = "BTI511"
	outInSources   diag.Code = "BTI512"
	outIsGitRoot   diag.Code = "BTI513"
	outIsAProject  diag.Code = "BTI514"
	outNotEmpty    diag.Code = "BTI515"
	outInTheWay    diag.Code = "BTI516"
	outLink        diag.Code = "BTI517"
	outNotAFolder  diag.Code = "BTI518"
	outNameTaken   diag.Code = "BTI519"
	outWriteFailed diag.Code = "BTI520"
	outWriteBroke  diag.Code = "BTI521"
	outIsLink      diag.Code = "BTI522"
)

// sourceFolders are the folders of a project that hold its sources.
var sourceFolders = []string{"municipalities", "content", "themes", ".git"}

// checkOutDir returns what is wrong with building into out (a path, as
// the project folder project sees it), or nil: the project folder
// itself, a folder above it, a folder among its sources, the top of a git
// work tree, another project. Links are followed, so that a public/
// that leads into municipalities/ is refused too. shown is out as the
// messages name it.
func checkOutDir(project, out, shown string) *diag.Diagnostic {
	proj := resolve(project)
	dir := resolve(out)
	at := func(code diag.Code, args ...any) *diag.Diagnostic {
		d := diag.At(diag.Pos{}, code, append([]any{"out", shown}, args...)...)
		return &d
	}
	if sameFolder(dir, proj) {
		return at(outIsProject)
	}
	if within(proj, dir) {
		return at(outHasProject)
	}
	// out, or the nearest folder above it that exists, within a folder of
	// sources.
	for _, src := range sourceFolders {
		s := filepath.Join(proj, src)
		if _, err := os.Stat(s); err == nil && within(dir, s) {
			return at(outInSources, "sources", src+"/")
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		return at(outIsGitRoot)
	}
	if fi, err := os.Stat(filepath.Join(dir, "municipalities")); err == nil && fi.IsDir() {
		return at(outIsAProject)
	}
	if isLink(out) {
		return at(outIsLink, "target", linkTarget(out))
	}
	return nil
}

// within reports whether the folder inner is outer or lies below it
// (each folder on the way compared as sameFolder does).
func within(inner, outer string) bool {
	for d := inner; ; d = filepath.Dir(d) {
		if sameFolder(d, outer) {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

// isLink reports whether the folder out is itself a symbolic link
// (Clean: with a closing separator, Lstat would follow it).
func isLink(out string) bool {
	fi, err := os.Lstat(filepath.Clean(out))
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// linkTarget is where the link out leads, as a whole path with "/"
// (what --out may be given instead).
func linkTarget(out string) string {
	out = filepath.Clean(out)
	target, err := filepath.EvalSymlinks(out)
	if err != nil {
		// A link to nothing: where it would lead.
		if target, err = os.Readlink(out); err != nil {
			return "?"
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(out), target)
		}
	}
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	return filepath.ToSlash(target)
}

// resolve returns the absolute path of p with every link in the part of
// it that exists followed.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for d := abs; ; d = filepath.Dir(d) {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(d) == d {
			return abs
		}
		rest = filepath.Join(filepath.Base(d), rest)
	}
}

// sameFolder reports whether a and b are one folder (by the file system,
// so that case-insensitive names and other ways to one folder count).
func sameFolder(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// shownOut is how messages name the output folder: as given, and where
// that says little (".", ".."), with its whole path.
func shownOut(given, full string) string {
	if given == "" || given == "." || strings.HasPrefix(given, "..") {
		if abs, err := filepath.Abs(full); err == nil {
			return given + " (" + abs + ")"
		}
	}
	return given
}

// writeProblem turns what output.WriteWith returned into a diagnostic.
func writeProblem(err error, shown string) (diag.Diagnostic, bool) {
	if r, ok := output.IsRefused(err); ok {
		files := func() any {
			list := strings.Join(r.Paths, ", ")
			switch {
			case r.All > len(r.Paths) && r.Reason == output.NotEmpty:
				return diag.P("out.and_others", "files", list) // the first few only were looked for
			case r.All > len(r.Paths):
				return diag.P("out.and_more", "files", list, "n", r.All-len(r.Paths))
			}
			return r.Paths
		}
		switch r.Reason {
		case output.NotEmpty:
			return diag.At(diag.Pos{}, outNotEmpty, "out", shown, "files", files()), true
		case output.InTheWay:
			return diag.At(diag.Pos{}, outInTheWay, "out", shown, "files", files()), true
		case output.Link:
			return diag.At(diag.Pos{}, outLink, "out", shown, "path", strings.Join(r.Paths, ", ")), true
		case output.NotAFolder:
			return diag.At(diag.Pos{}, outNotAFolder, "out", shown), true
		case output.DirIsLink:
			return diag.At(diag.Pos{}, outIsLink, "out", shown, "target", linkTarget(r.Dir)), true
		case output.ForeignManifest:
			return diag.At(diag.Pos{}, outNameTaken, "out", shown, "path", strings.Join(r.Paths, ", ")), true
		}
	}
	var we *output.WriteError
	if errors.As(err, &we) {
		code := outWriteFailed
		if we.Changed {
			code = outWriteBroke
		}
		return diag.At(diag.Pos{}, code, "out", shown, "detail", we.Err.Error()), true
	}
	return diag.Diagnostic{}, false
}
