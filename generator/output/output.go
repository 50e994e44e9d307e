// Package output writes a built site to disk so that nothing is ever lost:
//
//   - only bti's own files are ever removed or replaced: the manifest
//     beside the output folder (<dir>.bti-manifest) records every file a
//     build wrote, and a file it does not name is left alone; a folder
//     that holds files but no manifest is refused unless Options.Force
//     takes it over (still never touching what is there); a file of
//     someone else's where the build would put one of its own, or a
//     folder on the way that is a symbolic link, makes the build refuse,
//     with nothing written;
//   - the new files are all written first, under temporary names in a
//     staging folder beside the output folder (<dir>.bti-staging, outside
//     what is served), and only then renamed over their places: a full
//     disk or any other failure while writing leaves the previous site as
//     it was, and a reader (or a build killed half-way) sees each file
//     whole, in its old or its new version, never a part of one;
//   - when the staging folder is on another file system (the output
//     folder is a mount point), the temporary files are written beside
//     their places instead, and renamed there;
//   - files whose bytes did not change are not touched, which keeps
//     rebuilds fast and lets servers keep their caches;
//   - files of bti's that the build no longer produces are removed at
//     the end, only inside the folders the build owns;
//   - the caller writes nothing at all when the build found mistakes.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Tree is a built site: file contents by slash-separated path relative to
// the output folder.
type Tree map[string][]byte

// Stats counts what Write did.
type Stats struct {
	Written   int // new or changed files
	Unchanged int // files left as they were
	Removed   int // files no longer produced
}

// String formats the counts for the command's summary line.
func (s Stats) String() string {
	return fmt.Sprintf("%d written, %d unchanged, %d removed", s.Written, s.Unchanged, s.Removed)
}

// Options says which parts of the output folder a build is the whole of,
// and what it may take over.
type Options struct {
	// Owned are the folders (one name below the output folder: a
	// municipality's slug, "assets"; "" for the files at the top) this
	// build makes whole: the files of bti's there that the tree does not
	// hold are removed. The folder of every path of the tree is owned
	// whether it is listed or not; a folder listed with no files in the
	// tree (a municipality removed from the project) loses every file
	// bti wrote there.
	Owned []string
	// Notes is a line of text to keep with each owned folder, which a
	// later build reads with Notes (a subset build lists the
	// municipalities it did not build from them).
	Notes map[string]string
	// Force lets the build write into a folder that holds files but no
	// manifest. Even then, no file that bti did not write is removed or
	// replaced.
	Force bool
}

// Write writes tree into dir, owning the folders in owned (see
// Options.Owned).
func Write(dir string, tree Tree, owned []string) (Stats, error) {
	return WriteWith(dir, tree, Options{Owned: owned})
}

// tmpPrefix starts the names of files being written.
const tmpPrefix = ".bti-tmp-"

// stagingMark is the file that makes a staging folder bti's own: a
// killed build leaves the folder, and the next one removes it only when
// it holds this file (or nothing).
const stagingMark = ".bti-staging"

func stagingPath(dir string) string { return filepath.Clean(dir) + ".bti-staging" }

// Hooks for the tests: a full disk, a rename across file systems.
var (
	writeData  = func(f *os.File, data []byte) (int, error) { return f.Write(data) }
	rename     = os.Rename
	sameDevice = sameDeviceOS
)

// WriteWith writes tree into dir as opts allows: a session (Begin) with
// the whole tree as its one part. It returns a *RefusedError, having
// written nothing, when the folder is not bti's to write (see the
// package documentation), and a *WriteError when writing failed.
func WriteWith(dir string, tree Tree, opts Options) (Stats, error) {
	for p := range tree {
		if !validPath(p) {
			return Stats{}, fmt.Errorf("output: invalid path %q", p)
		}
	}
	s, err := Begin(dir, opts)
	if err != nil {
		return Stats{}, err
	}
	if err := s.Add(tree, nil); err != nil {
		s.Abort()
		return Stats{}, err
	}
	return s.Commit()
}

// someFiles returns the first few files below dir (slash paths, links
// counted as files), none when it holds only empty folders.
func someFiles(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != dir {
				out = append(out, filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator))))
			}
			return nil
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		if len(out) > maxPaths {
			return filepath.SkipAll
		}
		return nil
	})
	return out
}

// someEntries returns the names of a few of the entries of dir.
func someEntries(dir string) []string {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	names, _ := f.Readdirnames(maxPaths)
	sort.Strings(names)
	return names
}

// clearStaging removes what a killed build left in the staging folder,
// when it is bti's: it holds the mark, or nothing. Anything else there is
// errForeignManifest.
func clearStaging(staging string) error {
	fi, err := os.Lstat(staging)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return errForeignManifest
	}
	if _, err := os.Lstat(filepath.Join(staging, stagingMark)); err != nil {
		if names := someEntries(staging); len(names) > 0 {
			return errForeignManifest
		}
	}
	return removeStaging(staging)
}

// removeStaging removes the staging folder with its mark last, so that a
// build killed while removing it leaves a folder the next build still
// knows as bti's (the mark, or nothing at all).
func removeStaging(staging string) error {
	entries, err := os.ReadDir(staging)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		if e.Name() != stagingMark {
			if err := os.RemoveAll(filepath.Join(staging, e.Name())); err != nil {
				return err
			}
		}
	}
	if err := os.Remove(filepath.Join(staging, stagingMark)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Remove(staging); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func sorted(s []string) []string {
	sort.Strings(s)
	return s
}
