package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// project copies the sample municipalities and the project's own files
// into a new folder, which it returns with a snapshot of the files that
// are not bti's.
func project(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "prosjekt")
	if err := os.CopyFS(filepath.Join(dir, "municipalities"), os.DirFS("../../municipalities")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"README.md", "go.mod", "LICENSE", "netlify.toml"} {
		data, err := os.ReadFile(filepath.Join("../..", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	return dir, snapshot(t, dir)
}

// bti runs the command and returns its exit code and what it printed.
func bti(args ...string) (int, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String() + stderr.String()
}

// unchanged checks that every file of before is still there as it was.
func unchanged(t *testing.T, what, dir string, before map[string][]byte) {
	t.Helper()
	after := snapshot(t, dir)
	for name, data := range before {
		if got, ok := after[name]; !ok {
			t.Errorf("%s: %s was deleted", what, name)
		} else if !bytes.Equal(got, data) {
			t.Errorf("%s: %s was changed", what, name)
		}
	}
}

// TestBuildNeverIntoTheSources: --out . (the project folder), a folder of
// the sources, a folder inside one, a folder above the project, and a
// link that leads into the sources are refused, and nothing of the
// project's is deleted or changed. (bti build --out . used to delete
// README.md, go.mod, LICENSE and netlify.toml; --out municipalities every
// source file.)
func TestBuildNeverIntoTheSources(t *testing.T) {
	dir, before := project(t)
	os.Symlink(filepath.Join(dir, "municipalities"), filepath.Join(dir, "lenke"))
	for _, c := range []struct{ out, code string }{
		{".", "BTI510"},
		{"", "BTI510"},
		{"municipalities", "BTI512"},
		{"municipalities/vardo", "BTI512"},
		{"municipalities/ny", "BTI512"},
		{"lenke", "BTI512"},
		{"..", "BTI511"},
	} {
		code, out := bti("build", "-C", dir, "--no-pdf", "--out", c.out)
		if code != 1 || !strings.Contains(out, "["+c.code+"]") {
			t.Errorf("--out %q: exit %d, want 1 and %s:\n%s", c.out, code, c.code, out)
		}
		unchanged(t, "--out "+c.out, dir, before)
		code, out = bti("build", "-C", dir, "--no-pdf", "--force", "--out", c.out)
		if code != 1 || !strings.Contains(out, "["+c.code+"]") {
			t.Errorf("--out %q --force: exit %d, want 1 and %s:\n%s", c.out, code, c.code, out)
		}
		unchanged(t, "--out "+c.out+" --force", dir, before)
	}
	if _, err := os.Stat(filepath.Join(dir, "municipalities/ny")); !os.IsNotExist(err) {
		t.Error("a refused build made a folder in the sources")
	}
}

// TestBuildNeverDeletesOthersFiles: a folder with someone's files and no
// manifest is refused; --force builds beside them; a file someone puts in
// a site folder stays through later builds.
func TestBuildNeverDeletesOthersFiles(t *testing.T) {
	dir, _ := project(t)
	out := filepath.Join(t.TempDir(), "nettsted")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "notater.txt"), []byte("mine"), 0o644)
	code, msg := bti("build", "-C", dir, "--no-pdf", "--out", out)
	if code != 1 || !strings.Contains(msg, "[BTI515]") || !strings.Contains(msg, "notater.txt") {
		t.Errorf("exit %d:\n%s", code, msg)
	}
	if names, _ := os.ReadDir(out); len(names) != 1 {
		t.Errorf("a refused build wrote into the folder: %v", names)
	}
	code, msg = bti("build", "-C", dir, "--no-pdf", "--force", "--out", out)
	if code != 0 {
		t.Fatalf("--force: exit %d:\n%s", code, msg)
	}
	os.WriteFile(filepath.Join(out, "vardo", "notat.txt"), []byte("mine too"), 0o644)
	code, msg = bti("build", "-C", dir, "--no-pdf", "--out", out)
	if code != 0 {
		t.Fatalf("the build after: exit %d:\n%s", code, msg)
	}
	for name, want := range map[string]string{"notater.txt": "mine", "vardo/notat.txt": "mine too"} {
		if b, err := os.ReadFile(filepath.Join(out, name)); err != nil || string(b) != want {
			t.Errorf("%s: %q %v", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "vardo", "index.html")); err != nil {
		t.Error("the forced build did not build")
	}
	// Someone's file where a page goes: refused, kept.
	os.Remove(filepath.Join(out, "vardo", "kontakt", "index.html"))
	m, _ := os.ReadFile(out + ".bti-manifest")
	os.WriteFile(out+".bti-manifest", bytes.ReplaceAll(m, []byte("vardo/kontakt/index.html\t"), []byte("vardo/kontakt/x.html\t")), 0o644)
	os.WriteFile(filepath.Join(out, "vardo", "kontakt", "index.html"), []byte("my page"), 0o644)
	code, msg = bti("build", "-C", dir, "--no-pdf", "--out", out)
	if code != 1 || !strings.Contains(msg, "[BTI516]") || !strings.Contains(msg, "vardo/kontakt/index.html") {
		t.Errorf("a file in the way: exit %d:\n%s", code, msg)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "vardo", "kontakt", "index.html")); string(b) != "my page" {
		t.Error("someone's file was written over")
	}
}

// TestBuildRefusesOtherRepositoriesAndProjects: the top of a git work
// tree, and a folder that holds another project, are refused.
func TestBuildRefusesOtherRepositoriesAndProjects(t *testing.T) {
	dir, _ := project(t)
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	os.WriteFile(filepath.Join(repo, "README.md"), []byte("theirs"), 0o644)
	other := t.TempDir()
	os.Mkdir(filepath.Join(other, "municipalities"), 0o755)
	os.WriteFile(filepath.Join(other, "README.md"), []byte("theirs"), 0o644)
	for _, force := range []string{"--no-pdf", "--force"} {
		if code, msg := bti("build", "-C", dir, "--no-pdf", force, "--out", repo); code != 1 || !strings.Contains(msg, "[BTI513]") {
			t.Errorf("a git root, %s: exit %d:\n%s", force, code, msg)
		}
		if code, msg := bti("build", "-C", dir, "--no-pdf", force, "--out", other); code != 1 || !strings.Contains(msg, "[BTI514]") {
			t.Errorf("another project, %s: exit %d:\n%s", force, code, msg)
		}
		for _, d := range []string{repo, other} {
			if names, _ := os.ReadDir(d); len(names) != 2 {
				t.Errorf("%s, %s: written into: %v", d, force, names)
			}
			if b, _ := os.ReadFile(filepath.Join(d, "README.md")); string(b) != "theirs" {
				t.Errorf("%s, %s: README.md was changed or deleted", d, force)
			}
		}
	}
}

// TestSiteFolderThatIsALinkIsRefused: public/vardo leading elsewhere is
// refused, and nothing where it leads is touched (it used to be written
// through, and its files removed).
func TestSiteFolderThatIsALinkIsRefused(t *testing.T) {
	dir, _ := project(t)
	if code, msg := bti("build", "-C", dir, "--no-pdf"); code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	elsewhere := t.TempDir()
	os.WriteFile(filepath.Join(elsewhere, "index.html"), []byte("precious"), 0o644)
	os.WriteFile(filepath.Join(elsewhere, "sitemap.xml"), []byte("precious too"), 0o644)
	before := snapshot(t, elsewhere)
	os.RemoveAll(filepath.Join(dir, "public", "vardo"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, "public", "vardo")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	code, msg := bti("build", "-C", dir, "--no-pdf")
	if code != 1 || !strings.Contains(msg, "[BTI517]") {
		t.Errorf("exit %d:\n%s", code, msg)
	}
	unchanged(t, "the folder the link leads to", elsewhere, before)
	if after := snapshot(t, elsewhere); len(after) != len(before) {
		t.Errorf("files were added where the link leads: %d, want %d", len(after), len(before))
	}
}

// TestSubsetBuildKeepsTheOtherMunicipalities: bti build vardo into a
// folder that has lillestrom too leaves the list of sites and _redirects
// at the root as a build of both makes them (they used to name vardo
// only), and lillestrom's files as they were.
func TestSubsetBuildKeepsTheOtherMunicipalities(t *testing.T) {
	dir, _ := project(t)
	if code, msg := bti("build", "-C", dir, "--no-pdf"); code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	full := snapshot(t, filepath.Join(dir, "public"))
	if !bytes.Contains(full["index.html"], []byte(`href="lillestrom/"`)) || !bytes.Contains(full["_redirects"], []byte("/lillestrom/")) {
		t.Fatalf("the full build's root files do not name lillestrom:\n%s\n%s", full["index.html"], full["_redirects"])
	}
	if code, msg := bti("build", "-C", dir, "--no-pdf", "vardo"); code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	after := snapshot(t, filepath.Join(dir, "public"))
	for _, name := range []string{"index.html", "_redirects"} {
		if !bytes.Equal(after[name], full[name]) {
			t.Errorf("after bti build vardo, %s differs from the full build's:\n%s\nwant:\n%s", name, after[name], full[name])
		}
	}
	if len(after) != len(full) {
		t.Errorf("after bti build vardo: %d files, want %d", len(after), len(full))
	}
}

// TestRemovedMunicipalityLosesOnlyBtisFiles: a municipality taken out of
// the project loses, at the next build of all, the files bti made for it
// and nothing else; the list of sites no longer names it.
func TestRemovedMunicipalityLosesOnlyBtisFiles(t *testing.T) {
	dir, _ := project(t)
	if code, msg := bti("build", "-C", dir, "--no-pdf"); code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	os.WriteFile(filepath.Join(dir, "public", "lillestrom", "notat.txt"), []byte("mine"), 0o644)
	if err := os.RemoveAll(filepath.Join(dir, "municipalities", "lillestrom")); err != nil {
		t.Fatal(err)
	}
	if code, msg := bti("build", "-C", dir, "--no-pdf"); code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	left := snapshot(t, filepath.Join(dir, "public", "lillestrom"))
	if len(left) != 1 || string(left["notat.txt"]) != "mine" {
		names := []string{}
		for n := range left {
			names = append(names, n)
		}
		t.Errorf("public/lillestrom holds %v, want notat.txt only", names)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public", "index.html")); bytes.Contains(b, []byte("lillestrom/")) {
		t.Error("the list of sites still names lillestrom")
	}
}

// TestOutputFolderThatIsALinkIsRefused: --out naming a symbolic link (to
// an empty folder, to a folder with files, with a closing "/") is refused
// with BTI522 and where it leads, with --force too, and nothing is
// written there (it used to be reported as a folder with files bti did
// not make, ".", and --force wrote through it). --out to the folder
// itself, to a new folder and the usual public/ still build.
func TestOutputFolderThatIsALinkIsRefused(t *testing.T) {
	dir, _ := project(t)
	base := t.TempDir()
	empty := filepath.Join(base, "tom")
	full := filepath.Join(base, "full")
	os.MkdirAll(empty, 0o755)
	os.MkdirAll(full, 0o755)
	os.WriteFile(filepath.Join(full, "notater.txt"), []byte("mine"), 0o644)
	for _, target := range []string{empty, full} {
		link := filepath.Join(base, "lenke-"+filepath.Base(target))
		if err := os.Symlink(target, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		before := snapshot(t, target)
		for _, args := range [][]string{{"--out", link}, {"--out", link + "/"}, {"--force", "--out", link}} {
			code, msg := bti(append([]string{"build", "-C", dir, "--no-pdf"}, args...)...)
			if code != 1 || !strings.Contains(msg, "[BTI522]") || !strings.Contains(msg, filepath.ToSlash(target)) {
				t.Errorf("%v: exit %d, want 1 and BTI522 naming %s:\n%s", args, code, target, msg)
			}
			unchanged(t, "the folder the link leads to", target, before)
			if after := snapshot(t, target); len(after) != len(before) {
				t.Errorf("%v: files were added where the link leads: %d, want %d", args, len(after), len(before))
			}
			if _, err := os.Lstat(link + ".bti-manifest"); !os.IsNotExist(err) {
				t.Errorf("%v: a manifest was written beside the link", args)
			}
		}
	}
	for _, out := range []string{empty, filepath.Join(base, "ny"), "public"} {
		if code, msg := bti("build", "-C", dir, "--no-pdf", "--out", out); code != 0 {
			t.Errorf("--out %s: exit %d:\n%s", out, code, msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "vardo", "index.html")); err != nil {
		t.Error("--out public built no site")
	}
}
