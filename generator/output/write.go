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
func (s *Session) target(p string) string { return filepath.Join(s.dir, filepath.FromSlash(p)) }

// stage writes the new or changed files of a part under temporary names
// in the staging folder: a folder built whole there at its own path,
// other files under a number. Nothing of the previous site is changed.
func (s *Session) stage(files []file, tree Tree) error {
	made := map[string]bool{}
	for i := range files {
		f := &files[i]
		if f.out != outWrite || f.plan != planFresh {
			continue
		}
		if d := path.Dir(f.path); !made[d] {
			made[d] = true
			if err := os.MkdirAll(filepath.Join(s.staging, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
		}
	}
	return each(len(files), func(i int) error {
		f := &files[i]
		if f.out != outWrite {
			return nil
		}
		tmp := filepath.Join(s.staging, tmpPrefix+strconv.FormatInt(s.w.n.Add(1), 10))
		if f.plan == planFresh {
			tmp = filepath.Join(s.staging, filepath.FromSlash(f.path))
		}
		st, err := s.w.create(tmp, tree[f.path], true)
		if err != nil {
			return err
		}
		f.staged, f.st = tmp, st
		return nil
	})
}

// placeBeside copies every staged file beside its place in dir, under
// its temporary name there (the folders it needs are made): what staging
// is when the staging folder is on another file system. Only then are
// they renamed, so a full disk here still leaves the previous site.
func (s *Session) placeBeside() error {
	for i := range s.files {
		if s.files[i].out == outWrite {
			if err := s.mkdirs(path.Dir(s.files[i].path)); err != nil {
				return err
			}
		}
	}
	return each(len(s.files), func(i int) error {
		f := &s.files[i]
		if f.out != outWrite {
			return nil
		}
		tmp := s.target(tmpBeside(f.path))
		st, err := s.w.copyFile(tmp, f.staged)
		if err != nil {
			return err
		}
		f.beside, f.st = tmp, st
		return nil
	})
}

// copyFile writes the bytes of the file from to a new file name (written
// over a temporary file a killed build left there) and returns its stamp.
func (w *writer) copyFile(name, from string) (stamp, error) {
	data, err := os.ReadFile(from)
	if err != nil {
		return stamp{}, err
	}
	return w.create(name, data, false)
}

// mkdirs makes the folder d of dir and those above it that are missing,
// remembering which it made (for unstage).
func (s *Session) mkdirs(d string) error {
	if d == "." || s.verified[d] {
		return nil
	}
	if err := s.mkdirs(path.Dir(d)); err != nil {
		return err
	}
	err := os.Mkdir(s.target(d), 0o755)
	switch {
	case err == nil:
		s.made = append(s.made, d)
	case errors.Is(err, fs.ErrExist):
	default:
		return err
	}
	s.verified[d] = true
	return nil
}

// unstage removes what placeBeside put in dir: the temporary files beside
// their places, and the folders made for them. (The staging folder goes
// as a whole.)
func (s *Session) unstage() {
	for i := range s.files {
		if s.files[i].beside != "" {
			os.Remove(s.files[i].beside)
		}
	}
	for i := len(s.made) - 1; i >= 0; i-- {
		os.Remove(s.target(s.made[i]))
	}
}

// commit renames every staged file over its place (or, beside, every
// temporary file beside its place), and every folder built whole in
// staging into dir. A rename refused because it would cross file systems
// is done again from a temporary file written beside the place.
func (s *Session) commit() error {
	// The folders the files need, once each, unless they are known.
	for i := range s.files {
		if s.files[i].out != outWrite || s.files[i].plan == planFresh {
			continue
		}
		if err := s.mkdirs(path.Dir(s.files[i].path)); err != nil {
			return err
		}
	}
	var written atomic.Int64
	err := each(len(s.files), func(i int) error {
		f := &s.files[i]
		if f.out != outWrite || f.plan == planFresh {
			return nil
		}
		name := s.target(f.path)
		from := f.staged
		if f.beside != "" {
			from = f.beside
		}
		err := rename(from, name)
		if errors.Is(err, fs.ErrNotExist) {
			// The folder was removed since it was looked at.
			if err = os.MkdirAll(filepath.Dir(name), 0o755); err == nil {
				err = rename(from, name)
			}
		}
		if err != nil && isCrossDevice(err) {
			f.st, err = s.installBeside(f.path, f.staged)
		}
		if err != nil {
			return err
		}
		written.Add(1)
		return nil
	})
	s.stats.Written = int(written.Load())
	if err != nil {
		return err
	}
	var fresh []string
	for o := range s.fresh {
		fresh = append(fresh, o)
	}
	sort.Strings(fresh)
	for _, o := range fresh {
		src := filepath.Join(s.staging, filepath.FromSlash(o))
		err := rename(src, s.target(o))
		if err != nil && isCrossDevice(err) {
			err = s.copyIn(o)
		}
		if err != nil {
			return err
		}
		for i := range s.files {
			if s.files[i].plan == planFresh && topOf(s.files[i].path) == o {
				s.stats.Written++
			}
		}
	}
	return nil
}

// installBeside copies the staged file from under p's temporary name
// beside its place and renames it there, returning its stamp.
func (s *Session) installBeside(p, from string) (stamp, error) {
	tmp := s.target(tmpBeside(p))
	st, err := s.w.copyFile(tmp, from)
	if err != nil {
		os.Remove(tmp)
		return st, err
	}
	if err := os.Rename(tmp, s.target(p)); err != nil {
		os.Remove(tmp)
		return st, err
	}
	return st, nil
}

// copyIn puts the files of the fresh folder o into dir one by one, each
// written beside its place and renamed there: what renaming the whole
// folder does when the staging folder is on another file system.
func (s *Session) copyIn(o string) error {
	return each(len(s.files), func(i int) error {
		f := &s.files[i]
		if f.plan != planFresh || topOf(f.path) != o {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(s.target(f.path)), 0o755); err != nil {
			return err
		}
		st, err := s.installBeside(f.path, f.staged)
		f.st = st
		return err
	})
}

// remove removes bti's files that the build no longer produces, and the
// temporary files a killed build left, then the folders that held them
// when nothing else is in them. It returns how many files of the first
// kind it removed.
func (s *Session) remove(stale []string) (int, error) {
	removed := 0
	parents := map[string]bool{}
	for _, p := range stale {
		err := os.Remove(s.target(p))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, err
		}
		if err == nil {
			removed++
			parents[path.Dir(p)] = true
		}
	}
	for _, p := range s.leftovers {
		if os.Remove(s.target(p)) == nil {
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
		os.Remove(s.target(d)) // fails, harmlessly, unless empty
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
