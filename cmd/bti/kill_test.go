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

// TestKilledBuildLosesNothing builds sources A, changes every step (B),
// then starts the build of B over A's site and kills it with SIGKILL at
// random moments, 20 times: every other time from A's site (with A's
// manifest) again, every other time from what the kill before left.
// After each kill, every file in public/ must be exactly its A or its B
// version (never truncated, never a temporary file, nothing of the
// sources touched); after every second kill, the next build, without
// --force, must give exactly a clean build of B.
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
	os.WriteFile(filepath.Join(proj, "README.md"), []byte("the project's own file"), 0o644)
	build := func(out string) time.Duration {
		t.Helper()
		begin := time.Now()
		if b, err := exec.Command(bin, "build", "-C", proj, "--no-pdf", "--out", out).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, b)
		}
		return time.Since(begin)
	}
	public := filepath.Join(proj, "public")
	build("public")
	a := snapshot(t, public)
	aManifest, err := os.ReadFile(public + ".bti-manifest")
	if err != nil {
		t.Fatal(err)
	}
	// Change every step, so that every step page has a new version.
	filepath.WalkDir(filepath.Join(proj, "municipalities"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(p, "niva-") && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			b, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(b, []byte("## Hvem"), []byte("Endret i testen.\n\n## Hvem"), 1), 0o644)
		}
		return nil
	})
	sources := snapshot(t, filepath.Join(proj, "municipalities"))
	build("expected")
	want := snapshot(t, filepath.Join(proj, "expected"))
	changed := 0
	for name, data := range want {
		if !bytes.Equal(a[name], data) {
			changed++
		}
	}
	if changed < 50 {
		t.Fatalf("only %d files differ between A and B", changed)
	}
	// How long an update from A to B takes: the kills land in its second
	// half and a little after, when it writes.
	reset := func() {
		t.Helper()
		os.RemoveAll(public)
		os.RemoveAll(public + ".bti-staging")
		restore(t, public, a)
		if err := os.WriteFile(public+".bti-manifest", aManifest, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var update time.Duration
	for range 3 {
		reset()
		update += build("public") / 3
	}

	// The kills land at random moments in a window that starts as the
	// second half of an update and narrows around the moments when the
	// files are renamed into place (a few milliseconds): a kill that
	// found every file old moves the window's start there, one that
	// found every file new its end.
	const kills = 20
	var killed, midWrite, allOld, allNew, journal int
	lo, hi := update*3/10, update*11/10
	for i := range kills {
		if i%2 == 0 {
			reset()
		}
		cmd := exec.Command(bin, "build", "-C", proj, "--no-pdf", "--out", "public")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		at := lo + time.Duration(rand.Int64N(int64(hi-lo)+1))
		time.Sleep(at)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed++
		}
		cmd.Wait()
		got := snapshot(t, public)
		newer, older := 0, 0
		for name, data := range got {
			wantData, inB := want[name]
			aData, inA := a[name]
			switch {
			case !inA && !inB:
				t.Errorf("kill %d: %s is neither A's nor B's (%d bytes)", i, name, len(data))
			case inB && bytes.Equal(data, wantData):
				if !bytes.Equal(aData, wantData) {
					newer++
				}
			case inA && bytes.Equal(data, aData):
				if !bytes.Equal(aData, wantData) {
					older++
				}
			case strings.HasSuffix(name, ".pdf") && completePDF(data):
			default:
				t.Errorf("kill %d: %s is neither its A nor its B version (%d bytes)", i, name, len(data))
			}
		}
		for name := range a {
			if _, inB := want[name]; inB {
				if _, ok := got[name]; !ok {
					t.Errorf("kill %d: %s was lost", i, name)
				}
			}
		}
		switch {
		case newer > 0 && older > 0:
			midWrite++ // killed while renaming: some pages new, some old
		case newer == 0:
			allOld++
			if i%2 == 0 {
				lo = min(at, hi-2*time.Millisecond)
			}
		default:
			allNew++
			if i%2 == 0 {
				hi = max(at, lo+2*time.Millisecond)
			}
		}
		if m, _ := os.ReadFile(public + ".bti-manifest"); bytes.HasPrefix(m, []byte("bti-manifest 4 journal\n")) {
			journal++ // killed between the journal and the complete manifest
		}
		if src := snapshot(t, filepath.Join(proj, "municipalities")); len(src) != len(sources) {
			t.Errorf("kill %d: the sources changed", i)
		} else {
			for name, data := range sources {
				if !bytes.Equal(src[name], data) {
					t.Errorf("kill %d: the source %s changed", i, name)
				}
			}
		}
		if i%2 == 1 {
			// The next build (no --force needed) is a clean build of B.
			build("public")
			after := snapshot(t, public)
			if len(after) != len(want) {
				t.Errorf("after kill %d and a full build: %d files, want %d", i, len(after), len(want))
			}
			for name, data := range want {
				if !bytes.Equal(after[name], data) {
					t.Errorf("after kill %d and a full build: %s differs", i, name)
				}
			}
			if m, _ := os.ReadFile(public + ".bti-manifest"); !bytes.HasPrefix(m, []byte("bti-manifest 4 complete\n")) {
				t.Errorf("after kill %d and a full build: the manifest is not complete", i)
			}
			if _, err := os.Stat(public + ".bti-staging"); !os.IsNotExist(err) {
				t.Errorf("after kill %d and a full build: the staging folder is left", i)
			}
		}
	}
	if b, _ := os.ReadFile(filepath.Join(proj, "README.md")); string(b) != "the project's own file" {
		t.Error("the project's README.md changed")
	}
	t.Logf("killed %d builds: %d while renaming (some files A's, some B's), %d before any file changed, %d after every file was B's; %d left the journal",
		killed, midWrite, allOld, allNew, journal)
	if midWrite == 0 {
		t.Log("no kill landed while files were being renamed; the check above was weaker this run")
	}
}

// snapshot reads every file below dir (not following links).
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
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

// restore puts the files of snap into dir.
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
