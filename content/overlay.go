package content

import (
	"io/fs"
	"strings"
)

// Dir is the folder of the national defaults in a project.
const Dir = "content"

// Overlay returns root as it is when it has its own content/ folder (with
// levels.toml), and otherwise root with content/ served from the defaults
// built into the binary. Either way the loader sees one tree.
func Overlay(root fs.FS) fs.FS {
	if _, err := fs.Stat(root, Dir+"/levels.toml"); err == nil {
		return root
	}
	return overlay{root: root, nat: files}
}

type overlay struct {
	root fs.FS
	nat  fs.FS
}

// Open implements fs.FS.
func (o overlay) Open(name string) (fs.File, error) {
	if name == Dir {
		return o.nat.Open(".")
	}
	if rest, ok := strings.CutPrefix(name, Dir+"/"); ok {
		return o.nat.Open(rest)
	}
	return o.root.Open(name)
}

// pick returns the tree that serves name and the name in it.
func (o overlay) pick(name string) (fs.FS, string) {
	if name == Dir {
		return o.nat, "."
	}
	if rest, ok := strings.CutPrefix(name, Dir+"/"); ok {
		return o.nat, rest
	}
	return o.root, name
}

// ReadFile implements fs.ReadFileFS, so that reading a file takes the
// underlying tree's direct way (os.Root's) rather than Open, Stat, Read.
func (o overlay) ReadFile(name string) ([]byte, error) {
	fsys, n := o.pick(name)
	return fs.ReadFile(fsys, n)
}

// ReadDir implements fs.ReadDirFS.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	fsys, n := o.pick(name)
	return fs.ReadDir(fsys, n)
}

// Stat implements fs.StatFS.
func (o overlay) Stat(name string) (fs.FileInfo, error) {
	fsys, n := o.pick(name)
	return fs.Stat(fsys, n)
}
