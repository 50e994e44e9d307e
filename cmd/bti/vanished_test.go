package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenamedStepKeepsItsAddress: a step renamed in a git repository gets
// a warning with the exact aliases line to add to the new file, before
// and after the rename is committed; with the line added, none. A step
// saved with .txt after .md gets the warning at that file.
func TestRenamedStepKeepsItsAddress(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "municipalities", "vardo"), os.DirFS("../../municipalities/vardo")); err != nil {
		t.Fatal(err)
	}
	g := func(args ...string) {
		t.Helper()
		cmd := exec.Command(git, append([]string{"-C", dir, "-c", "user.name=T", "-c", "user.email=t@example.no"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	g("init", "-q")
	g("add", ".")
	g("commit", "-q", "-m", "Handboka")
	check := func() string {
		t.Helper()
		var out, errs bytes.Buffer
		run([]string{"check", "-C", dir, "--lang", "en"}, &out, &errs)
		return errs.String()
	}
	if msgs := check(); strings.Contains(msgs, "BTI438") {
		t.Fatalf("a warning before anything changed:\n%s", msgs)
	}
	level := filepath.Join(dir, "municipalities/vardo/guides/felles/niva-0")
	os.Rename(filepath.Join(level, "02-samtale-med-barnet.md"), filepath.Join(level, "02-barnesamtale.md"))
	want := "municipalities/vardo/guides/felles/niva-0/02-barnesamtale.md:1:1: warning: the address /felles/niva-0/samtale-med-barnet/ goes away: it came from municipalities/vardo/guides/felles/niva-0/02-samtale-med-barnet.md, which no longer exists [BTI438]\n" +
		"\thint: was the page renamed (municipalities/vardo/guides/felles/niva-0/02-barnesamtale.md)? Then add this line at the top of municipalities/vardo/guides/felles/niva-0/02-barnesamtale.md: aliases = [\"/felles/niva-0/samtale-med-barnet/\"]"
	if msgs := check(); !strings.Contains(msgs, want) {
		t.Errorf("renamed, not committed:\n%s", msgs)
	}
	g("add", "-A")
	g("commit", "-q", "-m", "Nytt namn")
	if msgs := check(); !strings.Contains(msgs, want) {
		t.Errorf("renamed and committed:\n%s", msgs)
	}
	step := filepath.Join(level, "02-barnesamtale.md")
	data, _ := os.ReadFile(step)
	os.WriteFile(step, bytes.Replace(data, []byte("+++\n"), []byte("+++\naliases = [\"/felles/niva-0/samtale-med-barnet/\"]\n"), 1), 0o644)
	if msgs := check(); strings.Contains(msgs, "BTI438") {
		t.Errorf("the alias is there, and still:\n%s", msgs)
	}
	g("add", "-A")
	g("commit", "-q", "-m", "Gammal adresse")
	os.Rename(filepath.Join(level, "03-samtale-med-foreldre.md"), filepath.Join(level, "03-samtale-med-foreldre.md.txt"))
	if msgs := check(); !strings.Contains(msgs, "niva-0/03-samtale-med-foreldre.md.txt:1:1: warning: the address /felles/niva-0/samtale-med-foreldre/ goes away") ||
		!strings.Contains(msgs, "03-samtale-med-foreldre.md.txt does not end in .md, so it is not shown; rename it 03-samtale-med-foreldre.md again") {
		t.Errorf("hidden by its ending:\n%s", msgs)
	}
}
