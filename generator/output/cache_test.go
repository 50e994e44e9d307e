package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCacheKeepsFilesByKey: what is put under a key is got back whole;
// a file cut short or changed is not taken; Prune removes what the build
// did not use (and leftovers of killed builds), nothing of anyone else's.
func TestCacheKeepsFilesByKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	c, err := OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, b, d := Key{0xaa, 1}, Key{0xbb, 2}, Key{0xdd, 4}
	c.Put(a, []byte("%PDF-a"))
	c.Put(b, []byte("%PDF-b"))
	c.Put(d, []byte("%PDF-d"))
	if c.Err() != nil {
		t.Fatal(c.Err())
	}
	c, _ = OpenCache(dir)
	if got, ok := c.Get(a); !ok || string(got) != "%PDF-a" {
		t.Fatalf("got %q %v", got, ok)
	}
	if _, ok := c.Get(Key{0xcc}); ok {
		t.Error("a key never put was found")
	}
	// Cut short, or one byte changed: not taken.
	raw, _ := os.ReadFile(c.name(b))
	os.WriteFile(c.name(b), raw[:len(raw)-1], 0o644)
	if _, ok := c.Get(b); ok {
		t.Error("a file cut short was taken")
	}
	raw[len(raw)-1] ^= 1
	os.WriteFile(c.name(b), raw, 0o644)
	if _, ok := c.Get(b); ok {
		t.Error("a changed file was taken")
	}
	c.Keep(d)
	os.WriteFile(filepath.Join(filepath.Dir(c.name(a)), tmpPrefix+"99-1"), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(c.name(a)), "notes.txt"), []byte("mine"), 0o644)
	n, err := c.Prune()
	if err != nil || n != 2 { // b (unused) and the temporary file
		t.Errorf("pruned %d: %v", n, err)
	}
	c, _ = OpenCache(dir)
	for k, want := range map[Key]bool{a: true, b: false, d: true} {
		if _, ok := c.Get(k); ok != want {
			t.Errorf("%x after Prune: %v", k[:1], ok)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(c.name(a)), "notes.txt")); err != nil {
		t.Error("Prune removed someone's file")
	}
}

// TestCacheRefusesSomeoneElsesFolder: a folder with files and no mark of
// bti's cache is not taken as one; an empty one is.
func TestCacheRefusesSomeoneElsesFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "report.docx"), []byte("mine"), 0o644)
	if _, err := OpenCache(dir); err == nil {
		t.Error("a folder of someone else's files was taken as the cache")
	}
	if _, err := OpenCache(filepath.Join(dir, "new")); err != nil {
		t.Error(err)
	}
	if _, err := OpenCache(filepath.Join(dir, "report.docx")); err == nil {
		t.Error("a file was taken as the cache folder")
	}
}
