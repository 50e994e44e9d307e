package output

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// session writes parts into dir in one session and commits.
func session(t *testing.T, dir string, opts Options, parts ...Tree) (Stats, error) {
	t.Helper()
	s, err := Begin(dir, opts)
	if err != nil {
		return Stats{}, err
	}
	for _, p := range parts {
		if err := s.Add(p, nil); err != nil {
			s.Abort()
			return Stats{}, err
		}
	}
	return s.Commit()
}

// TestPartsGiveWhatOneTreeGives: a build handed over part by part leaves
// the same files, and the same manifest, as the whole tree written at
// once; cold, warm and with changes and stale files.
func TestPartsGiveWhatOneTreeGives(t *testing.T) {
	builds := []Tree{
		{"index.html": []byte("r"), "a/index.html": []byte("a"), "a/x/y.html": []byte("y"), "b/index.html": []byte("b"), "assets/s.css": []byte("s")},
		{"index.html": []byte("r"), "a/index.html": []byte("a2"), "b/index.html": []byte("b"), "b/n/i.html": []byte("n"), "assets/s.css": []byte("s")},
		{"index.html": []byte("r"), "a/index.html": []byte("a2"), "b/index.html": []byte("b"), "b/n/i.html": []byte("n"), "assets/s.css": []byte("s")},
	}
	split := func(tree Tree) []Tree {
		parts := map[string]Tree{}
		for p, d := range tree {
			top := topOf(p)
			if parts[top] == nil {
				parts[top] = Tree{}
			}
			parts[top][p] = d
		}
		var out []Tree
		for _, part := range parts {
			out = append(out, part)
		}
		return out
	}
	base := t.TempDir()
	whole, parted := filepath.Join(base, "whole"), filepath.Join(base, "parted")
	owned := []string{"", "a", "b", "assets"}
	for i, tree := range builds {
		ws, err := WriteWith(whole, tree, Options{Owned: owned})
		if err != nil {
			t.Fatal(err)
		}
		ps, err := session(t, parted, Options{Owned: owned}, split(tree)...)
		if err != nil {
			t.Fatal(err)
		}
		if ws != ps {
			t.Errorf("build %d: stats %+v, one tree %+v", i, ps, ws)
		}
		sameFiles(t, "the parted build", files(t, parted), files(t, whole))
		// The manifests differ only in the stamps' times.
		if a, b := len(read(t, manifestPath(whole))), len(read(t, manifestPath(parted))); a != b {
			t.Errorf("build %d: manifests of %d and %d bytes", i, a, b)
		}
		if _, err := os.Stat(stagingPath(parted)); !os.IsNotExist(err) {
			t.Error("the staging folder is left")
		}
	}
}

// TestNothingChangesBeforeCommit: every part handed to a session is
// written into the staging folder only: until Commit the output folder
// and its manifest are as they were, and Abort leaves them so.
func TestNothingChangesBeforeCommit(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	if _, err := Write(dir, Tree{"index.html": []byte("A"), "a/index.html": []byte("A"), "a/old.html": []byte("A")}, nil); err != nil {
		t.Fatal(err)
	}
	before := files(t, base)
	s, err := Begin(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(Tree{"a/index.html": []byte("B"), "a/new/index.html": []byte("B")}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(Tree{"b/index.html": []byte("B"), "index.html": []byte("B")}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(Tree{"b/index.html": []byte("C")}, nil); err == nil {
		t.Error("a path in two parts was taken")
	}
	during := files(t, base)
	for p := range during {
		if filepath.Dir(p) == "public.bti-staging" || filepath.Dir(filepath.Dir(p)) == "public.bti-staging" {
			delete(during, p)
		}
	}
	sameFiles(t, "before the commit", during, before)
	s.Abort()
	sameFiles(t, "after the abort", files(t, base), before)
	if _, err := s.Commit(); err == nil {
		t.Error("an aborted session committed")
	}
}

// TestFullDiskInALaterPart: a part that cannot be staged (a full disk)
// makes the session fail with nothing changed in the output folder.
func TestFullDiskInALaterPart(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	if _, err := Write(dir, Tree{"index.html": []byte("A"), "a/index.html": []byte("A")}, nil); err != nil {
		t.Fatal(err)
	}
	before := files(t, base)
	s, err := Begin(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(Tree{"a/index.html": []byte("B")}, nil); err != nil {
		t.Fatal(err)
	}
	restore := failWritesAfter(0)
	err = s.Add(Tree{"b/index.html": []byte("B"), "b/x.html": []byte("B")}, nil)
	restore()
	var we *WriteError
	if !errors.As(err, &we) || we.Changed || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("staging on a full disk: %v", err)
	}
	if _, err := s.Commit(); !errors.As(err, &we) || we.Changed {
		t.Fatalf("the commit after: %v", err)
	}
	sameFiles(t, "after the full disk", files(t, base), before)
}

// TestReuseKeepsAFileMadeFromTheSameKey: a file written with a key is
// reused by the next build with that key, without its bytes, while it is
// the file bti wrote (its stamp): not with another key, not once it was
// changed, touched or removed; the key stays recorded across builds that
// reuse it, and a file that does not fit is given to Add again.
func TestReuseKeepsAFileMadeFromTheSameKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	k1, k2 := Key{1}, Key{2}
	s, err := Begin(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(Tree{"a/pdf/x.pdf": []byte("X1"), "a/pdf/y.pdf": []byte("Y1"), "a/index.html": []byte("a")},
		map[string]Key{"a/pdf/x.pdf": k1, "a/pdf/y.pdf": k1}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	build := func(reuse map[string]Key, then Tree) (kept []string, st Stats) {
		t.Helper()
		s, err := Begin(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		keys := map[string]Key{}
		for p, k := range reuse {
			if s.Reuse(p, k) {
				kept = append(kept, p)
				delete(then, p)
			} else {
				keys[p] = k
			}
		}
		if err := s.Add(then, keys); err != nil {
			t.Fatal(err)
		}
		st, err = s.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return kept, st
	}
	manifest := read(t, manifestPath(dir))
	kept, st := build(map[string]Key{"a/pdf/x.pdf": k1, "a/pdf/y.pdf": k1},
		Tree{"a/pdf/x.pdf": []byte("X1"), "a/pdf/y.pdf": []byte("Y1"), "a/index.html": []byte("a")})
	if len(kept) != 2 || st.Unchanged != 3 || st.Written != 0 || read(t, manifestPath(dir)) != manifest {
		t.Errorf("the same keys: kept %v, %+v; the manifest changed: %v", kept, st, read(t, manifestPath(dir)) != manifest)
	}
	kept, st = build(map[string]Key{"a/pdf/x.pdf": k2, "a/pdf/y.pdf": k1},
		Tree{"a/pdf/x.pdf": []byte("X2"), "a/pdf/y.pdf": []byte("Y1"), "a/index.html": []byte("a")})
	if len(kept) != 1 || kept[0] != "a/pdf/y.pdf" || st.Written != 1 || read(t, filepath.Join(dir, "a/pdf/x.pdf")) != "X2" {
		t.Errorf("another key: kept %v, %+v", kept, st)
	}
	// Someone edits y.pdf (same size, another time): it is not bti's
	// version any more, and is made again.
	os.WriteFile(filepath.Join(dir, "a/pdf/y.pdf"), []byte("Y!"), 0o644)
	future := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(dir, "a/pdf/y.pdf"), future, future)
	kept, st = build(map[string]Key{"a/pdf/x.pdf": k2, "a/pdf/y.pdf": k1},
		Tree{"a/pdf/x.pdf": []byte("X2"), "a/pdf/y.pdf": []byte("Y1"), "a/index.html": []byte("a")})
	if len(kept) != 1 || kept[0] != "a/pdf/x.pdf" || read(t, filepath.Join(dir, "a/pdf/y.pdf")) != "Y1" {
		t.Errorf("after an edit: kept %v, %+v", kept, st)
	}
	os.Remove(filepath.Join(dir, "a/pdf/x.pdf"))
	kept, _ = build(map[string]Key{"a/pdf/x.pdf": k2, "a/pdf/y.pdf": k1},
		Tree{"a/pdf/x.pdf": []byte("X2"), "a/pdf/y.pdf": []byte("Y1"), "a/index.html": []byte("a")})
	if len(kept) != 1 || kept[0] != "a/pdf/y.pdf" || read(t, filepath.Join(dir, "a/pdf/x.pdf")) != "X2" {
		t.Errorf("after a removal: kept %v", kept)
	}
	// A file written without a key has none to reuse by.
	kept, _ = build(map[string]Key{"a/index.html": k1}, Tree{"a/index.html": []byte("a"), "a/pdf/x.pdf": []byte("X2"), "a/pdf/y.pdf": []byte("Y1")})
	if len(kept) != 0 {
		t.Errorf("a file without a key was reused: %v", kept)
	}
	// A build without the PDFs removes them, and they are not reused.
	if _, err := Write(dir, Tree{"a/index.html": []byte("a")}, nil); err != nil {
		t.Fatal(err)
	}
	s, _ = Begin(dir, Options{})
	if s.Reuse("a/pdf/y.pdf", k1) {
		t.Error("a removed file was reused")
	}
	s.Abort()
}
