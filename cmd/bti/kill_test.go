package main

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuildLosesNothing builds a project, changes every step, then
// starts the build again and kills it with SIGKILL at random moments. After
// each kill, every file in public/ must be exactly its old or its new
// version: never truncated, never half-written.
func TestKilledBuildLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bti")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	proj := filepath.Join(dir, "proj")
	if err := os.CopyFS(filepath.Join(proj, "municipalities"), os.DirFS("../../municipalities")); err != nil {
		t.Fatal(err)
	}
	build := func(out string) {
		t.Helper()
		if b, err := exec.Command(bin, "build", "-C", proj, "--no-pdf", "--out", out).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, b)
		}
	}
	build("public")
	old := snapshot(t, filepath.Join(proj, "public"))
	// Change every step, so that every step page has a new version.
	filepath.WalkDir(filepath.Join(proj, "municipalities"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(p, "niva-") && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			b, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(b, []byte("## Hvem"), []byte("Endret i testen.\n\n## Hvem"), 1), 0o644)
		}
		return nil
	})
	begin := time.Now()
	build("expected")
	full := time.Since(begin) // a build that writes everything
	want := snapshot(t, filepath.Join(proj, "expected"))

	killed, midWrite := 0, 0
	for i := range 16 {
		cmd := exec.Command(bin, "build", "-C", proj, "--no-pdf", "--out", "public")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill late in the build, when it writes: between half of a full
		// build's time and all of it.
		time.Sleep(full/2 + time.Duration(rand.Int64N(int64(full/2)+1)))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed++
		}
		cmd.Wait()
		got := snapshot(t, filepath.Join(proj, "public"))
		newer, older := 0, 0
		for name, data := range got {
			if !bytes.Equal(old[name], want[name]) {
				if bytes.Equal(data, want[name]) {
					newer++
				} else if bytes.Equal(data, old[name]) {
					older++
				}
			}
		}
		if newer > 0 && older > 0 {
			midWrite++ // killed while writing: some pages new, some old
		}
		// Start each round from the old site, so that kills keep
		// landing in the middle of writing.
		for name, data := range got {
			if bytes.Equal(data, want[name]) || bytes.Equal(data, old[name]) {
				continue
			}
			// gopdf orders a font subset by map iteration, so the same
			// sources give PDFs that differ in bytes: for them, check that
			// the file is a whole PDF, not a truncated one.
			if strings.HasSuffix(name, ".pdf") && completePDF(data) {
				continue
			}
			t.Errorf("kill %d: %s is neither its old nor its new version (%d bytes)", i, name, len(data))
		}
		for name := range old {
			if _, ok := got[name]; !ok {
				if _, stillWanted := want[name]; stillWanted {
					t.Errorf("kill %d: %s was lost", i, name)
				}
			}
		}
		restore(t, filepath.Join(proj, "public"), old)
	}
	// A build that runs to the end makes the new version exactly.
	build("public")
	got := snapshot(t, filepath.Join(proj, "public"))
	if len(got) != len(want) {
		t.Errorf("after a full build: %d files, want %d", len(got), len(want))
	}
	for name, data := range want {
		if strings.HasSuffix(name, ".pdf") {
			if !completePDF(got[name]) {
				t.Errorf("after a full build: %s is not a whole PDF", name)
			}
			continue
		}
		if !bytes.Equal(got[name], data) {
			t.Errorf("after a full build: %s differs", name)
		}
	}
	t.Logf("killed %d builds, %d of them while writing", killed, midWrite)
	if midWrite == 0 {
		t.Log("no kill landed while files were being written; the check above was weaker this run")
	}
}

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	return out
}

// restore puts the files of snap back into dir.
func restore(t *testing.T, dir string, snap map[string][]byte) {
	t.Helper()
	for name, data := range snap {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// completePDF reports whether data is a whole PDF file: its header and its
// end-of-file marker.
func completePDF(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-")) && bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF"))
}
