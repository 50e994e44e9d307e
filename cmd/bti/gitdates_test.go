package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a git repository in a folder with æøå and spaces in its
// name, with the sample municipality vardo in a project folder below it
// (also so named) and a file with such a name, committed on 2024-03-05.
// It returns the project folder.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := filepath.Join(t.TempDir(), "BTI-håndbøker med æøå")
	proj := filepath.Join(repo, "Kommune Øst (prøve)")
	if err := os.CopyFS(filepath.Join(proj, "municipalities", "vardo"), os.DirFS("../../municipalities/vardo")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(proj, "notat om å få til.md"), []byte("x"), 0o644)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2024-03-05T12:00:00Z", "GIT_COMMITTER_DATE=2024-03-05T12:00:00Z",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "first")
	return proj
}

// TestGitDatesInAFolderWithNorwegianLetters: every file keeps its date
// when the project's folder (and a file) is named with æøå and spaces
// (git quoted such paths, and every "Sist endret" was lost).
func TestGitDatesInAFolderWithNorwegianLetters(t *testing.T) {
	proj := gitRepo(t)
	dates := gitDates(proj)
	step := "municipalities/vardo/guides/felles/niva-1/01-tiltak-i-egen-tjeneste.md"
	if _, err := os.Stat(filepath.Join(proj, filepath.FromSlash(step))); err != nil {
		entries, _ := os.ReadDir(filepath.Join(proj, "municipalities/vardo/guides/felles/niva-1"))
		t.Fatalf("the test's step is not there (%v): %v", entries, err)
	}
	for _, f := range []string{step, "municipalities/vardo/municipality.toml", "notat om å få til.md"} {
		if dates[f] != "2024-03-05" {
			t.Errorf("date of %q = %q, want 2024-03-05 (%d dates)", f, dates[f], len(dates))
		}
	}
	// And the pages show it.
	code, msg := bti("build", "-C", proj, "--no-pdf")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	page, err := os.ReadFile(filepath.Join(proj, "public/vardo/felles/niva-1/tiltak-i-egen-tjeneste/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `datetime="2024-03-05"`) {
		t.Error("the step page shows no last-change date")
	}
}
