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
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bti-handbook/bti/generator/parallel"
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
//
// An owned folder that does not exist yet (every folder, on a first
// build) is written whole in the staging folder and renamed into place at
// the end: readers see it appear complete, and each file costs three
// system calls instead of five.
func Write(dir string, tree Tree, owned []string) (Stats, error) {
	paths := make([]string, 0, len(tree))
	for p := range tree {
		if !fs.ValidPath(p) || strings.HasPrefix(filepath.Base(p), tmpPrefix) {
			return Stats{}, fmt.Errorf("output: invalid path %q", p)
		}
		paths = append(paths, p)
	}
	sort.Strings(paths)
	man := readManifest(dir)
	old, err := scan(dir, owned, man)
	if err != nil {
		return Stats{}, err
	}
	// From here on the output changes: no manifest until it is true again.
	if err := os.Remove(manifestPath(dir)); err != nil && !os.IsNotExist(err) {
		return Stats{}, fmt.Errorf("output: %w", err)
	}
	staging := filepath.Clean(dir) + ".bti-staging"
	os.RemoveAll(staging) // left by a build that was killed
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, fmt.Errorf("output: %w", err)
	}
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return Stats{}, fmt.Errorf("output: %w", err)
	}
	defer os.RemoveAll(staging)
	w := &writer{staging: staging, chmod: needsChmod(staging)}
	// fresh are the owned folders that do not exist: built in staging.
	fresh := map[string]bool{}
	for _, o := range owned {
		if o != "" && !old.dirs[o] {
			fresh[o] = true
		}
	}
	target := func(p string) string {
		if top, _, ok := strings.Cut(p, "/"); ok && fresh[top] {
			return filepath.Join(staging, filepath.FromSlash(p))
		}
		return filepath.Join(dir, filepath.FromSlash(p))
	}
	if err := makeDirs(paths, target, old.dirs); err != nil {
		return Stats{}, err
	}
	var (
		mu    sync.Mutex
		stats Stats
		first error
		wg    sync.WaitGroup
	)
	stamps := make([]stamp, len(paths))
	var next atomic.Int64
	for range max(2, runtime.GOMAXPROCS(0)*2) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				p := paths[i]
				var changed bool
				var err error
				if top, _, ok := strings.Cut(p, "/"); ok && fresh[top] {
					changed = true
					stamps[i], err = w.create(target(p), tree[p])
				} else {
					changed, stamps[i], err = w.replace(target(p), tree[p], old.mayHold(p), man.stamp(p))
				}
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
	wg.Wait()
	if first != nil {
		return stats, first
	}
	for _, o := range owned {
		if !fresh[o] {
			continue
		}
		src := filepath.Join(staging, filepath.FromSlash(o))
		if _, err := os.Lstat(src); err != nil {
			continue // the build has no files there
		}
		if err := os.Rename(src, filepath.Join(dir, filepath.FromSlash(o))); err != nil {
			return stats, fmt.Errorf("output: %w", err)
		}
	}
	if stats.Removed, err = old.removeStale(dir, tree); err != nil {
		return stats, err
	}
	byPath := make(map[string]stamp, len(paths))
	for i, p := range paths {
		byPath[p] = stamps[i]
	}
	// When the build changed nothing, the folders' times seen while
	// listing are still true and need not be read again.
	var seen map[string]int64
	if stats.Written == 0 && stats.Removed == 0 && len(fresh) == 0 {
		seen = old.times
	}
	if err := writeManifest(dir, owned, byPath, man, seen); err != nil {
		return stats, fmt.Errorf("output: %w", err)
	}
	return stats, nil
}

// existing is what the output folder held before the build.
type existing struct {
	files map[string]bool  // slash paths of files under the owned folders
	dirs  map[string]bool  // slash paths of folders
	order []string         // the folders under owned ones, parents first
	owned map[string]bool  // the owned folders, which were listed
	times map[string]int64 // folder times seen while listing (from the manifest's folders)
}

// mayHold reports whether the file p may have been there before the
// build: it was listed, or it is outside what was listed.
func (old *existing) mayHold(p string) bool {
	if old.files[p] {
		return true
	}
	_, listed := ownerOf(p, old.owned)
	return !listed
}

// scan lists the files and folders under the owned folders of dir: from
// the manifest of the last build where it has them (and a folder whose
// time changed since is read again: someone put or removed something
// there), otherwise with one directory read per folder (no stat per
// file); the owned folders on all cores.
func scan(dir string, owned []string, man *manifest) (*existing, error) {
	recorded := man.lists()
	old := &existing{files: map[string]bool{}, dirs: map[string]bool{}, owned: map[string]bool{}}
	for _, o := range owned {
		old.owned[o] = true
	}
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return old, nil
	}
	type listing struct {
		files, dirs []string
		times       map[string]int64
		err         error
	}
	lists := make([]listing, len(owned))
	parallel.Do(len(owned), func(i int) {
		o := owned[i]
		l := &lists[i]
		var walk func(rel string, top bool)
		walk = func(rel string, top bool) {
			f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
			if err != nil {
				if !os.IsNotExist(err) && l.err == nil {
					l.err = err
				}
				return
			}
			entries, err := f.ReadDir(-1)
			f.Close()
			if err != nil && l.err == nil {
				l.err = err
			}
			if rel != "" {
				l.dirs = append(l.dirs, rel)
			}
			for _, e := range entries {
				p := e.Name()
				if rel != "" {
					p = rel + "/" + p
				}
				switch {
				case !e.IsDir():
					l.files = append(l.files, p)
				case top && o == "":
					l.dirs = append(l.dirs, p) // a folder the root's owner does not own
				default:
					walk(p, false)
				}
			}
		}
		if files, ok := recorded[o]; ok {
			// As the last build left it, unless a folder's time differs
			// from the recorded one: someone put a file in or took one
			// out, and the folder is listed as if there were no manifest.
			dirs := foldersOf(o, files)
			times := make(map[string]int64, len(dirs))
			for _, d := range dirs {
				fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(d)))
				if err != nil || !fi.IsDir() || fi.ModTime().UnixNano() != man.dirs[d] {
					times = nil
					break
				}
				times[d] = fi.ModTime().UnixNano()
			}
			if times != nil {
				l.files, l.times = files, times
				for _, d := range dirs {
					if d != "" {
						l.dirs = append(l.dirs, d)
					}
				}
				return
			}
		}
		walk(o, true)
	})
	old.times = map[string]int64{}
	for _, l := range lists {
		if l.err != nil {
			return nil, fmt.Errorf("output: %w", l.err)
		}
		for d, t := range l.times {
			old.times[d] = t
		}
		for _, f := range l.files {
			old.files[f] = true
		}
		for _, d := range l.dirs {
			if !old.dirs[d] {
				old.dirs[d] = true
				old.order = append(old.order, d)
			}
		}
	}
	return old, nil
}

// makeDirs creates every folder the files need, once each, skipping the
// ones that exist.
func makeDirs(paths []string, target func(string) string, exists map[string]bool) error {
	made := map[string]bool{}
	for _, p := range paths {
		if d := path.Dir(p); d == "." || exists[d] {
			continue
		}
		d := filepath.Dir(target(p))
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

// writer writes files through the staging folder.
type writer struct {
	staging string
	chmod   bool // the umask takes bits from 0644: set them after creating
	n       atomic.Int64
}

// needsChmod reports whether files created with mode 0644 in dir come out
// otherwise (a umask stricter than 022), so that they must be chmodded to
// be readable by a web server.
func needsChmod(dir string) bool {
	name := filepath.Join(dir, tmpPrefix+"mode")
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return true
	}
	st, err := f.Stat()
	f.Close()
	os.Remove(name)
	return err != nil || st.Mode().Perm() != 0o644
}

// create writes a new file that no reader can see yet (it is in staging),
// and returns its stamp.
func (w *writer) create(name string, data []byte) (stamp, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return stamp{}, fmt.Errorf("output: %w", err)
	}
	_, err = f.Write(data)
	if err == nil && w.chmod {
		err = f.Chmod(0o644)
	}
	var st fs.FileInfo
	if err == nil {
		st, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return stamp{}, fmt.Errorf("output: %w", err)
	}
	return stampOf(st, data), nil
}

// replace puts data at name unless it holds data already (when it existed
// before the build); the new file is written in staging and renamed into
// place, so a reader sees the old file or the new one, never a part. When
// the manifest's stamp of the file (rec) matches data and the file on
// disk, the file is not read at all.
func (w *writer) replace(name string, data []byte, existed bool, rec *stamp) (changed bool, st stamp, err error) {
	if existed && rec != nil {
		if rec.matches(data) {
			if fi, err := os.Lstat(name); err == nil && rec.on(fi) {
				return false, *rec, nil
			}
		}
	}
	if existed {
		if fi, ok := same(name, data); ok {
			return false, stampOf(fi, data), nil
		}
	}
	tmp := filepath.Join(w.staging, tmpPrefix+strconv.FormatInt(w.n.Add(1), 10))
	if st, err = w.create(tmp, data); err != nil {
		return false, st, err
	}
	err = os.Rename(tmp, name)
	if os.IsNotExist(err) {
		// The folder was removed since the last build listed it.
		if err = os.MkdirAll(filepath.Dir(name), 0o755); err == nil {
			err = os.Rename(tmp, name)
		}
	}
	if err != nil {
		os.Remove(tmp)
		return false, st, fmt.Errorf("output: %w", err)
	}
	return true, st, nil
}

// buffers hold what same reads, reused between files.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// same reports whether the regular file name holds exactly data, with its
// file information when it does.
func same(name string, data []byte) (fs.FileInfo, bool) {
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	bp := buffers.Get().(*[]byte)
	defer buffers.Put(bp)
	if cap(*bp) < len(data)+1 {
		*bp = make([]byte, len(data)+1)
	}
	// One byte more than data: a longer file shows as a short compare.
	buf := (*bp)[:len(data)+1]
	n, err := io.ReadFull(f, buf)
	if err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, false // longer than data, or unreadable
	}
	if !bytes.Equal(buf[:n], data) {
		return nil, false
	}
	fi, err := f.Stat()
	return fi, err == nil
}

// removeStale removes the files that were there before the build and that
// tree does not hold (temporary files left by killed builds among them),
// then the folders left empty.
func (old *existing) removeStale(dir string, tree Tree) (int, error) {
	removed := 0
	for p := range old.files {
		if _, ok := tree[p]; ok {
			continue
		}
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil && !os.IsNotExist(err) {
			return removed, fmt.Errorf("output: %w", err)
		}
		if !strings.HasPrefix(path.Base(p), tmpPrefix) {
			removed++
		}
	}
	if removed == 0 {
		return 0, nil
	}
	// Deepest first, so that parents empty out after their children.
	for i := len(old.order) - 1; i >= 0; i-- {
		os.Remove(filepath.Join(dir, filepath.FromSlash(old.order[i]))) // fails, harmlessly, unless empty
	}
	return removed, nil
}
