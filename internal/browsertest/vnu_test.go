package browsertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// vnu finds the W3C Nu Html Checker (npm vnu-jar, installed by .ci/run
// into .ci/tools) and Java, or skips (fails with BTI_REQUIRE_BROWSER=1).
func vnu(t *testing.T) []string {
	t.Helper()
	jar := os.Getenv("BTI_VNU_JAR")
	if jar == "" {
		jar = "../../.ci/tools/node_modules/vnu-jar/build/dist/vnu.jar"
	}
	java, err := exec.LookPath("java")
	if _, serr := os.Stat(jar); serr != nil || err != nil {
		if os.Getenv("BTI_REQUIRE_BROWSER") == "1" {
			t.Fatalf("the Nu Html Checker or Java is missing (%s): .ci/run installs vnu-jar", jar)
		}
		t.Skip("no vnu.jar or java; run: npm install --prefix .ci/tools vnu-jar")
	}
	return []string{java, "-jar", jar, "--errors-only", "--skip-non-html"}
}

// TestNuHtmlCheckerSamples validates every HTML page of both samples with
// the W3C Nu Html Checker: zero errors.
func TestNuHtmlCheckerSamples(t *testing.T) {
	cmd := vnu(t)
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{Changed: map[string]string{"x": "2026-01-01"}, History: sampleHistory(site)})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := output.Write(dir, tree, nil); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(cmd[0], append(cmd[1:], dir)...).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("the Nu Html Checker reports:\n%s", strings.ReplaceAll(string(out), dir, ""))
	}
}

// TestNuHtmlCheckerCanFail makes sure the check above can fail.
func TestNuHtmlCheckerCanFail(t *testing.T) {
	cmd := vnu(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.html"), []byte("<!DOCTYPE html><html lang=nb><title>x</title><p><div></span>"), 0o644)
	out, err := exec.Command(cmd[0], append(cmd[1:], dir)...).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "error") {
		t.Errorf("want errors for a broken page, got %v: %s", err, out)
	}
}
