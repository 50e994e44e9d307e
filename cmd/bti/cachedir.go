package main

import (
	"path/filepath"

	"github.com/bti-handbook/bti/generator/diag"
)

// The codes of the cache folder (generator/diag/messages/scale.toml).
const (
	cacheInOut     diag.Code = "BTI540"
	cacheInSources diag.Code = "BTI541"
	cacheUnusable  diag.Code = "BTI542"
	cacheNotSaved  diag.Code = "BTI543"
	cacheIsProject diag.Code = "BTI544"
)

// checkCacheDir returns what is wrong with keeping the PDFs in cache (a
// path, as the project folder project sees it), or nil: inside the
// output folder out, or holding it (its files would be published, or
// the site's files taken for the cache's), the project folder itself or
// a folder above it, or a folder of the sources. Links are followed.
// shown and outShown are the folders as the messages name them.
func checkCacheDir(project, out, cache, shown, outShown string) *diag.Diagnostic {
	proj, dir, o := resolve(project), resolve(cache), resolve(out)
	at := func(code diag.Code, args ...any) *diag.Diagnostic {
		d := diag.At(diag.Pos{}, code, append([]any{"cache", shown, "out", outShown}, args...)...)
		return &d
	}
	if within(proj, dir) {
		return at(cacheIsProject)
	}
	if within(dir, o) || within(o, dir) {
		return at(cacheInOut)
	}
	for _, src := range sourceFolders {
		if within(dir, filepath.Join(proj, src)) {
			return at(cacheInSources, "sources", src+"/")
		}
	}
	return nil
}
