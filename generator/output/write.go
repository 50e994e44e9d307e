package output

import (
	"bytes"
	"errors"
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
)

// writer writes files for one build.
type writer struct {
	dir     string
	staging string
	chmod   bool // the umask takes bits from 0644: set them after creating
	// beside: the staging folder is on another file system than dir, so
	// files are written under a temporary name beside their place.
	beside bool
	n      atomic.Int64
}

// tmpBeside is the temporary name of p beside it, when it is written in
// its own folder: one name per file, so that the next build knows a
// temporary file that a killed build left for one of its files.
func tmpBeside(p string) string {
	base := path.Base(p)
	name := tmpPrefix + base
	if len(name) > 200 {
		name = tmpPrefix + strconv.FormatUint(checksum([]byte(base)), 16)
	}
	if d := path.Dir(p); d != "." {
		return d + "/" + name
	}
	return name
}

// each runs fn for 0..n-1 on a few goroutines per core (the work waits
// on the disk) and returns the first error.
func each(n int, fn func(i int) error) error {
	var (
		next  atomic.Int64
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for range min(n, max(2, runtime.GOMAXPROCS(0)*2)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return first
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

// create writes data to a new file name (exclusive: in staging, nothing
// else is there; beside its place, a temporary file of bti's may be left
// from a killed build and is written over) and returns its stamp. A
// failed file is removed.
func (w *writer) create(name string, data []byte, exclusive bool) (stamp, error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if exclusive {
		flags = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	f, err := os.OpenFile(name, flags, 0o644)
	if err != nil {
		return stamp{}, err
	}
	_, err = writeData(f, data)
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
		os.Remove(name)
		return stamp{}, err
	}
	return stampOf(st, data), nil
}

// target is where p goes in dir.
func (b *build) target(p string) string { return filepath.Join(b.dir, filepath.FromSlash(p)) }

// stage writes every new or changed file under a temporary name: in the
// staging folder, or beside its place when that is on another file
// system (then the folders it needs are made in dir). Nothing of the
// previous site is changed.
func (b *build) stage() error {
	b.tmps = make([]string, len(b.paths))
	made := map[string]bool{}
	for i, p := range b.paths {
		if b.outs[i] != outWrite {
			continue
		}
		d := path.Dir(p)
		if made[d] {
			continue
		}
		made[d] = true
		switch {
		case b.plans[i] == planFresh:
			if err := os.MkdirAll(filepath.Join(b.w.staging, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
		case b.w.beside:
			if err := b.mkdirs(d); err != nil {
				return err
			}
		}
	}
	return each(len(b.paths), func(i int) error {
		if b.outs[i] != outWrite {
			return nil
		}
		p := b.paths[i]
		var tmp string
		switch {
		case b.plans[i] == planFresh:
			tmp = filepath.Join(b.w.staging, filepath.FromSlash(p))
		case b.w.beside:
			tmp = b.target(tmpBeside(p))
		default:
			tmp = filepath.Join(b.w.staging, tmpPrefix+strconv.FormatInt(b.w.n.Add(1), 10))
		}
		st, err := b.w.create(tmp, b.tree[p], !b.w.beside || b.plans[i] == planFresh)
		if err != nil {
			return err
		}
		b.tmps[i], b.stamps[i] = tmp, st
		return nil
	})
}

// mkdirs makes the folder d of dir and those above it that are missing,
// remembering which it made (for unstage).
func (b *build) mkdirs(d string) error {
	if d == "." || b.verified[d] {
		return nil
	}
	if err := b.mkdirs(path.Dir(d)); err != nil {
		return err
	}
	err := os.Mkdir(b.target(d), 0o755)
	switch {
	case err == nil:
		b.made = append(b.made, d)
	case errors.Is(err, fs.ErrExist):
	default:
		return err
	}
	b.verified[d] = true
	return nil
}

// unstage removes what stage put in dir: the temporary files beside
// their places, and the folders made for them. (The staging folder goes
// as a whole.)
func (b *build) unstage() {
	if !b.w.beside {
		return
	}
	for i, tmp := range b.tmps {
		if tmp != "" && b.plans[i] != planFresh {
			os.Remove(tmp)
		}
	}
	for i := len(b.made) - 1; i >= 0; i-- {
		os.Remove(b.target(b.made[i]))
	}
}

// commit renames every staged file over its place, and every folder built
// whole in staging into dir. A rename refused because it would cross file
// systems is done again from a temporary file written beside the place.
func (b *build) commit() error {
	// The folders the files need, once each, unless they are known.
	for i, p := range b.paths {
		if b.outs[i] != outWrite || b.plans[i] == planFresh {
			continue
		}
		if err := b.mkdirs(path.Dir(p)); err != nil {
			return err
		}
	}
	var written atomic.Int64
	err := each(len(b.paths), func(i int) error {
		if b.outs[i] != outWrite || b.plans[i] == planFresh {
			return nil
		}
		p := b.paths[i]
		name := b.target(p)
		err := rename(b.tmps[i], name)
		if errors.Is(err, fs.ErrNotExist) {
			// The folder was removed since it was looked at.
			if err = os.MkdirAll(filepath.Dir(name), 0o755); err == nil {
				err = rename(b.tmps[i], name)
			}
		}
		if err != nil && isCrossDevice(err) {
			os.Remove(b.tmps[i])
			b.stamps[i], err = b.besideInstall(p)
		}
		if err != nil {
			if b.w.beside {
				os.Remove(b.tmps[i])
			}
			return err
		}
		written.Add(1)
		return nil
	})
	b.stats.Written = int(written.Load())
	if err != nil {
		return err
	}
	var fresh []string
	for o := range b.fresh {
		fresh = append(fresh, o)
	}
	sort.Strings(fresh)
	for _, o := range fresh {
		src := filepath.Join(b.w.staging, filepath.FromSlash(o))
		err := rename(src, b.target(o))
		if err != nil && isCrossDevice(err) {
			err = b.copyIn(o)
		}
		if err != nil {
			return err
		}
		for i, p := range b.paths {
			if b.plans[i] == planFresh && topOf(p) == o {
				b.stats.Written++
			}
		}
	}
	return nil
}

// besideInstall writes p under its temporary name beside its place and
// renames it there, returning its stamp.
func (b *build) besideInstall(p string) (stamp, error) {
	tmp := b.target(tmpBeside(p))
	st, err := b.w.create(tmp, b.tree[p], false)
	if err != nil {
		return st, err
	}
	if err := os.Rename(tmp, b.target(p)); err != nil {
		os.Remove(tmp)
		return st, err
	}
	return st, nil
}

// copyIn puts the files of the fresh folder o into dir one by one, each
// written beside its place and renamed there: what renaming the whole
// folder does when the staging folder is on another file system.
func (b *build) copyIn(o string) error {
	return each(len(b.paths), func(i int) error {
		p := b.paths[i]
		if b.plans[i] != planFresh || topOf(p) != o {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(b.target(p)), 0o755); err != nil {
			return err
		}
		st, err := b.besideInstall(p)
		b.stamps[i] = st
		return err
	})
}

// remove removes bti's files that the build no longer produces, and the
// temporary files a killed build left, then the folders that held them
// when nothing else is in them. It returns how many files of the first
// kind it removed.
func (b *build) remove(stale []string) (int, error) {
	removed := 0
	parents := map[string]bool{}
	for _, p := range stale {
		err := os.Remove(b.target(p))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, err
		}
		if err == nil {
			removed++
			parents[path.Dir(p)] = true
		}
	}
	for _, p := range b.leftovers {
		if os.Remove(b.target(p)) == nil {
			parents[path.Dir(p)] = true
		}
	}
	// The folders that held them and the ones above, deepest first: each
	// goes only when empty, so nothing of anyone else's goes with it.
	var dirs []string
	seen := map[string]bool{}
	for d := range parents {
		for ; d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	sort.Slice(dirs, func(i, j int) bool {
		if ci, cj := strings.Count(dirs[i], "/"), strings.Count(dirs[j], "/"); ci != cj {
			return ci > cj
		}
		return dirs[i] < dirs[j]
	})
	for _, d := range dirs {
		os.Remove(b.target(d)) // fails, harmlessly, unless empty
	}
	return removed, nil
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
