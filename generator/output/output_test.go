package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// files reads every file below dir (hidden ones too), by slash path.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&fs.ModeSymlink != 0 {
			out[filepath.ToSlash(rel)] = "-> link"
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return out
}

// sameFiles reports the differences between two snapshots.
func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for p, w := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s: %s is missing", what, p)
		} else if g != w {
			t.Errorf("%s: %s = %q, want %q", what, p, g, w)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s should not be there", what, p)
		}
	}
}

func TestWriteRewritesOnlyChangesAndRemovesStale(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := Tree{
		"index.html":       []byte("root"),
		"a/index.html":     []byte("a1"),
		"a/b/index.html":   []byte("b1"),
		"a/old/index.html": []byte("old"),
		"other/keep.html":  []byte("not ours"),
	}
	st, err := Write(dir, first, []string{"", "a"})
	if err != nil || st.Written != 5 {
		t.Fatalf("first write: %v %+v", err, st)
	}
	past := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(dir, "a/b/index.html"), past, past)

	second := Tree{
		"index.html":     []byte("root"),
		"a/index.html":   []byte("a2"),
		"a/b/index.html": []byte("b1"),
	}
	st, err = Write(dir, second, []string{"", "a"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 1 || st.Unchanged != 2 || st.Removed != 1 {
		t.Errorf("stats = %+v, want 1 written, 2 unchanged, 1 removed", st)
	}
	if got := read(t, filepath.Join(dir, "a/index.html")); got != "a2" {
		t.Errorf("a/index.html = %q", got)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "a/b/index.html")); !fi.ModTime().Equal(past) {
		t.Error("an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "a/old")); !os.IsNotExist(err) {
		t.Error("the stale folder was not removed")
	}
	if got := read(t, filepath.Join(dir, "other/keep.html")); got != "not ours" {
		t.Error("a file outside the owned folders was touched")
	}
}

func TestWriteRefusesPathsOutside(t *testing.T) {
	if _, err := Write(t.TempDir(), Tree{"../x": []byte("x")}, nil); err == nil {
		t.Fatal("want an error for ../x")
	}
}

// TestWriteAfterKilledBuild starts from what a build killed while staging
// a new folder leaves: a staging folder, marked as bti's, with part of a
// site in it.
func TestWriteAfterKilledBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	half := filepath.Join(dir+".bti-staging", "a")
	os.MkdirAll(half, 0o755)
	os.WriteFile(filepath.Join(dir+".bti-staging", stagingMark), nil, 0o644)
	os.WriteFile(filepath.Join(half, "index.html"), []byte("half"), 0o644)
	st, err := Write(dir, Tree{"a/index.html": []byte("whole"), "a/b/c.html": []byte("c")}, []string{"", "a"})
	if err != nil || st.Written != 2 {
		t.Fatalf("write: %v %+v", err, st)
	}
	if got := read(t, filepath.Join(dir, "a/index.html")); got != "whole" {
		t.Errorf("a/index.html = %q", got)
	}
	if fi, err := os.Stat(filepath.Join(dir, "a/b/c.html")); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("a/b/c.html: %v %v", fi, err)
	}
	if _, err := os.Stat(dir + ".bti-staging"); !os.IsNotExist(err) {
		t.Error("the staging folder was left behind")
	}
	// A file that grew or shrank by a byte is rewritten.
	st, err = Write(dir, Tree{"a/index.html": []byte("whole!"), "a/b/c.html": []byte("")}, []string{"", "a"})
	if err != nil || st.Written != 2 || st.Unchanged != 0 {
		t.Fatalf("second write: %v %+v", err, st)
	}
}

// TestWriteWithManifest: after a build, the next one knows its files from
// the manifest. A folder deleted by hand comes back; a file someone added
// to an owned folder is not bti's and stays.
func TestWriteWithManifest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	owned := []string{"", "a", "b"}
	first := Tree{"index.html": []byte("r"), "a/x/index.html": []byte("x"), "a/y/index.html": []byte("y"), "b/z.html": []byte("z")}
	if _, err := Write(dir, first, owned); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(manifestPath(dir)); err != nil {
		t.Fatalf("no manifest: %v", err)
	}
	os.RemoveAll(filepath.Join(dir, "a/x"))
	os.WriteFile(filepath.Join(dir, "a/theirs.txt"), []byte("keep"), 0o644)
	os.WriteFile(filepath.Join(dir, "a/y/theirs.txt"), []byte("keep too"), 0o644)
	second := Tree{"index.html": []byte("r"), "a/x/index.html": []byte("x"), "b/z.html": []byte("z")}
	st, err := Write(dir, second, owned)
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 1 || st.Unchanged != 2 || st.Removed != 1 {
		t.Errorf("stats = %+v, want 1 written (the deleted one), 2 unchanged, 1 removed (a/y/index.html)", st)
	}
	if got := read(t, filepath.Join(dir, "a/x/index.html")); got != "x" {
		t.Errorf("a/x/index.html = %q", got)
	}
	if got := read(t, filepath.Join(dir, "a/theirs.txt")); got != "keep" {
		t.Error("a file someone added to an owned folder was removed")
	}
	if got := read(t, filepath.Join(dir, "a/y/theirs.txt")); got != "keep too" {
		t.Error("a file someone added to a stale folder was removed with it")
	}
	// Building only b keeps what the manifest knows of a.
	if _, err := Write(dir, Tree{"b/z.html": []byte("z2")}, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	m, _ := readManifest(dir)
	if strings.Join(m.folders["a"], ",") != "a/x/index.html" || strings.Join(m.folders["b"], ",") != "b/z.html" {
		t.Errorf("manifest = %v", m.folders)
	}
	if st := m.stamp("b/z.html"); st == nil || !st.matches([]byte("z2")) {
		t.Errorf("stamp of b/z.html = %+v", st)
	}
}

// TestStampsSkipReadingButNotChanges: with the manifest's stamps a warm
// build leaves unchanged files without reading them; a file changed by
// hand since (other time) is compared and restored; a new version with
// the same size is written.
func TestStampsSkipReadingButNotChanges(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	owned := []string{"", "a"}
	tree := Tree{"a/x.html": []byte("xxxx"), "a/y.html": []byte("yyyy"), "a/z.html": []byte("zzzz")}
	if _, err := Write(dir, tree, owned); err != nil {
		t.Fatal(err)
	}
	// y is edited by hand (same size, new time); z gets new content of the same size.
	os.WriteFile(filepath.Join(dir, "a/y.html"), []byte("YYYY"), 0o644)
	later := time.Now().Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "a/y.html"), later, later)
	tree["a/z.html"] = []byte("ZZZZ")
	st, err := Write(dir, tree, owned)
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 2 || st.Unchanged != 1 {
		t.Errorf("stats = %+v, want y restored and z written, x unchanged", st)
	}
	for name, want := range map[string]string{"a/x.html": "xxxx", "a/y.html": "yyyy", "a/z.html": "ZZZZ"} {
		if got := read(t, filepath.Join(dir, name)); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// And the next build finds them all unchanged, and writes nothing,
	// not even the manifest.
	before, _ := os.Stat(manifestPath(dir))
	if st, err := Write(dir, tree, owned); err != nil || st.Unchanged != 3 || st.Written != 0 {
		t.Errorf("third build: %+v %v", st, err)
	}
	if after, _ := os.Stat(manifestPath(dir)); !after.ModTime().Equal(before.ModTime()) {
		t.Error("a build that changed nothing rewrote the manifest")
	}
}
