package output

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// refusal checks that err is a refusal for reason.
func refusal(t *testing.T, err error, reason Reason) *RefusedError {
	t.Helper()
	r, ok := IsRefused(err)
	if !ok {
		t.Fatalf("want a refusal (%d), got %v", reason, err)
	}
	if r.Reason != reason {
		t.Fatalf("refused for %d (%v), want %d", r.Reason, r, reason)
	}
	return r
}

// TestNotEmptyFolderWithoutManifestIsRefused: a folder with files and no
// manifest (the project folder, a folder of someone's) is refused, with
// nothing written; --force takes it over without touching what is there,
// and refuses when one of its files is where the build puts one.
func TestNotEmptyFolderWithoutManifestIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	os.MkdirAll(filepath.Join(dir, "a"), 0o755)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "notes.txt"), []byte("my notes"), 0o644)
	before := files(t, dir)
	tree := Tree{"index.html": []byte("new"), "a/index.html": []byte("a"), "README.md": []byte("bti's readme")}

	r := refusal(t, writeOpts(dir, tree, Options{Owned: []string{"", "a"}}), NotEmpty)
	if !strings.Contains(strings.Join(r.Paths, " "), "README.md") {
		t.Errorf("the refusal names %v", r.Paths)
	}
	sameFiles(t, "after the refusal", files(t, dir), before)
	if _, err := os.Stat(manifestPath(dir)); !os.IsNotExist(err) {
		t.Error("a refused build wrote a manifest")
	}

	// With Force, README.md (someone's, with other bytes) is in the way.
	r = refusal(t, writeOpts(dir, tree, Options{Owned: []string{"", "a"}, Force: true}), InTheWay)
	if strings.Join(r.Paths, ",") != "README.md" {
		t.Errorf("in the way: %v", r.Paths)
	}
	sameFiles(t, "after the refusal with force", files(t, dir), before)

	// Without it in the tree, Force writes beside the files, never over them.
	delete(tree, "README.md")
	if err := writeOpts(dir, tree, Options{Owned: []string{"", "a"}, Force: true}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"README.md": "mine", "go.mod": "module x", "a/notes.txt": "my notes", "index.html": "new", "a/index.html": "a"}
	sameFiles(t, "after the forced build", files(t, dir), want)
	// The next build needs no force, and removes only its own files.
	if _, err := Write(dir, Tree{"index.html": []byte("new")}, []string{"", "a"}); err != nil {
		t.Fatal(err)
	}
	delete(want, "a/index.html")
	sameFiles(t, "after a build that dropped a/", files(t, dir), want)
}

// TestFolderOfEmptyFoldersIsEmpty: a folder that holds only empty
// folders (what an interrupted older bti could leave) holds nothing to
// lose, and is built into without Force; they stay.
func TestFolderOfEmptyFoldersIsEmpty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(dir, "assets", "lisenser"), 0o755)
	os.MkdirAll(filepath.Join(dir, "tom"), 0o755)
	if err := writeOpts(dir, Tree{"index.html": []byte("x"), "assets/lisenser/a.txt": []byte("a")}, Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "tom")); err != nil || !fi.IsDir() {
		t.Error("someone's empty folder went")
	}
	sameFiles(t, "after the build", files(t, dir), map[string]string{"index.html": "x", "assets/lisenser/a.txt": "a"})
}

func writeOpts(dir string, tree Tree, opts Options) error {
	_, err := WriteWith(dir, tree, opts)
	return err
}

// TestForceTakesOverIdenticalFiles: with Force, a file with exactly the
// bytes the build would write (an earlier build whose manifest was lost)
// is taken over, and is bti's from then on.
func TestForceTakesOverIdenticalFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	tree := Tree{"index.html": []byte("r"), "a/index.html": []byte("a"), "a/old.html": []byte("old")}
	if _, err := Write(dir, tree, nil); err != nil {
		t.Fatal(err)
	}
	os.Remove(manifestPath(dir))
	refusal(t, writeOpts(dir, tree, Options{}), NotEmpty)
	st, err := WriteWith(dir, Tree{"index.html": []byte("r"), "a/index.html": []byte("a")}, Options{Force: true})
	if err != nil || st.Unchanged != 2 || st.Written != 0 || st.Removed != 0 {
		t.Fatalf("forced build: %+v %v", st, err)
	}
	// a/old.html was not recorded: it stays, as someone's file.
	if got := read(t, filepath.Join(dir, "a/old.html")); got != "old" {
		t.Errorf("a/old.html = %q", got)
	}
	st, err = Write(dir, Tree{"index.html": []byte("r2"), "a/index.html": []byte("a2")}, nil)
	if err != nil || st.Written != 2 {
		t.Fatalf("next build: %+v %v", st, err)
	}
}

// TestForeignFileInTheWayIsRefused: with a manifest, a file bti did not
// write where a new page goes, or a folder where a file goes, makes the
// build refuse, with nothing written; bti's own files are still replaced.
func TestForeignFileInTheWayIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	owned := []string{"", "a"}
	if _, err := Write(dir, Tree{"index.html": []byte("1"), "a/index.html": []byte("1")}, owned); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "a/new"), 0o755)
	os.WriteFile(filepath.Join(dir, "a/new/index.html"), []byte("someone's page"), 0o644)
	os.MkdirAll(filepath.Join(dir, "b.html"), 0o755)
	before := files(t, dir)
	manBefore := read(t, manifestPath(dir))
	tree := Tree{"index.html": []byte("2"), "a/index.html": []byte("2"), "a/new/index.html": []byte("bti's page"), "b.html": []byte("b")}
	r := refusal(t, writeOpts(dir, tree, Options{Owned: owned}), InTheWay)
	if strings.Join(r.Paths, ",") != "a/new/index.html,b.html" {
		t.Errorf("in the way: %v", r.Paths)
	}
	sameFiles(t, "after the refusal", files(t, dir), before)
	if read(t, manifestPath(dir)) != manBefore {
		t.Error("a refused build changed the manifest")
	}
	// A file of someone's in place of a folder the build needs.
	os.RemoveAll(filepath.Join(dir, "a/new"))
	os.WriteFile(filepath.Join(dir, "a/new"), []byte("a file"), 0o644)
	delete(tree, "b.html")
	r = refusal(t, writeOpts(dir, tree, Options{Owned: owned}), InTheWay)
	if strings.Join(r.Paths, ",") != "a/new" {
		t.Errorf("in the way: %v", r.Paths)
	}
}

// TestRemovedFolderLosesOnlyBtisFiles: a folder that the build owns but
// no longer fills (a municipality removed from the project) loses the
// files bti wrote there, and goes when nothing else is in it.
func TestRemovedFolderLosesOnlyBtisFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	tree := Tree{"index.html": []byte("r"), "gone/index.html": []byte("g"), "gone/x/y.html": []byte("y"),
		"empty/index.html": []byte("e"), "kept/index.html": []byte("k")}
	if _, err := Write(dir, tree, nil); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "gone/x/notes.txt"), []byte("mine"), 0o644)
	st, err := Write(dir, Tree{"index.html": []byte("r"), "kept/index.html": []byte("k")}, []string{"", "gone", "empty", "kept"})
	if err != nil || st.Removed != 3 {
		t.Fatalf("%+v %v", st, err)
	}
	want := map[string]string{"index.html": "r", "kept/index.html": "k", "gone/x/notes.txt": "mine"}
	sameFiles(t, "after removing two folders", files(t, dir), want)
	if _, err := os.Stat(filepath.Join(dir, "empty")); !os.IsNotExist(err) {
		t.Error("the emptied folder of bti's is still there")
	}
	// A folder bti never wrote into, named as owned, keeps everything.
	os.MkdirAll(filepath.Join(dir, "theirs"), 0o755)
	os.WriteFile(filepath.Join(dir, "theirs/index.html"), []byte("theirs"), 0o644)
	if _, err := Write(dir, Tree{"index.html": []byte("r")}, []string{"", "theirs", "kept"}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "theirs/index.html")); got != "theirs" {
		t.Error("a folder bti did not write was emptied")
	}
}

// TestSiteFolderLinkIsRefused: a site folder that is a symbolic link
// (which would lead writes and removals out of the output folder) is
// refused, and so is a link in place of a folder bti made.
func TestSiteFolderLinkIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	elsewhere := t.TempDir()
	os.WriteFile(filepath.Join(elsewhere, "index.html"), []byte("precious"), 0o644)
	os.WriteFile(filepath.Join(elsewhere, "old.html"), []byte("precious too"), 0o644)
	tree := Tree{"index.html": []byte("r"), "a/index.html": []byte("a"), "a/old.html": []byte("old"), "a/sub/x.html": []byte("x")}
	if _, err := Write(dir, tree, nil); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "a"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, "a")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	delete(tree, "a/old.html")
	r := refusal(t, writeOpts(dir, tree, Options{}), Link)
	if strings.Join(r.Paths, ",") != "a" {
		t.Errorf("links: %v", r.Paths)
	}
	sameFiles(t, "the folder the link leads to", files(t, elsewhere), map[string]string{"index.html": "precious", "old.html": "precious too"})

	// A link in place of a folder below a site folder.
	os.Remove(filepath.Join(dir, "a"))
	tree["a/old.html"] = []byte("old")
	if _, err := Write(dir, tree, nil); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "a/sub"))
	os.Symlink(elsewhere, filepath.Join(dir, "a/sub"))
	r = refusal(t, writeOpts(dir, tree, Options{}), Link)
	if strings.Join(r.Paths, ",") != "a/sub" {
		t.Errorf("links: %v", r.Paths)
	}
	sameFiles(t, "the folder the link leads to", files(t, elsewhere), map[string]string{"index.html": "precious", "old.html": "precious too"})
	// And so without a manifest too (the folders are listed).
	os.Remove(manifestPath(dir))
	refusal(t, writeOpts(dir, tree, Options{Force: true}), Link)
}

// TestNamesBtiUsesBesideTheFolder: a file that bti did not write, under
// the manifest's or the staging folder's name, is refused, not replaced.
func TestNamesBtiUsesBesideTheFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	os.WriteFile(manifestPath(dir), []byte("my own notes"), 0o644)
	refusal(t, writeOpts(dir, Tree{"index.html": []byte("x")}, Options{}), ForeignManifest)
	if read(t, manifestPath(dir)) != "my own notes" {
		t.Error("a file with the manifest's name was replaced")
	}
	os.Remove(manifestPath(dir))
	os.MkdirAll(stagingPath(dir), 0o755)
	os.WriteFile(filepath.Join(stagingPath(dir), "mine.txt"), []byte("mine"), 0o644)
	refusal(t, writeOpts(dir, Tree{"index.html": []byte("x")}, Options{}), ForeignManifest)
	if read(t, filepath.Join(stagingPath(dir), "mine.txt")) != "mine" {
		t.Error("a folder with the staging folder's name was emptied")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("a refused build made the output folder")
	}
}

// failWritesAfter makes every file write after the first n fail as a
// full disk does, until the returned function is called.
func failWritesAfter(n int64) (restore func()) {
	var count atomic.Int64
	old := writeData
	writeData = func(f *os.File, data []byte) (int, error) {
		if count.Add(1) > n {
			half := len(data) / 2
			f.Write(data[:half])
			return half, syscall.ENOSPC
		}
		return old(f, data)
	}
	return func() { writeData = old }
}

// TestFullDiskLeavesThePreviousSite: a write that fails half-way (a full
// disk) leaves every file of the previous site as it was, no new file
// anywhere, and the manifest as it was; the next build then works.
func TestFullDiskLeavesThePreviousSite(t *testing.T) {
	for _, beside := range []bool{false, true} {
		t.Run(map[bool]string{false: "staging", true: "beside"}[beside], func(t *testing.T) {
			if beside {
				old := sameDevice
				sameDevice = func(a, b string) (bool, bool) { return false, true }
				defer func() { sameDevice = old }()
			}
			base := t.TempDir()
			dir := filepath.Join(base, "public")
			a := Tree{"index.html": []byte("A"), "x/index.html": []byte("A"), "x/p/index.html": []byte("A"), "x/old.html": []byte("A")}
			if _, err := Write(dir, a, nil); err != nil {
				t.Fatal(err)
			}
			before := files(t, base)
			b := Tree{"index.html": []byte("B"), "x/index.html": []byte("B"), "x/p/index.html": []byte("B"),
				"x/new/index.html": []byte("B"), "y/index.html": []byte("B")}
			restore := failWritesAfter(2)
			_, err := Write(dir, b, []string{"", "x", "y"})
			restore()
			var we *WriteError
			if !errors.As(err, &we) || we.Changed || !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("want a write error that changed nothing, got %v", err)
			}
			after := files(t, base)
			if beside {
				// The manifest is put back by writing it, which the full
				// disk may refuse too: then the journal is there, which
				// names every file of the previous site.
				if m, _ := readManifest(dir); after["public.bti-manifest"] != before["public.bti-manifest"] {
					for p := range a {
						if m == nil || !m.journal || !m.owned(p) {
							t.Errorf("the manifest left does not name %s", p)
						}
					}
					after["public.bti-manifest"] = before["public.bti-manifest"]
				}
			}
			sameFiles(t, "after the full disk", after, before)
			if _, err := os.Stat(filepath.Join(dir, "x/new")); !os.IsNotExist(err) {
				t.Error("a folder made for the new files was left")
			}
			// And the next build is a clean build of b.
			if _, err := Write(dir, b, []string{"", "x", "y"}); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"public.bti-manifest": read(t, manifestPath(dir))}
			for p, d := range b {
				want["public/"+p] = string(d)
			}
			sameFiles(t, "after the next build", files(t, base), want)
		})
	}
}

// crossDevice makes renames from the staging folder into the output
// folder fail as across file systems, until restore is called.
func crossDevice(dir string) (restore func()) {
	old := rename
	staging := stagingPath(dir) + string(filepath.Separator)
	rename = func(from, to string) error {
		if strings.HasPrefix(from, staging) && !strings.HasPrefix(to, staging) {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EXDEV}
		}
		return old(from, to)
	}
	return func() { rename = old }
}

// TestRenameAcrossFileSystems: when the output folder is a mount point,
// renames from the staging folder fail; the files are then written
// beside their places and renamed there, both when that is known before
// (the devices differ) and when a rename fails.
func TestRenameAcrossFileSystems(t *testing.T) {
	for _, known := range []bool{false, true} {
		t.Run(map[bool]string{false: "found by a failed rename", true: "known from the devices"}[known], func(t *testing.T) {
			if known {
				old := sameDevice
				sameDevice = func(a, b string) (bool, bool) { return false, true }
				defer func() { sameDevice = old }()
			}
			base := t.TempDir()
			dir := filepath.Join(base, "public")
			defer crossDevice(dir)()
			a := Tree{"index.html": []byte("A"), "x/index.html": []byte("A"), "x/p/q/index.html": []byte("A")}
			if _, err := Write(dir, a, nil); err != nil {
				t.Fatal(err)
			}
			b := Tree{"index.html": []byte("B"), "x/index.html": []byte("B"), "x/p/q/index.html": []byte("A"), "y/index.html": []byte("B")}
			st, err := Write(dir, b, nil)
			if err != nil || st.Written != 3 || st.Unchanged != 1 {
				t.Fatalf("%+v %v", st, err)
			}
			want := map[string]string{"public.bti-manifest": read(t, manifestPath(dir))}
			for p, d := range b {
				want["public/"+p] = string(d)
			}
			sameFiles(t, "after two builds", files(t, base), want)
		})
	}
}

// killEnv names the output folder a helper process builds into and is
// killed in (see TestMain).
const killEnv = "BTI_OUTPUT_TEST_KILL"

func TestMain(m *testing.M) {
	if spec := os.Getenv(killEnv); spec != "" {
		killedBuild(spec)
		return
	}
	os.Exit(m.Run())
}

// killedBuild is the helper process: it builds killTree into dir and
// dies, without any clean-up, at the n-th rename (spec is
// "dir|n|beside").
func killedBuild(spec string) {
	f := strings.Split(spec, "|")
	dir := f[0]
	n, _ := strconv.Atoi(f[1])
	if f[2] == "beside" {
		sameDevice = func(a, b string) (bool, bool) { return false, true }
	}
	var count atomic.Int64
	oldRename := rename
	rename = func(from, to string) error {
		if count.Add(1) == int64(n) {
			os.Exit(7) // as SIGKILL: no deferred function runs
		}
		return oldRename(from, to)
	}
	Write(dir, killTree, nil)
	os.Exit(0)
}

var killTree = Tree{"index.html": []byte("B"), "x/index.html": []byte("B"), "x/p/index.html": []byte("B"),
	"x/n/index.html": []byte("B"), "y/index.html": []byte("B"), "y/z/index.html": []byte("B")}

// TestKilledWriteKeepsTrackOfItsFiles: a build killed after renaming some
// of its files leaves a journal that names every file of bti's, old and
// new, and the temporary files it had written; the next build needs no
// force, removes what bti left, keeps what others put there, and ends as
// a clean build.
func TestKilledWriteKeepsTrackOfItsFiles(t *testing.T) {
	for _, mode := range []string{"staging", "beside"} {
		t.Run(mode, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "public")
			a := Tree{"index.html": []byte("A"), "x/index.html": []byte("A"), "x/old.html": []byte("A"), "x/p/index.html": []byte("A")}
			if _, err := Write(dir, a, nil); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "x", tmpPrefix+"123"), []byte("someone's"), 0o644)
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), killEnv+"="+dir+"|3|"+mode)
			out, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 7 {
				t.Fatalf("the helper was not killed: %v\n%s", err, out)
			}
			m, _ := readManifest(dir)
			if m == nil || !m.journal {
				t.Fatal("no journal after the killed build")
			}
			for _, p := range []string{"index.html", "x/index.html", "x/old.html", "x/p/index.html", "x/n/index.html", "y/z/index.html"} {
				if !m.owned(p) {
					t.Errorf("the journal does not name %s", p)
				}
			}
			got := files(t, base)
			newer, left := 0, 0
			for p, d := range got {
				if d == "B" {
					newer++
				}
				if strings.Contains(p, tmpPrefix) && !strings.HasSuffix(p, "123") {
					left++
				}
			}
			if newer == 0 || (mode == "beside" && left == 0) {
				t.Errorf("the kill left %d new files and %d temporary ones: the test tests little", newer, left)
			}
			if _, err := os.Stat(stagingPath(dir)); mode == "staging" && err != nil {
				t.Error("the kill left no staging folder: the test tests little")
			}
			st, err := Write(dir, killTree, nil)
			if err != nil {
				t.Fatalf("the build after: %v", err)
			}
			if st.Removed != 1 {
				t.Errorf("stats %+v, want x/old.html removed", st)
			}
			want := map[string]string{"x/" + tmpPrefix + "123": "someone's"}
			for p, d := range killTree {
				want[p] = string(d)
			}
			sameFiles(t, "after the next build", files(t, dir), want)
			if m, _ := readManifest(dir); m == nil || m.journal {
				t.Error("the build after did not leave a complete manifest")
			}
			if _, err := os.Stat(stagingPath(dir)); !os.IsNotExist(err) {
				t.Error("the staging folder is still there")
			}
		})
	}
}

// TestNotesKeepEachFolders: notes are kept per folder across builds of
// other folders, and go with their folder.
func TestNotesKeepEachFolders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	_, err := WriteWith(dir, Tree{"a/i.html": []byte("a"), "b/i.html": []byte("b")}, Options{Notes: map[string]string{"a": "Å \"a\"\nline", "b": "B"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteWith(dir, Tree{"b/i.html": []byte("b2")}, Options{Notes: map[string]string{"b": "B2"}}); err != nil {
		t.Fatal(err)
	}
	n := Notes(dir)
	if n["a"] != "Å \"a\"\nline" || n["b"] != "B2" {
		t.Errorf("notes = %q", n)
	}
	if _, err := WriteWith(dir, Tree{"b/i.html": []byte("b2")}, Options{Owned: []string{"a"}}); err != nil {
		t.Fatal(err)
	}
	if n := Notes(dir); n["a"] != "" || n["b"] != "B2" {
		t.Errorf("notes after a/ went = %q", n)
	}
}

// TestFormat3ManifestIsRead: the manifest of the bti before this one
// still says which files are bti's, and its shared assets/, which it
// wrote without recording, are bti's to replace.
func TestFormat3ManifestIsRead(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(dir, "a"), 0o755)
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(dir, "a/old.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(dir, "assets/font.woff2"), []byte("old font"), 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("mine"), 0o644)
	os.WriteFile(manifestPath(dir), []byte("bti-manifest 3\n== \nindex.html\t3\t1\t1\n== a\na/old.html\t3\t1\t1\n/ a\t1\n"), 0o644)
	_, err := Write(dir, Tree{"index.html": []byte("new"), "a/new.html": []byte("new"), "assets/font.woff2": []byte("new font")}, []string{"", "a"})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "after the upgrade", files(t, dir), map[string]string{"index.html": "new", "a/new.html": "new",
		"assets/font.woff2": "new font", "README.md": "mine"})
}

// TestOutputFolderLinkIsRefused: an output folder that is itself a
// symbolic link, to an empty folder or to one with files, is refused
// with nothing written there, with Force too and with a closing "/";
// the folder it leads to is built into as usual.
func TestOutputFolderLinkIsRefused(t *testing.T) {
	base := t.TempDir()
	empty := filepath.Join(base, "empty")
	full := filepath.Join(base, "full")
	os.MkdirAll(empty, 0o755)
	os.MkdirAll(full, 0o755)
	os.WriteFile(filepath.Join(full, "index.html"), []byte("precious"), 0o644)
	tree := Tree{"index.html": []byte("r"), "a/index.html": []byte("a")}
	for _, target := range []string{empty, full} {
		link := filepath.Join(base, "public-"+filepath.Base(target))
		if err := os.Symlink(target, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		before := files(t, target)
		for _, o := range []Options{{}, {Force: true}} {
			for _, dir := range []string{link, link + string(filepath.Separator)} {
				refusal(t, writeOpts(dir, tree, o), DirIsLink)
				sameFiles(t, "the folder the link leads to", files(t, target), before)
				if _, err := os.Lstat(manifestPath(link)); !os.IsNotExist(err) {
					t.Error("a refused build wrote a manifest beside the link")
				}
				if _, err := os.Lstat(stagingPath(link)); !os.IsNotExist(err) {
					t.Error("a refused build left a staging folder beside the link")
				}
			}
		}
	}
	if _, err := Write(empty, tree, nil); err != nil {
		t.Fatalf("the folder a link led to: %v", err)
	}
	if read(t, filepath.Join(empty, "a", "index.html")) != "a" {
		t.Error("the build into the folder itself wrote no page")
	}
}
