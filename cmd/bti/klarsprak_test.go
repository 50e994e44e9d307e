package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// samples copies both sample municipalities into a new project, which
// has no content/ folder of its own (the national content comes built in).
func samples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, m := range []string{"lillestrom", "vardo"} {
		if err := os.CopyFS(filepath.Join(dir, "municipalities", m), os.DirFS(filepath.Join("../../municipalities", m))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// forty is a sentence of 40 words with "f.eks." in it.
const forty = "Når barnehagen er bekymret for et barn, skal den pedagogiske lederen f.eks. snakke med foreldrene, skrive ned det som er sett i undringsprotokollen, drøfte saken i ressursteamet og avtale et nytt møte med foreldrene innen to uker etter første samtale."

// TestCheckKlarsprak: bti check --klarsprak on both samples prints a
// summary per guide (pages, median LIX, the hardest pages) after the
// warnings, reports a 40-word sentence with "f.eks." in it as one
// sentence at its line, and exits 0 (the warnings do not stop a build).
func TestCheckKlarsprak(t *testing.T) {
	dir := samples(t)
	step := filepath.Join(dir, "municipalities/vardo/guides/felles/niva-1/02-tiltaksplan.md")
	data, err := os.ReadFile(step)
	if err != nil {
		t.Fatal(err)
	}
	// The sentence is a paragraph of its own after the first of "## Hva".
	text := strings.Replace(string(data), "Den gjør det lettere å evaluere.\n", "Den gjør det lettere å evaluere.\n\n"+forty+"\n", 1)
	line := strings.Count(text[:strings.Index(text, forty)], "\n") + 1
	if err := os.WriteFile(step, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "-C", dir, "--klarsprak"}, &stdout, &stderr)
	out, warns := stdout.String(), stderr.String()
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, warns, out)
	}
	want := fmt.Sprintf("municipalities/vardo/guides/felles/niva-1/02-tiltaksplan.md:%d:1: advarsel: lang setning (40 ord): del den i to [BTI600]\n", line) +
		"\ttips: setningen begynner «Når barnehagen er bekymret for et barn, skal …». Grensen er 25 ord."
	if !strings.Contains(warns, want) {
		t.Errorf("no warning\n%s\nin\n%s", want, warns)
	}
	// The national documents are built in: no warnings about them.
	if strings.Contains(warns, "content/") {
		t.Errorf("warnings about the built-in national content:\n%s", warns)
	}
	for _, want := range []string{
		"Klarspråk i Lillestrøm kommune\n",
		"Klarspråk i Vardø kommune\n",
		"Grenser: setninger over 25 ord og sider over LIX 45; til foreldre 20 ord og LIX 40.",
		"del            sider  median LIX  lange setninger  over LIX-grensen\n",
		"  Barnehage         23 ",
		"  Skole             23 ",
		"  Helsestasjon      23 ",
		"  Handlingsveileder     20 ",
		"  Barnehage: de fem vanskeligste sidene (høyest LIX)\n",
		"  Verktøykassen: de fem vanskeligste sidene (høyest LIX)\n",
		"Om BTI (nasjonal)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the summary has no %q:\n%s", want, out)
		}
	}
	// Each part lists its five hardest pages, highest LIX first.
	hard := regexp.MustCompile(`(?m)^    LIX (\d+)  `)
	if n := len(hard.FindAllString(out, -1)); n != 8*5 {
		t.Errorf("%d of the hardest pages listed, want 5 for each of 8 parts:\n%s", n, out)
	}
	if !strings.HasSuffix(out, "ingen feil ("+strings.SplitAfter(out, "ingen feil (")[1]) || !strings.Contains(out, "bti check: 2 kommuner") {
		t.Errorf("no closing line:\n%s", out)
	}

	// Without --klarsprak, nothing of it.
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"check", "-C", dir}, &stdout, &stderr); code != 0 || strings.Contains(stderr.String()+stdout.String(), "BTI60") ||
		strings.Contains(stdout.String(), "Klarspråk") {
		t.Errorf("a plain check: exit %d\n%s%s", code, stderr.String(), stdout.String())
	}
}

// TestCheckKlarsprakLanguages: the warnings and the summary are in the
// language of the run (nynorsk: "del han i to"; English).
func TestCheckKlarsprakLanguages(t *testing.T) {
	dir := samples(t)
	for lang, want := range map[string][]string{
		"nn": {": åtvaring: lang setning (", " ord): del han i to [BTI600]", "Klarspråk i Vardø kommune", "Verktøykassa: dei fem vanskelegaste sidene (høgast LIX)"},
		"en": {": warning: long sentence (", " words): split it in two [BTI600]", "Plain language in Vardø kommune", "Toolbox: the five hardest pages (highest LIX)"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"check", "-C", dir, "--klarsprak", "--lang", lang, "vardo"}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d\n%s", lang, code, stderr.String())
		}
		all := stderr.String() + stdout.String()
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no %q in\n%s", lang, w, all)
			}
		}
	}
}
