// Package output writes a built site to disk so that nothing is ever lost:
//
//   - every file is written under a temporary name in a staging folder
//     beside the output folder (<dir>.bti-staging, on the same disk) and
//     renamed over its place, so a reader (or a build killed half-way)
//     sees either the old or the new version, never a truncated file, and
//     no half-written file is ever inside the output folder;
//   - files whose bytes did not change are not touched, which keeps
//     rebuilds fast and lets servers keep their caches;
//   - files the build no longer produces are removed at the end, only
//     inside the folders the build owns;
//   - the caller writes nothing at all when the build found mistakes.
package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
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

// tmpPrefix starts the names of files being written; Write removes ones
// left behind by a build that was killed.
const tmpPrefix = ".bti-tmp-"

// Write writes tree into dir. Files under the folders in owned (slash
// paths relative to dir; "" for the root files only) that tree does not
// hold are removed afterwards.
func Write(dir string, tree Tree, owned []string) (Stats, error) {
	paths := make([]string, 0, len(tree))
	for p := range tree {
		if !fs.ValidPath(p) || strings.HasPrefix(filepath.Base(p), tmpPrefix) {
			return Stats{}, fmt.Errorf("output: invalid path %q", p)
		}
		paths = append(paths, p)
	}
	sort.Strings(paths)
	if err := makeDirs(dir, paths); err != nil {
		return Stats{}, err
	}
	staging := filepath.Clean(dir) + ".bti-staging"
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return Stats{}, fmt.Errorf("output: %w", err)
	}
	defer os.RemoveAll(staging)
	var (
		mu    sync.Mutex
		stats Stats
		first error
		wg    sync.WaitGroup
	)
	work := make(chan string)
	for range max(2, runtime.GOMAXPROCS(0)*2) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				changed, err := writeFile(staging, filepath.Join(dir, filepath.FromSlash(p)), tree[p])
				mu.Lock()
				switch {
				case err != nil && first == nil:
					first = err
				case changed:
					stats.Written++
				case err == nil:
					stats.Unchanged++
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	if first != nil {
		return stats, first
	}
	removed, err := removeStale(dir, tree, owned)
	stats.Removed = removed
	return stats, err
}

// makeDirs creates every folder the files need, once each.
func makeDirs(dir string, paths []string) error {
	made := map[string]bool{}
	for _, p := range paths {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(p)))
		if made[d] {
			continue
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		made[d] = true
	}
	return nil
}

// writeFile replaces name with data unless it holds data already; the new
// file is written in staging and renamed into place.
func writeFile(staging, name string, data []byte) (changed bool, err error) {
	if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(data)) {
		if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
			return false, nil
		}
	}
	f, err := os.CreateTemp(staging, tmpPrefix+"*")
	if err != nil {
		return false, fmt.Errorf("output: %w", err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp, name)
	}
	if werr != nil {
		os.Remove(tmp)
		return false, fmt.Errorf("output: %w", werr)
	}
	return true, nil
}

// removeStale removes files under the owned folders that tree does not
// hold, temporary files left by killed builds, and folders left empty.
func removeStale(dir string, tree Tree, owned []string) (int, error) {
	removed := 0
	for _, o := range owned {
		root := filepath.Join(dir, filepath.FromSlash(o))
		var dirs []string
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if o == "" && p != root {
					return filepath.SkipDir // the root's own files only
				}
				dirs = append(dirs, p)
				return nil
			}
			if _, ok := tree[rel]; ok {
				return nil
			}
			if err := os.Remove(p); err != nil {
				return err
			}
			if !strings.HasPrefix(d.Name(), tmpPrefix) {
				removed++
			}
			return nil
		})
		if err != nil {
			return removed, fmt.Errorf("output: %w", err)
		}
		// Deepest first, so that parents empty out after their children.
		for i := len(dirs) - 1; i >= 0; i-- {
			if dirs[i] != root {
				os.Remove(dirs[i]) // fails, harmlessly, unless empty
			}
		}
	}
	return removed, nil
}
