package diag

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update", false, "rewrite docs/meldinger/ from the catalogue")

const docsDir = "../../docs/meldinger"

// TestDocsPages: docs/meldinger/ has a page per code, made from the
// catalogue, and nothing else (go test ./generator/diag -update rewrites it).
func TestDocsPages(t *testing.T) {
	want := docsPages(t)
	if *updateDocs {
		os.RemoveAll(docsDir)
		os.MkdirAll(docsDir, 0o755)
		for name, text := range want {
			if err := os.WriteFile(filepath.Join(docsDir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, _ := os.ReadDir(docsDir)
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("docs/meldinger/%s is not made from the catalogue; run go test ./generator/diag -update", e.Name())
		}
	}
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil || string(got) != text {
			t.Errorf("docs/meldinger/%s is out of date; run go test ./generator/diag -update", name)
		}
	}
}

// docsPages makes the pages: a README.md listing every code and one
// page per code.
func docsPages(t *testing.T) map[string]string {
	codes, err := Codes()
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	byFile := map[string][]Entry{}
	for _, c := range codes {
		e, _ := Lookup(c)
		byFile[e.File] = append(byFile[e.File], e)
		var b strings.Builder
		fmt.Fprintf(&b, "# %s: %s\n\n", c, e.Doc.Title)
		if e.Severity == Error {
			b.WriteString("**Feil:** `bti build` bygger ikke nettstedet før den er rettet.\n\n")
		} else {
			b.WriteString("**Advarsel:** nettstedet bygges, men dette bør rettes.\n\n")
		}
		fmt.Fprintf(&b, "Meldingen:\n\n> %s\n", shown(e.Message.NB))
		if e.Hint.NB != "" {
			fmt.Fprintf(&b, ">\n> tips: %s\n", shown(e.Hint.NB))
		}
		var hints []string
		for name := range e.Hints {
			hints = append(hints, name)
		}
		sort.Strings(hints)
		if len(hints) > 0 {
			b.WriteString("\nAndre tips som kan stå under meldingen:\n\n")
			for _, h := range hints {
				fmt.Fprintf(&b, "- %s\n", shown(e.Hints[h].NB))
			}
		}
		b.WriteString("\n" + strings.TrimSpace(e.Doc.Text) + "\n")
		fmt.Fprintf(&b, "\nPå nynorsk:\n\n> %s\n", shown(e.Message.NN))
		b.WriteString("\n[Alle meldingene](README.md) · [Slik skriver du BTI-håndboken](../content-format.md)\n")
		pages[string(c)+".md"] = b.String()
	}
	var b strings.Builder
	b.WriteString("# Meldingene fra bti\n\n")
	b.WriteString("Hver melding fra `bti check`, `bti build` og `bti serve` har en kode i hakeparentes,\n")
	b.WriteString("for eksempel `[BTI104]`. Her er en side for hver kode som forklarer feilen og hvordan\n")
	b.WriteString("du retter den. (Sidene lages fra meldingskatalogen i `generator/diag/messages/`.)\n")
	var files []string
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	titles := map[string]string{
		"messages/source.toml": "Tekst og innstillinger", "messages/municipality.toml": "Kommunen og municipality.toml",
		"messages/documents.toml": "Veiledere, trinn, verktøykassen og sider", "messages/markdown.toml": "Teksten i Markdown",
		"messages/references.toml": "Lenker og henvisninger", "messages/build.toml": "Bygging",
		"messages/klarsprak.toml": "Klarspråk (bti check --klarsprak)",
	}
	for _, f := range files {
		title := titles[f]
		if title == "" {
			title = strings.TrimSuffix(filepath.Base(f), ".toml")
		}
		fmt.Fprintf(&b, "\n## %s\n\n| kode | hva |\n|---|---|\n", title)
		for _, e := range byFile[f] {
			kind := ""
			if e.Severity == Warning {
				kind = " (advarsel)"
			}
			fmt.Fprintf(&b, "| [%s](%s.md) | %s%s |\n", e.Code, e.Code, e.Doc.Title, kind)
		}
	}
	pages["README.md"] = b.String()
	return pages
}

// shown writes a catalogue text for a reader: placeholders as ‹name›.
func shown(s string) string {
	s = placeholder.ReplaceAllString(s, "‹$1›")
	return strings.ReplaceAll(s, "\n", "\n> ")
}
