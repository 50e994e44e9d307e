package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCrashReportHasNoStackTrace(t *testing.T) {
	var stderr bytes.Buffer
	code := crashReport("boom", []byte("goroutine 1 [running]:\nmain.main()"), []string{"build"}, &stderr)
	out := stderr.String()
	if code != 3 || strings.Contains(out, "goroutine") || !strings.Contains(out, "bti-crash-") {
		t.Errorf("code %d, message:\n%s", code, out)
	}
	i := strings.Index(out, "legg ved ")
	name := strings.Fields(out[i+len("legg ved "):])[0]
	name = strings.TrimSuffix(strings.TrimSuffix(name, ","), ".")
	data, err := os.ReadFile(name)
	if err != nil || !strings.Contains(string(data), "goroutine 1") {
		t.Errorf("the details file %s: %v %q", name, err, data)
	}
	os.Remove(name)
}

// TestSymlinksOutsideAreRefused: a link in the project that leads outside
// it is reported with its path and never read; a link inside is followed.
func TestSymlinksOutsideAreRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "municipalities", "vardo"), os.DirFS("../../municipalities/vardo")); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("+++\ntitle = \"Hemmelig\"\nkind = \"article\"\n+++\nroot:x:0:0\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "municipalities/vardo/toolbox/hemmelig.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	os.Symlink("foreldremote-tolk.md", filepath.Join(dir, "municipalities/vardo/toolbox/tolk.md"))
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "-C", dir, "--lang", "en"}, &stdout, &stderr)
	out := stderr.String()
	if code != 1 || !strings.Contains(out, "municipalities/vardo/toolbox/hemmelig.md:1:1: error: the file is a link that leads outside the project") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if strings.Contains(out, "tolk.md") {
		t.Errorf("a link inside the project was refused:\n%s", out)
	}
	// And nothing of the outside file reaches a build.
	code = run([]string{"build", "-C", dir}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("build exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a build with mistakes wrote public/")
	}
}
