package main

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// historyRepo makes a git repository of the Vardø sample with three
// commits on different days, and a branch merged in whose commit changed
// only a file outside the municipality:
//
//	2026-01-10  Første versjon av håndboken        (every file)
//	2026-02-20  Sjekklisten har fått et punkt ...  (a toolbox document)
//	2026-02-25  README for depotet                 (outside: left out)
//	2026-02-26  Merge branch 'readme'              (a merge: left out)
//	2026-03-01  Ny frist i tiltaket på nivå 1      (a step)
//
// It returns the repository's folder and its git function.
func historyRepo(t *testing.T) (string, func(date string, args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := filepath.Join(t.TempDir(), "håndbok")
	if err := os.CopyFS(filepath.Join(repo, "municipalities", "vardo"), os.DirFS("../../municipalities/vardo")); err != nil {
		t.Fatal(err)
	}
	// The sample hides its commit messages (they are written by bti's
	// developers); a coordinator's own repository shows them.
	toml := filepath.Join(repo, "municipalities", "vardo", "municipality.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(toml, []byte(strings.Replace(string(data), "messages = false", "messages = true", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=Kari", "GIT_AUTHOR_EMAIL=kari@example.org", "GIT_COMMITTER_NAME=Kari", "GIT_COMMITTER_EMAIL=kari@example.org",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	edit := func(rel, add string) {
		t.Helper()
		p := filepath.Join(repo, filepath.FromSlash(rel))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(data, add...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("2026-01-10T09:00:00+01:00", "init", "-q", "-b", "main")
	git("2026-01-10T09:00:00+01:00", "add", "-A")
	git("2026-01-10T09:00:00+01:00", "commit", "-q", "-m", "Første versjon av håndboken")
	edit("municipalities/vardo/toolbox/stafettholderens-sjekkliste.md", "\n- [ ] Samtykket er skrevet under og arkivert\n")
	git("2026-02-20T10:00:00+01:00", "commit", "-q", "-a", "-m", "Sjekklisten har fått et punkt om samtykke\n\nPunktet kom etter møtet med barnevernet.")
	git("2026-02-25T10:00:00+01:00", "checkout", "-q", "-b", "readme")
	os.WriteFile(filepath.Join(repo, "README.md"), []byte("Håndboken\n"), 0o644)
	git("2026-02-25T10:00:00+01:00", "add", "README.md")
	git("2026-02-25T10:00:00+01:00", "commit", "-q", "-m", "README for depotet")
	git("2026-02-26T10:00:00+01:00", "checkout", "-q", "main")
	git("2026-02-26T10:00:00+01:00", "merge", "-q", "--no-ff", "-m", "Merge branch 'readme'", "readme")
	edit("municipalities/vardo/guides/felles/niva-1/01-tiltak-i-egen-tjeneste.md", "\nTiltaket skal evalueres innen seks uker.\n")
	git("2026-03-01T15:30:00+01:00", "commit", "-q", "-a", "-m", "Ny frist i tiltaket på nivå 1")
	return repo, git
}

// TestChangeLogFromGit is the acceptance test of /endringer/: a
// repository with three commits on different days lists them, newest
// first, with the right pages and dates; the merge and the change
// outside the municipality are left out; the feed parses as Atom; the
// mark is only on the step and the document changed in the 30 days
// before the newest commit.
func TestChangeLogFromGit(t *testing.T) {
	repo, _ := historyRepo(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, msg := bti("build", "-C", repo, "--no-pdf", "--out", out); code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	read := func(p string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, "vardo", filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	page := read("endringer/index.html")
	subjects := regexp.MustCompile(`<h3 class="change__subject">([^<]*)</h3><p class="change__date"><time datetime="([0-9-]+)">`).FindAllStringSubmatch(page, -1)
	var got []string
	for _, s := range subjects {
		got = append(got, s[2]+" "+s[1])
	}
	want := []string{
		"2026-03-01 Ny frist i tiltaket på nivå 1",
		"2026-02-20 Sjekklisten har fått et punkt om samtykke",
		"2026-01-10 Første versjon av håndboken",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the changes listed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	entry := func(subject string) string {
		i := strings.Index(page, ">"+subject+"</h3>")
		j := strings.Index(page[i:], `</li></ol>`)
		if k := strings.Index(page[i:], `<li class="change"`); k > 0 && k < j {
			j = k
		}
		return page[i : i+j]
	}
	if e := entry("Ny frist i tiltaket på nivå 1"); !strings.Contains(e, `href="../felles/niva-1/tiltak-i-egen-tjeneste/">Tiltak i egen tjeneste</a>`) || strings.Count(e, "<li>") != 1 {
		t.Errorf("the newest change does not link only its step:\n%s", e)
	}
	if e := entry("Sjekklisten har fått et punkt om samtykke"); !strings.Contains(e, `href="../verktoykasse/stafettholderens-sjekkliste/">`) ||
		!strings.Contains(e, "Punktet kom etter møtet med barnevernet.") {
		t.Errorf("the second change does not link its document or show its message:\n%s", e)
	}
	if strings.Contains(page, "README") || strings.Contains(page, "Merge branch") {
		t.Error("the merge, or the change outside the municipality, is listed")
	}
	if !strings.Contains(page, "Endringer fra 01.03.2025 til 01.03.2026.") || strings.Contains(page, "ufullstendig") {
		t.Error("the period is not the 12 months before the newest commit, or the history is called incomplete")
	}
	// The feed.
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Author  string   `xml:"author>name"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	data := read("endringer/atom.xml")
	if err := xml.Unmarshal([]byte(data), &feed); err != nil {
		t.Fatalf("the feed is not Atom: %v", err)
	}
	if feed.ID == "" || feed.Author != "Vardø kommune" || len(feed.Entries) != 3 {
		t.Fatalf("feed: %+v", feed)
	}
	for i, e := range feed.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title != want[i][11:] {
			t.Errorf("entry %d: %+v", i, e)
		}
	}
	if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil {
		t.Errorf("feed updated %q", feed.Updated)
	}
	// The marks: the newest commit is 2026-03-01, so from 2026-01-30.
	mark := `<span class="changed-mark">Endret</span>`
	for p, n := range map[string]int{
		"felles/niva-1/index.html": 2, // the step and the legend
		"felles/niva-0/index.html": 0,
		"felles/niva-2/index.html": 0,
		"verktoykasse/index.html":  2, // the checklist and the legend
	} {
		if got := strings.Count(read(p), mark); got != n {
			t.Errorf("%s: %d marks, want %d", p, got, n)
		}
	}
	level := read("felles/niva-1/index.html")
	if i := strings.Index(level, `href="tiltak-i-egen-tjeneste/"`); i < 0 || !strings.Contains(level[i:i+300], mark) {
		t.Error("the changed step has no mark")
	}
	if i := strings.Index(level, `href="tiltaksplan/"`); i < 0 || strings.Contains(level[i:i+300], mark) {
		t.Error("a step changed 50 days before the newest commit has a mark")
	}
}

// TestChangeLogShallowAndWithoutGit: in a shallow clone the page says the
// history is incomplete and bti build warns (BTI701), the commit at the
// clone's boundary (which git shows as adding every file) left out;
// without git the page says there is no history and there is no feed.
func TestChangeLogShallowAndWithoutGit(t *testing.T) {
	repo, _ := historyRepo(t)
	clone := filepath.Join(t.TempDir(), "grunn")
	if out, err := exec.Command("git", "clone", "-q", "--depth", "2", "file://"+repo, clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, msg := bti("build", "-C", clone, "--no-pdf", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	if !strings.Contains(msg, "[BTI701]") || !strings.Contains(msg, "git fetch --unshallow") {
		t.Errorf("no warning about the shallow clone:\n%s", msg)
	}
	page, _ := os.ReadFile(filepath.Join(out, "vardo", "endringer", "index.html"))
	if !strings.Contains(string(page), "Historikken er ufullstendig") {
		t.Error("the page does not say the history is incomplete")
	}
	if n := strings.Count(string(page), `<li class="change"`); n != 1 || !strings.Contains(string(page), "Ny frist i tiltaket") {
		t.Errorf("%d changes listed, want the newest only (the merge at the boundary left out)", n)
	}
	// Without git: a copy of the files with no .git.
	plain := filepath.Join(t.TempDir(), "uten-git")
	if err := os.CopyFS(filepath.Join(plain, "municipalities"), os.DirFS(filepath.Join(repo, "municipalities"))); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
	out2 := filepath.Join(t.TempDir(), "public")
	if code, msg := bti("build", "-C", plain, "--no-pdf", "--out", out2); code != 0 {
		t.Fatalf("exit %d:\n%s", code, msg)
	}
	page, _ = os.ReadFile(filepath.Join(out2, "vardo", "endringer", "index.html"))
	if !strings.Contains(string(page), "Ingen endringshistorikk er tilgjengelig") {
		t.Error("without git the page does not say there is no history")
	}
	if _, err := os.Stat(filepath.Join(out2, "vardo", "endringer", "atom.xml")); err == nil {
		t.Error("a feed without a history")
	}
}

// TestGitHistoryRenames: a renamed file's earlier changes are reported
// under its new name, and what git prints is read whatever the names.
func TestGitHistoryRenames(t *testing.T) {
	repo, git := historyRepo(t)
	git("2026-03-02T10:00:00+01:00", "mv", "municipalities/vardo/toolbox/foreldremote-tolk.md", "municipalities/vardo/toolbox/foreldremøte med tolk.md")
	git("2026-03-02T10:00:00+01:00", "commit", "-q", "-m", "Nytt navn\x7f på \u202efilen")
	h := gitHistory(repo)
	if h == nil || len(h.Commits) != 5 {
		t.Fatalf("history: %+v", h)
	}
	c := h.Commits[0]
	if len(c.Files) != 1 || c.Files[0].Path != "municipalities/vardo/toolbox/foreldremøte med tolk.md" || c.Files[0].From != "municipalities/vardo/toolbox/foreldremote-tolk.md" {
		t.Errorf("the rename: %+v", c.Files)
	}
	if c.Message != "Nytt navn på filen" {
		t.Errorf("message %q: control and bidirectional characters are not left out", c.Message)
	}
	if !c.Time.Equal(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("time %v", c.Time)
	}
	for _, c := range h.Commits {
		if strings.HasPrefix(c.Message, "Merge") {
			t.Error("a merge is in the history")
		}
	}
}

// TestParseHistoryNeverPanics: output that is cut off or garbled gives
// what can be read, and never a panic.
func TestParseHistoryNeverPanics(t *testing.T) {
	good := "\x01abc\x022026-03-01T10:00:00+01:00\x02Melding\n\x03\x00\nM\x00a.md\x00R100\x00b.md\x00c.md\x00D\x00d.md\x00"
	h := parseHistory([]byte(good))
	if len(h.Commits) != 1 || len(h.Commits[0].Files) != 3 || h.Commits[0].Files[1].From != "b.md" || !h.Commits[0].Files[2].Removed {
		t.Errorf("parsed %+v", h)
	}
	for i := range good {
		parseHistory([]byte(good[:i]))
	}
	for _, bad := range []string{"\x01\x02\x02\x03", "\x01x\x02nodate\x02m\x03", "\x01x\x022026-03-01T10:00:00Z\x02m\x03\x00R\x00", "\x03\x02\x01", "\x01x\x022026-03-01T10:00:00Z\x02m\x03\x00U\x00a\x00Q"} {
		parseHistory([]byte(bad))
	}
}

// FuzzParseHistory: no input makes parseHistory panic.
func FuzzParseHistory(f *testing.F) {
	f.Add([]byte("\x01abc\x022026-03-01T10:00:00+01:00\x02Melding\n\x03\x00\nM\x00a.md\x00R100\x00b.md\x00c.md\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseHistory(data)
	})
}
