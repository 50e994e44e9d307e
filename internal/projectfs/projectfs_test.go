package projectfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// tree makes a project with plain files, a link that stays inside, and
// links (to a file and to a folder) that lead out of it.
func tree(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	project, outside := filepath.Join(base, "project"), filepath.Join(base, "outside")
	for _, d := range []string{"a/b", "c"} {
		os.MkdirAll(filepath.Join(project, d), 0o755)
	}
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(project, "a/b/x.md"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(project, "c/y.md"), []byte("yy"), 0o644)
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644)
	os.Symlink("../c/y.md", filepath.Join(project, "a/inside.md"))
	os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(project, "a/out.md"))
	os.Symlink(outside, filepath.Join(project, "a/outdir"))
	return project
}

func TestReadsLikeTheFolder(t *testing.T) {
	f, err := Open(tree(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a/b/x.md": "x", "c/y.md": "yy", "a/inside.md": "yy"} {
		got, err := fs.ReadFile(f, name)
		if err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
	entries, err := fs.ReadDir(f, "a")
	if err != nil || len(entries) != 4 || entries[0].Name() != "b" || entries[3].Name() != "outdir" {
		t.Errorf("ReadDir(a) = %v, %v", entries, err)
	}
	// The standard checks of an fs.FS, on folders without links out.
	for dir, file := range map[string]string{"a/b": "x.md", "c": "y.md"} {
		sub, _ := fs.Sub(f, dir)
		if err := fstest.TestFS(sub, file); err != nil {
			t.Error(err)
		}
	}
}

// TestRefusesLinksOut: a link that leads out of the project, or a file
// below one, is never read, and the error says so by its type (both for
// a build's FS and the preview's Root).
func TestRefusesLinksOut(t *testing.T) {
	dir := tree(t)
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Root(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, fsys := range []fs.FS{f, r} {
		for _, name := range []string{"a/out.md", "a/outdir/secret.txt"} {
			data, err := fs.ReadFile(fsys, name)
			var out *OutsideError
			if !errors.As(err, &out) || out.Path != name {
				t.Errorf("%T: ReadFile(%s) = %q, %v; want an *OutsideError", fsys, name, data, err)
			}
			if _, err := fsys.Open(name); err == nil {
				t.Errorf("%T: Open(%s) succeeded", fsys, name)
			}
		}
		if _, err := fs.ReadDir(fsys, "a/outdir"); err == nil {
			t.Errorf("%T: ReadDir of a folder link out succeeded", fsys)
		}
		// A link inside the project is followed.
		if _, err := fs.ReadFile(fsys, "a/inside.md"); err != nil {
			t.Errorf("%T: a link inside: %v", fsys, err)
		}
	}
}

func TestMissingFileSaysSo(t *testing.T) {
	f, _ := Open(tree(t))
	_, err := fs.ReadFile(f, "a/b/none.md")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want not exist", err)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "a/b/none.md" {
		t.Errorf("err = %#v, want a PathError with the path in the project", err)
	}
	if _, err := fs.Stat(f, "a/none"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat: %v", err)
	}
}
