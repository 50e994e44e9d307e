// Package projectfs opens a project folder for one build or check: an
// fs.FS that never follows a symbolic link out of the folder (like
// os.Root, which it falls back to), but opens the common file, one with
// no symbolic link on its way, with a single system call.
//
// os.Root resolves a path one folder at a time (an openat per component,
// and their closes); a project's files sit four to six folders deep. Here
// each folder is checked once (lstat: a real folder, not a link) and
// remembered, and files are opened by their full path with O_NOFOLLOW, so
// a link in the last place is not followed either: it goes to os.Root,
// which follows links that stay inside and refuses the others ("path
// escapes from parent").
//
// The folders are remembered for the life of the FS: open a new one for
// each build. (A folder swapped for a link during a build could be
// followed; the preview server, which lives long, uses os.Root alone.)
package projectfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// FS is a project folder. It implements fs.ReadFileFS, fs.ReadDirFS and
// fs.StatFS.
type FS struct {
	dir   string
	root  fs.FS
	plain sync.Map // slash path of a folder -> true: no link on the way
}

// Open opens the project folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return &FS{dir: abs, root: root.FS()}, nil
}

// direct returns the full path of name when every folder on its way is a
// real folder inside the project.
func (f *FS) direct(name string) (string, bool) {
	if !fs.ValidPath(name) || !f.plainDir(path.Dir(name)) {
		return "", false
	}
	return filepath.Join(f.dir, filepath.FromSlash(name)), true
}

// plainDir reports whether the folder d and its parents are folders, not
// symbolic links. Only the yes is remembered.
func (f *FS) plainDir(d string) bool {
	if d == "." {
		return true
	}
	if _, ok := f.plain.Load(d); ok {
		return true
	}
	if !f.plainDir(path.Dir(d)) {
		return false
	}
	st, err := os.Lstat(filepath.Join(f.dir, filepath.FromSlash(d)))
	if err != nil || !st.IsDir() {
		return false
	}
	f.plain.Store(d, true)
	return true
}

// Open implements fs.FS.
func (f *FS) Open(name string) (fs.File, error) {
	if p, ok := f.direct(name); ok {
		file, ok, err := openDirect("open", name, p)
		if ok {
			if err != nil {
				return nil, err
			}
			return file, nil
		}
	}
	file, err := f.root.Open(name)
	return file, f.outside(name, err)
}

// ReadFile implements fs.ReadFileFS.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if p, ok := f.direct(name); ok {
		file, ok, err := openDirect("read", name, p)
		if ok {
			if err != nil {
				return nil, err
			}
			defer file.Close()
			size := 512
			if st, err := file.Stat(); err == nil && st.Size() > 0 {
				size = int(st.Size()) + 1
			}
			data := make([]byte, 0, size)
			for {
				n, err := file.Read(data[len(data):cap(data)])
				data = data[:len(data)+n]
				if err == io.EOF {
					return data, nil
				}
				if err != nil {
					var pe *fs.PathError
					if errors.As(err, &pe) {
						err = pe.Err
					}
					return nil, &fs.PathError{Op: "read", Path: name, Err: err}
				}
				if len(data) == cap(data) {
					data = slices.Grow(data, len(data))
				}
			}
		}
	}
	data, err := fs.ReadFile(f.root, name)
	return data, f.outside(name, err)
}

// ReadDir implements fs.ReadDirFS: the entries sorted by name.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if p, ok := f.direct(name); ok && f.plainDir(name) {
		file, ok, err := openDirect("readdir", name, p)
		if ok {
			if err != nil {
				return nil, err
			}
			defer file.Close()
			entries, err := file.ReadDir(-1)
			slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
			return entries, err
		}
	}
	entries, err := fs.ReadDir(f.root, name)
	return entries, f.outside(name, err)
}

// Stat implements fs.StatFS.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if p, ok := f.direct(name); ok {
		st, err := os.Lstat(p)
		if err == nil && st.Mode()&fs.ModeSymlink == 0 {
			return st, nil
		}
		if os.IsNotExist(err) {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
		}
	}
	st, err := fs.Stat(f.root, name)
	return st, f.outside(name, err)
}

// OutsideError is the error of a file that is a symbolic link (or lies
// below one) leading outside the project: bti never reads it. Its
// Outside method lets a reader of any fs.FS recognise it.
type OutsideError struct {
	Path string
}

func (e *OutsideError) Error() string {
	return "open " + e.Path + ": the file is a link that leads outside the project"
}

// Outside reports that the file lies outside the project.
func (e *OutsideError) Outside() bool { return true }

// outside turns an error of os.Root for name into an *OutsideError when
// name resolves, through symbolic links, to a place outside the project
// (os.Root says so only in the text of an unexported error).
func (f *FS) outside(name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) || !fs.ValidPath(name) {
		return err
	}
	return classify(f.dir, name, err)
}

// classify is outside for any project folder dir.
func classify(dir, name string, err error) error {
	real, rerr := filepath.EvalSymlinks(filepath.Join(dir, filepath.FromSlash(name)))
	if rerr != nil {
		return err
	}
	base, berr := filepath.EvalSymlinks(dir)
	if berr != nil {
		return err
	}
	if rel, rerr := filepath.Rel(base, real); rerr == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return err // inside: some other failure
	}
	return &OutsideError{Path: name}
}

// Root is os.Root's file system of dir (for the preview server, which
// lives long and so does not remember folders as FS does), with links
// that lead out reported as *OutsideError like FS does.
func Root(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return rootFS{dir: abs, fsys: root.FS()}, nil
}

// rootFS is Root's file system.
type rootFS struct {
	dir  string
	fsys fs.FS
}

func (r rootFS) err(name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) || !fs.ValidPath(name) {
		return err
	}
	return classify(r.dir, name, err)
}

// Open implements fs.FS.
func (r rootFS) Open(name string) (fs.File, error) {
	file, err := r.fsys.Open(name)
	return file, r.err(name, err)
}

// ReadFile implements fs.ReadFileFS.
func (r rootFS) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(r.fsys, name)
	return data, r.err(name, err)
}

// ReadDir implements fs.ReadDirFS.
func (r rootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.fsys, name)
	return entries, r.err(name, err)
}

// Stat implements fs.StatFS.
func (r rootFS) Stat(name string) (fs.FileInfo, error) {
	st, err := fs.Stat(r.fsys, name)
	return st, r.err(name, err)
}
